/**
 * Teams rate limits for proactive messages, enforced before we send rather than discovered by 429s.
 *
 * Limits (Microsoft Learn, "Rate limiting for agents"):
 * - per bot per conversation (send or create conversation): 7 / 1 s, 8 / 2 s, 60 / 30 s, 1800 / hour;
 * - per app per tenant: 50 requests / s.
 *
 * Pure and clock-injected: every method takes `now` in epoch milliseconds and nothing here reads the
 * clock, sets timers or does I/O.
 *
 * How a send is counted. Teams counts a request when it reaches its front door, which is somewhere
 * between the moment we start the request and the moment its answer comes back. A send is therefore
 * recorded at `start + arrivalMarginMs` (the place is taken a little earlier, then re-stamped when
 * the request really starts), and moved back to its completion time if it completes sooner. While a request is in flight it occupies a place in every window. The
 * assumption is that the one-way delay to Teams varies by less than the margin; when it varies by
 * more, Teams may answer 429. Recording at completion time only would be always safe (Teams has
 * counted a request before it answers) but would cost `latency / window` of the budget (8 % at 80 ms).
 * So the margin adapts: it starts at `arrivalMarginMs` (30 ms), a 429 doubles it (at most once a
 * second, since one hiccup usually throttles several requests at once; up to `maxArrivalMarginMs`,
 * 1 s, which in practice means "at completion"), and every request that is not throttled shrinks the
 * excess by 0.2 %, so it drifts back over a few hundred sends.
 *
 * Pauses (429 Retry-After). A 429 pauses the conversation it came from until its Retry-After. Teams
 * does not say which limit a 429 is about, so the tenant is paused too when 429s arrive from
 * `tenantWideAfter` (2) different conversations of the same tenant within `tenantWideWindowMs` (2 s):
 * one conversation being throttled is about that conversation, several at once is about the tenant's
 * shared budget (or the service), and carrying on at full speed would only collect more 429s.
 */

export interface Window {
  limit: number;
  windowMs: number;
}

export const TEAMS_CONVERSATION_WINDOWS: readonly Window[] = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1_800, windowMs: 3_600_000 },
];
export const TEAMS_TENANT_WINDOWS: readonly Window[] = [{ limit: 50, windowMs: 1_000 }];

/**
 * A sliding-window log for many keys. A send at time t is allowed when, for every window, fewer than
 * `limit` recorded sends lie in (t - windowMs, t]; a send recorded exactly windowMs ago no longer counts.
 * Recorded times may lie in the future (a provisional time for a request in flight): they count in
 * every window until they are windowMs in the past.
 */
export class SlidingWindowLog {
  private readonly log = new Map<string, number[]>();
  private readonly longestMs: number;

  constructor(readonly windows: readonly Window[]) {
    if (windows.length === 0) throw new Error("at least one window is needed");
    for (const w of windows) if (!(w.limit >= 1 && w.windowMs > 0)) throw new Error(`bad window ${JSON.stringify(w)}`);
    this.longestMs = Math.max(...windows.map((w) => w.windowMs));
  }

  /** Milliseconds until one more send for `key` is allowed; 0 = now. */
  waitMs(key: string, now: number): number {
    const times = this.log.get(key);
    if (!times) return 0;
    let wait = 0;
    for (const { limit, windowMs } of this.windows) {
      // times is sorted; the ones still counting are those > now - windowMs.
      const from = firstAbove(times, now - windowMs);
      const inWindow = times.length - from;
      if (inWindow < limit) continue;
      // The (inWindow - limit + 1)th oldest must leave the window: it does at its time + windowMs.
      wait = Math.max(wait, times[from + inWindow - limit]! + windowMs - now);
    }
    return wait;
  }

  record(key: string, at: number): void {
    let times = this.log.get(key);
    if (!times) this.log.set(key, (times = []));
    times.splice(firstAbove(times, at), 0, at);
  }

  /** Move one recorded time (e.g. a provisional one) to another. */
  move(key: string, from: number, to: number): void {
    this.remove(key, from);
    this.record(key, to);
  }

