import { formatUkDate } from "../../src/domain/dates";
import { gradeById, gradeText } from "../../src/domain/grades";
import type { InterestDetails } from "../../src/domain/interest";
import { monthsText } from "../../src/domain/forms";
import {
  choiceLabel,
  CLEARANCE_LEVELS,
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

/** Plain-English facts about stored records, for the "My interest" and "My roles" cards. */
export type Fact = { title: string; value: string };

const labels = (list: readonly Choice[], ids: readonly string[]) => ids.map((id) => choiceLabel(list, id) ?? id).join(", ");
const skills = (s: SkillSet) => [...s.ids.map((id) => choiceLabel(SKILLS, id) ?? id), ...s.other].join(", ") || "None";

export const STATUS_VIEW: Record<RecordStatus, { label: string; color: "default" | "good" | "warning" }> = {
  draft: { label: "Draft", color: "default" },
  submitted: { label: "Sent", color: "good" },
  withdrawn: { label: "Withdrawn", color: "warning" },
};

/** The type without its examples: "Other public body", not "Other public body (for example …)". */
const organisationTypeText = (id: string) => (choiceLabel(ORGANISATION_TYPES, id) ?? id).replace(/\s*\(.*\)$/, "");

export function interestFacts(d: InterestDetails): Fact[] {
  const pattern =
    d.workingPattern === "part-time" ? `Part-time, ${d.daysPerWeek} days a week${d.patternDetails ? ` (${d.patternDetails})` : ""}` : "Full-time";
  return [
    { title: "Organisation", value: d.organisationName },
    { title: "Type of organisation", value: organisationTypeText(d.organisationType) },
    { title: "Profession", value: d.profession },
    { title: "Grade", value: gradeText(d.grade, d.gradeDetails) },
    { title: "Location", value: `${d.town}, ${choiceLabel(REGIONS, d.region)}` },
    { title: "Ways of working", value: d.workArrangements.length ? labels(WORK_ARRANGEMENTS, d.workArrangements) : "Not given" },
    { title: "Skills you offer", value: skills(d.skillsOffered) },
    { title: "Skills to build", value: skills(d.skillsToDevelop) },
    { title: "Types", value: labels(SECONDMENT_TYPES, d.secondmentTypes) },
    { title: "Working pattern", value: pattern },
    { title: "Available from", value: formatUkDate(d.availableFrom) },
    { title: "Length", value: `${monthsText(d.shortestDurationMonths)} to ${monthsText(d.longestDurationMonths)}` },
    { title: "Contract", value: d.contractType === "fixed-term" && d.fixedTermEnd ? `Fixed-term, ends ${formatUkDate(d.fixedTermEnd)}` : (choiceLabel(CONTRACT_TYPES, d.contractType) ?? d.contractType) },
    { title: "Clearance", value: choiceLabel(CLEARANCE_LEVELS, d.clearance) ?? d.clearance },
    { title: "Adjustments", value: d.adjustments ? "Recorded. Only the programme team and a matched host can see them." : "None" },
    { title: "Line manager", value: d.lineManagerEmail ?? (d.lineManagerId ? "Chosen from Teams" : "Not given") },
  ];
}

export function roleFacts(r: RoleRecordDetails): Fact[] {
  const d = r.form;
  const grades = d.gradeMin === d.gradeMax ? gradeById(d.gradeMin)?.label : `${gradeById(d.gradeMin)?.label} to ${gradeById(d.gradeMax)?.label}`;
  return [
    { title: "Organisation", value: `${d.hostOrganisation}, ${d.team}` },
    { title: "Grade", value: grades ?? "" },
    { title: "Location", value: `${d.town}, ${choiceLabel(REGIONS, d.region)}` },
    { title: "Ways of working", value: d.workArrangements.length ? labels(WORK_ARRANGEMENTS, d.workArrangements) : "Not given" },
    { title: "Skills needed", value: skills(d.requiredSkills) },
    { title: "Types", value: labels(SECONDMENT_TYPES, d.secondmentTypes) },
    { title: "Part-time", value: d.partTimePossible ? `Possible, at least ${d.minDaysPerWeek} days a week` : "No" },
    { title: "Starts", value: formatUkDate(d.startDate) },
    { title: "Length", value: monthsText(d.durationMonths) },
    { title: "Clearance", value: choiceLabel(CLEARANCE_LEVELS, d.clearanceRequired) ?? d.clearanceRequired },
    { title: "Openings", value: String(d.openings) },
    { title: "Matches go to", value: channelLabel(r.channel) },
  ];
}
