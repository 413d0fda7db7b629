import { CLEARANCE_LEVELS, SECONDMENT_TYPES } from "../domain/options";
import { EXCHANGE_BIT, skillKeys, type PreparedCandidate, type PreparedOpening } from "./prepare";
import { isRelevant } from "./score";

/**
 * The indexes that keep the engine from scoring every pair.
 *
 * Candidates are filed only while released and available (the two hard rules that do not depend
 * on the role), in two ways:
 *
 * - buckets by (grade level, set of secondment types, clearance rank, part-time or not), each
 *   candidate in exactly one: an opening looks only in the buckets at levels in its grade range,
 *   with a type in common, at clearance ranks at or above what it needs, and in the part-time
 *   buckets only if it can be done part-time;
 * - an inverted index, skill → candidates who offer it or want to develop it. A pair with no skill
 *   in common is never proposed (isRelevant in score.ts), so only these can match.
 *
 * Every list is kept sorted by the day the candidate is free, so a walk stops at the first
 * candidate free too late for the role's start (plus slack).
 *
 * For each query the index counts both candidate lists (up to that cut-off) and walks the shorter,
 * checking the other condition per candidate. Either way the candidates handed on are a superset
 * of those that can pass every hard rule and share a skill, and the caller still checks every
 * rule, so results are exactly what checking every pair would give. Openings are filed the same
 * way for matching one candidate: by each level in their grade range, and by skill, sorted by
 * start date.
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

  *all(): IterableIterator<T> {
    for (const item of this.items) if (item) yield item;
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

/** Slots in a typed array sorted by (key, slot); insert and delete move the tail along. */
class SortedSlots {
  slots = new Int32Array(4);
  keys = new Float64Array(4);
  length = 0;

