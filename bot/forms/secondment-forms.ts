import { VERBS } from "../../cards";
import { EXPENSES_CHOICES, GOING_CHOICES, RECOMMEND_CHOICES, REPORT_CHOICES, SALARY_CHOICES } from "../../src/domain/agreement";
import { formatUkDate } from "../../src/domain/dates";
import { WORKING_PATTERNS } from "../../src/domain/options";
import type { FormContent } from "./form-builder";

/** The forms of a secondment: labels and limits. The rules live in src/domain/agreement.ts. */

const menu = (secondmentId: string) => ({ title: "Back to my secondment", verb: VERBS.mySecondment, data: { secondmentId } });

/** What the latest end date is, and what it depends on: the start date, the organisations' cap, a fixed-term contract. */
export interface EndLimit {
  latestEnd: string;
  because: "cap" | "fixed-term";
  /** The start date it was worked out from; absent when none is chosen yet (then today is used). */
  startDate?: string | undefined;
  capMonths: number;
  fixedTermEnd?: string | undefined;
}

export function endLimitNote(l: EndLimit): string {
  const rules = [`no more than ${l.capMonths} months after the start date (the most the two organisations allow)`];
  if (l.fixedTermEnd) rules.push(`no later than the end of the secondee's fixed-term contract on ${formatUkDate(l.fixedTermEnd)}`);
  const base = `The end date must be ${rules.join(", and ")}.`;
  const latest = l.startDate
    ? `With a start date of ${formatUkDate(l.startDate)}, the latest end date is ${formatUkDate(l.latestEnd)}.`
    : `If the secondment started today, the latest end date would be ${formatUkDate(l.latestEnd)}. It moves with the start date${l.because === "fixed-term" ? ", up to the contract's end" : ""}.`;
  return `${base} ${latest}`;
}

export function agreementForm(o: { secondmentId: string; version: number; title: string; limit: EndLimit; secondeeName: string; intro?: string }): FormContent {
  return {
    title: o.version === 0 ? `Fill in the details: ${o.title}` : `Change the agreement: ${o.title}`,
    intro:
      o.intro ??
      (o.version === 0
        ? `As the host, you fill in these details after talking them through with ${o.secondeeName}. When you send them, ${o.secondeeName}, their home line manager and you each check and confirm them. The secondment starts only when all three have.`
        : "Anyone in the secondment can change these details. When you send a change, the secondee, their home line manager and the host each confirm the new version."),
    sections: [
      {
        heading: "Dates",
        note: endLimitNote(o.limit),
        fields: [
          { id: "startDate", kind: "date", label: "Start date", required: true, requiredMessage: "Enter the start date" },
          { id: "endDate", kind: "date", label: "End date", required: true, requiredMessage: "Enter the end date" },
        ],
      },
      {
        heading: "The role",
        fields: [
          { id: "roleSpecification", kind: "multiline", label: "Role specification", hint: "What the secondee will do, and what they expect to get from it.", required: true, requiredMessage: "Describe the role and what the secondee will do", maxLength: 2000 },
          { id: "hostManagerName", kind: "text", label: "Line manager at the host", required: true, requiredMessage: "Enter the name of the secondee's line manager at the host", maxLength: 120 },
          { id: "hostManagerEmail", kind: "text", label: "Their email address (optional)", maxLength: 254 },
          { id: "workingPattern", kind: "choice", label: "Working pattern", required: true, requiredMessage: "Select the working pattern", choices: WORKING_PATTERNS, expanded: true },
          { id: "daysPerWeek", kind: "number", label: "Days per week, if part-time", min: 1, max: 4.5 },
        ],
      },
      {
        heading: "Pay and expenses",
        note: "Usually the host pays the salary and any travel for the job. Agree it with HR in both organisations.",
        fields: [
          { id: "salary", kind: "choice", label: "Who pays the salary", required: true, requiredMessage: "Select who pays the salary", choices: SALARY_CHOICES, expanded: true },
          { id: "expenses", kind: "choice", label: "Who pays expenses for travel on the job", required: true, requiredMessage: "Select who pays expenses for travel on the job", choices: EXPENSES_CHOICES, expanded: true },
        ],
      },
      {
        heading: "Contacts and keeping in touch",
        fields: [
          { id: "homeHrContact", kind: "text", label: "HR contact at the home organisation (email)", required: true, requiredMessage: "Enter the email address of an HR contact at the home organisation", maxLength: 254 },
          { id: "hostHrContact", kind: "text", label: "HR contact at the host (email)", required: true, requiredMessage: "Enter the email address of an HR contact at the host", maxLength: 254 },
          { id: "checkInEveryWeeks", kind: "number", label: "Keeping in touch check-in every (weeks)", hint: "The home line manager and the secondee get a short check-in card this often.", required: true, requiredMessage: "Enter how often the keeping in touch check-ins happen, in weeks", min: 1, max: 12 },
          { id: "noticeWeeks", kind: "number", label: "Notice to end early (weeks)", required: true, requiredMessage: "Enter the notice period for ending early, in weeks", min: 0, max: 26 },
        ],
      },
    ],
    submit: { title: "Send for confirmation", verb: VERBS.submitAgreement, data: { secondmentId: o.secondmentId, version: o.version } },
    secondary: [menu(o.secondmentId)],
  };
}

