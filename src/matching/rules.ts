import { addMonths, formatUkDate } from "../domain/dates";
import { gradeById, gradeText as personGrade, isOtherGrade } from "../domain/grades";
import { choiceLabel, CLEARANCE_LEVELS, SECONDMENT_TYPES } from "../domain/options";
import {
  capLookup,
  dayAfterMonths,
  idsInMask,
  prepareCandidate,
  prepareOpening,
  runEnv,
  type PreparedCandidate,
  type PreparedOpening,
  type RunEnv,
} from "./prepare";
import { daysText, joinList, monthsText } from "./text";
import type { Candidate, MatchContext, Opening } from "./types";

/**
 * The hard rules: a candidate and an opening that break any one of them are never proposed.
 *
 * Each rule is a named pure object: `test` says pass or fail (integer comparisons on prepared
 * data, no allocation, so the engine can run it millions of times) and `reason` says why in plain
 * English, for explanations and for people asking "why was I not matched?". HARD_RULES lists
 * them all, in the order they are checked and shown.
 */

export type HardRuleId =
  | "released"
  | "available-and-open"
  | "not-own-role"
  | "start-date"
  | "duration-range"
  | "fixed-term"
  | "home-cap"
  | "host-cap"
  | "grade"
  | "clearance"
  | "working-pattern"
  | "secondment-type"
  | "not-declined";

export interface HardRule {
  readonly id: HardRuleId;
  /** What the rule checks, in a few words, for a list of rules checked. */
  readonly label: string;
  readonly test: (c: PreparedCandidate, o: PreparedOpening, env: RunEnv) => boolean;
  readonly reason: (c: PreparedCandidate, o: PreparedOpening, env: RunEnv, passed: boolean) => string;
}

export interface RuleResult {
  pass: boolean;
  reason: string;
}

export interface RuleSummary {
  readonly id: HardRuleId;
  readonly label: string;
}

export interface RuleCheck extends RuleResult {
  id: HardRuleId;
  label: string;
}

const gradeText = (id: string) => gradeById(id)?.label ?? id;
const clearanceText = (id: string) => choiceLabel(CLEARANCE_LEVELS, id) ?? id;
const start = (o: PreparedOpening) => formatUkDate(o.source.details.startDate);
const availableFrom = (c: PreparedCandidate) => formatUkDate(c.source.details.availableFrom);

export const released: HardRule = {
  id: "released",
  label: "Released by their line manager",
  test: (c) => c.released,
  reason: (_c, _o, _e, pass) =>
    pass ? "Their line manager has agreed to release them." : "Their line manager has not agreed to release them yet.",
};

export const availableAndOpen: HardRule = {
  id: "available-and-open",
  label: "Candidate available and role open",
  test: (c, o) => c.available && o.open,
  reason: (c, o, _e, pass) => {
    if (pass) return "They are available and the role is open.";
    if (c.source.status === "withdrawn") return "They have withdrawn their interest.";
    if (c.source.status === "placed") return "They have already been placed in a secondment.";
    return o.source.status === "filled" ? "The role has been filled." : "The role has been withdrawn.";
  },
};

export const notOwnRole: HardRule = {
  id: "not-own-role",
  label: "Not a role they posted themselves",
  test: (c, o) => c.id !== o.ownerId,
  reason: (_c, _o, _e, pass) => (pass ? "They did not post this role." : "They posted this role themselves."),
};

export const startDate: HardRule = {
  id: "start-date",
  label: "Free to start in time",
  test: (c, o, env) => c.availableDay <= o.startDay + env.slackDays,
  reason: (c, o, env, pass) => {
    if (!pass) return `They are free only from ${availableFrom(c)}, more than ${daysText(env.slackDays)} after the role starts on ${start(o)}.`;
    if (c.availableDay <= o.startDay) return `They are free from ${availableFrom(c)}, in time for the role's start on ${start(o)}.`;
    return `They are free from ${availableFrom(c)}, within ${daysText(env.slackDays)} of the role's start on ${start(o)}.`;
  },
};

