import { addMonths, compareIso, formatUkDate } from "./dates";
import {
  assertToday,
  capMessage,
  checkFields,
  choice,
  choices,
  durationCap,
  errorsInOrder,
  emailAddress,
  fail,
  ignore,
  joinChoices,
  optionalAadObjectId,
  optionalDate,
  optionalEmailAddress,
  optionalNumber,
  optionalText,
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
import { GRADE_IDS, isOtherGrade, type GradeId } from "./grades";
import {
  choiceIds,
  CLEARANCE_LEVELS,
  CONTRACT_TYPES,
  LANGUAGES,
  ORGANISATION_TYPES,
  REGIONS,
  SECONDMENT_TYPES,
  WORK_ARRANGEMENTS,
  WORKING_PATTERNS,
  type ClearanceId,
  type ContractTypeId,
  type LanguageId,
  type OrganisationTypeId,
  type RegionId,
  type SecondmentTypeId,
  type WorkArrangementId,
  type WorkingPatternId,
} from "./options";
import { SKILL_IDS, type SkillSet } from "./skills";

export type { FormResult, RuleContext } from "./forms";

/**
 * The Expression of Interest form a would-be secondee fills in. The field ids are the card's
 * input ids. Each field is checked on its own, then the rules that join fields:
 *
 * - days per week: required when part-time, ignored when full-time → on `daysPerWeek`
 * - contract end date: required when fixed-term, ignored when permanent → on `fixedTermEnd`
 * - at least one skill offered (chosen or own words) → on `skillsOffered`
 * - at least one skill to develop → on `skillsToDevelop`
 * - shortest duration no longer than longest → on `longestDurationMonths`
 * - longest duration within the organisation's cap (ctx.durationCapMonths) → on `longestDurationMonths`
 * - fixed-term: available from + shortest duration must end on or before the contract end → on
 *   `shortestDurationMonths` (the duration is what the person is most likely to change)
 * - line manager: picked from the directory or an email address, at least one → on `lineManagerId`
 *
 * A rule runs only when the fields it depends on are valid on their own, so each field gets at
 * most one message and every field's first mistake is reported at once.
 */
export const INTEREST_FIELDS = [
  "fullName",
  "email",
  "organisationType",
  "organisationName",
  "profession",
  "grade",
  "gradeDetails",
  "region",
  "town",
  "workArrangements",
  "skillsOffered",
  "skillsOfferedOther",
  "skillsToDevelop",
  "skillsToDevelopOther",
  "secondmentTypes",
  "workingPattern",
  "daysPerWeek",
  "patternDetails",
  "availableFrom",
  "shortestDurationMonths",
  "longestDurationMonths",
  "contractType",
  "fixedTermEnd",
  "clearance",
  "adjustments",
  "language",
  "lineManagerId",
  "lineManagerEmail",
  "permissionConfirmed",
] as const;
export type InterestField = (typeof INTEREST_FIELDS)[number];

export interface InterestDetails {
  fullName: string;
  email: string;
  organisationType: OrganisationTypeId;
  organisationName: string;
  profession: string;
  grade: GradeId;
  /** With an "Other grade, closest to …" choice: the grade in the person's own words. */
  gradeDetails?: string;
  region: RegionId;
  town: string;
  workArrangements: WorkArrangementId[];
  skillsOffered: SkillSet;
  skillsToDevelop: SkillSet;
  secondmentTypes: SecondmentTypeId[];
  workingPattern: WorkingPatternId;
  /** Set only when part-time. */
  daysPerWeek: number | undefined;
  patternDetails: string | undefined;
  availableFrom: string;
  shortestDurationMonths: number;
  longestDurationMonths: number;
  contractType: ContractTypeId;
  /** Set only when fixed-term. */
  fixedTermEnd: string | undefined;
  clearance: ClearanceId;
  /** Sensitive: reasonable adjustments the person asks for. Share only with those who need it. */
  adjustments: string | undefined;
  language: LanguageId;
  lineManagerId: string | undefined;
  lineManagerEmail: string | undefined;
  permissionConfirmed: true;
}

const DURATION = { min: 1, max: 60, unit: "months", whole: true } as const;
const DAYS = { min: 1, max: 4.5, whole: false } as const;

const PERMISSION = "Confirm that you have asked your line manager's permission to take part";

const SCHEMAS = {
  fullName: requiredText({ label: "Full name", max: 100, required: "Enter your full name" }),
  email: emailAddress({
    label: "Email address",
    required: "Enter your email address",
    format: "Enter an email address in the correct format, like name@example.com",
  }),
  organisationType: choice(choiceIds(ORGANISATION_TYPES), "Select the type of organisation you work for"),
  organisationName: requiredText({ label: "Organisation name", max: 120, required: "Enter your organisation name" }),
  profession: requiredText({ label: "Profession", max: 100, required: "Enter your profession" }),
  grade: choice(GRADE_IDS, "Select your grade"),
  gradeDetails: optionalText({ label: "Your grade", max: 100 }),
  region: choice(choiceIds(REGIONS), "Select the region you work in"),
  town: requiredText({ label: "Town or city", max: 80, required: "Enter the town or city you work in" }),
  workArrangements: choices(choiceIds(WORK_ARRANGEMENTS), { invalid: "Select work arrangements from the list" }),
  skillsOffered: choices(SKILL_IDS, { invalid: "Select skills you can offer from the list" }),
  skillsOfferedOther: otherSkills("Other skills you can offer"),
  skillsToDevelop: choices(SKILL_IDS, { invalid: "Select skills you want to develop from the list" }),
  skillsToDevelopOther: otherSkills("Other skills you want to develop"),
  secondmentTypes: choices(choiceIds(SECONDMENT_TYPES), {
    required: "Select at least one type of secondment",
    invalid: "Select types of secondment from the list",
  }),
  workingPattern: choice(choiceIds(WORKING_PATTERNS), "Select whether you work full-time or part-time"),
  daysPerWeek: optionalNumber({ label: "Days per week", ...DAYS }),
  patternDetails: optionalText({ label: "Your preferred arrangement", max: 300, multiline: true }),
  availableFrom: requiredDate({ label: "Available from", required: "Enter the date you are available from" }),
  shortestDurationMonths: requiredNumber({
    label: "Shortest secondment",
    required: "Enter the shortest secondment you would consider, in months",
    ...DURATION,
  }),
  longestDurationMonths: requiredNumber({
    label: "Longest secondment",
    required: "Enter the longest secondment you would consider, in months",
    ...DURATION,
  }),
  contractType: choice(choiceIds(CONTRACT_TYPES), "Select whether your contract is permanent or fixed-term"),
  fixedTermEnd: optionalDate({ label: "Contract end date" }),
  clearance: choice(choiceIds(CLEARANCE_LEVELS), "Select the security clearance you hold"),
  adjustments: optionalText({ label: "Adjustments", max: 1000, multiline: true }),
  language: choice(choiceIds(LANGUAGES), "Select the language you would like us to use"),
  lineManagerId: optionalAadObjectId("Choose your line manager from the list"),
  lineManagerEmail: optionalEmailAddress({
    label: "Line manager's email address",
    format: "Enter your line manager's email address in the correct format, like name@example.com",
  }),
  permissionConfirmed: toggle(PERMISSION).refine((b) => b, { message: PERMISSION }),
} satisfies Record<InterestField, unknown>;

/**
 * Check a submitted form. Never throws on `raw`, whatever it is: anything but an object gives a
 * message for every required field. Throws only on a bad context (ctx.today not a date), or if
 * ctx.durationCapMonths throws.
 */
export function validateInterest(raw: unknown, ctx: RuleContext): FormResult<InterestDetails, InterestField> {
  assertToday(ctx);
  const check = checkFields(raw, SCHEMAS);
  const v = check.values;

  // Fields that apply only with some answers.
  if (valid(check, "workingPattern")) {
    if (v.workingPattern === "full-time") ignore(check, "daysPerWeek");
    else if (v.daysPerWeek === undefined) fail(check, "daysPerWeek", "Enter how many days a week you could work on a secondment");
  }
  if (valid(check, "contractType")) {
    if (v.contractType === "permanent") ignore(check, "fixedTermEnd");
    else if (v.fixedTermEnd === undefined) fail(check, "fixedTermEnd", "Enter the date your contract ends");
  }

  if (valid(check, "grade")) {
    if (!isOtherGrade(v.grade)) ignore(check, "gradeDetails");
    else if (v.gradeDetails === undefined) fail(check, "gradeDetails", "Enter your grade as your organisation names it, for example Band 5 at a housing charity");
  }

  // Dates against today.
  requireFuture(check, "availableFrom", ctx.today, true, "Available from must be today or in the future");
  requireFuture(check, "fixedTermEnd", ctx.today, false, "Contract end date must be in the future");

  if (valid(check, "skillsOffered", "skillsOfferedOther") && v.skillsOffered.length + v.skillsOfferedOther.length === 0) {
    fail(check, "skillsOffered", "Select at least one skill you can offer, or enter your own");
  }
  if (valid(check, "skillsToDevelop", "skillsToDevelopOther") && v.skillsToDevelop.length + v.skillsToDevelopOther.length === 0) {
    fail(check, "skillsToDevelop", "Select at least one skill you want to develop, or enter your own");
  }

  if (valid(check, "shortestDurationMonths", "longestDurationMonths") && v.shortestDurationMonths > v.longestDurationMonths) {
    fail(check, "longestDurationMonths", "Longest secondment must be the same as or longer than the shortest secondment");
  }
  if (valid(check, "organisationName", "longestDurationMonths")) {
    const cap = durationCap(ctx, v.organisationName);
    if (cap !== undefined && v.longestDurationMonths > cap) fail(check, "longestDurationMonths", capMessage("Longest secondment", cap));
  }

  if (
    valid(check, "contractType", "fixedTermEnd", "availableFrom", "shortestDurationMonths") &&
    v.contractType === "fixed-term" &&
    v.fixedTermEnd !== undefined
  ) {
    const ends = addMonths(v.availableFrom, v.shortestDurationMonths);
    if (compareIso(ends, v.fixedTermEnd) > 0) {
      fail(
        check,
        "shortestDurationMonths",
        `Your contract ends on ${formatUkDate(v.fixedTermEnd)}, so a secondment must end by then. ` +
          "Choose an earlier start date or a shorter duration.",
      );
    }
  }

  if (valid(check, "lineManagerId", "lineManagerEmail") && v.lineManagerId === undefined && v.lineManagerEmail === undefined) {
    fail(check, "lineManagerId", "Choose your line manager or enter their email address");
  }

  if (Object.keys(check.errors).length > 0) return { ok: false, errors: errorsInOrder(check, SCHEMAS) };
  return {
    ok: true,
    value: {
      fullName: v.fullName,
      email: v.email,
      organisationType: v.organisationType,
      organisationName: v.organisationName,
      profession: v.profession,
      grade: v.grade,
      ...(v.gradeDetails !== undefined ? { gradeDetails: v.gradeDetails } : {}),
      region: v.region,
      town: v.town,
      workArrangements: v.workArrangements,
      skillsOffered: { ids: v.skillsOffered, other: v.skillsOfferedOther },
      skillsToDevelop: { ids: v.skillsToDevelop, other: v.skillsToDevelopOther },
      secondmentTypes: v.secondmentTypes,
      workingPattern: v.workingPattern,
      daysPerWeek: v.daysPerWeek,
      patternDetails: v.patternDetails,
      availableFrom: v.availableFrom,
      shortestDurationMonths: v.shortestDurationMonths,
      longestDurationMonths: v.longestDurationMonths,
      contractType: v.contractType,
      fixedTermEnd: v.fixedTermEnd,
      clearance: v.clearance,
      adjustments: v.adjustments,
      language: v.language,
      lineManagerId: v.lineManagerId,
      lineManagerEmail: v.lineManagerEmail,
      permissionConfirmed: true,
    },
  };
}

/** The card's input values for editing saved details; validateInterest gives the same details back. */
export function interestToForm(d: InterestDetails): Record<InterestField, string> {
  const opt = (s: string | undefined) => s ?? "";
  return {
    fullName: d.fullName,
    email: d.email,
    organisationType: d.organisationType,
    organisationName: d.organisationName,
    profession: d.profession,
    grade: d.grade,
    gradeDetails: opt(d.gradeDetails),
    region: d.region,
    town: d.town,
    workArrangements: joinChoices(d.workArrangements),
    skillsOffered: joinChoices(d.skillsOffered.ids),
    skillsOfferedOther: d.skillsOffered.other.join(", "),
    skillsToDevelop: joinChoices(d.skillsToDevelop.ids),
    skillsToDevelopOther: d.skillsToDevelop.other.join(", "),
    secondmentTypes: joinChoices(d.secondmentTypes),
    workingPattern: d.workingPattern,
    daysPerWeek: d.daysPerWeek === undefined ? "" : String(d.daysPerWeek),
    patternDetails: opt(d.patternDetails),
    availableFrom: d.availableFrom,
    shortestDurationMonths: String(d.shortestDurationMonths),
    longestDurationMonths: String(d.longestDurationMonths),
    contractType: d.contractType,
    fixedTermEnd: opt(d.fixedTermEnd),
    clearance: d.clearance,
    adjustments: opt(d.adjustments),
    language: d.language,
    lineManagerId: opt(d.lineManagerId),
    lineManagerEmail: opt(d.lineManagerEmail),
    permissionConfirmed: "true",
  };
}
