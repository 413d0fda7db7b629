import type { Container } from "@azure/cosmos";
import type { Logger } from "../log";
import { cosmosCode, readItem, type Stored } from "../store/store";
import type { Clock } from "./outbox";

/**
 * The outbox's leader lease: one document (`_leader` in the outbox container) that says which
 * instance sends. Written with etag guards and renewed every leaseMs/3. A holder counts as leader
 * only until `leaseSafetyMs` before its lease ends unless it has renewed (clock skew, slow writes);
 * another instance takes over once the lease has expired, or at once after a clean release.
 *
 * The dispatcher decides what leading means: `onGained` runs (awaited) when this instance becomes
 * leader, `onLost` when it stops being leader while running.
 */
export const LEASE_ID = "_leader";

type LeaseDoc = Stored<{ type: "lease"; owner: string; until: string; renewedAt: string }>;

export interface LeaderLeaseOptions {
  container: Container;
  instanceId: string;
  clock: Clock;
  log: Logger;
  leaseMs: number;
  leaseSafetyMs: number;
  onGained: () => Promise<void>;
  onLost: (why: string) => void;
}

export class LeaderLease {
  private running = false;
  private held: { etag: string; validUntil: number } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private tick: Promise<void> | undefined;
  private renewing = false;
  /** When the lease was last read (and renewed, if ours) without a store error (monotonic ms). */
  private checkedAt: number | undefined;
  private startedAt = 0;

  constructor(private readonly o: LeaderLeaseOptions) {}

  start(): void {
    this.running = true;
    this.startedAt = performance.now();
    this.schedule(0);
  }

  /** Stop renewing at once: from now on this instance does not count as leader. */
  halt(): void {
    this.running = false;
    clearTimeout(this.timer);
  }

  /** Halt, wait for a renewal in flight, and give the lease up so another instance can take over at once. */
  async stop(): Promise<void> {
    this.halt();
    await this.tick?.catch(() => undefined);
    await this.release();
  }

  /** True while this instance holds the lease at `now` (ms). */
  heldAt(now: number): boolean {
    return this.running && this.held !== undefined && now < this.held.validUntil;
  }

  /**
   * Renew now, not at the next tick, when this instance holds the lease but its validity has
   * lapsed: the renewal is late (a stalled event loop) or the clock jumped. The dispatcher calls
   * this when work arrives, so a lapse does not hold messages up for a whole renewal period.
   */
  renewIfLapsed(): void {
    if (!this.running || this.held === undefined || this.renewing || this.heldAt(this.now())) return;
    this.schedule(0);
  }

  /**
   * "ok" when the lease was checked within one lease length of real time, "failing" when not (the
   * store is not answering). Real elapsed time, not the app's clock: a step in the clock says nothing
   * about the store.
   */
  health(): "ok" | "failing" {
    const elapsed = performance.now();
    if (this.checkedAt === undefined) return elapsed - this.startedAt < this.o.leaseMs ? "ok" : "failing";
    return elapsed - this.checkedAt <= this.o.leaseMs ? "ok" : "failing";
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.renewing = true;
      this.tick = this.renew()
        .then(() => {
          this.checkedAt = performance.now();
        })
        .catch((err) => this.o.log.warn("leader lease check failed", { err: err as Error }))
        .finally(() => {
          this.renewing = false;
          this.schedule(Math.max(250, Math.floor(this.o.leaseMs / 3)));
        });
    }, ms);
  }

  private lose(why: string): void {
    this.held = undefined;
    this.o.onLost(why);
  }

  private async renew(): Promise<void> {
    const started = this.now();
    const me = this.o.instanceId;
    const current = await readItem<LeaseDoc>(this.o.container, LEASE_ID, LEASE_ID);
    if (!this.running) return;
    if (current && current.owner !== me && Date.parse(current.until) > started) {
      if (this.held) this.lose("another instance holds the lease");
      return;
    }
    const body: LeaseDoc = {
      id: LEASE_ID,
      pk: LEASE_ID,
      type: "lease",
      owner: me,
      until: new Date(started + this.o.leaseMs).toISOString(),
      renewedAt: new Date(started).toISOString(),
    };
    let etag: string | undefined;
    try {
      const res = current?._etag
        ? await this.o.container.item(LEASE_ID, LEASE_ID).replace<LeaseDoc>(body, { accessCondition: { type: "IfMatch", condition: current._etag } })
        : await this.o.container.items.create<LeaseDoc>(body);
      etag = res.resource?._etag;
    } catch (err) {
      const code = cosmosCode(err);
      if (code === 409 || code === 412) {
        if (this.held) this.lose("lost the lease to another instance");
        return;
      }
      throw err;
    }
    if (!etag) throw new Error("the store returned the lease without an etag");
    const wasLeader = this.heldAt(started);
    this.held = { etag, validUntil: started + this.o.leaseMs - this.o.leaseSafetyMs };
    if (!wasLeader) await this.o.onGained();
  }

  private async release(): Promise<void> {
    const held = this.held;
    this.held = undefined;
    if (!held) return;
    const now = new Date(this.now()).toISOString();
    const body: LeaseDoc = { id: LEASE_ID, pk: LEASE_ID, type: "lease", owner: this.o.instanceId, until: now, renewedAt: now };
    try {
      await this.o.container.item(LEASE_ID, LEASE_ID).replace(body, { accessCondition: { type: "IfMatch", condition: held.etag } });
    } catch (err) {
      if (cosmosCode(err) !== 412) this.o.log.warn("could not release the leader lease", { err: err as Error });
    }
  }

  private now(): number {
    return this.o.clock.now().getTime();
  }
}
