import { VERBS, type SecondmentModel } from "../../cards";
import { renderCard } from "../render-card";
import { MAX_REMINDERS, REMINDER_WORKING_DAYS } from "../../src/domain/approval";
import { agreementToForm, choiceText, validateAgreement, validateCheckIn } from "../../src/domain/agreement";
import { compareIso, todayInLondon } from "../../src/domain/dates";
import { formValues } from "../../src/domain/forms";
import { formatDate, t, type Lang } from "../../src/i18n";
import { matchId, type Match } from "../../src/domain/match";
import { personKey, type PersonId } from "../../src/domain/person";
import {
  answerCheckIn,
  checkInByNumber,
  checkInFollowUp,
  confirmTerms,
  nameOf,
  newSecondment,
  partiesOf,
  PARTIES,
  personOf,
  proposeTerms,
  recordCheckInSent,
  recordFollowUp,
  recordReturnReminder,
  start,
  waitingFor,
  listIn,
  say,
  type Change,
  type Msg,
  type CheckInParty,
  type Party,
  type Secondment,
} from "../../src/domain/secondment";
import { checkInDate, checkInDueAt, followUpDue, latestEndDate, returnReminderDate } from "../../src/domain/secondment-dates";
import { atUkTime } from "../../src/domain/working-days";
import { AGREEMENT_FIELDS, CHECK_IN_FIELDS } from "../../src/domain/agreement";
import { buildForm } from "../forms/form-builder";
import { agreementForm, checkInForm, type EndLimit } from "../forms/secondment-forms";
import { card, text, type Caller, type Reply, type Services } from "./types";

/**
 * The secondment itself, from agreeing the details to the review (plan steps 5 to 7; the end and
 * the review are in ./secondment-review.ts, the card and the senders in ./secondment-card.ts). Every rule
 * and state change is in src/domain/secondment.ts; this module checks who is asking, runs the
 * change under the document's etag, then sends cards and schedules the next job. Message and job
 * ids come from the secondment, the step and the date, so a job that runs twice sends nothing twice.
 */

export const SECONDMENT_JOBS = {
  start: "secondment-start",
  checkIn: "secondment-check-in",
  checkInFollowUp: "secondment-check-in-follow-up",
  returnReminder: "secondment-return-reminder",
  end: "secondment-end",
  /** Reminders to confirm an agreement, then the programme team (see onConfirmFollowUp). */
  confirmFollowUp: "secondment-confirm-follow-up",
  /** Reminders to answer an extension request, then the programme team (see onExtensionFollowUp in secondment-changes.ts). */
  extensionFollowUp: "secondment-extension-follow-up",
} as const;

/**
 * Agreements waiting for confirmation and extensions waiting for answers follow the line-manager
 * release pattern (./approval.ts): up to MAX_REMINDERS reminders, REMINDER_WORKING_DAYS working
 * days apart, then the programme team is told. Job step n (1 and 2) reminds; step 3 escalates.
 */
export const FOLLOW_UP_WORKING_DAYS = REMINDER_WORKING_DAYS;
export const FOLLOW_UP_REMINDERS = MAX_REMINDERS;

/** Working days a check-in may go unanswered before a reminder, and again before the programme team hears. */
export const CHECK_IN_FOLLOW_UP_WORKING_DAYS = 5;


export {
  dateOf,
  isProgrammeTeam,
  message,
  note,
  recipientLang,
  refreshUserIds,
  secondmentCard,
  sendTo,
  sendToAll,
  tellProgrammeTeam,
  termsFacts,
  apply,
  isReply,
  load,
  NOT_FOUND,
  type SecondmentRef,
} from "./secondment-card";
import { apply, checkInCard, dateOf, isProgrammeTeam, isReply, load, message, note, NOT_FOUND, secondmentCard, sendTo, sendToAll, tellHostManager, tellProgrammeTeam, type SecondmentRef } from "./secondment-card";

// ---------------------------------------------------------------------------------------------
// Starting: both sides of a match want to go ahead

