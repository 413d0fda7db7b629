import { SECONDMENT_TYPES, WORK_ARRANGEMENTS } from "../domain/options";
import { SKILLS } from "../domain/skills";
import {
  capLookup,
  idsInMask,
  prepareCandidate,
  prepareOpening,
  runEnv,
  type PreparedCandidate,
  type PreparedOpening,
  type PreparedSkills,
  type RunEnv,
} from "./prepare";
import type { Lang } from "../i18n";
import { formatSentences, gapMsg, msg, type ListItem, type Msg, type MsgValue, type Reader } from "./message";
import { ruleLabelKey, RULES_CHECKED, workingPattern, type RuleSummary } from "./rules";
import { locationFit, scoreParts, startGapDays, type ScoreParts } from "./score";
import type { Candidate, MatchContext, Opening, Proposal } from "./types";

/**
 * Why a pair was proposed: structured lists for cards and a short summary for the programme team,
 * as catalogue messages (message.ts) put into words only when shown, in the reader's language.
 * Built only for pairs that are proposed. Never mentions reasonable adjustments, language or
 * anything personal beyond what the forms ask for matching.
 */

export type PreferenceAspect = "location" | "type" | "pattern" | "dates";

export interface PreferenceFit {
  aspect: PreferenceAspect;
  fits: boolean;
  /** One or two sentences. */
  text: Msg[];
}

export interface Explanation {
  /** A few short sentences. */
  summary: Msg[];
  /** Skills the role needs that the candidate offers, in the role's own words for own-words skills. */
  requiredSkillsMatched: ListItem[];
  /** Skills the role needs that the candidate did not say they offer. */
  requiredSkillsMissing: ListItem[];
  /** Nice-to-have skills the candidate offers. */
  niceSkillsMatched: ListItem[];
  /** Skills the candidate wants to develop that the role needs or would value. */
  developmentMet: ListItem[];
  /** Location, type, working pattern and dates, in that order. */
  preferences: PreferenceFit[];
  /**
   * Every hard rule checked (all passed, or the pair would not be proposed). The same shared list
   * for every proposal; checkAllRules / checkPair give each rule's reason for one pair on demand.
   */
  rulesChecked: readonly RuleSummary[];
  score: ScoreParts;
}

const region = (id: string) => ({ choice: "region" as const, id });

/** Curated skill ids by bit number. */
const SKILL_IDS: readonly string[] = SKILLS.map((skill) => skill.id);

/** Curated skills in list order, then own-words skills as `spelling` gives them. */
function labels(mask: number, otherKeys: readonly string[], spelling: PreparedSkills): ListItem[] {
  const out: ListItem[] = [];
  for (let i = 0; i < SKILL_IDS.length; i++) if (mask & (1 << i)) out.push({ choice: "skill", id: SKILL_IDS[i]! });
  for (const k of otherKeys) out.push({ text: spelling.other.get(k) ?? k });
  return out;
}

const NONE: readonly string[] = [];
const otherIn = (a: PreparedSkills, b: PreparedSkills): readonly string[] => (a.other.size === 0 ? NONE : [...a.other.keys()].filter((k) => b.other.has(k)));
const otherNotIn = (a: PreparedSkills, b: PreparedSkills): readonly string[] => (a.other.size === 0 ? NONE : [...a.other.keys()].filter((k) => !b.other.has(k)));

function locationPreference(c: PreparedCandidate, o: PreparedOpening): PreferenceFit {
  const fit = locationFit(c, o);
  // Remote working in common is the reason for a "remote" fit: say it once.
  const common = idsInMask(WORK_ARRANGEMENTS, c.arrangements & o.arrangements)
    .filter((id) => !(fit === "remote" && id === "remote"))
    .map((id): ListItem => ({ msg: msg(`matching.arrangement.${id}`) }));
  const both = common.length > 0 ? [msg("matching.pref.location.bothOpen", { arrangements: { list: common } })] : [];
  const where = { roleRegion: region(o.region), theirRegion: region(c.region) };
  switch (fit) {
    case "same-region":
      return { aspect: "location", fits: true, text: [msg("matching.pref.location.same", { region: region(o.region) }), ...both] };
    case "remote":
      return { aspect: "location", fits: true, text: [msg("matching.pref.location.remote", where), ...both] };
    case "travel":
      return { aspect: "location", fits: true, text: [msg("matching.pref.location.travel", where), ...both] };
    default:
      return { aspect: "location", fits: false, text: [msg("matching.pref.location.none", where), ...both] };
  }
}

function typePreference(c: PreparedCandidate, o: PreparedOpening): PreferenceFit {
  const common = idsInMask(SECONDMENT_TYPES, c.typeMask & o.typeMask).map((id): ListItem => ({ choice: "secondmentType", id }));
  return { aspect: "type", fits: common.length > 0, text: [msg("matching.pref.type", { types: { list: common } })] };
}

/** When someone is free compared with the role's start: "same", "before" or "after" it, and how far. */
function timing(c: PreparedCandidate, o: PreparedOpening, env: RunEnv): { when: "same" | "before" | "after"; gap: MsgValue } {
  const gap = startGapDays(c, o, env);
  const when = gap === 0 ? "same" : Math.max(c.availableDay, env.todayDay) < o.startDay ? "before" : "after";
  return { when, gap: { msg: gapMsg(gap) } };
}

function datesPreference(c: PreparedCandidate, o: PreparedOpening, env: RunEnv): PreferenceFit {
  const d = o.source.details;
  const { when, gap } = timing(c, o, env);
  const free = c.availableDay <= env.todayDay ? msg("matching.pref.dates.freeNow", { when, gap, start: { date: d.startDate } }) : msg("matching.pref.dates.freeFrom", { from: { date: c.source.details.availableFrom }, when, gap, start: { date: d.startDate } });
  return { aspect: "dates", fits: true, text: [free, msg("matching.pref.dates.length", { months: d.durationMonths, shortest: c.shortestMonths, longest: c.longestMonths })] };
}

