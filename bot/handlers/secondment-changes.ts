import { randomUUID } from "node:crypto";
import { renderCard } from "../render-card";
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
import { compareIso, todayInLondon } from "../../src/domain/dates";
import { formValues } from "../../src/domain/forms";
import { formatDate, t, type Lang } from "../../src/i18n";
import type { PersonId } from "../../src/domain/person";
import {
  askFeedback as askFeedbackChange,
  decideExtension as decideExtensionChange,
  endEarly,
  giveFeedback as giveFeedbackChange,
  listIn,
  nameOf,
  say,
  partiesOf,
  PARTIES,
  pendingExtension,
  personOf,
  reportChange,
  requestExtension,
  type Extension,
  type Msg,
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
  load,
  dateOf,
  message,
  note,
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
import { asker, extensionCard, tellHostManager } from "./secondment-card";
export { extensionCard };
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

const form = (content: FormContent, values: Record<string, string> = {}, errors: Partial<Record<string, string>> = {}) =>
  card(renderCard("form", buildForm(content, values, errors), content.lang));

/**
 * Whose secondment, told to `party` about something `actor` did: "your", "their" or "Ana Jones's".
 * An id for the catalogue's select ({whose, select, your {…} their {…} other {…{secondee}…}}).
 */
function whose(party: Party | undefined, actor: Party | "programme-team" | undefined): "your" | "their" | "named" {
  if (party === "secondee") return "your";
  if (actor === "secondee") return "their";
  return "named";
}


/** Each party's name once, even when one person holds two parts. */
function namesOf(sec: Secondment, parties: readonly Party[], lang: Lang): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of parties) {
    const who = personOf(sec, p);
    const key = who?.aadObjectId.toLowerCase() ?? p;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(nameOf(sec, p, lang));
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


/** A reply's text in the caller's language. */
const reply = (c: Caller, key: string, values?: Record<string, string | number>) => text(t(c.lang, key, values));

// ---------------------------------------------------------------------------------------------
// Reporting an absence or a change (the secondee)

const ONLY_SECONDEE_REPORTS = "secondmentChanges.report.onlySecondee";
const REPORT_WHEN = "secondment.refused.reportWhen";

export async function openReport(s: Services, c: Caller, ref: SecondmentRef): Promise<Reply> {
  const found = await load(s, c, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  if (!mine.includes("secondee")) return reply(c, ONLY_SECONDEE_REPORTS);
  if (sec.status !== "active" && sec.status !== "confirmed") return card(secondmentCard(s, sec, c.person, c.lang, t(c.lang, REPORT_WHEN)));
  // The id rides in the submit data, so pressing Send on the same card twice stores one report.
  return form(reportForm(c.lang, { secondmentId: sec.id, reportId: randomUUID() }));
}

/** What the home line manager is told of a report, in their language (paragraphs, one message each). */
function reportText(lang: Lang, sec: Secondment, reportId: string): string | undefined {
  const r = sec.reports.find((x) => x.id === reportId);
  if (!r) return undefined;
  const lines = [t(lang, "secondmentChanges.report.told", { kind: r.kind, secondee: sec.secondee.name, organisation: sec.opening.organisation })];
  if (r.from) lines.push(t(lang, "secondmentChanges.report.from", { kind: r.kind, date: formatDate(lang, r.from) }));
  if (r.to) lines.push(t(lang, "secondmentChanges.report.to", { kind: r.kind, date: formatDate(lang, r.to) }));
  lines.push(t(lang, "secondmentChanges.report.details", { details: r.details }));
  return lines.join("\n\n");
}

export async function submitReport(s: Services, c: Caller, ref: SecondmentRef & { reportId: string }, raw: unknown): Promise<Reply> {
  const found = await load(s, c, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  if (!mine.includes("secondee")) return reply(c, ONLY_SECONDEE_REPORTS);
  const result = validateReport(raw, c.lang);
  if (!result.ok) return form(reportForm(c.lang, { secondmentId: sec.id, reportId: ref.reportId }), formValues(raw, REPORT_FIELDS), result.errors);
  const out = await apply(s, sec.id, (current) => reportChange(current, { id: ref.reportId, ...result.value }, s.now()));
  if (!out) return reply(c, NOT_FOUND);
  const stored = out.secondment;
  if (!stored.reports.some((x) => x.id === ref.reportId)) return card(secondmentCard(s, stored, c.person, c.lang, out.kind === "refused" ? say(c.lang, out.why) : t(c.lang, REPORT_WHEN)));
  // Sent whenever the report is stored, so a crash after storing it is healed by pressing again.
  await sendTo(s, stored, "homeManager", `report:${stored.id}:${ref.reportId}`, (lang) => note(reportText(lang, stored, ref.reportId)!), "secondment-report");
  const manager = stored.homeManager ? nameOf(stored, "homeManager", c.lang) : undefined;
  const told = manager === undefined ? "no" : "yes";
  const notice = t(c.lang, out.kind === "refused" ? "secondmentChanges.report.again" : "secondmentChanges.report.thanks", { told, manager: manager ?? "" });
  return card(secondmentCard(s, stored, c.person, c.lang, notice));
}

// ---------------------------------------------------------------------------------------------
// Feedback between the parties

export async function askFeedback(s: Services, c: Caller, ref: SecondmentRef & { to: Party }): Promise<Reply> {
  const found = await load(s, c, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  if (mine.length === 0) return reply(c, "secondmentChanges.feedback.onlyParties");
  // Nobody asks themselves, even when they hold two parts (say host and home line manager).
  if (mine.includes(ref.to)) return card(secondmentCard(s, sec, c.person, c.lang, t(c.lang, "secondment.refused.feedbackSelf")));
  const from = mine[0]!;
  const id = randomUUID();
  const out = await apply(s, sec.id, (current) => {
    const open = current.feedback.find((f) => f.from === from && f.to === ref.to && f.answer === undefined);
    if (open) {
      const why: Msg = { key: "secondmentChanges.feedback.alreadyAsked", values: { name: nameOf(current, ref.to, c.lang), date: dateOf(c.lang, open.askedAt) } };
      return { kind: "refused", why, secondment: current };
    }
    return askFeedbackChange(current, { id, from, to: ref.to }, s.now());
  });
  if (!out) return reply(c, NOT_FOUND);
  if (out.kind === "refused") return card(secondmentCard(s, out.secondment, c.person, c.lang, say(c.lang, out.why)));
  const next = out.secondment;
  const ask = (lang: Lang) => message(renderCard("form", buildForm(feedbackForm(lang, { secondmentId: next.id, feedbackId: id, askerName: nameOf(next, from, lang) }), {}), lang));
  await sendTo(s, next, ref.to, `feedback-ask:${next.id}:${id}`, ask, "feedback-ask");
  return card(secondmentCard(s, next, c.person, c.lang, t(c.lang, "secondmentChanges.feedback.asked", { name: nameOf(next, ref.to, c.lang) })));
}

export async function giveFeedback(s: Services, c: Caller, ref: SecondmentRef & { feedbackId: string }, raw: unknown): Promise<Reply> {
  const found = await load(s, c, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  const asked = sec.feedback.find((f) => f.id === ref.feedbackId);
  if (!asked) return reply(c, "secondment.refused.feedbackMissing");
  if (!mine.includes(asked.to)) return reply(c, "secondmentChanges.feedback.onlyAsked", { name: nameOf(sec, asked.to, c.lang) });
  const result = validateFeedback(raw, c.lang);
  if (!result.ok) {
    const content = feedbackForm(c.lang, { secondmentId: sec.id, feedbackId: asked.id, askerName: nameOf(sec, asked.from, c.lang) });
    return form(content, formValues(raw, FEEDBACK_FIELDS), result.errors);
  }
  const out = await apply(s, sec.id, (current) => giveFeedbackChange(current, asked.id, asked.to, result.value, s.now()));
  if (!out) return reply(c, NOT_FOUND);
  const stored = out.secondment;
  const done = stored.feedback.find((f) => f.id === asked.id);
  if (done?.answer !== undefined) {
    const given = (lang: Lang) =>
      note(t(lang, "secondmentChanges.feedback.givenNote", { name: nameOf(stored, done.to, lang), whose: whose(done.from, done.to), secondee: stored.secondee.name, feedback: done.answer ?? "" }));
    await sendTo(s, stored, done.from, `feedback-given:${stored.id}:${done.id}`, given, "feedback-given");
  }
  if (out.kind === "refused") return card(secondmentCard(s, stored, c.person, c.lang, say(c.lang, out.why)));
  return card(secondmentCard(s, stored, c.person, c.lang, t(c.lang, "secondmentChanges.feedback.sent", { name: nameOf(stored, asked.from, c.lang) })));
}

// ---------------------------------------------------------------------------------------------
// Extensions: all three agree

const ONLY_PARTIES_OR_TEAM = "secondmentChanges.reply.onlyPartiesOrTeam";

/** Why no extension can be asked for now (a catalogue key), or undefined if one can. */
function cannotExtend(sec: Secondment): string | undefined {
  if (sec.status !== "active" && sec.status !== "confirmed") return "secondment.refused.extendWhen";
  if (!sec.terms) return "secondment.refused.noAgreement";
  if (sec.earlyEnd) return "secondment.refused.extendEnding";
  if (pendingExtension(sec)) return "secondmentChanges.extension.pending";
  return undefined;
}

function extensionContent(s: Services, c: Caller, sec: Secondment): FormContent {
  const terms = sec.terms!;
  const latest = latestEndDate({ startDate: terms.startDate, capMonths: sec.capMonths, fixedTermEnd: sec.fixedTermEnd });
  return extensionForm(c.lang, {
    secondmentId: sec.id,
    currentEnd: terms.endDate,
    limit: { latestEnd: latest.date, because: latest.because, capMonths: sec.capMonths },
    mayOverride: isProgrammeTeam(s, c.person),
  });
}

export async function openExtension(s: Services, c: Caller, ref: SecondmentRef): Promise<Reply> {
  const found = await load(s, c, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  if (mine.length === 0 && !isProgrammeTeam(s, c.person)) return reply(c, ONLY_PARTIES_OR_TEAM);
  const why = cannotExtend(sec);
  if (why) return card(secondmentCard(s, sec, c.person, c.lang, t(c.lang, why)));
  return form(extensionContent(s, c, sec));
}

export async function submitExtension(s: Services, c: Caller, ref: SecondmentRef, raw: unknown): Promise<Reply> {
  const found = await load(s, c, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  const team = isProgrammeTeam(s, c.person);
  if (mine.length === 0 && !team) return reply(c, ONLY_PARTIES_OR_TEAM);
  const why = cannotExtend(sec);
  if (why) return card(secondmentCard(s, sec, c.person, c.lang, t(c.lang, why)));
  const terms = sec.terms!;
  const now = s.now();
  const result = validateExtension(
    raw,
    {
      today: todayInLondon(now),
      startDate: terms.startDate,
      currentEndDate: terms.endDate,
      capMonths: sec.capMonths,
      fixedTermEnd: sec.fixedTermEnd,
      mayOverrideCap: team,
    },
    c.lang,
  );
  if (!result.ok) return form(extensionContent(s, c, sec), formValues(raw, EXTENSION_FIELDS), result.errors);
  const v = result.value;
  const id = randomUUID();
  const by: Party | "programme-team" = mine.length > 0 ? mine[0]! : "programme-team";
  const out = await apply(s, sec.id, (current) => {
    if (current.terms?.endDate !== terms.endDate) return { kind: "refused", why: { key: "secondmentChanges.extension.endChanged" }, secondment: current };
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
  if (!out) return reply(c, NOT_FOUND);
  if (out.kind === "refused") return card(secondmentCard(s, out.secondment, c.person, c.lang, say(c.lang, out.why)));
  const next = out.secondment;
  const ext = next.extensions.find((e) => e.id === id)!;
  s.log.info("extension asked for", { secondmentId: next.id, extensionId: id, override: Boolean(ext.override) });
  if (ext.status === "approved") {
    await afterAgreed(s, next, ext);
    return card(extensionCard(next, ext, c.person, c.lang, t(c.lang, "secondmentChanges.extension.nowEnds", { date: formatDate(c.lang, ext.newEndDate) })));
  }
  const waiting = PARTIES.filter((p) => !ext.approvals[p]);
  await sendToAll(
    s,
    next,
    `extension:${next.id}:${id}`,
    (party, lang) => message(extensionCard(next, ext, viewerOf(next, party), lang, t(lang, "secondmentChanges.extension.pleaseAnswer", { whose: whose(party, undefined), secondee: next.secondee.name }))),
    "extension-request",
    waiting,
  );
  await scheduleExtensionFollowUp(s, { secondmentId: next.id, extensionId: id, step: 1 });
  return card(extensionCard(next, ext, c.person, c.lang, t(c.lang, "secondmentChanges.extension.askedOthers", { names: listIn(c.lang, namesOf(next, waiting, c.lang)) })));
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
      (lang) =>
        t(lang, "reminders.extension.escalation", {
          team: ext.requestedBy === "programme-team" ? "yes" : "no",
          asker: asker(lang, sec, ext),
          date: dateOf(lang, ext.requestedAt),
          secondee: sec.secondee.name,
          organisation: sec.opening.organisation,
          newEnd: formatDate(lang, ext.newEndDate),
          who: whoIs(lang, sec, waiting),
          end: formatDate(lang, ext.previousEndDate),
        }),
      "extension-escalation",
    );
    return;
  }
  await sendToAll(
    s,
    sec,
    `extension-reminder:${sec.id}:${ext.id}:${p.step}`,
    (party, lang) => message(extensionCard(sec, ext, viewerOf(sec, party), lang, t(lang, "reminders.extension.remind", { whose: whose(party, undefined), secondee: sec.secondee.name }))),
    "extension-reminder",
    waiting,
  );
  await scheduleExtensionFollowUp(s, { ...p, step: p.step + 1 });
}

/** Universal Actions refresh of an extension card: its current state, for whoever is looking. */
export async function refreshExtension(s: Services, c: Caller, ref: SecondmentRef & { extensionId: string }): Promise<Reply> {
  const sec = await s.secondments.get(ref.secondmentId);
  if (!sec || !visibleTo(s, sec, c.person)) return reply(c, NOT_FOUND);
  const ext = sec.extensions.find((e) => e.id === ref.extensionId);
  if (!ext) return card(secondmentCard(s, sec, c.person, c.lang));
  return card(extensionCard(sec, ext, c.person, c.lang));
}

/** The reason for declining, or why it cannot be used (a catalogue key). */
function declineReason(raw: unknown): { ok: true; reason: string } | { ok: false; why: string } {
  const r = typeof raw === "string" ? raw.trim() : "";
  if (typeof raw !== "string" && raw !== undefined) return { ok: false, why: "secondmentChanges.decline.notText" };
  if (!r) return { ok: false, why: "secondmentChanges.decline.empty" };
  if (r.length > 500) return { ok: false, why: "secondmentChanges.decline.tooLong" };
  return { ok: true, reason: r };
}

export async function decideExtension(s: Services, c: Caller, ref: SecondmentRef & { extensionId: string; reason?: unknown }, approve: boolean): Promise<Reply> {
  const found = await load(s, c, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  const ext = sec.extensions.find((e) => e.id === ref.extensionId);
  if (!ext) return reply(c, "secondment.refused.extensionMissing");
  const view = (x: Secondment, notice?: string) => card(extensionCard(x, x.extensions.find((e) => e.id === ext.id) ?? ext, c.person, c.lang, notice));
  if (mine.length === 0) {
    s.log.info("extension answer refused: not a party", { secondmentId: sec.id });
    return view(sec, t(c.lang, "secondmentChanges.extension.onlyParties", { names: listIn(c.lang, namesOf(sec, PARTIES, c.lang)) }));
  }
  let reason = "";
  if (!approve) {
    const r = declineReason(ref.reason);
    if (!r.ok) return view(sec, t(c.lang, r.why));
    reason = r.reason;
  }
  const now = s.now();
  const out = await s.secondments.update(sec.id, (current) => {
    if (!current) return { next: undefined, result: undefined };
    let next = current;
    let why: Msg | undefined;
    // An approval counts for every part the person holds; a "no" is one answer that declines it.
    const parties = partiesOf(current, c.person);
    for (const party of approve ? parties : parties.slice(0, 1)) {
      const x = decideExtensionChange(next, { id: ext.id, party, approve, ...(approve ? {} : { reason }) }, now);
      if (x.kind === "changed") next = x.secondment;
      else why ??= x.why;
    }
    return { next: next === current ? undefined : next, result: { sec: next, changed: next !== current, why } };
  });
  if (!out) return reply(c, NOT_FOUND);
  const after = out.sec.extensions.find((e) => e.id === ext.id)!;
  if (!out.changed) {
    if (after.status === "approved") await afterAgreed(s, out.sec, after); // idempotent: heals a crash after the change
    return view(out.sec, out.why ? say(c.lang, out.why) : undefined);
  }
  s.log.info("extension answered", { secondmentId: sec.id, extensionId: ext.id, status: after.status });
  if (after.status === "approved") {
    await afterAgreed(s, out.sec, after);
    return view(out.sec, t(c.lang, "secondmentChanges.extension.allAgreed", { date: formatDate(c.lang, after.newEndDate) }));
  }
  if (after.status === "declined") {
    await afterDeclined(s, out.sec, after, c.person.aadObjectId);
    return view(out.sec, t(c.lang, "secondmentChanges.extension.youDeclined"));
  }
  return view(out.sec, t(c.lang, "secondmentChanges.extension.waitingOthers"));
}

/** Everyone agreed: tell them the new end date and move the check-ins, the return reminder and the end. */
async function afterAgreed(s: Services, sec: Secondment, ext: Extension): Promise<void> {
  const prefix = `extension-agreed:${sec.id}:${ext.id}`;
  const agreedNote = (lang: Lang, party: Party | undefined) =>
    t(lang, "secondmentChanges.extension.agreedNote", { whose: party === "secondee" ? "your" : "named", secondee: sec.secondee.name, organisation: sec.opening.organisation, date: formatDate(lang, ext.newEndDate) });
  await sendToAll(s, sec, prefix, (party, lang) => note(agreedNote(lang, party)), "extension-agreed");
  await tellHostManager(s, sec, prefix, (lang) => t(lang, "secondmentChanges.extension.hostManagerNote", { secondee: sec.secondee.name, organisation: sec.opening.organisation, date: formatDate(lang, ext.newEndDate) }), "extension-agreed");
  if (ext.requestedBy === "programme-team" || ext.override) {
    await tellProgrammeTeam(s, sec, prefix, (lang) => agreedNote(lang, undefined), "extension-agreed");
  }
  await scheduleAhead(s, sec);
}

async function afterDeclined(s: Services, sec: Secondment, ext: Extension, declinerAad: string): Promise<void> {
  const prefix = `extension-declined:${sec.id}:${ext.id}`;
  const line = (lang: Lang, party: Party | undefined) =>
    t(lang, "secondmentChanges.extension.declinedNote", {
      known: ext.declined ? "yes" : "no",
      decliner: ext.declined ? nameOf(sec, ext.declined.by, lang) : "",
      whose: whose(party, ext.declined?.by),
      secondee: sec.secondee.name,
      newEnd: formatDate(lang, ext.newEndDate),
      because: ext.declined?.reason ? "yes" : "no",
      reason: ext.declined?.reason ?? "",
      end: formatDate(lang, ext.previousEndDate),
    });
  await sendToAll(s, sec, prefix, (party, lang) => note(line(lang, party)), "extension-declined", othersThan(sec, declinerAad));
  if (ext.requestedBy === "programme-team") await tellProgrammeTeam(s, sec, prefix, (lang) => line(lang, undefined), "extension-declined");
}

// ---------------------------------------------------------------------------------------------
// Ending early (or calling it off before the start)

/** Why it cannot end early now (a catalogue key), or undefined if it can. */
function cannotEndEarly(sec: Secondment): string | undefined {
  if (sec.earlyEnd) return "secondment.refused.alreadyEnding";
  if (sec.status !== "active" && sec.status !== "confirmed" && sec.status !== "agreeing") return "secondment.refused.alreadyFinished";
  if (!sec.terms) return "secondmentChanges.earlyEnd.noAgreement";
  return undefined;
}

function earlyEndContent(lang: Lang, sec: Secondment, today: string): { content: FormContent; started: boolean; earliest: string } {
  const terms = sec.terms!;
  const started = sec.status === "active";
  const earliest = started ? earliestEarlyEnd(today, terms.noticeWeeks) : today;
  return { content: earlyEndForm(lang, { secondmentId: sec.id, currentEnd: terms.endDate, earliest, started, noticeWeeks: terms.noticeWeeks }), started, earliest };
}

export async function openEarlyEnd(s: Services, c: Caller, ref: SecondmentRef): Promise<Reply> {
  const found = await load(s, c, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  if (mine.length === 0 && !isProgrammeTeam(s, c.person)) return reply(c, ONLY_PARTIES_OR_TEAM);
  const why = cannotEndEarly(sec);
  if (why) return card(secondmentCard(s, sec, c.person, c.lang, t(c.lang, why)));
  const { content, started, earliest } = earlyEndContent(c.lang, sec, todayInLondon(s.now()));
  if (started && compareIso(earliest, sec.terms!.endDate) >= 0) {
    const notice = t(c.lang, "secondmentChanges.earlyEnd.noticeRunsPastEnd", { date: formatDate(c.lang, sec.terms!.endDate), weeks: sec.terms!.noticeWeeks });
    return card(secondmentCard(s, sec, c.person, c.lang, notice));
  }
  return form(content);
}

export async function submitEarlyEnd(s: Services, c: Caller, ref: SecondmentRef, raw: unknown): Promise<Reply> {
  const found = await load(s, c, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  if (mine.length === 0 && !isProgrammeTeam(s, c.person)) return reply(c, ONLY_PARTIES_OR_TEAM);
  const why = cannotEndEarly(sec);
  if (why) return card(secondmentCard(s, sec, c.person, c.lang, t(c.lang, why)));
  const now = s.now();
  const today = todayInLondon(now);
  const { content, started } = earlyEndContent(c.lang, sec, today);
  const terms = sec.terms!;
  const result = validateEarlyEnd(raw, { today, currentEndDate: terms.endDate, noticeWeeks: terms.noticeWeeks, started }, c.lang);
  if (!result.ok) return form(content, formValues(raw, EARLY_END_FIELDS), result.errors);
  const by: Party | "programme-team" = mine.length > 0 ? mine[0]! : "programme-team";
  const out = await apply(s, sec.id, (current) => {
    if (current.status !== sec.status || current.terms?.endDate !== terms.endDate) {
      return { kind: "refused", why: { key: "secondmentChanges.earlyEnd.changed" }, secondment: current };
    }
    return endEarly(current, { by, reason: result.value.reason, lastDay: result.value.lastDay }, today, now);
  });
  if (!out) return reply(c, NOT_FOUND);
  if (out.kind === "refused") return card(secondmentCard(s, out.secondment, c.person, c.lang, say(c.lang, out.why)));
  const next = out.secondment;
  s.log.info("secondment ending early", { secondmentId: next.id, status: next.status });
  await afterEarlyEnd(s, next, by === "programme-team" ? undefined : c.person.aadObjectId);
  const others = namesOf(next, othersThan(next, by === "programme-team" ? undefined : c.person.aadObjectId), c.lang);
  const toldWho = [...others, ...(s.config.programmeTeam.aadObjectIds.length ? [t(c.lang, "secondmentChanges.earlyEnd.theProgrammeTeam")] : [])];
  const notice = t(c.lang, "secondmentChanges.earlyEnd.done", {
    cancelled: next.status === "cancelled" ? "yes" : "no",
    date: formatDate(c.lang, next.earlyEnd!.lastDay),
    told: toldWho.length ? "yes" : "no",
    names: listIn(c.lang, toldWho),
  });
  return card(secondmentCard(s, next, c.person, c.lang, notice));
}

/** Tell the others and the programme team, and move the end job to the new last day. */
async function afterEarlyEnd(s: Services, sec: Secondment, byAad: string | undefined): Promise<void> {
  const e = sec.earlyEnd!;
  const line = (lang: Lang, party: Party | undefined) =>
    t(lang, sec.status === "cancelled" ? "secondmentChanges.earlyEnd.calledOffNote" : "secondmentChanges.earlyEnd.endedNote", {
      team: e.by === "programme-team" ? "yes" : "no",
      who: e.by === "programme-team" ? "" : nameOf(sec, e.by, lang),
      whose: whose(party, e.by),
      secondee: sec.secondee.name,
      organisation: sec.opening.organisation,
      date: formatDate(lang, e.lastDay),
      end: formatDate(lang, e.previousEndDate),
      reason: e.reason,
    });
  await sendToAll(s, sec, `early-end:${sec.id}`, (party, lang) => note(line(lang, party)), "early-end", othersThan(sec, byAad));
  await tellProgrammeTeam(s, sec, `early-end:${sec.id}`, (lang) => line(lang, undefined), "early-end");
  await scheduleAhead(s, sec);
  if (sec.status === "cancelled") await afterCalledOff(s, sec, e.by, e.reason);
}

/**
 * Called off before it started: the match closes, so the person and the role go back into the pool
 * (the pair is not proposed again), and the secondee's plan steps 3 (find a host) and 5 are open again.
 */
async function afterCalledOff(s: Services, sec: Secondment, by: Party | "programme-team", reason: string): Promise<void> {
  const side = by === "host" ? "host" : by === "programme-team" ? "programme-team" : "secondee";
  await s.matches.update(sec.matchId, (m) => {
    const c = m ? callOff(m, side, reason, s.now()) : undefined;
    return { next: c?.kind === "changed" ? c.match : undefined, result: undefined };
  });
  await s.plans.setStepStatus(sec.secondee, { step: 3, status: "todo" }, s.now());
  await s.plans.setStepStatus(sec.secondee, { step: 5, status: "todo" }, s.now());
}
