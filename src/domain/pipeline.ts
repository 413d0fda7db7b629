import type { ApprovalStatus } from "./approval";
import { compareIso, parseIsoDate, todayInLondon } from "./dates";
import type { Match, MatchStatus } from "./match";
import type { RecordStatus } from "./records";
import { matchStage, type MatchStage } from "./stage";
import { CHECK_IN_PARTIES, type CheckInParty, type SecondmentStatus } from "./secondment";
import { addWorkingDays } from "./working-days";

/**
 * The programme team's pipeline view: counts and medians over the whole programme, never names
 * and never anything about one person. A pure function of plain facts; the store reads only the
 * fields below (src/store/pipeline-source.ts), never adjustments or free text.
 */

/** A person's expression of interest (one per person, keyed by the person key). */
export interface InterestFacts {
  personKey: string;
  status: RecordStatus;
  submittedAt?: string;
}

/** A person's current request to their line manager for release. */
export interface ApprovalFacts {
  personKey: string;
  status: ApprovalStatus;
}

export interface RoleFacts {
  /** The role's id (what a match's openingId refers to). */
  id?: string;
  status: RecordStatus;
  /** How many secondees the role needs. */
  openings: number;
}

export interface MatchFacts {
  id: string;
  /** The role it is for. */
  openingId?: string;
  candidateKey: string;
  status: MatchStatus;
  confirmedAt: string;
  closedBy?: Match["closedBy"];
  closedNote?: Match["closedNote"];
}

/** A check-in that was sent: when, and which sides have answered (never what they said). */
export interface CheckInFacts {
  sentAt: string;
  answered: Partial<Record<CheckInParty, boolean>>;
}

export interface SecondmentFacts {
  matchId: string;
  status: SecondmentStatus;
  startedAt?: string;
  /** The agreed start date (terms.startDate), when there are terms. */
  startDate?: string;
  checkIns: CheckInFacts[];
}

export interface PipelineInput {
  interests: readonly InterestFacts[];
  approvals: readonly ApprovalFacts[];
  roles: readonly RoleFacts[];
  matches: readonly MatchFacts[];
  secondments: readonly SecondmentFacts[];
  /** The UK calendar date the figures are for. */
  today: string;
}

/** A median and how many values it was taken over (none: not enough data yet). */
export interface MedianDays {
  days: number | undefined;
  from: number;
}

export interface Pipeline {
  interests: {
    /** Active, in the pool. */
    submitted: number;
    withdrawn: number;
    /** Of the submitted ones: the current release request. */
    waitingForRelease: number;
    released: number;
    notReleased: number;
    managerUnreachable: number;
    /** Submitted, but with no current release request (none found, or one that was cancelled). */
    noRequest: number;
  };
  /** Roles still needing someone, and how many secondees they still need (openings less matches going ahead). */
  roles: { open: number; openings: number };
  matches: {
    proposed: number;
    meeting: number;
    agreed: number;
    /** Going ahead, and the secondment it led to has started (it is under way). */
    underWay: number;
    /** Going ahead, and the secondment it led to has ended. */
    ended: number;
    /** Closed after being proposed; pairs the programme team turned down at the suggestion stage are not counted. */
    notGoingAhead: number;
  };
  secondments: Record<SecondmentStatus, number>;
  checkInsOverdue: number;
  interestToMatch: MedianDays;
  matchToStart: MedianDays;
}

/** A check-in is overdue once this many working days have passed since it was sent, with a side still to answer. */
export const CHECK_IN_OVERDUE_WORKING_DAYS = 5;

