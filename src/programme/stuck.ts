import type { Container } from "@azure/cosmos";
import { createHash } from "node:crypto";
import type { Approval } from "../domain/approval";
import type { Match } from "../domain/match";
import { isCheckInOverdue, ukDateOf, daysBetween } from "../domain/pipeline";
import { personOf, unanswered, waitingFor, PARTY_LABELS, type Secondment } from "../domain/secondment";
import type { EnqueueRequest } from "../outbox/outbox";
import { allPages } from "../store/paged";

/**
 * "What is stuck": releases waiting on a line manager, matches waiting on a meeting outcome,
 * agreements waiting for confirmations and overdue check-ins, each with how long it has waited and
 * who a reminder would go to. A reminder goes through the outbox with an id made of the item and
 * the UK date, so each item gets at most one reminder a day, however often the button is pressed.
 */

export const STUCK_KINDS = ["release", "meeting", "agreement", "check-in"] as const;
export type StuckKind = (typeof STUCK_KINDS)[number];

export interface Recipient {
  tenantId: string;
  aadObjectId: string;
}

export interface StuckItem {
  id: string;
  kind: StuckKind;
  /** What is waiting, in words (no personal details beyond names). */
  title: string;
  waitingOn: string;
  since: string;
  days: number;
  /** Who a reminder goes to (not sent to the page). */
  recipients: Recipient[];
  reminder: string;
}

const digest = (t: string) => createHash("sha256").update(t).digest("hex").slice(0, 24);
const split = (key: string): Recipient | undefined => {
  const i = key.indexOf(":");
  return i > 0 ? { tenantId: key.slice(0, i), aadObjectId: key.slice(i + 1) } : undefined;
};
const since = (instant: string | undefined, today: string) => {
  const d = ukDateOf(instant);
  return d ? { since: d, days: Math.max(0, daysBetween(d, today)) } : { since: today, days: 0 };
};

export async function stuckItems(people: Container, matches: Container, secondments: Container, today: string): Promise<StuckItem[]> {
  const [approvals, open, secs] = await Promise.all([
    allPages<Approval & { pk: string }>(people, "SELECT c.pk, c.requestId, c.secondee, c.manager, c.requestedAt FROM c WHERE c.type = 'approval' AND c.status = 'pending'"),
    allPages<Match & { id: string }>(matches, "SELECT c.id, c.status, c.opening, c.candidate, c.confirmedAt, c.arrangedBy, c.outcomes FROM c WHERE c.type = 'match' AND (c.status = 'notified' OR c.status = 'meeting')"),
    allPages<Secondment>(
      secondments,
      "SELECT c.id, c.status, c.tenantId, c.opening, c.secondee, c.homeManager, c.host, c.terms, c.termsVersion, c.confirmations, c.createdAt, c.checkIns FROM c WHERE c.type = 'secondment' AND (c.status = 'agreeing' OR c.status = 'active')",
    ),
  ]);
  const items: StuckItem[] = [];
  for (const a of approvals) {
    const tenantId = split(a.pk)?.tenantId;
    items.push({
      id: `release:${a.requestId}`,
      kind: "release",
      title: `${a.secondee?.name ?? "Someone"}'s release request`,
      waitingOn: a.manager?.name ?? a.manager?.email ?? "Their line manager",
      ...since(a.requestedAt, today),
      recipients: tenantId && a.manager?.aadObjectId ? [{ tenantId, aadObjectId: a.manager.aadObjectId }] : [],
      reminder: `A reminder from the secondment programme team: ${a.secondee?.name ?? "someone in your team"} is waiting for your answer to their request to be released for a secondment. Open the request in the Secondments app to answer it.`,
    });
  }
  for (const m of open) {
    const host = split(m.opening.ownerKey);
    const waiting: Recipient[] = [];
    if (!m.outcomes?.host && host) waiting.push(host);
    if (m.status === "meeting" && !m.outcomes?.secondee) waiting.push({ tenantId: m.candidate.tenantId, aadObjectId: m.candidate.aadObjectId });
    items.push({
      id: `meeting:${digest(m.id)}`,
      kind: "meeting",
      title: `${m.candidate.name} for ${m.opening.title}`,
      waitingOn: m.status === "notified" ? "The vacancy holder to arrange the informal chat" : "An answer after the informal chat",
      ...since(m.arrangedBy?.at ?? m.confirmedAt, today),
      recipients: waiting,
      reminder: `A reminder from the secondment programme team: the match of ${m.candidate.name} with ${m.opening.title} is waiting for ${m.status === "notified" ? "an informal chat to be arranged" : "your answer after the informal chat"}. Open the match card in Teams to reply.`,
    });
  }
  for (const s of secs) {
    if (s.status === "agreeing" && s.terms) {
      const parties = waitingFor(s);
      if (!parties.length) continue;
      items.push({
        id: `agreement:${s.id}`,
        kind: "agreement",
        title: `Agreement for ${s.secondee.name}: ${s.opening.title}`,
        waitingOn: `Confirmation from ${parties.map((p) => PARTY_LABELS[p]).join(" and ")}`,
        ...since(s.createdAt, today),
        recipients: parties.map((p) => personOf(s, p)).filter((p): p is NonNullable<typeof p> => !!p).map((p) => ({ tenantId: s.tenantId, aadObjectId: p.aadObjectId })),
        reminder: `A reminder from the secondment programme team: the agreement for ${s.opening.title} is waiting for your confirmation. Open the secondment in the Secondments app to confirm it.`,
      });
    }
    if (s.status === "active") {
      for (const c of s.checkIns ?? []) {
        const answered = { secondee: !!c.answers?.secondee, homeManager: !!c.answers?.homeManager };
        if (!isCheckInOverdue({ sentAt: c.sentAt, answered }, today)) continue;
        items.push({
          id: `check-in:${s.id}:${c.n}`,
          kind: "check-in",
          title: `Check-in ${c.n}: ${s.secondee.name}, ${s.opening.title}`,
          waitingOn: `An answer from ${unanswered(c).map((p) => PARTY_LABELS[p]).join(" and ")}`,
          ...since(c.sentAt, today),
          recipients: unanswered(c).map((p) => personOf(s, p)).filter((p): p is NonNullable<typeof p> => !!p).map((p) => ({ tenantId: s.tenantId, aadObjectId: p.aadObjectId })),
          reminder: `A reminder from the secondment programme team: check-in ${c.n} for the secondment to ${s.opening.title} is waiting for your answer. It takes a few minutes.`,
        });
      }
    }
  }
  return items.sort((a, b) => b.days - a.days);
}

/**
 * The outbox messages for one reminder about an item on a UK date: one per recipient, each with an
 * id fixed by the item, the date and the recipient, so a second press that day changes nothing.
 */
export function reminderMessages(item: StuckItem, ukDate: string, serviceUrl: string): EnqueueRequest[] {
  return item.recipients.map((r) => ({
    id: `programme-reminder:${digest(item.id)}:${ukDate}:${digest(r.aadObjectId).slice(0, 12)}`,
    target: { kind: "person" as const, tenantId: r.tenantId, aadObjectId: r.aadObjectId, serviceUrl },
    activity: { type: "message", text: item.reminder },
    purpose: "programme-reminder",
  }));
}

export const publicItem = ({ recipients, reminder: _r, ...rest }: StuckItem) => ({ ...rest, canRemind: recipients.length > 0 });
