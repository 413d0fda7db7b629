import { VERBS, type ActionModel, type AdaptiveCardJson, type SecondmentModel } from "../../cards";
import { renderCard } from "../render-card";
import { choiceText } from "../../src/domain/agreement";
import { buildForm } from "../forms/form-builder";
import { checkInForm } from "../forms/secondment-forms";
import type { PersonId } from "../../src/domain/person";
import {
  checkInByNumber,
  isFinished,
  listIn,
  nameOf,
  namesWithRoles,
  partiesOf,
  PARTIES,
  pendingExtension,
  personOf,
  waitingFor,
  type CheckInParty,
  type Extension,
  type Change,
  type Party,
  type Secondment,
} from "../../src/domain/secondment";
import { durationInMonths } from "../../src/domain/secondment-dates";
import { REMOVED_MARKER } from "../../src/privacy/identity";
import { DEFAULT_LANG, formatDate, t, type Lang, type MessageValues } from "../../src/i18n";
import { message, note, text, type Caller, type MessageTarget, type Reply, type Services } from "./types";

/**
 * A secondment as people see it: the card for the person looking, in their language, and the
 * helpers that send messages to the people in it, each in the language they chose.
 */

export { message, note } from "./types";
export const dateOf = (lang: Lang, iso: string | undefined) => (iso ? formatDate(lang, iso.slice(0, 10)) : "");

export function isProgrammeTeam(s: Services, person: PersonId): boolean {
  return s.config.programmeTeam.aadObjectIds.some((id) => id.toLowerCase() === person.aadObjectId.toLowerCase());
}

function targetOf(sec: Secondment, aadObjectId: string): MessageTarget {
  return { kind: "person", tenantId: sec.tenantId, aadObjectId, serviceUrl: sec.serviceUrl };
}

/**
 * The language a proactive message to this person goes in: their stored choice, else English
 * (a message nobody just wrote has no Teams locale). Read when the message is built and queued.
 */
export async function recipientLang(s: Services, tenantId: string, aadObjectId: string): Promise<Lang> {
  return (await s.preferences.language({ tenantId, aadObjectId })) ?? DEFAULT_LANG;
}

/** Send to one party (if we know them in Teams), in their language. */
export async function sendTo(s: Services, sec: Secondment, party: Party, id: string, activity: (lang: Lang) => Record<string, unknown>, purpose: string): Promise<void> {
  const who = personOf(sec, party);
  if (!who) return;
  const lang = await recipientLang(s, sec.tenantId, who.aadObjectId);
  await s.outbox.enqueue({ id, target: targetOf(sec, who.aadObjectId), activity: activity(lang), purpose });
}

/** Send to each party once, in their language, even when one person holds two parts (say host and home manager). */
export async function sendToAll(
  s: Services,
  sec: Secondment,
  idPrefix: string,
  activity: (party: Party, lang: Lang) => Record<string, unknown>,
  purpose: string,
  parties: readonly Party[] = PARTIES,
): Promise<void> {
  const seen = new Set<string>();
  for (const party of parties) {
    const who = personOf(sec, party);
    if (!who || seen.has(who.aadObjectId.toLowerCase())) continue;
    seen.add(who.aadObjectId.toLowerCase());
    const lang = await recipientLang(s, sec.tenantId, who.aadObjectId);
    await s.outbox.enqueue({ id: `${idPrefix}:${party}`, target: targetOf(sec, who.aadObjectId), activity: activity(party, lang), purpose });
  }
}

/** A note to each member of the programme team, in their own language. */
export async function tellProgrammeTeam(s: Services, sec: Secondment, idPrefix: string, text: (lang: Lang) => string, purpose: string): Promise<void> {
  for (const member of s.config.programmeTeam.aadObjectIds) {
    const lang = await recipientLang(s, sec.tenantId, member);
    await s.outbox.enqueue({ id: `${idPrefix}:pt:${member}`, target: targetOf(sec, member), activity: note(text(lang)), purpose });
  }
}

