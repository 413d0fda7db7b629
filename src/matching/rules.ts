import { addMonths } from "../domain/dates";
import { gradeMsg, isOtherGrade } from "../domain/grades";
import { SECONDMENT_TYPES } from "../domain/options";
import { DEFAULT_LANG } from "../i18n";
import { formatMsg, msg, type Msg } from "./message";
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
import type { Candidate, MatchContext, Opening } from "./types";

/**
 * The hard rules: a candidate and an opening that break any one of them are never proposed.
 *
 * Each rule is a named pure object: `test` says pass or fail (integer comparisons on prepared
 * data, no allocation, so the engine can run it millions of times) and `reason` says why as a catalogue
 * message (either language), for explanations and for people asking "why was I not matched?". HARD_RULES lists
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
  /** What the rule checks, in a few words, for a list of rules checked (in English; the catalogue has both). */
  readonly label: string;
  readonly test: (c: PreparedCandidate, o: PreparedOpening, env: RunEnv) => boolean;
  /** Why it passed or failed, as a catalogue message (see message.ts): put into words when shown. */
  readonly reason: (c: PreparedCandidate, o: PreparedOpening, env: RunEnv, passed: boolean) => Msg;
}

export interface RuleResult {
  pass: boolean;
  /** The reason in English, for the programme tab and logs of decisions. */
  reason: string;
  /** The reason as a message, for cards in either language. */
  why: Msg;
}

export interface RuleSummary {
  readonly id: HardRuleId;
  readonly label: string;
}

export interface RuleCheck extends RuleResult {
  id: HardRuleId;
  label: string;
}

/** The catalogue key of a rule's short label ("matching.rule.grade.label"). */
export const ruleLabelKey = (id: HardRuleId): string => `matching.rule.${id}.label`;
const labelOf = (id: HardRuleId) => formatMsg(DEFAULT_LANG, msg(ruleLabelKey(id)));

const gradeText = (id: string) => gradeMsg(id);
const start = (o: PreparedOpening) => ({ date: o.source.details.startDate });
const availableFrom = (c: PreparedCandidate) => ({ date: c.source.details.availableFrom });

export const released: HardRule = {
  id: "released",
  label: labelOf("released"),
  test: (c) => c.released,
  reason: (_c, _o, _e, pass) => msg(pass ? "matching.rule.released.pass" : "matching.rule.released.fail"),
};

export const availableAndOpen: HardRule = {
  id: "available-and-open",
  label: labelOf("available-and-open"),
  test: (c, o) => c.available && o.open,
  reason: (c, o, _e, pass) => {
    if (pass) return msg("matching.rule.available-and-open.pass");
    if (c.source.status === "withdrawn") return msg("matching.rule.available-and-open.withdrawn");
    if (c.source.status === "placed") return msg("matching.rule.available-and-open.placed");
    return msg(o.source.status === "filled" ? "matching.rule.available-and-open.filled" : "matching.rule.available-and-open.roleWithdrawn");
  },
};

export const notOwnRole: HardRule = {
  id: "not-own-role",
  label: labelOf("not-own-role"),
  test: (c, o) => c.id !== o.ownerId,
  reason: (_c, _o, _e, pass) => msg(pass ? "matching.rule.not-own-role.pass" : "matching.rule.not-own-role.fail"),
};

export const startDate: HardRule = {
  id: "start-date",
  label: labelOf("start-date"),
  test: (c, o, env) => c.availableDay <= o.startDay + env.slackDays,
  reason: (c, o, env, pass) => {
    const values = { from: availableFrom(c), start: start(o), slack: env.slackDays };
    if (!pass) return msg("matching.rule.start-date.fail", values);
    return msg(c.availableDay <= o.startDay ? "matching.rule.start-date.inTime" : "matching.rule.start-date.withinSlack", values);
  },
};

export const durationRange: HardRule = {
  id: "duration-range",
  label: labelOf("duration-range"),
  test: (c, o) => o.durationMonths >= c.shortestMonths && o.durationMonths <= c.longestMonths,
  reason: (c, o, _e, pass) => msg(pass ? "matching.rule.duration-range.pass" : "matching.rule.duration-range.fail", { months: o.durationMonths, shortest: c.shortestMonths, longest: c.longestMonths }),
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
  label: labelOf("fixed-term"),
  test: (c, o) => !c.fixedTerm || secondmentEndDay(c, o) <= c.fixedTermEndDay,
  reason: (c, o, _e, pass) => {
    if (!c.fixedTerm) return msg("matching.rule.fixed-term.permanent");
    const contractEnd = c.source.details.fixedTermEnd;
    if (contractEnd === undefined) return msg("matching.rule.fixed-term.noEnd");
    const values = { end: { date: addMonths(secondmentStart(c, o), o.durationMonths) }, contractEnd: { date: contractEnd } };
    return msg(pass ? "matching.rule.fixed-term.pass" : "matching.rule.fixed-term.fail", values);
  },
};

