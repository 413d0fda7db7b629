import { createHash } from "node:crypto";
import { compareIso } from "./dates";
import type { PersonId } from "./person";
import { DEFAULT_LANG, t, type Lang, type MessageValues } from "../i18n";

/**
 * A secondment from the moment both sides of a match want to go ahead until the review is in
 * (plan steps 5 to 7). One document per match, changed only through the pure transitions below;
 * the repository writes each result with the etag it read, so racing clicks and two bot instances
 * make each change exactly once.
 *
 *   agreeing ──all three confirm──▶ confirmed ──start date──▶ active ──end date──▶ ended ──review──▶ closed
 *      │                               │                        │
 *      └──────── ended early before the start: cancelled ◀──────┘ (an early end moves the end date)
 *
 * Changing the agreement before the start sends it back to "agreeing": everyone confirms again.
 */
export const PARTIES = ["secondee", "homeManager", "host"] as const;
export type Party = (typeof PARTIES)[number];
/** English names of the parts, for the history log and the programme team's stuck list (not for cards: see "secondment.party.*"). */
export const PARTY_LABELS: Record<Party, string> = { secondee: "the secondee", homeManager: "the home line manager", host: "the host" };

export const SECONDMENT_STATUSES = ["agreeing", "confirmed", "active", "ended", "closed", "cancelled"] as const;
export type SecondmentStatus = (typeof SECONDMENT_STATUSES)[number];

/** Over: ended, closed after its review, or called off before it started. */
export const isFinished = (s: { status: SecondmentStatus }): boolean => s.status === "ended" || s.status === "closed" || s.status === "cancelled";

export interface PartyPerson {
  aadObjectId: string;
  name?: string;
}

export const SALARY_ARRANGEMENTS = ["host-reimburses-home", "home-pays", "host-pays"] as const;
export type SalaryArrangement = (typeof SALARY_ARRANGEMENTS)[number];
export const EXPENSES_ARRANGEMENTS = ["host", "home"] as const;
export type ExpensesArrangement = (typeof EXPENSES_ARRANGEMENTS)[number];

/** What the three parties agree (plan step 5). Checked by domain/agreement.ts before it gets here. */
export interface AgreementTerms {
  startDate: string;
  endDate: string;
  hostManagerName: string;
  hostManagerEmail?: string;
  /** The host line manager's Entra object id, when chosen from Teams: the bot then tells them when the agreement is confirmed or extended. */
  hostManagerId?: string;
  roleSpecification: string;
  workingPattern: "full-time" | "part-time";
  daysPerWeek?: number;
  salary: SalaryArrangement;
  expenses: ExpensesArrangement;
  homeHrContact: string;
  hostHrContact: string;
  checkInEveryWeeks: number;
  noticeWeeks: number;
}

export type CheckInParty = "secondee" | "homeManager";
export const CHECK_IN_PARTIES: readonly CheckInParty[] = ["secondee", "homeManager"];
export const HOW_IT_IS_GOING = ["well", "mixed", "concerns"] as const;
export type HowItIsGoing = (typeof HOW_IT_IS_GOING)[number];

export interface CheckInAnswer {
  going: HowItIsGoing;
  issues?: string;
  changes?: string;
  forReturn?: string;
  at: string;
}

export interface CheckIn {
  n: number;
  /** The UK date it was due (after moving off weekends and bank holidays). */
  date: string;
  sentAt: string;
  answers: Partial<Record<CheckInParty, CheckInAnswer>>;
  remindedAt?: string;
  escalatedAt?: string;
}