/**
 * A short note to the line manager at the host, when the agreement names them from Teams
 * (terms.hostManagerId) and they are not already one of the three parties. Only what the news
 * means for them: names, organisation and dates, nothing else from the agreement.
 */
export async function tellHostManager(s: Services, sec: Secondment, idPrefix: string, text: (lang: Lang) => string, purpose: string): Promise<void> {
  const id = sec.terms?.hostManagerId;
  // Erased since (their id replaced by the marker): no one to tell.
  if (!id || id === REMOVED_MARKER || PARTIES.some((p) => personOf(sec, p)?.aadObjectId.toLowerCase() === id.toLowerCase())) return;
  const lang = await recipientLang(s, sec.tenantId, id);
  await s.outbox.enqueue({ id: `${idPrefix}:hostLineManager`, target: targetOf(sec, id), activity: note(text(lang)), purpose });
}

// ---------------------------------------------------------------------------------------------
// The card that shows a secondment as it stands, for the person looking

const STYLE: Record<Secondment["status"], SecondmentModel["statusStyle"]> = {
  agreeing: "emphasis",
  confirmed: "good",
  active: "good",
  ended: "emphasis",
  closed: "default",
  cancelled: "default",
};

function statusText(lang: Lang, sec: Secondment): string {
  const values = {
    host: nameOf(sec, "host", lang),
    secondee: sec.secondee.name,
    waiting: listIn(lang, namesWithRoles(sec, waitingFor(sec), lang)),
    start: dateOf(lang, sec.terms?.startDate),
    end: dateOf(lang, sec.terms?.endDate),
    early: sec.earlyEnd ? "yes" : "no",
    reason: sec.earlyEnd?.reason ?? "",
  };
  if (sec.status === "agreeing") return t(lang, sec.terms ? "secondment.status.agreeing" : "secondment.status.drafting", values);
  if (sec.status === "cancelled") return t(lang, sec.earlyEnd?.reason ? "secondment.status.cancelledBecause" : "secondment.status.cancelled", values);
  return t(lang, `secondment.status.${sec.status}`, values);
}

export function termsFacts(lang: Lang, sec: Secondment): { title: string; value: string }[] {
  const terms = sec.terms;
  const fact = (key: string, value: string) => ({ title: t(lang, `secondment.fact.${key}`), value });
  const facts = [
    fact("secondee", sec.secondee.name),
    fact("role", t(lang, "secondment.fact.roleValue", { title: sec.opening.title, organisation: sec.opening.organisation })),
    fact("homeManager", sec.homeManager?.name ?? t(lang, sec.homeManager ? "secondment.fact.namedInTeams" : "secondment.fact.notKnown")),
  ];
  if (!terms) return facts;
  return [
    ...facts,
    fact("dates", t(lang, "secondment.fact.datesValue", { start: formatDate(lang, terms.startDate), end: formatDate(lang, terms.endDate), months: durationInMonths(terms.startDate, terms.endDate) })),
    fact("hostManager", terms.hostManagerEmail ? t(lang, "secondment.fact.hostManagerValue", { name: terms.hostManagerName, email: terms.hostManagerEmail }) : terms.hostManagerName),
    fact("workingPattern", terms.workingPattern === "part-time" ? t(lang, "secondment.fact.partTime", { days: terms.daysPerWeek ?? "" }) : t(lang, "choice.workingPattern.full-time")),
    fact("salary", choiceText(lang, "salary", terms.salary)),
    fact("expenses", choiceText(lang, "expenses", terms.expenses)),
    fact("hr", t(lang, "secondment.fact.hrValue", { home: terms.homeHrContact, host: terms.hostHrContact })),
    fact("keepingInTouch", t(lang, "secondment.fact.everyWeeks", { weeks: terms.checkInEveryWeeks })),
    fact("notice", t(lang, "secondment.fact.weeks", { weeks: terms.noticeWeeks })),
  ];
}

export function refreshUserIds(sec: Secondment): string[] {
  return [...new Set(PARTIES.map((p) => personOf(sec, p)?.aadObjectId).filter((x): x is string => Boolean(x)))];
}