  remove(key: string, at: number): void {
    const times = this.log.get(key);
    if (!times) return;
    const i = times.indexOf(at);
    if (i >= 0) times.splice(i, 1);
    if (times.length === 0) this.log.delete(key);
  }

  /** Forget sends that no window can see any more. */
  prune(now: number): void {
    for (const [key, times] of this.log) {
      const from = firstAbove(times, now - this.longestMs);
      if (from > 0) times.splice(0, from);
      if (times.length === 0) this.log.delete(key);
    }
  }

  get size(): number {
    return this.log.size;
  }
}

/** Index of the first element of sorted `a` that is > x. */
function firstAbove(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface TeamsLimitsOptions {
  conversation?: readonly Window[];
  tenant?: readonly Window[];
  /** See the module comment. Default 30 ms, adapting up to maxArrivalMarginMs (1 s). */
  arrivalMarginMs?: number;
  maxArrivalMarginMs?: number;
  /** 429s from this many different conversations of a tenant pause the tenant. Default 2. */
  tenantWideAfter?: number;
  tenantWideWindowMs?: number;
}

/** A place in the windows, taken before a request and settled when it completes. */
export interface Permit {
  /** The request is being made now (it may be a little after the place was taken). */
  sending(at: number): void;
  /** The request completed (whatever the answer) at `at`. */
  done(at: number): void;
  /** The request was not made after all. */
  cancel(): void;
}

export type Acquired = { ok: true; permit: Permit } | { ok: false; waitMs: number };

/** The Teams limits for one bot: per conversation, per tenant, and 429 pauses. */
export class TeamsRateLimiter {
  private readonly conversations: SlidingWindowLog;
  private readonly tenants: SlidingWindowLog;
  private readonly minMarginMs: number;
  private readonly maxMarginMs: number;
  private margin: number;
  private marginRaisedAt = -Infinity;
  private readonly tenantWideAfter: number;
  private readonly tenantWideWindowMs: number;
  private readonly pausedUntil = new Map<string, number>();
  private readonly recent429 = new Map<string, { conversation: string; at: number }[]>();

  constructor(opts: TeamsLimitsOptions = {}) {
    this.conversations = new SlidingWindowLog(opts.conversation ?? TEAMS_CONVERSATION_WINDOWS);
    this.tenants = new SlidingWindowLog(opts.tenant ?? TEAMS_TENANT_WINDOWS);
    this.minMarginMs = opts.arrivalMarginMs ?? 30;
    this.maxMarginMs = Math.max(this.minMarginMs, opts.maxArrivalMarginMs ?? 1_000);
    this.margin = this.minMarginMs;
    this.tenantWideAfter = opts.tenantWideAfter ?? 2;
    this.tenantWideWindowMs = opts.tenantWideWindowMs ?? 2_000;
  }

  /** Milliseconds until a send to this conversation is allowed (0 = now). Takes nothing. */
  waitMs(tenantId: string, conversationId: string | undefined, now: number): number {
    let wait = Math.max(0, this.pauseLeft(tenantKey(tenantId), now), this.tenants.waitMs(tenantId, now));
    if (conversationId !== undefined) {
      const key = conversationKey(tenantId, conversationId);
      wait = Math.max(wait, this.pauseLeft(key, now), this.conversations.waitMs(key, now));
    }
    return wait;
  }

  /**
   * Take a place for one request now, or say how long to wait. Without a conversation (creating a 1:1
   * chat) only the tenant budget applies.
   */
  acquire(tenantId: string, conversationId: string | undefined, now: number): Acquired {
    const wait = this.waitMs(tenantId, conversationId, now);
    if (wait > 0) return { ok: false, waitMs: wait };
    const convKey = conversationId === undefined ? undefined : conversationKey(tenantId, conversationId);
    let recorded = now + this.margin;
    this.tenants.record(tenantId, recorded);
    if (convKey) this.conversations.record(convKey, recorded);
    const moveTo = (to: number) => {
      if (to === recorded) return;
      this.tenants.move(tenantId, recorded, to);
      if (convKey) this.conversations.move(convKey, recorded, to);
      recorded = to;
    };
    let settled = false;
    return {
      ok: true,
      permit: {
        sending: (at) => {
          if (!settled) moveTo(Math.max(recorded, at + this.margin));
        },
        done: (at) => {
          if (settled) return;
          settled = true;
          moveTo(Math.min(recorded, Math.max(now, at)));
        },
        cancel: () => {
          if (settled) return;
          settled = true;
          this.tenants.remove(tenantId, recorded);
          if (convKey) this.conversations.remove(convKey, recorded);
        },
      },
    };
  }

  /** A send that happened elsewhere (e.g. before this instance took over): count it. */
  recordPast(tenantId: string, conversationId: string | undefined, at: number): void {
    this.tenants.record(tenantId, at);
    if (conversationId !== undefined) this.conversations.record(conversationKey(tenantId, conversationId), at);
  }

  /**
   * Teams answered 429 for this conversation: pause it until `until`. Returns true when the tenant
   * was paused as well (see the module comment).
   */
  throttled(tenantId: string, conversationId: string | undefined, until: number, now: number): boolean {
    if (now - this.marginRaisedAt >= 1_000) {
      this.margin = Math.min(this.maxMarginMs, this.margin * 2);
      this.marginRaisedAt = now;
    }
    if (conversationId !== undefined) this.pause(conversationKey(tenantId, conversationId), until);
    const list = (this.recent429.get(tenantId) ?? []).filter((e) => e.at > now - this.tenantWideWindowMs);
    list.push({ conversation: conversationId ?? "(create)", at: now });
    this.recent429.set(tenantId, list);
    const distinct = new Set(list.map((e) => e.conversation)).size;
    if (conversationId === undefined || distinct >= this.tenantWideAfter) {
      this.pause(tenantKey(tenantId), until);
      return true;
    }
    return false;
  }

  /** A request was not throttled: let the arrival margin drift back towards its minimum. */
  accepted(): void {
    this.margin -= (this.margin - this.minMarginMs) * 0.002;
  }

  /** The arrival margin in use now (ms). */
  get arrivalMarginMs(): number {
    return this.margin;
  }

  pauseTenant(tenantId: string, until: number): void {
    this.pause(tenantKey(tenantId), until);
  }

  pauseConversation(tenantId: string, conversationId: string, until: number): void {
    this.pause(conversationKey(tenantId, conversationId), until);
  }

  /** Drop state nothing can see any more; call now and then. */
  prune(now: number): void {
    this.conversations.prune(now);
    this.tenants.prune(now);
    for (const [k, until] of this.pausedUntil) if (until <= now) this.pausedUntil.delete(k);
    for (const [k, list] of this.recent429) {
      const kept = list.filter((e) => e.at > now - this.tenantWideWindowMs);
      if (kept.length) this.recent429.set(k, kept);
      else this.recent429.delete(k);
    }
  }

  private pause(key: string, until: number): void {
    this.pausedUntil.set(key, Math.max(until, this.pausedUntil.get(key) ?? 0));
  }

  private pauseLeft(key: string, now: number): number {
    const until = this.pausedUntil.get(key);
    return until === undefined ? 0 : Math.max(0, until - now);
  }
}

const tenantKey = (tenantId: string) => `t\u0000${tenantId}`;
const conversationKey = (tenantId: string, conversationId: string) => `${tenantId}\u0000${conversationId}`;

/**
 * Retry-After as Teams (and HTTP) sends it: delay-seconds or an HTTP date. Also accepts the
 * millisecond headers Azure services use. Returns milliseconds from `now`, or undefined when absent
 * or unreadable.
 */
export function parseRetryAfter(
  headers: { retryAfter?: string | null; retryAfterMs?: string | null },
  now: number,
): number | undefined {
  const ms = headers.retryAfterMs?.trim();
  if (ms && /^\d+(\.\d+)?$/.test(ms)) return Math.ceil(Number(ms));
  const value = headers.retryAfter?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/**
 * Exponential backoff with jitter for the `attempt`th retry (1-based): a random delay between half
 * and all of min(maxMs, baseMs * 2^(attempt-1)).
 */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
