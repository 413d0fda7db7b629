import { formatUkDate } from "../domain/dates";
import { choiceLabel, REGIONS, SECONDMENT_TYPES, WORK_ARRANGEMENTS } from "../domain/options";
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
import { RULES_CHECKED, workingPattern, type RuleSummary } from "./rules";
import { locationFit, scoreParts, startGapDays, type ScoreParts } from "./score";
import { gapText, joinList, monthsText } from "./text";
import type { Candidate, MatchContext, Opening, Proposal } from "./types";

/**
 * Why a pair was proposed, in plain British English: structured lists for cards and a short
 * summary sentence for messages. Built only for pairs that are proposed. Never mentions
 * reasonable adjustments, language or anything personal beyond what the forms ask for matching.
 */

export type PreferenceAspect = "location" | "type" | "pattern" | "dates";

export interface PreferenceFit {
  aspect: PreferenceAspect;
  fits: boolean;
  text: string;
}

export interface Explanation {
  /** One or two short sentences. */
  summary: string;
  /** Skills the role needs that the candidate offers, in the role's own words for own-words skills. */
  requiredSkillsMatched: string[];
  /** Skills the role needs that the candidate did not say they offer. */
  requiredSkillsMissing: string[];
  /** Nice-to-have skills the candidate offers. */
  niceSkillsMatched: string[];
  /** Skills the candidate wants to develop that the role needs or would value. */
  developmentMet: string[];
  /** Location, type, working pattern and dates, in that order. */
  preferences: PreferenceFit[];
  /**
   * Every hard rule checked (all passed, or the pair would not be proposed). The same shared list
   * for every proposal; checkAllRules / checkPair give each rule's reason for one pair on demand.
   */
  rulesChecked: readonly RuleSummary[];
  score: ScoreParts;
}

const regionText = (id: string) => choiceLabel(REGIONS, id) ?? id;
const ARRANGEMENT_WORDS: Record<string, string> = {
  hybrid: "hybrid working",
  remote: "remote working",
  "willing-to-travel": "travel",
};

/** Curated skill labels by bit number. */
const SKILL_LABELS: readonly string[] = SKILLS.map((skill) => skill.label);

/** Labels of curated skills in list order, then own-words skills as `spelling` gives them. */
function labels(mask: number, otherKeys: readonly string[], spelling: PreparedSkills): string[] {
  const out: string[] = [];
  for (let i = 0; i < SKILL_LABELS.length; i++) if (mask & (1 << i)) out.push(SKILL_LABELS[i]!);
  for (const k of otherKeys) out.push(spelling.other.get(k) ?? k);
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
    .map((id) => ARRANGEMENT_WORDS[id] ?? id);
  const both = common.length > 0 ? ` Both are open to ${joinList(common)}.` : "";
  const where = `The role is in ${regionText(o.region)} and they work in ${regionText(c.region)}`;
  switch (fit) {
    case "same-region":
      return { aspect: "location", fits: true, text: `Both are in ${regionText(o.region)}.${both}` };
    case "remote":
      return { aspect: "location", fits: true, text: `${where}, but both are open to remote working.${both}` };
    case "travel":
      return { aspect: "location", fits: true, text: `${where}, but they are willing to travel.${both}` };
    default:
      return { aspect: "location", fits: false, text: `${where}, with no remote working or travel in common.${both}` };
  }
}

function typePreference(c: PreparedCandidate, o: PreparedOpening): PreferenceFit {
  const common = idsInMask(SECONDMENT_TYPES, c.typeMask & o.typeMask).map((id) => choiceLabel(SECONDMENT_TYPES, id)!);
  return { aspect: "type", fits: common.length > 0, text: `Both are open to: ${joinList(common)}.` };
}

function datesPreference(c: PreparedCandidate, o: PreparedOpening, env: RunEnv): PreferenceFit {
  const d = o.source.details;
  const gap = startGapDays(c, o, env);
  const from = Math.max(c.availableDay, env.todayDay);
  const when = gap === 0 ? "the day the role starts" : from < o.startDay ? `${gapText(gap)} before the role starts` : `${gapText(gap)} after the role starts`;
  const free = c.availableDay <= env.todayDay ? "They are free now" : `They are free from ${formatUkDate(c.source.details.availableFrom)}`;
  return {
    aspect: "dates",
    fits: true,
    text:
      `${free}, ${when} on ${formatUkDate(d.startDate)}. ` +
      `The role lasts ${monthsText(d.durationMonths)}; they would consider ${c.shortestMonths} to ${monthsText(c.longestMonths)}.`,
  };
}

function skillsSentence(matched: string[], missing: string[], nice: string[]): string {
  const total = matched.length + missing.length;
  let s: string;
  if (missing.length === 0) {
    const all = total === 1 ? "the skill" : total === 2 ? "both skills" : `all ${total} skills`;
    s = `Offers ${all} the role needs (${joinList(matched)}).`;
  } else if (matched.length === 0) {
    s = `Offers none of the skills the role needs (${joinList(missing)}).`;
  } else {
    s = `Offers ${matched.length} of the ${total} skills the role needs (${joinList(matched)}), but not ${joinList(missing, "or")}.`;
  }
  return nice.length > 0 ? `${s} Also offers ${joinList(nice)}, which the role would value.` : s;
}

function locationSentence(c: PreparedCandidate, o: PreparedOpening): string {
  switch (locationFit(c, o)) {
    case "same-region":
      return `Both in ${regionText(o.region)}.`;
    case "remote":
      return "In different regions, both open to remote working.";
    case "travel":
      return "In different regions; willing to travel.";
    default:
      return "In different regions.";
  }
}

function timingSentence(c: PreparedCandidate, o: PreparedOpening, env: RunEnv): string {
  const gap = startGapDays(c, o, env);
  if (gap === 0) return "Free from the day the role starts.";
  return Math.max(c.availableDay, env.todayDay) < o.startDay
    ? `Free ${gapText(gap)} before the role starts.`
    : `Free ${gapText(gap)} after the role starts.`;
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
    { aspect: "pattern", fits: patternFits, text: workingPattern.reason(c, o, env, patternFits) },
    datesPreference(c, o, env),
  ];
  const summary = [
    skillsSentence(requiredSkillsMatched, requiredSkillsMissing, niceSkillsMatched),
    developmentMet.length > 0 ? `Would develop ${joinList(developmentMet)}.` : "",
    locationSentence(c, o),
    timingSentence(c, o, env),
  ]
    .filter(Boolean)
    .join(" ");
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
