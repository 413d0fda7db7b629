import type { Logger } from "../log";
import type { Permit, TeamsRateLimiter } from "./rate-limits";

/**
 * Real elapsed time (monotonic), for the outbox's own timers, poll cadence and waiting limits.
 * The app's clock is for what the business sees: when a message is due, rate-limit windows, the
 * lease. Keeping the two apart means a step in the app's clock, forwards or back, cannot leave a
 * timer set for the wrong length or a wake-up ignored.
 */
export const elapsedMs = () => performance.now();

/**
 * One timer that can only be brought forward: asking to wake later than the wake-up already set
 * changes nothing, asking to wake sooner moves it. Due times are in elapsedMs() terms.
 */
export class Alarm {
  private timer: NodeJS.Timeout | undefined;
  private at = Infinity;

  constructor(private readonly ring: () => void) {}

  /** Wake in `ms` (at once when 0 or less), unless an earlier wake-up is set. */
  in(ms: number): void {
    const wait = Math.max(0, Math.ceil(ms));
    const at = elapsedMs() + wait;
    if (this.timer && at >= this.at) return;
    clearTimeout(this.timer);
    this.at = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.at = Infinity;
      this.ring();
    }, wait);
  }

  clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.at = Infinity;
  }

  /** When it rings (ms from now), if it is set. */
  get inMs(): number | undefined {
    return this.timer ? Math.round(this.at - elapsedMs()) : undefined;
  }
}

/** A message waiting for a rate-limit place. */
interface Waiter {
  tenantId: string;
  conversationId: string | undefined;
  /** Give up (elapsedMs() time) rather than wait past this. */
  deadline: number;
  resolve: (permit: Permit | undefined) => void;
}

export interface PermitQueueOptions {
  limits: TeamsRateLimiter;
  /** The app's clock, in ms (rate-limit windows are on it). */
  now: () => number;
  /** Whether this instance leads at `now`: only the leader hands out places. */
  leads: (now: number) => boolean;
  /** How long a message waits for a place at most before going back to the queue. */
  maxWaitMs: number;
  /** After a failed hand-out, try again this much later. */
  retryMs: number;
  log: Logger;
}

/**
 * The outbox dispatcher's rate-limit places, handed out first come first served, with one timer
 * for when the next one frees up (not one wake-up per waiting message). A new leader hands out none
 * until it has counted the last hour's sends by others (`counting`).
 */
export class PermitQueue {
  private waiters: Waiter[] = [];
  private readonly alarm = new Alarm(() => {
    try {
      this.grant();
    } catch (err) {
      this.o.log.error("outbox permit hand-out failed", { err: err as Error });
      this.alarm.in(this.o.retryMs);
    }
  });
  /** True while a new leader counts others' recent sends: only deadlines are looked at meanwhile. */
  counting = false;

  constructor(private readonly o: PermitQueueOptions) {}

  /** Wait for a place in the limits; undefined if it takes longer than maxWaitMs or this instance stops leading. */
  wait(tenantId: string, conversationId: string | undefined): Promise<Permit | undefined> {
    return new Promise((resolve) => {
      this.waiters.push({ tenantId, conversationId, deadline: elapsedMs() + this.o.maxWaitMs, resolve });
      this.grant();
    });
  }

  /** A request is over (or was not made): settle its place, which may free one sooner than expected. */
  settle(permit: Permit, how: "done" | "cancel"): void {
    if (how === "done") permit.done(this.o.now());
    else permit.cancel();
    if (this.waiters.length > 0) this.alarm.in(0);
  }

  get waiting(): number {
    return this.waiters.length;
  }

  /** When the next hand-out is due (ms from now), if one is set. */
  get nextInMs(): number | undefined {
    return this.alarm.inMs;
  }

  /**
   * Give places to the waiters that may go now, oldest first, and set one timer for when the next may.
   * Once a tenant's own windows are full, its later waiters are not asked again in this pass (they
   * would all be told the same): one wake-up per freed place, not one per waiter. Not leading: every
   * waiter is told no.
   */
  grant(): void {
    this.alarm.clear();
    if (this.waiters.length === 0) return;
    const now = this.o.now();
    const wall = elapsedMs();
    if (!this.o.leads(now)) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w.resolve(undefined);
      return;
    }
    // Re-check at least every second: a pause or a settled place can change the answer.
    let soonest = 1_000;
    const tenantWait = new Map<string, number>();
    const still: Waiter[] = [];
    for (const w of this.waiters) {
      // Until the past sends are counted (the new leader grants again then), only deadlines matter.
      let wait = this.counting ? 0 : tenantWait.get(w.tenantId);
      if (wait === undefined) {
        const got = this.o.limits.acquire(w.tenantId, w.conversationId, now);
        if (got.ok) {
          w.resolve(got.permit);
          continue;
        }
        wait = got.waitMs;
        const tenantOnly = this.o.limits.waitMs(w.tenantId, undefined, now);
        if (tenantOnly > 0) tenantWait.set(w.tenantId, tenantOnly);
      }
      // Only a deadline that has passed counts: a wait foretold now may shrink (a request in flight holds
      // its place at start + margin until it completes).
      if (wall >= w.deadline) {
        w.resolve(undefined);
        continue;
      }
      still.push(w);
      soonest = Math.min(soonest, w.deadline - wall, this.counting ? Infinity : wait);
    }
    this.waiters = still;
    if (still.length > 0) this.alarm.in(soonest);
  }
}
