import { renderCard, type PipelineModel } from "../../cards";
import { formatUkDate, todayInLondon } from "../../src/domain/dates";
import { CHECK_IN_OVERDUE_WORKING_DAYS, pipelineOf, type MedianDays, type Pipeline } from "../../src/domain/pipeline";
import { card, text, type Caller, type Reply, type Services } from "./types";

/**
 * The programme team's pipeline view: totals across the programme, for programme-team members
 * only. Everyone else is told politely that it is not for them, and nothing about the figures.
 */

export const NOT_FOR_YOU =
  "The programme pipeline is only for the programme team. If you have a question about the programme, type it here or contact the programme team.";

function isProgrammeTeam(s: Services, caller: Caller): boolean {
  const me = caller.person.aadObjectId.toLowerCase();
  return s.config.programmeTeam.aadObjectIds.some((id) => id.toLowerCase() === me);
}

export async function show(s: Services, caller: Caller): Promise<Reply> {
  if (!isProgrammeTeam(s, caller)) return text(NOT_FOR_YOU);
  const today = todayInLondon(s.now());
  const pipeline = pipelineOf({ ...(await s.pipeline.read()), today });
  s.log.info("pipeline shown");
  return card(renderCard("pipeline", pipelineModel(pipeline, today)));
}

const count = (n: number) => n.toLocaleString("en-GB");
const days = (n: number) => `${Number.isInteger(n) ? count(n) : n.toFixed(1)} ${n === 1 ? "day" : "days"}`;

function medianText(m: MedianDays, unit: [string, string]): string {
  if (m.days === undefined || m.from === 0) return "Not enough data yet";
  return `${days(m.days)} (from ${count(m.from)} ${m.from === 1 ? unit[0] : unit[1]})`;
}

/** The card's view of the figures, in plain words. */
export function pipelineModel(p: Pipeline, today: string): PipelineModel {
  const release = [
    { title: "Waiting for a decision", value: count(p.interests.waitingForRelease) },
    { title: "Released", value: count(p.interests.released) },
    { title: "Not released", value: count(p.interests.notReleased) },
    { title: "Line manager could not be reached", value: count(p.interests.managerUnreachable) },
  ];
  if (p.interests.noRequest > 0) release.push({ title: "No request to a line manager", value: count(p.interests.noRequest) });
  return {
    asOf: `Figures on ${formatUkDate(today)}.`,
    headlines: [
      { label: "Interests in the pool", value: count(p.interests.submitted), color: "default" },
      { label: "Open roles", value: count(p.roles.open), color: "default" },
      { label: "Active secondments", value: count(p.secondments.active), color: "default" },
      { label: "Check-ins overdue", value: count(p.checkInsOverdue), color: p.checkInsOverdue > 0 ? "attention" : "default" },
    ],
    sections: [
      {
        heading: "Expressions of interest",
        facts: [
          { title: "In the pool", value: count(p.interests.submitted) },
          { title: "Withdrawn", value: count(p.interests.withdrawn) },
        ],
      },
      { heading: "Line manager release", note: "For the expressions of interest in the pool.", facts: release },
      {
        heading: "Roles",
        note: "Roles that have been sent and not withdrawn.",
        facts: [
          { title: "Open roles", value: count(p.roles.open) },
          { title: "Secondees needed", value: count(p.roles.openings) },
        ],
      },
      {
        heading: "Matches",
        note: "Not counting suggestions the programme team turned down.",
        facts: [
          { title: "Proposed", value: count(p.matches.proposed) },
          { title: "Meeting being arranged", value: count(p.matches.meeting) },
          { title: "Both sides want to go ahead", value: count(p.matches.agreed) },
          { title: "Not going ahead", value: count(p.matches.notGoingAhead) },
        ],
      },
      {
        heading: "Secondments",
        facts: [
          { title: "Agreeing the details", value: count(p.secondments.agreeing) },
          { title: "Confirmed, waiting to start", value: count(p.secondments.confirmed) },
          { title: "Active", value: count(p.secondments.active) },
          { title: "Ended, waiting for the review", value: count(p.secondments.ended) },
          { title: "Closed", value: count(p.secondments.closed) },
          { title: "Called off", value: count(p.secondments.cancelled) },
        ],
      },
      {
        heading: "Check-ins",
        note: `A check-in is overdue when the secondee or their line manager has not answered it ${CHECK_IN_OVERDUE_WORKING_DAYS} working days after it was sent. Active secondments only.`,
        facts: [{ title: "Overdue", value: count(p.checkInsOverdue) }],
      },
      {
        heading: "How long it takes",
        note: "Middle values (medians), in calendar days.",
        facts: [
          { title: "From interest to match", value: medianText(p.interestToMatch, ["match", "matches"]) },
          { title: "From match to start", value: medianText(p.matchToStart, ["secondment", "secondments"]) },
        ],
      },
    ],
  };
}
