import { choiceLabel, ORGANISATION_TYPES, SECONDMENT_TYPES } from "../domain/options";
import { daysBetween, median, ukDateOf } from "../domain/pipeline";
import { parseIsoDate } from "../domain/dates";
import type { PoolSnapshot } from "./pool-index";

/**
 * Outcomes for the organisations funding the programme: how many people reached each stage, and
 * the median days to release, to match and to start, by organisation type and by type of secondment.
 * Any count below 5 is shown only as "fewer than 5", everywhere, so nobody can be singled out.
 */

export const SMALL_COUNT = 5;
export const FEWER_THAN_5 = "fewer than 5";

/** A count as it may be shown: the number, or null with the words "fewer than 5". */
export interface ShownCount {
  value: number | null;
  label: string;
}

export const shownCount = (n: number): ShownCount => (n < SMALL_COUNT ? { value: null, label: FEWER_THAN_5 } : { value: n, label: String(n) });

export const FUNNEL_STAGES = ["interest", "released", "matched", "meeting", "agreed", "active", "completed"] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export const STAGE_LABELS: Record<FunnelStage, string> = {
  interest: "Expressed interest",
  released: "Released by line manager",
  matched: "Matched",
  meeting: "Meeting arranged",
  agreed: "Both sides agreed",
  active: "Secondment started",
  completed: "Secondment completed",
};

export interface MedianCell {
  /** Median days, shown only when taken over 5 or more people. */
  days: number | null;
  people: ShownCount;
}

export interface BreakdownRow {
  id: string;
  label: string;
  toRelease: MedianCell;
  toMatch: MedianCell;
  toStart: MedianCell;
}

export interface Outcomes {
  funnel: { stage: FunnelStage; label: string; count: ShownCount }[];
  overall: BreakdownRow;
  byOrganisationType: BreakdownRow[];
  bySecondmentType: BreakdownRow[];
}

interface PersonFacts {
  organisationType: string;
  secondmentTypes: string[];
  stages: Set<FunnelStage>;
  toRelease?: number;
  toMatch?: number;
  toStart?: number;
}

const days = (from: string | undefined, to: string | undefined): number | undefined => {
  if (!from || !to || !parseIsoDate(from) || !parseIsoDate(to)) return undefined;
  const d = daysBetween(from, to);
  return d >= 0 ? d : undefined;
};

function cell(values: (number | undefined)[]): MedianCell {
  const known = values.filter((v): v is number => v !== undefined);
  const people = shownCount(known.length);
  const m = median(known);
  return { days: people.value === null || m === undefined ? null : Math.round(m * 10) / 10, people };
}

function row(id: string, label: string, people: PersonFacts[]): BreakdownRow {
  return { id, label, toRelease: cell(people.map((p) => p.toRelease)), toMatch: cell(people.map((p) => p.toMatch)), toStart: cell(people.map((p) => p.toStart)) };
}

export function outcomesOf(snap: PoolSnapshot): Outcomes {
  const people = new Map<string, PersonFacts>();
  for (const i of snap.interests) {
    people.set(i.key, { organisationType: i.organisationType, secondmentTypes: i.secondmentTypes, stages: new Set(["interest"]) });
  }
  const submitted = new Map(snap.interests.map((i) => [i.key, ukDateOf(i.submittedAt)]));
  for (const a of snap.approvals) {
    const p = people.get(a.personKey);
    if (!p || a.status !== "approved") continue;
    p.stages.add("released");
    p.toRelease = days(submitted.get(a.personKey), ukDateOf(a.decidedAt));
  }
  const matchById = new Map(snap.matches.map((m) => [m.id, m]));
  for (const m of snap.matches) {
    const p = people.get(m.candidateKey);
    // A suggestion the programme team turned down never reached the person.
    if (!p || (m.status === "closed" && m.closedBy === "programme-team")) continue;
    p.stages.add("matched");
    if (m.arranged || m.status === "meeting" || m.status === "agreeing") p.stages.add("meeting");
    if (m.status === "agreeing") p.stages.add("agreed");
    const d = days(submitted.get(m.candidateKey), ukDateOf(m.confirmedAt));
    if (d !== undefined && (p.toMatch === undefined || d < p.toMatch)) p.toMatch = d;
  }
  for (const s of snap.secondments) {
    const m = matchById.get(s.matchId);
    const p = m ? people.get(m.candidateKey) : undefined;
    if (!m || !p) continue;
    if (s.startedAt) {
      p.stages.add("active");
      p.toStart = days(ukDateOf(m.confirmedAt), s.startDate ?? ukDateOf(s.startedAt));
    }
    if (s.status === "ended" || s.status === "closed") p.stages.add("completed");
  }
  const all = [...people.values()];
  return {
    funnel: FUNNEL_STAGES.map((stage) => ({ stage, label: STAGE_LABELS[stage], count: shownCount(all.filter((p) => p.stages.has(stage)).length) })),
    overall: row("all", "Everyone", all),
    byOrganisationType: ORGANISATION_TYPES.map((t) => row(t.id, choiceLabel(ORGANISATION_TYPES, t.id)!, all.filter((p) => p.organisationType === t.id))),
    bySecondmentType: SECONDMENT_TYPES.map((t) => row(t.id, choiceLabel(SECONDMENT_TYPES, t.id)!, all.filter((p) => p.secondmentTypes.includes(t.id)))),
  };
}
