import { DEFAULT_LANG, formatDate, t, type Lang, type MessageValues } from "../../src/i18n";
import { gradeText } from "../../src/domain/grades";
import type { InterestDetails } from "../../src/domain/interest";
import { monthsText } from "../../src/domain/forms";
import {
  choiceLabel,
  choicesIn,
  CLEARANCE_LEVELS,
  WORKING_PATTERNS,
  type ChoiceListName,
  CONTRACT_TYPES,
  ORGANISATION_TYPES,
  REGIONS,
  SECONDMENT_TYPES,
  WORK_ARRANGEMENTS,
  type Choice,
} from "../../src/domain/options";
import type { RecordStatus } from "../../src/domain/records";
import { channelLabel, type RoleRecordDetails } from "../../src/domain/role-record";
import { SKILLS, type SkillSet } from "../../src/domain/skills";

/** Facts in the reader's language about stored records, for the "My interest" and "My roles" cards. */
export type Fact = { title: string; value: string };

/** The colour of a record's status (its words are in the catalogue: "role.status.<status>", "myInterest.status.<status>"). */
export const STATUS_VIEW: Record<RecordStatus, { color: "default" | "good" | "warning" }> = {
  draft: { color: "default" },
  submitted: { color: "good" },
  withdrawn: { color: "warning" },
};

/**
 * The facts of a saved interest. `managerName` is the line manager's name once we know it (from
 * their answer to the release request); before that the line shows their email, or says they
 * were chosen in Teams. `reader`: the person themselves ("Skills you offer"), or someone else, such
 * as the programme team in the Programme tab ("Skills offered").
 */
export function interestFacts(d: InterestDetails, lang: Lang = DEFAULT_LANG, managerName?: string, reader: "self" | "others" = "self"): Fact[] {
  const m = (key: string, values?: MessageValues) => t(lang, key, values);
  const label = (list: ChoiceListName, choices: readonly Choice[], id: string) => choiceLabel(choicesIn(lang, list, choices), id) ?? id;
  const many = (list: ChoiceListName, choices: readonly Choice[], ids: readonly string[]) => ids.map((id) => label(list, choices, id)).join(", ");
  const skillText = (sk: SkillSet) => [...sk.ids.map((id) => label("skill", SKILLS, id)), ...sk.other].join(", ") || m("facts.none");
  const pattern =
    d.workingPattern === "part-time"
      ? m("approval.summary.partTime", { days: d.daysPerWeek ?? "" }) + (d.patternDetails ? ` (${d.patternDetails})` : "")
      : label("workingPattern", WORKING_PATTERNS, "full-time");
  return [
    { title: m("approval.fact.organisation"), value: d.organisationName },
    // The type without its examples: "Other public body", not "Other public body (for example …)".
    { title: m("facts.organisationType"), value: label("organisationType", ORGANISATION_TYPES, d.organisationType).replace(/\s*\(.*\)$/, "") },
    { title: m("approval.fact.profession"), value: d.profession },
    { title: m("approval.fact.grade"), value: gradeText(d.grade, d.gradeDetails, lang) },
    { title: m("facts.location"), value: `${d.town}, ${label("region", REGIONS, d.region)}` },
    { title: m("facts.waysOfWorking"), value: d.workArrangements.length ? many("workArrangement", WORK_ARRANGEMENTS, d.workArrangements) : m("facts.notGiven") },
    { title: m("facts.skillsOffer", { reader: reader === "self" ? "self" : "other" }), value: skillText(d.skillsOffered) },
    { title: m("facts.skillsBuild"), value: skillText(d.skillsToDevelop) },
    { title: m("approval.fact.types"), value: many("secondmentType", SECONDMENT_TYPES, d.secondmentTypes) },
    { title: m("approval.fact.workingPattern"), value: pattern },
    { title: m("approval.fact.availableFrom"), value: formatDate(lang, d.availableFrom) },
    { title: m("approval.fact.length"), value: m("approval.summary.length", { shortest: d.shortestDurationMonths, longest: d.longestDurationMonths }) },
    {
      title: m("facts.contract"),
      value: d.contractType === "fixed-term" && d.fixedTermEnd ? m("facts.fixedTermEnds", { date: formatDate(lang, d.fixedTermEnd) }) : label("contractType", CONTRACT_TYPES, d.contractType),
    },
    { title: m("facts.clearance"), value: label("clearance", CLEARANCE_LEVELS, d.clearance) },
    { title: m("facts.adjustments"), value: d.adjustments ? m("facts.adjustmentsRecorded", { reader: reader === "self" ? "self" : "other" }) : m("facts.none") },
    { title: m("facts.lineManager"), value: managerName ?? d.lineManagerEmail ?? (d.lineManagerId ? m("facts.chosenFromTeams") : m("facts.notGiven")) },
  ];
}

export function roleFacts(r: RoleRecordDetails, lang: Lang = DEFAULT_LANG): Fact[] {
  const m = (key: string, values?: MessageValues) => t(lang, key, values);
  const label = (list: ChoiceListName, choices: readonly Choice[], id: string) => choiceLabel(choicesIn(lang, list, choices), id) ?? id;
  const many = (list: ChoiceListName, choices: readonly Choice[], ids: readonly string[]) => ids.map((id) => label(list, choices, id)).join(", ");
  const d = r.form;
  const grade = (id: string) => gradeText(id, undefined, lang);
  const skillText = [...d.requiredSkills.ids.map((id) => label("skill", SKILLS, id)), ...d.requiredSkills.other].join(", ") || m("facts.none");
  return [
    { title: m("role.fact.organisation"), value: `${d.hostOrganisation}, ${d.team}` },
    { title: m("role.fact.grade"), value: d.gradeMin === d.gradeMax ? grade(d.gradeMin) : m("role.fact.gradeRange", { min: grade(d.gradeMin), max: grade(d.gradeMax) }) },
    { title: m("role.fact.location"), value: `${d.town}, ${label("region", REGIONS, d.region)}` },
    { title: m("role.fact.waysOfWorking"), value: d.workArrangements.length ? many("workArrangement", WORK_ARRANGEMENTS, d.workArrangements) : m("facts.notGiven") },
    { title: m("role.fact.skills"), value: skillText },
    { title: m("role.fact.types"), value: many("secondmentType", SECONDMENT_TYPES, d.secondmentTypes) },
    { title: m("role.fact.partTime"), value: d.partTimePossible ? m("role.fact.partTimeYes", { days: d.minDaysPerWeek ?? "" }) : m("role.fact.partTimeNo") },
    { title: m("role.fact.starts"), value: formatDate(lang, d.startDate) },
    { title: m("role.fact.length"), value: monthsText(d.durationMonths, lang) },
    { title: m("role.fact.clearance"), value: label("clearance", CLEARANCE_LEVELS, d.clearanceRequired) },
    { title: m("role.fact.openings"), value: String(d.openings) },
    { title: m("role.fact.channel"), value: channelLabel(r.channel, lang) },
  ];
}
