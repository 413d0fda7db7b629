import { SECONDMENT_TYPES } from "../domain/options";
import { OpeningProbe, packCandidate, ROW_WIDTH } from "./prefilter";
import { EXCHANGE_BIT, skillKeys, type PreparedCandidate, type PreparedOpening, type PreparedSkills } from "./prepare";
import { isRelevant } from "./score";
import { bandFloor } from "./select";

/**
 * The indexes that keep the engine from scoring every pair.
 *
 * Candidates are filed only while released and available (the two hard rules that do not depend
 * on the role). Each filing is a row of a few integers (prefilter.ts) in a list, and every list is
 * kept sorted by the day the candidate is free, so a walk stops at the first candidate free too
 * late for the role's start (plus slack). The lists:
 *
 * - `offering`: by skill offered × grade level × secondment type × length band — the inverted
 *   skill index, split by the hard rules a role can be looked up by;
 * - `developing`: the same for skills the candidate wants to develop;
 * - `buckets`: by grade level × set of types × length band, each candidate in one per band.
 *
 * A length band is a range of months (DURATION_BANDS); a candidate is filed in every band their
 * shortest-to-longest range touches and a role looks only in the band of its own length.
 *
 * A pair with no skill in common is never proposed (isRelevant in score.ts). So for one opening:
 *
 * 1. walk the `offering` lists of its required skills at its levels, types and band: the people
 *    who offer a skill it needs, usually the best;
 * 2. stop if nobody who offers none of those skills could score enough to be picked (the bound
 *    in OpeningProbe.boundWithoutRequired is below the floor the first walk raised);
 * 3. otherwise walk, whichever is shorter, the `offering` lists of its nice-to-have skills with
 *    the `developing` lists of all its skills, or the buckets at its levels, types and band.
 *
 * Each walk looks at a row's integers only (OpeningProbe.admits, then a score bound) and hands
 * on just the candidates that could still be picked, best bounds first. The caller then checks
 * every hard rule and works out the real score, exactly as for every pair in naiveFullRematch, so
 * results are the same: the index only decides which pairs are never looked at.
 *
 * Openings are filed more simply, for matching one candidate: by each level in their grade range
 * and by skill, sorted by start date.
 */

type Visit<T> = (item: T) => void;

/** Items by id, each in a numbered slot, with slots reused after removal. */
class Slots<T extends { readonly id: string }> {
  readonly items: (T | undefined)[] = [];
  private readonly slotById = new Map<string, number>();
  private readonly free: number[] = [];
  private stamps = new Int32Array(1024);
  private stampNo = 0;

  get(id: string): T | undefined {
    const slot = this.slotById.get(id);
    return slot === undefined ? undefined : this.items[slot];
  }

  slotOf(id: string): number | undefined {
    return this.slotById.get(id);
  }

  put(item: T): number {
    let slot = this.slotById.get(item.id);
    if (slot === undefined) {
      slot = this.free.pop() ?? this.items.length;
      this.slotById.set(item.id, slot);
    }
    this.items[slot] = item;
    if (slot >= this.stamps.length) {
      const grown = new Int32Array(Math.max(slot + 1, this.stamps.length * 2));
      grown.set(this.stamps);
      this.stamps = grown;
    }
    return slot;
  }

  delete(id: string): void {
    const slot = this.slotById.get(id);
    if (slot === undefined) return;
    this.slotById.delete(id);
    this.items[slot] = undefined;
    this.free.push(slot);
  }

  get size(): number {
    return this.slotById.size;
  }

  all(): T[] {
    const out: T[] = [];
    for (const item of this.items) if (item) out.push(item);
    return out;
  }

  /** Starts a query: each slot then passes `firstVisit` once. */
  newQuery(): void {
    if (++this.stampNo === 0x7fffffff) {
      this.stamps.fill(0);
      this.stampNo = 1;
    }
  }

  firstVisit(slot: number): boolean {
    if (this.stamps[slot] === this.stampNo) return false;
    this.stamps[slot] = this.stampNo;
    return true;
  }
}

