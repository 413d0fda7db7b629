/**
 * Text analysis for question answering: one pipeline used both to build the indexes and to read
 * questions:
 *   1. lower-case, strip accents and apostrophes;
 *   2. rewrite multi-word phrases and abbreviations to single concept tokens
 *      ("fixed-term" -> fixedterm, "job swap" -> exchange, "local authority" -> council, ...;
 *      the rules are in phrases.ts);
 *   3. split into words, drop stop words, numbers and single letters;
 *   4. turn American spellings into British ones (organization -> organisation);
 *   5. stem with the Porter2 (English) stemmer;
 *   6. map the stem through a synonym table to a canonical concept
 *      (boss -> manager, salary -> pay, disabled -> disability, ...).
 */
import { PHRASES } from "./phrases";
import { phraseRewriter } from "./rewrite";

// wink-porter2-stemmer is CommonJS and ships no type declarations: it exports
// one function that stems a single lower-case English word.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const porter2 = require("wink-porter2-stemmer") as (word: string) => string;

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
    "able mean means happen happens happened currently " +
    // Chat filler: words people add that say nothing about the topic.
    "bother bothered consider considered considering figure figured worry worried worrying quite general " +
    "generally bit confused confusing explain explained said wonder wondering wondered curious " +
    "nervous scared anxious apprehensive daunted afraid hesitant " +
    "basically honestly maybe perhaps guess reckon know knew understand sort sorted stuff lot lots tbh pls " +
    "hey hiya cheers keen process whos hows wheres tip tips pointers proper " +
    "many nothing since completely totally fully normally usually typically typical exactly already anyway " +
    "literally obviously apparently genuinely genuine directly needed knowing lol haha tbf reckons till til " +
    // Contractions with the apostrophe gone: "we'd", "she's".
    "wed youd theyd hed shes hes itll thatll youve theyll aint " +
    // Chat shorthand.
    "gonna wanna gotta kinda sorta dunno ur plz thx btw fyi imo idk " +
    // Number words say no more than the digits dropped below.
    "two three four five six seven eight nine ten eleven twelve " +
    // Dates say when, not what: month and day names ("till next march") are no topic, and must not be
    // "corrected" to a knowledge-base word (march -> match).
    "january february march april june july august september october november december " +
    "jan feb mar apr jun jul aug sep sept oct nov dec " +
    "monday tuesday wednesday thursday friday saturday sunday"
  ).split(/\s+/),
);

/**
 * Places people mention for context ("I'm in Cardiff, could I go to Swansea council"): the Welsh
 * principal areas and main towns, and the largest UK cities. Like names, they say nothing about the
 * topic (search.ts leaves them out of coverage when the question has other words).
 */
export const PLACE_NAMES: ReadonlySet<string> = new Set(
  (
    "cardiff caerdydd swansea abertawe newport casnewydd wrexham wrecsam bridgend caerphilly merthyr " +
    "tydfil rhondda cynon taf torfaen monmouthshire blaenau gwent neath talbot carmarthen carmarthenshire " +
    "ceredigion aberystwyth pembrokeshire haverfordwest powys brecon newtown gwynedd caernarfon anglesey " +
    "conwy llandudno denbighshire rhyl flintshire mold glamorgan llanelli bangor barry pontypridd " +
    "cwmbran llandrindod london manchester birmingham leeds bristol glasgow edinburgh belfast liverpool " +
    "sheffield newcastle nottingham leicester coventry york sunderland " +
    "bradford hull stoke derby plymouth southampton portsmouth brighton oxford cambridge norwich " +
    "exeter swindon bootle wakefield salford preston bolton aberdeen dundee inverness stirling perth " +
    "paisley derry londonderry lisburn newry armagh omagh " +
    // Regions: context as much as the towns are. (Not the nations: "is Northern Ireland covered"
    // asks about where the programme runs.)
    "north south east west midlands highlands highland lothian yorkshire cornwall devon kent"
  ).split(/\s+/),
);

