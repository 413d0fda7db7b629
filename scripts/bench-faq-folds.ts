import { createFaq, OFF_TOPIC_LABEL, SHIPPED_ENTRIES, THRESHOLDS, type Faq } from "../src/faq/search";
import { createWelshFaq, WELSH_ENTRIES } from "../src/faq/knowledge-cy";
import type { FaqEntry } from "../src/faq/knowledge";
import { FAQ_SETS, setParts, type FaqSet } from "../test/faq/sets";
import { scoreSet, type SetFigures } from "./bench-faq";

/**
 * Does training the FAQ on the labelled development questions help on phrasings it has not seen?
 * (docs/faq-evaluation.md, session 10.) Leave-one-set-out: for each development set S other than
 * the evaluation set (which is never training data: issue 15 wants it kept apart from what the FAQ
 * learns), build the FAQ trained on every other development set except S and the evaluation set,
 * and measure S. Blind sets are never trained on nor measured, except by --blind. Questions of S
 * typed the same way in another set are left out of the training, so no fold sees its own questions.
 *
 * node dist/scripts/bench-faq-folds.js [--configs base,ex,...] [--thresholds answerMargin=0.4,...] [--quiet]
 * node dist/scripts/bench-faq-folds.js --blind   (once per blind set, with the config chosen on the folds)
 * Prints, per fold and over all folds, English and Welsh: right / did you mean / wrong / declined
 * on in-domain questions, and invented answers on the decline questions.
 */

/** A labelled training question: an entry id, a not-covered topic id or "off-topic". */
type Example = readonly [string, string];

export interface Training {
  en: { inDomain: Example[]; offTopic: Example[]; notCovered: Example[] };
  cy: { inDomain: Example[]; offTopic: Example[] };
}

/** One way of using the training questions. */
export interface Config {
  name: string;
  /** Learn the in-domain questions as classifier examples. */
  examples: boolean;
  /** Add the in-domain questions to the entries' alternates (BM25, the gate and the classifier see them). */
  alternates: boolean;
  /** Index the in-domain questions in BM25's field of their own (weight indexedBoost) and learn them as classifier examples. */
  indexed?: boolean;
  indexedBoost?: number;
  /** With indexed: false to keep them out of the classifier. */
  indexedInClassifier?: boolean;
  /** Learn the off-topic questions as the None ("off-topic") label. */
  offTopic: boolean;
  /** Learn the not-covered questions as the None label. */
  notCovered: boolean;
  thresholds?: typeof THRESHOLDS;
}

export const CONFIGS: readonly Config[] = [
  { name: "base", examples: false, alternates: false, offTopic: false, notCovered: false },
  { name: "ex", examples: true, alternates: false, offTopic: false, notCovered: false },
  { name: "ex+ot", examples: true, alternates: false, offTopic: true, notCovered: false },
  { name: "ex+ot+nc", examples: true, alternates: false, offTopic: true, notCovered: true },
  { name: "alt", examples: false, alternates: true, offTopic: false, notCovered: false },
  { name: "alt+ot+nc", examples: false, alternates: true, offTopic: true, notCovered: true },
  { name: "idx1", examples: false, alternates: false, indexed: true, indexedBoost: 1, offTopic: false, notCovered: false },
  { name: "idx1+ot", examples: false, alternates: false, indexed: true, indexedBoost: 1, offTopic: true, notCovered: false },
  { name: "idx1+ot+nc", examples: false, alternates: false, indexed: true, indexedBoost: 1, offTopic: true, notCovered: true },
  { name: "bm1", examples: false, alternates: false, indexed: true, indexedInClassifier: false, offTopic: false, notCovered: false },
  { name: "bm1+ot+nc", examples: false, alternates: false, indexed: true, indexedInClassifier: false, offTopic: true, notCovered: true },
  { name: "bm2+ot+nc", examples: false, alternates: false, indexed: true, indexedBoost: 2, indexedInClassifier: false, offTopic: true, notCovered: true },
  { name: "bm0.5", examples: false, alternates: false, indexed: true, indexedBoost: 0.5, indexedInClassifier: false, offTopic: false, notCovered: false },
  { name: "bm2", examples: false, alternates: false, indexed: true, indexedBoost: 2, indexedInClassifier: false, offTopic: false, notCovered: false },
  { name: "bm3", examples: false, alternates: false, indexed: true, indexedBoost: 3, indexedInClassifier: false, offTopic: false, notCovered: false },
  { name: "bm1+ot", examples: false, alternates: false, indexed: true, indexedInClassifier: false, offTopic: true, notCovered: false },
  { name: "idx0.5+ot", examples: false, alternates: false, indexed: true, indexedBoost: 0.5, offTopic: true, notCovered: false },
  { name: "idx2+ot", examples: false, alternates: false, indexed: true, indexedBoost: 2, offTopic: true, notCovered: false },
  { name: "idx3+ot", examples: false, alternates: false, indexed: true, indexedBoost: 3, offTopic: true, notCovered: false },
];