/** Create the secondment for a match both sides agreed to, and invite the host and the secondee to agree the details. */
export async function begin(s: Services, m: Match, serviceUrl: string): Promise<Secondment | undefined> {
  const secondeeId: PersonId = { tenantId: m.candidate.tenantId, aadObjectId: m.candidate.aadObjectId };
  const interest = await s.interests.get(secondeeId, "interest");
  const approval = await s.approvals.get(personKey(secondeeId));
  const sep = m.opening.ownerKey.indexOf(":");
  const owner: PersonId = { tenantId: m.opening.ownerKey.slice(0, sep), aadObjectId: m.opening.ownerKey.slice(sep + 1) };
  const role = await s.roles.get(owner, m.opening.id);
  // Never a secondment on a withdrawn role (recordOutcome refuses the answer that would lead here).
  if (role?.status === "withdrawn") {
    s.log.warn("no secondment begun: the role was withdrawn", { openingId: m.opening.id });
    return undefined;
  }
  const details = interest?.details;
  const managerId = approval?.status === "approved" ? (approval.decidedBy?.aadObjectId ?? approval.manager.aadObjectId) : (details?.lineManagerId ?? approval?.manager.aadObjectId);
  const managerName = approval?.decidedBy?.name ?? approval?.manager.name;
  const homeOrganisation = details?.organisationName ?? "";
  const hostOrganisation = role?.details.form.hostOrganisation ?? m.opening.organisation;
  const rules = s.rules();
  const capMonths = Math.min(rules.durationCapMonths(homeOrganisation), rules.durationCapMonths(hostOrganisation));
  const fresh = newSecondment({
    matchId: matchId(m.opening.id, m.candidate.key),
    tenantId: m.candidate.tenantId,
    serviceUrl,
    opening: { id: m.opening.id, title: m.opening.title, organisation: m.opening.organisation, channelConversationId: m.opening.channelConversationId },
    secondee: { ...secondeeId, name: details?.fullName ?? m.candidate.name, key: m.candidate.key },
    homeManager: managerId ? { aadObjectId: managerId, ...(managerName ? { name: managerName } : {}) } : undefined,
    host: { aadObjectId: owner.aadObjectId, key: m.opening.ownerKey, ...(role?.owner.name ? { name: role.owner.name } : {}) },
    homeOrganisation,
    fixedTermEnd: details?.contractType === "fixed-term" ? details.fixedTermEnd : undefined,
    capMonths,
    now: s.now(),
  });
  const sec = await s.secondments.createOrGet(fresh);
  s.log.info("secondment begun", { secondmentId: sec.id });
  const invite = (party: Party, lang: Lang) =>
    message(
      secondmentCard(
        s,
        sec,
        party === "homeManager" ? undefined : party === "secondee" ? secondeeId : owner,
        lang,
        t(lang, `secondment.invite.${party}`, { secondee: sec.secondee.name, host: nameOf(sec, "host", lang) }),
      ),
    );
  // Host before home line manager: one person holding both parts gets the host's card, with its button.
  await sendToAll(s, sec, `secondment-invite:${sec.id}`, invite, "secondment-invite", ["secondee", "host", "homeManager"]);
  return sec;
}

/** "My secondment": the person's secondments, newest first (one card each, up to three). */
export async function mine(s: Services, caller: Caller, ref?: Partial<SecondmentRef>): Promise<Reply> {
  if (ref?.secondmentId) {
    const found = await load(s, caller, { secondmentId: ref.secondmentId });
    if (isReply(found)) return found;
    if (found.mine.length === 0 && !isProgrammeTeam(s, caller.person)) return text(t(caller.lang, "secondment.reply.onlyParties"));
    return card(secondmentCard(s, found.sec, caller.person, caller.lang));
  }
  const list = await s.secondments.involving(personKey(caller.person));
  const current = list.find((x) => x.status !== "closed" && x.status !== "cancelled") ?? list[0];
  if (!current) return text(t(caller.lang, "secondment.reply.none"));
  return card(secondmentCard(s, current, caller.person, caller.lang));
}

