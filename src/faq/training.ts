import type { THRESHOLDS } from "./search";

/**
 * Labelled questions the FAQ may learn from besides its entries, and its decision thresholds:
 * what scripts/bench-faq-folds.ts varies to measure training on the development sets by
 * leave-one-set-out (docs/faq-evaluation.md, session 10). The shipped FAQ uses none of it.
 */
export interface FaqTraining {
  /**
   * Labelled questions the classifier also learns (BM25 does not index them): [question, label],
   * the label an entry id, a not-covered topic id or "off-topic". Labels the FAQ lacks are skipped.
   */
  examples?: ReadonlyArray<readonly [string, string]>;
  /**
   * Labelled questions BM25 also indexes, in a field of their own (weight `indexedBoost`, 1 when
   * not given): [question, entry id]. They never count as the entry's own words for the coverage,
   * the answer gate or the typo corrector.
   */
  indexed?: ReadonlyArray<readonly [string, string]>;
  indexedBoost?: number;
  /** Whether the classifier also learns the `indexed` questions (true when not given). */
  indexedInClassifier?: boolean;
  /** Decision thresholds (THRESHOLDS when not given). */
  thresholds?: typeof THRESHOLDS;
}