/** The secondment card for `viewer` (undefined: a message to all, with no personal buttons), in `lang`. */
export function secondmentCard(s: Services, sec: Secondment, viewer: PersonId | undefined, lang: Lang, notice?: string): AdaptiveCardJson {
  const ref = { secondmentId: sec.id };
  const mine = viewer ? partiesOf(sec, viewer) : [];
  const actions: ActionModel[] = [];
  const m = (key: string, values?: MessageValues) => t(lang, key, values);
  const terms = sec.terms;
  if (sec.status === "agreeing" && terms && mine.some((p) => sec.confirmations[p]?.version !== sec.termsVersion)) {
    actions.push({ title: m("secondment.action.confirm"), verb: VERBS.confirmAgreement, data: { ...ref, version: sec.termsVersion } });
  }
  if ((sec.status === "agreeing" || sec.status === "confirmed") && mine.length > 0 && (terms || mine.includes("host"))) {
    actions.push({ title: m(terms ? "secondment.action.change" : "secondment.action.fillIn"), verb: VERBS.openAgreement, data: ref });
  }
  if (sec.status === "active" || sec.status === "confirmed") {
    if (mine.includes("secondee")) actions.push({ title: m("secondment.action.report"), verb: VERBS.openReport, data: ref });
    if (sec.status === "active" && mine.length > 0) {
      for (const to of PARTIES.filter((p) => !mine.includes(p) && personOf(sec, p))) {
        actions.push({ title: m("secondment.action.askFeedback", { name: nameOf(sec, to, lang) }), verb: VERBS.askFeedback, data: { ...ref, to } });
      }
    }
    if ((mine.length > 0 || (viewer && isProgrammeTeam(s, viewer))) && !pendingExtension(sec) && !sec.earlyEnd) {
      actions.push({ title: m("secondment.action.extend"), verb: VERBS.openExtension, data: ref });
      actions.push({ title: m(sec.status === "active" ? "secondment.action.endEarly" : "secondment.action.callOff"), verb: VERBS.openEarlyEnd, data: ref });
    }
  }
  if (sec.status === "ended" && mine.includes("secondee")) actions.push({ title: m("secondment.action.review"), verb: VERBS.submitReview, data: { ...ref, open: true } });
  const sections: SecondmentModel["sections"] = [];
  if (terms) sections.push({ heading: m("secondment.section.roleSpecification"), text: terms.roleSpecification });
  const ext = pendingExtension(sec);
  if (ext) {
    const agreed = PARTIES.filter((p) => ext.approvals[p]).map((p) => nameOf(sec, p, lang));
    sections.push({
      heading: m("secondment.section.extension"),
      text: m("secondment.section.extensionText", { date: formatDate(lang, ext.newEndDate), reason: ext.reason, agreed: agreed.join(", "), anyone: agreed.length ? "yes" : "no" }),
    });
  }
  // Shared only by the secondee's choice, and shown only to the secondee and the host.
  if (sec.sharedAdjustments && (mine.includes("host") || mine.includes("secondee"))) sections.push({ heading: m("secondment.section.sharedAdjustments"), text: sec.sharedAdjustments.text });
  // Sharing starts only while the secondment is still to come or under way; stopping is always possible.
  if (mine.includes("secondee") && (sec.sharedAdjustments || !isFinished(sec))) {
    // Teams shows at most 5 buttons; past that, the choice is a typed command.
    const shared = sec.sharedAdjustments ? "yes" : "no";
    if (actions.length < 5) actions.push({ title: m("secondment.action.shareAdjustments", { shared }), verb: VERBS.shareAdjustments, data: { ...ref, share: !sec.sharedAdjustments } });
    else sections.push({ heading: m("secondment.section.yourAdjustments"), text: m("secondment.section.yourAdjustmentsText", { shared }) });
  }
  const answered = sec.checkIns.filter((c) => c.answers.secondee || c.answers.homeManager).length;
  if (sec.checkIns.length > 0) sections.push({ heading: m("secondment.section.keepingInTouch"), text: m("secondment.section.checkInsText", { sent: sec.checkIns.length, answered }) });
  const model: SecondmentModel = {
    heading: m("secondment.heading", { title: sec.opening.title }),
    facts: termsFacts(lang, sec),
    sections,
    statusText: statusText(lang, sec),
    statusStyle: STYLE[sec.status],
    actions,
    refresh: { data: { ...ref, view: "secondment" }, userIds: refreshUserIds(sec) },
  };
  if (notice) model.notice = notice;
  return renderCard("secondment", model, lang);
}

