import { VERBS } from "../../cards";
import { choicesFor } from "../../src/domain/agreement";
import { choicesIn, WORKING_PATTERNS } from "../../src/domain/options";
import { formatDate, t, type Lang } from "../../src/i18n";
import type { FieldSpec, FormContent } from "./form-builder";

/**
 * The forms of a secondment: labels and limits, in the reader's language (words from
 * src/i18n/locales: "secondment.form.*", "checkIn.form.*", "secondmentChanges.form.*").
 * The rules live in src/domain/agreement.ts.
 */

const menu = (lang: Lang, secondmentId: string) => ({ title: t(lang, "secondment.action.backToSecondment"), verb: VERBS.mySecondment, data: { secondmentId } });

type Part = "label" | "hint" | "required";
type Spec = Omit<FieldSpec, "id" | "label" | "requiredMessage" | "hint">;

/** A field whose label, hint and required message are the catalogue's keys `key(part)`. */
function fieldOf(lang: Lang, id: string, key: (part: Part) => string, spec: Spec, o: { hint?: boolean; label?: string } = {}): FieldSpec {
  const f: FieldSpec = { id, label: o.label ?? t(lang, key("label")), ...spec };
  if (spec.required) f.requiredMessage = t(lang, key("required"));
  if (o.hint) f.hint = t(lang, key("hint"));
  return f;
}

/** What the latest end date is, and what it depends on: the start date, the organisations' cap, a fixed-term contract. */
export interface EndLimit {
  latestEnd: string;
  because: "cap" | "fixed-term";
  /** The start date it was worked out from; absent when none is chosen yet (then today is used). */
  startDate?: string | undefined;
  capMonths: number;
  fixedTermEnd?: string | undefined;
}

export function endLimitNote(lang: Lang, l: EndLimit): string {
  const values = {
    months: l.capMonths,
    contractEnd: l.fixedTermEnd ? formatDate(lang, l.fixedTermEnd) : "",
    fixedTerm: l.fixedTermEnd ? "yes" : "no",
    latest: formatDate(lang, l.latestEnd),
    start: l.startDate ? formatDate(lang, l.startDate) : "",
    because: l.because === "fixed-term" ? "contract" : "cap",
  };
  return t(lang, l.startDate ? "secondment.form.agreement.limit.withStart" : "secondment.form.agreement.limit.noStart", values);
}

export function agreementForm(lang: Lang, o: { secondmentId: string; version: number; title: string; limit: EndLimit; secondeeName: string; intro?: string }): FormContent {
  const f = (id: string, spec: Spec, hint = false) => fieldOf(lang, id, (part) => `secondment.form.agreement.${id}.${part}`, spec, { hint });
  const first = o.version === 0;
  return {
    lang,
    title: t(lang, first ? "secondment.form.agreement.titleNew" : "secondment.form.agreement.titleChange", { title: o.title }),
    intro: o.intro ?? t(lang, first ? "secondment.form.agreement.introNew" : "secondment.form.agreement.introChange", { secondeeName: o.secondeeName }),
    sections: [
      {
        heading: t(lang, "secondment.form.agreement.section.dates"),
        note: endLimitNote(lang, o.limit),
        fields: [f("startDate", { kind: "date", required: true }), f("endDate", { kind: "date", required: true })],
      },
      {
        heading: t(lang, "secondment.form.agreement.section.role"),
        fields: [
          f("roleSpecification", { kind: "multiline", required: true, maxLength: 2000 }, true),
          f("hostManagerName", { kind: "text", required: true, maxLength: 120 }),
          f("hostManagerEmail", { kind: "text", maxLength: 254 }),
          // Chosen from Teams, the bot can tell them when the agreement is confirmed or extended.
          f("hostManagerId", { kind: "people", placeholder: t(lang, "secondment.form.agreement.hostManagerId.placeholder"), choices: [] }, true),
          f("workingPattern", { kind: "choice", required: true, choices: choicesIn(lang, "workingPattern", WORKING_PATTERNS), expanded: true }),
          f("daysPerWeek", { kind: "number", min: 1, max: 4.5 }),
        ],
      },
      {
        heading: t(lang, "secondment.form.agreement.section.pay"),
        note: t(lang, "secondment.form.agreement.payNote"),
        fields: [
          f("salary", { kind: "choice", required: true, choices: choicesFor(lang, "salary"), expanded: true }),
          f("expenses", { kind: "choice", required: true, choices: choicesFor(lang, "expenses"), expanded: true }),
        ],
      },
      {
        heading: t(lang, "secondment.form.agreement.section.contacts"),
        fields: [
          f("homeHrContact", { kind: "text", required: true, maxLength: 254 }),
          f("hostHrContact", { kind: "text", required: true, maxLength: 254 }),
          f("checkInEveryWeeks", { kind: "number", required: true, min: 1, max: 12 }, true),
          f("noticeWeeks", { kind: "number", required: true, min: 0, max: 26 }),
        ],
      },
    ],
    submit: { title: t(lang, "secondment.form.agreement.submit"), verb: VERBS.submitAgreement, data: { secondmentId: o.secondmentId, version: o.version } },
    secondary: [menu(lang, o.secondmentId)],
  };
}

