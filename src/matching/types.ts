import type { InterestDetails } from "../domain/interest";
import type { RoleDetails } from "../domain/role";
import type { Explanation } from "./explain";

/**
 * What the matching engine works on. Callers build these from stored records; the engine never
 * reads the store, the bot or the clock.
 */

/** A person who has expressed interest. */
export interface Candidate {
  /** The person key. */
  id: string;
  name: string;
  details: InterestDetails;
  /** The line manager has agreed to release them (approval status "approved"). */
  released: boolean;
  status: "available" | "withdrawn" | "placed";
  /** A home role offered for an exchange or job swap, if any. */
  homeRole?: RoleDetails & { roleId: string };
}

/** A role a vacancy holder has posted. */
export interface Opening {
  /** The role id. */
  id: string;
  /** The vacancy holder's person key. */
  ownerId: string;
  details: RoleDetails;
  status: "open" | "withdrawn" | "filled";
}

export interface MatchContext {
  /** YYYY-MM-DD; read at every query, so a long-lived engine can be given a getter. */
  today: string;
  /** The longest secondment, in whole months, the named organisation allows (config durationCapFor). */
  durationCapMonths(org: string): number;
  /**
   * `${openingId}|${candidateId}` pairs turned down before (by the programme team, the vacancy
   * holder or the secondee). Read at every query, so the caller may add to the set it passed.
   */
  declinedPairs: ReadonlySet<string>;
  /** How many days after the role's start a candidate may still become free. Default 30. */
  startSlackDays?: number;
  /** How many times each candidate (by id) was proposed recently, for fair exposure. */
  exposure?: ReadonlyMap<string, number>;
}

export const DEFAULT_START_SLACK_DAYS = 30;

/** One candidate proposed for one opening. */
export interface Proposal {
  openingId: string;
  candidateId: string;
  score: number;
  explanation: Explanation;
}

/** Two people swapping jobs: each goes into the other's home role. */
export interface ExchangeProposal {
  /** The two candidate ids, lower id first. */
  candidateIds: [string, string];
  /** The two one-way scores added together. */
  score: number;
  /** candidateIds[0] into candidateIds[1]'s home role. */
  first: Proposal;
  /** candidateIds[1] into candidateIds[0]'s home role. */
  second: Proposal;
  /** What the swap is, as a catalogue message (see message.ts). */
  summary: import("./message").Msg;
}
