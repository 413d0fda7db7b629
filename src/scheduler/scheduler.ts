import type { Logger } from "../log";
import { jobSpan } from "../telemetry";
import type { Job, JobStore, StoredJob } from "./jobs";

/**
 * Runs due jobs from the shared `jobs` container. Any number of bot instances may run a Scheduler
 * against the same store at once.
 *
 * Exactly once per successful completion:
 * - To run a job an instance must first *claim* it: an etag-guarded replace that sets status
 *   "running", leaseOwner and leaseUntil. Of any number of instances racing for the same version of
 *   a job, exactly one write succeeds; the others get 412 and skip it.
 * - `complete` and `fail` are etag-guarded too, against the version the claim wrote. Once a job is
 *   done it is never due again, so no instance will start it again.
 * - If an instance dies (or stalls) mid-job, its lease expires and another instance claims the job
 *   and runs it. A late finish by the first instance then fails its etag check and changes nothing.
 *
 * So a job is *marked done* exactly once, but its handler can run more than once: an instance that
 * dies after the side effect but before `complete` leaves a job that is run again once the lease
 * expires, and a handler that outlives its lease may overlap with the takeover. Handlers must
 * therefore make their side effects idempotent, for example by keying outbound messages on the job
 * id (the outbox is pk = message id, so a second insert of the same id is a harmless 409), and
 * must finish well within `leaseMs`.
 *
 * Failures: a handler that throws is retried with exponential backoff (1 min, 2 min, 4 min … capped
 * at 1 h) and marked failed once it has been attempted `maxAttempts` times. A job whose instance died
 * more than `maxAttempts` times is failed rather than run again, so a job that crashes the process
 * cannot take every instance down for ever. A job of a type with no handler fails at once.
 */

export type JobHandler = (job: Job) => Promise<void>;

export interface Clock {
  now(): Date;
}

/** The real clock, read at call time (so fake timers that replace Date also drive it). */
export const systemClock: Clock = { now: () => new Date() };

export interface SchedulerOptions {
  jobs: JobStore;
  handlers: Record<string, JobHandler>;
  clock: Clock;
  /** Names this instance in leases; unique per process (e.g. host name + pid + random). */
  instanceId: string;
  leaseMs?: number;
  pollMs?: number;
  maxAttempts?: number;
  /** Most jobs one poll takes on; the rest wait for the next poll. */
  batchSize?: number;
  log: Logger;
}

const BASE_RETRY_MS = 60_000;
const MAX_RETRY_MS = 3_600_000;

