import { compareIso } from "./dates";
import { DEFAULT_LANG, formatDate, t, type Lang } from "../i18n";
import {
  assertToday,
  checkFields,
  choice,
  emailAddress,
  errorsInOrder,
  fail,
  ignore,
  optionalAadObjectId,
  optionalEmailAddress,
  optionalDate,
  optionalNumber,
  optionalText,
  requiredDate,
  requiredNumber,
  requiredText,
  requireFuture,
  toggle,
  valid,
  type FormResult,
} from "./forms";
import type { Choice } from "./options";
import { WORKING_PATTERNS, choiceIds } from "./options";
import {
  EXPENSES_ARRANGEMENTS,
  HOW_IT_IS_GOING,
  REPORT_KINDS,
  SALARY_ARRANGEMENTS,
  type AgreementTerms,
  type CheckInAnswer,
  type Report,
  type Review,
} from "./secondment";
import { checkEndDate, earliestEarlyEnd } from "./secondment-dates";

/**
 * The forms of a secondment once both sides want to go ahead: the agreement (plan step 5), a
 * check-in answer, an absence or change report, feedback, an extension, an early end and the
 * review (plan step 7). Field ids are the card's input ids; each field gets at most one message,
 * and a rule that joins fields runs only when those fields are valid on their own.
 */

/**
 * The choice lists of the secondment forms, in display order: ids only. Labels come from the
 * catalogue ("secondment.choice.<list>.<id>"), in the reader's language: see choicesFor.
 */
export const CHOICE_LISTS = {
  salary: ["host-pays", "host-reimburses-home", "home-pays"],
  expenses: ["host", "home"],
  going: ["well", "mixed", "concerns"],
  report: ["absence", "change"],
  recommend: ["yes", "not-sure", "no"],
} as const satisfies Record<string, readonly string[]>;
export type SecondmentChoiceList = keyof typeof CHOICE_LISTS;

/** A choice list with its labels in `lang`. */
export function choicesFor(lang: Lang, list: SecondmentChoiceList): Choice[] {
  return CHOICE_LISTS[list].map((id) => ({ id, label: t(lang, `secondment.choice.${list}.${id}`) }));
}
/** The label of one choice in `lang` (the id itself if the list has no such id). */
export function choiceText(lang: Lang, list: SecondmentChoiceList, id: string): string {
  return (CHOICE_LISTS[list] as readonly string[]).includes(id) ? t(lang, `secondment.choice.${list}.${id}`) : id;
}

export const DEFAULT_CHECK_IN_WEEKS = 4;
export const DEFAULT_NOTICE_WEEKS = 4;

/** What the agreement rules need besides the form. */
export interface AgreementContext {
  today: string;
  /** The longest secondment both organisations allow, in months. */
  capMonths: number;
  fixedTermEnd?: string | undefined;
}

export const AGREEMENT_FIELDS = [
  "startDate",
  "endDate",
  "roleSpecification",
  "hostManagerName",
  "hostManagerEmail",
  "hostManagerId",
  "workingPattern",
  "daysPerWeek",
  "salary",
  "expenses",
  "homeHrContact",
  "hostHrContact",
  "checkInEveryWeeks",
  "noticeWeeks",
] as const;
export type AgreementField = (typeof AGREEMENT_FIELDS)[number];

/**
 * Schemas are built once per language: their messages come from the catalogue
 * ("secondment.form.<form>.<field>.name|required|format", "secondment.rule.…").
 */
function perLang<S>(build: (lang: Lang, m: (key: string) => string) => S): (lang: Lang) => S {
  const made = new Map<Lang, S>();
  return (lang) => {
    let v = made.get(lang);
    if (!v) made.set(lang, (v = build(lang, (key) => t(lang, key))));
    return v;
  };
}

