/**
 * Choosing the top few from scored pairs, with fair exposure.
 *
 * Plain ranking (score high to low, then id) would show the same people again and again when many
 * are equally good. So proposals are picked one at a time: take the best score left; every pair
 * within TIE_BAND (2 %) of it counts as a near-tie; among those, pick the one with the lowest load
 * (how often it has been proposed: MatchContext.exposure plus, within one full re-match, the
 * proposals made so far in that run); if loads are equal, the higher score; then the lower id.
 * A pair more than 2 % below the best left is never picked ahead of it, so fairness only ever
 * reorders near-equals. Deterministic: the same input always gives the same picks.
 */
export const TIE_BAND = 0.02;

export interface Scored<T> {
  readonly item: T;
  readonly id: string;
  readonly score: number;
}

/** Score high to low, then id in code-point order (not locale order, which can vary). */
export function byScoreThenId(a: { readonly score: number; readonly id: string }, b: { readonly score: number; readonly id: string }): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The lowest score still a near-tie of `best`. */
export const bandFloor = (best: number): number => best - Math.abs(best) * TIE_BAND;

/** Pick up to `limit`, fairly (see above). `load` is how often an id has been proposed already. */
export function pickFair<T>(scored: readonly Scored<T>[], limit: number, load: (s: Scored<T>) => number): Scored<T>[] {
  const pool = [...scored].sort(byScoreThenId);
  const picked: Scored<T>[] = [];
  while (picked.length < limit && pool.length > 0) {
    const floor = bandFloor(pool[0]!.score);
    let choice = 0;
    let choiceLoad = load(pool[0]!);
    for (let i = 1; i < pool.length && pool[i]!.score >= floor; i++) {
      const l = load(pool[i]!);
      if (l < choiceLoad) {
        choice = i;
        choiceLoad = l;
      }
    }
    picked.push(pool.splice(choice, 1)[0]!);
  }
  return picked;
}

/**
 * Collects one query's scores without allocating per pair, then hands over only the pairs that
 * could be picked: those within TIE_BAND of the `limit`-th best score. (Each pick is within the
 * band of the best score left, which is never below the limit-th best overall.)
 *
 * `floor` is that threshold so far: it only rises as scores come in, so a pair that cannot reach
 * it now can never be picked, and the engine skips pairs whose score bound is below it.
 */
export class ScoreCollector<T> {
  /** Scores below this cannot be picked (−Infinity until `limit` scores are in). */
  floor = -Infinity;
  private items: T[] = [];
  private scores = new Float64Array(1024);
  private n = 0;
  /** How many will be picked. */
  limit = 0;
  /** The best `limit` scores so far, highest first. */
  private top = new Float64Array(0);

  reset(limit: number): void {
    this.n = 0;
    this.items.length = 0;
    this.limit = Math.max(0, Math.floor(limit));
    if (this.top.length !== this.limit) this.top = new Float64Array(this.limit);
    this.top.fill(-Infinity);
    this.floor = this.limit === 0 ? Infinity : -Infinity;
  }

  add(item: T, score: number): void {
    if (this.n === this.scores.length) {
      const grown = new Float64Array(this.n * 2);
      grown.set(this.scores);
      this.scores = grown;
    }
    this.scores[this.n++] = score;
    this.items.push(item);
    const top = this.top;
    const k = this.limit;
    if (k === 0 || score <= top[k - 1]!) return;
    let j = k - 1;
    while (j > 0 && top[j - 1]! < score) {
      top[j] = top[j - 1]!;
      j--;
    }
    top[j] = score;
    if (this.n >= k) this.floor = bandFloor(top[k - 1]!);
  }

  get size(): number {
    return this.n;
  }

  /** The pairs that can still be picked, with their ids. */
  contenders(idOf: (item: T) => string): Scored<T>[] {
    const out: Scored<T>[] = [];
    for (let i = 0; i < this.n; i++) {
      const score = this.scores[i]!;
      if (score >= this.floor) out.push({ item: this.items[i]!, id: idOf(this.items[i]!), score });
    }
    return out;
  }
}
