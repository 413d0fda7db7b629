import { DEFAULT_LANG, t, type Lang } from "../i18n";
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
import { listedSkills, OWN_SKILL_CHOICE, SKILL_IDS, type SkillSet } from "./skills";

export type { FormResult, RuleContext } from "./forms";

/**
 * The Role Matching form a vacancy holder fills in. The field ids are the card's input ids.
 * Each field is checked on its own, then the rules that join fields:
 *
 * - minimum days per week: required when part-time is possible, ignored otherwise → on `minDaysPerWeek`
 * - at least one required skill (chosen or own words) → on `requiredSkills`; "something else"
 *   chosen with no words typed → on `requiredSkillsOther`
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

/** The field schemas with their messages in `lang` (words from the catalogue, "role.…"). */
function schemasIn(lang: Lang) {
  const m = (key: string) => t(lang, key);
  const name = (field: RoleField) => m(`role.name.${field}`);
  const required = (field: RoleField) => m(`role.required.${field}`);
  const invalid = (field: RoleField) => m(`role.invalid.${field}`);
  return {
    title: requiredText({ label: name("title"), max: 120, required: required("title"), lang }),
    hostOrganisationType: choice(choiceIds(ORGANISATION_TYPES), required("hostOrganisationType")),
    hostOrganisation: requiredText({ label: name("hostOrganisation"), max: 120, required: required("hostOrganisation"), lang }),
    team: requiredText({ label: name("team"), max: 120, required: required("team"), lang }),
    purpose: requiredText({ label: name("purpose"), max: 1000, multiline: true, required: required("purpose"), lang }),
    deliverables: requiredText({ label: name("deliverables"), max: 1000, multiline: true, required: required("deliverables"), lang }),
    // The listed skills and "something else" (never stored).
    requiredSkills: choices([...SKILL_IDS, OWN_SKILL_CHOICE] as const, { invalid: invalid("requiredSkills") }),
    requiredSkillsOther: otherSkills(name("requiredSkillsOther"), lang),
    niceSkills: choices(SKILL_IDS, { invalid: invalid("niceSkills") }),
    niceSkillsOther: otherSkills(name("niceSkillsOther"), lang),
    gradeMin: choice(RANGE_GRADE_IDS, required("gradeMin")),
    gradeMax: choice(RANGE_GRADE_IDS, required("gradeMax")),
    region: choice(choiceIds(REGIONS), required("region")),
    town: requiredText({ label: name("town"), max: 80, required: required("town"), lang }),
    workArrangements: choices(choiceIds(WORK_ARRANGEMENTS), { invalid: invalid("workArrangements") }),
    secondmentTypes: choices(choiceIds(SECONDMENT_TYPES), { required: required("secondmentTypes"), invalid: invalid("secondmentTypes") }),
    partTimePossible: toggle(invalid("partTimePossible")),
    minDaysPerWeek: optionalNumber({ label: name("minDaysPerWeek"), min: 1, max: 4.5, whole: false, lang }),
    startDate: requiredDate({ label: name("startDate"), required: required("startDate"), lang }),
    durationMonths: requiredNumber({ label: name("durationMonths"), required: required("durationMonths"), min: 1, max: 60, unit: "months", whole: true, lang }),
    clearanceRequired: choice(choiceIds(CLEARANCE_LEVELS), required("clearanceRequired")),
    openings: requiredNumber({ label: name("openings"), required: required("openings"), min: 1, max: 50, whole: true, lang }),
    notificationChannel: requiredText({ label: name("notificationChannel"), max: 300, required: required("notificationChannel"), lang }),
  } satisfies Record<RoleField, unknown>;
}
type RoleSchemas = ReturnType<typeof schemasIn>;
const SCHEMAS_BY_LANG = new Map<Lang, RoleSchemas>();
/** Built once per language: the schemas never change while running. */
function schemas(lang: Lang): RoleSchemas {
  let s = SCHEMAS_BY_LANG.get(lang);
  if (!s) SCHEMAS_BY_LANG.set(lang, (s = schemasIn(lang)));
  return s;
}

/**
 * Check a submitted form. Never throws on `raw`, whatever it is: anything but an object gives a
 * message for every required field. Throws only on a bad context (ctx.today not a date), or if
 * ctx.durationCapMonths throws.
 */
export function validateRole(raw: unknown, ctx: RuleContext, lang: Lang = DEFAULT_LANG): FormResult<RoleDetails, RoleField> {
  assertToday(ctx);
  const SCHEMAS = schemas(lang);
  const m = (key: string) => t(lang, key);
  const check = checkFields(raw, SCHEMAS, lang);
  const v = check.values;

  if (valid(check, "partTimePossible")) {
    if (!v.partTimePossible) ignore(check, "minDaysPerWeek");
    else if (v.minDaysPerWeek === undefined) {
      fail(check, "minDaysPerWeek", m("role.rule.minDaysPerWeek"));
    }
  }

  requireFuture(check, "startDate", ctx.today, true, m("role.rule.startDatePast"));

  if (valid(check, "requiredSkills", "requiredSkillsOther") && v.requiredSkills.includes(OWN_SKILL_CHOICE) && v.requiredSkillsOther.length === 0) {
    fail(check, "requiredSkillsOther", m("role.rule.requiredSkillsOther"));
  } else if (valid(check, "requiredSkills", "requiredSkillsOther") && listedSkills(v.requiredSkills).length + v.requiredSkillsOther.length === 0) {
    fail(check, "requiredSkills", m("role.rule.requiredSkills"));
  }

  if (valid(check, "gradeMin", "gradeMax") && gradeLevel(v.gradeMin) > gradeLevel(v.gradeMax)) {
    fail(check, "gradeMin", m("role.rule.gradeOrder"));
  }

  if (valid(check, "hostOrganisation", "durationMonths")) {
    const cap = durationCap(ctx, v.hostOrganisation);
    if (cap !== undefined && v.durationMonths > cap) fail(check, "durationMonths", capMessage(m("role.name.durationMonths"), cap, lang));
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
      requiredSkills: { ids: listedSkills(v.requiredSkills), other: v.requiredSkillsOther },
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
    // "Something else" ticked again when own words were saved.
    requiredSkills: joinChoices(d.requiredSkills.other.length ? [...d.requiredSkills.ids, OWN_SKILL_CHOICE] : d.requiredSkills.ids),
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
