import { t, type Lang } from "../i18n";
import type { Match, MatchStatus } from "./match";

/**
 * Where a match stands, and where a person stands in the pool: the one place both are worked out
 * from what is stored. Every screen and export reads them through these functions (the CSV
 * exports, the Programme tab's tables and cards, "my matches" and the match cards), so a match
 * or a person never shows one stage in one place and another elsewhere.
 */

/**
 * A match's stage. "confirmed": the programme team confirmed it and the informal chat is still to
 * be arranged; "meeting": the informal chat, until both sides have answered; "agreeing": both
 * want to go ahead (the details are being agreed); "underWay": the secondment it led to has
 * started; "ended": that secondment has ended; "closed": not going ahead; "notSuitable": the
 * programme team turned the suggestion down (the people in it were never told).
 */
export const MATCH_STAGES = ["confirmed", "meeting", "agreeing", "underWay", "ended", "closed", "notSuitable"] as const;
export type MatchStage = (typeof MATCH_STAGES)[number];

/**
 * The stored fields a match's stage depends on (exports and the tab read only these), and the
 * status of the secondment it led to, if any (a match going ahead stays "agreeing" when stored).
 */
export type StageFacts = Pick<Match, "status" | "closedNote"> & { closedBy?: string | undefined; secondment?: string | undefined; role?: string | undefined };

/**
 * `role`: the stored status of the role the match is for. Withdrawing a role ends its matches not
 * yet going ahead; one left open by a withdrawal from before that (stored "notified" or "meeting")
 * reads as not going ahead, as it would have been closed.
 */
const leftOnWithdrawnRole = (m: { status: MatchStatus; role?: string | undefined }): boolean => m.role === "withdrawn" && (m.status === "notified" || m.status === "meeting");

/** A secondment's stored status as a match's stage: started, or finished (ended, then reviewed). */
const afterAgreeing = (secondment: string | undefined): MatchStage =>
  secondment === "active" ? "underWay" : secondment === "ended" || secondment === "closed" ? "ended" : "agreeing";

export function matchStage(m: StageFacts): MatchStage {
  if (leftOnWithdrawnRole(m)) return "closed";
  switch (m.status) {
    case "notified":
      return "confirmed";
    case "meeting":
      return m.status;
    case "agreeing":
      return afterAgreeing(m.secondment);
    case "closed":
      // Matches turned down before closedNote existed carry only who closed them.
      return m.closedNote === "not-suitable" || (m.closedBy === "programme-team" && !m.closedNote) ? "notSuitable" : "closed";
  }
}

/** A match's stage in words, in `lang`. */
export const matchStageLabel = (lang: Lang, stage: MatchStage): string => t(lang, `match.stage.${stage}`);

/** A person's stage in the pool: the same ids the Programme tab filters on. */
export const PERSON_STAGES = ["available", "matched", "placed", "seconded", "withdrawn"] as const;
export type PersonStage = (typeof PERSON_STAGES)[number];

/**
 * Where a person stands: withdrawn if they withdrew their interest; "seconded" while a secondment
 * of theirs is under way; "placed" once a match of theirs is going ahead (its secondment not yet
 * started); "matched" while one is confirmed or being talked over; else available (also once
 * their secondment has ended: they are back in the pool).
 */
export function personStage(interestStatus: string, matches: readonly { status: MatchStatus; secondment?: string | undefined; role?: string | undefined }[]): PersonStage {
  if (interestStatus === "withdrawn") return "withdrawn";
  const stages = matches.map((m) => (m.status === "agreeing" ? afterAgreeing(m.secondment) : undefined));
  if (stages.includes("underWay")) return "seconded";
  if (stages.includes("agreeing")) return "placed";
  if (matches.some((m) => (m.status === "notified" || m.status === "meeting") && !leftOnWithdrawnRole(m))) return "matched";
  return "available";
}

/** A person's stage in words, in `lang`. */
export const personStageLabel = (lang: Lang, stage: PersonStage): string => t(lang, `programme.status.person.${stage}`);

/**
 * A role's stage, one rule for every screen (the Programme tab, the roles CSV and the vacancy
 * holder's "My roles"): "withdrawn" if withdrawn; "filled" once every opening is taken by a
 * secondment that is confirmed, under way or over (see takesOpening); else "open", also while a
 * match is still agreeing the details.
 */
export const ROLE_STAGES = ["open", "filled", "withdrawn"] as const;
export type RoleStage = (typeof ROLE_STAGES)[number];

/** Whether a match's secondment takes one of the role's openings: confirmed by everyone, under way or over (not while agreeing, nor once cancelled). */
export const takesOpening = (secondment: string | undefined): boolean => secondment === "confirmed" || secondment === "active" || secondment === "ended" || secondment === "closed";

/** `taken`: how many of the role's openings are taken (its matches whose secondment takesOpening). */
export function roleStage(recordStatus: string, openings: number, taken: number): RoleStage {
  if (recordStatus === "withdrawn") return "withdrawn";
  return taken >= Math.max(1, openings) ? "filled" : "open";
}

/** How many openings are taken, by role id, from matches that know their secondment's status. */
export function takenByRole(matches: readonly { openingId: string; status: MatchStatus; secondment?: string | undefined }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of matches) if (m.status === "agreeing" && takesOpening(m.secondment)) out.set(m.openingId, (out.get(m.openingId) ?? 0) + 1);
  return out;
}

/** A role's stage in words, in `lang`. */
export const roleStageLabel = (lang: Lang, stage: RoleStage): string => t(lang, `programme.status.role.${stage}`);

/** Each person's matches by their key, for personStage over many people at once. */
export function matchesByPerson<M extends { status: MatchStatus }>(matches: readonly (M & { candidateKey: string })[]): Map<string, M[]> {
  const out = new Map<string, M[]>();
  for (const m of matches) {
    const list = out.get(m.candidateKey);
    if (list) list.push(m);
    else out.set(m.candidateKey, [m]);
  }
  return out;
}