const agreementSchemas = perLang((lang, m) => {
  const name = (f: AgreementField) => m(`secondment.form.agreement.${f}.name`);
  const required = (f: AgreementField) => m(`secondment.form.agreement.${f}.required`);
  return {
    startDate: requiredDate({ label: name("startDate"), required: required("startDate"), lang }),
    endDate: requiredDate({ label: name("endDate"), required: required("endDate"), lang }),
    roleSpecification: requiredText({ label: name("roleSpecification"), max: 2000, multiline: true, required: required("roleSpecification"), lang }),
    hostManagerName: requiredText({ label: name("hostManagerName"), max: 120, required: required("hostManagerName"), lang }),
    hostManagerEmail: optionalEmailAddress({ label: name("hostManagerEmail"), format: m("secondment.form.agreement.hostManagerEmail.format"), lang }),
    hostManagerId: optionalAadObjectId(m("secondment.form.agreement.hostManagerId.invalid")),
    workingPattern: choice(choiceIds(WORKING_PATTERNS), required("workingPattern")),
    daysPerWeek: optionalNumber({ label: name("daysPerWeek"), min: 1, max: 4.5, whole: false, lang }),
    salary: choice(SALARY_ARRANGEMENTS, required("salary")),
    expenses: choice(EXPENSES_ARRANGEMENTS, required("expenses")),
    homeHrContact: emailAddress({ label: name("homeHrContact"), required: required("homeHrContact"), format: m("secondment.form.agreement.homeHrContact.format"), lang }),
    hostHrContact: emailAddress({ label: name("hostHrContact"), required: required("hostHrContact"), format: m("secondment.form.agreement.hostHrContact.format"), lang }),
    checkInEveryWeeks: requiredNumber({ label: name("checkInEveryWeeks"), required: required("checkInEveryWeeks"), min: 1, max: 12, unit: "weeks", whole: true, lang }),
    noticeWeeks: requiredNumber({ label: name("noticeWeeks"), required: required("noticeWeeks"), min: 0, max: 26, unit: "weeks", whole: true, lang }),
  } satisfies Record<AgreementField, unknown>;
});

export function validateAgreement(raw: unknown, ctx: AgreementContext, lang: Lang = DEFAULT_LANG): FormResult<AgreementTerms, AgreementField> {
  assertToday(ctx);
  const SCHEMAS = agreementSchemas(lang);
  const check = checkFields(raw, SCHEMAS, lang);
  const v = check.values;
  requireFuture(check, "startDate", ctx.today, true, t(lang, "secondment.rule.startDatePast"));
  if (valid(check, "workingPattern")) {
    if (v.workingPattern !== "part-time") ignore(check, "daysPerWeek");
    else if (v.daysPerWeek === undefined) fail(check, "daysPerWeek", t(lang, "secondment.rule.daysPerWeek"));
  }
  if (valid(check, "startDate", "endDate")) {
    const r = checkEndDate({ startDate: v.startDate, endDate: v.endDate, capMonths: ctx.capMonths, fixedTermEnd: ctx.fixedTermEnd }, { lang });
    if (!r.ok) fail(check, "endDate", r.message);
  }
  if (Object.keys(check.errors).length > 0) return { ok: false, errors: errorsInOrder(check, SCHEMAS) };
  const terms: AgreementTerms = {
    startDate: v.startDate,
    endDate: v.endDate,
    roleSpecification: v.roleSpecification,
    hostManagerName: v.hostManagerName,
    workingPattern: v.workingPattern,
    salary: v.salary,
    expenses: v.expenses,
    homeHrContact: v.homeHrContact,
    hostHrContact: v.hostHrContact,
    checkInEveryWeeks: v.checkInEveryWeeks,
    noticeWeeks: v.noticeWeeks,
  };
  if (v.hostManagerEmail) terms.hostManagerEmail = v.hostManagerEmail;
  if (v.hostManagerId) terms.hostManagerId = v.hostManagerId;
  if (v.workingPattern === "part-time" && v.daysPerWeek !== undefined) terms.daysPerWeek = v.daysPerWeek;
  return { ok: true, value: terms };
}

