import { z } from "zod";
import { DEFAULT_LANG, t, type Lang } from "../i18n";
import type { Msg } from "./msg";
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
  /** Why it closed, in the words of whoever closed it (free text, shown as written). */
  closedReason?: string;
  /**
   * How it closed when the app, not a person, says so: the programme team judged the pair not
   * suitable, the secondment it led to was called off (closedReason then holds the reason given),
   * the role went because the person who offered it asked for their data to be erased, or they
   * withdrew the role.
   */
  closedNote?: "not-suitable" | "called-off" | "role-erased" | "role-withdrawn";
  closedBy?: Side | "programme-team";
  closedAt?: string;
  /** One-sentence summary of why the pair fits, in the person's language when it was made (kept for their records). */
  explanation: string;
  /**
   * Why the pair fits, as catalogue messages: a summary and the lines the cards show (skills,
   * preferences, rules checked). Each card puts them into its reader's language.
   */
  reasons?: { summary: Msg[]; lines: Msg[][] };
  /** Matches made before explanations were messages: the lines in English, and written to the person. */
  details?: string;
  detailsForCandidate?: string;
}

export const matchId = (openingId: string, candidateKey: string): string => `match:${openingId}:${candidateKey}`.replace(/[/\\?#]/g, "_");
export const pairKey = (openingId: string, candidateKey: string): string => `${openingId}|${candidateKey}`;

/** Why someone gave up on a match: required, plain text, with the messages in `lang`. */
export const reasonSchema = (lang: Lang = DEFAULT_LANG) =>
  z
    .string({ message: t(lang, "matching.reason.text") })
    .trim()
    .min(1, t(lang, "matching.reason.enter"))
    .max(500, t(lang, "matching.reason.tooLong", { max: 500 }));

/** Why a change was refused: each has a message "matching.refused.<why>" in the catalogue. */
export type MatchRefusal = "closed" | "alreadyArranging" | "hasOutcome" | "alreadyAnswered" | "roleWithdrawn";
export type MatchChange = { kind: "changed"; match: Match } | { kind: "refused"; why: MatchRefusal; match: Match };

/**
 * Where the match's role stands, as its verbs need it: "open", or "withdrawn" by the person who
 * offered it. Nothing moves on for a withdrawn role: no meeting, no answer, so no secondment.
 */
export type RoleState = "open" | "withdrawn";

/** The vacancy holder (or programme team) takes the meeting on. */
export function arrange(m: Match, actor: { aadObjectId: string; name?: string; teamsUserId?: string }, now: Date, role: RoleState): MatchChange {
  if (role === "withdrawn") return { kind: "refused", why: m.status === "closed" ? "closed" : "roleWithdrawn", match: m };
  if (m.status !== "notified") return { kind: "refused", why: m.status === "closed" ? "closed" : "alreadyArranging", match: m };
  return { kind: "changed", match: { ...m, status: "meeting", arrangedBy: { ...actor, at: now.toISOString() } } };
}

/** One side records the outcome of the meeting (or, for the host, turns the match down before it). */
export function recordOutcome(m: Match, side: Side, outcome: { proceed: boolean; reason?: string }, now: Date, role: RoleState): MatchChange {
  if (role === "withdrawn" && m.status !== "closed" && m.status !== "agreeing") return { kind: "refused", why: "roleWithdrawn", match: m };
  if (m.status === "closed" || m.status === "agreeing") return { kind: "refused", why: "hasOutcome", match: m };
  if (m.outcomes[side]) return { kind: "refused", why: "alreadyAnswered", match: m };
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
  if (m.status === "closed") return { kind: "refused", why: "closed", match: m };
  const at = now.toISOString();
  return { kind: "changed", match: { ...m, status: "closed", closedReason: reason, closedNote: "called-off", closedBy: by, closedAt: at } };
}

/** Whether withdrawing the role ends this match: one still before both sides said yes. */
export const endsWithRole = (m: Pick<Match, "status">): boolean => m.status === "notified" || m.status === "meeting";

/**
 * The role was withdrawn: a match still before both sides said yes closes, as if the vacancy
 * holder had said no (both stay in the pool; the pair is never proposed again). A match going
 * ahead ("agreeing") is left to its secondment, which only its parties can call off.
 */
export function endForWithdrawnRole(m: Match, now: Date): MatchChange {
  if (!endsWithRole(m)) return { kind: "refused", why: m.status === "closed" ? "closed" : "hasOutcome", match: m };
  return { kind: "changed", match: { ...m, status: "closed", closedNote: "role-withdrawn", closedBy: "host", closedAt: now.toISOString() } };
}

/** Pairs that must never be proposed again: any match that closed. */
export function declinedPairs(matches: readonly Match[]): Set<string> {
  return new Set(matches.filter((m) => m.status === "closed").map((m) => pairKey(m.opening.id, m.candidate.key)));
}

/** Pairs already in play (not to be proposed again while they are). */
export function activePairs(matches: readonly Match[]): Set<string> {
  return new Set(matches.filter((m) => m.status !== "closed").map((m) => pairKey(m.opening.id, m.candidate.key)));
}