export function checkInForm(lang: Lang, o: { secondmentId: string; n: number; date: string; manager: boolean; secondeeName: string }): FormContent {
  const f = (id: string, spec: Spec, label?: string) => fieldOf(lang, id, (part) => `checkIn.form.${id}.${part}`, spec, label ? { label } : {});
  const who = o.manager ? "manager" : "secondee";
  return {
    lang,
    title: t(lang, "checkIn.form.title", { n: o.n }),
    intro: t(lang, "checkIn.form.intro", { who, secondeeName: o.secondeeName, date: formatDate(lang, o.date) }),
    sections: [
      {
        heading: t(lang, "checkIn.form.section"),
        fields: [
          f("going", { kind: "choice", required: true, choices: choicesFor(lang, "going"), expanded: true }),
          f("issues", { kind: "multiline", maxLength: 1000 }),
          f("changes", { kind: "multiline", maxLength: 1000 }),
          f("forReturn", { kind: "multiline", maxLength: 1000 }, t(lang, "checkIn.form.forReturn.label", { who })),
        ],
      },
    ],
    submit: { title: t(lang, "checkIn.form.submit"), verb: VERBS.answerCheckIn, data: { secondmentId: o.secondmentId, n: o.n } },
    secondary: [],
  };
}

export function reportForm(lang: Lang, o: { secondmentId: string; reportId: string }): FormContent {
  const f = (id: string, spec: Spec) => fieldOf(lang, id, (part) => `secondmentChanges.form.report.${id}.${part}`, spec);
  return {
    lang,
    title: t(lang, "secondmentChanges.form.report.title"),
    intro: t(lang, "secondmentChanges.form.report.intro"),
    sections: [
      {
        heading: t(lang, "secondmentChanges.form.report.section"),
        fields: [
          f("kind", { kind: "choice", required: true, choices: choicesFor(lang, "report"), expanded: true }),
          f("from", { kind: "date" }),
          f("to", { kind: "date" }),
          f("details", { kind: "multiline", required: true, maxLength: 1000 }),
        ],
      },
    ],
    submit: { title: t(lang, "secondmentChanges.form.report.submit"), verb: VERBS.submitReport, data: { secondmentId: o.secondmentId, reportId: o.reportId } },
    secondary: [menu(lang, o.secondmentId)],
  };
}

export function feedbackForm(lang: Lang, o: { secondmentId: string; feedbackId: string; askerName: string; forEnd?: boolean }): FormContent {
  const end = o.forEnd ? "yes" : "no";
  return {
    lang,
    title: t(lang, "secondment.form.feedback.title", { end, askerName: o.askerName }),
    intro: t(lang, "secondment.form.feedback.intro", { end, askerName: o.askerName }),
    sections: [
      {
        heading: t(lang, "secondment.form.feedback.section"),
        fields: [{ id: "feedback", kind: "multiline", label: t(lang, "secondment.form.feedback.name"), required: true, requiredMessage: t(lang, "secondment.form.feedback.required"), maxLength: 2000 }],
      },
    ],
    submit: o.forEnd
      ? { title: t(lang, "secondment.form.feedback.submit"), verb: VERBS.giveEndFeedback, data: { secondmentId: o.secondmentId } }
      : { title: t(lang, "secondment.form.feedback.submit"), verb: VERBS.giveFeedback, data: { secondmentId: o.secondmentId, feedbackId: o.feedbackId } },
    secondary: [],
  };
}