function capReason(organisation: string, cap: number, months: number, pass: boolean): Msg {
  if (cap === Infinity) return msg("matching.rule.cap.none", { organisation });
  return msg(pass ? "matching.rule.cap.pass" : "matching.rule.cap.fail", { organisation, cap, months });
}

export const homeCap: HardRule = {
  id: "home-cap",
  label: labelOf("home-cap"),
  test: (c, o) => o.durationMonths <= c.homeCap,
  reason: (c, o, _e, pass) => capReason(c.source.details.organisationName, c.homeCap, o.durationMonths, pass),
};

export const hostCap: HardRule = {
  id: "host-cap",
  label: labelOf("host-cap"),
  test: (_c, o) => o.durationMonths <= o.hostCap,
  reason: (_c, o, _e, pass) => capReason(o.source.details.hostOrganisation, o.hostCap, o.durationMonths, pass),
};

export const grade: HardRule = {
  id: "grade",
  label: labelOf("grade"),
  test: (c, o) => c.level >= o.minLevel && c.level <= o.maxLevel,
  reason: (c, o, _e, pass) => {
    const d = o.source.details;
    const range = d.gradeMin === d.gradeMax ? gradeText(d.gradeMin) : { msg: msg("matching.rule.grade.range", { min: gradeText(d.gradeMin), max: gradeText(d.gradeMax) }) };
    const theirs = gradeMsg(c.source.details.grade, c.source.details.gradeDetails);
    // An "other" grade is compared by the Civil Service grade the person said it is closest to: say so.
    const closest = isOtherGrade(c.source.details.grade);
    const values = { theirs, range, closest };
    if (pass) return msg("matching.rule.grade.pass", values);
    return msg(c.level < o.minLevel ? "matching.rule.grade.below" : "matching.rule.grade.above", values);
  },
};

export const clearance: HardRule = {
  id: "clearance",
  label: labelOf("clearance"),
  test: (c, o) => c.clearance >= o.clearance,
  reason: (c, o, _e, pass) => {
    if (o.clearance === 0) return msg("matching.rule.clearance.none");
    const values = { needs: { choice: "clearance" as const, id: o.source.details.clearanceRequired }, holds: { choice: "clearance" as const, id: c.source.details.clearance } };
    return msg(pass ? "matching.rule.clearance.pass" : "matching.rule.clearance.fail", values);
  },
};

export const workingPattern: HardRule = {
  id: "working-pattern",
  label: labelOf("working-pattern"),
  test: (c, o) => !c.partTime || (o.partTimePossible && o.minDays <= c.daysPerWeek),
  reason: (c, o, _e, pass) => {
    if (!c.partTime) return msg("matching.rule.working-pattern.fullTime");
    if (Number.isNaN(c.daysPerWeek)) return msg("matching.rule.working-pattern.noDays");
    const days = c.daysPerWeek;
    if (!o.partTimePossible) return msg("matching.rule.working-pattern.notPartTime", { days });
    if (Number.isNaN(o.minDays)) return msg("matching.rule.working-pattern.noMinimum", { days });
    return msg(pass ? "matching.rule.working-pattern.pass" : "matching.rule.working-pattern.fail", { days, min: o.minDays });
  },
};

export const secondmentType: HardRule = {
  id: "secondment-type",
  label: labelOf("secondment-type"),
  test: (c, o) => (c.typeMask & o.typeMask) !== 0,
  reason: (c, o, _e, pass) => {
    if (!pass) return msg("matching.rule.secondment-type.fail");
    const common = idsInMask(SECONDMENT_TYPES, c.typeMask & o.typeMask).map((id) => ({ choice: "secondmentType" as const, id }));
    return msg("matching.rule.secondment-type.pass", { types: { list: common } });
  },
};

export const notDeclined: HardRule = {
  id: "not-declined",
  label: labelOf("not-declined"),
  test: (c, o, env) => !env.declined.has(o.declinedPrefix + c.id),
  reason: (_c, _o, _e, pass) => msg(pass ? "matching.rule.not-declined.pass" : "matching.rule.not-declined.fail"),
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
  const why = rule.reason(c, o, env, pass);
  return { id: rule.id, label: rule.label, pass, reason: formatMsg(DEFAULT_LANG, why), why };
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