// ---------------------------------------------------------------------------------------------
// An extension asked for (see ./secondment-changes.ts)

/** Who asked for an extension: a name, or the programme team (the message's select on {team} words that). */
export const asker = (lang: Lang, sec: Secondment, ext: Extension) => (ext.requestedBy === "programme-team" ? "" : nameOf(sec, ext.requestedBy, lang));

/** The card to agree to or decline an extension, as it stands, for `viewer`, in `lang`. */
export function extensionCard(sec: Secondment, ext: Extension, viewer: PersonId | undefined, lang: Lang, notice?: string): AdaptiveCardJson {
  const ref = { secondmentId: sec.id, extensionId: ext.id };
  const mine = viewer ? partiesOf(sec, viewer) : [];
  const m = (key: string, values?: Record<string, string | number>) => t(lang, key, values);
  const team = ext.requestedBy === "programme-team" ? "yes" : "no";
  const facts = [
    { title: m("secondment.fact.secondee"), value: sec.secondee.name },
    { title: m("secondment.fact.role"), value: m("secondment.fact.roleValue", { title: sec.opening.title, organisation: sec.opening.organisation }) },
    { title: m("secondmentChanges.extension.fact.endDate", { status: ext.status }), value: formatDate(lang, ext.previousEndDate) },
    { title: m("secondmentChanges.form.extension.newEndDate.name"), value: formatDate(lang, ext.newEndDate) },
    { title: m("secondmentChanges.form.extension.reason.name"), value: ext.reason },
    { title: m("secondmentChanges.extension.fact.askedBy"), value: m("secondmentChanges.extension.fact.askedByValue", { team, asker: asker(lang, sec, ext), date: dateOf(lang, ext.requestedAt) }) },
  ];
  if (ext.override) {
    facts.push({ title: m("secondmentChanges.extension.fact.pastLimit"), value: m("secondmentChanges.extension.fact.pastLimitValue", { named: ext.override.by.name ? "yes" : "no", name: ext.override.by.name ?? "", reason: ext.override.reason }) });
  }
  const agreed = namesWithRoles(sec, PARTIES.filter((p) => ext.approvals[p]), lang);
  const waiting = namesWithRoles(sec, PARTIES.filter((p) => !ext.approvals[p]), lang);
  const values = {
    agreed: listIn(lang, agreed),
    anyone: agreed.length ? "yes" : "no",
    waiting: listIn(lang, waiting),
    decided: dateOf(lang, ext.decidedAt),
    newEnd: formatDate(lang, ext.newEndDate),
    end: formatDate(lang, ext.previousEndDate),
    known: ext.declined ? "yes" : "no",
    decliner: ext.declined ? nameOf(sec, ext.declined.by, lang) : "",
    reason: ext.declined?.reason ?? "",
    because: ext.declined?.reason ? "yes" : "no",
  };
  const STYLE: Record<Extension["status"], SecondmentModel["statusStyle"]> = { pending: "emphasis", approved: "good", declined: "attention", withdrawn: "default" };
  const actions: ActionModel[] = [];
  const canAnswer = ext.status === "pending" && (sec.status === "active" || sec.status === "confirmed") && mine.some((p) => !ext.approvals[p]);
  if (canAnswer) actions.push({ title: m("secondmentChanges.extension.action.agree"), verb: VERBS.approveExtension, data: ref });
  // Agree and Decline side by side; where to go next after them.
  const navigation: ActionModel[] = mine.length > 0 ? [{ title: m("secondment.action.mySecondment"), verb: VERBS.mySecondment, data: { secondmentId: sec.id } }] : [];
  const model: SecondmentModel = {
    heading: m("secondmentChanges.extension.heading", { status: ext.status, date: formatDate(lang, ext.newEndDate) }),
    intro: m("secondmentChanges.extension.intro", { team, asker: asker(lang, sec, ext), secondee: sec.secondee.name }),
    facts,
    sections: [],
    statusText: m(`secondmentChanges.extension.status.${ext.status}`, values),
    statusStyle: STYLE[ext.status],
    actions,
    navigation,
    refresh: { data: { secondmentId: sec.id, view: "extension", extensionId: ext.id }, userIds: refreshUserIds(sec) },
  };
  if (canAnswer) {
    model.reasonAction = {
      title: m("secondmentChanges.extension.action.decline"),
      label: m("secondmentChanges.extension.action.declineLabel"),
      submitTitle: m("secondmentChanges.extension.action.decline"),
      verb: VERBS.declineExtension,
      data: ref,
    };
  }
  if (notice) model.notice = notice;
  return renderCard("secondment", model, lang);
}

