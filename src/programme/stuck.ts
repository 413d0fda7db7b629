import type { Container } from "@azure/cosmos";
import { createHash } from "node:crypto";
import type { Approval } from "../domain/approval";
import type { Match } from "../domain/match";
import { isCheckInOverdue, ukDateOf, daysBetween } from "../domain/pipeline";
import { personOf, unanswered, waitingFor, type Party, type Secondment } from "../domain/secondment";
import { personKey } from "../domain/person";
import { DEFAULT_LANG, formatDate, t, type Lang } from "../i18n";
import type { EnqueueRequest } from "../outbox/outbox";
import { addWorkingDays, nextWorkingDay } from "../domain/working-days";
import { allPages } from "../store/paged";
import { formatMsg, msg, type Msg } from "../matching/message";

/**
 * "What is stuck": releases waiting on a line manager, matches waiting on a meeting outcome,
 * agreements waiting for confirmations and overdue check-ins, each with how long it has waited and
 * who a reminder would go to. Items carry facts (names, titles, parties), not sentences: the page
 * and each reminder are worded in their reader's language. A reminder goes through the outbox with
 * an id made of the item and the working day it counts against (a weekend or bank holiday counts
 * against the next working day), so each item gets at most one reminder per working day, however
 * often the button is pressed.
 */

export const STUCK_KINDS = ["release", "meeting", "agreement", "check-in"] as const;
export type StuckKind = (typeof STUCK_KINDS)[number];

export interface Recipient {
  tenantId: string;
  aadObjectId: string;
  /** For a match: which side of it they are, so their reminder opens their side's card. */
  side?: "host" | "secondee";
  /** For an agreement or a check-in: the part they still owe it as, so their reminder is their own card. */
  party?: Party;
}

/** What is waiting, as facts to word (no personal details beyond names and titles). */
export type StuckFacts =
  | { kind: "release"; secondee?: string; manager?: string }
  | { kind: "meeting"; person: string; role: string; stage: "arrange" | "answer" }
  | { kind: "agreement"; person: string; role: string; parties: Party[] }
  | { kind: "check-in"; n: number; person: string; role: string; parties: Party[] };

export interface StuckItem {
  id: string;
  kind: StuckKind;
  facts: StuckFacts;
  since: string;
  days: number;
  /** Who a reminder goes to (not sent to the page). */
  recipients: Recipient[];
  /** The person key of everyone the item names or a reminder goes to: the audit entry of a reminder carries them (not sent to the page). */
  about: string[];
  /** The match a "meeting" item is about: its reminders carry a button that opens the match card (not sent to the page). */
  matchId?: string;
  /** The release request a "release" item is about (whose record, which request): its reminder is the request card itself, buttons and all (not sent to the page). */
  request?: { secondeeKey: string; requestId: string };
  /** The secondment an "agreement" or "check-in" item is about (and which check-in): its reminder is the card to act on (not sent to the page). */
  secondment?: { id: string; n?: number };
}

const digest = (t: string) => createHash("sha256").update(t).digest("hex").slice(0, 24);
const split = (key: string): Recipient | undefined => {
  const i = key.indexOf(":");
  return i > 0 ? { tenantId: key.slice(0, i), aadObjectId: key.slice(i + 1) } : undefined;
};
const keysOf = (...people: (Recipient | undefined)[]): string[] => [...new Set(people.filter((p): p is Recipient => !!p?.tenantId && !!p.aadObjectId).map((p) => personKey(p)))];
const since = (instant: string | undefined, today: string) => {
  const d = ukDateOf(instant);
  return d ? { since: d, days: Math.max(0, daysBetween(d, today)) } : { since: today, days: 0 };
};

/** The people who still owe something as `parties`, each with the part they owe it as. */
const owing = (s: Secondment, parties: readonly Party[]): Recipient[] =>
  parties.flatMap((party) => {
    const p = personOf(s, party);
    return p ? [{ tenantId: s.tenantId, aadObjectId: p.aadObjectId, party }] : [];
  });