/** How two questions typed the same way compare (case, spaces and punctuation aside). */
export const sameQuestion = (q: string): string => q.toLowerCase().normalize("NFC").replace(/[^\p{L}\p{N}]+/gu, " ").trim();

function dedupe(examples: readonly Example[], leaveOut: ReadonlySet<string>): Example[] {
  const seen = new Set<string>(leaveOut);
  const out: Example[] = [];
  for (const [q, id] of examples) {
    const k = sameQuestion(q);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push([q, id]);
  }
  return out;
}

/** The training questions of these sets (never the evaluation set nor a blind set), minus any question of leaveOut. */
export function trainingFrom(sets: readonly FaqSet[], leaveOut: ReadonlySet<string> = new Set()): Training {
  const ok = sets.filter((s) => !s.blind && s.label !== "evaluation");
  const off = (qs: readonly string[] | undefined): Example[] => (qs ?? []).map((q) => [q, OFF_TOPIC_LABEL] as const);
  return {
    en: {
      inDomain: dedupe(ok.flatMap((s) => (s.inDomain ?? []).filter((x): x is Example => x[1] !== undefined)), leaveOut),
      offTopic: dedupe(ok.flatMap((s) => off(s.offTopic)), leaveOut),
      notCovered: dedupe(ok.flatMap((s) => off(s.notCovered)), leaveOut),
    },
    cy: {
      inDomain: dedupe(ok.flatMap((s) => (s.inDomainCy ?? []).filter((x): x is Example => x[1] !== undefined)), leaveOut),
      offTopic: dedupe(ok.flatMap((s) => off(s.offTopicCy)), leaveOut),
    },
  };
}

function withAlternates(entries: readonly FaqEntry[], extra: readonly Example[]): FaqEntry[] {
  return entries.map((e) => ({ ...e, alternates: [...(e.alternates ?? []), ...extra.filter(([, id]) => id === e.id).map(([q]) => q)] }));
}

export function build(config: Config, training: Training): { en: Faq; cy: Faq } {
  const enExamples = [
    ...(config.examples ? training.en.inDomain : []),
    ...(config.offTopic ? training.en.offTopic : []),
    ...(config.notCovered ? training.en.notCovered : []),
  ];
  const cyExamples = [...(config.examples ? training.cy.inDomain : []), ...(config.offTopic ? training.cy.offTopic : [])];
  const th = {
    ...(config.thresholds ? { thresholds: config.thresholds } : {}),
    ...(config.indexed ? { indexedBoost: config.indexedBoost ?? 1, indexedInClassifier: config.indexedInClassifier ?? true } : {}),
  };
  const enEntries = config.alternates ? withAlternates(SHIPPED_ENTRIES, training.en.inDomain) : SHIPPED_ENTRIES;
  const cyEntries = config.alternates ? withAlternates(WELSH_ENTRIES, training.cy.inDomain) : WELSH_ENTRIES;
  return {
    en: createFaq(enEntries, undefined, undefined, { examples: enExamples, ...(config.indexed ? { indexed: training.en.inDomain } : {}), ...th }),
    cy: createWelshFaq(cyEntries, { examples: cyExamples, ...(config.indexed ? { indexed: training.cy.inDomain } : {}), ...th }),
  };
}

export interface Row {
  en: SetFigures;
  enInvented: number;
  enDeclineTotal: number;
  cy: SetFigures;
  cyInvented: number;
  cyDeclineTotal: number;
}

const empty = (): SetFigures => ({ total: 0, right: 0, didYouMean: 0, didYouMeanWithRight: 0, wrong: 0, declined: 0 });
const emptyRow = (): Row => ({ en: empty(), enInvented: 0, enDeclineTotal: 0, cy: empty(), cyInvented: 0, cyDeclineTotal: 0 });
function add(a: SetFigures, b: SetFigures): void {
  a.total += b.total;
  a.right += b.right;
  a.didYouMean += b.didYouMean;
  a.didYouMeanWithRight += b.didYouMeanWithRight;
  a.wrong += b.wrong;
  a.declined += b.declined;
}
export function addRow(a: Row, b: Row): void {
  add(a.en, b.en);
  add(a.cy, b.cy);
  a.enInvented += b.enInvented;
  a.enDeclineTotal += b.enDeclineTotal;
  a.cyInvented += b.cyInvented;
  a.cyDeclineTotal += b.cyDeclineTotal;
}

export function measure(faqs: { en: Faq; cy: Faq }, set: FaqSet): Row {
  const row = emptyRow();
  for (const part of setParts(set)) {
    const f = scoreSet(part.welsh ? faqs.cy : faqs.en, part.items);
    if (part.welsh && part.decline) {
      row.cyInvented += f.wrong;
      row.cyDeclineTotal += f.total;
    } else if (part.welsh) add(row.cy, f);
    else if (part.decline) {
      row.enInvented += f.wrong;
      row.enDeclineTotal += f.total;
    } else add(row.en, f);
  }
  return row;
}