/** The check-in form for one party, in `lang`; a reminder carries its words as a notice above it. */
export function checkInCard(lang: Lang, sec: Secondment, n: number, date: string, party: CheckInParty, reminder?: string): AdaptiveCardJson {
  const content = checkInForm(lang, { secondmentId: sec.id, n, date, manager: party === "homeManager", secondeeName: sec.secondee.name });
  if (reminder) {
    content.notice = reminder;
    content.noticeStyle = "warning";
  }
  return renderCard("form", buildForm(content, {}), lang);
}

/**
 * A programme-team reminder to confirm an agreement: the secondment card itself, with the reminder
 * on it and the reader's Confirm button (the same verb, checks and etag guard as the card they were
 * first sent). Nothing if the agreement no longer waits for the reader.
 */
export async function agreementReminder(s: Services, secondmentId: string, reader: PersonId, reminder: string, lang: Lang): Promise<Record<string, unknown> | undefined> {
  const sec = await s.secondments.get(secondmentId);
  if (sec?.status !== "agreeing" || !sec.terms) return undefined;
  const mine = partiesOf(sec, reader);
  return waitingFor(sec).some((p) => mine.includes(p)) ? message(secondmentCard(s, sec, reader, lang, reminder)) : undefined;
}

/**
 * A programme-team reminder to answer a check-in: the reader's check-in form itself, with the
 * reminder on it. Nothing if they have answered it (or the secondment is no longer running).
 */
export async function checkInReminder(s: Services, ref: { secondmentId: string; n: number }, party: CheckInParty, reminder: string, lang: Lang): Promise<Record<string, unknown> | undefined> {
  const sec = await s.secondments.get(ref.secondmentId);
  const c = sec?.status === "active" ? checkInByNumber(sec, ref.n) : undefined;
  if (!sec || !c || c.answers[party]) return undefined;
  return message(checkInCard(lang, sec, ref.n, c.date, party, reminder));
}

// ---------------------------------------------------------------------------------------------
// What every handler of a secondment starts with

export interface SecondmentRef {
  secondmentId: string;
}

/** The catalogue key of "I could not find that secondment." */
export const NOT_FOUND = "secondment.reply.notFound";

/** The secondment a button refers to, and which parts the caller has in it. */
export async function load(s: Services, caller: Caller, ref: SecondmentRef): Promise<{ sec: Secondment; mine: Party[] } | Reply> {
  const sec = await s.secondments.get(ref.secondmentId);
  if (!sec) return text(t(caller.lang, NOT_FOUND));
  return { sec, mine: partiesOf(sec, caller.person) };
}
export const isReply = (x: unknown): x is Reply => typeof x === "object" && x !== null && "kind" in x;

/** Run a transition under the etag; undefined if the secondment has gone. */
export function apply(s: Services, id: string, change: (current: Secondment) => Change): Promise<Change | undefined> {
  return s.secondments.update(id, (current) => {
    if (!current) return { next: undefined, result: undefined };
    const c = change(current);
    return { next: c.kind === "changed" ? c.secondment : undefined, result: c };
  });
}