/**
 * Everyday English words (stopwords-iso's English list, about 1,300 words: "rather", "side", "next"):
 * the answer gate and the rankers weigh one the knowledge base never uses as lightly as a context word.
 */
// stopwords-iso is a JSON data package without type declarations: language code -> words.
// eslint-disable-next-line @typescript-eslint/no-require-imports
// Words of 4 letters or more only: the list also holds country codes and web abbreviations ("gp",
// "htm"). Nor the things and topics it lists ("computer", "room", "course", "bill"): an everyday
// question about one of those is about it ("can I book a meeting room").
const NOT_EVERYDAY = new Set(
  (
    "bill billion case cases computer copy course date detail fire goods group grouped grouping groups hell " +
    "homepage html http index information invention keys microsoft mill million msie name netscape novel number " +
    "numbers order ordered ordering orders page pages problem problems research ring room rooms section site " +
    "system test text value webpage website wells world young younger youngest thick thin empty face faces front " +
    "present presents presented presenting large small smaller smallest high higher highest"
  ).split(" "),
);
const EVERYDAY_WORDS: readonly string[] = ((require("stopwords-iso") as Record<string, string[]>).en ?? []).filter(
  (w) => /^[a-z]{4,}$/.test(w) && !NOT_EVERYDAY.has(w),
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
  manager: ["manager", "managers", "boss", "bosses", "supervisor", "supervisors", "gaffer", "mgr", "mngr"],
  council: ["council", "councils", "authority", "authorities"],
  holiday: ["holiday", "holidays", "vacation"],
  pension: ["pension", "pensions", "retirement"],
  vetting: ["vetting", "vetted", "clearance"],
  permission: ["permission", "permit", "approval", "approve", "agree", "consent", "allow", "allowed", "release", "authorise", "veto", "block", "blocked"],
  fixedterm: ["fixedterm", "temporary", "temp", "ftc"],
  guarantee: ["guarantee", "guaranteed", "def", "defo", "promise", "promised", "certain", "certainty", "definitely", "assured"],
  disability: [
    "disability", "disabilities", "disabled", "adjustment", "adjustments", "accessibility", "accessible",
    "impairment", "neurodivergent", "neurodiverse", "condition", "dyslexia", "dyslexic", "adhd", "autism", "autistic",
  ],
  support: ["support", "help", "assistance", "assist", "struggle", "struggling"],
  exchange: ["exchange", "swap", "swapping", "switch", "trade"],
  extend: ["extend", "extension", "extended", "longer", "lengthen", "prolong", "renew", "renewal"],
  limit: ["limit", "cap", "maximum", "max"],
  shortlist: ["shortlist", "shortlisting", "shortlisted", "sift", "sifting", "sifted"],
  pay: ["pay", "pays", "paid", "salary", "salaries", "wage", "wages", "payroll", "money", "fund", "funds", "funding", "earnings", "paycheque", "recharge", "recharged"],
  expense: ["expense", "expenses", "cost", "costs", "mileage", "fare", "fares", "reimburse", "reimbursed", "reimbursement"],
  benefit: ["benefit", "advantage", "perk", "upside", "gain", "pros", "plus", "pluses"],
  match: ["match", "matched", "matching", "pair", "paired", "pairing", "allocate", "allocated", "allocation"],
  apply: ["apply", "application", "applying", "register", "registration", "enrol", "enrolment", "participate", "nominate", "volunteer"],
  role: ["role", "position", "post", "job", "opportunity"],
  vacancy: ["vacancy", "vacancies"],
  interview: ["interview", "interviews", "interviewing", "interviewed", "assessment", "formal"],
  send: ["send", "sent", "submit", "submitted", "submitting", "submission"],
  contact: ["contact", "email", "phone", "call"],
  question: ["question", "query", "enquiry", "inquiry"],
  notify: ["notify", "notified", "notification", "tell", "told", "hear", "heard"],
  discuss: ["discuss", "discussion", "chat", "conversation", "convo", "meeting", "meet", "talk", "catchup"],
  proceed: ["proceed", "withdraw", "decline", "reject"],
  unsuitable: ["unsuitable", "suitable", "suitability", "fit"],
  end: ["end", "ending", "finish", "finished", "conclude"],
  return: ["return", "returning", "back"],
  review: ["review", "reflect", "evaluate", "evaluation"],
  performance: ["performance", "appraisal", "appraise", "objectives", "pdr"],
  organisation: [
    "organisation", "employer", "department", "dept", "org", "body", "company", "companies", "firm", "firms",
    // Public bodies people name as their employer or host.
    // (Not those the material names as hosts, such as the NHS, Estyn and Ofsted.)
    "hmrc", "dwp", "moj", "mod", "dvla", "ons", "hmpps", "dfe", "defra", "dcms", "fcdo", "dhsc", "hmt", "desnz", "dsit", "mhclg", "dluhc",
  ],
  wales: ["wales", "welsh", "cymru"],
  secondment: ["secondment", "secondee", "seconded", "placement", "attachment", "scheme", "loan", "loaned", "stint"],
  government: ["government", "govt", "gov", "whitehall"],
  type: ["type", "option", "variety", "kind"],
  step: ["step", "stage"],
  skill: ["skill", "expertise", "capability", "competence"],
  career: ["career", "development", "progression", "develop"],
  learn: ["learn", "learning", "study"],
  short: ["short", "shorter", "shortest", "brief", "shortterm"],
  duration: ["duration", "length", "lengths"],
  hour: ["hour", "hours", "hrs"],
  timescale: ["timescale", "timescales", "timeline", "timelines", "deadline", "deadlines", "turnaround"],
};