/** The middle value (the mean of the two middle values for an even count); undefined when there are none. */
export function median(numbers: readonly number[]): number | undefined {
  const sorted = numbers.filter((n) => Number.isFinite(n)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The UK calendar date of an instant (ISO timestamp), or undefined if it is not one. */
export function ukDateOf(instant: string | undefined): string | undefined {
  if (typeof instant !== "string") return undefined;
  const t = new Date(instant);
  return Number.isNaN(t.getTime()) ? undefined : todayInLondon(t);
}

/** Calendar days from one ISO date to another (negative if `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) throw new RangeError(`Not calendar dates: ${JSON.stringify(from)}, ${JSON.stringify(to)}`);
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000);
}

/** Overdue when today is after the date 5 working days after the UK date the check-in was sent. */
export function isCheckInOverdue(c: CheckInFacts, today: string): boolean {
  if (CHECK_IN_PARTIES.every((p) => c.answered[p] === true)) return false;
  const sent = ukDateOf(c.sentAt);
  if (!sent) return false;
  return compareIso(today, addWorkingDays(sent, CHECK_IN_OVERDUE_WORKING_DAYS)) > 0;
}

/** A pair the programme team turned down as a suggestion (its stage, as every screen reads it: src/domain/stage.ts). */
const isRejectedSuggestion = (m: MatchFacts) => matchStage(m) === "notSuitable";

export function pipelineOf(input: PipelineInput): Pipeline {
  if (!parseIsoDate(input.today)) throw new RangeError(`today is not a calendar date: ${JSON.stringify(input.today)}`);

  const approvalOf = new Map(input.approvals.map((a) => [a.personKey, a.status]));
  const interests: Pipeline["interests"] = { submitted: 0, withdrawn: 0, waitingForRelease: 0, released: 0, notReleased: 0, managerUnreachable: 0, noRequest: 0 };
  for (const i of input.interests) {
    if (i.status === "withdrawn") interests.withdrawn++;
    if (i.status !== "submitted") continue;
    interests.submitted++;
    switch (approvalOf.get(i.personKey)) {
      case "pending":
        interests.waitingForRelease++;
        break;
      case "approved":
        interests.released++;
        break;
      case "declined":
        interests.notReleased++;
        break;
      case "unreachable":
        interests.managerUnreachable++;
        break;
      default:
        interests.noRequest++;
    }
  }

  // An opening is taken once a match for it is going ahead (as src/pool/pool.ts stops matching it).
  const goingAhead = new Map<string, number>();
  for (const m of input.matches) if (m.status === "agreeing" && m.openingId) goingAhead.set(m.openingId, (goingAhead.get(m.openingId) ?? 0) + 1);
  const stillNeeded = (r: RoleFacts) => Math.max(0, (Number.isFinite(r.openings) && r.openings > 0 ? r.openings : 0) - (r.id ? (goingAhead.get(r.id) ?? 0) : 0));
  const openRoles = input.roles.filter((r) => r.status === "submitted" && stillNeeded(r) > 0);
  const roles = {
    open: openRoles.length,
    openings: openRoles.reduce((sum, r) => sum + stillNeeded(r), 0),
  };

  const proposedMatches = input.matches.filter((m) => !isRejectedSuggestion(m));
  // A match going ahead reads as its secondment stands (under way, ended), as on every other screen.
  // One left open on a withdrawn role (from before withdrawing ended them) counts as not going ahead.
  const secondmentOf = new Map(input.secondments.map((s) => [s.matchId, s.status]));
  const roleOf = new Map(input.roles.flatMap((r) => (r.id ? [[r.id, r.status] as const] : [])));
  const stageCount = (stage: MatchStage) =>
    proposedMatches.filter((m) => matchStage({ ...m, secondment: secondmentOf.get(m.id), role: m.openingId ? roleOf.get(m.openingId) : undefined }) === stage).length;
  const matches = {
    proposed: stageCount("confirmed"),
    meeting: stageCount("meeting"),
    agreed: stageCount("agreeing"),
    underWay: stageCount("underWay"),
    ended: stageCount("ended"),
    notGoingAhead: stageCount("closed"),
  };

  const secondments: Pipeline["secondments"] = { agreeing: 0, confirmed: 0, active: 0, ended: 0, closed: 0, cancelled: 0 };
  for (const s of input.secondments) if (Object.hasOwn(secondments, s.status)) secondments[s.status]++;

  const checkInsOverdue = input.secondments
    .filter((s) => s.status === "active")
    .reduce((sum, s) => sum + s.checkIns.filter((c) => isCheckInOverdue(c, input.today)).length, 0);

  // Interest to match: from the UK date the person sent their interest to the UK date the match was
  // confirmed. A value below zero means the interest was sent again after the match (withdrawn, then
  // sent again), so it says nothing about how long matching took and is left out.
  const submittedOn = new Map(input.interests.map((i) => [i.personKey, ukDateOf(i.submittedAt)]));
  const toMatch: number[] = [];
  for (const m of proposedMatches) {
    const from = submittedOn.get(m.candidateKey);
    const to = ukDateOf(m.confirmedAt);
    if (!from || !to) continue;
    const days = daysBetween(from, to);
    if (days >= 0) toMatch.push(days);
  }

  // Match to start: from the UK date the match was confirmed to the agreed start date (or, without
  // terms, the UK date it started), for secondments that have started.
  const confirmedOn = new Map(input.matches.map((m) => [m.id, ukDateOf(m.confirmedAt)]));
  const toStart: number[] = [];
  for (const s of input.secondments) {
    if (!s.startedAt) continue;
    const from = confirmedOn.get(s.matchId);
    const to = s.startDate && parseIsoDate(s.startDate) ? s.startDate : ukDateOf(s.startedAt);
    if (!from || !to) continue;
    const days = daysBetween(from, to);
    if (days >= 0) toStart.push(days);
  }

  return {
    interests,
    roles,
    matches,
    secondments,
    checkInsOverdue,
    interestToMatch: { days: median(toMatch), from: toMatch.length },
    matchToStart: { days: median(toStart), from: toStart.length },
  };
}