/**
 * Only the people in a secondment and the programme team may see it. Anyone else who sends its id
 * is told the same as for one that does not exist.
 */
export const visibleTo = (s: Services, sec: Secondment, person: PersonId): boolean => partiesOf(sec, person).length > 0 || isProgrammeTeam(s, person);

/** Universal Actions refresh: the card as it stands, for whoever is looking, in their language. */
export async function refresh(s: Services, caller: Caller, ref: SecondmentRef): Promise<Reply> {
  const sec = await s.secondments.get(ref.secondmentId);
  if (!sec || !visibleTo(s, sec, caller.person)) return text(t(caller.lang, NOT_FOUND));
  return card(secondmentCard(s, sec, caller.person, caller.lang));
}

// ---------------------------------------------------------------------------------------------
// Agreement (plan step 5)

function endLimit(sec: Secondment, startDate: string | undefined, today: string): EndLimit {
  const l = latestEndDate({ startDate: startDate ?? today, capMonths: sec.capMonths, fixedTermEnd: sec.fixedTermEnd });
  return { latestEnd: l.date, because: l.because, startDate, capMonths: sec.capMonths, fixedTermEnd: sec.fixedTermEnd };
}

/** The host fills in the details first; after that anyone in the secondment may change them. */
const mayDraft = (sec: Secondment, mine: Party[]) => Boolean(sec.terms) || mine.includes("host");

