import { choicesIn, ORGANISATION_TYPES, SECONDMENT_TYPES } from "../domain/options";
import { DEFAULT_LANG, t, type Lang } from "../i18n";
import { daysBetween, median, ukDateOf } from "../domain/pipeline";
import { parseIsoDate } from "../domain/dates";
import type { PoolSnapshot } from "./pool-index";

/**
 * Outcomes for the organisations funding the programme: how many people reached each stage, and
 * the median days to release, to match and to start, by organisation type and by type of secondment.
 * Any count below 5 is shown only as "fewer than 5", everywhere, so nobody can be singled out.
 */

export const SMALL_COUNT = 5;

/** A count as it may be shown: the number, or null with the words "fewer than 5" (in the reader's language). */
export interface ShownCount {
  value: number | null;
  label: string;
}

export const shownCount = (n: number, lang: Lang = DEFAULT_LANG): ShownCount =>
  n < SMALL_COUNT ? { value: null, label: t(lang, "programme.count.fewerThan5") } : { value: n, label: n.toLocaleString(lang) };

export const FUNNEL_STAGES = ["interest", "released", "matched", "meeting", "agreed", "active", "completed"] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

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
  /** True when every stage has fewer than 5: a chart would have no bars to draw. */
  allSuppressed: boolean;
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

function cell(values: (number | undefined)[], lang: Lang): MedianCell {
  const known = values.filter((v): v is number => v !== undefined);
  const people = shownCount(known.length, lang);
  const m = median(known);
  return { days: people.value === null || m === undefined ? null : Math.round(m * 10) / 10, people };
}

function row(id: string, label: string, people: PersonFacts[], lang: Lang): BreakdownRow {
  return { id, label, toRelease: cell(people.map((p) => p.toRelease), lang), toMatch: cell(people.map((p) => p.toMatch), lang), toStart: cell(people.map((p) => p.toStart), lang) };
}

export function outcomesOf(snap: PoolSnapshot, lang: Lang = DEFAULT_LANG): Outcomes {
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
  const funnel = FUNNEL_STAGES.map((stage) => ({ stage, label: t(lang, `programme.stage.${stage}`), count: shownCount(all.filter((p) => p.stages.has(stage)).length, lang) }));
  return {
    funnel,
    allSuppressed: funnel.every((f) => f.count.value === null),
    overall: row("all", t(lang, "programme.outcomes.everyone"), all, lang),
    byOrganisationType: choicesIn(lang, "organisationType", ORGANISATION_TYPES).map((c) => row(c.id, c.label, all.filter((p) => p.organisationType === c.id), lang)),
    bySecondmentType: choicesIn(lang, "secondmentType", SECONDMENT_TYPES).map((c) => row(c.id, c.label, all.filter((p) => p.secondmentTypes.includes(c.id)), lang)),
  };
}