export async function stuckItems(people: Container, matches: Container, secondments: Container, today: string): Promise<StuckItem[]> {
  const [approvals, open, secs, withdrawn] = await Promise.all([
    allPages<Approval & { pk: string }>(people, "SELECT c.pk, c.requestId, c.secondee, c.manager, c.requestedAt FROM c WHERE c.type = 'approval' AND c.status = 'pending'"),
    allPages<Match & { id: string }>(matches, "SELECT c.id, c.status, c.opening, c.candidate, c.confirmedAt, c.arrangedBy, c.outcomes FROM c WHERE c.type = 'match' AND (c.status = 'notified' OR c.status = 'meeting')"),
    allPages<Secondment>(
      secondments,
      "SELECT c.id, c.status, c.tenantId, c.opening, c.secondee, c.homeManager, c.host, c.terms, c.termsVersion, c.confirmations, c.createdAt, c.checkIns FROM c WHERE c.type = 'secondment' AND (c.status = 'agreeing' OR c.status = 'active')",
    ),
    allPages<{ id: string }>(people, "SELECT c.id FROM c WHERE c.type = 'role' AND c.status = 'withdrawn'"),
  ]);
  // A match on a withdrawn role waits on nobody: it has ended (or ends when next touched).
  const gone = new Set(withdrawn.map((r) => r.id));
  const items: StuckItem[] = [];
  for (const a of approvals) {
    const tenantId = split(a.pk)?.tenantId;
    const recipients = tenantId && a.manager?.aadObjectId ? [{ tenantId, aadObjectId: a.manager.aadObjectId }] : [];
    items.push({
      id: `release:${a.requestId}`,
      kind: "release",
      facts: { kind: "release", ...(a.secondee?.name ? { secondee: a.secondee.name } : {}), ...(a.manager?.name || a.manager?.email ? { manager: a.manager.name ?? a.manager.email! } : {}) },
      ...since(a.requestedAt, today),
      recipients,
      about: keysOf(a.secondee ?? split(a.pk), ...recipients),
      request: { secondeeKey: a.pk, requestId: a.requestId },
    });
  }
  for (const m of open) {
    if (gone.has(m.opening.id)) continue;
    const host = split(m.opening.ownerKey);
    const waiting: Recipient[] = [];
    if (!m.outcomes?.host && host) waiting.push({ ...host, side: "host" });
    if (m.status === "meeting" && !m.outcomes?.secondee) waiting.push({ tenantId: m.candidate.tenantId, aadObjectId: m.candidate.aadObjectId, side: "secondee" });
    items.push({
      id: `meeting:${digest(m.id)}`,
      kind: "meeting",
      facts: { kind: "meeting", person: m.candidate.name, role: m.opening.title, stage: m.status === "notified" ? "arrange" : "answer" },
      ...since(m.arrangedBy?.at ?? m.confirmedAt, today),
      recipients: waiting,
      about: keysOf({ tenantId: m.candidate.tenantId, aadObjectId: m.candidate.aadObjectId }, ...waiting),
      matchId: m.id,
    });
  }
  for (const s of secs) {
    if (s.status === "agreeing" && s.terms) {
      const parties = waitingFor(s);
      if (!parties.length) continue;
      const recipients = owing(s, parties);
      items.push({
        id: `agreement:${s.id}`,
        kind: "agreement",
        facts: { kind: "agreement", person: s.secondee.name, role: s.opening.title, parties },
        ...since(s.createdAt, today),
        recipients,
        about: keysOf(s.secondee, ...recipients),
        secondment: { id: s.id },
      });
    }
    if (s.status === "active") {
      for (const c of s.checkIns ?? []) {
        const answered = { secondee: !!c.answers?.secondee, homeManager: !!c.answers?.homeManager };
        if (!isCheckInOverdue({ sentAt: c.sentAt, answered }, today)) continue;
        const recipients = owing(s, unanswered(c));
        items.push({
          id: `check-in:${s.id}:${c.n}`,
          kind: "check-in",
          facts: { kind: "check-in", n: c.n, person: s.secondee.name, role: s.opening.title, parties: unanswered(c) },
          ...since(c.sentAt, today),
          recipients,
          about: keysOf(s.secondee, ...recipients),
          secondment: { id: s.id, n: c.n },
        });
      }
    }
  }
  return items.sort((a, b) => b.days - a.days);
}

