import { randomUUID } from "node:crypto";
import { renderCard, VERBS, type ActionModel, type AdaptiveCardJson, type SecondmentModel } from "../../cards";
import {
  EARLY_END_FIELDS,
  EXTENSION_FIELDS,
  FEEDBACK_FIELDS,
  REPORT_FIELDS,
  validateEarlyEnd,
  validateExtension,
  validateFeedback,
  validateReport,
} from "../../src/domain/agreement";
import { compareIso, formatUkDate, todayInLondon } from "../../src/domain/dates";
import { formValues } from "../../src/domain/forms";
import type { PersonId } from "../../src/domain/person";
import {
  askFeedback as askFeedbackChange,
  decideExtension as decideExtensionChange,
  endEarly,
  giveFeedback as giveFeedbackChange,
  nameOf,
  namesWithRoles,
  partiesOf,
  PARTIES,
  pendingExtension,
  personOf,
  reportChange,
  requestExtension,
  type Extension,
  type Party,
  type Secondment,
} from "../../src/domain/secondment";
import { earliestEarlyEnd, latestEndDate } from "../../src/domain/secondment-dates";
import { buildForm, type FormContent } from "../forms/form-builder";
import { earlyEndForm, extensionForm, feedbackForm, reportForm } from "../forms/secondment-forms";
import {
  apply,
  FOLLOW_UP_REMINDERS,
  FOLLOW_UP_WORKING_DAYS,
  isProgrammeTeam,
  isReply,
  listOf,
  load,
  message,
  note,
  refreshUserIds,
  scheduleAhead,
  SECONDMENT_JOBS,
  secondmentCard,
  sendTo,
  sendToAll,
  tellProgrammeTeam,
  visibleTo,
  NOT_FOUND,
  whoIs,
  type SecondmentRef,
} from "./secondment";
import { callOff } from "../../src/domain/match";
import { card, text, type Caller, type Reply, type Services } from "./types";

/**
 * Changes during a secondment: absence and change reports, feedback between the parties, extensions
 * (all three agree; the organisations' cap holds unless the programme team overrides it with a
 * reason) and ending early with the agreed notice.
 *
 * As in ./secondment.ts, every change runs under the document's etag through a pure transition, and
 * every message id comes from the secondment and the item it is about, so a second click, a retry
 * or a crash between storing and sending never sends the same message twice:
 *   report:<secondmentId>:<reportId>                       to the home line manager
 *   feedback-ask:<secondmentId>:<feedbackId>               the feedback form, to the person asked
 *   feedback-given:<secondmentId>:<feedbackId>             the feedback, to the person who asked
 *   extension:<secondmentId>:<extensionId>:<party>         the card to agree or decline
 *   extension-agreed:<secondmentId>:<extensionId>:<party>  the new end date (…:pt:<aad> for the programme team)
 *   extension-declined:<secondmentId>:<extensionId>:<party> the decline and its reason (…:pt:<aad> likewise)
 *   extension-reminder:<secondmentId>:<extensionId>:<step>:<party>  a reminder to answer (steps 1 and 2)
 *   extension-escalation:<secondmentId>:<extensionId>:pt:<aad>      still unanswered after two reminders
 *   early-end:<secondmentId>:<party>                       the early end, to the others (…:pt:<aad> to the programme team)
 */

const form = (content: FormContent, values: Record<string, string> = {}, errors: Partial<Record<string, string>> = {}) => card(renderCard("form", buildForm(content, values, errors)));
const dayOf = (instant: string | undefined) => (instant ? formatUkDate(instant.slice(0, 10)) : "");
const weeks = (n: number) => `${n} ${n === 1 ? "week" : "weeks"}`;

/** Whose secondment, told to `party` about something `actor` did: "your", "their" or "Ana Jones's". */
function whose(sec: Secondment, party: Party | undefined, actor: Party | "programme-team" | undefined): string {
  if (party === "secondee") return "your";
  if (actor === "secondee") return "their";
  return `${sec.secondee.name}'s`;
}


/** Each party's name once, even when one person holds two parts. */
function namesOf(sec: Secondment, parties: readonly Party[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of parties) {
    const who = personOf(sec, p);
    const key = who?.aadObjectId.toLowerCase() ?? p;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(nameOf(sec, p));
  }
  return out;
}

