import { DEFAULT_LANG, formatDate, t, type Lang, type MessageValues } from "../i18n";
import { addMonths, compareIso } from "./dates";
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
import { listedSkills, OWN_SKILL_CHOICE, SKILL_IDS, type SkillSet } from "./skills";

export type { FormResult, RuleContext } from "./forms";

/**
 * The Expression of Interest form a would-be secondee fills in. The field ids are the card's
 * input ids. Each field is checked on its own, then the rules that join fields:
 *
 * - days per week: required when part-time, ignored when full-time → on `daysPerWeek`
 * - contract end date: required when fixed-term, ignored when permanent → on `fixedTermEnd`
 * - at least one skill offered (chosen or own words) → on `skillsOffered`; "something else"
 *   chosen with no words typed → on `skillsOfferedOther`
 * - the same for skills to develop → on `skillsToDevelop` / `skillsToDevelopOther`
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

/** The skills a card may send: the listed ones and "something else" (never stored). */
const SKILL_CHOICES = [...SKILL_IDS, OWN_SKILL_CHOICE] as const;

/** The field schemas with their messages in `lang` (words from the catalogue, "interest.…"). */
function schemasIn(lang: Lang) {
  const m = (key: string) => t(lang, key);
  const name = (field: InterestField) => m(`interest.name.${field}`);
  const required = (field: InterestField) => m(`interest.required.${field}`);
  const invalid = (field: InterestField) => m(`interest.invalid.${field}`);
  return {
    fullName: requiredText({ label: name("fullName"), max: 100, required: required("fullName"), lang }),
    email: emailAddress({ label: name("email"), required: required("email"), format: m("interest.format.email"), lang }),
    organisationType: choice(choiceIds(ORGANISATION_TYPES), required("organisationType")),
    organisationName: requiredText({ label: name("organisationName"), max: 120, required: required("organisationName"), lang }),
    profession: requiredText({ label: name("profession"), max: 100, required: required("profession"), lang }),
    grade: choice(GRADE_IDS, required("grade")),
    gradeDetails: optionalText({ label: name("gradeDetails"), max: 100, lang }),
    region: choice(choiceIds(REGIONS), required("region")),
    town: requiredText({ label: name("town"), max: 80, required: required("town"), lang }),
    workArrangements: choices(choiceIds(WORK_ARRANGEMENTS), { invalid: invalid("workArrangements") }),
    skillsOffered: choices(SKILL_CHOICES, { invalid: invalid("skillsOffered") }),
    skillsOfferedOther: otherSkills(m("interest.label.skillsOfferedOther"), lang),
    skillsToDevelop: choices(SKILL_CHOICES, { invalid: invalid("skillsToDevelop") }),
    skillsToDevelopOther: otherSkills(m("interest.label.skillsToDevelopOther"), lang),
    secondmentTypes: choices(choiceIds(SECONDMENT_TYPES), { required: required("secondmentTypes"), invalid: invalid("secondmentTypes") }),
    workingPattern: choice(choiceIds(WORKING_PATTERNS), required("workingPattern")),
    daysPerWeek: optionalNumber({ label: name("daysPerWeek"), ...DAYS, lang }),
    patternDetails: optionalText({ label: name("patternDetails"), max: 300, multiline: true, lang }),
    availableFrom: requiredDate({ label: name("availableFrom"), required: required("availableFrom"), lang }),
    shortestDurationMonths: requiredNumber({ label: name("shortestDurationMonths"), required: required("shortestDurationMonths"), ...DURATION, lang }),
    longestDurationMonths: requiredNumber({ label: name("longestDurationMonths"), required: required("longestDurationMonths"), ...DURATION, lang }),
    contractType: choice(choiceIds(CONTRACT_TYPES), required("contractType")),
    fixedTermEnd: optionalDate({ label: name("fixedTermEnd"), lang }),
    clearance: choice(choiceIds(CLEARANCE_LEVELS), required("clearance")),
    adjustments: optionalText({ label: name("adjustments"), max: 1000, multiline: true, lang }),
    language: choice(choiceIds(LANGUAGES), required("language")),
    lineManagerId: optionalAadObjectId(invalid("lineManagerId")),
    lineManagerEmail: optionalEmailAddress({ label: name("lineManagerEmail"), format: m("interest.format.lineManagerEmail"), lang }),
    permissionConfirmed: toggle(required("permissionConfirmed")).refine((b) => b, { message: required("permissionConfirmed") }),
  } satisfies Record<InterestField, unknown>;
}
type InterestSchemas = ReturnType<typeof schemasIn>;
const SCHEMAS_BY_LANG = new Map<Lang, InterestSchemas>();
/** Built once per language: the schemas never change while running. */
function schemas(lang: Lang): InterestSchemas {
  let s = SCHEMAS_BY_LANG.get(lang);
  if (!s) SCHEMAS_BY_LANG.set(lang, (s = schemasIn(lang)));
  return s;
}

