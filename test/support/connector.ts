import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { MESSAGE_ID_HEADER } from "../../bot/proactive/connector-port";
import { SlidingWindowLog, TEAMS_CONVERSATION_WINDOWS, TEAMS_TENANT_WINDOWS, type Window } from "../../src/outbox/rate-limits";

/**
 * A stand-in for the Bot Connector service (what Teams runs) on 127.0.0.1. It records every
 * activity the bot sends and can answer as Teams does when it is unhappy: 429 with Retry-After,
 * or 403 when the bot is not in the conversation.
 */
export interface SentActivity {
  method: string;
  path: string;
  conversationId: string;
  /** The activity id being replied to or updated, when the URL names one. */
  activityId?: string;
  body: Record<string, any>;
  at: number;
}

export type Fault =
  | { status: 429; retryAfterSeconds?: number; code?: string }
  | { status: 403 | 404 | 408 | 412 | 500 | 502 | 503 | 504; code?: string };

/**
 * Optional behaviour, all off by default (then it answers at once and never throttles).
 *
 * limits: enforce Teams' limits as sliding windows — per conversation (URL's conversation id) 7/1 s,
 * 8/2 s, 60/30 s, 1800/h, and per tenant 50/s — answering 429 with Retry-After (whole seconds, at
 * least 1) when a request would exceed one. Only accepted requests count. The tenant is the
 * activity's conversation.tenantId, else channelData.tenant.id, else the tenant a conversation was
 * created in here (POST /v3/conversations), else "unknown". createConversation counts against the
 * tenant only.
 *
 * latencyMs: each request takes this long (fixed, or uniform in [min, max]) to be answered. The
 * request is counted (and judged against the limits) at its arrival time: when it was received plus
 * half the latency (the way in), computed rather than waited for, so the count does not depend on how
 * late this process's timers run when the machine is busy.
 */
export interface StandInOptions {
  limits?: boolean | { conversation?: readonly Window[]; tenant?: readonly Window[] };
  latencyMs?: number | [number, number];
}

/** Every request, whatever the answer. */
export interface ReceivedRequest {
  method: string;
  path: string;
  conversationId?: string;
  tenantId?: string;
  /** The outbox message id (x-outbox-message-id header), when sent through the outbox. */
  messageId?: string;
  authorization: boolean;
  status: number;
  at: number;
}

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.end(JSON.stringify(body));
}

export class ConnectorStandIn {
  readonly sent: SentActivity[] = [];
  private server: Server | undefined;
  private readonly faults = new Map<string, Fault[]>();
  /** Profiles Teams would return for GET /v3/conversations/{id}/members/{memberId}. */
  readonly members = new Map<string, Record<string, unknown>>();
  private readonly waiters = new Set<() => void>();
  private counter = 0;
  url = "";
  /** Every request received, with the status it got. */
  readonly requests: ReceivedRequest[] = [];
  /** 429s given because a limit was exceeded (not failNext faults). */
  readonly throttled: { scope: "conversation" | "tenant"; tenantId: string; conversationId?: string; at: number }[] = [];
  /** Accepted activities per outbox message id: more than 1 is a duplicate. */
  readonly deliveries = new Map<string, number>();
  /** 1:1 chats opened with POST /v3/conversations. */
  readonly created: { conversationId: string; tenantId: string; memberId: string }[] = [];
  /** Members (AAD object ids or user ids) for whom createConversation answers 403 (app not installed). */
  readonly unreachableUsers = new Set<string>();
  private readonly conversationTenants = new Map<string, string>();
  private readonly conversationLimits: SlidingWindowLog | undefined;
  private readonly tenantLimits: SlidingWindowLog | undefined;

  constructor(private readonly options: StandInOptions = {}) {
    const limits = options.limits === true ? {} : options.limits || undefined;
    this.conversationLimits = limits ? new SlidingWindowLog(limits.conversation ?? TEAMS_CONVERSATION_WINDOWS) : undefined;
    this.tenantLimits = limits ? new SlidingWindowLog(limits.tenant ?? TEAMS_TENANT_WINDOWS) : undefined;
  }

