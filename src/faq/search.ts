/**
 * Question answering over the programme knowledge base.
 *
 * Text goes through one analysis pipeline, used both to build the index and
 * to read questions:
 *   1. lower-case, strip accents and apostrophes;
 *   2. rewrite multi-word phrases to single concept tokens
 *      ("fixed-term" -> fixedterm, "job swap" -> exchange, ...);
 *   3. split into words, drop stop words, numbers and single letters;
 *   4. turn American spellings into British ones (organization -> organisation);
 *   5. stem with the Porter2 (English) stemmer;
 *   6. map the stem through a synonym table to a canonical concept
 *      (boss -> manager, salary -> pay, disabled -> disability, ...).
 *
 * MiniSearch (BM25) ranks the entries over topic, question, keywords and
 * answer, with the question and keywords boosted and each query term weighted
 * by how telling it is. A confidence rule (see "Confidence rule" below) then
 * says whether the best entry really answers the question, so unrelated
 * questions get "no-match" instead of a made-up answer.
 */
import MiniSearch, { type SearchResult } from "minisearch";
import { FAQ_ENTRIES, type FaqEntry } from "./knowledge";

// wink-porter2-stemmer is CommonJS and ships no type declarations: it exports
// one function that stems a single lower-case English word.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const porter2 = require("wink-porter2-stemmer") as (word: string) => string;

export type FaqResult =
  | { kind: "answer"; entry: FaqEntry; related: FaqEntry[] }
  | { kind: "no-match"; closest: FaqEntry[] };

export interface Faq {
  ask(question: string): FaqResult;
  entries: readonly FaqEntry[];
  byId(id: string): FaqEntry | undefined;
}

// ---------------------------------------------------------------------------
// Text analysis
// ---------------------------------------------------------------------------

/** Multi-word phrases rewritten to one concept token before splitting. Order matters. */
const PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bfixed[\s-]*terms?\b/g, " fixedterm "],
  [/\bpart[\s-]*time(rs?)?\b/g, " parttime "],
  [/\b(not|less than) (working )?full[\s-]*time\b/g, " parttime "],
  [/\bfull[\s-]*time\b/g, " fulltime "],
  [/\bjob[\s-]*shar(e|es|ing)\b/g, " parttime "],
  [/\b(compressed|reduced|fewer|less|flexible) hours\b/g, " parttime "],
  [/\bdays? (a|per|each|every) (week|month)\b/g, " parttime "],
  [/\b(long|longer)[\s-]*terms?\b/g, " longterm "],
  [/\b(short|shorter)[\s-]*terms?\b/g, " shortterm "],
  [/\bjobs?[\s-]*(swap|swaps|swapping|exchange|exchanges)\b/g, " exchange "],
  [/\b(swap|swapping|switch|switching|trade|trading) (jobs|roles|places)\b/g, " exchange "],
  [/\bline[\s-]*manag(er|ers|ement)\b/g, " manager "],
  [/\bheads? of profession\b/g, " hop "],
  [/\bbusiness[\s-]*cases?\b/g, " businesscase "],
  [/\bexpressions? of interest\b/g, " eoi "],
  [/\brole[\s-]*matching[\s-]*forms?\b/g, " rolematchingform "],
  [/\b(keep|keeps|keeping|kept|stay|stays|staying) in touch\b/g, " keepintouch "],
  [/\b(get|getting|got) in touch\b/g, " contact "],
  [/\bgo(es|ing)? ahead\b/g, " proceed "],
  [/\b(pull|pulling|back|backing|drop|dropping|opt|opting) out\b/g, " withdraw "],
  [/\bchanged? (my|your|our|their) minds?\b/g, " withdraw "],
  [/\bturn(s|ed|ing)? (it |this |that )?down\b/g, " withdraw "],
  [/\bsign(s|ed|ing)?[\s-]*up\b/g, " apply "],
  [/\bsign(s|ed|ing)?[\s-]*off\b/g, " permission "],
  [/\bget(ting)? started\b/g, " getstarted "],
  [/\bwhy (should|would|do|might) (i|you|we|anyone|someone|people)\b/g, " benefit "],
  [/\borgani[sz](e|es|ed|ing)\b/g, " arrange "],
  [/\b(find|finding|found) out\b/g, " notify "],
  [/\bhear(d|ing)? back\b/g, " notify "],
  [/\bthink[\s-]*tanks?\b/g, " thinktank "],
  [/\b(not|isnt|arent|wasnt) (right|suitable|a good fit|for me)\b/g, " unsuitable "],
  [/\b(doesnt|dont|didnt) (suit|fit|work out)\b/g, " unsuitable "],
  [/\bin it for me\b/g, " benefit "],
];

