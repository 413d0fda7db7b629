import { compareIso, formatUkDate } from "./dates";
import {
  assertToday,
  checkFields,
  choice,
  emailAddress,
  errorsInOrder,
  fail,
  ignore,
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

export const SALARY_CHOICES = [
  // The programme's facts: "Usually the host organisation pays your salary" (seven-step plan, step 5).
  { id: "host-pays", label: "The host pays the salary (usual)" },
  { id: "host-reimburses-home", label: "The home organisation pays the salary and the host pays it back" },
  { id: "home-pays", label: "The home organisation pays, and the host does not pay it back" },
] as const satisfies readonly Choice[];
export const EXPENSES_CHOICES = [
  { id: "host", label: "The host (usual)" },
  { id: "home", label: "The home organisation" },
] as const satisfies readonly Choice[];
export const GOING_CHOICES = [
  { id: "well", label: "Going well" },
  { id: "mixed", label: "Some things to sort out" },
  { id: "concerns", label: "I have concerns" },
] as const satisfies readonly Choice[];
export const REPORT_CHOICES = [
  { id: "absence", label: "An absence (for example sick leave)" },
  { id: "change", label: "A change of circumstances" },
] as const satisfies readonly Choice[];
export const RECOMMEND_CHOICES = [
  { id: "yes", label: "Yes" },
  { id: "not-sure", label: "Not sure" },
  { id: "no", label: "No" },
] as const satisfies readonly Choice[];

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

const AGREEMENT_SCHEMAS = {
  startDate: requiredDate({ label: "Start date", required: "Enter the start date" }),
  endDate: requiredDate({ label: "End date", required: "Enter the end date" }),
  roleSpecification: requiredText({ label: "Role specification", max: 2000, multiline: true, required: "Describe the role and what the secondee will do" }),
  hostManagerName: requiredText({ label: "Host line manager", max: 120, required: "Enter the name of the secondee's line manager at the host" }),
  hostManagerEmail: optionalEmailAddress({ label: "Host line manager's email", format: "Enter the host line manager's email address in the correct format, like name@example.gov.uk" }),
  workingPattern: choice(choiceIds(WORKING_PATTERNS), "Select the working pattern"),
  daysPerWeek: optionalNumber({ label: "Days per week", min: 1, max: 4.5, whole: false }),
  salary: choice(SALARY_ARRANGEMENTS, "Select who pays the salary"),
  expenses: choice(EXPENSES_ARRANGEMENTS, "Select who pays expenses for travel on the job"),
  homeHrContact: emailAddress({ label: "HR contact at the home organisation", required: "Enter the email address of an HR contact at the home organisation", format: "Enter the home HR contact's email address in the correct format, like name@example.gov.uk" }),
  hostHrContact: emailAddress({ label: "HR contact at the host", required: "Enter the email address of an HR contact at the host", format: "Enter the host HR contact's email address in the correct format, like name@example.gov.uk" }),
  checkInEveryWeeks: requiredNumber({ label: "Keeping in touch", required: "Enter how often the keeping in touch check-ins happen, in weeks", min: 1, max: 12, unit: "weeks", whole: true }),
  noticeWeeks: requiredNumber({ label: "Notice period", required: "Enter the notice period for ending early, in weeks", min: 0, max: 26, unit: "weeks", whole: true }),
} satisfies Record<AgreementField, unknown>;

export function validateAgreement(raw: unknown, ctx: AgreementContext): FormResult<AgreementTerms, AgreementField> {
  assertToday(ctx);
  const check = checkFields(raw, AGREEMENT_SCHEMAS);
  const v = check.values;
  requireFuture(check, "startDate", ctx.today, true, "Start date must be today or in the future");
  if (valid(check, "workingPattern")) {
    if (v.workingPattern !== "part-time") ignore(check, "daysPerWeek");
    else if (v.daysPerWeek === undefined) fail(check, "daysPerWeek", "Enter how many days a week the secondee will work");
  }
  if (valid(check, "startDate", "endDate")) {
    const r = checkEndDate({ startDate: v.startDate, endDate: v.endDate, capMonths: ctx.capMonths, fixedTermEnd: ctx.fixedTermEnd });
    if (!r.ok) fail(check, "endDate", r.message);
  }
  if (Object.keys(check.errors).length > 0) return { ok: false, errors: errorsInOrder(check, AGREEMENT_SCHEMAS) };
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
const CHECK_IN_SCHEMAS = {
  going: choice(HOW_IT_IS_GOING, "Select how the secondment is going"),
  issues: optionalText({ label: "Issues", max: 1000, multiline: true }),
  changes: optionalText({ label: "Changes or absences", max: 1000, multiline: true }),
  forReturn: optionalText({ label: "Anything relevant to the return", max: 1000, multiline: true }),
} satisfies Record<CheckInField, unknown>;

export function validateCheckIn(raw: unknown): FormResult<Omit<CheckInAnswer, "at">, CheckInField> {
  const check = checkFields(raw, CHECK_IN_SCHEMAS);
  const v = check.values;
  if (valid(check, "going") && v.going === "concerns" && valid(check, "issues") && !v.issues) {
    fail(check, "issues", "Tell us what the concerns are, so they can be dealt with");
  }
  if (Object.keys(check.errors).length > 0) return { ok: false, errors: errorsInOrder(check, CHECK_IN_SCHEMAS) };
  const answer: Omit<CheckInAnswer, "at"> = { going: v.going };
  if (v.issues) answer.issues = v.issues;
  if (v.changes) answer.changes = v.changes;
  if (v.forReturn) answer.forReturn = v.forReturn;
  return { ok: true, value: answer };
}

export const REPORT_FIELDS = ["kind", "from", "to", "details"] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];
const REPORT_SCHEMAS = {
  kind: choice(REPORT_KINDS, "Select what you are reporting"),
  from: optionalDate({ label: "First day" }),
  to: optionalDate({ label: "Last day" }),
  details: requiredText({ label: "Details", max: 1000, multiline: true, required: "Tell us what has happened or changed" }),
} satisfies Record<ReportField, unknown>;

export function validateReport(raw: unknown): FormResult<Omit<Report, "id" | "at">, ReportField> {
  const check = checkFields(raw, REPORT_SCHEMAS);
  const v = check.values;
  if (valid(check, "kind") && v.kind === "absence" && valid(check, "from") && !v.from) fail(check, "from", "Enter the first day of the absence");
  if (valid(check, "from", "to") && v.from && v.to && compareIso(v.to, v.from) < 0) fail(check, "to", "Last day must be the same as or after the first day");
  if (Object.keys(check.errors).length > 0) return { ok: false, errors: errorsInOrder(check, REPORT_SCHEMAS) };
  const out: Omit<Report, "id" | "at"> = { kind: v.kind, details: v.details };
  if (v.from) out.from = v.from;
  if (v.to) out.to = v.to;
  return { ok: true, value: out };
}

export const FEEDBACK_FIELDS = ["feedback"] as const;
export type FeedbackField = (typeof FEEDBACK_FIELDS)[number];
const FEEDBACK_SCHEMAS = {
  feedback: requiredText({ label: "Feedback", max: 2000, multiline: true, required: "Enter your feedback" }),
} satisfies Record<FeedbackField, unknown>;

export function validateFeedback(raw: unknown): FormResult<string, FeedbackField> {
  const check = checkFields(raw, FEEDBACK_SCHEMAS);
  if (Object.keys(check.errors).length > 0) return { ok: false, errors: errorsInOrder(check, FEEDBACK_SCHEMAS) };
  return { ok: true, value: check.values.feedback };
}

export const EXTENSION_FIELDS = ["newEndDate", "reason", "overrideReason"] as const;
export type ExtensionField = (typeof EXTENSION_FIELDS)[number];
const EXTENSION_SCHEMAS = {
  newEndDate: requiredDate({ label: "New end date", required: "Enter the new end date" }),
  reason: requiredText({ label: "Reason", max: 1000, multiline: true, required: "Enter why the secondment should be extended" }),
  overrideReason: optionalText({ label: "Reason for going past the limit", max: 1000, multiline: true }),
} satisfies Record<ExtensionField, unknown>;

export interface ExtensionContext {
  today: string;
  startDate: string;
  currentEndDate: string;
  capMonths: number;
  fixedTermEnd?: string | undefined;
  /** Only programme-team members may go past the organisations' cap, with a reason. */
  mayOverrideCap: boolean;
}

export function validateExtension(raw: unknown, ctx: ExtensionContext): FormResult<{ newEndDate: string; reason: string; overrideReason?: string }, ExtensionField> {
  assertToday(ctx);
  const check = checkFields(raw, EXTENSION_SCHEMAS);
  const v = check.values;
  if (!ctx.mayOverrideCap) ignore(check, "overrideReason");
  if (valid(check, "newEndDate")) {
    if (compareIso(v.newEndDate, ctx.currentEndDate) <= 0) {
      fail(check, "newEndDate", `New end date must be after the current end date, ${formatUkDate(ctx.currentEndDate)}`);
    } else {
      const r = checkEndDate({ startDate: ctx.startDate, endDate: v.newEndDate, capMonths: ctx.capMonths, fixedTermEnd: ctx.fixedTermEnd });
      if (!r.ok) {
        const overridable = r.rule === "cap" && ctx.mayOverrideCap;
        if (!overridable) fail(check, "newEndDate", r.message.replace(/^End date/, "New end date"));
        else if (valid(check, "overrideReason") && !v.overrideReason) {
          fail(check, "overrideReason", `${r.message.replace(/^End date/, "New end date")} To allow it anyway, enter the reason`);
        }
      } else ignore(check, "overrideReason");
    }
  }
  if (Object.keys(check.errors).length > 0) return { ok: false, errors: errorsInOrder(check, EXTENSION_SCHEMAS) };
  return { ok: true, value: { newEndDate: v.newEndDate, reason: v.reason, ...(v.overrideReason ? { overrideReason: v.overrideReason } : {}) } };
}

export const EARLY_END_FIELDS = ["lastDay", "reason"] as const;
export type EarlyEndField = (typeof EARLY_END_FIELDS)[number];
const EARLY_END_SCHEMAS = {
  lastDay: requiredDate({ label: "Last day", required: "Enter the last day of the secondment" }),
  reason: requiredText({ label: "Reason", max: 1000, multiline: true, required: "Enter why the secondment is ending early" }),
} satisfies Record<EarlyEndField, unknown>;

export interface EarlyEndContext {
  today: string;
  currentEndDate: string;
  noticeWeeks: number;
  /** Before the start, the secondment is called off and no notice applies. */
  started: boolean;
}

export function validateEarlyEnd(raw: unknown, ctx: EarlyEndContext): FormResult<{ lastDay: string; reason: string }, EarlyEndField> {
  assertToday(ctx);
  const check = checkFields(raw, EARLY_END_SCHEMAS);
  const v = check.values;
  if (valid(check, "lastDay")) {
    const earliest = ctx.started ? earliestEarlyEnd(ctx.today, ctx.noticeWeeks) : ctx.today;
    if (compareIso(v.lastDay, earliest) < 0) {
      fail(check, "lastDay", ctx.started ? `Last day must be on or after ${formatUkDate(earliest)}, to give the agreed notice of ${ctx.noticeWeeks} ${ctx.noticeWeeks === 1 ? "week" : "weeks"}` : "Last day cannot be in the past");
    } else if (compareIso(v.lastDay, ctx.currentEndDate) >= 0) {
      fail(check, "lastDay", `Last day must be before the current end date, ${formatUkDate(ctx.currentEndDate)}`);
    }
  }
  if (Object.keys(check.errors).length > 0) return { ok: false, errors: errorsInOrder(check, EARLY_END_SCHEMAS) };
  return { ok: true, value: { lastDay: v.lastDay, reason: v.reason } };
}

export const REVIEW_FIELDS = ["wentWell", "couldImprove", "skillsGained", "recommend", "mayShare", "summary"] as const;
export type ReviewField = (typeof REVIEW_FIELDS)[number];
const REVIEW_SCHEMAS = {
  wentWell: requiredText({ label: "What went well", max: 2000, multiline: true, required: "Tell us what went well" }),
  couldImprove: requiredText({ label: "What could be better", max: 2000, multiline: true, required: "Tell us what could have been better" }),
  skillsGained: requiredText({ label: "Skills gained", max: 2000, multiline: true, required: "Tell us the skills and experience you gained" }),
  recommend: choice(["yes", "no", "not-sure"] as const, "Select whether you would recommend a secondment"),
  mayShare: toggle("Select whether we may share a short summary"),
  summary: optionalText({ label: "Short summary to share", max: 600, multiline: true }),
} satisfies Record<ReviewField, unknown>;

export function validateReview(raw: unknown): FormResult<Omit<Review, "at">, ReviewField> {
  const check = checkFields(raw, REVIEW_SCHEMAS);
  const v = check.values;
  if (valid(check, "mayShare")) {
    if (!v.mayShare) ignore(check, "summary");
    else if (valid(check, "summary") && !v.summary) fail(check, "summary", "Write the short summary we may share, or say we may not share one");
  }
  if (Object.keys(check.errors).length > 0) return { ok: false, errors: errorsInOrder(check, REVIEW_SCHEMAS) };
  const out: Omit<Review, "at"> = { wentWell: v.wentWell, couldImprove: v.couldImprove, skillsGained: v.skillsGained, recommend: v.recommend, mayShare: v.mayShare };
  if (v.mayShare && v.summary) out.summary = v.summary;
  return { ok: true, value: out };
}