  private lowerBound(key: number, slot: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const k = this.keys[mid]!;
      if (k < key || (k === key && this.slots[mid]! < slot)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(slot: number, key: number): void {
    if (this.length === this.slots.length) {
      const slots = new Int32Array(this.length * 2);
      const keys = new Float64Array(this.length * 2);
      slots.set(this.slots);
      keys.set(this.keys);
      this.slots = slots;
      this.keys = keys;
    }
    const i = this.lowerBound(key, slot);
    this.slots.copyWithin(i + 1, i, this.length);
    this.keys.copyWithin(i + 1, i, this.length);
    this.slots[i] = slot;
    this.keys[i] = key;
    this.length++;
  }

  delete(slot: number, key: number): void {
    const i = this.lowerBound(key, slot);
    if (i >= this.length || this.slots[i] !== slot || this.keys[i] !== key) return;
    this.slots.copyWithin(i, i + 1, this.length);
    this.keys.copyWithin(i, i + 1, this.length);
    this.length--;
  }

  /** How many entries have key ≤ limit; they are the first ones. */
  countUpTo(limit: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! <= limit) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** SortedSlots by key, created on first use and dropped when empty. */
class Lists<K> {
  private readonly map = new Map<K, SortedSlots>();

  add(key: K, slot: number, sortKey: number): void {
    let list = this.map.get(key);
    if (!list) this.map.set(key, (list = new SortedSlots()));
    list.add(slot, sortKey);
  }

  delete(key: K, slot: number, sortKey: number): void {
    const list = this.map.get(key);
    if (!list) return;
    list.delete(slot, sortKey);
    if (list.length === 0) this.map.delete(key);
  }

  get(key: K): SortedSlots | undefined {
    return this.map.get(key);
  }
}

/** The lists to walk for one query, each up to its cut-off. */
class Walk {
  readonly lists: SortedSlots[] = [];
  readonly ends: number[] = [];
  total = 0;

  constructor(private readonly limit: number) {}

  push(list: SortedSlots | undefined): void {
    if (!list) return;
    const end = list.countUpTo(this.limit);
    if (end === 0) return;
    this.lists.push(list);
    this.ends.push(end);
    this.total += end;
  }
}

/** Walks lists that may share items, each item once. */
function walkDistinct<T extends { readonly id: string }>(slots: Slots<T>, walk: Walk, visit: Visit<T>): number {
  slots.newQuery();
  let n = 0;
  for (let l = 0; l < walk.lists.length; l++) {
    const list = walk.lists[l]!.slots;
    const end = walk.ends[l]!;
    for (let i = 0; i < end; i++) {
      const slot = list[i]!;
      if (!slots.firstVisit(slot)) continue;
      n++;
      visit(slots.items[slot]!);
    }
  }
  return n;
}

/** Walks lists that share no items, calling visit for those `keep` accepts. */
function walkDisjoint<T extends { readonly id: string }, U>(slots: Slots<T>, walk: Walk, other: U, keep: (item: T, other: U) => boolean, visit: Visit<T>): number {
  let n = 0;
  for (let l = 0; l < walk.lists.length; l++) {
    const list = walk.lists[l]!.slots;
    const end = walk.ends[l]!;
    for (let i = 0; i < end; i++) {
      const item = slots.items[list[i]!]!;
      if (!keep(item, other)) continue;
      n++;
      visit(item);
    }
  }
  return n;
}

const TYPE_MASKS = 1 << SECONDMENT_TYPES.length;
const CLEARANCE_COUNT = CLEARANCE_LEVELS.length;

function bucketKey(level: number, typeMask: number, clearance: number, partTime: boolean): number {
  return ((level * TYPE_MASKS + typeMask) * CLEARANCE_COUNT + clearance) * 2 + (partTime ? 1 : 0);
}

const relevantTo = (c: PreparedCandidate, o: PreparedOpening) => isRelevant(c, o);
const relevantFor = (o: PreparedOpening, c: PreparedCandidate) => isRelevant(c, o);

export class CandidateIndex {
  private readonly slots = new Slots<PreparedCandidate>();
  private readonly buckets = new Lists<number>();
  private readonly bySkill = new Lists<string>();
  private readonly exchange = new Set<number>();
  /** How many candidates opening queries have handed on in all (after pruning), for tests and the benchmark. */
  visited = 0;

  get(id: string): PreparedCandidate | undefined {
    return this.slots.get(id);
  }

  get size(): number {
    return this.slots.size;
  }

  upsert(c: PreparedCandidate): void {
    this.remove(c.id);
    const slot = this.slots.put(c);
    if (!(c.released && c.available)) return;
    this.buckets.add(bucketKey(c.level, c.typeMask, c.clearance, c.partTime), slot, c.availableDay);
    for (const key of skillKeys(c.anySkills)) this.bySkill.add(key, slot, c.availableDay);
    if (c.home && (c.typeMask & EXCHANGE_BIT) !== 0) this.exchange.add(slot);
  }

  remove(id: string): void {
    const c = this.slots.get(id);
    if (!c) return;
    const slot = this.slots.slotOf(id)!;
    this.buckets.delete(bucketKey(c.level, c.typeMask, c.clearance, c.partTime), slot, c.availableDay);
    for (const key of skillKeys(c.anySkills)) this.bySkill.delete(key, slot, c.availableDay);
    this.exchange.delete(slot);
    this.slots.delete(id);
  }

  /** Released, available candidates who want an exchange and offer a home role. */
  exchangeCandidates(): PreparedCandidate[] {
    return [...this.exchange].map((slot) => this.slots.items[slot]!);
  }

  /**
   * Every filed candidate that could pass the hard rules for `o` and shares a skill with it,
   * each once (with some that cannot pass: the caller still checks every rule).
   */
  forEachCandidateFor(o: PreparedOpening, slackDays: number, visit: Visit<PreparedCandidate>): void {
    const latest = o.startDay + slackDays;
    const inBuckets = new Walk(latest);
    for (let level = o.minLevel; level <= o.maxLevel; level++) {
      for (let types = 1; types < TYPE_MASKS; types++) {
        if ((types & o.typeMask) === 0) continue;
        for (let cl = o.clearance; cl < CLEARANCE_COUNT; cl++) {
          inBuckets.push(this.buckets.get(bucketKey(level, types, cl, false)));
          if (o.partTimePossible) inBuckets.push(this.buckets.get(bucketKey(level, types, cl, true)));
        }
      }
    }
    const bySkill = new Walk(latest);
    for (const key of skillKeys(o.offers)) bySkill.push(this.bySkill.get(key));
    this.visited +=
      bySkill.total < inBuckets.total
        ? walkDistinct(this.slots, bySkill, visit)
        : walkDisjoint(this.slots, inBuckets, o, relevantTo, visit);
  }
}

export class OpeningIndex {
  private readonly slots = new Slots<PreparedOpening>();
  private readonly byLevel = new Lists<number>();
  private readonly bySkill = new Lists<string>();

  get(id: string): PreparedOpening | undefined {
    return this.slots.get(id);
  }

  get size(): number {
    return this.slots.size;
  }

  /** Open openings, by id (code-point order), so a full re-match always runs in the same order. */
  openInIdOrder(): PreparedOpening[] {
    return [...this.slots.all()].filter((o) => o.open).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  // Sorted by start date, latest first (key −startDay), so a walk stops at roles starting too early.
  upsert(o: PreparedOpening): void {
    this.remove(o.id);
    const slot = this.slots.put(o);
    if (!o.open) return;
    for (let level = o.minLevel; level <= o.maxLevel; level++) this.byLevel.add(level, slot, -o.startDay);
    for (const key of skillKeys(o.offers)) this.bySkill.add(key, slot, -o.startDay);
  }

  remove(id: string): void {
    const o = this.slots.get(id);
    if (!o) return;
    const slot = this.slots.slotOf(id)!;
    for (let level = o.minLevel; level <= o.maxLevel; level++) this.byLevel.delete(level, slot, -o.startDay);
    for (const key of skillKeys(o.offers)) this.bySkill.delete(key, slot, -o.startDay);
    this.slots.delete(id);
  }

  /** Every open opening whose grade range includes the candidate's level, that they can start in time and that shares a skill with them. */
  forEachOpeningFor(c: PreparedCandidate, slackDays: number, visit: Visit<PreparedOpening>): void {
    // startDay + slack ≥ availableDay ⇔ −startDay ≤ slack − availableDay
    const limit = slackDays - c.availableDay;
    const atLevel = new Walk(limit);
    atLevel.push(this.byLevel.get(c.level));
    const bySkill = new Walk(limit);
    for (const key of skillKeys(c.anySkills)) bySkill.push(this.bySkill.get(key));
    if (bySkill.total < atLevel.total) walkDistinct(this.slots, bySkill, visit);
    else walkDisjoint(this.slots, atLevel, c, relevantFor, visit);
  }
}
