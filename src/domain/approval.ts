import { z } from "zod";
import type { PersonId } from "./person";
import { DEFAULT_LANG, t, type Lang } from "../i18n";

/**
 * A line manager's permission to release a person for a secondment. One request per person at a
 * time, kept in the person's own partition. Pure transitions; the repository writes them with the
 * etag it read, so two clicks at once make exactly one decision.
 */
export const APPROVAL_STATUSES = ["pending", "approved", "declined", "unreachable", "cancelled"] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** How many reminders a line manager gets before the person and the programme team are told. */
export const MAX_REMINDERS = 2;
/** Working days between the request, each reminder and the escalation. */
export const REMINDER_WORKING_DAYS = 3;

export interface ApprovalSummary {
  secondmentTypes: string;
  availableFrom: string;
  length: string;
  workingPattern: string;
  organisation: string;
  grade: string;
  profession: string;
}

export interface Approval {
  type: "approval";
  /** Unique per request, so cards and jobs from an older request can be told apart. */
  requestId: string;
  secondee: PersonId & { name: string; teamsUserId?: string };
  manager: { aadObjectId?: string; email?: string; name?: string };
  summary: ApprovalSummary;
  status: ApprovalStatus;
  requestedAt: string;
  decidedAt?: string;
  decidedBy?: { aadObjectId: string; name?: string };
  reason?: string;
  remindersSent: number;
  escalatedAt?: string;
  unreachableReason?: string;
  /**
   * Earlier requests of this person that ended without an answer being needed (newest last, at most
   * ENDED_KEPT): ids and why only, so a click on an old card can be told it is closed.
   */
  ended?: EndedRequest[];
}

/** Why an earlier request no longer needs an answer: the person withdrew it, or a newer one took its place. */
export type EndedBecause = "withdrawn" | "replaced";
export interface EndedRequest {
  requestId: string;
  because: EndedBecause;
}
/** How many ended requests a person's record remembers. */
export const ENDED_KEPT = 10;

/** A reason that is not text or too long is left out (the decision still counts): no message of its own. */
export const DeclineReasonSchema = z
  .string()
  .trim()
  .max(500)
  .optional()
  .transform((s) => (s ? s : undefined));

export function newApproval(o: {
  requestId: string;
  secondee: Approval["secondee"];
  manager: Approval["manager"];
  summary: ApprovalSummary;
  now: Date;
}): Approval {
  const base: Approval = {
    type: "approval",
    requestId: o.requestId,
    secondee: o.secondee,
    manager: o.manager,
    summary: o.summary,
    status: "pending",
    requestedAt: o.now.toISOString(),
    remindersSent: 0,
  };
  if (!o.manager.aadObjectId) {
    return markUnreachable(base, "no-teams-account", o.now);
  }
  if (o.manager.aadObjectId.toLowerCase() === o.secondee.aadObjectId.toLowerCase()) {
    return markUnreachable(base, "self", o.now);
  }
  return base;
}

/**
 * Does a new or changed interest need a fresh request? Yes when there is none, or it was withdrawn
 * or never reached the manager, or the person chose a different manager (unless already released).
 * Never because of other changes: a manager who declined is asked again only when the person
 * chooses to (askAgain), not silently when they save their interest.
 */
export function needsNewRequest(current: Approval | undefined, manager: Approval["manager"]): boolean {
  if (!current) return true;
  if (current.status === "unreachable" || current.status === "cancelled") return true;
  const changed =
    (current.manager.aadObjectId ?? "").toLowerCase() !== (manager.aadObjectId ?? "").toLowerCase() ||
    (current.manager.email ?? "").toLowerCase() !== (manager.email ?? "").toLowerCase();
  return changed && current.status !== "approved";
}

/**
 * A fresh request takes the place of `previous`: the previous one is remembered as ended (withdrawn
 * if it was, else replaced), so its manager's old card can be closed.
 */
export function succeed(previous: Approval | undefined, fresh: Approval): Approval {
  if (!previous) return fresh;
  const because: EndedBecause = previous.status === "cancelled" ? "withdrawn" : "replaced";
  const ended = [...(previous.ended ?? []).filter((e) => e.requestId !== previous.requestId), { requestId: previous.requestId, because }].slice(-ENDED_KEPT);
  return { ...fresh, ended };
}

/** Did this request end without needing an answer, and why? Undefined for the live request or an unknown id. */
export function endedBecause(a: Approval, requestId: string): EndedBecause | undefined {
  if (a.requestId === requestId) return a.status === "cancelled" ? "withdrawn" : undefined;
  return a.ended?.find((e) => e.requestId === requestId)?.because;
}

/**
 * The person withdrew their interest: a request waiting for an answer, declined or not delivered
 * ends, so a new interest asks the manager afresh. A release already agreed stands.
 */
