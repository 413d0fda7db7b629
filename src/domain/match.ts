import { z } from "zod";
import type { PersonId } from "./person";

/**
 * A proposed pairing of a person (candidate) and a role (opening), from the programme team's
 * confirmation to the outcome of the informal matching meeting. Pure transitions; stored with
 * etag guards. A pair that was ever turned down is never proposed again.
 */
export const MATCH_STATUSES = ["notified", "meeting", "agreeing", "closed"] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

export type Side = "host" | "secondee";
export type Outcome = { proceed: true; at: string } | { proceed: false; reason: string; at: string };

export interface Match {
  type: "match";
  opening: { id: string; ownerKey: string; title: string; organisation: string; channelConversationId: string };
  candidate: PersonId & { key: string; name: string };
  status: MatchStatus;
  confirmedBy: { aadObjectId: string; name?: string };
  confirmedAt: string;
  /** Who said they would arrange the meeting, and when. */
  arrangedBy?: { aadObjectId: string; name?: string; at: string; /** Their Teams user id (29:…), so their card refreshes. */ teamsUserId?: string };
  outcomes: Partial<Record<Side, Outcome>>;
  /** Why it closed, in the words of whoever closed it. */
  closedReason?: string;
  closedBy?: Side | "programme-team";
  closedAt?: string;
  /** One-sentence summary of why the pair fits. */
  explanation: string;
  /** The full explanation as shown on the cards (skills, preferences, rules checked). */
  details?: string;
  /** The same explanation written to the person matched ("you"), for their own card. */
  detailsForCandidate?: string;
}

export const matchId = (openingId: string, candidateKey: string): string => `match:${openingId}:${candidateKey}`.replace(/[/\\?#]/g, "_");
export const pairKey = (openingId: string, candidateKey: string): string => `${openingId}|${candidateKey}`;

export const ReasonSchema = z
  .string({ message: "Reason must be text" })
  .trim()
  .min(1, "Enter a reason")
  .max(500, "Reason must be 500 characters or fewer");

export type MatchChange = { kind: "changed"; match: Match } | { kind: "refused"; why: string; match: Match };

/** The vacancy holder (or programme team) takes the meeting on. */
export function arrange(m: Match, actor: { aadObjectId: string; name?: string; teamsUserId?: string }, now: Date): MatchChange {
  if (m.status !== "notified") return { kind: "refused", why: m.status === "closed" ? "This match is closed." : "The meeting is already being arranged.", match: m };
  return { kind: "changed", match: { ...m, status: "meeting", arrangedBy: { ...actor, at: now.toISOString() } } };
}

/** One side records the outcome of the meeting (or, for the host, turns the match down before it). */
export function recordOutcome(m: Match, side: Side, outcome: { proceed: boolean; reason?: string }, now: Date): MatchChange {
  if (m.status === "closed" || m.status === "agreeing") return { kind: "refused", why: "This match already has its outcome.", match: m };
  if (m.outcomes[side]) return { kind: "refused", why: "You have already given your answer.", match: m };
  const at = now.toISOString();
  if (!outcome.proceed) {
    return {
      kind: "changed",
      match: { ...m, status: "closed", outcomes: { ...m.outcomes, [side]: { proceed: false, reason: outcome.reason ?? "", at } }, closedReason: outcome.reason ?? "", closedBy: side, closedAt: at },
    };
  }
  const outcomes = { ...m.outcomes, [side]: { proceed: true as const, at } };
  const both = outcomes.host?.proceed === true && outcomes.secondee?.proceed === true;
  return { kind: "changed", match: { ...m, outcomes, status: both ? "agreeing" : m.status === "notified" ? "meeting" : m.status } };
}

/**
 * The secondment this match led to was called off before it started: the match closes (so the
 * pair is never proposed again), and the person and the role are free for other matches.
 */
export function callOff(m: Match, by: Side | "programme-team", reason: string, now: Date): MatchChange {
  if (m.status === "closed") return { kind: "refused", why: "This match is already closed.", match: m };
  const at = now.toISOString();
  return { kind: "changed", match: { ...m, status: "closed", closedReason: `The secondment was called off: ${reason}`, closedBy: by, closedAt: at } };
}

/** Pairs that must never be proposed again: any match that closed. */
export function declinedPairs(matches: readonly Match[]): Set<string> {
  return new Set(matches.filter((m) => m.status === "closed").map((m) => pairKey(m.opening.id, m.candidate.key)));
}

/** Pairs already in play (not to be proposed again while they are). */
export function activePairs(matches: readonly Match[]): Set<string> {
  return new Set(matches.filter((m) => m.status !== "closed").map((m) => pairKey(m.opening.id, m.candidate.key)));
}