export function extensionForm(lang: Lang, o: { secondmentId: string; currentEnd: string; limit: Pick<EndLimit, "latestEnd" | "because" | "capMonths">; mayOverride: boolean }): FormContent {
  const f = (id: string, spec: Spec) => fieldOf(lang, id, (part) => `secondmentChanges.form.extension.${id}.${part}`, spec);
  return {
    lang,
    title: t(lang, "secondmentChanges.form.extension.title"),
    intro: t(lang, "secondmentChanges.form.extension.intro", { date: formatDate(lang, o.currentEnd) }),
    sections: [
      {
        heading: t(lang, "secondmentChanges.form.extension.section"),
        // Which limit it is: the secondee's fixed-term contract, or the organisations' cap.
        note: t(lang, "secondmentChanges.form.extension.note", { date: formatDate(lang, o.limit.latestEnd), because: o.limit.because === "fixed-term" ? "contract" : "cap", months: o.limit.capMonths }),
        fields: [
          f("newEndDate", { kind: "date", required: true }),
          f("reason", { kind: "multiline", required: true, maxLength: 1000 }),
          ...(o.mayOverride ? [f("overrideReason", { kind: "multiline", maxLength: 1000 })] : []),
        ],
      },
    ],
    submit: { title: t(lang, "secondmentChanges.form.extension.submit"), verb: VERBS.submitExtension, data: { secondmentId: o.secondmentId } },
    secondary: [menu(lang, o.secondmentId)],
  };
}

export function earlyEndForm(lang: Lang, o: { secondmentId: string; currentEnd: string; earliest: string; started: boolean; noticeWeeks: number }): FormContent {
  const f = (id: string, spec: Spec) => fieldOf(lang, id, (part) => `secondmentChanges.form.earlyEnd.${id}.${part}`, spec);
  const started = o.started ? "yes" : "no";
  return {
    lang,
    title: t(lang, "secondmentChanges.form.earlyEnd.title", { started }),
    intro: t(lang, "secondmentChanges.form.earlyEnd.intro", { started, date: formatDate(lang, o.currentEnd), weeks: o.noticeWeeks, earliest: formatDate(lang, o.earliest) }),
    sections: [
      {
        heading: t(lang, "secondmentChanges.form.earlyEnd.section"),
        fields: [f("lastDay", { kind: "date", required: true }), f("reason", { kind: "multiline", required: true, maxLength: 1000 })],
      },
    ],
    submit: { title: t(lang, "secondmentChanges.form.earlyEnd.submit", { started }), verb: VERBS.submitEarlyEnd, data: { secondmentId: o.secondmentId } },
    secondary: [menu(lang, o.secondmentId)],
  };
}

export function reviewForm(lang: Lang, o: { secondmentId: string; title: string }): FormContent {
  const f = (id: string, spec: Spec) => fieldOf(lang, id, (part) => `secondment.form.review.${id}.${part}`, spec);
  return {
    lang,
    title: t(lang, "secondment.form.review.title", { title: o.title }),
    intro: t(lang, "secondment.form.review.intro"),
    sections: [
      {
        heading: t(lang, "secondment.form.review.section.back"),
        fields: [
          f("wentWell", { kind: "multiline", required: true, maxLength: 2000 }),
          f("couldImprove", { kind: "multiline", required: true, maxLength: 2000 }),
          f("skillsGained", { kind: "multiline", required: true, maxLength: 2000 }),
          f("recommend", { kind: "choice", required: true, choices: choicesFor(lang, "recommend"), expanded: true }),
        ],
      },
      {
        heading: t(lang, "secondment.form.review.section.sharing"),
        fields: [
          { ...f("mayShare", { kind: "toggle" }), toggleTitle: t(lang, "secondment.form.review.mayShare.toggle") },
          f("summary", { kind: "multiline", maxLength: 600 }),
        ],
      },
    ],
    submit: { title: t(lang, "secondment.form.review.submit"), verb: VERBS.submitReview, data: { secondmentId: o.secondmentId } },
    secondary: [],
  };
}
