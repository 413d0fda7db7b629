/**
 * The answer gate: is the question about something the chosen entry actually talks about?
 *
 * The rankers (search.ts) find the closest entry; a question can be closest to an entry on one
 * shared programme word ("part time jobs at Tesco", "extend my parking permit"). Before answering,
 * the entry must explain most of what the question is about:
 *   - each of the question's terms (names and places left out) weighs what it tells: words many
 *     entries use weigh little; words the knowledge base never uses ("dentist", "tesco") weigh
 *     GATE.unknownWeight, more than any word it uses, unless it is an everyday English word (a
 *     general stop-word list, stopwords-iso) that weighs as little as a context word; context words that place a question in the
 *     public sector or the programme without saying what it asks (secondment, council, NHS, team,
 *     staff) weigh GATE.contextWeight;
 *   - explained(e): the weighted share of those terms that entry e uses, in full when its question,
 *     alternates, keywords or topic use a term, GATE.answerCredit when only its answer does.
 * decide() answers only when explained(e) is at least GATE.explained (a little under half);
 * otherwise the question becomes "did you mean", not covered or off-topic by the usual rules, and
 * "did you mean" only offers entries that explain at least GATE.didYouMean of it (a question about
 * a dentist or a Tesco job is no near miss of the entry that shares its one programme word).
 * Measured on every development set together (docs/faq-evaluation.md; node dist/scripts/bench-faq-gate.js prints the curve):
 * the gate trades about 3 points of right answers for "did you mean" (the right topic offered in
 * most) and removes the invented answers.
 */

/** How one question term stands with the knowledge base and the best label. */
export interface TermUse {
  term: string;
  /** How telling the term is for the gate (see gateWeight). */
  weight: number;
  /** How many entries use the term anywhere (0: the knowledge base never does). */
  df: number;
  /** A topic the material does not cover uses it. */
  notCovered: boolean;
  /** Where the best label uses it: its question, alternates, keywords or topic; only its answer; nowhere. */
  inBest: "main" | "answer" | "none";
}

/** The gate's settings (the trade-off is measured by scripts/bench-faq-gate.ts). */
export const GATE = {
  /** The share of the question an entry must explain to be given as the answer. */
  explained: 0.45,
  /** An entry offered under "did you mean" must explain at least this share of the question. */
  didYouMean: 0.2,
  /** Credit for a term only the entry's answer uses. */
  answerCredit: 0.5,
  /**
   * Weight of a word the knowledge base never uses: more than the rarest word it does use (1), as an
   * IDF would give it ("can my host pay me a bonus" is about the bonus).
   */
  unknownWeight: 1.5,
  /** Weight of a context word. */
  contextWeight: 0.2,
};

export interface LabelTerms {
  main: ReadonlySet<string>;
  answer: ReadonlySet<string>;
}

/** How much a term counts in the gate: `weight` is the ranker's IDF weight (search.ts). */
export function gateWeight(
  term: string,
  weight: number,
  df: number,
  notCovered: boolean,
  context: ReadonlySet<string>,
  everyday: ReadonlySet<string> = new Set(),
): number {
  if (context.has(term)) return GATE.contextWeight;
  // An everyday word ("rather", "till", "side") the knowledge base happens not to use says as
  // little about the topic as a context word; an unusual one ("dentist", "parking") says a lot.
  if (df === 0 && !notCovered) return everyday.has(term) ? GATE.contextWeight : GATE.unknownWeight;
  return weight;
}

/** The weighted share of the terms that a label's words explain (0 when there are no terms). */
export function explainedShare(terms: ReadonlyArray<{ term: string; weight: number }>, label: LabelTerms | undefined): number {
  if (!label) return 0;
  let total = 0;
  let got = 0;
  for (const { term, weight } of terms) {
    total += weight;
    if (label.main.has(term)) got += weight;
    else if (label.answer.has(term)) got += weight * GATE.answerCredit;
  }
  return total > 0 ? got / total : 0;
}

/** The gate itself: entry `id` explains at least GATE.explained of the question. */
export function passesGate(sig: { explained?: Readonly<Record<string, number>> }, id: string): boolean {
  return (sig.explained?.[id] ?? 1) >= GATE.explained;
}

/** Entry `id` explains enough of the question to be offered under "did you mean" (GATE.didYouMean). */
export function offerable(sig: { explained?: Readonly<Record<string, number>> }, id: string): boolean {
  return (sig.explained?.[id] ?? 1) >= GATE.didYouMean;
}