export async function openAgreement(s: Services, caller: Caller, ref: SecondmentRef): Promise<Reply> {
  const lang = caller.lang;
  const found = await load(s, caller, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  if (mine.length === 0) return text(t(lang, "secondment.reply.onlyPartiesAgree"));
  if (sec.status !== "agreeing" && sec.status !== "confirmed") return card(secondmentCard(s, sec, caller.person, lang, t(lang, "secondment.notice.noLongerChange")));
  const today = todayInLondon(s.now());
  if (!mayDraft(sec, mine)) return card(secondmentCard(s, sec, caller.person, lang, t(lang, "secondment.notice.hostFirst")));
  const content = agreementForm(lang, { secondmentId: sec.id, version: sec.termsVersion, title: sec.opening.title, secondeeName: sec.secondee.name, limit: endLimit(sec, sec.terms?.startDate, today) });
  return card(renderCard("form", buildForm(content, agreementToForm(sec.terms)), lang));
}

export async function submitAgreement(s: Services, caller: Caller, ref: SecondmentRef & { version?: number | undefined }, raw: unknown): Promise<Reply> {
  const lang = caller.lang;
  const found = await load(s, caller, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  if (mine.length === 0) return text(t(lang, "secondment.reply.onlyPartiesAgree"));
  if (!mayDraft(sec, mine)) return card(secondmentCard(s, sec, caller.person, lang, t(lang, "secondment.notice.hostFirst")));
  const today = todayInLondon(s.now());
  const values = formValues(raw, AGREEMENT_FIELDS);
  const result = validateAgreement(raw, { today, capMonths: sec.capMonths, fixedTermEnd: sec.fixedTermEnd }, lang);
  const form = (intro?: string, errors: Partial<Record<string, string>> = {}) => {
    const startDate = result.ok ? result.value.startDate : /^\d{4}-\d{2}-\d{2}$/.test(values.startDate ?? "") ? values.startDate : undefined;
    const content = agreementForm(lang, { secondmentId: sec.id, version: sec.termsVersion, title: sec.opening.title, secondeeName: sec.secondee.name, limit: endLimit(sec, startDate, today), ...(intro ? { intro } : {}) });
    return card(renderCard("form", buildForm(content, values, errors), lang));
  };
  if (!result.ok) return form(undefined, result.errors);
  if (ref.version !== undefined && ref.version !== sec.termsVersion) return form(t(lang, "secondment.agreement.staleCheckCard"));
  const party = mine[0]!;
  const out = await s.secondments.update(sec.id, (current) => {
    if (!current) return { next: undefined, result: undefined };
    if (ref.version !== undefined && current.termsVersion !== ref.version) return { next: undefined, result: { kind: "stale" } as Proposed };
    const c = proposeTerms(current, party, result.value, s.now());
    return { next: c.kind === "changed" ? c.secondment : undefined, result: c as Proposed };
  });
  if (!out) return text(t(lang, NOT_FOUND));
  if (out.kind === "stale") return form(t(lang, "secondment.agreement.stale"));
  if (out.kind === "refused") return card(secondmentCard(s, out.secondment, caller.person, lang, say(lang, out.why)));
  const next = out.secondment;
  await askToConfirm(s, next, personKey(caller.person));
  s.log.info("agreement proposed", { secondmentId: next.id, version: next.termsVersion });
  return card(secondmentCard(s, next, caller.person, lang, t(lang, "secondment.agreement.sent")));
}

const viewerOf = (sec: Secondment, party: Party): PersonId | undefined => {
  const p = personOf(sec, party);
  return p ? { tenantId: sec.tenantId, aadObjectId: p.aadObjectId } : undefined;
};

type Proposed = Change | { kind: "stale" };

/** Send each party the agreement to confirm (the one who sent it sees it in their reply). */
async function askToConfirm(s: Services, sec: Secondment, senderKey: string): Promise<void> {
  const parties = PARTIES.filter((p) => {
    const who = viewerOf(sec, p);
    return who && personKey(who) !== senderKey;
  });
  await sendToAll(
    s,
    sec,
    `agreement:${sec.id}:v${sec.termsVersion}`,
    (party, lang) => message(secondmentCard(s, sec, viewerOf(sec, party), lang, t(lang, "secondment.agreement.pleaseConfirm", { secondee: sec.secondee.name }))),
    "agreement-confirm",
    parties,
  );
  const payload: ConfirmFollowUpPayload = { secondmentId: sec.id, version: sec.termsVersion, step: 1 };
  await s.jobs.schedule({
    id: confirmFollowUpId(payload),
    type: SECONDMENT_JOBS.confirmFollowUp,
    payload: { ...payload },
    dueAt: s.calendar.dueInWorkingDays(s.now(), FOLLOW_UP_WORKING_DAYS),
  });
}

export interface ConfirmFollowUpPayload {
  secondmentId: string;
  version: number;
  step: number;
}

const confirmFollowUpId = (p: ConfirmFollowUpPayload) => `${SECONDMENT_JOBS.confirmFollowUp}:${p.secondmentId}:v${p.version}:${p.step}`;

/** The parties as people, each once, with the part they hold: "Sam Lee (home line manager) and Vic Osei (host)". */
export function whoIs(lang: Lang, sec: Secondment, parties: readonly Party[]): string {
  const people = new Map<string, { name: string; parts: string[] }>();
  for (const p of parties) {
    const key = personOf(sec, p)?.aadObjectId.toLowerCase() ?? p;
    const entry = people.get(key) ?? { name: nameOf(sec, p, lang), parts: [] };
    entry.parts.push(t(lang, "secondment.party.role", { party: p }));
    people.set(key, entry);
  }
  return listIn(lang, [...people.values()].map((e) => t(lang, "secondment.party.withRoles", { name: e.name, roles: listIn(lang, e.parts) })));
}

/**
 * The scheduled follow-up of an agreement sent for confirmation: while that version is still
 * waiting, steps 1 and 2 remind whoever has not confirmed it, three working days apart; step 3
 * tells the programme team. A new version, or everyone confirming, makes the job do nothing.
 * Message and job ids carry the version and the step, so a job that runs twice sends nothing twice.
 */
export async function onConfirmFollowUp(s: Services, p: ConfirmFollowUpPayload): Promise<void> {
  const sec = await s.secondments.get(p.secondmentId);
  if (!sec?.terms || sec.status !== "agreeing" || sec.termsVersion !== p.version) return;
  const waiting = waitingFor(sec);
  if (waiting.length === 0 || p.step < 1 || p.step > FOLLOW_UP_REMINDERS + 1) return;
  if (p.step > FOLLOW_UP_REMINDERS) {
    await tellProgrammeTeam(
      s,
      sec,
      `agreement-escalation:${sec.id}:v${p.version}`,
      (lang) => t(lang, "reminders.agreement.escalation", { secondee: sec.secondee.name, organisation: sec.opening.organisation, who: whoIs(lang, sec, waiting) }),
      "agreement-escalation",
    );
    return;
  }
  await sendToAll(
    s,
    sec,
    `agreement-reminder:${sec.id}:v${p.version}:${p.step}`,
    (party, lang) =>
      message(secondmentCard(s, sec, viewerOf(sec, party), lang, t(lang, "reminders.agreement.remind", { whose: party === "secondee" ? "own" : "other", secondee: sec.secondee.name }))),
    "agreement-reminder",
    waiting,
  );
  const next: ConfirmFollowUpPayload = { ...p, step: p.step + 1 };
  await s.jobs.schedule({
    id: confirmFollowUpId(next),
    type: SECONDMENT_JOBS.confirmFollowUp,
    payload: { ...next },
    dueAt: s.calendar.dueInWorkingDays(s.now(), FOLLOW_UP_WORKING_DAYS),
  });
}

export async function confirmAgreement(s: Services, caller: Caller, ref: SecondmentRef & { version: number }): Promise<Reply> {
  const lang = caller.lang;
  const found = await load(s, caller, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  if (mine.length === 0) {
    s.log.info("agreement confirmation refused: not a party", { secondmentId: sec.id });
    return card(secondmentCard(s, sec, caller.person, lang, t(lang, "secondment.agreement.onlyPartiesConfirm")));
  }
  const out = await s.secondments.update(sec.id, (current) => {
    if (!current) return { next: undefined, result: undefined };
    let next = current;
    let why: Msg | undefined;
    for (const party of partiesOf(current, caller.person)) {
      const c = confirmTerms(next, party, ref.version, s.now());
      if (c.kind === "changed") next = c.secondment;
      else why ??= c.why;
    }
    return { next: next === current ? undefined : next, result: { sec: next, changed: next !== current, why } };
  });
  if (!out) return text(t(lang, NOT_FOUND));
  if (!out.changed) {
    if (out.sec.status === "confirmed") await afterConfirmed(s, out.sec); // idempotent: heals a crash
    return card(secondmentCard(s, out.sec, caller.person, lang, out.why ? say(lang, out.why) : undefined));
  }
  if (out.sec.status === "confirmed") {
    await afterConfirmed(s, out.sec);
    return card(secondmentCard(s, out.sec, caller.person, lang, t(lang, "secondment.agreement.allConfirmed")));
  }
  return card(secondmentCard(s, out.sec, caller.person, lang, t(lang, "secondment.agreement.waitingOthers")));
}

async function afterConfirmed(s: Services, sec: Secondment): Promise<void> {
  const terms = sec.terms!;
  await s.plans.setStepStatus(sec.secondee, { step: 5, status: "done" }, s.now());
  await sendToAll(
    s,
    sec,
    `agreement-confirmed:${sec.id}:v${sec.termsVersion}`,
    (party, lang) =>
      note(t(lang, "secondment.agreement.confirmedNote", { yours: party === "secondee" ? "yes" : "no", secondee: sec.secondee.name, organisation: sec.opening.organisation, start: formatDate(lang, terms.startDate), end: formatDate(lang, terms.endDate) })),
    "agreement-confirmed",
  );
  await tellHostManager(
    s,
    sec,
    `agreement-confirmed:${sec.id}:v${sec.termsVersion}`,
    (lang) =>
      t(lang, "secondment.agreement.hostManagerNote", { secondee: sec.secondee.name, organisation: sec.opening.organisation, start: formatDate(lang, terms.startDate), end: formatDate(lang, terms.endDate), host: sec.host.name }),
    "agreement-confirmed",
  );
  await s.jobs.schedule({
    id: `${SECONDMENT_JOBS.start}:${sec.id}:v${sec.termsVersion}:${terms.startDate}`,
    type: SECONDMENT_JOBS.start,
    payload: { secondmentId: sec.id, startDate: terms.startDate, version: sec.termsVersion },
    dueAt: atUkTime(terms.startDate, "09:00"),
  });
}

// Scheduled jobs

export interface StartPayload {
  secondmentId: string;
  startDate: string;
  version: number;
}

export async function onStart(s: Services, p: StartPayload): Promise<void> {
  const now = s.now();
  const today = todayInLondon(now);
  const sec = await s.secondments.update(p.secondmentId, (current) => {
    if (!current || current.terms?.startDate !== p.startDate || current.termsVersion !== p.version) return { next: undefined, result: undefined };
    const c = start(current, today, now);
    return { next: c.kind === "changed" ? c.secondment : undefined, result: c.kind === "changed" || current.status === "active" ? c.secondment : undefined };
  });
  if (!sec || sec.status !== "active") return;
  await s.plans.setStepStatus(sec.secondee, { step: 6, status: "doing" }, now);
  await sendToAll(
    s,
    sec,
    `secondment-started:${sec.id}`,
    (party, lang) =>
      note(
        t(lang, party === "secondee" ? "secondment.started.secondee" : "secondment.started.other", {
          organisation: sec.opening.organisation,
          secondee: sec.secondee.name,
          weeks: sec.terms!.checkInEveryWeeks,
        }),
      ),
    "secondment-started",
  );
  await scheduleAhead(s, sec);
}

/**
 * Schedule what comes next from the secondment as it now stands: the next check-in, the return
 * reminder and the end. Job ids carry the date they are for, so after an extension or an early end
 * the new dates get new jobs, and the old jobs find their date no longer matches and do nothing.
 */
export async function scheduleAhead(s: Services, sec: Secondment): Promise<void> {
  const terms = sec.terms;
  if (!terms || sec.status !== "active") return;
  const today = todayInLondon(s.now());
  const last = sec.checkIns.reduce((n, c) => Math.max(n, c.n), 0);
  for (let n = last + 1; n < last + 1000; n++) {
    const date = checkInDate({ startDate: terms.startDate, everyWeeks: terms.checkInEveryWeeks, n });
    if (compareIso(date, terms.endDate) > 0) break;
    if (compareIso(date, today) < 0) continue; // missed while the bot was away: skip to the next one due
    await s.jobs.schedule({
      id: `${SECONDMENT_JOBS.checkIn}:${sec.id}:${n}:${date}`,
      type: SECONDMENT_JOBS.checkIn,
      payload: { secondmentId: sec.id, n, date },
      dueAt: checkInDueAt(date),
    });
    break;
  }
  const reminder = returnReminderDate(terms.endDate);
  if (!sec.returnReminderSentAt && compareIso(reminder, today) >= 0) {
    await s.jobs.schedule({
      id: `${SECONDMENT_JOBS.returnReminder}:${sec.id}:${terms.endDate}`,
      type: SECONDMENT_JOBS.returnReminder,
      payload: { secondmentId: sec.id, endDate: terms.endDate },
      dueAt: atUkTime(reminder, "09:00"),
    });
  }
  await s.jobs.schedule({
    id: `${SECONDMENT_JOBS.end}:${sec.id}:${terms.endDate}`,
    type: SECONDMENT_JOBS.end,
    payload: { secondmentId: sec.id, endDate: terms.endDate },
    dueAt: atUkTime(terms.endDate, "09:00"),
  });
}

export interface CheckInPayload {
  secondmentId: string;
  n: number;
  date: string;
}

export async function onCheckIn(s: Services, p: CheckInPayload): Promise<void> {
  const now = s.now();
  const sec = await s.secondments.update(p.secondmentId, (current) => {
    if (!current?.terms || current.status !== "active") return { next: undefined, result: undefined };
    const t = current.terms;
    const expected = checkInDate({ startDate: t.startDate, everyWeeks: t.checkInEveryWeeks, n: p.n });
    if (expected !== p.date || compareIso(expected, t.endDate) > 0) return { next: undefined, result: undefined }; // the schedule changed
    const c = recordCheckInSent(current, p.n, p.date, now);
    return { next: c.kind === "changed" ? c.secondment : undefined, result: c.secondment };
  });
  if (!sec) return;
  const sent = checkInByNumber(sec, p.n);
  if (!sent) return;
  for (const party of ["secondee", "homeManager"] as const) {
    await sendTo(s, sec, party, `check-in:${sec.id}:${p.n}:${party}`, (lang) => message(checkInCard(lang, sec, p.n, p.date, party)), "check-in");
  }
  await s.jobs.schedule({
    id: `${SECONDMENT_JOBS.checkInFollowUp}:${sec.id}:${p.n}:1`,
    type: SECONDMENT_JOBS.checkInFollowUp,
    payload: { secondmentId: sec.id, n: p.n, step: 1 },
    dueAt: followUpDue(new Date(sent.sentAt), CHECK_IN_FOLLOW_UP_WORKING_DAYS),
  });
  await scheduleAhead(s, sec);
}

export interface CheckInFollowUpPayload {
  secondmentId: string;
  n: number;
  step: 1 | 2;
}

export async function onCheckInFollowUp(s: Services, p: CheckInFollowUpPayload): Promise<void> {
  const sec = await s.secondments.get(p.secondmentId);
  if (!sec) return;
  const step = checkInFollowUp(sec, p.n, p.step);
  if (step.kind === "nothing") return;
  const c = checkInByNumber(sec, p.n)!;
  const now = s.now();
  if (step.kind === "remind") {
    for (const party of step.who) {
      await sendTo(s, sec, party, `check-in-reminder:${sec.id}:${p.n}:${party}`, (lang) => message(checkInCard(lang, sec, p.n, c.date, party, t(lang, "reminders.checkIn.notice"))), "check-in-reminder");
    }
    await s.secondments.update(sec.id, (current) => ({ next: current ? recordFollowUp(current, p.n, 1, now) : undefined, result: undefined }));
    await s.jobs.schedule({
      id: `${SECONDMENT_JOBS.checkInFollowUp}:${sec.id}:${p.n}:2`,
      type: SECONDMENT_JOBS.checkInFollowUp,
      payload: { secondmentId: sec.id, n: p.n, step: 2 },
      dueAt: followUpDue(now, CHECK_IN_FOLLOW_UP_WORKING_DAYS),
    });
    return;
  }
  await tellProgrammeTeam(
    s,
    sec,
    `check-in-escalation:${sec.id}:${p.n}`,
    (lang) =>
      t(lang, "reminders.checkIn.escalation", {
        n: p.n,
        secondee: sec.secondee.name,
        organisation: sec.opening.organisation,
        date: formatDate(lang, c.date),
        who: listIn(lang, step.who.map((party) => (party === "secondee" ? sec.secondee.name : t(lang, "secondment.party.withRoles", { name: nameOf(sec, "homeManager", lang), roles: t(lang, "secondment.party.role", { party }) })))),
      }),
    "check-in-escalation",
  );
  await s.secondments.update(sec.id, (current) => ({ next: current ? recordFollowUp(current, p.n, 2, now) : undefined, result: undefined }));
}

/** Someone answered a check-in card. */
export async function answer(s: Services, caller: Caller, ref: SecondmentRef & { n: number }, raw: unknown): Promise<Reply> {
  const lang = caller.lang;
  const found = await load(s, caller, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  const parties = mine.filter((p): p is CheckInParty => p === "secondee" || p === "homeManager");
  const c = checkInByNumber(sec, ref.n);
  if (parties.length === 0 || !c) return text(t(lang, "checkIn.reply.onlyParties"));
  const party = parties.find((p) => !c.answers[p]) ?? parties[0]!;
  const result = validateCheckIn(raw, lang);
  if (!result.ok) {
    const content = checkInForm(lang, { secondmentId: sec.id, n: ref.n, date: c.date, manager: party === "homeManager", secondeeName: sec.secondee.name });
    return card(renderCard("form", buildForm(content, formValues(raw, CHECK_IN_FIELDS), result.errors), lang));
  }
  const out = await apply(s, sec.id, (current) => answerCheckIn(current, ref.n, party, result.value, s.now()));
  if (!out) return text(t(lang, NOT_FOUND));
  const done = checkInByNumber(out.secondment, ref.n)!;
  const a = done.answers[party];
  // Refused with nothing answered (e.g. the secondment has ended): say why, and nothing else.
  if (out.kind === "refused" && !a) {
    const closed: SecondmentModel = { heading: t(lang, "checkIn.closed.heading", { n: ref.n }), facts: [], sections: [], statusText: say(lang, out.why), statusStyle: "default", actions: [{ title: t(lang, "secondment.action.mySecondment"), verb: VERBS.mySecondment, data: { secondmentId: sec.id } }], refresh: { data: { secondmentId: sec.id, view: "secondment" }, userIds: [] } };
    return card(renderCard("secondment", closed, lang));
  }
  const model: SecondmentModel = {
    heading: t(lang, out.kind === "changed" ? "checkIn.answered.thanks" : "checkIn.answered.already", { n: ref.n }),
    facts: a
      ? [
          { title: t(lang, "checkIn.answered.going"), value: choiceText(lang, "going", a.going) },
          ...(a.issues ? [{ title: t(lang, "checkIn.form.issues.name"), value: a.issues }] : []),
          ...(a.changes ? [{ title: t(lang, "checkIn.form.changes.name"), value: a.changes }] : []),
          ...(a.forReturn ? [{ title: t(lang, "checkIn.answered.forReturn"), value: a.forReturn }] : []),
        ]
      : [],
    sections: [],
    statusText: t(lang, "checkIn.answered.on", { date: dateOf(lang, a?.at) }),
    statusStyle: "good",
    actions: [{ title: t(lang, "secondment.action.mySecondment"), verb: VERBS.mySecondment, data: { secondmentId: sec.id } }],
    refresh: { data: { secondmentId: sec.id, view: "secondment" }, userIds: [] },
  };
  if (out.kind === "refused") model.notice = say(lang, out.why);
  if (out.kind === "changed" && party === "secondee" && a?.going === "concerns") {
    const concern = (to: Lang) => note(t(to, "checkIn.concernNote", { secondee: sec.secondee.name, n: ref.n, issues: a.issues ?? "" }));
    await sendTo(s, out.secondment, "homeManager", `check-in-concern:${sec.id}:${ref.n}`, concern, "check-in-concern");
  }
  // A home line manager's concerns go to the programme team: that there are some, and whom to ask.
  // What they wrote stays with the check-in (it may hold health details).
  if (out.kind === "changed" && party === "homeManager" && a?.going === "concerns") {
    const values = (to: Lang) => ({ manager: nameOf(sec, "homeManager", to), secondee: sec.secondee.name, organisation: sec.opening.organisation, n: ref.n });
    await tellProgrammeTeam(s, out.secondment, `check-in-manager-concern:${sec.id}:${ref.n}`, (to) => t(to, "checkIn.managerConcernNote", values(to)), "check-in-concern");
  }
  return card(renderCard("secondment", model, lang));
}

export { endFeedback, onEnd, review, type DatedPayload } from "./secondment-review";
import type { DatedPayload } from "./secondment-review";

export async function onReturnReminder(s: Services, p: DatedPayload): Promise<void> {
  const sec = await s.secondments.get(p.secondmentId);
  if (!sec?.terms || sec.terms.endDate !== p.endDate || sec.status !== "active" || sec.returnReminderSentAt) return;
  await sendToAll(
    s,
    sec,
    `return-reminder:${sec.id}:${p.endDate}`,
    (party, lang) => note(t(lang, "reminders.return", { party, secondee: sec.secondee.name, date: formatDate(lang, p.endDate) })),
    "return-reminder",
  );
  await s.secondments.update(sec.id, (current) => ({ next: current ? recordReturnReminder(current, s.now()) : undefined, result: undefined }));
}
