import type { Container } from "@azure/cosmos";
import { z } from "zod";
import { cosmosCode, readItem, type Stored } from "../store/store";

/**
 * The outbound queue: every proactive message (approval cards, reminders, match notifications) is a
 * document in the `outbox` container before anything is sent, so nothing is lost on a restart, and
 * its id is the idempotency key: enqueueing the same id twice gives one message, and once a message
 * is `sent` it is never sent again. OutboxDispatcher (dispatcher.ts) sends them. No botbuilder here.
 *
 * Documents: pk = id. Ids starting with "_" are reserved for the dispatcher's own documents.
 */

export type Target =
  | { kind: "conversation"; tenantId: string; conversationId: string; serviceUrl: string }
  /** A person's 1:1 chat with the bot, created if the bot has none. */
  | { kind: "person"; tenantId: string; aadObjectId: string; serviceUrl: string };

/** dropped: at send time, what it depends on said it was no longer worth sending (see send-checks.ts). */
export type OutboundStatus = "queued" | "sending" | "sent" | "unreachable" | "failed" | "dropped";

/**
 * Why a message is unreachable: Teams would not open a 1:1 chat with the person (app not installed
 * for them), the bot is no longer in the conversation (removed, uninstalled, blocked: 403), or the
 * conversation does not exist (404).
 */
export type UnreachableKind = "not-installed" | "removed-from-conversation" | "conversation-not-found";

export interface OutboundMessage {
  /** Idempotency key, chosen by the caller, deterministic (e.g. `approval:<request id>:<manager>`). */
  id: string;
  target: Target;
  /** Bot Framework activity JSON, e.g. { type: "message", attachments: [...] }. */
  activity: Record<string, unknown>;
  /** What it is for, for logs and reports (never the content), e.g. "approval-card". */
  purpose: string;
  /**
   * The person keys of everyone whose own words the message quotes (a reason for not going ahead),
   * so erasing one of them finds it even when it does not name them. As audit entries have.
   */
  about?: string[];
  /**
   * What the message depends on, looked at again just before each send by the check registered
   * under `check` (send-checks.ts): it may go as queued, go as something else, or be dropped.
   */
  dependsOn?: DependsOn;
  status: OutboundStatus;
  /** Requests made to Teams for this message so far. */
  attempts: number;
  /** Not to be sent before this time (ISO). */
  notBefore: string;
  createdAt: string;
  sentAt?: string;
  /** The id Teams gave the sent activity (to update or delete it later). */
  activityId?: string;
  /** The conversation it went to (for a person: their 1:1 chat). */
  conversationId?: string;
  /** Why it is not sent yet, or why it never will be. Never message content. */
  lastError?: string;
  /** Set when status is "unreachable". */
  unreachableReason?: UnreachableKind;
  /** The dispatcher instance that is sending it, and until when (ISO). */
  leaseOwner?: string;
  leaseUntil?: string;
}

/** The queue document: the message plus what the dispatcher needs to find and order it. */
export type MessageDoc = Stored<OutboundMessage> & {
  type: "message";
  /** Messages in one lane go out one at a time, in order: `tenant|conversation` or `tenant|person:aad`. */
  lane: string;
  updatedAt: string;
  /** Instance that sent it; lets a new leader count sends it did not make against the limits. */
  sentBy?: string;
  /** When the app was installed for the person through Graph (graph-install.ts), so it is done once. */
  installRequestedAt?: string;
};

/** The result of one request to Teams. */
export type SendResult = { ok: true; activityId?: string } | SendFailure;
/** status 0 = network error or timeout; retryAfterMs from Retry-After; code = Teams' error code. */
export type SendFailure = { ok: false; status: number; retryAfterMs?: number; code?: string };

/** What the dispatcher hands the port with a send, to time the request exactly. */
export interface SendHooks {
  /** The outbox message id (sent as the x-outbox-message-id header, so duplicates can be spotted). */
  messageId: string;
  /**
   * Awaited after the port's own set-up, immediately before the request: the dispatcher takes its
   * rate-limit place here. A port must call it before making the request; if it throws, the port
   * makes no request and rethrows it.
   */
  beforeRequest?: () => Promise<void>;
  /** Called as the HTTP request leaves (from the HTTP pipeline), to stamp the rate-limit place. */
  onRequest?: () => void;
}