/** The card's input values for a stored agreement (or the defaults for a new one). */
export function agreementToForm(t: AgreementTerms | undefined, defaults: Partial<Record<AgreementField, string>> = {}): Record<AgreementField, string> {
  if (!t) {
    return {
      startDate: "",
      endDate: "",
      roleSpecification: "",
      hostManagerName: "",
      hostManagerEmail: "",
      hostManagerId: "",
      workingPattern: "full-time",
      daysPerWeek: "",
      salary: "host-pays",
      expenses: "host",
      homeHrContact: "",
      hostHrContact: "",
      checkInEveryWeeks: String(DEFAULT_CHECK_IN_WEEKS),
      noticeWeeks: String(DEFAULT_NOTICE_WEEKS),
      ...defaults,
    };
  }
  return {
    startDate: t.startDate,
    endDate: t.endDate,
    roleSpecification: t.roleSpecification,
    hostManagerName: t.hostManagerName,
    hostManagerEmail: t.hostManagerEmail ?? "",
    hostManagerId: t.hostManagerId ?? "",
    workingPattern: t.workingPattern,
    daysPerWeek: t.daysPerWeek === undefined ? "" : String(t.daysPerWeek),
    salary: t.salary,
    expenses: t.expenses,
    homeHrContact: t.homeHrContact,
    hostHrContact: t.hostHrContact,
    checkInEveryWeeks: String(t.checkInEveryWeeks),
    noticeWeeks: String(t.noticeWeeks),
  };
}

// ---------------------------------------------------------------------------------------------

export const CHECK_IN_FIELDS = ["going", "issues", "changes", "forReturn"] as const;
export type CheckInField = (typeof CHECK_IN_FIELDS)[number];
const checkInSchemas = perLang((lang, m) => ({
  going: choice(HOW_IT_IS_GOING, m("checkIn.form.going.required")),
  issues: optionalText({ label: m("checkIn.form.issues.name"), max: 1000, multiline: true, lang }),
  changes: optionalText({ label: m("checkIn.form.changes.name"), max: 1000, multiline: true, lang }),
  forReturn: optionalText({ label: m("checkIn.form.forReturn.name"), max: 1000, multiline: true, lang }),
}) satisfies Record<CheckInField, unknown>);

export function validateCheckIn(raw: unknown, lang: Lang = DEFAULT_LANG): FormResult<Omit<CheckInAnswer, "at">, CheckInField> {
  const SCHEMAS = checkInSchemas(lang);
  const check = checkFields(raw, SCHEMAS, lang);
  const v = check.values;
  if (valid(check, "going") && v.going === "concerns" && valid(check, "issues") && !v.issues) {
    fail(check, "issues", t(lang, "checkIn.rule.concerns"));
  }
  if (Object.keys(check.errors).length > 0) return { ok: false, errors: errorsInOrder(check, SCHEMAS) };
  const answer: Omit<CheckInAnswer, "at"> = { going: v.going };
  if (v.issues) answer.issues = v.issues;
  if (v.changes) answer.changes = v.changes;
  if (v.forReturn) answer.forReturn = v.forReturn;
  return { ok: true, value: answer };
}

export const REPORT_FIELDS = ["kind", "from", "to", "details"] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];
const reportSchemas = perLang((lang, m) => ({
  kind: choice(REPORT_KINDS, m("secondmentChanges.form.report.kind.required")),
  from: optionalDate({ label: m("secondmentChanges.form.report.from.name"), lang }),
  to: optionalDate({ label: m("secondmentChanges.form.report.to.name"), lang }),
  details: requiredText({ label: m("secondmentChanges.form.report.details.name"), max: 1000, multiline: true, required: m("secondmentChanges.form.report.details.required"), lang }),
}) satisfies Record<ReportField, unknown>);

export function validateReport(raw: unknown, lang: Lang = DEFAULT_LANG): FormResult<Omit<Report, "id" | "at">, ReportField> {
  const SCHEMAS = reportSchemas(lang);
  const check = checkFields(raw, SCHEMAS, lang);
  const v = check.values;
  if (valid(check, "kind") && v.kind === "absence" && valid(check, "from") && !v.from) fail(check, "from", t(lang, "secondmentChanges.rule.absenceFrom"));
  if (valid(check, "from", "to") && v.from && v.to && compareIso(v.to, v.from) < 0) fail(check, "to", t(lang, "secondmentChanges.rule.toAfterFrom"));
  if (Object.keys(check.errors).length > 0) return { ok: false, errors: errorsInOrder(check, SCHEMAS) };
  const out: Omit<Report, "id" | "at"> = { kind: v.kind, details: v.details };
  if (v.from) out.from = v.from;
  if (v.to) out.to = v.to;
  return { ok: true, value: out };
}