export const durationRange: HardRule = {
  id: "duration-range",
  label: "Length within the range they would consider",
  test: (c, o) => o.durationMonths >= c.shortestMonths && o.durationMonths <= c.longestMonths,
  reason: (c, o, _e, pass) => {
    const range = `${c.shortestMonths} to ${monthsText(c.longestMonths)}`;
    return pass
      ? `The role lasts ${monthsText(o.durationMonths)}, within the ${range} they would consider.`
      : `The role lasts ${monthsText(o.durationMonths)}; they would consider ${range}.`;
  },
};

/**
 * The secondment starts on the role's start date, or on the day the candidate is free if that is
 * later (within the slack), and must end on or before a fixed-term contract's end date.
 */
function secondmentStart(c: PreparedCandidate, o: PreparedOpening): string {
  return c.availableDay > o.startDay ? c.source.details.availableFrom : o.source.details.startDate;
}

function secondmentEndDay(c: PreparedCandidate, o: PreparedOpening): number {
  if (c.availableDay <= o.startDay) return o.endDay;
  const [y, m, d] = c.availableYmd;
  return dayAfterMonths(y, m, d, o.durationMonths);
}

export const fixedTerm: HardRule = {
  id: "fixed-term",
  label: "Ends before a fixed-term contract does",
  test: (c, o) => !c.fixedTerm || secondmentEndDay(c, o) <= c.fixedTermEndDay,
  reason: (c, o, _e, pass) => {
    if (!c.fixedTerm) return "They have a permanent contract.";
    const contractEnd = c.source.details.fixedTermEnd;
    if (contractEnd === undefined) return "They have a fixed-term contract but no end date was given.";
    const end = formatUkDate(addMonths(secondmentStart(c, o), o.durationMonths));
    return pass
      ? `The secondment would end on ${end}, on or before their fixed-term contract ends on ${formatUkDate(contractEnd)}.`
      : `The secondment would end on ${end}, after their fixed-term contract ends on ${formatUkDate(contractEnd)}.`;
  },
};

function capReason(organisation: string, cap: number, months: number, pass: boolean): string {
  if (cap === Infinity) return `${organisation} sets no limit on how long a secondment lasts.`;
  return pass
    ? `The role's ${monthsText(months)} is within the ${monthsText(cap)} ${organisation} allows.`
    : `The role lasts ${monthsText(months)}, longer than the ${monthsText(cap)} ${organisation} allows.`;
}

export const homeCap: HardRule = {
  id: "home-cap",
  label: "Within their own organisation's limit on length",
  test: (c, o) => o.durationMonths <= c.homeCap,
  reason: (c, o, _e, pass) => capReason(c.source.details.organisationName, c.homeCap, o.durationMonths, pass),
};

export const hostCap: HardRule = {
  id: "host-cap",
  label: "Within the host organisation's limit on length",
  test: (_c, o) => o.durationMonths <= o.hostCap,
  reason: (_c, o, _e, pass) => capReason(o.source.details.hostOrganisation, o.hostCap, o.durationMonths, pass),
};

export const grade: HardRule = {
  id: "grade",
  label: "Grade within the role's range",
  test: (c, o) => c.level >= o.minLevel && c.level <= o.maxLevel,
  reason: (c, o, _e, pass) => {
    const d = o.source.details;
    const range = d.gradeMin === d.gradeMax ? gradeText(d.gradeMin) : `${gradeText(d.gradeMin)} to ${gradeText(d.gradeMax)}`;
    const theirs = personGrade(c.source.details.grade, c.source.details.gradeDetails);
    // An "other" grade is compared by the Civil Service grade the person said it is closest to: say so.
    const how = isOtherGrade(c.source.details.grade) ? " by the grade they said theirs is closest to" : "";
    if (pass) return `Their grade, ${theirs}, is within the role's range${how}: ${range}.`;
    return `Their grade, ${theirs}, is ${c.level < o.minLevel ? "below" : "above"} the role's range${how}: ${range}.`;
  },
};

export const clearance: HardRule = {
  id: "clearance",
  label: "Security clearance held",
  test: (c, o) => c.clearance >= o.clearance,
  reason: (c, o, _e, pass) => {
    const needs = clearanceText(o.source.details.clearanceRequired);
    const holds = clearanceText(c.source.details.clearance);
    if (o.clearance === 0) return "The role needs no security clearance.";
    return pass ? `The role needs ${needs}; they hold ${holds}.` : `The role needs ${needs}, but they hold ${holds}.`;
  },
};