/** Teams, as the dispatcher needs it. Implemented with botbuilder in bot/proactive/connector-port.ts. */
export interface ConnectorPort {
  send(target: { tenantId: string; conversationId: string; serviceUrl: string }, activity: Record<string, unknown>, hooks?: SendHooks): Promise<SendResult>;
  createPersonalConversation(target: { tenantId: string; aadObjectId: string; serviceUrl: string }): Promise<
    | {
        ok: true;
        conversationId: string;
        /** Where Teams says to send from now on, if it says. */
        serviceUrl?: string;
        /** The bot's channel account id, for the stored conversation reference. */
        botId?: string;
      }
    | SendFailure
  >;
}

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** Teams drops messages over about 28 KB; botbuilder adds a few hundred bytes of addressing. */
export const MAX_ACTIVITY_BYTES = 27_500;

const idSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^/\\?#]+$/, "must not contain / \\ ? or #")
  .refine((s) => !s.startsWith("_"), "must not start with _ (reserved)");
const text = z.string().trim().min(1).max(1000);
const TargetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("conversation"), tenantId: text, conversationId: text, serviceUrl: z.url({ protocol: /^https?$/ }) }),
  z.object({ kind: z.literal("person"), tenantId: text, aadObjectId: text, serviceUrl: z.url({ protocol: /^https?$/ }) }),
]);
const DependsOnSchema = z.object({
  check: z.string().trim().min(1).max(100),
  ref: z.record(z.string(), z.string().max(300)).refine((r) => Object.keys(r).length <= 10, "at most 10 fields"),
});
const EnqueueSchema = z.object({
  id: idSchema,
  target: TargetSchema,
  activity: z
    .record(z.string(), z.unknown())
    .refine((a) => a.type === undefined || typeof a.type === "string", "activity.type must be a string")
    .refine((a) => Buffer.byteLength(JSON.stringify(a)) <= MAX_ACTIVITY_BYTES, `activity is larger than ${MAX_ACTIVITY_BYTES} bytes`),
  purpose: z.string().trim().min(1).max(100),
  about: z.array(z.string().trim().min(1).max(300).toLowerCase()).max(20).optional(),
  dependsOn: DependsOnSchema.optional(),
});
export type EnqueueRequest = z.input<typeof EnqueueSchema>;
/** A message's dependency: which registered check looks at it, and what that check needs to find it. */
export type DependsOn = z.infer<typeof DependsOnSchema>;

export function laneOf(target: Target): string {
  return target.kind === "conversation"
    ? conversationLane(target.tenantId, target.conversationId)
    : `${target.tenantId}|person:${target.aadObjectId}`;
}
export const conversationLane = (tenantId: string, conversationId: string) => `${tenantId}|${conversationId}`;

const INTERNAL_FIELDS = ["pk", "type", "lane", "updatedAt", "sentBy", "_rid", "_self", "_etag", "_ts", "_attachments"];

/** The message as callers see it: the stored document without queue bookkeeping. */
export function toMessage(doc: object): OutboundMessage {
  const copy: Record<string, unknown> = { ...doc };
  for (const f of INTERNAL_FIELDS) delete copy[f];
  return copy as unknown as OutboundMessage;
}

export class Outbox {
  constructor(
    readonly container: Container,
    private readonly clock: Clock = systemClock,
  ) {}