const pct = (n: number, d: number) => `${((100 * n) / Math.max(d, 1)).toFixed(1)} %`;
export function format(r: Row): string {
  const en = r.en.total
    ? `EN ${r.en.total}: right ${pct(r.en.right, r.en.total)} dym ${pct(r.en.didYouMean, r.en.total)} (${r.en.didYouMeanWithRight}/${r.en.didYouMean} right offered) wrong ${r.en.wrong} declined ${r.en.declined}; invented ${r.enInvented}/${r.enDeclineTotal}`
    : "";
  const cy = r.cy.total
    ? ` | CY ${r.cy.total}: right ${pct(r.cy.right, r.cy.total)} dym ${pct(r.cy.didYouMean, r.cy.total)} wrong ${r.cy.wrong} declined ${r.cy.declined}; invented ${r.cyInvented}/${r.cyDeclineTotal}`
    : "";
  return en + cy;
}

/** The questions of a set, as sameQuestion keys. */
export function questionsOf(set: FaqSet): Set<string> {
  return new Set(setParts(set).flatMap((p) => p.items.map(([q]) => sameQuestion(q))));
}

/** The development sets each fold leaves out in turn. */
export const FOLDS = FAQ_SETS.filter((s) => !s.blind && s.label !== "evaluation");

/** Leave-one-set-out over FOLDS for each config: the per-fold rows and the total. */
export function runFolds(configs: readonly Config[], log = true): Map<string, { folds: Row[]; total: Row; buildMs: number[] }> {
  const out = new Map<string, { folds: Row[]; total: Row; buildMs: number[] }>();
  for (const c of configs) out.set(c.name, { folds: [], total: emptyRow(), buildMs: [] });
  for (const fold of FOLDS) {
    const training = trainingFrom(FOLDS.filter((s) => s !== fold), questionsOf(fold));
    for (const c of configs) {
      const t0 = performance.now();
      const faqs = build(c, training);
      const ms = performance.now() - t0;
      const row = measure(faqs, fold);
      const o = out.get(c.name)!;
      o.folds.push(row);
      o.buildMs.push(faqs.en.buildMs);
      addRow(o.total, row);
      if (log) console.log(`  [${fold.label}] ${c.name.padEnd(12)} ${format(row)}  (built in ${ms.toFixed(0)} ms)`);
    }
  }
  return out;
}

/** The shipped way (docs/faq-evaluation.md, session 10): chosen on the folds above, before blind set 7 was measured. */
export const CHOSEN = "bm1";

/**
 * --blind: measure each blind set once with today's FAQ and the chosen config trained on every
 * development set except the evaluation set. Prints figures only, never a question.
 */
function measureBlind(): void {
  const training = trainingFrom(FOLDS);
  for (const set of FAQ_SETS.filter((s) => s.blind)) {
    for (const c of CONFIGS.filter((c) => c.name === "base" || c.name === CHOSEN)) {
      console.log(`[${set.label}] ${c.name.padEnd(12)} ${format(measure(build(c, training), set))}`);
    }
  }
}

function main(): void {
  if (process.argv.includes("--blind")) return measureBlind();
  const i = process.argv.indexOf("--configs");
  const names = i >= 0 ? process.argv[i + 1]!.split(",") : CONFIGS.map((c) => c.name);
  // --thresholds answerMargin=0.4,answerScore=1: the same thresholds changed for every config.
  const j = process.argv.indexOf("--thresholds");
  const changed = j >= 0 ? Object.fromEntries(process.argv[j + 1]!.split(",").map((kv) => [kv.split("=")[0]!, Number(kv.split("=")[1])])) : undefined;
  if (changed) for (const k of Object.keys(changed)) if (!(k in THRESHOLDS)) throw new Error(`no threshold ${k}`);
  const configs = CONFIGS.filter((c) => names.includes(c.name)).map((c) => (changed ? { ...c, thresholds: { ...THRESHOLDS, ...changed } } : c));
  if (changed) console.log(`thresholds changed: ${JSON.stringify(changed)}`);
  console.log(`Leave-one-set-out over ${FOLDS.map((s) => s.label).join(", ")}; configs ${configs.map((c) => c.name).join(", ")}`);
  const results = runFolds(configs, !process.argv.includes("--quiet"));
  console.log("\nOver all folds (each set measured by the FAQ not trained on it):");
  for (const c of configs) {
    const r = results.get(c.name)!;
    const ms = [...r.buildMs].sort((a, b) => a - b);
    console.log(`${c.name.padEnd(12)} ${format(r.total)}  (EN build median ${ms[Math.floor(ms.length / 2)]!.toFixed(0)} ms)`);
  }
}

if (require.main === module) main();
