/**
 * Question answering over the programme knowledge base, offline.
 *
 * Two rankers look at the same analysed terms (see analyse.ts: stemming, synonyms, abbreviations
 * and typo correction against the knowledge base's own words):
 *   - MiniSearch (field-weighted BM25) over each entry's question and alternates (weighted most),
 *     keywords, topic and answer (and any `training.indexed` questions, in a field of their own);
 *   - an intent classifier (@nlpjs/neural, a one-layer network) trained at start-up on every
 *     entry's question, alternates and keywords, and on the topics the material does not cover.
 * Each entry's score is the sum of its classifier output (0..1) and its BM25 score relative to the
 * best one (0..1). The decision rule at "Decision" below turns the scores into one of four results:
 * an answer, "did you mean" (the closest topics), "not covered by the material", or "off-topic".
 */
import { NeuralNetwork } from "@nlpjs/neural";
import { distance } from "fastest-levenshtein";
import MiniSearch, { type SearchResult } from "minisearch";
import { analyse, EVERYDAY_TERMS, isStopWord, normalise, PLACE_NAMES, SYNONYM_WORDS } from "./analyse";
import { SHIPPED_ALTERNATES } from "./alternates";
import { FAQ_ENTRIES, type FaqEntry } from "./knowledge";
import { NOT_COVERED, type NotCoveredTopic } from "./not-covered";
import { OFF_TOPIC_EXAMPLES, OFF_TOPIC_MARKS } from "./off-topic";
import { clauses, isAsk, MAX_CLOSEST, withClauses } from "./clauses";
import { explainedShare, gateWeight, offerable, passesGate, type TermUse } from "./gate";
import { isEnglishWord } from "./dictionary";
import type { FaqTraining } from "./training";

export { clauses, isAsk, withClauses } from "./clauses";

/** The classifier's label for questions outside the programme (see off-topic.ts). */
export const OFF_TOPIC_LABEL = "off-topic";

export { analyse } from "./analyse";

/** The shipped knowledge base: the entries in knowledge.ts with their alternates. */
export const SHIPPED_ENTRIES: readonly FaqEntry[] = FAQ_ENTRIES.map((e) => ({ ...e, alternates: SHIPPED_ALTERNATES[e.id] ?? [] }));

export type FaqResult =
  | { kind: "answer"; entry: FaqEntry; related: FaqEntry[]; confidence: number }
  /** Unclear: ask them to rephrase, offering the closest topics. */
  | { kind: "did-you-mean"; closest: FaqEntry[] }
  /** About secondments, but the programme material does not answer it. */
  | { kind: "not-covered"; topic?: NotCoveredTopic; closest: FaqEntry[] }
  /** Outside what this bot knows. */
  | { kind: "off-topic" };

export interface Faq {
  ask(question: string): FaqResult;
  entries: readonly FaqEntry[];
  byId(id: string): FaqEntry | undefined;
  /** What the rankers found, before the decision (for the bench and tests). */
  signals(question: string): Signals;
  /** How long building the indexes and training the classifier took, in ms. */
  readonly buildMs: number;
}

