import type { Container } from "@azure/cosmos";
import { performance } from "node:perf_hooks";
import type { Match } from "../domain/match";
import type { Logger } from "../log";
import { MatchEngine } from "../matching/engine";
import type { MatchContext } from "../matching/types";
import type { ChangeLog, ChangeMarker, ChangeRef } from "../store/changes";
import { Affected, POOL_QUERY, poolStateOf, type PoolDoc, type PoolState } from "./pool";
import { readItem, type Stored } from "../store/store";

export interface LivePoolOptions {
  people: Container;
  matches: Container;
  changes: ChangeLog;
  /** Today and duration caps, read at every query (MatchContext.today may be a getter). */
  context: Omit<MatchContext, "declinedPairs">;
  log?: Logger;
  /** A full rebuild at least this often (on the first use after it is due). Default 1 hour. */
  rebuildEveryMs?: number;
  /**
   * Markers are read again from this many seconds before the newest one seen, for writes still in
   * flight when it was read (markers share one partition, so one clock stamps them). Default 3.
   */
  overlapSeconds?: number;
  /** Markers older than this are deleted by a full rebuild. Default 24 hours; keep it well above rebuildEveryMs. */
  retentionSeconds?: number;
  /** Local clock in ms, for the rebuild schedule. */
  nowMs?: () => number;
  /**
   * Called when a catch-up meets an erasure's marker (someone's documents went, unnamed), so other
   * per-instance notes about people can be dropped too (bot/app.ts: the remembered chat references).
   */
  onErasure?: () => void;
}

/** What a caller matches against: the engine and the documents behind it, as of the last catch-up. */
export interface PoolView {
  engine: MatchEngine;
  state: PoolState;
}

/**
 * One long-lived matching engine per instance, kept up to date from change markers: before each
 * decision the instance reads the markers written since it last looked, reads the documents they
 * name, and re-derives only the candidates and openings those affect. A new or changed submission
 * so costs a small query, a point read or two and an engine upsert, whatever the pool's size.
 *
 * Everything is read again (full rebuild) on first use and then on a schedule, which also prunes
 * old markers. Two instances agree because each catches up from the store before deciding.
 */
export class LivePool {
  private state: PoolState | undefined;
  private engine: MatchEngine | undefined;
  /** Newest marker time applied (store seconds). */
  private watermark = 0;
  /** Markers already applied, by id, with their time: those within the overlap are read again. */
  private readonly applied = new Map<string, number>();
  private lastFullMs = -Infinity;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly rebuildEveryMs: number;
  private readonly overlap: number;
  private readonly retention: number;
  private readonly nowMs: () => number;
  /** Counts for tests and the bench. */
  readonly stats = { rebuilds: 0, catchUps: 0, markers: 0, reads: 0, catchUpMs: 0 };

  constructor(private readonly o: LivePoolOptions) {
    this.rebuildEveryMs = o.rebuildEveryMs ?? 60 * 60_000;
    this.overlap = o.overlapSeconds ?? 3;
    this.retention = o.retentionSeconds ?? 24 * 3600;
    this.nowMs = o.nowMs ?? Date.now;
  }

