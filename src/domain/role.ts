import {
  assertToday,
  capMessage,
  checkFields,
  choice,
  choices,
  durationCap,
  errorsInOrder,
  fail,
  ignore,
  joinChoices,
  optionalNumber,
  otherSkills,
  requiredDate,
  requiredNumber,
  requiredText,
  requireFuture,
  toggle,
  valid,
  type FormResult,
  type RuleContext,
} from "./forms";
import { RANGE_GRADE_IDS, gradeLevel, type GradeId } from "./grades";
import {
  choiceIds,
  CLEARANCE_LEVELS,
  ORGANISATION_TYPES,
  REGIONS,
  SECONDMENT_TYPES,
  WORK_ARRANGEMENTS,
  type ClearanceId,
  type OrganisationTypeId,
  type RegionId,
  type SecondmentTypeId,
  type WorkArrangementId,
} from "./options";
import { SKILL_IDS, type SkillSet } from "./skills";

export type { FormResult, RuleContext } from "./forms";

/**
 * The Role Matching form a vacancy holder fills in. The field ids are the card's input ids.
 * Each field is checked on its own, then the rules that join fields:
 *
 * - minimum days per week: required when part-time is possible, ignored otherwise → on `minDaysPerWeek`
 * - at least one required skill (chosen or own words) → on `requiredSkills`
 * - lowest grade no higher than highest grade → on `gradeMin`
 * - duration within the host organisation's cap (ctx.durationCapMonths) → on `durationMonths`
 *
 * A rule runs only when the fields it depends on are valid on their own.
 */
export const ROLE_FIELDS = [
  "title",
  "hostOrganisationType",
  "hostOrganisation",
  "team",
  "purpose",
  "deliverables",
  "requiredSkills",
  "requiredSkillsOther",
  "niceSkills",
  "niceSkillsOther",
  "gradeMin",
  "gradeMax",
  "region",
  "town",
  "workArrangements",
  "secondmentTypes",
  "partTimePossible",
  "minDaysPerWeek",
  "startDate",
  "durationMonths",
  "clearanceRequired",
  "openings",
  "notificationChannel",
] as const;
export type RoleField = (typeof ROLE_FIELDS)[number];

export interface RoleDetails {
  title: string;
  hostOrganisationType: OrganisationTypeId;
  hostOrganisation: string;
  team: string;
  purpose: string;
  deliverables: string;
  requiredSkills: SkillSet;
  niceSkills: SkillSet;
  /** One of RANGE_GRADE_IDS (validation allows no "other" grade in a range). */
  gradeMin: GradeId;
  gradeMax: GradeId;
  region: RegionId;
  town: string;
  workArrangements: WorkArrangementId[];
  secondmentTypes: SecondmentTypeId[];
  partTimePossible: boolean;
  /** Set only when part-time is possible. */
  minDaysPerWeek: number | undefined;
  startDate: string;
  durationMonths: number;
  clearanceRequired: ClearanceId;
  openings: number;
  /** The channel to tell the vacancy holder about matches in, as the card's channel picker sends it. */
  notificationChannel: string;
}

const SCHEMAS = {
  title: requiredText({ label: "Role title", max: 120, required: "Enter the role title" }),
  hostOrganisationType: choice(choiceIds(ORGANISATION_TYPES), "Select the type of organisation the role is in"),
  hostOrganisation: requiredText({
    label: "Organisation name",
    max: 120,
    required: "Enter the name of the organisation the role is in",
  }),
  team: requiredText({ label: "Team", max: 120, required: "Enter the team the secondee would join" }),
  purpose: requiredText({ label: "Purpose of the role", max: 1000, multiline: true, required: "Enter the purpose of the role" }),
  deliverables: requiredText({
    label: "Deliverables",
    max: 1000,
    multiline: true,
    required: "Enter what the secondee would deliver",
  }),
  requiredSkills: choices(SKILL_IDS, { invalid: "Select the skills the role needs from the list" }),
  requiredSkillsOther: otherSkills("Other skills the role needs"),
  niceSkills: choices(SKILL_IDS, { invalid: "Select useful skills from the list" }),
  niceSkillsOther: otherSkills("Other useful skills"),
  gradeMin: choice(RANGE_GRADE_IDS, "Select the lowest grade for the role"),
  gradeMax: choice(RANGE_GRADE_IDS, "Select the highest grade for the role"),
  region: choice(choiceIds(REGIONS), "Select the region the role is based in"),
  town: requiredText({ label: "Town or city", max: 80, required: "Enter the town or city the role is based in" }),
  workArrangements: choices(choiceIds(WORK_ARRANGEMENTS), { invalid: "Select work arrangements from the list" }),
  secondmentTypes: choices(choiceIds(SECONDMENT_TYPES), {
    required: "Select at least one type of secondment",
    invalid: "Select types of secondment from the list",
  }),
  partTimePossible: toggle("Select whether the role can be done part-time"),
  minDaysPerWeek: optionalNumber({ label: "Minimum days per week", min: 1, max: 4.5, whole: false }),
  startDate: requiredDate({ label: "Start date", required: "Enter the start date" }),
  durationMonths: requiredNumber({
    label: "Length",
    required: "Enter the length in months",
    min: 1,
    max: 60,
    unit: "months",
    whole: true,
  }),
  clearanceRequired: choice(choiceIds(CLEARANCE_LEVELS), "Select the security clearance the role needs"),
  openings: requiredNumber({
    label: "Number of secondees",
    required: "Enter how many secondees the role needs",
    min: 1,
    max: 50,
    whole: true,
  }),
  notificationChannel: requiredText({
    label: "Channel",
    max: 300,
    required: "Choose the channel where we should tell you about matches",
  }),
} satisfies Record<RoleField, unknown>;