/** Common words that carry no meaning for matching. Checked before stemming. */
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all also am an and any are arent as at be because been before being " +
    "below between both but by can cant could couldnt did didnt do does doesnt doing dont down during each " +
    "either else etc even ever every few for from further get gets getting got had hadnt has hasnt have havent " +
    "having he her here hers herself him himself his how i id if ill im in into is isnt it its itself ive just " +
    "let lets like me might mine more most much must mustnt my myself need needs no nor not now of off often on " +
    "once one only or other others ought our ours ourselves out over own please possible really same seven " +
    "shall she should shouldnt so some someone something still such sure than that thats the their theirs " +
    "them themselves then there theres these they theyre thing things this those though through thus to too " +
    "under until up us very via want wanted wants was wasnt way we were werent what whats when where whether " +
    "which while who whom whose why will with within without wont would wouldnt yes yet you youd youll your " +
    "youre yours yourself yourselves weve theyve hi hello thanks thank ok okay anyone anything anybody " +
    "somebody everyone go goes going gone went make makes made making actually become becomes another " +
    "able mean means happen happens happened currently"
  ).split(/\s+/),
);

/** American spellings mapped to the British spelling used in the sources. */
const SPELLINGS: Readonly<Record<string, string>> = {
  program: "programme",
  programs: "programmes",
  enroll: "enrol",
  enrollment: "enrolment",
  center: "centre",
  labor: "labour",
  behavior: "behaviour",
  favor: "favour",
  honor: "honour",
  fulfill: "fulfil",
  judgment: "judgement",
  analyze: "analyse",
  analyzing: "analysing",
  counseling: "counselling",
  traveling: "travelling",
  traveled: "travelled",
  canceled: "cancelled",
};

/** Turn -ize/-ization spellings into -ise/-isation ("organization" -> "organisation"). */
function britishSpelling(word: string): string {
  const mapped = SPELLINGS[word];
  if (mapped) return mapped;
  return word.replace(/^([a-z]{3,})iz(e|es|ed|ing|ation|ations|er|ers)$/, "$1is$2");
}

/**
 * Synonym groups. Every word in a group is stemmed and mapped to the group's
 * canonical concept token (the first name), both when indexing and when asking.
 */
const SYNONYM_GROUPS: Readonly<Record<string, readonly string[]>> = {
  manager: ["manager", "managers", "boss", "bosses", "supervisor", "supervisors"],
  permission: ["permission", "permit", "approval", "approve", "agree", "consent", "allow", "allowed", "release", "authorise"],
  fixedterm: ["fixedterm", "temporary", "temp", "ftc"],
  guarantee: ["guarantee", "guaranteed", "promise", "promised", "certain", "certainty", "definitely", "assured"],
  disability: [
    "disability", "disabilities", "disabled", "adjustment", "adjustments", "accessibility", "accessible",
    "impairment", "neurodivergent", "neurodiverse", "condition",
  ],
  support: ["support", "help", "assistance", "assist"],
  exchange: ["exchange", "swap", "swapping", "switch"],
  extend: ["extend", "extension", "extended", "longer", "lengthen", "prolong", "renew", "renewal"],
  limit: ["limit", "cap", "maximum", "max"],
  pay: ["pay", "pays", "paid", "salary", "salaries", "wage", "wages", "payroll", "money", "fund", "funds", "funding"],
  expense: ["expense", "expenses", "cost", "costs"],
  benefit: ["benefit", "advantage", "perk", "upside", "gain"],
  match: ["match", "matched", "matching", "pair", "paired", "pairing"],
  apply: ["apply", "application", "applying", "register", "registration", "enrol", "enrolment"],
  role: ["role", "position", "post", "job", "opportunity"],
  vacancy: ["vacancy", "vacancies"],
  interview: ["interview", "interviews", "interviewing", "interviewed", "assessment"],
  contact: ["contact", "email", "phone", "call"],
  question: ["question", "query", "enquiry", "inquiry"],
  notify: ["notify", "notified", "notification", "tell", "told", "know", "hear"],
  discuss: ["discuss", "discussion", "chat", "conversation", "meeting", "meet", "talk"],
  proceed: ["proceed", "withdraw", "decline", "reject"],
  unsuitable: ["unsuitable", "suitable", "suitability", "fit"],
  end: ["end", "ending", "finish", "finished", "conclude"],
  return: ["return", "returning", "back"],
  review: ["review", "reflect", "evaluate", "evaluation"],
  performance: ["performance", "appraisal", "appraise", "objectives"],
  organisation: ["organisation", "employer", "department", "body", "company", "companies", "firm", "firms"],
  wales: ["wales", "welsh", "cymru"],
  secondment: ["secondment", "secondee", "seconded", "placement", "attachment", "scheme"],
  type: ["type", "option", "variety", "sort", "kind"],
  step: ["step", "stage"],
  skill: ["skill", "expertise", "capability", "competence"],
  career: ["career", "development", "progression", "develop"],
  learn: ["learn", "learning", "study"],
  short: ["short", "shorter", "brief", "shortterm"],
};