export function checkInForm(o: { secondmentId: string; n: number; date: string; manager: boolean; secondeeName: string }): FormContent {
  return {
    title: `Keeping in touch: check-in ${o.n}`,
    intro: o.manager
      ? `It is time to check in with ${o.secondeeName} (due ${formatUkDate(o.date)}). Have a short conversation with them, then record how it is going.`
      : `It is time for your keeping in touch check-in with your home line manager (due ${formatUkDate(o.date)}). Tell us how it is going.`,
    sections: [
      {
        heading: "How it is going",
        fields: [
          { id: "going", kind: "choice", label: "How is the secondment going?", required: true, requiredMessage: "Select how the secondment is going", choices: GOING_CHOICES, expanded: true },
          { id: "issues", kind: "multiline", label: "Any issues to deal with (optional)", maxLength: 1000 },
          { id: "changes", kind: "multiline", label: "Any changes or absences (optional)", maxLength: 1000 },
          { id: "forReturn", kind: "multiline", label: o.manager ? "Anything they need to know for their return (optional)" : "Anything relevant to your role when you return (optional)", maxLength: 1000 },
        ],
      },
    ],
    submit: { title: "Send check-in", verb: VERBS.answerCheckIn, data: { secondmentId: o.secondmentId, n: o.n } },
    secondary: [],
  };
}

export function reportForm(o: { secondmentId: string; reportId: string }): FormContent {
  return {
    title: "Report an absence or a change",
    intro: "Your home line manager needs to know about absences and changes in your circumstances. We will tell them.",
    sections: [
      {
        heading: "What has happened",
        fields: [
          { id: "kind", kind: "choice", label: "What are you reporting?", required: true, requiredMessage: "Select what you are reporting", choices: REPORT_CHOICES, expanded: true },
          { id: "from", kind: "date", label: "First day (for an absence)" },
          { id: "to", kind: "date", label: "Last day, if you know it (optional)" },
          { id: "details", kind: "multiline", label: "Details", required: true, requiredMessage: "Tell us what has happened or changed", maxLength: 1000 },
        ],
      },
    ],
    submit: { title: "Send", verb: VERBS.submitReport, data: { secondmentId: o.secondmentId, reportId: o.reportId } },
    secondary: [menu(o.secondmentId)],
  };
}

export function feedbackForm(o: { secondmentId: string; feedbackId: string; askerName: string; forEnd?: boolean }): FormContent {
  return {
    title: o.forEnd ? "Feedback at the end of the secondment" : `${o.askerName} asks for your feedback`,
    intro: o.forEnd
      ? `The secondment of ${o.askerName} has ended. Tell us how it went from your side. We share it with the secondee and the programme team.`
      : `${o.askerName} would like your feedback on how the secondment is going. We will pass on what you write.`,
    sections: [{ heading: "Your feedback", fields: [{ id: "feedback", kind: "multiline", label: "Feedback", required: true, requiredMessage: "Enter your feedback", maxLength: 2000 }] }],
    submit: o.forEnd
      ? { title: "Send feedback", verb: VERBS.giveEndFeedback, data: { secondmentId: o.secondmentId } }
      : { title: "Send feedback", verb: VERBS.giveFeedback, data: { secondmentId: o.secondmentId, feedbackId: o.feedbackId } },
    secondary: [],
  };
}