/**
 * Check a submitted form. Never throws on `raw`, whatever it is: anything but an object gives a
 * message for every required field. Throws only on a bad context (ctx.today not a date), or if
 * ctx.durationCapMonths throws.
 */
export function validateInterest(raw: unknown, ctx: RuleContext, lang: Lang = DEFAULT_LANG): FormResult<InterestDetails, InterestField> {
  assertToday(ctx);
  const SCHEMAS = schemas(lang);
  const m = (key: string, values?: MessageValues) => t(lang, key, values);
  const check = checkFields(raw, SCHEMAS, lang);
  const v = check.values;

  // Fields that apply only with some answers.
  if (valid(check, "workingPattern")) {
    if (v.workingPattern === "full-time") ignore(check, "daysPerWeek");
    else if (v.daysPerWeek === undefined) fail(check, "daysPerWeek", m("interest.rule.daysPerWeek"));
  }
  if (valid(check, "contractType")) {
    if (v.contractType === "permanent") ignore(check, "fixedTermEnd");
    else if (v.fixedTermEnd === undefined) fail(check, "fixedTermEnd", m("interest.rule.fixedTermEnd"));
  }

  if (valid(check, "grade")) {
    if (!isOtherGrade(v.grade)) ignore(check, "gradeDetails");
    else if (v.gradeDetails === undefined) fail(check, "gradeDetails", m("interest.rule.gradeDetails"));
  }

  // Dates against today.
  requireFuture(check, "availableFrom", ctx.today, true, m("interest.rule.availableFromPast"));
  requireFuture(check, "fixedTermEnd", ctx.today, false, m("interest.rule.fixedTermEndPast"));

  for (const [listed, own] of [
    ["skillsOffered", "skillsOfferedOther"],
    ["skillsToDevelop", "skillsToDevelopOther"],
  ] as const) {
    if (!valid(check, listed, own)) continue;
    if (v[listed].includes(OWN_SKILL_CHOICE) && v[own].length === 0) fail(check, own, m(`interest.rule.${own}`));
    else if (listedSkills(v[listed]).length + v[own].length === 0) fail(check, listed, m(`interest.rule.${listed}`));
  }

  if (valid(check, "shortestDurationMonths", "longestDurationMonths") && v.shortestDurationMonths > v.longestDurationMonths) {
    fail(check, "longestDurationMonths", m("interest.rule.longerThanShortest"));
  }
  if (valid(check, "organisationName", "longestDurationMonths")) {
    const cap = durationCap(ctx, v.organisationName);
    if (cap !== undefined && v.longestDurationMonths > cap) fail(check, "longestDurationMonths", capMessage(m("interest.name.longestDurationMonths"), cap, lang));
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
        m("interest.rule.contractEnds", { date: formatDate(lang, v.fixedTermEnd) }),
      );
    }
  }

  if (valid(check, "lineManagerId", "lineManagerEmail") && v.lineManagerId === undefined && v.lineManagerEmail === undefined) {
    fail(check, "lineManagerId", m("interest.rule.lineManager"));
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
      skillsOffered: { ids: listedSkills(v.skillsOffered), other: v.skillsOfferedOther },
      skillsToDevelop: { ids: listedSkills(v.skillsToDevelop), other: v.skillsToDevelopOther },
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

/** The skills ticked on the card: those chosen, and "something else" when there are own words. */
function skillChoices(sk: SkillSet): string {
  return joinChoices(sk.other.length ? [...sk.ids, OWN_SKILL_CHOICE] : sk.ids);
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
    skillsOffered: skillChoices(d.skillsOffered),
    skillsOfferedOther: d.skillsOffered.other.join(", "),
    skillsToDevelop: skillChoices(d.skillsToDevelop),
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