/**
 * Rows of `width` integers in one typed array, sorted by (key, slot): column 0 is the key, column 1
 * the slot, the rest whatever the owner packs in. Insert and delete move the tail along, which
 * for lists of a few thousand rows takes microseconds.
 */
class SortedRows {
  rows: Int32Array;
  length = 0;

  constructor(readonly width: number) {
    this.rows = new Int32Array(width * 4);
  }

  private lowerBound(key: number, slot: number): number {
    const { rows, width } = this;
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const k = rows[mid * width]!;
      if (k < key || (k === key && rows[mid * width + 1]! < slot)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Inserts a row and returns its offset, for the owner to fill in columns 2 onwards. */
  insert(key: number, slot: number): number {
    const w = this.width;
    if ((this.length + 1) * w > this.rows.length) {
      const grown = new Int32Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    const at = this.lowerBound(key, slot) * w;
    this.rows.copyWithin(at + w, at, this.length * w);
    this.rows[at] = key;
    this.rows[at + 1] = slot;
    this.length++;
    return at;
  }

  delete(key: number, slot: number): void {
    const i = this.lowerBound(key, slot);
    const at = i * this.width;
    if (i >= this.length || this.rows[at] !== key || this.rows[at + 1] !== slot) return;
    this.rows.copyWithin(at, at + this.width, this.length * this.width);
    this.length--;
  }
}

/** SortedRows by key, created on first use and dropped when empty. */
class Lists<K> {
  private readonly map = new Map<K, SortedRows>();

  constructor(private readonly width: number) {}

  /** Inserts a row and returns the list and the row's offset. */
  insert(key: K, slot: number, sortKey: number): [SortedRows, number] {
    let list = this.map.get(key);
    if (!list) this.map.set(key, (list = new SortedRows(this.width)));
    return [list, list.insert(sortKey, slot)];
  }

  delete(key: K, slot: number, sortKey: number): void {
    const list = this.map.get(key);
    if (!list) return;
    list.delete(sortKey, slot);
    if (list.length === 0) this.map.delete(key);
  }

  get(key: K): SortedRows | undefined {
    return this.map.get(key);
  }
}

/**
 * The lists to walk for one query. Rows are sorted by key, so a walk stops at the first row whose
 * key is past the limit; `total` (every row, past the limit or not) is what choosing between two
 * walks goes by.
 */
class Walk {
  readonly lists: SortedRows[] = [];
  total = 0;
  limit = 0;

  /** Empties the walk for a new query, keeping its array. */
  reset(limit: number): this {
    this.lists.length = 0;
    this.total = 0;
    this.limit = limit;
    return this;
  }

  push(list: SortedRows | undefined): void {
    if (!list) return;
    this.lists.push(list);
    this.total += list.length;
  }
}

/** Where a query's picking stands: rows whose bound is below `floor` cannot be picked. */
export interface Gate {
  readonly floor: number;
  /** How many will be picked. */
  readonly limit: number;
}

/** Marks a shortlisted row already handed on. */
const VISITED = -0x80000000;

/** Bounds and slots of the rows still in the running, reused from query to query. */
class Shortlist {
  /** In hundredths. */
  bounds = new Int32Array(1024);
  slots = new Int32Array(1024);
  length = 0;

  push(bound: number, slot: number): void {
    if (this.length === this.bounds.length) {
      const bounds = new Int32Array(this.length * 2);
      const slots = new Int32Array(this.length * 2);
      bounds.set(this.bounds);
      slots.set(this.slots);
      this.bounds = bounds;
      this.slots = slots;
    }
    this.bounds[this.length] = bound;
    this.slots[this.length++] = slot;
  }

  private top = new Float64Array(8);

  /** The k-th highest bound (hundredths) of rows not yet handed on, or −Infinity if there are fewer than k. */
  kthHighest(k: number): number {
    if (k <= 0) return -Infinity;
    if (this.top.length < k) this.top = new Float64Array(k);
    const top = this.top.fill(-Infinity, 0, k);
    for (let i = 0; i < this.length; i++) {
      const b = this.bounds[i]!;
      if (b === VISITED || b <= top[k - 1]!) continue;
      let j = k - 1;
      while (j > 0 && top[j - 1]! < b) {
        top[j] = top[j - 1]!;
        j--;
      }
      top[j] = b;
    }
    return top[k - 1]!;
  }
}

const TYPE_COUNT = SECONDMENT_TYPES.length;
const TYPE_MASKS = 1 << TYPE_COUNT;

/**
 * Lengths in months, cut into bands by their upper edges: a candidate is filed in every band their
 * shortest-to-longest range touches, and a role looks only in the band of its own length.
 */
const DURATION_BANDS = [3, 6, 9, 12, 18, 24, 36, 60] as const;

function bandOf(months: number): number {
  const i = DURATION_BANDS.findIndex((edge) => months <= edge);
  return i < 0 ? DURATION_BANDS.length - 1 : i;
}

function bucketKey(level: number, typeMask: number, band: number): number {
  return (level * TYPE_MASKS + typeMask) * DURATION_BANDS.length + band;
}

const TYPE_BITS: readonly (readonly number[])[] = Array.from({ length: TYPE_MASKS }, (_, mask) =>
  [...Array(TYPE_COUNT).keys()].filter((t) => (mask & (1 << t)) !== 0),
);

/** Skills as numbers: curated skills by bit (0..31), own-words skills from 32 as first seen. */
class SkillNumbers {
  private readonly own = new Map<string, number>();

  /** With `add`, numbers new own-words skills; without, leaves out those never filed. */
  of(skills: PreparedSkills, add: boolean): readonly number[] {
    if (skills.other.size === 0) return skills.bits;
    const out = [...skills.bits];
    for (const text of skills.other.keys()) {
      let n = this.own.get(text);
      if (n === undefined && add) this.own.set(text, (n = 32 + this.own.size));
      if (n !== undefined) out.push(n);
    }
    return out;
  }
}

/** The list key for a skill (by number) at a grade level, type bit and length band. */
function skillListKey(skill: number, level: number, typeBit: number, band: number): number {
  return ((skill * 16 + level) * TYPE_COUNT + typeBit) * DURATION_BANDS.length + band;
}

export class CandidateIndex {
  private readonly slots = new Slots<PreparedCandidate>();
  /** By (level, set of types, length band). */
  private readonly buckets = new Lists<number>(ROW_WIDTH);
  /** By skill offered, level, type and length band. */
  private readonly offering = new Lists<number>(ROW_WIDTH);
  /** By skill to develop, level, type and length band. */
  private readonly developing = new Lists<number>(ROW_WIDTH);
  private readonly exchange = new Set<number>();
  private readonly skillNumbers = new SkillNumbers();
  private readonly shortlist = new Shortlist();
  private readonly walks: readonly [Walk, Walk, Walk] = [new Walk(), new Walk(), new Walk()];
  /** Index rows opening queries have looked at, in all. */
  scanned = 0;
  /** Candidates opening queries have handed on for every rule and the score, in all. */
  checked = 0;

  get(id: string): PreparedCandidate | undefined {
    return this.slots.get(id);
  }

  get size(): number {
    return this.slots.size;
  }

  /** Where a candidate is filed: the same answer on upsert and on remove. */
  private filings(c: PreparedCandidate): { buckets: number[]; offering: number[]; developing: number[] } {
    const bands: number[] = [];
    for (let b = bandOf(c.shortestMonths); b <= bandOf(c.longestMonths); b++) bands.push(b);
    const types = TYPE_BITS[c.typeMask]!;
    const under = (skills: PreparedSkills) =>
      this.skillNumbers.of(skills, true).flatMap((n) => types.flatMap((t) => bands.map((b) => skillListKey(n, c.level, t, b))));
    return {
      buckets: bands.map((b) => bucketKey(c.level, c.typeMask, b)),
      offering: under(c.offered),
      developing: under(c.develop),
    };
  }

  upsert(c: PreparedCandidate): void {
    this.remove(c.id);
    const slot = this.slots.put(c);
    if (!(c.released && c.available)) return;
    const file = ([list, at]: [SortedRows, number]) => packCandidate(c, list.rows, at);
    const f = this.filings(c);
    for (const key of f.buckets) file(this.buckets.insert(key, slot, c.availableDay));
    for (const key of f.offering) file(this.offering.insert(key, slot, c.availableDay));
    for (const key of f.developing) file(this.developing.insert(key, slot, c.availableDay));
    if (c.home && (c.typeMask & EXCHANGE_BIT) !== 0) this.exchange.add(slot);
  }

  remove(id: string): void {
    const c = this.slots.get(id);
    if (!c) return;
    const slot = this.slots.slotOf(id)!;
    if (c.released && c.available) {
      const f = this.filings(c);
      for (const key of f.buckets) this.buckets.delete(key, slot, c.availableDay);
      for (const key of f.offering) this.offering.delete(key, slot, c.availableDay);
      for (const key of f.developing) this.developing.delete(key, slot, c.availableDay);
    }
    this.exchange.delete(slot);
    this.slots.delete(id);
  }

  /** Released, available candidates who want an exchange and offer a home role. */
  exchangeCandidates(): PreparedCandidate[] {
    return [...this.exchange].map((slot) => this.slots.items[slot]!);
  }

  /**
   * Hands on, each once, every filed candidate that could pass the hard rules for the probe's
   * opening, share a skill with it and score at least `gate.floor` (which rises as the caller
   * collects scores). Some handed on may still fail a rule or share no skill: the caller checks.
   *
   * First those who offer a skill the role needs: they usually include the best, and raise the
   * floor. If the floor is then above the most anyone offering none of the required skills could
   * score (OpeningProbe.boundWithoutRequired), nobody else is looked at. Otherwise the rest: from
   * the buckets, or from the lists of people offering a nice-to-have skill or wanting to develop
   * one the role offers, whichever is shorter.
   */
  forEachCandidateFor(probe: OpeningProbe, slackDays: number, gate: Gate, visit: Visit<PreparedCandidate>): void {
    const o = probe.opening;
    const latest = o.startDay + slackDays;
    const band = bandOf(o.durationMonths);
    const types = TYPE_BITS[o.typeMask]!;
    this.slots.newQuery();
    const [offeringRequired, inBuckets, bySkill] = this.walks;

    this.skillLists(this.offering, o.required, o, types, band, offeringRequired.reset(latest));
    this.walk(offeringRequired, probe, gate, visit);
    if (probe.boundWithoutRequired() < gate.floor) return;

    inBuckets.reset(latest);
    for (let level = o.minLevel; level <= o.maxLevel; level++) {
      for (let mask = 1; mask < TYPE_MASKS; mask++) {
        if ((mask & o.typeMask) !== 0) inBuckets.push(this.buckets.get(bucketKey(level, mask, band)));
      }
    }
    bySkill.reset(latest);
    this.skillLists(this.offering, o.nice, o, types, band, bySkill);
    this.skillLists(this.developing, o.offers, o, types, band, bySkill);
    this.walk(bySkill.total < inBuckets.total ? bySkill : inBuckets, probe, gate, visit);
  }

  private skillLists(lists: Lists<number>, skills: PreparedSkills, o: PreparedOpening, types: readonly number[], band: number, walk: Walk): void {
    for (const n of this.skillNumbers.of(skills, false)) {
      for (let level = o.minLevel; level <= o.maxLevel; level++) {
        for (const t of types) walk.push(lists.get(skillListKey(n, level, t, band)));
      }
    }
  }

  /**
   * Walks the lists, noting every admitted row's bound (each candidate once, and only if it
   * reaches the gate's floor), then hands candidates on best bounds first, in rounds, so the
   * floor rises to about where it ends before the rest are looked at. Bounds are close to the
   * real score, so few candidates beyond those that could be picked are checked.
   */
  private walk(walk: Walk, probe: OpeningProbe, gate: Gate, visit: Visit<PreparedCandidate>): void {
    const { slots, shortlist } = this;
    shortlist.length = 0;
    const width = ROW_WIDTH;
    const limit = walk.limit;
    let scanned = 0;
    for (let l = 0; l < walk.lists.length; l++) {
      const list = walk.lists[l]!;
      const rows = list.rows;
      const end = list.length * width;
      let at = 0;
      for (; at < end && rows[at]! <= limit; at += width) {
        if (!probe.admits(rows, at) || !slots.firstVisit(rows[at + 1]!)) continue;
        const bound = probe.boundHundredths(rows, at);
        if (bound >= gate.floor * 100) shortlist.push(bound, rows[at + 1]!);
      }
      scanned += at / width;
    }
    // Rounds: hand on the unvisited rows within the band of the limit-th best bound left (and at
    // or above the floor); stop when a round finds none. Each round hands on at least `limit`
    // rows or all that can still be picked, so there are seldom more than two.
    let checked = 0;
    for (;;) {
      const floor = gate.floor * 100;
      const high = Math.max(bandFloor(shortlist.kthHighest(gate.limit) / 100) * 100, floor);
      let handed = 0;
      for (let i = 0; i < shortlist.length; i++) {
        const bound = shortlist.bounds[i]!;
        if (bound === VISITED || bound < high) continue;
        shortlist.bounds[i] = VISITED;
        handed++;
        visit(slots.items[shortlist.slots[i]!]!);
      }
      checked += handed;
      if (handed === 0) break;
    }
    this.scanned += scanned;
    this.checked += checked;
  }
}

export class OpeningIndex {
  private readonly slots = new Slots<PreparedOpening>();
  private readonly byLevel = new Lists<number>(2);
  private readonly bySkill = new Lists<string>(2);

  get(id: string): PreparedOpening | undefined {
    return this.slots.get(id);
  }

  get size(): number {
    return this.slots.size;
  }

  /** Open openings, by id (code-point order), so a full re-match always runs in the same order. */
  openInIdOrder(): PreparedOpening[] {
    return this.slots.all().filter((o) => o.open).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  // Sorted by start date, latest first (key −startDay), so a walk stops at roles starting too early.
  upsert(o: PreparedOpening): void {
    this.remove(o.id);
    const slot = this.slots.put(o);
    if (!o.open) return;
    for (let level = o.minLevel; level <= o.maxLevel; level++) this.byLevel.insert(level, slot, -o.startDay);
    for (const key of skillKeys(o.offers)) this.bySkill.insert(key, slot, -o.startDay);
  }

  remove(id: string): void {
    const o = this.slots.get(id);
    if (!o) return;
    const slot = this.slots.slotOf(id)!;
    for (let level = o.minLevel; level <= o.maxLevel; level++) this.byLevel.delete(level, slot, -o.startDay);
    for (const key of skillKeys(o.offers)) this.bySkill.delete(key, slot, -o.startDay);
    this.slots.delete(id);
  }

  /**
   * Every open opening whose grade range includes the candidate's level, that they can start in
   * time for and that shares a skill with them, each once.
   */
  forEachOpeningFor(c: PreparedCandidate, slackDays: number, visit: Visit<PreparedOpening>): void {
    // startDay + slack ≥ availableDay ⇔ −startDay ≤ slack − availableDay
    const limit = slackDays - c.availableDay;
    const atLevel = new Walk().reset(limit);
    atLevel.push(this.byLevel.get(c.level));
    const bySkill = new Walk().reset(limit);
    for (const key of skillKeys(c.anySkills)) bySkill.push(this.bySkill.get(key));
    const distinct = bySkill.total < atLevel.total;
    const walk = distinct ? bySkill : atLevel;
    const { slots } = this;
    if (distinct) slots.newQuery();
    for (let l = 0; l < walk.lists.length; l++) {
      const list = walk.lists[l]!;
      const rows = list.rows;
      const end = list.length * 2;
      for (let at = 0; at < end && rows[at]! <= limit; at += 2) {
        if (distinct && !slots.firstVisit(rows[at + 1]!)) continue;
        const o = slots.items[rows[at + 1]!]!;
        if (distinct || isRelevant(c, o)) visit(o);
      }
    }
  }
}