/**
 * Check a submitted form. Never throws on `raw`, whatever it is: anything but an object gives a
 * message for every required field. Throws only on a bad context (ctx.today not a date), or if
 * ctx.durationCapMonths throws.
 */
export function validateRole(raw: unknown, ctx: RuleContext): FormResult<RoleDetails, RoleField> {
  assertToday(ctx);
  const check = checkFields(raw, SCHEMAS);
  const v = check.values;

  if (valid(check, "partTimePossible")) {
    if (!v.partTimePossible) ignore(check, "minDaysPerWeek");
    else if (v.minDaysPerWeek === undefined) {
      fail(check, "minDaysPerWeek", "Enter the fewest days a week the role can be done in");
    }
  }

  requireFuture(check, "startDate", ctx.today, true, "Start date must be today or in the future");

  if (valid(check, "requiredSkills", "requiredSkillsOther") && v.requiredSkills.length + v.requiredSkillsOther.length === 0) {
    fail(check, "requiredSkills", "Select at least one skill the role needs, or enter your own");
  }

  if (valid(check, "gradeMin", "gradeMax") && gradeLevel(v.gradeMin) > gradeLevel(v.gradeMax)) {
    fail(check, "gradeMin", "Lowest grade must be the same as or below highest grade");
  }

  if (valid(check, "hostOrganisation", "durationMonths")) {
    const cap = durationCap(ctx, v.hostOrganisation);
    if (cap !== undefined && v.durationMonths > cap) fail(check, "durationMonths", capMessage("Length", cap));
  }

  if (Object.keys(check.errors).length > 0) return { ok: false, errors: errorsInOrder(check, SCHEMAS) };
  return {
    ok: true,
    value: {
      title: v.title,
      hostOrganisationType: v.hostOrganisationType,
      hostOrganisation: v.hostOrganisation,
      team: v.team,
      purpose: v.purpose,
      deliverables: v.deliverables,
      requiredSkills: { ids: v.requiredSkills, other: v.requiredSkillsOther },
      niceSkills: { ids: v.niceSkills, other: v.niceSkillsOther },
      gradeMin: v.gradeMin,
      gradeMax: v.gradeMax,
      region: v.region,
      town: v.town,
      workArrangements: v.workArrangements,
      secondmentTypes: v.secondmentTypes,
      partTimePossible: v.partTimePossible,
      minDaysPerWeek: v.minDaysPerWeek,
      startDate: v.startDate,
      durationMonths: v.durationMonths,
      clearanceRequired: v.clearanceRequired,
      openings: v.openings,
      notificationChannel: v.notificationChannel,
    },
  };
}

/** The card's input values for editing a saved role; validateRole gives the same details back. */
export function roleToForm(d: RoleDetails): Record<RoleField, string> {
  return {
    title: d.title,
    hostOrganisationType: d.hostOrganisationType,
    hostOrganisation: d.hostOrganisation,
    team: d.team,
    purpose: d.purpose,
    deliverables: d.deliverables,
    requiredSkills: joinChoices(d.requiredSkills.ids),
    requiredSkillsOther: d.requiredSkills.other.join(", "),
    niceSkills: joinChoices(d.niceSkills.ids),
    niceSkillsOther: d.niceSkills.other.join(", "),
    gradeMin: d.gradeMin,
    gradeMax: d.gradeMax,
    region: d.region,
    town: d.town,
    workArrangements: joinChoices(d.workArrangements),
    secondmentTypes: joinChoices(d.secondmentTypes),
    partTimePossible: String(d.partTimePossible),
    minDaysPerWeek: d.minDaysPerWeek === undefined ? "" : String(d.minDaysPerWeek),
    startDate: d.startDate,
    durationMonths: String(d.durationMonths),
    clearanceRequired: d.clearanceRequired,
    openings: String(d.openings),
    notificationChannel: d.notificationChannel,
  };
}
