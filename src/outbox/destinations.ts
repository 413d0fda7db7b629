import type { Logger } from "../log";
import type { ConversationRepository } from "../store/conversations";
import type { AppInstaller } from "./graph-install";
import type { Outcome } from "./outcome";
import { conversationLane, type ConnectorPort, type MessageDoc, type SendFailure, type Target, type UnreachableKind } from "./outbox";
import { elapsedMs, type PermitQueue } from "./permits";
import { backoffMs } from "./rate-limits";

/** Where a message goes, or why it cannot go yet. */
export type Destination =
  | { ok: true; conversationId: string; serviceUrl: string }
  | { ok: false; failure: SendFailure; during: "create" }
  | { ok: false; retryAt: number; why: string };

/** Why a conversation cannot be posted to. */
export interface Unreachable {
  why: string;
  reason: UnreachableKind;
}

interface Cached<T> {
  value: T;
  /** When it was learnt (elapsedMs()). */
  at: number;
}

export interface DestinationsOptions {
  conversations: ConversationRepository;
  port: ConnectorPort;
  /** Creating a 1:1 chat takes a tenant rate-limit place like a send. */
  permits: PermitQueue;
  /** Installs the app for a person Teams will not open a chat with (Graph); absent: they are unreachable. */
  installer?: AppInstaller | undefined;
  log: Logger;
  /** The app's clock, in epoch ms. */
  now: () => number;
  /** How long a conversation's reachability and a person's 1:1 chat are remembered. */
  cacheTtlMs: number;
  /** After installing the app for a person, wait this long for Teams before trying again. */
  installWaitMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
}

/**
 * The outbox dispatcher's view of where messages go: a person's 1:1 chat (remembered, else read
 * from the stored conversation references, else created and stored), whether a conversation can
 * still be posted to (the stored reference says whether the app is installed there), and installing
 * the app through Graph for a person Teams will not open a chat with. What it learns is remembered
 * for cacheTtlMs in this process.
 */
export class Destinations {
  private readonly persons = new Map<string, Cached<{ conversationId: string; serviceUrl: string }>>();
  private readonly unreachable = new Map<string, Cached<Unreachable | undefined>>();

  constructor(private readonly opts: DestinationsOptions) {}

  /** Where the message goes: a conversation, or a person's 1:1 chat (found or created). */
  async resolve(doc: MessageDoc): Promise<Destination> {
    const target = doc.target;
    if (target.kind === "conversation") return { ok: true, conversationId: target.conversationId, serviceUrl: target.serviceUrl };
    const key = personKey(target);
    const cached = this.fresh(this.persons.get(key));
    if (cached) return { ok: true, ...cached.value };
    const record = await this.opts.conversations.findPersonal(target.tenantId, target.aadObjectId);
    if (record) return { ok: true, ...this.remember(key, record.conversationId, record.serviceUrl) };

    const permit = await this.opts.permits.wait(target.tenantId, undefined);
    if (!permit) return { ok: false, retryAt: this.opts.now() + 1_000, why: "waiting for a rate-limit place to create a 1:1 chat" };
    let created: Awaited<ReturnType<ConnectorPort["createPersonalConversation"]>>;
    try {
      created = await this.opts.port.createPersonalConversation(target);
    } finally {
      this.opts.permits.settle(permit, "done");
    }
    if (!created.ok) return { ok: false, failure: created, during: "create" };
    const serviceUrl = created.serviceUrl ?? target.serviceUrl;
    // Teams returns the same 1:1 chat if it exists, so creating it again after a crash here is harmless.
    await this.opts.conversations.save({
      conversationId: created.conversationId,
      serviceUrl,
      channelId: "msteams",
      tenantId: target.tenantId,
      conversationType: "personal",
      bot: { id: created.botId ?? "" },
      user: { id: target.aadObjectId, aadObjectId: target.aadObjectId },
      installed: true,
      updatedAt: new Date(this.opts.now()).toISOString(),
    });
    this.opts.log.info("created a 1:1 chat", { messageId: doc.id, purpose: doc.purpose });
    return { ok: true, ...this.remember(key, created.conversationId, serviceUrl) };
  }

  /** The conversation the message goes to, if known without asking the store. */
  knownConversation(doc: MessageDoc): string | undefined {
    if (doc.target.kind === "conversation") return doc.target.conversationId;
    return this.fresh(this.persons.get(personKey(doc.target)))?.value.conversationId;
  }