export function extensionForm(o: { secondmentId: string; currentEnd: string; latestEnd: string; mayOverride: boolean }): FormContent {
  return {
    title: "Ask to extend the secondment",
    intro: `It now ends on ${formatUkDate(o.currentEnd)}. The secondee, their home line manager and the host must all agree to an extension.`,
    sections: [
      {
        heading: "The extension",
        note: `The latest end date the organisations allow is ${formatUkDate(o.latestEnd)}.`,
        fields: [
          { id: "newEndDate", kind: "date", label: "New end date", required: true, requiredMessage: "Enter the new end date" },
          { id: "reason", kind: "multiline", label: "Why extend it?", required: true, requiredMessage: "Enter why the secondment should be extended", maxLength: 1000 },
          ...(o.mayOverride
            ? [{ id: "overrideReason", kind: "multiline" as const, label: "Programme team only: reason to go past the limit (optional)", maxLength: 1000 }]
            : []),
        ],
      },
    ],
    submit: { title: "Ask for the extension", verb: VERBS.submitExtension, data: { secondmentId: o.secondmentId } },
    secondary: [menu(o.secondmentId)],
  };
}

export function earlyEndForm(o: { secondmentId: string; currentEnd: string; earliest: string; started: boolean; noticeWeeks: number }): FormContent {
  return {
    title: o.started ? "End the secondment early" : "Call off the secondment",
    intro: o.started
      ? `It now ends on ${formatUkDate(o.currentEnd)}. The agreed notice is ${o.noticeWeeks} ${o.noticeWeeks === 1 ? "week" : "weeks"}, so the earliest last day is ${formatUkDate(o.earliest)}. We will tell everyone involved.`
      : "The secondment has not started yet. If you call it off, we will tell everyone involved and the check-ins will not start.",
    sections: [
      {
        heading: "Ending",
        fields: [
          { id: "lastDay", kind: "date", label: "Last day", required: true, requiredMessage: "Enter the last day of the secondment" },
          { id: "reason", kind: "multiline", label: "Why is it ending early?", required: true, requiredMessage: "Enter why the secondment is ending early", maxLength: 1000 },
        ],
      },
    ],
    submit: { title: o.started ? "End early" : "Call it off", verb: VERBS.submitEarlyEnd, data: { secondmentId: o.secondmentId } },
    secondary: [menu(o.secondmentId)],
  };
}

export function reviewForm(o: { secondmentId: string; title: string }): FormContent {
  return {
    title: `Review your secondment: ${o.title}`,
    intro: "Your secondment has ended. Look back on how it went. Your answers help others plan theirs.",
    sections: [
      {
        heading: "Looking back",
        fields: [
          { id: "wentWell", kind: "multiline", label: "What went well?", required: true, requiredMessage: "Tell us what went well", maxLength: 2000 },
          { id: "couldImprove", kind: "multiline", label: "What could have been better?", required: true, requiredMessage: "Tell us what could have been better", maxLength: 2000 },
          { id: "skillsGained", kind: "multiline", label: "What skills and experience did you gain?", required: true, requiredMessage: "Tell us the skills and experience you gained", maxLength: 2000 },
          { id: "recommend", kind: "choice", label: "Would you recommend a secondment to a colleague?", required: true, requiredMessage: "Select whether you would recommend a secondment", choices: RECOMMEND_CHOICES, expanded: true },
        ],
      },
      {
        heading: "Sharing",
        fields: [
          { id: "mayShare", kind: "toggle", label: "Sharing a summary", toggleTitle: "The programme may share a short summary of my secondment" },
          { id: "summary", kind: "multiline", label: "Short summary to share (if you agree to sharing)", maxLength: 600 },
        ],
      },
    ],
    submit: { title: "Send review", verb: VERBS.submitReview, data: { secondmentId: o.secondmentId } },
    secondary: [],
  };
}
