import { z } from "zod";
import en from "./training-en.json";
import cy from "./training-cy.json";
import type { THRESHOLDS } from "./search";

/**
 * Labelled questions the FAQ learns from besides its entries (docs/faq-evaluation.md, session 10):
 * the development sets' in-domain questions, written by scripts/export-training.ts into
 * training-en.json and training-cy.json (never the evaluation set, never a blind set). BM25 indexes
 * them in a field of their own; they are not the entries' alternates, so the answer gate, the
 * coverage and the classifier do not use them (that is what won in the leave-one-set-out bench,
 * scripts/bench-faq-folds.ts).
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

const TrainingFile = z.object({
  $comment: z.string().optional(),
  questions: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9-]+$/, "must be a kebab-case entry id"),
      question: z.string().trim().min(1).max(600),
    }),
  ),
});

/** Check a training file: the error names the field at fault. */
export function parseTrainingFile(raw: unknown, name: string): Array<readonly [string, string]> {
  const parsed = TrainingFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${name}: ${issue.path.join(".") || "file"} ${issue.message}`);
  }
  return parsed.data.questions.map((q) => [q.question, q.id] as const);
}

/** How the shipped FAQ uses a language's training questions: BM25 only, at weight 1. */
const shipped = (questions: ReadonlyArray<readonly [string, string]>): FaqTraining => ({ indexed: questions, indexedInClassifier: false });

export const TRAINING_EN = parseTrainingFile(en, "training-en.json");
export const TRAINING_CY = parseTrainingFile(cy, "training-cy.json");
export const SHIPPED_TRAINING_EN: FaqTraining = shipped(TRAINING_EN);
export const SHIPPED_TRAINING_CY: FaqTraining = shipped(TRAINING_CY);