export const workingPattern: HardRule = {
  id: "working-pattern",
  label: "Working pattern fits",
  test: (c, o) => !c.partTime || (o.partTimePossible && o.minDays <= c.daysPerWeek),
  reason: (c, o, _e, pass) => {
    if (!c.partTime) return "They work full-time.";
    if (Number.isNaN(c.daysPerWeek)) return "They work part-time but did not say how many days a week.";
    const theirs = `They can work ${daysText(c.daysPerWeek)} a week`;
    if (!o.partTimePossible) return `${theirs}, but the role cannot be done part-time.`;
    if (Number.isNaN(o.minDays)) return `${theirs}, but the role does not say how few days it can be done in.`;
    return pass
      ? `${theirs}; the role can be done in ${daysText(o.minDays)} a week or more.`
      : `${theirs}; the role needs at least ${daysText(o.minDays)} a week.`;
  },
};

export const secondmentType: HardRule = {
  id: "secondment-type",
  label: "A type of secondment in common",
  test: (c, o) => (c.typeMask & o.typeMask) !== 0,
  reason: (c, o, _e, pass) => {
    const common = idsInMask(SECONDMENT_TYPES, c.typeMask & o.typeMask).map((id) => choiceLabel(SECONDMENT_TYPES, id)!);
    return pass ? `Both are open to: ${joinList(common)}.` : "They want different types of secondment from the ones the role offers.";
  },
};

export const notDeclined: HardRule = {
  id: "not-declined",
  label: "Not turned down before",
  test: (c, o, env) => !env.declined.has(o.declinedPrefix + c.id),
  reason: (_c, _o, _e, pass) => (pass ? "This pairing has not been turned down before." : "This pairing was turned down before."),
};

/** Every hard rule, in the order they are checked and listed. */
export const HARD_RULES: readonly HardRule[] = [
  released,
  availableAndOpen,
  notOwnRole,
  startDate,
  durationRange,
  fixedTerm,
  homeCap,
  hostCap,
  grade,
  clearance,
  workingPattern,
  secondmentType,
  notDeclined,
];

/** Which rules every proposal passed, for explanations: one shared, frozen list. */
export const RULES_CHECKED: readonly RuleSummary[] = Object.freeze(HARD_RULES.map((r) => Object.freeze({ id: r.id, label: r.label })));

/**
 * True when the pair passes every hard rule in HARD_RULES. The hot path, run millions of times: it
 * calls each rule's own test directly (so the JavaScript engine can inline them) and cheapest,
 * most often failing first. Adding a rule means adding it here too; a test checks that this agrees
 * with HARD_RULES on every pair of a random dataset.
 */
export function passesHardRules(c: PreparedCandidate, o: PreparedOpening, env: RunEnv): boolean {
  return (
    released.test(c, o, env) &&
    availableAndOpen.test(c, o, env) &&
    grade.test(c, o, env) &&
    secondmentType.test(c, o, env) &&
    clearance.test(c, o, env) &&
    durationRange.test(c, o, env) &&
    startDate.test(c, o, env) &&
    workingPattern.test(c, o, env) &&
    homeCap.test(c, o, env) &&
    hostCap.test(c, o, env) &&
    notOwnRole.test(c, o, env) &&
    fixedTerm.test(c, o, env) &&
    notDeclined.test(c, o, env)
  );
}

export function checkRule(rule: HardRule, c: PreparedCandidate, o: PreparedOpening, env: RunEnv): RuleCheck {
  const pass = rule.test(c, o, env);
  return { id: rule.id, label: rule.label, pass, reason: rule.reason(c, o, env, pass) };
}

/** Every rule's outcome and reason, for explanations. */
export function checkAllRules(c: PreparedCandidate, o: PreparedOpening, env: RunEnv): RuleCheck[] {
  return HARD_RULES.map((rule) => checkRule(rule, c, o, env));
}

/** Every rule's outcome for a candidate and an opening as callers hold them. */
export function checkPair(candidate: Candidate, opening: Opening, ctx: MatchContext): RuleCheck[] {
  const caps = capLookup(ctx);
  return checkAllRules(prepareCandidate(candidate, caps), prepareOpening(opening, caps), runEnv(ctx));
}