/** Delay before the next try after `attempts` failed tries: 1 min × 2^(attempts-1), at most 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, BASE_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

function errorText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

export class Scheduler {
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly maxAttempts: number;
  private readonly batchSize: number;
  private readonly log: Logger;
  private started = false;
  private stopping = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The poll loop's current turn: a poll followed by arming the next timer. */
  private turn: Promise<void> | undefined;
  /** The poll in progress, shared by anyone who asks for one meanwhile (polls never overlap). */
  private polling: Promise<number> | undefined;

  constructor(private readonly opts: SchedulerOptions) {
    this.leaseMs = opts.leaseMs ?? 60_000;
    this.pollMs = opts.pollMs ?? 1_000;
    this.maxAttempts = opts.maxAttempts ?? 5;
    this.batchSize = opts.batchSize ?? 20;
    this.log = opts.log.child({ component: "scheduler", instanceId: opts.instanceId });
  }

  /** Poll every `pollMs` until `stop()`. The first poll is due at once (on the next timer tick). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.stopping = false;
    this.arm(0);
  }

  /** Stop polling; resolves when the job being run (if any) has finished. No new job is started. */
  async stop(): Promise<void> {
    this.started = false;
    this.stopping = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    await this.turn;
    await this.polling?.catch(() => undefined);
  }

  /** Resolves when the current poll (if any) has finished and the next one is armed. */
  async idle(): Promise<void> {
    await this.turn;
  }

  /**
   * One poll: claim and run, one after another, each job that is due now (at most `batchSize`).
   * Returns how many it ran (succeeded or failed). If a poll is already in progress, waits for it
   * and returns its count instead of starting another.
   */
  runDue(): Promise<number> {
    this.polling ??= this.poll().finally(() => {
      this.polling = undefined;
    });
    return this.polling;
  }

  private arm(delayMs: number): void {
    // The global setTimeout, looked up now, so that fake timers installed later still drive it.
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.turn = (async () => {
        try {
          await this.runDue();
        } catch (err) {
          this.log.error("job poll failed", { err });
        }
        if (this.started && this.timer === undefined) this.arm(this.pollMs);
      })();
    }, delayMs);
  }

  private async poll(): Promise<number> {
    const candidates = await this.opts.jobs.due(this.opts.clock.now(), this.batchSize);
    let ran = 0;
    for (const candidate of candidates) {
      if (this.stopping) break;
      try {
        if (await this.runOne(candidate)) ran++;
      } catch (err) {
        // A store error on one job (claim or finishing write): leave it; its lease will expire.
        this.log.error("job bookkeeping failed", { err, jobId: candidate.id, type: candidate.type });
      }
    }
    return ran;
  }

  /** Claim one job and, if this instance won it, run it and record the outcome. */
  private async runOne(candidate: StoredJob): Promise<boolean> {
    const { jobs, clock, instanceId: owner } = this.opts;
    const job = await jobs.claim(candidate, owner, clock.now(), this.leaseMs);
    if (!job) return false; // not claimable any more, or another instance won it
    const lagMs = clock.now().getTime() - Date.parse(candidate.dueAt);
    return jobSpan({ type: job.type, attempt: job.attempts, lagMs }, (outcome) => this.runClaimed(candidate, job, outcome));
  }

  /** Run a job this instance has claimed and record how it went (`outcome` names it for telemetry). */
  private async runClaimed(candidate: StoredJob, job: StoredJob, outcome: (what: string) => void): Promise<boolean> {
    const { jobs, clock, instanceId: owner, handlers } = this.opts;
    const fields = { jobId: job.id, type: job.type, attempt: job.attempts };
    if (candidate.status === "running") {
      this.log.warn("taking over a job whose lease expired", { ...fields, previousOwner: candidate.leaseOwner });
    }

    if (job.attempts > this.maxAttempts) {
      await jobs.fail(job, owner, `Gave up after ${job.attempts - 1} attempts; the last did not finish (lease expired)`, clock.now());
      this.log.error("job failed: its runs kept dying", fields);
      outcome("failed");
      return true;
    }
    const handler = Object.hasOwn(handlers, job.type) ? handlers[job.type] : undefined;
    if (!handler) {
      await jobs.fail(job, owner, `No handler for job type "${job.type}"`, clock.now());
      this.log.error("job failed: no handler for its type", fields);
      outcome("failed");
      return true;
    }

    const started = Date.now();
    try {
      await handler(job);
    } catch (err) {
      const now = clock.now();
      if (job.attempts >= this.maxAttempts) {
        const recorded = await jobs.fail(job, owner, errorText(err), now);
        this.log.error("job failed for good", { ...fields, err, recorded });
        outcome("failed");
      } else {
        const retryAt = new Date(now.getTime() + retryDelayMs(job.attempts));
        const recorded = await jobs.fail(job, owner, errorText(err), now, retryAt);
        this.log.warn("job failed; will retry", { ...fields, err, retryAt: retryAt.toISOString(), recorded });
        outcome("retry");
      }
      return true;
    }
    const ms = Date.now() - started;
    if (await jobs.complete(job, owner, clock.now())) {
      this.log.info("job done", { ...fields, ms });
      outcome("done");
    } else {
      // Its lease expired and another instance took it over: that run's outcome stands.
      this.log.warn("job finished after losing its lease; not recorded", { ...fields, ms, leaseMs: this.leaseMs });
      outcome("lease-lost");
    }
    return true;
  }
}