function stemWord(word: string): string {
  return porter2(word);
}

const SYNONYMS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [canonical, words] of Object.entries(SYNONYM_GROUPS)) {
    for (const word of words) {
      const key = stemWord(britishSpelling(word));
      if (!map.has(key)) map.set(key, canonical);
    }
  }
  return map;
})();

/** Analyse text into canonical terms: the one pipeline used for indexing and for questions. */
export function analyse(text: string): string[] {
  let normal = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['\u2018\u2019`]/g, "");
  for (const [pattern, replacement] of PHRASES) normal = normal.replace(pattern, replacement);

  const terms: string[] = [];
  for (const raw of normal.split(/[^a-z0-9]+/)) {
    if (raw.length < 2 || STOP_WORDS.has(raw) || /^\d+$/.test(raw)) continue;
    const stem = stemWord(britishSpelling(raw));
    terms.push(SYNONYMS.get(stem) ?? stem);
  }
  return terms;
}

// ---------------------------------------------------------------------------
// Confidence rule
// ---------------------------------------------------------------------------

/**
 * Term weights come from how many entries use a term (an IDF, scaled to 0..1):
 *   weight = ln(N / df) / ln(N / RARE_DF), kept between MIN_WEIGHT and 1,
 * where N is the number of entries and df the number that use the term.
 * A term in RARE_DF entries or fewer weighs 1; "secondment", used by nearly
 * every entry, weighs MIN_WEIGHT. Words the knowledge base never uses weigh 1.
 */
const RARE_DF = 3;
const MIN_WEIGHT = 0.2;
/** A term weighing at least this much is "telling": it points to few entries. */
const TELLING_WEIGHT = 0.5;
/** Credit for a query term matched only by fuzzy (typo-tolerant) search. */
const FUZZY_CREDIT = 0.5;
/** Credit for a query term found only in an entry's answer text, not its question, topic or keywords. */
const ANSWER_ONLY_CREDIT = 0.6;
/** The best entry must cover more than this share of the question's weighted terms. */
const MIN_COVERAGE = 0.55;
/** And its BM25 score must reach this absolute floor. */
const MIN_SCORE = 8;
/** A "related" entry must score at least this share of the best entry's score. */
const RELATED_SHARE = 0.35;
const MAX_RELATED = 2;

/*
 * The confidence rule, applied to the question's distinct analysed terms Q:
 *
 *   - If Q is empty (blank, or only stop words), the answer is no-match with no
 *     closest topics.
 *   - Each term q in Q has its weight w(q) (see above). Words the knowledge base
 *     never uses weigh 1, so "weather", "laptop" or "pizza" pull coverage down.
 *   - For a candidate entry, coverage = sum of w(q) over the terms it matched
 *     (exactly in the topic, question or keywords: full credit; exactly but
 *     only in the answer text: 0.6; only through a one-letter typo: 0.5),
 *     divided by the sum of w(q) over all of Q.
 *   - The best-scoring entry is the answer only if ALL of these hold:
 *       coverage > 0.55 (relative: most of what was asked is in the entry);
 *       BM25 score >= 8 (absolute: the match is not a faint one; the weakest
 *       good answers in the tests score about 11);
 *       it matched a telling term (weight >= 0.5) exactly, so a question that
 *       only shares "secondment" or "organisation" with an entry, or only a
 *       typo-level match, is never answered.
 *   - Otherwise no-match; closest = up to 2 best-scoring entries that matched a
 *     telling term (exactly or by typo). Often empty.
 *   - related (with an answer) = up to 2 next-best entries that score at least
 *     35% of the best one and matched a telling term.
 */

interface IndexedDoc {
  id: string;
  topic: string;
  question: string;
  keywords: string;
  answer: string;
}

interface Judged {
  result: SearchResult;
  coverage: number;
  /** Matched a telling term exactly. */
  exactTelling: boolean;
  /** Matched a telling term exactly or by typo. */
  anyTelling: boolean;
}

const BOOST = { question: 3, keywords: 2.5, topic: 2, answer: 1 } as const;

function toDoc(entry: FaqEntry): IndexedDoc {
  return {
    id: entry.id,
    topic: entry.topic,
    question: entry.question,
    keywords: entry.keywords.join(" ; "),
    answer: entry.answer.join("\n"),
  };
}

const splitOnSpace = (text: string): string[] => text.split(" ").filter((t) => t.length > 0);
const identity = (term: string): string => term;

/** Build the FAQ: the index is built once here; ask() only queries it. */
export function createFaq(entries: readonly FaqEntry[] = FAQ_ENTRIES): Faq {
  const byIdMap = new Map<string, FaqEntry>();
  for (const entry of entries) {
    if (byIdMap.has(entry.id)) throw new Error(`Duplicate FAQ entry id: ${entry.id}`);
    byIdMap.set(entry.id, entry);
  }

  // Document frequency of each term, for the term weights.
  const docFreq = new Map<string, number>();
  for (const entry of entries) {
    const doc = toDoc(entry);
    const terms = new Set(analyse([doc.topic, doc.question, doc.keywords, doc.answer].join("\n")));
    for (const term of terms) docFreq.set(term, (docFreq.get(term) ?? 0) + 1);
  }
  const scale = Math.max(Math.log(entries.length / RARE_DF), Math.LN2);
  const weight = (term: string): number => {
    const df = docFreq.get(term);
    if (!df) return 1;
    return Math.min(1, Math.max(MIN_WEIGHT, Math.log(entries.length / df) / scale));
  };

  const index = new MiniSearch<IndexedDoc>({
    idField: "id",
    fields: ["topic", "question", "keywords", "answer"],
    tokenize: (text) => analyse(text),
    processTerm: identity,
    searchOptions: {
      boost: { ...BOOST },
      combineWith: "OR",
      prefix: false,
      // One-letter typos in longer words only: short words are too easy to confuse.
      fuzzy: (term) => (term.length >= 6 ? 1 : false),
      weights: { fuzzy: 0.4, prefix: 0.5 },
      // Rank by telling terms: BM25 alone lets a common word that fills a
      // short question field ("work", "type") outweigh a rare one ("Estyn").
      boostTerm: (term) => weight(term),
      tokenize: splitOnSpace,
      processTerm: identity,
    },
  });
  index.addAll(entries.map(toDoc));

  function judge(result: SearchResult, queryTerms: readonly string[]): Judged {
    const exact = new Set(result.terms);
    const matched = new Set(result.queryTerms);
    let total = 0;
    let got = 0;
    let exactTelling = false;
    let anyTelling = false;
    for (const term of queryTerms) {
      const w = weight(term);
      const telling = w >= TELLING_WEIGHT;
      total += w;
      if (exact.has(term)) {
        const fields = result.match[term] ?? [];
        got += fields.some((f) => f !== "answer") ? w : w * ANSWER_ONLY_CREDIT;
        if (telling) exactTelling = true;
      } else if (matched.has(term)) {
        got += w * FUZZY_CREDIT;
      }
      if (telling && matched.has(term)) anyTelling = true;
    }
    return { result, coverage: total > 0 ? got / total : 0, exactTelling, anyTelling };
  }

  function entryOf(judged: Judged): FaqEntry {
    const entry = byIdMap.get(String(judged.result.id));
    if (!entry) throw new Error(`FAQ index returned unknown id: ${String(judged.result.id)}`);
    return entry;
  }

  function ask(question: string): FaqResult {
    const queryTerms = [...new Set(analyse(question ?? ""))];
    if (queryTerms.length === 0) return { kind: "no-match", closest: [] };

    const judged = index.search(queryTerms.join(" ")).map((r) => judge(r, queryTerms));
    const best = judged[0];
    if (!best) return { kind: "no-match", closest: [] };

    const confident = best.coverage > MIN_COVERAGE && best.result.score >= MIN_SCORE && best.exactTelling;
    if (!confident) {
      const closest = judged.filter((j) => j.anyTelling).slice(0, MAX_RELATED).map(entryOf);
      return { kind: "no-match", closest };
    }
    const related = judged
      .slice(1)
      .filter((j) => j.anyTelling && j.result.score >= best.result.score * RELATED_SHARE)
      .slice(0, MAX_RELATED)
      .map(entryOf);
    return { kind: "answer", entry: entryOf(best), related };
  }

  return {
    ask,
    entries,
    byId: (id: string) => byIdMap.get(id),
  };
}
