import { REGIONS } from "../domain/options";
import { popcount, type PreparedCandidate, type PreparedOpening, type RunEnv } from "./prepare";
import { WEIGHTS } from "./score";

/**
 * A cheap first look at a candidate for an opening, on a few integers stored with every index
 * entry, so that most candidates are passed over without touching their records:
 *
 * - `admits`: conditions every proposed pair must meet (each one implied by a hard rule or the
 *   skill relevance gate): a skill in common, length within their range, grade level in range,
 *   a type in common, enough clearance, part-time only where the role allows it;
 * - `bound`: a score no pair can beat, from the same WEIGHTS. A candidate whose bound is below
 *   what it would take to be picked (see ScoreCollector.floor) cannot be proposed, so its rules
 *   and score are never worked out.
 *
 * Neither decides a proposal: the engine then runs every hard rule and the real score (scorePair)
 * on what is left, exactly as the naive scorer does on every pair. A test checks that the bound is
 * never below the real score.
 */

/** Integers per index entry: the sort key (day free from), the slot, then the packed candidate. */
export const ROW_WIDTH = 7;
const OFFERED = 2;
const DEVELOP = 3;
const BLOOM = 4;
const SHAPE = 5;
const PLACE = 6;

const REGION_INDEX: ReadonlyMap<string, number> = new Map(REGIONS.map((r, i) => [r.id, i]));
/** Stands for a region not in the list; the bound then assumes the best location. */
const UNKNOWN_REGION = 15;

/** Shortest and longest months (1..60, 6 bits each), level (4 bits), types (4), clearance (3), part-time (1). */
function shape(c: PreparedCandidate): number {
  return (
    (c.shortestMonths & 63) |
    ((c.longestMonths & 63) << 6) |
    ((c.level & 15) << 12) |
    ((c.typeMask & 15) << 16) |
    ((c.clearance & 7) << 20) |
    ((c.partTime ? 1 : 0) << 23)
  );
}

/** Writes the candidate's row (after the key and slot) at `at`. */
export function packCandidate(c: PreparedCandidate, rows: Int32Array, at: number): void {
  rows[at + OFFERED] = c.offered.mask;
  rows[at + DEVELOP] = c.develop.mask;
  rows[at + BLOOM] = c.anySkills.bloom;
  rows[at + SHAPE] = shape(c);
  rows[at + PLACE] = (REGION_INDEX.get(c.region) ?? UNKNOWN_REGION) | (c.arrangements << 4);
}

const W = WEIGHTS;
const BEST_ELSEWHERE = Math.max(W.remoteElsewhere, W.travelElsewhere);
/** scorePair rounds to hundredths, which can add up to 0.005 twice. */
const ROUNDING = 0.01;

/** One opening, ready to look at many candidates' rows. */
export class OpeningProbe {
  private readonly offersMask: number;
  private readonly offersBloom: number;
  private readonly requiredMask: number;
  private readonly niceMask: number;
  private readonly requiredOther: number;
  private readonly niceOther: number;
  private readonly offersOther: number;
  private readonly region: number;
  private readonly arrangements: number;
  private readonly startDay: number;
  private readonly todayDay: number;
  private readonly duration: number;
  private readonly minLevel: number;
  private readonly maxLevel: number;
  private readonly typeMask: number;
  private readonly clearance: number;
  private readonly partTimeOk: number;

  constructor(readonly opening: PreparedOpening, env: RunEnv) {
    const o = opening;
    this.offersMask = o.offers.mask;
    this.offersBloom = o.offers.bloom;
    this.requiredMask = o.required.mask;
    this.niceMask = o.nice.mask;
    this.requiredOther = o.required.other.size;
    this.niceOther = o.nice.other.size;
    this.offersOther = o.offers.other.size;
    this.region = REGION_INDEX.get(o.region) ?? UNKNOWN_REGION;
    this.arrangements = o.arrangements;
    this.startDay = o.startDay;
    this.todayDay = env.todayDay;
    this.duration = o.durationMonths;
    this.minLevel = o.minLevel;
    this.maxLevel = o.maxLevel;
    this.typeMask = o.typeMask;
    this.clearance = o.clearance;
    this.partTimeOk = o.partTimePossible ? 1 : 0;
  }

  /** False when the candidate at `at` certainly cannot be proposed. */
  admits(rows: Int32Array, at: number): boolean {
    const offered = rows[at + OFFERED]!;
    const develop = rows[at + DEVELOP]!;
    if (((offered | develop) & this.offersMask) === 0 && (rows[at + BLOOM]! & this.offersBloom) === 0) return false;
    const s = rows[at + SHAPE]!;
    const level = (s >>> 12) & 15;
    return (
      this.duration >= (s & 63) &&
      this.duration <= ((s >>> 6) & 63) &&
      level >= this.minLevel &&
      level <= this.maxLevel &&
      (((s >>> 16) & 15) & this.typeMask) !== 0 &&
      ((s >>> 20) & 7) >= this.clearance &&
      ((s >>> 23) & 1) <= this.partTimeOk
    );
  }

  /** A score the candidate at `at` cannot beat with this opening (valid for admitted rows). */
  bound(rows: Int32Array, at: number): number {
    const offered = rows[at + OFFERED]!;
    const required = popcount(this.requiredMask & offered) + this.requiredOther;
    const allRequired = (this.requiredMask & ~offered) === 0 ? W.allRequiredSkills : 0;
    const nice = popcount(this.niceMask & offered) + this.niceOther;
    const develop = Math.min(popcount(rows[at + DEVELOP]! & this.offersMask) + this.offersOther, W.developSkillMax);
    const place = rows[at + PLACE]!;
    const sameRegion = (place & 15) === this.region || this.region === UNKNOWN_REGION;
    const location = (sameRegion ? W.sameRegion : BEST_ELSEWHERE) + popcount((place >>> 4) & this.arrangements) * W.arrangementInCommon;
    const types = popcount((rows[at + SHAPE]! >>> 16) & 15 & this.typeMask);
    const gap = Math.abs(this.startDay - Math.max(rows[at]!, this.todayDay));
    const timing = W.timing * Math.max(0, 1 - gap / W.timingHorizonDays);
    return (
      required * W.requiredSkill +
      allRequired +
      nice * W.niceSkill +
      develop * W.developSkill +
      location +
      types * W.typeInCommon +
      timing +
      ROUNDING
    );
  }
}