// ---------------------------------------------------------------------------
// Decision
// ---------------------------------------------------------------------------
/*
 * For the question's distinct analysed terms Q (empty Q: off-topic):
 *   - weight(q): how telling a term is, from how many entries use it (an IDF scaled to
 *     MIN_WEIGHT..1). Words the knowledge base never uses weigh UNKNOWN_WEIGHT; words every part
 *     of the programme uses ("secondment", "programme") weigh MIN_WEIGHT. Capitalised words the
 *     knowledge base never uses (place and people's names: "Wrexham") are left out of coverage
 *     when at least two other terms remain.
 *   - coverage(e): the weighted share of Q that label e uses (question, alternates, keywords or
 *     topic: full credit; only in the answer: ANSWER_ONLY_CREDIT). known: the share the
 *     knowledge base uses anywhere.
 *   - score(e) = classifier(e) + bm25(e) / max(best bm25, BM25_FLOOR). The labels are the
 *     entries, the topics the material does not cover (not-covered.ts) and "off-topic"
 *     (off-topic.ts, a None intent).
 * With e* the best-scoring label (see THRESHOLDS for the figures, tuned on the evaluation set):
 *   0. Some of Q is not in the best label's words, and the "off-topic" (None) label's classifier output is at least offTopicClassifier and at
 *      least offTopicShare of the classifier's output for the best entry: off-topic (not-covered
 *      if Q names secondments or the programme). Words shared by chance ("write", "cover") do
 *      not make an answer.
 *   0b. Q names a topic the material does not cover in words no entry uses (Signals.uncovered):
 *      not-covered with that topic. Q names an everyday workplace thing (Signals.offTopicMark):
 *      off-topic (not-covered if Q names secondments or the programme).
 *   1. e* is an entry with score, classifier output, coverage (or, for long questions, a strong
 *      classifier output), known share and margin over the runner-up all at their thresholds,
 *      or BM25 and the classifier both put e* first with a sure classifier, a wide margin and
 *      at least agreeTerms terms (then lower coverage and known shares do), and Q is more than
 *      one term or one telling enough: answer. Below answerCoverage (the answer rests on the
 *      classifier) Q must also name secondments or the programme, share at least sharedTerms
 *      terms with e*, or be almost all knowledge-base words (known >= trustKnown): one or two
 *      programme words in an everyday question do not make an answer.
 *      And the answer gate (gate.ts): e* must explain at least GATE.explained of the question's
 *      terms, weighted by how telling they are, or it is no answer.
 *   2. e* is "off-topic": off-topic (not-covered if Q names secondments or the programme).
 *   3. e* is a topic the material does not cover and the classifier is sure enough: not-covered,
 *      naming who to ask.
 *   4. Q has a telling term some entry uses, e* scores at least didYouMeanScore, and Q is mostly
 *      in the knowledge base's words (known >= didYouMeanKnown; long questions also need a sure
 *      classifier) or the classifier is sure and known >= didYouMeanKnownSure: did-you-mean with
 *      up to 3 entries scoring at least closestShare of e*'s score and explaining at least
 *      GATE.didYouMean of Q (gate.ts). A single shared word in an otherwise unknown question
 *      ("what time does the canteen close") is not a near miss.
 *   5. Q names secondments or the programme: not-covered (generic). Otherwise off-topic.
 * Questions of several clauses are also decided clause by clause (withClauses).
 */
const RARE_DF = 3;
const MIN_WEIGHT = 0.2;
const UNKNOWN_WEIGHT = 0.65;
const TELLING_WEIGHT = 0.5;
const ANSWER_ONLY_CREDIT = 0.6;
const BM25_FLOOR = 6;
/** An entry's BM25 part is 1 when it is BM25's best match (the scores are relative to the best). */
const BM25_BEST = 0.999;
export const THRESHOLDS = {
  answerScore: 0.8,
  answerClassifier: 0.1,
  answerCoverage: 0.45,
  answerKnown: 0.7,
  answerMargin: 0.3,
  singleTermWeight: 0,
  longTerms: 6,
  longClassifier: 0.8,
  notCoveredScore: 0.5,
  notCoveredMargin: 0.3,
  closestShare: 0.5,
  offTopicClassifier: 0.5,
  didYouMeanScore: 0.6,
  didYouMeanKnown: 0.7,
  didYouMeanKnownSure: 0.6,
  offTopicShare: 0.9,
  agreeClassifier: 0.8,
  agreeMargin: 0.8,
  agreeCoverage: 0.2,
  agreeKnown: 0.6,
  agreeTerms: 3,
  sharedTerms: 3,
  trustKnown: 0.9,
  /** BM25 alone may answer when the classifier is below this for every label... */
  wordsOnlyClassifier: 0.3,
  /** ...and BM25's best entry explains at least this share of the question (gate.ts). */
  wordsOnlyExplained: 0.75,
};
const MAX_RELATED = 2;
/** Words that put a question inside the programme's domain even when nothing answers it. */
const DOMAIN_WORDS = new Set(analyse("secondment seconded secondee programme GovXchange host home organisation vacancy holder"));
/** Words every part of the programme uses: they place a question in the domain but point to no entry. */
const GENERIC_WORDS = new Set(analyse("secondment programme GovXchange scheme"));

