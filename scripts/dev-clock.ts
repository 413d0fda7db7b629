import type { RunningApp } from "../bot/app";
import { RETENTION_JOB } from "../src/privacy/retention";
import { JobStore } from "../src/scheduler/jobs";

/**
 * The clock of `npm run dev`: real time plus an offset that only moves forward, so a tester can see
 * what happens weeks or months later (reminders, keeping-in-touch check-ins, the start and end of a
 * secondment) without waiting. Every rule, job and message of the app reads it. Development only:
 * production uses the real clock (bot/main.ts).
 */
export class DevClock {
  private offsetMs = 0;

  readonly now = (): Date => new Date(Date.now() + this.offsetMs);

  /** Move forward to `at` (never back: what was stored later than that stays in the past). */
  moveTo(at: Date): void {
    this.offsetMs = Math.max(this.offsetMs, at.getTime() - Date.now());
  }
}

export interface NextJob {
  type: string;
  dueAt: Date;
  /** The job's status once run: "done", or "pending" again when it failed and will be retried. */
  status: string;
}

/** Housekeeping that would be "next" every day; it still runs when the clock passes it. */
const NOT_NEXT = [RETENTION_JOB];
/** Bound on scheduler rounds (a round runs a batch of due jobs). */
const MAX_ROUNDS = 20;

/**
 * Move the clock to when the next job (other than daily housekeeping) is due, and run what is due
 * then. Undefined when nothing is scheduled. Messages the jobs queue go out through the outbox as
 * usual.
 */
export async function runNextJob(app: Pick<RunningApp, "store" | "scheduler">, clock: DevClock): Promise<NextJob | undefined> {
  const jobs = new JobStore(app.store.container("jobs"));
  const next = await jobs.nextPending(NOT_NEXT);
  if (!next) return undefined;
  const dueAt = new Date(next.dueAt);
  clock.moveTo(dueAt);
  // The scheduler's own polling may take it first: either way it runs once (claims are etag-guarded).
  for (let round = 0; round < MAX_ROUNDS; round++) if ((await app.scheduler.runDue()) === 0) break;
  await app.scheduler.idle();
  const after = await jobs.get(next.id);
  return { type: next.type, dueAt, status: after?.status ?? "gone" };
}
