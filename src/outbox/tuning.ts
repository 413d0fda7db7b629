/** How the outbox dispatcher (dispatcher.ts) paces itself: leases, polling, buffers, retries. */

export interface DispatcherTuning {
  /** Leader lease length. */
  leaseMs: number;
  /** A leader stops sending this long before its unrenewed lease ends (clock skew, slow writes). */
  leaseSafetyMs: number;
  /** How long a claimed message belongs to its sender; must exceed the connector timeout. */
  sendLeaseMs: number;
  /** After installing the app for a person (Graph), wait this long for Teams before trying again. */
  installWaitMs: number;
  /** Poll for new messages this often when idle (kick() wakes it sooner). */
  pollMs: number;
  /** Messages fetched per query. */
  batchSize: number;
  /** Messages held in memory at most. */
  maxBuffered: number;
  /** Of which at most this many for one conversation. */
  maxPerLane: number;
  /**
   * Messages taken and not yet answered by Teams at once: being claimed, waiting for a rate-limit
   * place, or in flight. (Storing the outcome afterwards does not hold a place here; the
   * conversation stays busy until it is stored.) The ones waiting for a place are what keeps the
   * tenant budget busy while the store is slow to claim more, so this should cover the budget for
   * a store stall of a second or two: 50/s × 2.5 s.
   */
  maxInFlight: number;
  /** Give up (status failed) after this many requests. */
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** How long a conversation's reachability and a person's 1:1 chat are remembered. */
  cacheTtlMs: number;
  /** A message waits this long at most in flight for a rate-limit place before going back to the queue. */
  maxPermitWaitMs: number;
  /**
   * Take (claim and prepare) a message when its conversation and tenant will have room within this
   * long, so it is ready to go the moment a place frees up; later ones stay in the queue.
   */
  prefetchMs: number;
}

export const DEFAULT_TUNING: DispatcherTuning = {
  leaseMs: 15_000,
  leaseSafetyMs: 2_000,
  sendLeaseMs: 60_000,
  installWaitMs: 5_000,
  pollMs: 1_000,
  batchSize: 250,
  maxBuffered: 1_000,
  maxPerLane: 10,
  maxInFlight: 128,
  maxAttempts: 10,
  backoffBaseMs: 2_000,
  backoffMaxMs: 600_000,
  cacheTtlMs: 60_000,
  maxPermitWaitMs: 10_000,
  prefetchMs: 2_000,
};

/** The defaults with `overrides` applied; throws when the values cannot work together. */
export function tuningOf(overrides: Partial<DispatcherTuning> = {}): DispatcherTuning {
  const t = { ...DEFAULT_TUNING, ...overrides };
  if (t.sendLeaseMs <= t.maxPermitWaitMs) throw new Error("sendLeaseMs must exceed maxPermitWaitMs");
  if (t.prefetchMs >= t.maxPermitWaitMs) throw new Error("prefetchMs must be less than maxPermitWaitMs");
  return t;
}