  /** Catch up from the store, then hand back the engine. One catch-up at a time per instance. */
  current(): Promise<PoolView> {
    const run = this.queue.then(() => this.refresh());
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Read everything again now (tests; the schedule does this on its own). */
  rebuildNow(): Promise<PoolView> {
    const run = this.queue.then(() => this.rebuild());
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Start from documents already in hand (the bench seeds a large pool this way), then catch up as usual. */
  seed(docs: readonly PoolDoc[], matches: readonly Stored<Match>[], sinceTs: number): void {
    this.install(poolStateOf(docs, matches), sinceTs);
  }

  /** The scheduled rebuild in progress, if any (tests await it). */
  background: Promise<void> | undefined;

  private async refresh(): Promise<PoolView> {
    if (!this.state) return this.rebuild();
    if (this.nowMs() - this.lastFullMs >= this.rebuildEveryMs && !this.background) {
      // A scheduled rebuild reads everything in the background; until it is ready, the current
      // engine keeps being caught up, so nobody waits for it.
      this.lastFullMs = this.nowMs();
      this.background = this.loadAll()
        .then((loaded) => {
          const run = this.queue.then(() => this.installLoaded(loaded));
          this.queue = run.catch(() => undefined);
          return run;
        })
        .catch((err: unknown) => this.o.log?.warn("scheduled matching rebuild failed", { err: err as Error }))
        .finally(() => (this.background = undefined));
    }
    await this.catchUp();
    return { engine: this.engine!, state: this.state };
  }

  private install(state: PoolState, sinceTs: number): void {
    const engine = new MatchEngine(contextOf(this.o.context, state.excluded));
    for (const key of state.candidateKeys()) engine.upsertCandidate(state.candidate(key)!);
    for (const id of state.roleIds()) engine.upsertOpening(state.opening(id)!);
    this.state = state;
    this.engine = engine;
    this.watermark = sinceTs;
    this.applied.clear();
    this.lastFullMs = this.nowMs();
  }

  private async loadAll(): Promise<{ startTs: number; docs: PoolDoc[]; matches: Stored<Match>[] }> {
    // Markers from just before the read starts on are applied afterwards (harmless if already read).
    const startTs = Math.floor(Date.now() / 1000) - this.overlap;
    const [{ resources: docs }, { resources: matches }] = await Promise.all([
      this.o.people.items.query<PoolDoc>(POOL_QUERY).fetchAll(),
      this.o.matches.items.query<Stored<Match>>("SELECT * FROM c WHERE c.type = 'match'").fetchAll(),
    ]);
    return { startTs, docs, matches };
  }

  private async rebuild(): Promise<PoolView> {
    await this.installLoaded(await this.loadAll());
    return { engine: this.engine!, state: this.state! };
  }

  private async installLoaded({ startTs, docs, matches }: { startTs: number; docs: PoolDoc[]; matches: Stored<Match>[] }): Promise<void> {
    this.install(poolStateOf(docs, matches), startTs);
    this.stats.rebuilds++;
    try {
      await this.o.changes.prune(Math.floor(Date.now() / 1000) - this.retention);
    } catch (err) {
      this.o.log?.warn("could not prune change markers", { err: err as Error });
    }
    await this.catchUp();
  }

  private async catchUp(): Promise<void> {
    const t0 = performance.now();
    try {
      await this.catchUpOnce();
    } finally {
      this.stats.catchUps++;
      this.stats.catchUpMs += performance.now() - t0;
    }
  }

  private async catchUpOnce(): Promise<void> {
    const markers = (await this.o.changes.since(this.watermark - this.overlap)).filter((m) => !this.applied.has(m.id));
    if (markers.length === 0) return;
    if (markers.some((m) => m.reread)) {
      this.o.onErasure?.();
      // Something was removed without a marker naming it (an erasure): read everything again. The
      // read starts after these markers were read, so it reflects all of them; the markers are then
      // remembered as applied (install forgets the old ones), and later markers are caught up as usual.
      const loaded = await this.loadAll();
      this.install(poolStateOf(loaded.docs, loaded.matches), loaded.startTs);
      this.stats.rebuilds++;
      this.stats.markers += markers.length;
      this.remember(markers);
      return this.catchUpOnce();
    }
    const refs = new Map<string, ChangeRef>();
    for (const m of markers) if (m.ref) refs.set(`${m.ref.container}\u0000${m.ref.pk}\u0000${m.ref.id}`, m.ref);
    const docs = await Promise.all(
      [...refs.values()].map(async (ref) => ({ ref, doc: await readItem<PoolDoc | Match>(ref.container === "people" ? this.o.people : this.o.matches, ref.id, ref.pk) })),
    );
    this.stats.reads += docs.length;
    this.stats.markers += markers.length;
    const state = this.state!;
    const affected = new Affected();
    for (const { ref, doc } of docs) {
      if (ref.container === "matches") affected.merge(state.putMatch(ref.id, doc as Stored<Match> | undefined));
      else if (!doc || doc.type === "interest" || doc.type === "role" || doc.type === "approval") affected.merge(state.putPeopleDoc(ref, doc as PoolDoc | undefined));
    }
    this.apply(affected);
    this.remember(markers);
  }

  private apply(affected: Affected): void {
    const { engine, state } = this;
    for (const key of affected.candidates) {
      const c = state!.candidate(key);
      if (c) engine!.upsertCandidate(c);
      else engine!.removeCandidate(key);
    }
    for (const id of affected.openings) {
      const o = state!.opening(id);
      if (o) engine!.upsertOpening(o);
      else engine!.removeOpening(id);
    }
  }

  private remember(markers: ChangeMarker[]): void {
    for (const m of markers) {
      this.applied.set(m.id, m._ts);
      if (m._ts > this.watermark) this.watermark = m._ts;
    }
    const oldest = this.watermark - this.overlap;
    for (const [id, ts] of this.applied) if (ts < oldest) this.applied.delete(id);
  }
}

/** The engine's context: the caller's (keeping `today` live if it is a getter) with the pool's excluded pairs. */
function contextOf(ctx: Omit<MatchContext, "declinedPairs">, excluded: ReadonlySet<string>): MatchContext {
  const out = {} as MatchContext;
  Object.defineProperties(out, Object.getOwnPropertyDescriptors(ctx));
  Object.defineProperty(out, "declinedPairs", { value: excluded, enumerable: true });
  return out;
}