function skillsSentences(matched: ListItem[], missing: ListItem[], nice: ListItem[]): Msg[] {
  const total = matched.length + missing.length;
  const s =
    missing.length === 0
      ? msg("matching.summary.skills.all", { total, matched: { list: matched } })
      : matched.length === 0
        ? msg("matching.summary.skills.none", { missing: { list: missing } })
        : msg("matching.summary.skills.some", { count: matched.length, total, matched: { list: matched }, missing: { list: missing, or: true } });
  return nice.length > 0 ? [s, msg("matching.summary.nice", { nice: { list: nice } })] : [s];
}

function locationSentence(c: PreparedCandidate, o: PreparedOpening): Msg {
  switch (locationFit(c, o)) {
    case "same-region":
      return msg("matching.summary.location.same", { region: region(o.region) });
    case "remote":
      return msg("matching.summary.location.remote");
    case "travel":
      return msg("matching.summary.location.travel");
    default:
      return msg("matching.summary.location.none");
  }
}

/** The explanation for a pair that passed the hard rules. */
export function explainPair(c: PreparedCandidate, o: PreparedOpening, env: RunEnv): Explanation {
  const requiredSkillsMatched = labels(o.required.mask & c.offered.mask, otherIn(o.required, c.offered), o.required);
  const requiredSkillsMissing = labels(o.required.mask & ~c.offered.mask, otherNotIn(o.required, c.offered), o.required);
  const niceSkillsMatched = labels(o.nice.mask & c.offered.mask, otherIn(o.nice, c.offered), o.nice);
  const developmentMet = labels(c.develop.mask & o.offers.mask, otherIn(c.develop, o.offers), c.develop);
  const patternFits = workingPattern.test(c, o, env);
  const preferences: PreferenceFit[] = [
    locationPreference(c, o),
    typePreference(c, o),
    { aspect: "pattern", fits: patternFits, text: [workingPattern.reason(c, o, env, patternFits)] },
    datesPreference(c, o, env),
  ];
  const summary = [
    ...skillsSentences(requiredSkillsMatched, requiredSkillsMissing, niceSkillsMatched),
    ...(developmentMet.length > 0 ? [msg("matching.summary.develop", { skills: { list: developmentMet } })] : []),
    locationSentence(c, o),
    msg("matching.summary.timing", timing(c, o, env)),
  ];
  return {
    summary,
    requiredSkillsMatched,
    requiredSkillsMissing,
    niceSkillsMatched,
    developmentMet,
    preferences,
    rulesChecked: RULES_CHECKED,
    score: scoreParts(c, o, env),
  };
}

/**
 * The explanation as lines of sentences, to store with a match and show on its cards: skills,
 * preferences and the rules checked. Still messages: each card puts them into words for its reader.
 */
export function explanationLines(e: Explanation): Msg[][] {
  const lines: Msg[][] = [];
  if (e.requiredSkillsMatched.length) lines.push([msg("matching.line.skillsOffered", { skills: { list: e.requiredSkillsMatched } })]);
  if (e.requiredSkillsMissing.length) lines.push([msg("matching.line.skillsMissing", { skills: { list: e.requiredSkillsMissing } })]);
  if (e.developmentMet.length) lines.push([msg("matching.line.development", { skills: { list: e.developmentMet } })]);
  for (const p of e.preferences) lines.push(p.text);
  lines.push([msg("matching.line.checked", { rules: { list: e.rulesChecked.map((r) => ({ msg: msg(ruleLabelKey(r.id)) })), sep: "semicolon" } })]);
  return lines;
}

/** Lines as a short bulleted list, in `lang`, written for `reader`. */
export function formatLines(lang: Lang, lines: readonly (readonly Msg[])[], reader: Reader = "others"): string {
  return lines.map((l) => `- ${formatSentences(lang, l, reader)}`).join("\n");
}

/** The explanation for a candidate and an opening as callers hold them (hard rules not enforced). */
export function explain(candidate: Candidate, opening: Opening, ctx: MatchContext): Explanation {
  const caps = capLookup(ctx);
  return explainPair(prepareCandidate(candidate, caps), prepareOpening(opening, caps), runEnv(ctx));
}

/**
 * A proposal whose explanation is worked out the first time it is read, then kept: a full
 * re-match proposes thousands of pairs and callers usually show only the new ones.
 *
 * `explanation` is a getter, so spreading a proposal ({ ...p }) leaves it out; JSON.stringify
 * includes it (toJSON), and so does reading it.
 */
export class LazyProposal implements Proposal {
  readonly openingId: string;
  readonly candidateId: string;
  readonly score: number;
  #explanation: Explanation | undefined;
  readonly #candidate: PreparedCandidate;
  readonly #opening: PreparedOpening;
  readonly #env: RunEnv;

  constructor(c: PreparedCandidate, o: PreparedOpening, score: number, env: RunEnv) {
    this.openingId = o.id;
    this.candidateId = c.id;
    this.score = score;
    this.#candidate = c;
    this.#opening = o;
    this.#env = env;
  }

  get explanation(): Explanation {
    return (this.#explanation ??= explainPair(this.#candidate, this.#opening, this.#env));
  }

  toJSON(): Proposal {
    return { openingId: this.openingId, candidateId: this.candidateId, score: this.score, explanation: this.explanation };
  }
}

export function proposalFor(c: PreparedCandidate, o: PreparedOpening, score: number, env: RunEnv): Proposal {
  return new LazyProposal(c, o, score, env);
}