/** What the rankers need to know about the language the entries and questions are written in. */
export interface FaqLanguage {
  /** The one analysis pipeline for indexing and for questions (analyse.ts, analyse-cy.ts). */
  analyse(text: string, correct?: (word: string) => string): string[];
  isStopWord(word: string): boolean;
  /** Lower-case and strip accents and apostrophes: the typo corrector's words come from this. */
  normalise(text: string): string;
  /** Extra words the typo corrector may correct to (the synonym tables' words). */
  vocabulary: readonly string[];
  /** Analysed terms that put a question inside the programme's domain. */
  domainWords: ReadonlySet<string>;
  /** Analysed terms every part of the programme uses. */
  genericWords: ReadonlySet<string>;
  /** Everyday questions that have nothing to do with the programme (the classifier's None intent). */
  offTopicExamples: readonly string[];
  /** Words and phrases naming everyday workplace things the programme has nothing to say about. */
  offTopicMarks?: readonly string[];
  /** Analysed words that place a question in the public sector or the programme without saying what it asks (gate.ts). */
  contextWords?: ReadonlySet<string>;
  /** Analysed everyday words (a general stop-word list): light in the gate when no entry uses them (gate.ts). */
  everydayWords?: ReadonlySet<string>;
  /** Analysed place names ("Cardiff", "Wrecsam"): context, not topic, even when typed in lower case. */
  placeNames?: ReadonlySet<string>;
  /** A real word of the language (a dictionary's): the typo corrector leaves it as it is. */
  isRealWord?(word: string): boolean;
}

export const ENGLISH: FaqLanguage = {
  analyse,
  isStopWord,
  normalise,
  vocabulary: SYNONYM_WORDS,
  domainWords: DOMAIN_WORDS,
  genericWords: GENERIC_WORDS,
  offTopicExamples: OFF_TOPIC_EXAMPLES,
  offTopicMarks: OFF_TOPIC_MARKS,
  placeNames: new Set(analyse([...PLACE_NAMES].join(" "))),
  everydayWords: EVERYDAY_TERMS,
  isRealWord: isEnglishWord,
  contextWords: new Set(analyse("secondment programme scheme organisation team department council nhs government staff colleague member people work job public sector civil service worker employee trust childcare carer kids children")),
};

/** What the rankers found for one question: the input to decide(). */
export interface Signals {
  terms: string[];
  /** Every label (entries and not-covered topics), best first. */
  ranked: Array<{ id: string; isEntry: boolean; classifier: number; score: number }>;
  /** Weighted share of the question's terms that the best label uses. */
  coverage: number;
  /** Weighted share of the question's terms that the knowledge base uses anywhere. */
  known: number;
  /**
   * How many of the question's terms, other than words every part of the programme uses, the best
   * label uses (see coverage): 1 when a single shared word carries the match.
   */
  shared?: number;
  /** How telling the question's only term is (0 when it has more than one). */
  singleWeight: number;
  /** Some term is telling and used by an entry. */
  telling: boolean;
  /** The question names secondments or the programme. */
  inDomain: boolean;
  /**
   * A topic the material does not cover that the question names in words no entry uses
   * ("relocation", "probation"): an answer from an entry would ignore what was asked.
   */
  uncovered?: string;
  /** The question names an everyday workplace thing no entry mentions (off-topic.ts, OFF_TOPIC_MARKS). */
  offTopicMark?: boolean;
  /** Each term other than names and places: how telling it is, how many entries use it, and where the best label uses it. */
  salient?: TermUse[];
  /** For each entry, the weighted share of the question it explains (gate.ts); the answer gate. */
  explained?: Record<string, number>;
}


export type Decision =
  | { kind: "answer"; id: string; related: string[]; confidence: number }
  | { kind: "did-you-mean"; closest: string[] }
  | { kind: "not-covered"; topic?: string; closest: string[] }
  | { kind: "off-topic" };