/** Every word the synonym groups know, for the typo vocabulary. */
export const SYNONYM_WORDS: readonly string[] = Object.values(SYNONYM_GROUPS).flat();

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

/** Lower-case, strip accents and apostrophes: the first step of analysis, also used for the typo vocabulary. */
export function normalise(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['\u2018\u2019`]/g, "");
}

/** True when a word carries no meaning for matching. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

const rewritePhrases = phraseRewriter(PHRASES);

/**
 * Analyse text into canonical terms: the one pipeline used for indexing and for questions.
 * `correct` may replace a misspelt word (before phrases are found) with a known one.
 */
export function analyse(text: string, correct?: (word: string) => string): string[] {
  let normal = normalise(text);
  if (correct) normal = normal.replace(/[a-z]+/g, (w) => correct(w));
  normal = rewritePhrases(normal);

  const terms: string[] = [];
  for (const raw of normal.split(/[^a-z0-9]+/)) {
    if (raw.length < 2 || STOP_WORDS.has(raw) || /^\d+$/.test(raw)) continue;
    terms.push(termOf(raw));
  }
  return terms;
}

/** Each word's term (spelling, stem, synonym) is worked out once: the same words come up all day. */
const TERMS = new Map<string, string>();
const TERMS_MAX = 50_000;

function termOf(word: string): string {
  let term = TERMS.get(word);
  if (term === undefined) {
    const stem = stemWord(britishSpelling(word));
    term = SYNONYMS.get(stem) ?? stem;
    if (TERMS.size >= TERMS_MAX) TERMS.clear();
    TERMS.set(word, term);
  }
  return term;
}

/**
 * The analysed terms of the everyday words, less any that one of the things and topics analyses to
 * too ("namely" and "name" are both "name").
 */
export const EVERYDAY_TERMS: ReadonlySet<string> = (() => {
  const things = new Set(analyseWords([...NOT_EVERYDAY]));
  return new Set(analyseWords(EVERYDAY_WORDS).filter((t) => !things.has(t)));
})();

/**
 * The terms of many single words in one pass (start-up: analysing 1,300 words one by one ran every
 * phrase pattern 1,300 times). No phrase spans the " | " between words, so the terms are those of
 * each word alone (a test checks this).
 */
export function analyseWords(words: readonly string[]): string[] {
  return analyse(words.join(" | "));
}
