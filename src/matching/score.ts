import {
  capLookup,
  popcount,
  prepareCandidate,
  prepareOpening,
  REMOTE_BIT,
  runEnv,
  sharedOther,
  sharedSkills,
  TRAVEL_BIT,
  type PreparedCandidate,
  type PreparedOpening,
  type RunEnv,
} from "./prepare";
import type { Candidate, MatchContext, Opening } from "./types";

/**
 * How well a pair that passes every hard rule fits. Higher is better: someone offering both of two
 * required skills, in the same region, free when the role starts, scores about 40. Only skills,
 * location, secondment type and timing count. Nothing about reasonable
 * adjustments, language or any protected characteristic is read (prepare.ts does not even copy
 * them), so they cannot change a score.
 *
 * Every weight is here, in one place. None may be negative: the engine's index skips pairs by
 * upper bounds on the score (prefilter.ts), which assume points only ever add up.
 */
export const WEIGHTS = {
  /** Per skill the role needs that the candidate offers. The heaviest: the role cannot be done without them. */
  requiredSkill: 10,
  /** Once, when the candidate offers every skill the role needs. */
  allRequiredSkills: 5,
  /** Per nice-to-have skill the candidate offers (a skill both required and nice counts once, as required). */
  niceSkill: 4,
  /** Per skill the candidate wants to develop that the role needs or would value: a secondment is for learning too. */
  developSkill: 3,
  /** At most this many development skills count, so wishes cannot outweigh what the role needs. */
  developSkillMax: 3,
  /** Location, the best one that applies: the candidate works in the role's region… */
  sameRegion: 6,
  /** …or in another region, and both are open to remote working… */
  remoteElsewhere: 4,
  /** …or in another region, and the candidate is willing to travel. */
  travelElsewhere: 2,
  /** Per work arrangement both list (hybrid, remote, willing to travel), on top of the location points. */
  arrangementInCommon: 1,
  /** Per secondment type both list (at least one is a hard rule). */
  typeInCommon: 2,
  /**
   * Timing: this many points when the candidate is free exactly when the role starts, falling in a
   * straight line to 0 when the two dates are `timingHorizonDays` or more apart, either way. A
   * candidate whose "available from" date has passed counts as free from today.
   */
  timing: 5,
  timingHorizonDays: 180,
} as const;

export type LocationFit = "same-region" | "remote" | "travel" | "none";

export interface ScoreParts {
  requiredSkills: number;
  niceSkills: number;
  development: number;
  location: number;
  type: number;
  timing: number;
  total: number;
}

/**
 * The relevance gate: the candidate offers at least one skill the role needs or would value, or
 * wants to develop one. A pair with no skill in common at all is never proposed, by the engine or
 * by the naive scorer, whatever else fits: that is what lets the engine's skill index skip it.
 */
export function isRelevant(c: PreparedCandidate, o: PreparedOpening): boolean {
  return (c.anySkills.mask & o.offers.mask) !== 0 || sharedOther(c.anySkills, o.offers) > 0;
}

const LOCATION_FITS = ["same-region", "remote", "travel", "none"] as const satisfies readonly LocationFit[];
/** Points for each fit, in LOCATION_FITS order. */
const LOCATION_POINTS = [WEIGHTS.sameRegion, WEIGHTS.remoteElsewhere, WEIGHTS.travelElsewhere, 0] as const;

/** Location fit, as an index into LOCATION_FITS, from whether the regions match and the two sets of work arrangements (bit masks). */
function locationFitIndex(sameRegion: boolean, candidateArrangements: number, roleArrangements: number): number {
  if (sameRegion) return 0;
  if ((candidateArrangements & roleArrangements & REMOTE_BIT) !== 0) return 1;
  if ((candidateArrangements & TRAVEL_BIT) !== 0) return 2;
  return 3;
}

export function locationFit(c: PreparedCandidate, o: PreparedOpening): LocationFit {
  return LOCATION_FITS[locationFitIndex(c.region === o.region, c.arrangements, o.arrangements)]!;
}

/** Location points: the fit, plus each work arrangement both list. */
export function locationPoints(sameRegion: boolean, candidateArrangements: number, roleArrangements: number): number {
  return (
    LOCATION_POINTS[locationFitIndex(sameRegion, candidateArrangements, roleArrangements)]! +
    popcount(candidateArrangements & roleArrangements) * WEIGHTS.arrangementInCommon
  );
}

/** Timing points for a gap in days between the role's start and the day the candidate can start, before rounding. */
export function timingPoints(gapDays: number): number {
  return WEIGHTS.timing * Math.max(0, 1 - gapDays / WEIGHTS.timingHorizonDays);
}

/** Days between the role's start and the day the candidate can start (today at the earliest). */
export function startGapDays(c: PreparedCandidate, o: PreparedOpening, env: RunEnv): number {
  return Math.abs(o.startDay - Math.max(c.availableDay, env.todayDay));
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The score of a pair already known to pass the hard rules. With `out`, also fills in the parts
 * (for explanations); without, allocates nothing.
 */
export function scorePair(c: PreparedCandidate, o: PreparedOpening, env: RunEnv, out?: ScoreParts): number {
  const w = WEIGHTS;
  const requiredMatched = popcount(o.required.mask & c.offered.mask) + sharedOther(o.required, c.offered);
  const requiredSkills =
    requiredMatched * w.requiredSkill + (o.requiredCount > 0 && requiredMatched === o.requiredCount ? w.allRequiredSkills : 0);
  const niceSkills = sharedSkills(o.nice, c.offered) * w.niceSkill;
  const development = Math.min(sharedSkills(c.develop, o.offers), w.developSkillMax) * w.developSkill;
  const location = locationPoints(c.region === o.region, c.arrangements, o.arrangements);
  const type = popcount(c.typeMask & o.typeMask) * w.typeInCommon;
  const timing = round2(timingPoints(startGapDays(c, o, env)));
  const total = round2(requiredSkills + niceSkills + development + location + type + timing);
  if (out) {
    out.requiredSkills = requiredSkills;
    out.niceSkills = niceSkills;
    out.development = development;
    out.location = location;
    out.type = type;
    out.timing = timing;
    out.total = total;
  }
  return total;
}

export function scoreParts(c: PreparedCandidate, o: PreparedOpening, env: RunEnv): ScoreParts {
  const parts: ScoreParts = { requiredSkills: 0, niceSkills: 0, development: 0, location: 0, type: 0, timing: 0, total: 0 };
  scorePair(c, o, env, parts);
  return parts;
}

/** The score parts for a candidate and an opening as callers hold them (hard rules not checked). */
export function scoreOf(candidate: Candidate, opening: Opening, ctx: MatchContext): ScoreParts {
  const caps = capLookup(ctx);
  return scoreParts(prepareCandidate(candidate, caps), prepareOpening(opening, caps), runEnv(ctx));
}