  /** Message ids that were accepted more than once. */
  duplicates(): string[] {
    return [...this.deliveries].filter(([, n]) => n > 1).map(([id]) => id);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** The next `count` sends to this conversation fail with `fault` (for createConversation: key = the member id). */
  failNext(conversationId: string, fault: Fault, count = 1): void {
    const list = this.faults.get(conversationId) ?? [];
    for (let i = 0; i < count; i++) list.push(fault);
    this.faults.set(conversationId, list);
  }

  to(conversationId: string): SentActivity[] {
    return this.sent.filter((s) => s.conversationId === conversationId);
  }

  /** Wait until `predicate` holds for what was sent; fails after `timeoutMs` with what was seen. */
  async waitFor(predicate: (sent: SentActivity[]) => boolean, timeoutMs = 5000): Promise<void> {
    if (predicate(this.sent)) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`connector stand-in: condition not met in ${timeoutMs} ms; saw ${JSON.stringify(this.sent.map((s) => s.body.text ?? s.body.attachments?.[0]?.contentType))}`));
      }, timeoutMs);
      const check = () => {
        if (predicate(this.sent)) {
          clearTimeout(timer);
          this.waiters.delete(check);
          resolve();
        }
      };
      this.waiters.add(check);
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", this.url);
    const receivedAt = Date.now();
    const latency = this.latency();
    const messageIdHeader = req.headers[MESSAGE_ID_HEADER];
    const log: ReceivedRequest = {
      method: req.method ?? "",
      path: url.pathname,
      authorization: req.headers.authorization !== undefined,
      status: 0,
      at: receivedAt + latency / 2,
      ...(typeof messageIdHeader === "string" ? { messageId: messageIdHeader } : {}),
    };
    this.requests.push(log);
    const answer = async (status: number, body: unknown, headers: Record<string, string> = {}) => {
      log.status = status;
      const left = receivedAt + latency - Date.now();
      if (left > 0) await delay(left);
      reply(res, status, body, headers);
    };

    if (req.method === "POST" && /^\/v3\/conversations\/?$/.test(url.pathname)) return this.createConversation(raw, log, answer);

    const member = /^\/v3\/conversations\/[^/]+\/members\/([^/]+)$/.exec(url.pathname);
    if (member && req.method === "GET") {
      const profile = this.members.get(decodeURIComponent(member[1]!));
      if (profile) await answer(200, profile);
      else await answer(404, { error: { code: "MemberNotFoundInConversation" } });
      return;
    }
    const m = /^\/v3\/conversations\/([^/]+)(?:\/activities(?:\/([^/]+))?)?\/?$/.exec(url.pathname);
    if (!m) {
      await answer(404, { error: { code: "NotFound" } });
      return;
    }
    const conversationId = decodeURIComponent(m[1]!);
    log.conversationId = conversationId;
    const fault = this.faults.get(conversationId)?.shift();
    if (fault) {
      await this.answerFault(fault, answer);
      return;
    }
    const body = raw ? (JSON.parse(raw) as Record<string, any>) : {};
    const tenantId: string =
      body.conversation?.tenantId ?? body.channelData?.tenant?.id ?? this.conversationTenants.get(conversationId) ?? "unknown";
    log.tenantId = tenantId;
    const retryAfter = this.overLimit(tenantId, conversationId, log.at);
    if (retryAfter) {
      await answer(429, { error: { code: "TooManyRequests", message: "TooManyRequests" } }, { "retry-after": String(retryAfter) });
      return;
    }
    this.sent.push({
      method: req.method ?? "",
      path: url.pathname,
      conversationId,
      ...(m[2] ? { activityId: decodeURIComponent(m[2]) } : {}),
      body,
      at: Date.now(),
    });
    const messageId = log.messageId ?? body.channelData?.idempotencyKey;
    if (typeof messageId === "string" && req.method === "POST") this.deliveries.set(messageId, (this.deliveries.get(messageId) ?? 0) + 1);
    await answer(200, { id: `sent-${++this.counter}` });
    for (const w of [...this.waiters]) w();
  }

  private async createConversation(raw: string, log: ReceivedRequest, answer: (status: number, body: unknown, headers?: Record<string, string>) => Promise<void>): Promise<void> {
    const body = raw ? (JSON.parse(raw) as Record<string, any>) : {};
    const memberId: string | undefined = body.members?.[0]?.id;
    const tenantId: string = body.tenantId ?? body.channelData?.tenant?.id ?? "unknown";
    log.tenantId = tenantId;
    if (!memberId || body.isGroup) {
      await answer(400, { error: { code: "BadArgument", message: "one member, isGroup false" } });
      return;
    }
    const fault = this.faults.get(memberId)?.shift();
    if (fault) {
      await this.answerFault(fault, answer);
      return;
    }
    if (this.unreachableUsers.has(memberId)) {
      await answer(403, { error: { code: "Forbidden", message: "The bot is not installed for this user" } });
      return;
    }
    const retryAfter = this.overLimit(tenantId, undefined, log.at);
    if (retryAfter) {
      await answer(429, { error: { code: "TooManyRequests", message: "TooManyRequests" } }, { "retry-after": String(retryAfter) });
      return;
    }
    // Teams gives back the same 1:1 chat for the same person.
    const conversationId = `a:1on1-${tenantId}-${memberId}`;
    this.conversationTenants.set(conversationId, tenantId);
    if (!this.created.some((c) => c.conversationId === conversationId)) this.created.push({ conversationId, tenantId, memberId });
    log.conversationId = conversationId;
    await answer(201, { id: conversationId });
  }

  private async answerFault(fault: Fault, answer: (status: number, body: unknown, headers?: Record<string, string>) => Promise<void>): Promise<void> {
    const headers: Record<string, string> = {};
    if (fault.status === 429 && fault.retryAfterSeconds !== undefined) headers["retry-after"] = String(fault.retryAfterSeconds);
    const code = fault.code ?? (fault.status === 403 ? "BotNotInConversationRoster" : fault.status === 429 ? "TooManyRequests" : "ServiceError");
    await answer(fault.status, { error: { code, message: code } }, headers);
  }

  /** Seconds to put in Retry-After if this request exceeds a limit (and records it if not); 0 = accepted. */
  private overLimit(tenantId: string, conversationId: string | undefined, at: number): number {
    if (!this.tenantLimits || !this.conversationLimits) return 0;
    const convKey = conversationId === undefined ? undefined : `${tenantId}|${conversationId}`;
    const convWait = convKey === undefined ? 0 : this.conversationLimits.waitMs(convKey, at);
    const tenantWait = this.tenantLimits.waitMs(tenantId, at);
    if (convWait > 0 || tenantWait > 0) {
      this.throttled.push({ scope: convWait >= tenantWait ? "conversation" : "tenant", tenantId, ...(conversationId ? { conversationId } : {}), at });
      return Math.max(1, Math.ceil(Math.max(convWait, tenantWait) / 1000));
    }
    this.tenantLimits.record(tenantId, at);
    if (convKey !== undefined) this.conversationLimits.record(convKey, at);
    if (this.requests.length % 1000 === 0) {
      this.tenantLimits.prune(at);
      this.conversationLimits.prune(at);
    }
    return 0;
  }

  private latency(): number {
    const l = this.options.latencyMs;
    if (l === undefined) return 0;
    if (typeof l === "number") return l;
    return l[0] + Math.random() * (l[1] - l[0]);
  }
}