/** The decision rule (see the comment above THRESHOLDS). Pure, so it can be tested alone. */
export function decide(sig: Signals, t: typeof THRESHOLDS = THRESHOLDS): Decision {
  const top = sig.ranked[0];
  if (!top) return { kind: "off-topic" };
  const margin = top.score - (sig.ranked[1]?.score ?? 0);
  // The topics offered must explain some of the question too (gate.ts), or it is no near miss.
  const closest = (min: number) =>
    sig.ranked
      .filter((r) => r.isEntry && r.score >= min && r.score > 0.2 && offerable(sig, r.id))
      .slice(0, MAX_CLOSEST)
      .map((r) => r.id);
  // Topics the material does not cover only have a classifier output (no BM25 part), so an entry
  // can outscore one on shared words alone: when the classifier is sure of such a topic and surer
  // than of the best entry, say it is not covered rather than answer.
  const uncovered = sig.ranked.find((r) => !r.isEntry && r.id !== OFF_TOPIC_LABEL && r.classifier >= t.notCoveredScore);
  if (top.isEntry && uncovered && uncovered.classifier > top.classifier + t.notCoveredMargin && sig.coverage > 0) {
    return { kind: "not-covered", topic: uncovered.id, closest: [] };
  }
  // The None intent (off-topic.ts) is at least as sure as the classifier is of any entry: the
  // words shared with an entry ("write", "office", "bank") are chance, so decline.
  const none = sig.ranked.find((r) => r.id === OFF_TOPIC_LABEL);
  const surestEntry = Math.max(0, ...sig.ranked.filter((r) => r.isEntry).map((r) => r.classifier));
  if (none && sig.coverage < 1 && none.classifier >= t.offTopicClassifier && none.classifier >= t.offTopicShare * Math.max(surestEntry, top.classifier)) {
    return sig.inDomain ? { kind: "not-covered", closest: [] } : { kind: "off-topic" };
  }
  if (top.isEntry && sig.uncovered) return { kind: "not-covered", topic: sig.uncovered, closest: [] };
  if (sig.offTopicMark) return sig.inDomain ? { kind: "not-covered", closest: [] } : { kind: "off-topic" };
  // Both rankers put the same entry first, the classifier is sure and far ahead of the rest: the
  // question's other words are its own context ("who pays my wages if I go to a council"), so less
  // of it needs to be in the entry's words.
  // Below answerCoverage the answer rests on the classifier (a long question, or both rankers
  // agreeing): trust that only when the question says it is about secondments or the programme,
  // shares several terms with the entry, or is almost all in the knowledge base's words.
  // Otherwise one or two programme words in an everyday question ("swap my shift", "claim my train
  // fare", "pay award") would carry it.
  const restsOnClassifier = sig.coverage < t.answerCoverage;
  const trustClassifier = !restsOnClassifier || sig.inDomain || (sig.shared ?? 0) >= t.sharedTerms || sig.known >= t.trustKnown;
  const agreed =
    trustClassifier &&
    sig.terms.length >= t.agreeTerms &&
    top.score - top.classifier >= BM25_BEST &&
    top.classifier >= t.agreeClassifier &&
    margin >= t.agreeMargin &&
    sig.coverage >= t.agreeCoverage &&
    sig.known >= t.agreeKnown;
  const usual =
    top.score >= t.answerScore &&
    top.classifier >= t.answerClassifier &&
    (sig.coverage >= t.answerCoverage || (trustClassifier && sig.terms.length >= t.longTerms && top.classifier >= t.longClassifier)) &&
    sig.known >= t.answerKnown &&
    margin >= t.answerMargin;
  // The classifier knows none of the labels (its outputs all near 0) but BM25's best entry uses
  // almost every word of the question, in its question, alternates, keywords or topic, and no other
  // entry comes close: a new wording of that entry ("will there be a formal interview with the host").
  const clfMax = Math.max(0, ...sig.ranked.map((r) => r.classifier));
  const wordsOnly =
    sig.terms.length >= 2 &&
    clfMax < t.wordsOnlyClassifier &&
    top.score - top.classifier >= BM25_BEST &&
    (sig.explained?.[top.id] ?? 0) >= t.wordsOnlyExplained &&
    sig.known >= t.trustKnown &&
    margin >= t.answerMargin;
  // The answer gate (gate.ts): the entry must explain most of what the question is about.
  if (top.isEntry && (usual || agreed || wordsOnly) && passesGate(sig, top.id) && (sig.terms.length > 1 || sig.singleWeight >= t.singleTermWeight)) {
    const related = sig.ranked.slice(1).filter((r) => r.isEntry && r.score >= top.score * t.closestShare).slice(0, MAX_RELATED).map((r) => r.id);
    return { kind: "answer", id: top.id, related, confidence: top.score };
  }
  if (top.id === OFF_TOPIC_LABEL) return sig.inDomain ? { kind: "not-covered", closest: [] } : { kind: "off-topic" };
  if (!top.isEntry && top.classifier >= t.notCoveredScore && sig.coverage > 0) return { kind: "not-covered", topic: top.id, closest: [] };
  // "Did you mean" only when the question is mostly in the knowledge base's words and an entry
  // scores well enough: a single shared word ("time", "office") in an otherwise unknown question
  // is not a near miss.
  // Long questions ramble in words of their own, so there the classifier must be sure instead.
  const mostlyKnown =
    sig.known >= t.didYouMeanKnown ? sig.terms.length < t.longTerms || top.classifier >= t.longClassifier : sig.known >= t.didYouMeanKnownSure && top.classifier >= t.longClassifier;
  if (sig.telling && top.score >= t.didYouMeanScore && mostlyKnown) {
    const near = closest(top.score * t.closestShare);
    if (near.length > 0) return { kind: "did-you-mean", closest: near };
  }
  if (sig.inDomain) return { kind: "not-covered", closest: [] };
  return { kind: "off-topic" };
}