  /**
   * Put a message in the queue. "duplicate" when a message with this id exists already, whatever its
   * state (so re-running the code that enqueues it is safe). Throws on an invalid message.
   */
  async enqueue(request: EnqueueRequest): Promise<"queued" | "duplicate"> {
    const m = EnqueueSchema.parse(request);
    const now = this.clock.now().toISOString();
    const activity = { type: "message", ...m.activity };
    const doc: Omit<MessageDoc, "_etag"> = {
      id: m.id,
      pk: m.id,
      type: "message",
      lane: laneOf(m.target),
      target: m.target,
      activity,
      purpose: m.purpose,
      ...(m.about?.length ? { about: [...new Set(m.about)] } : {}),
      ...(m.dependsOn ? { dependsOn: m.dependsOn } : {}),
      status: "queued",
      attempts: 0,
      notBefore: now,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.container.items.create(doc);
      return "queued";
    } catch (err) {
      if (cosmosCode(err) === 409) return "duplicate";
      throw err;
    }
  }

  async get(id: string): Promise<OutboundMessage | undefined> {
    const doc = await readItem<OutboundMessage>(this.container, id, id);
    return doc && (doc as { type?: string }).type === "message" ? toMessage(doc) : undefined;
  }

  // ---- for the dispatcher ----

  /**
   * Up to `limit` messages to send now: queued and due, or stuck in `sending` with an expired lease
   * (their sender died). Oldest first. Skips the ids and lanes given (already held by the caller).
   */
  async due(now: Date, limit: number, skipIds: string[], skipLanes: string[]): Promise<MessageDoc[]> {
    const top = Math.max(1, Math.floor(limit));
    const { resources } = await this.container.items
      .query<MessageDoc>(
        {
          query:
            `SELECT TOP ${top} * FROM c WHERE c.type = 'message' ` +
            "AND ((c.status = 'queued' AND c.notBefore <= @now) OR (c.status = 'sending' AND c.leaseUntil <= @now)) " +
            "AND NOT ARRAY_CONTAINS(@skipIds, c.id) AND NOT ARRAY_CONTAINS(@skipLanes, c.lane) " +
            "ORDER BY c.notBefore",
          parameters: [
            { name: "@now", value: now.toISOString() },
            { name: "@skipIds", value: skipIds },
            { name: "@skipLanes", value: skipLanes },
          ],
        },
        { maxItemCount: top },
      )
      .fetchNext();
    return resources;
  }

  /** Replace `current` with `next` only if nobody changed it since it was read. */
  async replace(current: MessageDoc, next: MessageDoc): Promise<MessageDoc | "conflict"> {
    if (!current._etag) throw new Error("replace needs a document read from the store");
    const body = { ...next, id: current.id, pk: current.pk, updatedAt: this.clock.now().toISOString() } as MessageDoc;
    delete body._etag;
    try {
      const { resource } = await this.container
        .item(current.id, current.pk)
        .replace<MessageDoc>(body, { accessCondition: { type: "IfMatch", condition: current._etag } });
      if (!resource) throw new Error("the store returned no document");
      return resource;
    } catch (err) {
      const code = cosmosCode(err);
      if (code === 412 || code === 404) return "conflict";
      throw err;
    }
  }

  async read(id: string): Promise<MessageDoc | undefined> {
    return readItem<MessageDoc>(this.container, id, id) as Promise<MessageDoc | undefined>;
  }

  /** Messages not finished yet (queued, whenever due, or sending). */
  async pendingCount(): Promise<number> {
    const { resources } = await this.container.items
      .query<number>("SELECT VALUE COUNT(1) FROM c WHERE c.type = 'message' AND (c.status = 'queued' OR c.status = 'sending')")
      .fetchAll();
    return resources[0] ?? 0;
  }

  /** Sends since `since` made by instances other than `except`, for seeding rate limits. */
  async sentSince(since: Date, except: string): Promise<{ tenantId: string; conversationId?: string; sentAt: string }[]> {
    const { resources } = await this.container.items
      .query<{ tenantId: string; conversationId?: string; sentAt: string; sentBy?: string }>({
        query:
          "SELECT c.target.tenantId AS tenantId, c.conversationId, c.sentAt, c.sentBy FROM c " +
          "WHERE c.type = 'message' AND c.status = 'sent' AND c.sentAt >= @since",
        parameters: [{ name: "@since", value: since.toISOString() }],
      })
      .fetchAll();
    return resources.filter((r) => r.sentBy !== except);
  }
}
