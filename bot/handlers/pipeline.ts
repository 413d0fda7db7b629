import { type PipelineModel } from "../../cards";
import { renderCard } from "../render-card";
import { todayInLondon } from "../../src/domain/dates";
import { CHECK_IN_OVERDUE_WORKING_DAYS, pipelineOf, type MedianDays, type Pipeline } from "../../src/domain/pipeline";
import { matchStageLabel, type MatchStage } from "../../src/domain/stage";
import { DEFAULT_LANG, formatDate, t, type Lang } from "../../src/i18n";
import { card, text, type Caller, type Reply, type Services } from "./types";

/**
 * The programme team's pipeline view: totals across the programme, for programme-team members
 * only. Everyone else is told politely that it is not for them, and nothing about the figures.
 */

/** What anyone outside the programme team is told. */
export const notForYou = (lang: Lang = DEFAULT_LANG): string => t(lang, "pipeline.notForYou");

function isProgrammeTeam(s: Services, caller: Caller): boolean {
  const me = caller.person.aadObjectId.toLowerCase();
  return s.config.programmeTeam.aadObjectIds.some((id) => id.toLowerCase() === me);
}

export async function show(s: Services, caller: Caller): Promise<Reply> {
  if (!isProgrammeTeam(s, caller)) return text(notForYou(caller.lang));
  const today = todayInLondon(s.now());
  const pipeline = pipelineOf({ ...(await s.pipeline.read()), today });
  s.log.info("pipeline shown");
  return card(renderCard("pipeline", pipelineModel(pipeline, today, caller.lang), caller.lang));
}

/** The card's view of the figures, in plain words, in `lang`. */
export function pipelineModel(p: Pipeline, today: string, lang: Lang = DEFAULT_LANG): PipelineModel {
  const count = (n: number) => n.toLocaleString(lang);
  const median = (m: MedianDays, unit: "matches" | "secondments") =>
    m.days === undefined || m.from === 0 ? t(lang, "pipeline.median.notEnough") : t(lang, `pipeline.median.${unit}`, { days: Math.round(m.days * 10) / 10, from: m.from });
  const fact = (key: string, n: number) => ({ title: t(lang, `pipeline.fact.${key}`), value: count(n) });
  const stageFact = (stage: MatchStage, n: number) => ({ title: matchStageLabel(lang, stage), value: count(n) });
  const section = (key: string, facts: PipelineModel["sections"][number]["facts"], withNote = false, values: Record<string, number> = {}) => ({
    heading: t(lang, `pipeline.section.${key}`),
    ...(withNote ? { note: t(lang, `pipeline.section.${key}.note`, values) } : {}),
    facts,
  });
  const release = [fact("waitingForRelease", p.interests.waitingForRelease), fact("released", p.interests.released), fact("notReleased", p.interests.notReleased), fact("managerUnreachable", p.interests.managerUnreachable)];
  if (p.interests.noRequest > 0) release.push(fact("noRequest", p.interests.noRequest));
  const headline = (key: string, n: number, color: PipelineModel["headlines"][number]["color"] = "default") => ({ label: t(lang, `pipeline.headline.${key}`), value: count(n), color });
  return {
    asOf: formatDate(lang, today),
    headlines: [
      headline("interests", p.interests.submitted),
      headline("openRoles", p.roles.open),
      headline("activeSecondments", p.secondments.active),
      headline("checkInsOverdue", p.checkInsOverdue, p.checkInsOverdue > 0 ? "attention" : "default"),
    ],
    sections: [
      section("interests", [fact("inPool", p.interests.submitted), fact("withdrawn", p.interests.withdrawn)]),
      section("release", release, true),
      section("roles", [fact("openRoles", p.roles.open), fact("secondeesNeeded", p.roles.openings)], true),
      // Each stage in the words every other screen uses for it (src/domain/stage.ts).
      section("matches", [
        stageFact("confirmed", p.matches.proposed),
        stageFact("meeting", p.matches.meeting),
        stageFact("agreeing", p.matches.agreed),
        stageFact("underWay", p.matches.underWay),
        stageFact("ended", p.matches.ended),
        stageFact("closed", p.matches.notGoingAhead),
      ], true),
      section("secondments", [
        fact("agreeing", p.secondments.agreeing),
        fact("confirmed", p.secondments.confirmed),
        fact("active", p.secondments.active),
        fact("ended", p.secondments.ended),
        fact("closed", p.secondments.closed),
        fact("cancelled", p.secondments.cancelled),
      ]),
      section("checkIns", [fact("overdue", p.checkInsOverdue)], true, { days: CHECK_IN_OVERDUE_WORKING_DAYS }),
      section("howLong", [
        { title: t(lang, "pipeline.fact.interestToMatch"), value: median(p.interestToMatch, "matches") },
        { title: t(lang, "pipeline.fact.matchToStart"), value: median(p.matchToStart, "secondments") },
      ], true),
    ],
  };
}