export const FEEDBACK_FIELDS = ["feedback"] as const;
export type FeedbackField = (typeof FEEDBACK_FIELDS)[number];
const feedbackSchemas = perLang((lang, m) => ({
  feedback: requiredText({ label: m("secondment.form.feedback.name"), max: 2000, multiline: true, required: m("secondment.form.feedback.required"), lang }),
}) satisfies Record<FeedbackField, unknown>);

export function validateFeedback(raw: unknown, lang: Lang = DEFAULT_LANG): FormResult<string, FeedbackField> {
  const SCHEMAS = feedbackSchemas(lang);
  const check = checkFields(raw, SCHEMAS, lang);
  if (Object.keys(check.errors).length > 0) return { ok: false, errors: errorsInOrder(check, SCHEMAS) };
  return { ok: true, value: check.values.feedback };
}

export const EXTENSION_FIELDS = ["newEndDate", "reason", "overrideReason"] as const;
export type ExtensionField = (typeof EXTENSION_FIELDS)[number];
const extensionSchemas = perLang((lang, m) => ({
  newEndDate: requiredDate({ label: m("secondmentChanges.form.extension.newEndDate.name"), required: m("secondmentChanges.form.extension.newEndDate.required"), lang }),
  reason: requiredText({ label: m("secondmentChanges.form.extension.reason.name"), max: 1000, multiline: true, required: m("secondmentChanges.form.extension.reason.required"), lang }),
  overrideReason: optionalText({ label: m("secondmentChanges.form.extension.overrideReason.name"), max: 1000, multiline: true, lang }),
}) satisfies Record<ExtensionField, unknown>);

export interface ExtensionContext {
  today: string;
  startDate: string;
  currentEndDate: string;
  capMonths: number;
  fixedTermEnd?: string | undefined;
  /** Only programme-team members may go past the organisations' cap, with a reason. */
  mayOverrideCap: boolean;
}

export function validateExtension(raw: unknown, ctx: ExtensionContext, lang: Lang = DEFAULT_LANG): FormResult<{ newEndDate: string; reason: string; overrideReason?: string }, ExtensionField> {
  assertToday(ctx);
  const SCHEMAS = extensionSchemas(lang);
  const check = checkFields(raw, SCHEMAS, lang);
  const v = check.values;
  if (!ctx.mayOverrideCap) ignore(check, "overrideReason");
  if (valid(check, "newEndDate")) {
    if (compareIso(v.newEndDate, ctx.currentEndDate) <= 0) {
      fail(check, "newEndDate", t(lang, "secondmentChanges.rule.afterCurrentEnd", { date: formatDate(lang, ctx.currentEndDate) }));
    } else {
      const r = checkEndDate({ startDate: ctx.startDate, endDate: v.newEndDate, capMonths: ctx.capMonths, fixedTermEnd: ctx.fixedTermEnd }, { lang, field: "newEnd" });
      if (!r.ok) {
        const overridable = r.rule === "cap" && ctx.mayOverrideCap;
        if (!overridable) fail(check, "newEndDate", r.message);
        else if (valid(check, "overrideReason") && !v.overrideReason) {
          fail(check, "overrideReason", t(lang, "secondmentChanges.rule.overrideReason", { message: r.message }));
        }
      } else ignore(check, "overrideReason");
    }
  }
  if (Object.keys(check.errors).length > 0) return { ok: false, errors: errorsInOrder(check, SCHEMAS) };
  return { ok: true, value: { newEndDate: v.newEndDate, reason: v.reason, ...(v.overrideReason ? { overrideReason: v.overrideReason } : {}) } };
}