export function withdrawRequest(a: Approval): Approval | undefined {
  return a.status === "pending" || a.status === "declined" || a.status === "unreachable" ? { ...a, status: "cancelled" } : undefined;
}

export type AskAgainOutcome =
  /** Send a new request (the declined one is remembered as replaced). */
  | { kind: "ask" }
  /** The declined request was already followed by a newer one (a second click): nothing to send. */
  | { kind: "already-asked"; approval: Approval }
  /** The request was not declined (waiting, agreed, withdrawn): nothing to ask. */
  | { kind: "not-declined"; approval: Approval }
  | { kind: "no-request" };

/**
 * The person asks their line manager again after a decline, from a button carrying the declined
 * request's id. Only that request, only once: a second click finds a newer request and sends nothing.
 */
export function askAgain(current: Approval | undefined, declinedRequestId: string): AskAgainOutcome {
  if (!current) return { kind: "no-request" };
  if (current.requestId !== declinedRequestId) return { kind: "already-asked", approval: current };
  if (current.status !== "declined") return { kind: "not-declined", approval: current };
  return { kind: "ask" };
}

export type Decision = "approve" | "decline";

export type DecideOutcome =
  | { kind: "decided"; approval: Approval }
  | { kind: "not-manager"; approval: Approval }
  | { kind: "already-decided"; approval: Approval }
  | { kind: "stale-request"; approval: Approval }
  /** An old request that no longer needs an answer, clicked by someone who is not the current manager. */
  | { kind: "ended"; because: EndedBecause; approval: Approval }
  /** A request id this person never had, from someone who is not their manager: nothing to show. */
  | { kind: "unknown-request"; approval: Approval };

/** Only the named line manager can decide, once, on the current request. */
export function decide(
  a: Approval,
  o: { requestId: string; actor: { aadObjectId: string; name?: string }; decision: Decision; reason?: string | undefined; now: Date },
): DecideOutcome {
  const isManager = Boolean(a.manager.aadObjectId) && o.actor.aadObjectId.toLowerCase() === a.manager.aadObjectId!.toLowerCase();
  const because = endedBecause(a, o.requestId);
  if (o.requestId !== a.requestId) {
    // The current manager may see the newer request; anyone else (an earlier manager) only that theirs is closed.
    if (isManager) return { kind: "stale-request", approval: a };
    return because ? { kind: "ended", because, approval: a } : { kind: "unknown-request", approval: a };
  }
  if (!isManager) return { kind: "not-manager", approval: a };
  if (because) return { kind: "ended", because, approval: a };
  if (a.status !== "pending") return { kind: "already-decided", approval: a };
  const decided: Approval = {
    ...a,
    status: o.decision === "approve" ? "approved" : "declined",
    decidedAt: o.now.toISOString(),
    decidedBy: { aadObjectId: o.actor.aadObjectId, ...(o.actor.name ? { name: o.actor.name } : {}) },
  };
  if (o.decision === "decline" && o.reason) decided.reason = o.reason;
  if (o.actor.name && !decided.manager.name) decided.manager = { ...decided.manager, name: o.actor.name };
  return { kind: "decided", approval: decided };
}

export type UnreachableReason = "no-teams-account" | "self" | "not-installed" | "blocked";

export function markUnreachable(a: Approval, reason: UnreachableReason, _now: Date): Approval {
  if (a.status !== "pending") return a;
  return { ...a, status: "unreachable", unreachableReason: reason };
}

export type ReminderStep = { kind: "remind"; number: number } | { kind: "escalate" } | { kind: "nothing" };

/** What a due reminder job should do for this request. */
export function nextReminderStep(a: Approval, requestId: string): ReminderStep {
  if (a.requestId !== requestId || a.status !== "pending" || a.escalatedAt) return { kind: "nothing" };
  if (a.remindersSent < MAX_REMINDERS) return { kind: "remind", number: a.remindersSent + 1 };
  return { kind: "escalate" };
}

export function recordReminder(a: Approval, number: number): Approval {
  return number > a.remindersSent ? { ...a, remindersSent: number } : a;
}

export function recordEscalation(a: Approval, now: Date): Approval {
  return a.escalatedAt ? a : { ...a, escalatedAt: now.toISOString() };
}

/**
 * What the secondee is told when their manager cannot be reached, in plain words, with a next step
 * that does not send them back to what just failed. `programmeEmail`: the programme team's address.
 * In the reader's language (catalogue keys "release.unreachable.*").
 */
export function unreachableAdvice(reason: string | undefined, programmeEmail: string, lang: Lang = DEFAULT_LANG): string {
  const key = reason === "no-teams-account" ? "noTeamsAccount" : reason === "self" ? "self" : reason === "not-installed" ? "notInstalled" : "other";
  return t(lang, `release.unreachable.${key}`, { email: programmeEmail });
}