export const REPORT_KINDS = ["absence", "change"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export interface Report {
  id: string;
  kind: ReportKind;
  from?: string;
  to?: string;
  details: string;
  at: string;
}

export interface FeedbackRequest {
  id: string;
  from: Party;
  to: Party;
  askedAt: string;
  answer?: string;
  answeredAt?: string;
}

export interface Extension {
  id: string;
  newEndDate: string;
  previousEndDate: string;
  reason: string;
  requestedBy: Party | "programme-team";
  requestedAt: string;
  approvals: Partial<Record<Party, string>>;
  status: "pending" | "approved" | "declined" | "withdrawn";
  declined?: { by: Party; reason: string; at: string };
  /** A programme-team member allowed a date past the organisation's cap. */
  override?: { by: PartyPerson; reason: string };
  decidedAt?: string;
}

export interface EarlyEnd {
  by: Party | "programme-team";
  reason: string;
  lastDay: string;
  previousEndDate: string;
  at: string;
}

export interface Review {
  wentWell: string;
  couldImprove: string;
  skillsGained: string;
  recommend: "yes" | "no" | "not-sure";
  mayShare: boolean;
  summary?: string;
  at: string;
}

export interface HistoryEntry {
  at: string;
  what: string;
  by?: Party | "programme-team" | "system";
}

export interface Secondment {
  type: "secondment";
  id: string;
  matchId: string;
  tenantId: string;
  /** Where proactive messages for this tenant go (the Bot Connector service URL last seen). */
  serviceUrl: string;
  opening: { id: string; title: string; organisation: string; channelConversationId: string };
  secondee: PersonId & { name: string; key: string };
  homeManager?: PartyPerson;
  host: PartyPerson & { key: string };
  homeOrganisation: string;
  /** The end of the secondee's fixed-term contract, if they have one. */
  fixedTermEnd?: string;
  /** The longest secondment, in months, that both organisations allow. */
  capMonths: number;
  status: SecondmentStatus;
  terms?: AgreementTerms;
  /** Goes up each time the terms change; a confirmation is for one version. */
  termsVersion: number;
  proposedBy?: Party;
  confirmations: Partial<Record<Party, { at: string; version: number }>>;
  createdAt: string;
  confirmedAt?: string;
  startedAt?: string;
  endedAt?: string;
  closedAt?: string;
  checkIns: CheckIn[];
  reports: Report[];
  feedback: FeedbackRequest[];
  extensions: Extension[];
  earlyEnd?: EarlyEnd;
  returnReminderSentAt?: string;
  review?: Review;
  managerFeedback: Partial<Record<"homeManager" | "host", { text: string; at: string }>>;
  history: HistoryEntry[];
  /** Reasonable adjustments the secondee chose to share with the host (absent unless they did). */
  sharedAdjustments?: { text: string; at: string };
  /** Keys of everyone involved, for "my secondments" queries: "tenant:aad". */
  partyKeys: string[];
}

/** A message for a person, as a catalogue key and its values: the caller words it in the reader's language. */
export interface Msg {
  key: string;
  values?: MessageValues;
}
/** A Msg in `lang`. */
export const say = (lang: Lang, m: Msg): string => t(lang, m.key, m.values);

export type Change = { kind: "changed"; secondment: Secondment } | { kind: "refused"; why: Msg; secondment: Secondment };

const changed = (secondment: Secondment): Change => ({ kind: "changed", secondment });
const refused = (secondment: Secondment, key: string, values?: MessageValues): Change => ({ kind: "refused", why: values ? { key, values } : { key }, secondment });

/** Secondment ids are short and safe whatever the match id looks like. */
export function secondmentIdFor(matchId: string): string {
  return `secondment-${createHash("sha256").update(matchId).digest("hex").slice(0, 32)}`;
}

export function newSecondment(o: {
  matchId: string;
  tenantId: string;
  serviceUrl: string;
  opening: Secondment["opening"];
  secondee: Secondment["secondee"];
  homeManager?: PartyPerson | undefined;
  host: Secondment["host"];
  homeOrganisation: string;
  fixedTermEnd?: string | undefined;
  capMonths: number;
  now: Date;
}): Secondment {
  const at = o.now.toISOString();
  const s: Secondment = {
    type: "secondment",
    id: secondmentIdFor(o.matchId),
    matchId: o.matchId,
    tenantId: o.tenantId,
    serviceUrl: o.serviceUrl,
    opening: o.opening,
    secondee: o.secondee,
    host: o.host,
    homeOrganisation: o.homeOrganisation,
    capMonths: o.capMonths,
    status: "agreeing",
    termsVersion: 0,
    confirmations: {},
    createdAt: at,
    checkIns: [],
    reports: [],
    feedback: [],
    extensions: [],
    managerFeedback: {},
    history: [{ at, what: "Both sides agreed to go ahead", by: "system" }],
    partyKeys: [],
  };
  if (o.homeManager) s.homeManager = o.homeManager;
  if (o.fixedTermEnd) s.fixedTermEnd = o.fixedTermEnd;
  s.partyKeys = partyKeysOf(s);
  return s;
}

function partyKeysOf(s: Secondment): string[] {
  const keys = [s.secondee.key, s.host.key];
  if (s.homeManager) keys.push(`${s.tenantId}:${s.homeManager.aadObjectId}`.toLowerCase());
  return [...new Set(keys)];
}

/** Which parties the person is (one person may be both host and home manager in small teams). */
export function partiesOf(s: Secondment, person: PersonId): Party[] {
  const aad = person.aadObjectId.toLowerCase();
  if (person.tenantId.toLowerCase() !== s.tenantId.toLowerCase()) return [];
  const out: Party[] = [];
  if (s.secondee.aadObjectId.toLowerCase() === aad) out.push("secondee");
  if (s.homeManager && s.homeManager.aadObjectId.toLowerCase() === aad) out.push("homeManager");
  if (s.host.aadObjectId.toLowerCase() === aad) out.push("host");
  return out;
}

export function personOf(s: Secondment, party: Party): PartyPerson | undefined {
  if (party === "secondee") return { aadObjectId: s.secondee.aadObjectId, name: s.secondee.name };
  if (party === "homeManager") return s.homeManager;
  return s.host;
}

/** The person's name, or their part ("the host") when Teams has not told us the name. */
export function nameOf(s: Secondment, party: Party, lang: Lang = DEFAULT_LANG): string {
  const p = personOf(s, party);
  return p?.name ?? t(lang, "secondment.party.the", { party });
}

/**
 * "Ana", "Ana and Sam", "Ana, Sam and Kim", in `lang`. Welsh takes "ac" before a vowel; the names
 * themselves are never mutated.
 */
export function listIn(lang: Lang, items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  const last = items[items.length - 1]!;
  return t(lang, "secondment.list", { first: items.slice(0, -1).join(", "), last, vowel: /^[aeiouwyâêîôûŵŷ]/i.test(last) ? "yes" : "no" });
}

/**
 * Each person once, with the part they play: "Ana Jones (secondee)", "Alex Wilber (home line
 * manager and host)". A part nobody in Teams holds yet is named by the part alone.
 */
export function namesWithRoles(s: Secondment, parties: readonly Party[], lang: Lang = DEFAULT_LANG): string[] {
  const groups = new Map<string, { name: string; roles: string[]; known: boolean }>();
  for (const p of parties) {
    const who = personOf(s, p);
    const key = who?.aadObjectId.toLowerCase() ?? `part:${p}`;
    const g = groups.get(key) ?? { name: nameOf(s, p, lang), roles: [], known: Boolean(who?.name) };
    g.roles.push(t(lang, "secondment.party.role", { party: p }));
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => (g.known ? t(lang, "secondment.party.withRoles", { name: g.name, roles: listIn(lang, g.roles) }) : g.name));
}

function log(s: Secondment, entry: HistoryEntry): HistoryEntry[] {
  return [...s.history, entry].slice(-200);
}

/** The working-day convention the callers agreed: UK calendar date of `now`. */
export type Today = string;

// ---------------------------------------------------------------------------------------------
// Agreement (plan step 5)

/** Someone sets or changes the terms. Everyone (the proposer too) confirms the new version. */
export function proposeTerms(s: Secondment, by: Party, terms: AgreementTerms, now: Date): Change {
  if (s.status !== "agreeing" && s.status !== "confirmed") {
    return refused(s, s.status === "active" ? "secondment.refused.startedNoChange" : "secondment.refused.noChange");
  }
  if (!s.homeManager) return refused(s, "secondment.refused.noHomeManager");
  const at = now.toISOString();
  const next: Secondment = {
    ...s,
    status: "agreeing",
    terms,
    termsVersion: s.termsVersion + 1,
    proposedBy: by,
    confirmations: {},
    history: log(s, { at, what: s.terms ? "Agreement changed: everyone needs to confirm again" : "Agreement drafted", by }),
  };
  delete next.confirmedAt;
  return changed(next);
}

/** One party confirms the version they saw. When all three have, the secondment is confirmed. */
export function confirmTerms(s: Secondment, party: Party, version: number, now: Date): Change {
  if (s.status !== "agreeing") {
    return refused(s, s.status === "confirmed" || s.status === "active" ? "secondment.refused.allConfirmed" : "secondment.refused.noConfirm");
  }
  if (!s.terms || version !== s.termsVersion) return refused(s, "secondment.refused.versionChanged");
  if (s.confirmations[party]?.version === version) return refused(s, "secondment.refused.alreadyConfirmed");
  const at = now.toISOString();
  const confirmations = { ...s.confirmations, [party]: { at, version } };
  const all = PARTIES.every((p) => confirmations[p]?.version === version);
  const next: Secondment = { ...s, confirmations, history: log(s, { at, what: "Confirmed the agreement", by: party }) };
  if (all) {
    next.status = "confirmed";
    next.confirmedAt = at;
    next.history = log(next, { at, what: "Everyone confirmed the agreement", by: "system" });
  }
  return changed(next);
}

export function waitingFor(s: Secondment): Party[] {
  return PARTIES.filter((p) => s.confirmations[p]?.version !== s.termsVersion);
}

/** The start date has come (job at 09:00 UK on the start date). */
export function start(s: Secondment, today: Today, now: Date): Change {
  if (s.status !== "confirmed") return refused(s, "secondment.refused.notConfirmed");
  if (!s.terms || compareIso(today, s.terms.startDate) < 0) return refused(s, "secondment.refused.notStartDate");
  const at = now.toISOString();
  return changed({ ...s, status: "active", startedAt: at, history: log(s, { at, what: "Secondment started", by: "system" }) });
}

// ---------------------------------------------------------------------------------------------
// Keeping in touch (plan step 6)

export function checkInByNumber(s: Secondment, n: number): CheckIn | undefined {
  return s.checkIns.find((c) => c.n === n);
}

/** Record that check-in n (due on `date`) was sent. Sending the same one twice changes nothing. */
export function recordCheckInSent(s: Secondment, n: number, date: string, now: Date): Change {
  if (s.status !== "active") return refused(s, "secondment.refused.checkInNotActive");
  if (checkInByNumber(s, n)) return refused(s, "secondment.refused.checkInSent");
  const checkIns = [...s.checkIns, { n, date, sentAt: now.toISOString(), answers: {} }].sort((a, b) => a.n - b.n);
  return changed({ ...s, checkIns });
}

export function answerCheckIn(s: Secondment, n: number, party: CheckInParty, answer: Omit<CheckInAnswer, "at">, now: Date): Change {
  const c = checkInByNumber(s, n);
  if (!c) return refused(s, "secondment.refused.checkInMissing");
  if (c.answers[party]) return refused(s, "secondment.refused.checkInAnswered");
  if (isFinished(s)) return refused(s, "secondment.refused.checkInClosed");
  const at = now.toISOString();
  const clean: CheckInAnswer = { going: answer.going, at };
  if (answer.issues) clean.issues = answer.issues;
  if (answer.changes) clean.changes = answer.changes;
  if (answer.forReturn) clean.forReturn = answer.forReturn;
  const checkIns = s.checkIns.map((x) => (x.n === n ? { ...x, answers: { ...x.answers, [party]: clean } } : x));
  return changed({ ...s, checkIns, history: log(s, { at, what: `Answered check-in ${n}`, by: party }) });
}

export function unanswered(c: CheckIn): CheckInParty[] {
  return CHECK_IN_PARTIES.filter((p) => !c.answers[p]);
}

export type FollowUpStep = { kind: "remind"; who: CheckInParty[] } | { kind: "escalate"; who: CheckInParty[] } | { kind: "nothing" };

/**
 * A check-in not answered within 5 working days is reminded once (step 1); if still not answered
 * 5 working days after that, the programme team is told (step 2).
 */
export function checkInFollowUp(s: Secondment, n: number, step: 1 | 2): FollowUpStep {
  const c = checkInByNumber(s, n);
  if (!c || s.status === "cancelled" || s.status === "closed") return { kind: "nothing" };
  const who = unanswered(c);
  if (who.length === 0) return { kind: "nothing" };
  if (step === 1) return c.remindedAt ? { kind: "nothing" } : { kind: "remind", who };
  return c.escalatedAt ? { kind: "nothing" } : { kind: "escalate", who };
}

export function recordFollowUp(s: Secondment, n: number, step: 1 | 2, now: Date): Secondment {
  const at = now.toISOString();
  return {
    ...s,
    checkIns: s.checkIns.map((c) => (c.n !== n ? c : step === 1 ? { ...c, remindedAt: c.remindedAt ?? at } : { ...c, escalatedAt: c.escalatedAt ?? at })),
  };
}

/** Check-ins sent but not fully answered for more than `overdueAfter` (a working-day deadline). */
export function overdueCheckIns(s: Secondment, isOverdue: (c: CheckIn) => boolean): CheckIn[] {
  return s.checkIns.filter((c) => unanswered(c).length > 0 && isOverdue(c));
}

export function reportChange(s: Secondment, report: Omit<Report, "at">, now: Date): Change {
  if (s.status !== "active" && s.status !== "confirmed") return refused(s, "secondment.refused.reportWhen");
  if (s.reports.some((r) => r.id === report.id)) return refused(s, "secondment.refused.reportExists");
  const at = now.toISOString();
  return changed({ ...s, reports: [...s.reports, { ...report, at }], history: log(s, { at, what: report.kind === "absence" ? "Reported an absence" : "Reported a change", by: "secondee" }) });
}

export function askFeedback(s: Secondment, o: { id: string; from: Party; to: Party }, now: Date): Change {
  if (o.from === o.to) return refused(s, "secondment.refused.feedbackSelf");
  if (s.status !== "active" && s.status !== "ended") return refused(s, "secondment.refused.feedbackWhen");
  if (!personOf(s, o.to)) return refused(s, "secondment.refused.unreachable", { party: o.to });
  if (s.feedback.some((f) => f.id === o.id)) return refused(s, "secondment.refused.feedbackAsked");
  const at = now.toISOString();
  return changed({ ...s, feedback: [...s.feedback, { ...o, askedAt: at }], history: log(s, { at, what: `Asked ${PARTY_LABELS[o.to]} for feedback`, by: o.from }) });
}

export function giveFeedback(s: Secondment, id: string, party: Party, answer: string, now: Date): Change {
  const f = s.feedback.find((x) => x.id === id);
  if (!f) return refused(s, "secondment.refused.feedbackMissing");
  if (f.to !== party) return refused(s, "secondment.refused.feedbackOther");
  if (f.answer !== undefined) return refused(s, "secondment.refused.feedbackGiven");
  const at = now.toISOString();
  return changed({
    ...s,
    feedback: s.feedback.map((x) => (x.id === id ? { ...x, answer, answeredAt: at } : x)),
    history: log(s, { at, what: `Gave feedback to ${PARTY_LABELS[f.from]}`, by: party }),
  });
}

// ---------------------------------------------------------------------------------------------
// Changes: extension and early end

export function pendingExtension(s: Secondment): Extension | undefined {
  return s.extensions.find((e) => e.status === "pending");
}

/**
 * Ask for a new end date. The date rules (after the current end, within the cap and the fixed-term
 * contract) are checked by the caller with domain/secondment-dates.ts; an override is recorded here.
 * The person asking counts as agreeing.
 */
export function requestExtension(
  s: Secondment,
  o: { id: string; by: Party | "programme-team"; newEndDate: string; reason: string; override?: { by: PartyPerson; reason: string } },
  now: Date,
): Change {
  if (s.status !== "active" && s.status !== "confirmed") return refused(s, "secondment.refused.extendWhen");
  if (!s.terms) return refused(s, "secondment.refused.noAgreement");
  if (pendingExtension(s)) return refused(s, "secondment.refused.extensionPending");
  if (s.earlyEnd) return refused(s, "secondment.refused.extendEnding");
  if (compareIso(o.newEndDate, s.terms.endDate) <= 0) return refused(s, "secondment.refused.extendAfterEnd");
  const at = now.toISOString();
  const ext: Extension = {
    id: o.id,
    newEndDate: o.newEndDate,
    previousEndDate: s.terms.endDate,
    reason: o.reason,
    requestedBy: o.by,
    requestedAt: at,
    approvals: o.by === "programme-team" ? {} : { [o.by]: at },
    status: "pending",
  };
  if (o.override) ext.override = o.override;
  return changed({ ...s, extensions: [...s.extensions, ext], history: log(s, { at, what: `Asked to extend to ${o.newEndDate}`, by: o.by }) });
}

/** One party answers an extension request. All three must agree; one "no" declines it. */
export function decideExtension(s: Secondment, o: { id: string; party: Party; approve: boolean; reason?: string }, now: Date): Change {
  const ext = s.extensions.find((e) => e.id === o.id);
  if (!ext) return refused(s, "secondment.refused.extensionMissing");
  if (ext.status !== "pending") return refused(s, "secondment.refused.extensionDecided", { status: ext.status });
  if (ext.approvals[o.party]) return refused(s, "secondment.refused.extensionAgreed");
  if (s.status !== "active" && s.status !== "confirmed") return refused(s, "secondment.refused.extendNoLonger");
  const at = now.toISOString();
  let next: Extension;
  if (!o.approve) {
    next = { ...ext, status: "declined", declined: { by: o.party, reason: o.reason ?? "", at }, decidedAt: at };
  } else {
    const approvals = { ...ext.approvals, [o.party]: at };
    const all = PARTIES.every((p) => approvals[p]);
    next = { ...ext, approvals, ...(all ? { status: "approved" as const, decidedAt: at } : {}) };
  }
  let out: Secondment = {
    ...s,
    extensions: s.extensions.map((e) => (e.id === o.id ? next : e)),
    history: log(s, { at, what: o.approve ? "Agreed to the extension" : "Declined the extension", by: o.party }),
  };
  if (next.status === "approved" && s.terms) {
    out = { ...out, terms: { ...s.terms, endDate: next.newEndDate }, history: log(out, { at, what: `Extended to ${next.newEndDate}`, by: "system" }) };
  }
  return changed(out);
}

/**
 * End the secondment early. `lastDay` must respect the agreed notice (checked by the caller), and
 * be before the current end date. Before the start date this cancels the secondment.
 */
export function endEarly(s: Secondment, o: { by: Party | "programme-team"; reason: string; lastDay: string }, today: Today, now: Date): Change {
  if (s.status !== "active" && s.status !== "confirmed" && s.status !== "agreeing") return refused(s, "secondment.refused.alreadyFinished");
  if (s.earlyEnd) return refused(s, "secondment.refused.alreadyEnding");
  const at = now.toISOString();
  const earlyEnd: EarlyEnd = { by: o.by, reason: o.reason, lastDay: o.lastDay, previousEndDate: s.terms?.endDate ?? "", at };
  const extensions = s.extensions.map((e) => (e.status === "pending" ? { ...e, status: "withdrawn" as const, decidedAt: at } : e));
  if (s.status !== "active" || !s.terms || compareIso(o.lastDay, s.terms.startDate) < 0) {
    return changed({ ...s, status: "cancelled", earlyEnd, extensions, endedAt: at, history: log(s, { at, what: "Secondment called off before it started", by: o.by }) });
  }
  if (compareIso(o.lastDay, s.terms.endDate) >= 0) return refused(s, "secondment.refused.lastDayBeforeEnd");
  if (compareIso(o.lastDay, today) < 0) return refused(s, "secondment.refused.lastDayPast");
  return changed({
    ...s,
    earlyEnd,
    extensions,
    terms: { ...s.terms, endDate: o.lastDay },
    history: log(s, { at, what: `Ending early: last day ${o.lastDay}`, by: o.by }),
  });
}

// ---------------------------------------------------------------------------------------------
// Review and share (plan step 7)

export function recordReturnReminder(s: Secondment, now: Date): Secondment {
  return s.returnReminderSentAt ? s : { ...s, returnReminderSentAt: now.toISOString() };
}

/** The end date has come (job at 09:00 UK on the last day). */
export function finish(s: Secondment, today: Today, now: Date): Change {
  if (s.status !== "active") return refused(s, "secondment.refused.endNotActive");
  if (!s.terms || compareIso(today, s.terms.endDate) < 0) return refused(s, "secondment.refused.notEndDate");
  const at = now.toISOString();
  return changed({ ...s, status: "ended", endedAt: at, history: log(s, { at, what: "Secondment ended", by: "system" }) });
}

export function submitReview(s: Secondment, review: Omit<Review, "at">, now: Date): Change {
  if (s.status === "closed") return refused(s, "secondment.refused.reviewSent");
  if (s.status !== "ended") return refused(s, "secondment.refused.reviewWhen");
  const at = now.toISOString();
  return changed({ ...s, status: "closed", review: { ...review, at }, closedAt: at, history: log(s, { at, what: "Sent the review; secondment closed", by: "secondee" }) });
}

export function giveManagerFeedback(s: Secondment, party: "homeManager" | "host", text: string, now: Date): Change {
  if (s.status !== "ended" && s.status !== "closed") return refused(s, "secondment.refused.endFeedbackWhen");
  if (s.managerFeedback[party]) return refused(s, "secondment.refused.endFeedbackGiven");
  const at = now.toISOString();
  return changed({ ...s, managerFeedback: { ...s.managerFeedback, [party]: { text, at } }, history: log(s, { at, what: "Gave end-of-secondment feedback", by: party }) });
}