/** "the secondee and the host", in `lang` (one, two or three parties). */
function partyList(parties: readonly Party[]): Msg {
  const [first, second, third] = parties.map((party) => ({ msg: msg("programme.stuck.party", { party }) }));
  return msg("programme.stuck.parties", { count: parties.length, first: first ?? "", second: second ?? "", third: third ?? "" });
}

/** What is waiting and on whom, as messages (the audit trail keeps them so; describeStuck words them). */
export function stuckWords(f: StuckFacts): { title: Msg; waitingOn: Msg | string } {
  switch (f.kind) {
    case "release":
      return {
        title: msg("programme.stuck.release.title", { person: f.secondee ?? { msg: msg("programme.stuck.someone") } }),
        waitingOn: f.manager ?? msg("programme.stuck.release.theirManager"),
      };
    case "meeting":
      return { title: msg("programme.stuck.meeting.title", { person: f.person, role: f.role }), waitingOn: msg("programme.stuck.meeting.waiting", { stage: f.stage }) };
    case "agreement":
      return { title: msg("programme.stuck.agreement.title", { person: f.person, role: f.role }), waitingOn: msg("programme.stuck.agreement.waiting", { parties: { msg: partyList(f.parties) } }) };
    case "check-in":
      return { title: msg("programme.stuck.checkIn.title", { n: f.n, person: f.person, role: f.role }), waitingOn: msg("programme.stuck.checkIn.waiting", { parties: { msg: partyList(f.parties) } }) };
  }
}

/** What is waiting and on whom, in `lang`. */
export function describeStuck(lang: Lang, f: StuckFacts): { title: string; waitingOn: string } {
  const w = stuckWords(f);
  return { title: formatMsg(lang, w.title), waitingOn: typeof w.waitingOn === "string" ? w.waitingOn : formatMsg(lang, w.waitingOn) };
}

/** The reminder a recipient reads, in their language. */
export function reminderText(lang: Lang, f: StuckFacts): string {
  switch (f.kind) {
    case "release":
      return t(lang, "programme.reminder.release", { person: f.secondee ?? t(lang, "programme.reminder.someoneInYourTeam") });
    case "meeting":
      return t(lang, "programme.reminder.meeting", { person: f.person, role: f.role, stage: f.stage });
    case "agreement":
      return t(lang, "programme.reminder.agreement", { role: f.role });
    case "check-in":
      return t(lang, "programme.reminder.checkIn", { n: f.n, role: f.role });
  }
}

/**
 * The working day a reminder sent on UK date `today` counts against, and the one after it: a
 * reminder on a Saturday, a Sunday or a bank holiday counts against the next working day.
 */
export function reminderSlot(today: string): { day: string; next: string } {
  const day = nextWorkingDay(today);
  return { day, next: addWorkingDays(day, 1) };
}

/**
 * The outbox messages for one reminder about an item in the working day `slot` (see reminderSlot):
 * one per recipient, in `langs[i]` (the recipient's language), each with an id fixed by the item,
 * the working day and the recipient, so a second press that working day changes nothing.
 */
export function reminderMessages(item: StuckItem, slot: string, serviceUrl: string, langs: readonly Lang[] = []): EnqueueRequest[] {
  return item.recipients.map((r, i) => ({
    id: `programme-reminder:${digest(item.id)}:${slot}:${digest(r.aadObjectId).slice(0, 12)}`,
    target: { kind: "person" as const, tenantId: r.tenantId, aadObjectId: r.aadObjectId, serviceUrl },
    activity: { type: "message", text: reminderText(langs[i] ?? DEFAULT_LANG, item.facts) },
    purpose: "programme-reminder",
  }));
}

/** An item as the page shows it, in `lang`: no recipients. */
export const publicItem = ({ recipients, facts, about: _about, matchId: _matchId, request: _request, secondment: _secondment, ...rest }: StuckItem, lang: Lang) => ({
  ...rest,
  ...describeStuck(lang, facts),
  sinceText: formatDate(lang, rest.since),
  canRemind: recipients.length > 0,
});
