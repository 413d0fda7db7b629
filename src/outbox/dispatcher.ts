import type { Container } from "@azure/cosmos";
import { startSendSpan, type SendSpan } from "../telemetry";
import type { AppInstaller } from "./graph-install";
import type { Logger } from "../log";
import type { ConversationRepository } from "../store/conversations";
import { Destinations } from "./destinations";
import { outcomeOf, settledDoc, type Outcome } from "./outcome";
import {
  conversationLane,
  Outbox,
  systemClock,
  type Clock,
  type ConnectorPort,
  type MessageDoc,
  type OutboundMessage,
  type SendFailure,
  toMessage,
} from "./outbox";
import { LeaderLease } from "./leader-lease";
import { Alarm, elapsedMs, PermitQueue } from "./permits";
import { backoffMs, TeamsRateLimiter, type Permit } from "./rate-limits";
import { tuningOf, type DispatcherTuning } from "./tuning";
import { checkBeforeSend, type SendChecks } from "./send-checks";

/**
 * Sends what is in the outbox, within Teams' limits, each message once.
 *
 * One sender at a time. Every instance of the app runs a dispatcher, but only the one holding the
 * leader lease (document `_leader` in the outbox container, written with etag guards, renewed every
 * leaseMs/3) sends: the 50/s tenant budget is shared, and limiters in several processes would each
 * spend all of it. A leader stops sending `leaseSafetyMs` before its lease ends unless it has renewed;
 * another instance takes over once the lease has expired (or at once when the leader stops cleanly
 * and releases it). A new leader first counts the last hour's sends by others against its limits.
 *
 * Each message, in order (at most maxInFlight taken and not yet answered at once, one per conversation):
 *  1. taken from the queue when its conversation and tenant will have room within prefetchMs;
 *  2. claimed: `queued` → `sending` with leaseOwner/leaseUntil, etag-guarded (if anyone else changed
 *     the document since we read it, we drop it); a message that names what it depends on is then
 *     checked (send-checks.ts): sent as queued, sent as something else, or stored as `dropped`;
 *  3. for a person: resolved to their 1:1 chat (stored reference, else createConversation, stored);
 *     a conversation whose stored reference says the app is no longer installed is not posted to
 *     (for a conversation known in advance, that reference is read alongside the claim); see
 *     destinations.ts, which also installs the app through Graph for a person Teams will not open a
 *     chat with;
 *  4. sent through the port, which calls back just before the request (after botbuilder's own
 *     set-up) so the rate-limit place is taken at the last moment, and again as the request leaves.
 *     Places are handed out first come first served, with one timer for when the next one frees up
 *     (not one wake-up per waiting message); a new leader hands out none until it has counted;
 *  5. its outcome stored with an etag-guarded write before the conversation's next message is taken:
 *     `sent` (with activityId), `unreachable` (403/404; onUnreachable is called), `failed`, or back to
 *     `queued` with a later notBefore (429: after Retry-After, else backoff; 5xx/408/412/401/network
 *     errors/timeouts: jittered exponential backoff; given up after maxAttempts requests); see outcome.ts.
 *
 * Exactly once. The idempotency key is the document id; a `sent` document is never sent again, and
 * only the claim winner sends. The one window where a message can go twice is between Teams accepting
 * it and step 5 being stored: if the process dies there, the document stays `sending`, and when its
 * lease (sendLeaseMs) expires it is sent again — Teams de-duplicates nothing. That window is one store
 * write (~1–5 ms); the write is retried for a few seconds if the store is briefly unavailable. The
 * embedded store is no different: it acknowledges a write only once it is in its fsynced journal
 * (src/store/journal.ts), so there too the window is just that write. (A message claimed but not yet
 * sent when the process dies is also re-sent after its lease: that is its first send, only late.)
 * A timeout (no answer from Teams) is ambiguous too — Teams may have posted it — and is retried as
 * the Teams guidance says, so a timeout can give a duplicate.
 *
 * Order. Messages to one conversation go out one at a time, oldest first.
 */

// The tuning lives in tuning.ts; exported from here too, where callers have always found it.
export { DEFAULT_TUNING, type DispatcherTuning } from "./tuning";

