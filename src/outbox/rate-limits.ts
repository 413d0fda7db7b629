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
 * How a send is counted. Teams counts a request when it reaches its front door, somewhere between
 * the moment we start it and the moment its answer comes back. A place in a window is used again a
 * window after the moment it was counted, so every millisecond between a request's start and where
 * it is counted costs that place a millisecond per window: counting every send at its completion
 * would always be safe but would cost `round trip / window` of the budget (8 % at 80 ms). A request
 * in flight holds a place at `start + margin` (taken a little earlier and re-stamped when the request
 * really leaves; it counts in every window meanwhile). When it completes it is counted at the earlier
 * of two estimates, capped at its completion; both are known long before the place could be reused:
 * - `start + margin + (its round trip - the usual round trip)`: a usual request reaches Teams within
 *   `margin` of leaving (the margin covers how much the one-way delay of a usual request varies), and
 *   any time beyond the usual round trip may have been spent on the way in;
 * - `completion - fastest round trip + roundTripJitterMs` (at least `start + roundTripJitterMs`):
 *   what matters is not when this request arrived but that a later one, let go when it starts,
 *   arrives at least a window after it. The later one takes at least the quickest way in to arrive;
 *   this one's answer took at least the quickest way back after it arrived; together those make
 *   about the fastest round trip seen (the jitter, 5 ms, covers how much slower than that sum the
 *   fastest round trip may have been). Any time beyond the fastest round trip may have been spent on
 *   the way in. Where round trips are steady this is much tighter than the margin; where they vary
 *   a lot (slow, variable processing at Teams), the first estimate is.
 * The usual and fastest round trips are learned from recent ones (see RoundTrips), but not from the
 * start-up burst: the first requests all leave at once while connections are opened, their round
 * trips say nothing about later ones (learned from, they made first-window sends that arrived 100–
 * 200 ms late look ordinary, and Teams answered 429 a window later). So until 20 round trips are known
 * from requests started at least `warmUpMs` (1 s) after the first answer, sends are counted at
 * completion. When the estimates are too early, Teams may answer 429.
 * So the margin adapts: it starts at `arrivalMarginMs` (30 ms), a 429 doubles it (at most once a
 * second, since one hiccup usually throttles several requests at once; up to `maxArrivalMarginMs`,
 * 1 s, which in practice means "at completion"; the second estimate is widened by as much), and every
 * request that is not throttled shrinks the excess by 0.2 %, so it drifts back over a few hundred sends.
 *
 * Pauses (429 Retry-After). The throttled message always waits its Retry-After, and the
 * conversation it was for is paused until then. Teams does not say which limit a 429 is about, so
 * the tenant is paused as well only when the 429 is clearly not explained by our own sends:
 * - the conversation's windows were nearly full (≥ `explainedAt`, 80 %): a per-conversation throttle;
 *   only that conversation waits;
 * - else the tenant's window was nearly full: our requests reached Teams a little later than we
 *   assumed (edge-of-window timing); the arrival margin widens, the tenant carries on;
 * - else (neither window near its limit, or 429s keep coming although the margin is already at its
 *   maximum): someone else is spending the tenant's budget, or Teams is throttling for its own
 *   reasons, so every conversation of the tenant waits for the Retry-After.
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

  /** How full the fullest window is at `now`, as a share of its limit (1 = at the limit). */
  fullness(key: string, now: number): number {
    const times = this.log.get(key);
    if (!times) return 0;
    let most = 0;
    for (const { limit, windowMs } of this.windows) most = Math.max(most, (times.length - firstAbove(times, now - windowMs)) / limit);
    return most;
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
  /** A window this full (share of its limit) explains a 429 as ours. Default 0.8. */
  explainedAt?: number;
  /** Round trips of requests started within this long of the first answer are not learned from. Default 1 s. */
  warmUpMs?: number;
  /**
   * How much slower the fastest round trip seen may be than the quickest way in plus the quickest way
   * back (see the module comment). Default 5 ms.
   */
  roundTripJitterMs?: number;
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
  private readonly roundTrips = new RoundTrips();
  private firstAnswerAt: number | undefined;
  private readonly warmUpMs: number;
  private readonly jitterMs: number;
  private readonly conversations: SlidingWindowLog;
  private readonly tenants: SlidingWindowLog;
  private readonly minMarginMs: number;
  private readonly maxMarginMs: number;
  private margin: number;
  private marginRaisedAt = -Infinity;
  private readonly explainedAt: number;
  private readonly pausedUntil = new Map<string, number>();

  constructor(opts: TeamsLimitsOptions = {}) {
    this.conversations = new SlidingWindowLog(opts.conversation ?? TEAMS_CONVERSATION_WINDOWS);
    this.tenants = new SlidingWindowLog(opts.tenant ?? TEAMS_TENANT_WINDOWS);
    this.minMarginMs = opts.arrivalMarginMs ?? 30;
    this.maxMarginMs = Math.max(this.minMarginMs, opts.maxArrivalMarginMs ?? 1_000);
    this.margin = this.minMarginMs;
    this.explainedAt = opts.explainedAt ?? 0.8;
    this.warmUpMs = opts.warmUpMs ?? 1_000;
    this.jitterMs = opts.roundTripJitterMs ?? 5;
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
    let started = now;
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
          if (settled || at < started) return;
          started = at;
          moveTo(Math.max(recorded, at + this.margin));
        },
        done: (at) => {
          if (settled) return;
          settled = true;
          const roundTrip = Math.max(0, at - started);
          const usual = this.roundTrips.usual();
          const fastest = this.roundTrips.fastest();
          // Round trips from the start-up burst (connections being opened, a whole window of requests
          // at once) are not usual ones: learn only from requests started a while after the first answer.
          if (this.firstAnswerAt !== undefined && started >= this.firstAnswerAt + this.warmUpMs) this.roundTrips.add(roundTrip);
          this.firstAnswerAt ??= at;
          let estimate = at;
          if (usual !== undefined && fastest !== undefined) {
            const widened = this.margin - this.minMarginMs; // by 429s
            const byUsual = started + this.margin + Math.max(0, roundTrip - usual);
            const byFastest = Math.max(started, at - fastest) + this.jitterMs + widened;
            estimate = Math.min(byUsual, byFastest);
          }
          moveTo(Math.max(now, Math.min(at, estimate)));
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
   * Teams answered 429 for this conversation (undefined: creating a 1:1 chat): pause it until
   * `until`, widen the arrival margin, and pause the whole tenant if the 429 is clearly not about our
   * own sends (see the module comment). Returns true when the tenant was paused.
   */
  throttled(tenantId: string, conversationId: string | undefined, until: number, now: number): boolean {
    const marginWasMax = this.margin >= this.maxMarginMs;
    if (now - this.marginRaisedAt >= 1_000) {
      this.margin = Math.min(this.maxMarginMs, this.margin * 2);
      this.marginRaisedAt = now;
    }
    let conversationFull = false;
    if (conversationId !== undefined) {
      const key = conversationKey(tenantId, conversationId);
      this.pause(key, until);
      conversationFull = this.conversations.fullness(key, now) >= this.explainedAt;
    }
    const tenantFull = this.tenants.fullness(tenantId, now) >= this.explainedAt;
    const tenantWide = !conversationFull && (!tenantFull || marginWasMax);
    if (tenantWide) this.pause(tenantKey(tenantId), until);
    return tenantWide;
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
  }

  private pause(key: string, until: number): void {
    this.pausedUntil.set(key, Math.max(until, this.pausedUntil.get(key) ?? 0));
  }

  private pauseLeft(key: string, now: number): number {
    const until = this.pausedUntil.get(key);
    return until === undefined ? 0 : Math.max(0, until - now);
  }
}

/**
 * What recent round trips (the last 256) say, once 20 are known: the fastest (their minimum) and the
 * usual one (their median). Both follow a fall at once (the fastest with every round trip) but a rise
 * only slowly (2 %, at least 1 ms, per 16 round trips), and the usual one starts at the fastest and
 * works its way up: when the way in is congested for a while every round trip grows, and a baseline
 * that grew with them would make the congested requests look ordinary, so they would be counted too
 * early, which shows as 429s when the congestion clears. A lasting rise is followed at that pace (a
 * doubling takes about 600 round trips); until then the limiter is only more careful than it needs
 * to be.
 */
class RoundTrips {
  private readonly samples: number[] = [];
  private next = 0;
  private sinceUpdate = 0;
  private usualMs: number | undefined;
  private fastestMs: number | undefined;

  add(ms: number): void {
    if (this.samples.length < 256) this.samples.push(ms);
    else this.samples[this.next++ % 256] = ms;
    if (this.fastestMs !== undefined && ms < this.fastestMs) this.fastestMs = ms;
    if (this.samples.length < 20) return;
    if (this.usualMs !== undefined && ++this.sinceUpdate < 16) return;
    this.sinceUpdate = 0;
    const sorted = [...this.samples].sort((a, b) => a - b);
    this.fastestMs = slowRise(this.fastestMs, sorted[0]!);
    this.usualMs = slowRise(this.usualMs ?? sorted[0]!, sorted[sorted.length >> 1]!);
  }

  usual(): number | undefined {
    return this.usualMs;
  }

  fastest(): number | undefined {
    return this.fastestMs;
  }
}

function slowRise(current: number | undefined, measured: number): number {
  return current === undefined ? measured : Math.min(measured, current + Math.max(1, current * 0.02));
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
