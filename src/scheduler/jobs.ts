import type { Container } from "@azure/cosmos";
import { cosmosCode, readItem, updateItem, type Stored } from "../store/store";

/**
 * Durable jobs in the `jobs` container. Each job is one document whose partition key is its id
 * (`pk === id`), so every write below is a single-document, etag-guarded write: no batches, no
 * transactions. See scheduler.ts for how these writes give each job exactly one successful run.
 *
 * Life of a job:
 *   pending --claim--> running --complete--> done
 *                        |  \--fail(retryAt)--> pending (due again at retryAt)
 *                        |   \-fail----------> failed
 *                        \--lease expires--> claimable again by any instance
 *   pending --cancel--> cancelled
 * Finished jobs are kept: their ids then make scheduling the same job again a no-op.
 */
export type JobStatus = "pending" | "running" | "done" | "failed" | "cancelled";

export interface Job {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  /** ISO instant from which the job may run. */
  dueAt: string;
  status: JobStatus;
  /** How many times the job has been claimed to run, including runs whose instance died. */
  attempts: number;
  leaseOwner?: string;
  /** ISO instant after which another instance may take the job over. */
  leaseUntil?: string;
  createdAt: string;
  startedAt?: string;
  /** When it finished: done or failed. */
  doneAt?: string;
  lastError?: string;
}

/** A job as read from the store, with the etag that guards the next write. */
export type StoredJob = Stored<Job>;

export interface NewJob {
  /** Deterministic, e.g. `approval-reminder:<approvalId>:1`, so scheduling twice is harmless. */
  id: string;
  type: string;
  payload: Record<string, unknown>;
  dueAt: Date;
}

/** Cosmos refuses ids with these characters, and ids over 255 characters. */
const BAD_ID = /[/\\?#]/;
const MAX_ERROR_LENGTH = 1000;
/** Fields Cosmos sets itself; they are not written back. */
const SYSTEM_FIELDS = ["_rid", "_self", "_etag", "_ts", "_attachments"];

function validDate(d: Date, what: string): string {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError(`${what} is not a valid date`);
  return d.toISOString();
}

export class JobStore {
  constructor(private readonly container: Container) {}

  /** Store a new pending job. "exists" if a job with that id was ever scheduled (it is left as it is). */
  async schedule(job: NewJob, now: Date = new Date()): Promise<"scheduled" | "exists"> {
    if (!job.id || job.id.length > 255 || BAD_ID.test(job.id)) throw new RangeError(`Unusable job id: ${JSON.stringify(job.id)}`);
    if (!job.type) throw new RangeError("A job needs a type");
    const doc: Stored<Job> = {
      id: job.id,
      pk: job.id,
      type: job.type,
      payload: job.payload,
      dueAt: validDate(job.dueAt, "dueAt"),
      status: "pending",
      attempts: 0,
      createdAt: validDate(now, "now"),
    };
    try {
      await this.container.items.create(doc);
      return "scheduled";
    } catch (err) {
      if (cosmosCode(err) === 409) return "exists";
      throw err;
    }
  }

  /** Pending → cancelled. False if there is no such job or it is no longer pending. */
  async cancel(id: string): Promise<boolean> {
    const { changed } = await updateItem<Job>(this.container, id, id, (current) =>
      current?.status === "pending" ? { ...current, status: "cancelled" } : undefined,
    );
    return changed;
  }

  get(id: string): Promise<StoredJob | undefined> {
    return readItem<Job>(this.container, id, id);
  }

  /**
   * Jobs that may be claimed at `now`, oldest due first, at most `limit`: pending and due, or
   * running with an expired lease (its instance died or stalled). A hint only: `claim` decides.
   */
  async due(now: Date, limit: number): Promise<StoredJob[]> {
    const at = validDate(now, "now");
    const top = Math.max(1, Math.min(1000, Math.floor(limit)));
    const { resources } = await this.container.items
      .query<StoredJob>({
        query:
          `SELECT TOP ${top} * FROM c WHERE (c.status = "pending" AND c.dueAt <= @now) ` +
          `OR (c.status = "running" AND c.leaseUntil <= @now) ORDER BY c.dueAt`,
        parameters: [{ name: "@now", value: at }],
      })
      .fetchAll();
    return resources;
  }

  /** The pending job due soonest, leaving out the types given (for the development clock). */
  async nextPending(exceptTypes: readonly string[] = []): Promise<StoredJob | undefined> {
    const { resources } = await this.container.items
      .query<StoredJob>({
        query: `SELECT TOP 1 * FROM c WHERE c.status = "pending" AND NOT ARRAY_CONTAINS(@except, c.type) ORDER BY c.dueAt`,
        parameters: [{ name: "@except", value: [...exceptTypes] }],
      })
      .fetchAll();
    return resources[0];
  }

  /**
   * Take a job for `leaseMs`. Only one of any number of racing claimers wins: the write is guarded
   * by the etag `job` was read with, so any change since then (another claim, a cancel) makes it
   * fail with 412. Undefined when the job was not claimable or someone else won.
   */
  async claim(job: StoredJob, owner: string, now: Date, leaseMs: number): Promise<StoredJob | undefined> {
    const at = validDate(now, "now");
    const claimable =
      (job.status === "pending" && job.dueAt <= at) ||
      (job.status === "running" && job.leaseUntil !== undefined && job.leaseUntil <= at);
    if (!claimable) return undefined;
    return this.write(job, {
      ...job,
      status: "running",
      attempts: job.attempts + 1,
      leaseOwner: owner,
      leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
      startedAt: at,
    });
  }

  /** Running → done. False if `owner` no longer holds this version of the job (another instance took it over). */
  async complete(job: StoredJob, owner: string, now: Date): Promise<boolean> {
    if (job.status !== "running" || job.leaseOwner !== owner) return false;
    const { leaseOwner: _o, leaseUntil: _u, ...rest } = job;
    return (await this.write(job, { ...rest, status: "done", doneAt: validDate(now, "now") })) !== undefined;
  }

  /**
   * Running → pending again at `retryAt`, or → failed when no `retryAt` is given. The error is
   * kept in `lastError`. False if `owner` no longer holds this version of the job.
   */
  async fail(job: StoredJob, owner: string, error: string, now: Date, retryAt?: Date): Promise<boolean> {
    if (job.status !== "running" || job.leaseOwner !== owner) return false;
    const { leaseOwner: _o, leaseUntil: _u, ...rest } = job;
    const lastError = error.slice(0, MAX_ERROR_LENGTH);
    const next: Job = retryAt
      ? { ...rest, status: "pending", dueAt: validDate(retryAt, "retryAt"), lastError }
      : { ...rest, status: "failed", doneAt: validDate(now, "now"), lastError };
    return (await this.write(job, next)) !== undefined;
  }

  /** Replace `job` with `next` if it is unchanged since it was read; undefined if it was changed or deleted. */
  private async write(job: StoredJob, next: Job): Promise<StoredJob | undefined> {
    if (!job._etag) throw new Error(`Job ${job.id} was not read from the store (no etag)`);
    const body: Stored<Job> & Record<string, unknown> = { ...next, id: job.id, pk: job.id };
    for (const field of SYSTEM_FIELDS) delete body[field];
    try {
      const { resource } = await this.container
        .item(job.id, job.id)
        .replace<StoredJob>(body, { accessCondition: { type: "IfMatch", condition: job._etag } });
      return resource;
    } catch (err) {
      const code = cosmosCode(err);
      if (code === 412 || code === 404) return undefined;
      throw err;
    }
  }
}