export interface DispatcherOptions {
  /** The outbox container (store.container("outbox")). */
  container: Container;
  port: ConnectorPort;
  conversations: ConversationRepository;
  clock?: Clock;
  /** Unique per process, e.g. `${hostname()}:${process.pid}:${random}`. */
  instanceId: string;
  log: Logger;
  /** Called once when a message becomes unreachable, so callers can tell someone. */
  onUnreachable?: (m: OutboundMessage) => Promise<void>;
  limits?: TeamsRateLimiter;
  tuning?: Partial<DispatcherTuning>;
  /** Installs the app for a person Teams will not open a chat with (Graph); absent: they are unreachable. */
  installer?: AppInstaller;
  /** Checks a message's `dependsOn` names, run just before each send (send-checks.ts). */
  checks?: SendChecks;
}

/** No request was made: no rate-limit place in time, or leadership lost. */
class NotSent extends Error {
  constructor() {
    super("not sent: no rate-limit place in time, or no longer the leader");
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

export class OutboxDispatcher {
  readonly outbox: Outbox;
  private readonly t: DispatcherTuning;
  private readonly clock: Clock;
  private readonly limits: TeamsRateLimiter;
  private readonly log: Logger;

  private running = false;
  private stopping: Promise<void> | undefined;
  private readonly lease: LeaderLease;

  /** Fetched, not yet taken; sorted oldest first. */
  private queue: MessageDoc[] = [];
  private readonly active = new Set<string>();
  /** Telemetry span of each message in hand (src/telemetry.ts; a no-op unless configured). */
  private readonly sendSpans = new Map<string, SendSpan>();
  /** Taken and not yet answered (see maxInFlight). */
  private unanswered = 0;
  /** Claims waiting for the store; more is fetched only when fewer than claimsBeforeQuery are. */
  private claiming = 0;
  private fillAfterClaims = false;
  private readonly claimsBeforeQuery: number;
  /** Rate-limit places, first come first served; a new leader hands out none until it has counted. */
  private readonly permits: PermitQueue;
  private readonly busyLanes = new Set<string>();
  private readonly blockedLanes = new Set<string>();
  private querying = false;
  private nextQueryAt = 0;
  /** Counts kick() calls, so a query that was running when a message arrived is followed by another at once. */
  private kicks = 0;
  private readonly pumpAlarm = new Alarm(() => {
    try {
      this.pump();
    } catch (err) {
      this.log.error("outbox pump failed", { err: err as Error });
      this.schedulePump(this.t.pollMs);
    }
  });
  private idleWaiters = new Set<() => void>();

  /** Where each message goes: people's 1:1 chats, conversations known to be unreachable. */
  private readonly destinations: Destinations;
  private lastPrune = 0;

  constructor(private readonly opts: DispatcherOptions) {
    this.t = tuningOf(opts.tuning);
    this.claimsBeforeQuery = Math.max(1, Math.floor(this.t.maxInFlight / 4));
    this.clock = opts.clock ?? systemClock;
    this.limits = opts.limits ?? new TeamsRateLimiter();
    this.log = opts.log.child({ component: "outbox", instance: opts.instanceId });
    this.outbox = new Outbox(opts.container, this.clock);
    this.lease = new LeaderLease({
      container: opts.container,
      instanceId: opts.instanceId,
      clock: this.clock,
      log: this.log,
      leaseMs: this.t.leaseMs,
      leaseSafetyMs: this.t.leaseSafetyMs,
      onGained: () => this.becomeLeader(),
      onLost: (why) => this.loseLeadership(why),
    });
    this.permits = new PermitQueue({
      limits: this.limits,
      now: () => this.nowMs(),
      leads: (now) => this.isLeaderAt(now),
      maxWaitMs: this.t.maxPermitWaitMs,
      retryMs: this.t.pollMs,
      log: this.log,
    });
    this.destinations = new Destinations({
      conversations: opts.conversations,
      port: opts.port,
      permits: this.permits,
      installer: opts.installer,
      log: this.log,
      now: () => this.nowMs(),
      cacheTtlMs: this.t.cacheTtlMs,
      installWaitMs: this.t.installWaitMs,
      backoffBaseMs: this.t.backoffBaseMs,
      backoffMaxMs: this.t.backoffMaxMs,
    });
  }

  start(): void {
    if (this.running) return;
    if (this.stopping) throw new Error("a stopped dispatcher cannot be started again; make a new one");
    this.running = true;
    this.lease.start();
  }

  /** Wake up now (after an enqueue) instead of at the next poll. */
  kick(): void {
    this.lease.renewIfLapsed();
    this.kicks++;
    this.nextQueryAt = 0;
    this.schedulePump(0);
  }

  /** Finish what is in flight, give up the lease so another instance can take over at once. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.running = false;
      this.lease.halt();
      this.pumpAlarm.clear();
      this.queue = [];
      this.permits.grant();
      const deadline = elapsedMs() + this.t.sendLeaseMs;
      while (this.active.size > 0 && elapsedMs() < deadline) await this.idle(200);
      await this.lease.stop();
    })();
    return this.stopping;
  }

  /** Resolves when nothing is queued or sending (in the store, for every instance); rejects after timeoutMs. */
  async drain(timeoutMs: number): Promise<void> {
    // Real elapsed time (the monotonic clock), not the app's clock: tests freeze the app's clock,
    // and a deadline on a frozen clock never comes.
    const start = performance.now();
    const since = () => performance.now() - start;
    const deadline = timeoutMs;
    for (;;) {
      const busyHere = this.queue.length > 0 || this.active.size > 0;
      if (!busyHere) {
        const pending = await this.outbox.pendingCount();
        if (pending === 0 && this.active.size === 0) return;
        if (since() >= deadline) throw new Error(`outbox not drained after ${timeoutMs} ms: ${pending} message(s) still queued or sending`);
      } else if (since() >= deadline) {
        throw new Error(`outbox not drained after ${timeoutMs} ms: ${this.queue.length + this.active.size} message(s) in hand`);
      }
      await this.idle(Math.min(250, Math.max(10, deadline - since())));
    }
  }

  /**
   * For readiness: "ok" when the lease was checked within one lease length, "failing" when it has
   * not been (the store is not answering), "stopped" when the dispatcher is not running.
   */
  leaseHealth(): "ok" | "failing" | "stopped" {
    return this.running ? this.lease.health() : "stopped";
  }

  /** What this dispatcher holds in memory, for diagnosing a stuck queue (message ids and lanes only, no content). */
  state(): Record<string, unknown> {
    const now = this.nowMs();
    const elapsed = elapsedMs();
    return {
      running: this.running,
      leader: this.isLeaderAt(now),
      queue: this.queue.map((d) => d.id),
      active: [...this.active],
      busyLanes: [...this.busyLanes],
      blockedLanes: [...this.blockedLanes],
      permitWaiters: this.permits.waiting,
      querying: this.querying,
      claiming: this.claiming,
      unanswered: this.unanswered,
      nextQueryInMs: Math.round(this.nextQueryAt - elapsed),
      pumpInMs: this.pumpAlarm.inMs,
      permitsInMs: this.permits.nextInMs,
    };
  }

  /** True while this instance holds the leader lease. */
  get isLeader(): boolean {
    return this.isLeaderAt(this.nowMs());
  }

  // ---------------------------------------------------------------- leadership

  private async becomeLeader(): Promise<void> {
    const now = this.nowMs();
    // Count what others sent in the last hour, so the longest window holds across a takeover. Messages
    // are fetched and claimed meanwhile, but no rate-limit place is handed out until it is done.
    this.permits.counting = true;
    this.kick();
    let counted = 0;
    try {
      const sends = await this.outbox.sentSince(new Date(now - 3_600_000), this.opts.instanceId);
      for (const s of sends) this.limits.recordPast(s.tenantId, s.conversationId, Date.parse(s.sentAt));
      counted = sends.length;
    } catch (err) {
      this.log.warn("could not count recent sends; relying on Retry-After for now", { err: err as Error });
    } finally {
      this.permits.counting = false;
      this.permits.grant();
    }
    this.log.info("outbox leader", { countedSends: counted });
  }

  private loseLeadership(why: string): void {
    this.queue = [];
    this.permits.grant();
    this.log.info("outbox leadership lost", { why });
  }

  // ---------------------------------------------------------------- the pump

  private schedulePump(ms: number): void {
    if (this.running) this.pumpAlarm.in(ms);
  }

  /** Take every message that may go now; arrange to be called again when the next one may. */
  private pump(): void {
    const now = this.nowMs();
    if (!this.isLeaderAt(now)) {
      this.queue = [];
      return;
    }
    const elapsed = elapsedMs();
    if (elapsed - this.lastPrune > 10_000) {
      this.limits.prune(now);
      this.destinations.prune(elapsed);
      this.lastPrune = elapsed;
    }
    let soonest = Infinity;
    const tenantWait = new Map<string, number>();
    this.blockedLanes.clear();
    for (let i = 0; i < this.queue.length && this.unanswered < this.t.maxInFlight; ) {
      const doc = this.queue[i]!;
      const lane = this.laneFor(doc);
      if (this.busyLanes.has(lane) || this.blockedLanes.has(lane)) {
        i++;
        continue;
      }
      const tenantId = doc.target.tenantId;
      let wait = tenantWait.get(tenantId);
      if (wait === undefined) tenantWait.set(tenantId, (wait = this.limits.waitMs(tenantId, undefined, now)));
      const conversationId = this.destinations.knownConversation(doc);
      if (wait <= this.t.prefetchMs && conversationId !== undefined) wait = this.limits.waitMs(tenantId, conversationId, now);
      if (wait > this.t.prefetchMs) {
        this.blockedLanes.add(lane);
        soonest = Math.min(soonest, wait - this.t.prefetchMs);
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      this.begin(doc, lane);
    }
    const ready = this.queue.filter((d) => !this.blockedLanes.has(this.laneFor(d))).length;
    // Not while many claims are waiting for the store: a query holds it up, and the claims come first
    // (at start-up, a second query would delay the first sends by as long as it takes).
    this.fillAfterClaims = false;
    if (!this.querying && ready < this.t.batchSize / 2 && this.queue.length < this.t.maxBuffered) {
      if (this.claiming >= this.claimsBeforeQuery) this.fillAfterClaims = true;
      else if (elapsedMs() >= this.nextQueryAt) void this.fill();
      else soonest = Math.min(soonest, this.nextQueryAt - elapsedMs());
    }
    // A wait read off the app's clock is looked at again within a poll: if that clock is stepped
    // (NTP, or a test setting the date), a long sleep worked out before the step would be wrong.
    if (soonest < Infinity) this.schedulePump(Math.min(soonest, this.t.pollMs));
    if (this.queue.length === 0 && this.active.size === 0) this.wakeIdle();
  }

  private begin(doc: MessageDoc, lane: string): void {
    this.active.add(doc.id);
    this.busyLanes.add(lane);
    this.unanswered++;
    const span = startSendSpan({ purpose: doc.purpose, attempts: doc.attempts });
    this.sendSpans.set(doc.id, span);
    let answered = false;
    const onAnswer = () => {
      if (answered) return;
      answered = true;
      this.unanswered--;
      this.schedulePump(0);
    };
    void span
      .run(() => this.process(doc, onAnswer))
      .catch((err) => this.log.error("outbox message handling failed", { messageId: doc.id, purpose: doc.purpose, err: err as Error }))
      .finally(() => {
        onAnswer();
        this.sendSpans.get(doc.id)?.end();
        this.sendSpans.delete(doc.id);
        this.active.delete(doc.id);
        this.busyLanes.delete(lane);
        this.wakeIdle();
        this.schedulePump(0);
      });
  }

  /** Fetch due messages we do not hold yet. */
  private async fill(): Promise<void> {
    this.querying = true;
    const started = this.nowMs();
    const startedElapsed = elapsedMs();
    const kicksBefore = this.kicks;
    let fetched = 0;
    try {
      const laneCounts = new Map<string, number>();
      for (const d of this.queue) laneCounts.set(d.lane, (laneCounts.get(d.lane) ?? 0) + 1);
      const skipIds = [...this.queue.map((d) => d.id), ...this.active];
      const skipLanes = [...laneCounts].filter(([lane, n]) => n >= this.t.maxPerLane || this.blockedLanes.has(lane)).map(([lane]) => lane);
      const room = Math.min(this.t.batchSize, this.t.maxBuffered - this.queue.length);
      const docs = await this.outbox.due(new Date(started), room, skipIds, skipLanes);
      fetched = docs.length;
      if (!this.isLeaderAt(this.nowMs())) return;
      const held = new Set([...this.queue.map((d) => d.id), ...this.active]);
      for (const d of docs) {
        const n = laneCounts.get(d.lane) ?? 0;
        if (held.has(d.id) || n >= this.t.maxPerLane) continue;
        laneCounts.set(d.lane, n + 1);
        this.queue.push(d);
      }
      this.queue.sort((a, b) => (a.notBefore < b.notBefore ? -1 : a.notBefore > b.notBefore ? 1 : a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
    } catch (err) {
      this.log.warn("outbox query failed", { err: err as Error });
    } finally {
      this.querying = false;
      // Query again at once when the batch was full, or when a message arrived while this query ran
      // (it may have missed it); otherwise at the next poll.
      this.nextQueryAt = fetched >= this.t.batchSize || this.kicks !== kicksBefore ? 0 : startedElapsed + this.t.pollMs;
      this.schedulePump(0);
    }
  }

  // ---------------------------------------------------------------- one message

  /** Handle one message; `onAnswer` is called once Teams has answered (before the outcome is stored). */
  private async process(doc: MessageDoc, onAnswer: () => void): Promise<void> {
    // Whether the conversation is still reachable is read alongside the claim rather than after it.
    const known = this.destinations.knownConversation(doc);
    const reachability = known === undefined ? undefined : { conversationId: known, check: this.destinations.knownUnreachable(doc.target.tenantId, known) };
    this.claiming++;
    let claim: MessageDoc | "conflict";
    try {
      claim = await this.outbox.replace(doc, {
        ...doc,
        status: "sending",
        leaseOwner: this.opts.instanceId,
        leaseUntil: new Date(this.nowMs() + this.t.sendLeaseMs).toISOString(),
      });
    } finally {
      this.claiming--;
      if (this.fillAfterClaims && this.claiming < this.claimsBeforeQuery) this.schedulePump(0);
    }
    if (claim === "conflict") return;
    let current = claim;
    let permit: Permit | undefined;
    let requested = false;
    try {
      // What it depends on may have changed since it was queued: send what is true now.
      const checked = await checkBeforeSend(current, this.opts.checks, this.log);
      if ("outcome" in checked) return await this.finish(current, checked.outcome);
      current = checked.doc;
      const destination = await this.destinations.resolve(current);
      if (!destination.ok) {
        if ("retryAt" in destination) return await this.finish(current, { kind: "retry", at: destination.retryAt, why: destination.why });
        const outcome = this.outcomeOf(current, destination.failure, undefined);
        const installing = outcome.kind === "unreachable" && outcome.reason === "not-installed" ? await this.destinations.installFor(current) : undefined;
        if (installing) return await this.finish(installing.doc, installing.outcome, { requested: true });
        return await this.finish(current, outcome, { requested: true });
      }
      const { conversationId, serviceUrl } = destination;
      const tenantId = current.target.tenantId;
      if (current.conversationId !== conversationId) current = { ...current, conversationId };

      const unreachable = await (reachability?.conversationId === conversationId ? reachability.check : this.destinations.knownUnreachable(tenantId, conversationId));
      if (unreachable) return await this.finish(current, { kind: "unreachable", ...unreachable });

      const result = await this.opts.port
        .send({ tenantId, conversationId, serviceUrl }, current.activity, {
          messageId: current.id,
          // Take the rate-limit place at the last moment, after botbuilder's own set-up.
          beforeRequest: async () => {
            permit = await this.permits.wait(tenantId, conversationId);
            if (!permit) throw new NotSent();
            requested = true;
          },
          onRequest: () => permit?.sending(this.nowMs()),
        })
        .catch((err): SendFailure => {
          if (err instanceof NotSent) throw err;
          this.log.error("connector port threw", { messageId: current.id, err: err as Error });
          return { ok: false, status: 0, code: "PortError" };
        });
      if (permit) this.permits.settle(permit, "done");
      else this.limits.recordPast(tenantId, conversationId, this.nowMs()); // a port that ignored beforeRequest
      if (result.ok || result.status !== 429) this.limits.accepted();
      this.sendSpans.get(current.id)?.answered(result.ok ? 201 : result.status, result.ok ? undefined : result.retryAfterMs);
      requested = true;
      onAnswer();
      await this.finish(current, result.ok ? { kind: "sent", activityId: result.activityId } : this.outcomeOf(current, result, conversationId), { requested: true });
    } catch (err) {
      if (permit) this.permits.settle(permit, "cancel");
      if (err instanceof NotSent) {
        return await this.finish(current, { kind: "retry", at: this.nowMs() + 1_000, why: "no rate-limit place in time" });
      }
      if (requested) throw err; // outcome unknown: the lease decides
      this.log.warn("could not prepare a message; will retry", { messageId: current.id, purpose: current.purpose, err: err as Error });
      const at = this.nowMs() + backoffMs(current.attempts + 1, this.t.backoffBaseMs, this.t.backoffMaxMs);
      await this.finish(current, { kind: "retry", at, why: "store or lookup error before sending" }).catch(() => undefined);
    }
  }

  /** What a failed request means for the message (outcome.ts); a 429 also pauses the rate limiter. */
  private outcomeOf(doc: MessageDoc, failure: SendFailure, conversationId: string | undefined): Outcome {
    const now = this.nowMs();
    const creating = conversationId === undefined;
    const { outcome, throttledForMs } = outcomeOf(failure, {
      attempts: doc.attempts,
      creating,
      now,
      maxAttempts: this.t.maxAttempts,
      backoffBaseMs: this.t.backoffBaseMs,
      backoffMaxMs: this.t.backoffMaxMs,
    });
    if (throttledForMs !== undefined) {
      const tenantWide = this.limits.throttled(doc.target.tenantId, conversationId, now + throttledForMs, now);
      this.log.warn("Teams throttled a send", { messageId: doc.id, purpose: doc.purpose, retryAfterMs: failure.retryAfterMs, waitMs: throttledForMs, tenantWide, creating });
    }
    return outcome;
  }

  /** Store the outcome (etag-guarded, retried briefly), then tell whoever needs telling. */
  private async finish(claimed: MessageDoc, outcome: Outcome, opts: { requested?: boolean } = {}): Promise<void> {
    const requested = opts.requested ?? false;
    const next = settledDoc(claimed, outcome, { requested, now: this.nowMs(), instanceId: this.opts.instanceId });
    const stored = await this.writeOutcome(claimed, next);
    const fields = { messageId: claimed.id, purpose: claimed.purpose, attempts: next.attempts };
    if (!stored) return;
    this.sendSpans.get(claimed.id)?.outcome(next.status, next.attempts, next.status === "sent" ? this.nowMs() - Date.parse(claimed.createdAt) : undefined);
    if (outcome.kind === "sent") this.log.debug("sent", fields);
    else if (outcome.kind === "retry") this.log.info("will retry", { ...fields, notBefore: next.notBefore, why: outcome.why });
    else if (outcome.kind === "failed") this.log.error("message failed", { ...fields, why: outcome.why });
    else if (outcome.kind === "dropped") this.log.debug("dropped", fields);
    else {
      this.log.warn("message unreachable", { ...fields, why: outcome.why });
      this.destinations.forget(claimed.target);
      if (requested && claimed.conversationId) await this.destinations.markUnreachable(claimed.target, claimed.conversationId, { why: outcome.why, reason: outcome.reason });
      try {
        await this.opts.onUnreachable?.(toMessage(stored));
      } catch (err) {
        this.log.error("onUnreachable failed", { ...fields, err: err as Error });
      }
    }
  }

  private async writeOutcome(claimed: MessageDoc, next: MessageDoc): Promise<MessageDoc | undefined> {
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await this.outbox.replace(claimed, next);
        if (res !== "conflict") return res;
        // A lost answer to our own write looks like a conflict: check what is there.
        const now = await this.outbox.read(claimed.id);
        if (now && now.status === next.status && now.attempts === next.attempts && now.leaseOwner === undefined && now.sentBy === next.sentBy) return now;
        this.log.error("message changed while we were sending it; not recording our outcome", { messageId: claimed.id, purpose: claimed.purpose, outcome: next.status, found: now?.status });
        return undefined;
      } catch (err) {
        if (attempt >= 6) {
          this.log.error("could not record a message's outcome; it will be retried when its lease expires", { messageId: claimed.id, purpose: claimed.purpose, outcome: next.status, err: err as Error });
          return undefined;
        }
        await sleep(100 * 2 ** attempt);
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  private laneFor(doc: MessageDoc): string {
    const conversationId = this.destinations.knownConversation(doc);
    return conversationId === undefined ? doc.lane : conversationLane(doc.target.tenantId, conversationId);
  }

  private isLeaderAt(now: number): boolean {
    return this.running && this.lease.heldAt(now);
  }

  private nowMs(): number {
    return this.clock.now().getTime();
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.idleWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.idleWaiters.add(done);
    });
  }

  private wakeIdle(): void {
    for (const w of [...this.idleWaiters]) w();
  }
}