/** The parties held by someone other than `aadObjectId` (who is left out of a message about their own act). */
function othersThan(sec: Secondment, aadObjectId: string | undefined): Party[] {
  const me = aadObjectId?.toLowerCase();
  return PARTIES.filter((p) => {
    const who = personOf(sec, p);
    return who !== undefined && who.aadObjectId.toLowerCase() !== me;
  });
}

function viewerOf(sec: Secondment, party: Party): PersonId | undefined {
  const p = personOf(sec, party);
  return p ? { tenantId: sec.tenantId, aadObjectId: p.aadObjectId } : undefined;
}




const GONE = "I could not find that secondment.";

// ---------------------------------------------------------------------------------------------
// Reporting an absence or a change (the secondee)

const ONLY_SECONDEE_REPORTS = "Only the secondee can report an absence or a change.";
const REPORT_WHEN = "You can report an absence or a change while the secondment is confirmed or under way.";

export async function openReport(s: Services, c: Caller, ref: SecondmentRef): Promise<Reply> {
  const found = await load(s, c, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  if (!mine.includes("secondee")) return text(ONLY_SECONDEE_REPORTS);
  if (sec.status !== "active" && sec.status !== "confirmed") return card(secondmentCard(s, sec, c.person, REPORT_WHEN));
  // The id rides in the submit data, so pressing Send on the same card twice stores one report.
  return form(reportForm({ secondmentId: sec.id, reportId: randomUUID() }));
}

function reportText(sec: Secondment, reportId: string): string | undefined {
  const r = sec.reports.find((x) => x.id === reportId);
  if (!r) return undefined;
  const what = r.kind === "absence" ? "an absence" : "a change of circumstances";
  const lines = [`${sec.secondee.name} has reported ${what} during their secondment with ${sec.opening.organisation}.`];
  if (r.from) lines.push(`${r.kind === "absence" ? "First day" : "From"}: ${formatUkDate(r.from)}.`);
  if (r.to) lines.push(`${r.kind === "absence" ? "Last day" : "Until"}: ${formatUkDate(r.to)}.`);
  lines.push(`Details: ${r.details}`);
  return lines.join("\n\n");
}

export async function submitReport(s: Services, c: Caller, ref: SecondmentRef & { reportId: string }, raw: unknown): Promise<Reply> {
  const found = await load(s, c, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  if (!mine.includes("secondee")) return text(ONLY_SECONDEE_REPORTS);
  const result = validateReport(raw);
  if (!result.ok) return form(reportForm({ secondmentId: sec.id, reportId: ref.reportId }), formValues(raw, REPORT_FIELDS), result.errors);
  const out = await apply(s, sec.id, (current) => reportChange(current, { id: ref.reportId, ...result.value }, s.now()));
  if (!out) return text(GONE);
  const stored = out.secondment;
  const told = reportText(stored, ref.reportId);
  if (!told) return card(secondmentCard(s, stored, c.person, out.kind === "refused" ? out.why : REPORT_WHEN));
  // Sent whenever the report is stored, so a crash after storing it is healed by pressing again.
  await sendTo(s, stored, "homeManager", `report:${stored.id}:${ref.reportId}`, note(told), "secondment-report");
  const manager = stored.homeManager ? `your home line manager, ${nameOf(stored, "homeManager")}` : undefined;
  const notice =
    out.kind === "refused"
      ? `We already have this report${manager ? ` and have told ${manager}` : ""}. You do not need to send it again.`
      : manager
        ? `Thank you. We have told ${manager}.`
        : "Thank you. We have recorded it, but we cannot reach your home line manager in Teams. Please tell them yourself.";
  return card(secondmentCard(s, stored, c.person, notice));
}

// ---------------------------------------------------------------------------------------------
// Feedback between the parties

export async function askFeedback(s: Services, c: Caller, ref: SecondmentRef & { to: Party }): Promise<Reply> {
  const found = await load(s, c, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  if (mine.length === 0) return text("Only the secondee, their home line manager and the host can ask for feedback on this secondment.");
  // Nobody asks themselves, even when they hold two parts (say host and home line manager).
  if (mine.includes(ref.to)) return card(secondmentCard(s, sec, c.person, "Choose someone else to ask for feedback."));
  const from = mine[0]!;
  const id = randomUUID();
  const out = await apply(s, sec.id, (current) => {
    const open = current.feedback.find((f) => f.from === from && f.to === ref.to && f.answer === undefined);
    if (open) return { kind: "refused", why: `You asked ${nameOf(current, ref.to)} for feedback on ${dayOf(open.askedAt)}. We will send it to you when they answer.`, secondment: current };
    return askFeedbackChange(current, { id, from, to: ref.to }, s.now());
  });
  if (!out) return text(GONE);
  if (out.kind === "refused") return card(secondmentCard(s, out.secondment, c.person, out.why));
  const next = out.secondment;
  const content = feedbackForm({ secondmentId: next.id, feedbackId: id, askerName: nameOf(next, from) });
  await sendTo(s, next, ref.to, `feedback-ask:${next.id}:${id}`, message(renderCard("form", buildForm(content, {}))), "feedback-ask");
  return card(secondmentCard(s, next, c.person, `We have asked ${nameOf(next, ref.to)} for feedback. We will send it to you when they answer.`));
}

export async function giveFeedback(s: Services, c: Caller, ref: SecondmentRef & { feedbackId: string }, raw: unknown): Promise<Reply> {
  const found = await load(s, c, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  const asked = sec.feedback.find((f) => f.id === ref.feedbackId);
  if (!asked) return text("We could not find this request for feedback.");
  if (!mine.includes(asked.to)) return text(`Only ${nameOf(sec, asked.to)} was asked for this feedback. Nothing has changed.`);
  const result = validateFeedback(raw);
  if (!result.ok) {
    const content = feedbackForm({ secondmentId: sec.id, feedbackId: asked.id, askerName: nameOf(sec, asked.from) });
    return form(content, formValues(raw, FEEDBACK_FIELDS), result.errors);
  }
  const out = await apply(s, sec.id, (current) => giveFeedbackChange(current, asked.id, asked.to, result.value, s.now()));
  if (!out) return text(GONE);
  const stored = out.secondment;
  const done = stored.feedback.find((f) => f.id === asked.id);
  if (done?.answer !== undefined) {
    const about = whose(stored, done.from, done.to);
    await sendTo(s, stored, done.from, `feedback-given:${stored.id}:${done.id}`, note(`${nameOf(stored, done.to)} has sent you feedback on ${about} secondment:\n\n${done.answer}`), "feedback-given");
  }
  if (out.kind === "refused") return card(secondmentCard(s, stored, c.person, out.why));
  return card(secondmentCard(s, stored, c.person, `Thank you. We have sent your feedback to ${nameOf(stored, asked.from)}.`));
}

// ---------------------------------------------------------------------------------------------
// Extensions: all three agree

const ONLY_PARTIES_OR_TEAM = "Only the secondee, their home line manager, the host or the programme team can do this.";

/** Why no extension can be asked for now, or undefined if one can. */
function cannotExtend(sec: Secondment): string | undefined {
  if (sec.status !== "active" && sec.status !== "confirmed") return "Only a confirmed or active secondment can be extended.";
  if (!sec.terms) return "This secondment has no agreement yet.";
  if (sec.earlyEnd) return "This secondment is ending early, so it cannot be extended.";
  if (pendingExtension(sec)) return "An extension is already waiting for answers. It needs to be decided first.";
  return undefined;
}

function extensionContent(s: Services, c: Caller, sec: Secondment): FormContent {
  const t = sec.terms!;
  return extensionForm({
    secondmentId: sec.id,
    currentEnd: t.endDate,
    latestEnd: latestEndDate({ startDate: t.startDate, capMonths: sec.capMonths, fixedTermEnd: sec.fixedTermEnd }).date,
    mayOverride: isProgrammeTeam(s, c.person),
  });
}

export async function openExtension(s: Services, c: Caller, ref: SecondmentRef): Promise<Reply> {
  const found = await load(s, c, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  if (mine.length === 0 && !isProgrammeTeam(s, c.person)) return text(ONLY_PARTIES_OR_TEAM);
  const why = cannotExtend(sec);
  if (why) return card(secondmentCard(s, sec, c.person, why));
  return form(extensionContent(s, c, sec));
}

export async function submitExtension(s: Services, c: Caller, ref: SecondmentRef, raw: unknown): Promise<Reply> {
  const found = await load(s, c, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  const team = isProgrammeTeam(s, c.person);
  if (mine.length === 0 && !team) return text(ONLY_PARTIES_OR_TEAM);
  const why = cannotExtend(sec);
  if (why) return card(secondmentCard(s, sec, c.person, why));
  const t = sec.terms!;
  const now = s.now();
  const result = validateExtension(raw, {
    today: todayInLondon(now),
    startDate: t.startDate,
    currentEndDate: t.endDate,
    capMonths: sec.capMonths,
    fixedTermEnd: sec.fixedTermEnd,
    mayOverrideCap: team,
  });
  if (!result.ok) return form(extensionContent(s, c, sec), formValues(raw, EXTENSION_FIELDS), result.errors);
  const v = result.value;
  const id = randomUUID();
  const by: Party | "programme-team" = mine.length > 0 ? mine[0]! : "programme-team";
  const out = await apply(s, sec.id, (current) => {
    if (current.terms?.endDate !== t.endDate) return { kind: "refused", why: "The end date changed while you were filling in the form. Check the new date, then ask again if you still need to.", secondment: current };
    const asked = requestExtension(
      current,
      {
        id,
        by,
        newEndDate: v.newEndDate,
        reason: v.reason,
        ...(v.overrideReason ? { override: { by: { aadObjectId: c.person.aadObjectId, ...(c.name ? { name: c.name } : {}) }, reason: v.overrideReason } } : {}),
      },
      now,
    );
    if (asked.kind === "refused") return asked;
    // Someone holding two parts (say host and home line manager) agrees for both by asking.
    let next = asked.secondment;
    for (const party of partiesOf(current, c.person).filter((p) => p !== by)) {
      const more = decideExtensionChange(next, { id, party, approve: true }, now);
      if (more.kind === "changed") next = more.secondment;
    }
    return { kind: "changed", secondment: next };
  });
  if (!out) return text(GONE);
  if (out.kind === "refused") return card(secondmentCard(s, out.secondment, c.person, out.why));
  const next = out.secondment;
  const ext = next.extensions.find((e) => e.id === id)!;
  s.log.info("extension asked for", { secondmentId: next.id, extensionId: id, override: Boolean(ext.override) });
  if (ext.status === "approved") {
    await afterAgreed(s, next, ext);
    return card(extensionCard(next, ext, c.person, `The secondment now ends on ${formatUkDate(ext.newEndDate)}.`));
  }
  const waiting = PARTIES.filter((p) => !ext.approvals[p]);
  await sendToAll(
    s,
    next,
    `extension:${next.id}:${id}`,
    (party) => message(extensionCard(next, ext, viewerOf(next, party), `Please say whether you agree to extend ${whose(next, party, undefined)} secondment.`)),
    "extension-request",
    waiting,
  );
  await scheduleExtensionFollowUp(s, { secondmentId: next.id, extensionId: id, step: 1 });
  return card(extensionCard(next, ext, c.person, `We have asked ${listOf(namesOf(next, waiting))} to agree to the new end date.`));
}

export interface ExtensionFollowUpPayload {
  secondmentId: string;
  extensionId: string;
  step: number;
}

function scheduleExtensionFollowUp(s: Services, p: ExtensionFollowUpPayload): Promise<unknown> {
  return s.jobs.schedule({
    id: `${SECONDMENT_JOBS.extensionFollowUp}:${p.secondmentId}:${p.extensionId}:${p.step}`,
    type: SECONDMENT_JOBS.extensionFollowUp,
    payload: { ...p },
    dueAt: s.calendar.dueInWorkingDays(s.now(), FOLLOW_UP_WORKING_DAYS),
  });
}

/**
 * The scheduled follow-up of an extension request: while it is still waiting for answers, steps 1
 * and 2 remind whoever has not agreed, three working days apart; step 3 tells the programme team.
 * Once everyone agrees, someone declines or the secondment ends early, the job does nothing.
 */
export async function onExtensionFollowUp(s: Services, p: ExtensionFollowUpPayload): Promise<void> {
  const sec = await s.secondments.get(p.secondmentId);
  const ext = sec?.extensions.find((e) => e.id === p.extensionId);
  if (!sec || !ext || ext.status !== "pending" || (sec.status !== "active" && sec.status !== "confirmed")) return;
  const waiting = PARTIES.filter((party) => !ext.approvals[party]);
  if (waiting.length === 0 || p.step < 1 || p.step > FOLLOW_UP_REMINDERS + 1) return;
  if (p.step > FOLLOW_UP_REMINDERS) {
    await tellProgrammeTeam(
      s,
      sec,
      `extension-escalation:${sec.id}:${ext.id}`,
      `${asker(sec, ext)} asked on ${dayOf(ext.requestedAt)} to extend ${sec.secondee.name}'s secondment with ${sec.opening.organisation} to ${formatUkDate(ext.newEndDate)}. It has not been answered by ${whoIs(sec, waiting)}, after two reminders. Until everyone agrees, it still ends on ${formatUkDate(ext.previousEndDate)}. Please follow it up.`,
      "extension-escalation",
    );
    return;
  }
  await sendToAll(
    s,
    sec,
    `extension-reminder:${sec.id}:${ext.id}:${p.step}`,
    (party) => message(extensionCard(sec, ext, viewerOf(sec, party), `Reminder: please say whether you agree to extend ${whose(sec, party, undefined)} secondment.`)),
    "extension-reminder",
    waiting,
  );
  await scheduleExtensionFollowUp(s, { ...p, step: p.step + 1 });
}

const asker = (sec: Secondment, ext: Extension) => (ext.requestedBy === "programme-team" ? "The programme team" : nameOf(sec, ext.requestedBy));

/** The card to agree to or decline an extension, as it stands, for `viewer`. */
export function extensionCard(sec: Secondment, ext: Extension, viewer: PersonId | undefined, notice?: string): AdaptiveCardJson {
  const ref = { secondmentId: sec.id, extensionId: ext.id };
  const mine = viewer ? partiesOf(sec, viewer) : [];
  const facts = [
    { title: "Secondee", value: sec.secondee.name },
    { title: "Role", value: `${sec.opening.title}, ${sec.opening.organisation}` },
    { title: ext.status === "approved" ? "Previous end date" : "Current end date", value: formatUkDate(ext.previousEndDate) },
    { title: "New end date", value: formatUkDate(ext.newEndDate) },
    { title: "Reason", value: ext.reason },
    { title: "Asked by", value: `${asker(sec, ext)} on ${dayOf(ext.requestedAt)}` },
  ];
  if (ext.override) {
    facts.push({ title: "Past the limit", value: `Allowed by ${ext.override.by.name ?? "the programme team"} (programme team): ${ext.override.reason}` });
  }
  const agreed = namesWithRoles(sec, PARTIES.filter((p) => ext.approvals[p]));
  const waiting = namesWithRoles(sec, PARTIES.filter((p) => !ext.approvals[p]));
  const status: Record<Extension["status"], () => Pick<SecondmentModel, "statusText" | "statusStyle">> = {
    pending: () => ({ statusText: `Agreed so far: ${agreed.length ? listOf(agreed) : "nobody yet"}. Waiting for ${listOf(waiting)}.`, statusStyle: "emphasis" }),
    approved: () => ({ statusText: `Everyone agreed on ${dayOf(ext.decidedAt)}. The secondment now ends on ${formatUkDate(ext.newEndDate)}.`, statusStyle: "good" }),
    declined: () => ({
      statusText: `Declined by ${ext.declined ? nameOf(sec, ext.declined.by) : "one of the parties"} on ${dayOf(ext.decidedAt)}.${ext.declined?.reason ? ` Reason: ${ext.declined.reason}` : ""} The end date stays ${formatUkDate(ext.previousEndDate)}.`,
      statusStyle: "attention",
    }),
    withdrawn: () => ({ statusText: `Withdrawn on ${dayOf(ext.decidedAt)}: the secondment is ending early.`, statusStyle: "default" }),
  };
  const actions: ActionModel[] = [];
  const canAnswer = ext.status === "pending" && (sec.status === "active" || sec.status === "confirmed") && mine.some((p) => !ext.approvals[p]);
  if (canAnswer) actions.push({ title: "Agree to the extension", verb: VERBS.approveExtension, data: ref });
  if (mine.length > 0) actions.push({ title: "My secondment", verb: VERBS.mySecondment, data: { secondmentId: sec.id } });
  const model: SecondmentModel = {
    heading: ext.status === "pending" ? `Extend the secondment to ${formatUkDate(ext.newEndDate)}?` : ext.status === "approved" ? "Extension agreed" : ext.status === "declined" ? "Extension declined" : "Extension withdrawn",
    intro: `${asker(sec, ext)} asked to extend ${sec.secondee.name}'s secondment. The secondee, their home line manager and the host must all agree.`,
    facts,
    sections: [],
    ...status[ext.status](),
    actions,
    refresh: { data: { secondmentId: sec.id, view: "extension", extensionId: ext.id }, userIds: refreshUserIds(sec) },
  };
  if (canAnswer) model.reasonAction = { title: "Decline", label: "Why do you not agree to the extension?", submitTitle: "Decline", verb: VERBS.declineExtension, data: ref };
  if (notice) model.notice = notice;
  return renderCard("secondment", model);
}

/** Universal Actions refresh of an extension card: its current state, for whoever is looking. */
export async function refreshExtension(s: Services, c: Caller, ref: SecondmentRef & { extensionId: string }): Promise<Reply> {
  const sec = await s.secondments.get(ref.secondmentId);
  if (!sec || !visibleTo(s, sec, c.person)) return text(NOT_FOUND);
  const ext = sec.extensions.find((e) => e.id === ref.extensionId);
  if (!ext) return card(secondmentCard(s, sec, c.person));
  return card(extensionCard(sec, ext, c.person));
}

function declineReason(raw: unknown): { ok: true; reason: string } | { ok: false; why: string } {
  const r = typeof raw === "string" ? raw.trim() : "";
  if (typeof raw !== "string" && raw !== undefined) return { ok: false, why: "The reason must be text." };
  if (!r) return { ok: false, why: "Enter why you do not agree to the extension. Nothing has changed." };
  if (r.length > 500) return { ok: false, why: "The reason must be 500 characters or fewer. Nothing has changed." };
  return { ok: true, reason: r };
}

export async function decideExtension(s: Services, c: Caller, ref: SecondmentRef & { extensionId: string; reason?: unknown }, approve: boolean): Promise<Reply> {
  const found = await load(s, c, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  const ext = sec.extensions.find((e) => e.id === ref.extensionId);
  if (!ext) return text("We could not find this extension request.");
  const view = (x: Secondment, notice?: string) => card(extensionCard(x, x.extensions.find((e) => e.id === ext.id) ?? ext, c.person, notice));
  if (mine.length === 0) {
    s.log.info("extension answer refused: not a party", { secondmentId: sec.id });
    return view(sec, `Only ${listOf(namesOf(sec, PARTIES))} can answer. Nothing has changed.`);
  }
  let reason = "";
  if (!approve) {
    const r = declineReason(ref.reason);
    if (!r.ok) return view(sec, r.why);
    reason = r.reason;
  }
  const now = s.now();
  const out = await s.secondments.update(sec.id, (current) => {
    if (!current) return { next: undefined, result: undefined };
    let next = current;
    let why: string | undefined;
    // An approval counts for every part the person holds; a "no" is one answer that declines it.
    const parties = partiesOf(current, c.person);
    for (const party of approve ? parties : parties.slice(0, 1)) {
      const x = decideExtensionChange(next, { id: ext.id, party, approve, ...(approve ? {} : { reason }) }, now);
      if (x.kind === "changed") next = x.secondment;
      else why ??= x.why;
    }
    return { next: next === current ? undefined : next, result: { sec: next, changed: next !== current, why } };
  });
  if (!out) return text(GONE);
  const after = out.sec.extensions.find((e) => e.id === ext.id)!;
  if (!out.changed) {
    if (after.status === "approved") await afterAgreed(s, out.sec, after); // idempotent: heals a crash after the change
    return view(out.sec, out.why);
  }
  s.log.info("extension answered", { secondmentId: sec.id, extensionId: ext.id, status: after.status });
  if (after.status === "approved") {
    await afterAgreed(s, out.sec, after);
    return view(out.sec, `Everyone has agreed. The secondment now ends on ${formatUkDate(after.newEndDate)}.`);
  }
  if (after.status === "declined") {
    await afterDeclined(s, out.sec, after, c.person.aadObjectId);
    return view(out.sec, "You declined the extension. We have told the others.");
  }
  return view(out.sec, "Thank you. We are waiting for the others to agree.");
}

/** Everyone agreed: tell them the new end date and move the check-ins, the return reminder and the end. */
async function afterAgreed(s: Services, sec: Secondment, ext: Extension): Promise<void> {
  const prefix = `extension-agreed:${sec.id}:${ext.id}`;
  const newEnd = formatUkDate(ext.newEndDate);
  await sendToAll(
    s,
    sec,
    prefix,
    (party) =>
      note(
        party === "secondee"
          ? `Everyone has agreed to extend your secondment with ${sec.opening.organisation}. It now ends on ${newEnd}.`
          : `Everyone has agreed to extend ${sec.secondee.name}'s secondment with ${sec.opening.organisation}. It now ends on ${newEnd}.`,
      ),
    "extension-agreed",
  );
  if (ext.requestedBy === "programme-team" || ext.override) {
    await tellProgrammeTeam(s, sec, prefix, `Everyone has agreed to extend ${sec.secondee.name}'s secondment with ${sec.opening.organisation}. It now ends on ${newEnd}.`, "extension-agreed");
  }
  await scheduleAhead(s, sec);
}

async function afterDeclined(s: Services, sec: Secondment, ext: Extension, declinerAad: string): Promise<void> {
  const prefix = `extension-declined:${sec.id}:${ext.id}`;
  const who = ext.declined ? nameOf(sec, ext.declined.by) : "One of the parties";
  const why = ext.declined?.reason ? ` Their reason: ${ext.declined.reason}` : "";
  const line = (party: Party | undefined) =>
    `${who} declined the request to extend ${whose(sec, party, ext.declined?.by)} secondment to ${formatUkDate(ext.newEndDate)}.${why} It still ends on ${formatUkDate(ext.previousEndDate)}.`;
  await sendToAll(s, sec, prefix, (party) => note(line(party)), "extension-declined", othersThan(sec, declinerAad));
  if (ext.requestedBy === "programme-team") await tellProgrammeTeam(s, sec, prefix, line(undefined), "extension-declined");
}

// ---------------------------------------------------------------------------------------------
// Ending early (or calling it off before the start)

function cannotEndEarly(sec: Secondment): string | undefined {
  if (sec.earlyEnd) return "This secondment is already ending early.";
  if (sec.status !== "active" && sec.status !== "confirmed" && sec.status !== "agreeing") return "This secondment has already finished.";
  if (!sec.terms) return "There is no agreement yet, so there is nothing to call off. If you do not want to go ahead, tell the others and do not agree the details.";
  return undefined;
}

function earlyEndContent(sec: Secondment, today: string): { content: FormContent; started: boolean; earliest: string } {
  const t = sec.terms!;
  const started = sec.status === "active";
  const earliest = started ? earliestEarlyEnd(today, t.noticeWeeks) : today;
  return { content: earlyEndForm({ secondmentId: sec.id, currentEnd: t.endDate, earliest, started, noticeWeeks: t.noticeWeeks }), started, earliest };
}

export async function openEarlyEnd(s: Services, c: Caller, ref: SecondmentRef): Promise<Reply> {
  const found = await load(s, c, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  if (mine.length === 0 && !isProgrammeTeam(s, c.person)) return text(ONLY_PARTIES_OR_TEAM);
  const why = cannotEndEarly(sec);
  if (why) return card(secondmentCard(s, sec, c.person, why));
  const { content, started, earliest } = earlyEndContent(sec, todayInLondon(s.now()));
  if (started && compareIso(earliest, sec.terms!.endDate) >= 0) {
    return card(secondmentCard(s, sec, c.person, `The secondment ends on ${formatUkDate(sec.terms!.endDate)}, before the agreed notice of ${weeks(sec.terms!.noticeWeeks)} would run out. It will end then as planned.`));
  }
  return form(content);
}

export async function submitEarlyEnd(s: Services, c: Caller, ref: SecondmentRef, raw: unknown): Promise<Reply> {
  const found = await load(s, c, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  if (mine.length === 0 && !isProgrammeTeam(s, c.person)) return text(ONLY_PARTIES_OR_TEAM);
  const why = cannotEndEarly(sec);
  if (why) return card(secondmentCard(s, sec, c.person, why));
  const now = s.now();
  const today = todayInLondon(now);
  const { content, started } = earlyEndContent(sec, today);
  const t = sec.terms!;
  const result = validateEarlyEnd(raw, { today, currentEndDate: t.endDate, noticeWeeks: t.noticeWeeks, started });
  if (!result.ok) return form(content, formValues(raw, EARLY_END_FIELDS), result.errors);
  const by: Party | "programme-team" = mine.length > 0 ? mine[0]! : "programme-team";
  const out = await apply(s, sec.id, (current) => {
    if (current.status !== sec.status || current.terms?.endDate !== t.endDate) {
      return { kind: "refused", why: "The secondment changed while you were filling in the form. Check it below, then try again if you still need to.", secondment: current };
    }
    return endEarly(current, { by, reason: result.value.reason, lastDay: result.value.lastDay }, today, now);
  });
  if (!out) return text(GONE);
  if (out.kind === "refused") return card(secondmentCard(s, out.secondment, c.person, out.why));
  const next = out.secondment;
  s.log.info("secondment ending early", { secondmentId: next.id, status: next.status });
  await afterEarlyEnd(s, next, by === "programme-team" ? undefined : c.person.aadObjectId);
  const others = namesOf(next, othersThan(next, by === "programme-team" ? undefined : c.person.aadObjectId));
  const toldWho = [...others, ...(s.config.programmeTeam.aadObjectIds.length ? ["the programme team"] : [])];
  const told = toldWho.length ? ` We have told ${listOf(toldWho)}.` : "";
  return card(
    secondmentCard(s, next, c.person, next.status === "cancelled" ? `The secondment is called off.${told}` : `The secondment now ends on ${formatUkDate(next.earlyEnd!.lastDay)}.${told}`),
  );
}

/** Tell the others and the programme team, and move the end job to the new last day. */
async function afterEarlyEnd(s: Services, sec: Secondment, byAad: string | undefined): Promise<void> {
  const e = sec.earlyEnd!;
  const who = e.by === "programme-team" ? "The programme team" : nameOf(sec, e.by);
  const line = (party: Party | undefined) =>
    sec.status === "cancelled"
      ? `${who} has called off ${whose(sec, party, e.by)} secondment with ${sec.opening.organisation}. It will not start. Reason: ${e.reason}`
      : `${who} has ended ${whose(sec, party, e.by)} secondment with ${sec.opening.organisation} early. The last day is ${formatUkDate(e.lastDay)}, instead of ${formatUkDate(e.previousEndDate)}. Reason: ${e.reason}`;
  await sendToAll(s, sec, `early-end:${sec.id}`, (party) => note(line(party)), "early-end", othersThan(sec, byAad));
  await tellProgrammeTeam(s, sec, `early-end:${sec.id}`, line(undefined), "early-end");
  await scheduleAhead(s, sec);
  if (sec.status === "cancelled") await afterCalledOff(s, sec, e.by, e.reason);
}

/**
 * Called off before it started: the match closes, so the person and the role go back into the pool
 * (the pair is not proposed again), and the secondee's plan step 5 is open again.
 */
async function afterCalledOff(s: Services, sec: Secondment, by: Party | "programme-team", reason: string): Promise<void> {
  const side = by === "host" ? "host" : by === "programme-team" ? "programme-team" : "secondee";
  await s.matches.update(sec.matchId, (m) => {
    const c = m ? callOff(m, side, reason, s.now()) : undefined;
    return { next: c?.kind === "changed" ? c.match : undefined, result: undefined };
  });
  await s.plans.setStepStatus(sec.secondee, { step: 5, status: "todo" }, s.now());
}