export const EARLY_END_FIELDS = ["lastDay", "reason"] as const;
export type EarlyEndField = (typeof EARLY_END_FIELDS)[number];
const earlyEndSchemas = perLang((lang, m) => ({
  lastDay: requiredDate({ label: m("secondmentChanges.form.earlyEnd.lastDay.name"), required: m("secondmentChanges.form.earlyEnd.lastDay.required"), lang }),
  reason: requiredText({ label: m("secondmentChanges.form.earlyEnd.reason.name"), max: 1000, multiline: true, required: m("secondmentChanges.form.earlyEnd.reason.required"), lang }),
}) satisfies Record<EarlyEndField, unknown>);

export interface EarlyEndContext {
  today: string;
  currentEndDate: string;
  noticeWeeks: number;
  /** Before the start, the secondment is called off and no notice applies. */
  started: boolean;
}

export function validateEarlyEnd(raw: unknown, ctx: EarlyEndContext, lang: Lang = DEFAULT_LANG): FormResult<{ lastDay: string; reason: string }, EarlyEndField> {
  assertToday(ctx);
  const SCHEMAS = earlyEndSchemas(lang);
  const check = checkFields(raw, SCHEMAS, lang);
  const v = check.values;
  if (valid(check, "lastDay")) {
    const earliest = ctx.started ? earliestEarlyEnd(ctx.today, ctx.noticeWeeks) : ctx.today;
    if (compareIso(v.lastDay, earliest) < 0) {
      fail(check, "lastDay", ctx.started ? t(lang, "secondmentChanges.rule.notice", { date: formatDate(lang, earliest), weeks: ctx.noticeWeeks }) : t(lang, "secondmentChanges.rule.lastDayPast"));
    } else if (compareIso(v.lastDay, ctx.currentEndDate) >= 0) {
      fail(check, "lastDay", t(lang, "secondmentChanges.rule.beforeCurrentEnd", { date: formatDate(lang, ctx.currentEndDate) }));
    }
  }
  if (Object.keys(check.errors).length > 0) return { ok: false, errors: errorsInOrder(check, SCHEMAS) };
  return { ok: true, value: { lastDay: v.lastDay, reason: v.reason } };
}

export const REVIEW_FIELDS = ["wentWell", "couldImprove", "skillsGained", "recommend", "mayShare", "summary"] as const;
export type ReviewField = (typeof REVIEW_FIELDS)[number];
const reviewSchemas = perLang((lang, m) => {
  const name = (f: ReviewField) => m(`secondment.form.review.${f}.name`);
  const required = (f: ReviewField) => m(`secondment.form.review.${f}.required`);
  return {
    wentWell: requiredText({ label: name("wentWell"), max: 2000, multiline: true, required: required("wentWell"), lang }),
    couldImprove: requiredText({ label: name("couldImprove"), max: 2000, multiline: true, required: required("couldImprove"), lang }),
    skillsGained: requiredText({ label: name("skillsGained"), max: 2000, multiline: true, required: required("skillsGained"), lang }),
    recommend: choice(CHOICE_LISTS.recommend, required("recommend")),
    mayShare: toggle(required("mayShare")),
    summary: optionalText({ label: name("summary"), max: 600, multiline: true, lang }),
  } satisfies Record<ReviewField, unknown>;
});

export function validateReview(raw: unknown, lang: Lang = DEFAULT_LANG): FormResult<Omit<Review, "at">, ReviewField> {
  const SCHEMAS = reviewSchemas(lang);
  const check = checkFields(raw, SCHEMAS, lang);
  const v = check.values;
  if (valid(check, "mayShare")) {
    if (!v.mayShare) ignore(check, "summary");
    else if (valid(check, "summary") && !v.summary) fail(check, "summary", t(lang, "secondment.rule.summary"));
  }
  if (Object.keys(check.errors).length > 0) return { ok: false, errors: errorsInOrder(check, SCHEMAS) };
  const out: Omit<Review, "at"> = { wentWell: v.wentWell, couldImprove: v.couldImprove, skillsGained: v.skillsGained, recommend: v.recommend, mayShare: v.mayShare };
  if (v.mayShare && v.summary) out.summary = v.summary;
  return { ok: true, value: out };
}