interface Label {
  id: string;
  entry?: FaqEntry;
  notCovered?: NotCoveredTopic;
}

interface IndexedDoc {
  id: string;
  topic: string;
  question: string;
  keywords: string;
  answer: string;
  trained: string;
}

const BOOST = { question: 3, keywords: 2, topic: 1.5, answer: 0.6 } as const;

const splitOnSpace = (text: string): string[] => text.split(" ").filter((t) => t.length > 0);
const identity = (term: string): string => term;

function toDoc(entry: FaqEntry, trained: readonly string[] = []): IndexedDoc {
  return {
    trained: trained.join(" \n "),
    id: entry.id,
    topic: entry.topic,
    question: [entry.question, ...(entry.alternates ?? [])].join(" \n "),
    keywords: entry.keywords.join(" ; "),
    answer: entry.answer.join("\n"),
  };
}

/** True when b is a with two neighbouring letters swapped ("lenght" and "length"): one slip of the fingers, not two. */
function isTransposition(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

const features = (terms: readonly string[]): Record<string, number> => Object.fromEntries(terms.map((t) => [t, 1]));

/** Build the FAQ: indexes and classifier are built once here; ask() only queries them. */
export function createFaq(
  entries: readonly FaqEntry[] = SHIPPED_ENTRIES,
  notCovered: readonly NotCoveredTopic[] = NOT_COVERED,
  language: FaqLanguage = ENGLISH,
  training: FaqTraining = {},
): Faq {
  const thresholds = training.thresholds ?? THRESHOLDS;
  const started = performance.now();
  const { analyse, isStopWord } = language;
  const labels = new Map<string, Label>();
  for (const entry of entries) {
    if (labels.has(entry.id)) throw new Error(`Duplicate FAQ entry id: ${entry.id}`);
    labels.set(entry.id, { id: entry.id, entry });
  }
  for (const topic of notCovered) {
    if (labels.has(topic.id)) throw new Error(`Duplicate FAQ entry id: ${topic.id}`);
    labels.set(topic.id, { id: topic.id, notCovered: topic });
  }

  // Typo vocabulary: every word the knowledge base and the synonym groups use.
  const vocabulary = new Set<string>(language.vocabulary);
  const addWords = (text: string) => {
    for (const w of language.normalise(text).split(/[^a-z]+/)) if (w.length >= 3) vocabulary.add(w);
  };
  for (const e of entries) addWords([e.topic, e.question, ...(e.alternates ?? []), ...e.keywords, ...e.answer].join(" "));
  for (const t of notCovered) addWords([...t.alternates, ...(t.marks ?? [])].join(" "));
  addWords((language.offTopicMarks ?? []).join(" "));
  const vocabList = [...vocabulary];
  const corrections = new Map<string, string>();
  // A word whose analysed form the knowledge base uses is no typo ("changed" when it has "change"),
  // nor is a context or everyday word ("kids" is not "kind").
  const knownTerms = new Set([...analyse([...vocabulary].join(" ")), ...(language.contextWords ?? []), ...(language.everydayWords ?? [])]);
  const correct = (word: string): string => {
    if (word.length < 4 || vocabulary.has(word) || isStopWord(word)) return word;
    const cached = corrections.get(word);
    if (cached !== undefined) return cached;
    if (analyse(word).every((t) => knownTerms.has(t)) || language.isRealWord?.(word)) {
      if (corrections.size < 5000) corrections.set(word, word);
      return word;
    }
    // Short words are often real words the knowledge base does not use ("park", "cash", "reset",
    // "taxi"): below 8 letters only a dropped letter (a 4-letter word) or a dropped or wrong
    // letter (5 to 7 letters) is put right, never an extra one.
    const allowed = word.length >= 8 ? 2 : 1;
    const minLength = word.length >= 8 ? word.length - 2 : word.length === 4 ? 5 : word.length;
    let best = word;
    let bestDistance = allowed + 1;
    for (const candidate of vocabList) {
      if (candidate[0] !== word[0] || candidate.length < minLength || candidate.length - word.length > allowed) continue;
      const d = candidate.length === word.length && isTransposition(word, candidate) ? 1 : distance(word, candidate);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    if (corrections.size < 5000) corrections.set(word, best);
    return best;
  };

  // Document frequency of each term over entries (not-covered topics only feed the classifier).
  const docFreq = new Map<string, number>();
  const fieldTerms = new Map<string, { main: Set<string>; answer: Set<string> }>();
  for (const entry of entries) {
    const doc = toDoc(entry);
    const main = new Set(analyse([doc.topic, doc.question, doc.keywords].join("\n")));
    const answer = new Set(analyse(doc.answer));
    fieldTerms.set(entry.id, { main, answer });
    for (const term of new Set([...main, ...answer])) docFreq.set(term, (docFreq.get(term) ?? 0) + 1);
  }
  for (const topic of notCovered) {
    fieldTerms.set(topic.id, { main: new Set(analyse(topic.alternates.join("\n"))), answer: new Set() });
  }
  const n = Math.max(entries.length, RARE_DF + 1);
  const scale = Math.max(Math.log(n / RARE_DF), Math.LN2);
  const weight = (term: string): number => {
    if (language.genericWords.has(term)) return MIN_WEIGHT;
    const df = docFreq.get(term);
    if (!df) return notCoveredTerms.has(term) ? 1 : language.everydayWords?.has(term) ? MIN_WEIGHT : UNKNOWN_WEIGHT;
    return Math.min(1, Math.max(MIN_WEIGHT, Math.log(n / df) / scale));
  };

  const byId = new Map(entries.map((e) => [e.id, e]));
  const context = new Set([...language.genericWords, ...(language.contextWords ?? [])]);
  // Each mark as its analysed terms: a question names the topic when it has all of a mark's terms.
  // Marks (not-covered.ts, off-topic.ts) as analysed terms, keeping only those no entry uses: a
  // question names the mark's topic when it has all of the mark's terms.
  const entryUses = (mark: readonly string[]) =>
    entries.some((e) => {
      const f = fieldTerms.get(e.id)!;
      return mark.every((t) => f.main.has(t) || f.answer.has(t));
    });
  const analyseMarks = (marks: readonly string[] = []) =>
    marks.map((m) => analyse(m, correct)).filter((m) => m.length > 0 && !entryUses(m));
  const markTerms = new Map(notCovered.map((t) => [t.id, analyseMarks(t.marks)]));
  const offTopicMarks = analyseMarks(language.offTopicMarks);
  const notCoveredTerms = new Set(notCovered.flatMap((t) => analyse(t.alternates.join("\n"))));

  labels.set(OFF_TOPIC_LABEL, { id: OFF_TOPIC_LABEL });

  const index = new MiniSearch<IndexedDoc>({
    idField: "id",
    fields: ["topic", "question", "keywords", "answer", "trained"],
    tokenize: (text) => analyse(text),
    processTerm: identity,
    searchOptions: {
      boost: { ...BOOST, trained: training.indexedBoost ?? 1 },
      combineWith: "OR",
      prefix: false,
      boostTerm: (term) => weight(term),
      tokenize: splitOnSpace,
      processTerm: identity,
    },
  });
  const trainedTexts = new Map<string, string[]>();
  for (const [q, id] of training.indexed ?? []) if (byId.has(id)) trainedTexts.set(id, [...(trainedTexts.get(id) ?? []), q]);
  index.addAll(entries.map((e) => toDoc(e, trainedTexts.get(e.id))));

  // The intent classifier: one example per question, alternate and keyword.
  const corpus: Array<{ input: Record<string, number>; output: Record<string, number> }> = [];
  const example = (text: string, id: string) => {
    const terms = analyse(text);
    if (terms.length > 0) corpus.push({ input: features(terms), output: { [id]: 1 } });
  };
  for (const e of entries) for (const t of [e.question, e.topic, ...(e.alternates ?? []), ...e.keywords]) example(t, e.id);
  for (const t of notCovered) for (const a of t.alternates) example(a, t.id);
  for (const q of language.offTopicExamples) example(q, OFF_TOPIC_LABEL);
  const learnt = [...(training.examples ?? []), ...(training.indexedInClassifier === false ? [] : (training.indexed ?? []))];
  for (const [q, id] of learnt) if (labels.has(id)) example(q, id);
  const net = new NeuralNetwork({ log: false, iterations: 2000 });
  net.train(corpus);

  const sharedCount = (id: string, terms: readonly string[]): number => {
    const fields = fieldTerms.get(id);
    return fields ? terms.filter((t) => !language.genericWords.has(t) && (fields.main.has(t) || fields.answer.has(t))).length : 0;
  };
  const coverage = (id: string, terms: readonly string[]): number => {
    const fields = fieldTerms.get(id);
    if (!fields) return 0;
    let total = 0;
    let got = 0;
    for (const term of terms) {
      const w = weight(term);
      total += w;
      if (fields.main.has(term)) got += w;
      else if (fields.answer.has(term)) got += w * ANSWER_ONLY_CREDIT;
    }
    return total > 0 ? got / total : 0;
  };

  function signals(question: string): Signals {
    const terms = [...new Set(analyse(question ?? "", correct))];
    if (terms.length === 0) return { terms, ranked: [], coverage: 0, known: 0, singleWeight: 0, telling: false, inDomain: false };
    const bm = new Map<string, number>();
    const results: SearchResult[] = index.search(terms.join(" "));
    const bestBm = Math.max(results[0]?.score ?? 0, BM25_FLOOR);
    for (const r of results) bm.set(String(r.id), r.score / bestBm);
    const clf = (net.run(features(terms)) ?? {}) as Record<string, number>;
    const ranked = [...labels.values()]
      .map((label) => {
        const c = Math.max(0, clf[label.id] ?? 0);
        return { id: label.id, isEntry: Boolean(label.entry), classifier: c, score: c + (bm.get(label.id) ?? 0) };
      })
      .sort((a, b) => b.score - a.score);
    // Names of places and people the knowledge base never uses ("Wrexham", "Caerphilly") say
    // nothing about the topic: they count neither for nor against coverage.
    // Only when at least two other terms remain: "help with Excel" is not about help alone.
    let names = new Set<string>();
    for (const word of question.match(/\b[A-Z][a-z]+\b/g) ?? []) {
      for (const t of analyse(word)) if (!docFreq.has(t) && !notCoveredTerms.has(t)) names.add(t);
    }
    for (const t of terms) if (language.placeNames?.has(t) && !docFreq.has(t)) names.add(t);
    if (terms.filter((t) => !names.has(t)).length < 2) names = new Set();
    let total = 0;
    let known = 0;
    for (const t of terms) {
      if (names.has(t)) continue;
      const w = weight(t);
      total += w;
      if (docFreq.has(t) || notCoveredTerms.has(t)) known += w;
    }
    // The not-covered topic with most marks in the question.
    let uncovered: string | undefined;
    let uncoveredCount = 0;
    const termSet = new Set(terms);
    for (const topic of notCovered) {
      const count = markTerms.get(topic.id)!.filter((mark) => mark.every((t) => termSet.has(t))).length;
      if (count > uncoveredCount) {
        uncovered = topic.id;
        uncoveredCount = count;
      }
    }
    // Everyday workplace things the programme has nothing to say about ("payslip", "headset").
    const offTopicMark = offTopicMarks.some((mark) => mark.every((t) => termSet.has(t)));
    const best = fieldTerms.get(ranked[0]!.id);
    const salient: TermUse[] = terms
      .filter((t) => !names.has(t))
      .map((t) => ({
        term: t,
        weight: gateWeight(t, weight(t), docFreq.get(t) ?? 0, notCoveredTerms.has(t), context, language.everydayWords),
        df: docFreq.get(t) ?? 0,
        notCovered: notCoveredTerms.has(t),
        inBest: best?.main.has(t) ? "main" : best?.answer.has(t) ? "answer" : "none",
      }));
    const explained = Object.fromEntries(entries.map((e) => [e.id, explainedShare(salient, fieldTerms.get(e.id))]));
    return {
      ...(uncovered ? { uncovered } : {}),
      salient,
      explained,
      ...(offTopicMark ? { offTopicMark } : {}),
      terms,
      ranked,
      coverage: coverage(ranked[0]!.id, terms.filter((t) => !names.has(t))),
      shared: sharedCount(ranked[0]!.id, terms.filter((t) => !names.has(t))),
      known: total > 0 ? known / total : 0,
      singleWeight: terms.length === 1 ? weight(terms[0]!) : 0,
      telling: terms.some((t) => weight(t) >= TELLING_WEIGHT && (docFreq.get(t) ?? 0) > 0),
      inDomain: terms.some((t) => language.domainWords.has(t)),
    };
  }

  /** The decision for the whole question, and for long ones also for each clause (see withClauses). */
  function decideQuestion(question: string): Decision {
    const sig = signals(question);
    const whole = decide(sig, thresholds);
    if (sig.terms.length < thresholds.longTerms) return whole;
    const parts = clauses(question)
      .filter(isAsk)
      .map((clause) => signals(clause))
      .filter((s) => s.terms.length >= 1 && s.terms.length < sig.terms.length)
      .map((s) => ({ terms: s.terms.length, decision: decide(s, thresholds) }));
    return withClauses(whole, sig, parts);
  }

  function ask(question: string): FaqResult {
    const d = decideQuestion(question);
    const entryOf = (id: string) => byId.get(id)!;
    switch (d.kind) {
      case "answer":
        return { kind: "answer", entry: entryOf(d.id), related: d.related.map(entryOf), confidence: d.confidence };
      case "did-you-mean":
        return { kind: "did-you-mean", closest: d.closest.map(entryOf) };
      case "not-covered": {
        const topic = d.topic ? labels.get(d.topic)?.notCovered : undefined;
        return { kind: "not-covered", ...(topic ? { topic } : {}), closest: d.closest.map(entryOf) };
      }
      default:
        return { kind: "off-topic" };
    }
  }

  return {
    ask,
    signals,
    entries,
    byId: (id: string) => byId.get(id),
    buildMs: performance.now() - started,
  };
}