  /** Why this conversation cannot be posted to, or undefined if it can (as far as we know). */
  async knownUnreachable(tenantId: string, conversationId: string): Promise<Unreachable | undefined> {
    const key = conversationLane(tenantId, conversationId);
    const cached = this.fresh(this.unreachable.get(key));
    if (cached) return cached.value;
    let value: Unreachable | undefined;
    try {
      const record = await this.opts.conversations.get(tenantId, conversationId);
      if (record && !record.installed) {
        value = { reason: "removed-from-conversation", why: "the app is no longer installed in this conversation (stored conversation reference)" };
      }
    } catch (err) {
      this.opts.log.warn("could not read a conversation reference", { err: err as Error });
    }
    this.unreachable.set(key, { value, at: elapsedMs() });
    return value;
  }

  /** Stop posting there: remember it, and mark the stored reference as not installed. */
  async markUnreachable(target: Target, conversationId: string, value: Unreachable): Promise<void> {
    this.unreachable.set(conversationLane(target.tenantId, conversationId), { value, at: elapsedMs() });
    try {
      const record = await this.opts.conversations.get(target.tenantId, conversationId);
      if (record?.installed) await this.opts.conversations.save({ ...record, installed: false, updatedAt: new Date(this.opts.now()).toISOString() });
    } catch (err) {
      this.opts.log.warn("could not mark a conversation reference as unreachable", { err: err as Error });
    }
  }

  /** Forget a person's remembered 1:1 chat (no-op for a conversation target). */
  forget(target: Target): void {
    if (target.kind === "person") this.persons.delete(personKey(target));
  }

  /**
   * Teams would not open a 1:1 chat (the app is not installed for the person): with an installer,
   * install the app once for this message and try again shortly (by then Teams has sent the install
   * event, which stores the chat). Undefined: no installer, no permission, or already tried.
   */
  async installFor(doc: MessageDoc): Promise<{ doc: MessageDoc; outcome: Outcome } | undefined> {
    const installer = this.opts.installer;
    if (!installer || doc.target.kind !== "person" || doc.installRequestedAt) return undefined;
    const now = this.opts.now();
    const result = await installer.install(doc.target);
    const fields = { messageId: doc.id, purpose: doc.purpose, result: result.kind };
    const log = this.opts.log;
    switch (result.kind) {
      case "installed":
      case "already-installed":
        log.info("installed the app for a person so the bot can message them", fields);
        return {
          doc: { ...doc, installRequestedAt: new Date(now).toISOString() },
          outcome: { kind: "retry", at: now + this.opts.installWaitMs, why: "installed the app for this person; waiting for Teams" },
        };
      case "throttled":
        log.warn("Graph throttled an app install", { ...fields, retryAfterMs: result.retryAfterMs });
        return { doc, outcome: { kind: "retry", at: now + result.retryAfterMs, why: "Graph throttled the app install" } };
      case "error":
        log.warn("could not install the app for a person; will retry", { ...fields, status: result.status });
        return { doc, outcome: { kind: "retry", at: now + backoffMs(doc.attempts + 1, this.opts.backoffBaseMs, this.opts.backoffMaxMs), why: `Graph install failed (${result.status})` } };
      case "forbidden":
        log.warn("no Graph permission to install the app (TeamsAppInstallation.ReadWriteSelfForUser.All); telling people instead", fields);
        return undefined;
    }
  }

  /** Drop what was learnt more than cacheTtlMs ago (`elapsed` is elapsedMs()). */
  prune(elapsed: number): void {
    for (const cache of [this.persons, this.unreachable]) {
      for (const [key, entry] of cache) if (elapsed - entry.at > this.opts.cacheTtlMs) cache.delete(key);
    }
  }

  private remember(key: string, conversationId: string, serviceUrl: string) {
    const value = { conversationId, serviceUrl };
    this.persons.set(key, { value, at: elapsedMs() });
    return value;
  }

  private fresh<T>(entry: Cached<T> | undefined): Cached<T> | undefined {
    return entry && elapsedMs() - entry.at <= this.opts.cacheTtlMs ? entry : undefined;
  }
}

const personKey = (t: { tenantId: string; aadObjectId: string }) => `${t.tenantId}|person:${t.aadObjectId}`;
