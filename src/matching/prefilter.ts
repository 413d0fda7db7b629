import { REGIONS } from "../domain/options";
import { popcount, type PreparedCandidate, type PreparedOpening, type RunEnv } from "./prepare";
import { locationPoints, timingPoints, WEIGHTS } from "./score";

/**
 * A cheap first look at a candidate for an opening, on a few integers stored with every index
 * entry, so that most candidates are passed over without touching their records:
 *
 * - `admits`: conditions every proposed pair must meet (each one implied by a hard rule or the
 *   skill relevance gate): a skill in common, length within their range, grade level in range,
 *   a type in common, enough clearance, part-time only where the role allows it;
 * - `boundHundredths`: a score the pair cannot beat, from the same WEIGHTS and score.ts helpers
 *   (exact for everything but own-words skills). A candidate whose bound is below what it would
 *   take to be picked (ScoreCollector.floor) cannot be proposed, so its rules and score are never
 *   worked out; `boundWithoutRequired` does the same for everyone offering none of the required
 *   skills at once.
 *
 * Neither decides a proposal: the engine then runs every hard rule and the real score (scorePair)
 * on what is left, exactly as the naive scorer does on every pair. A test checks that the bound is
 * never below the real score. Weights must not be negative for the bounds to hold.
 */

/** Integers per index entry: the sort key (day free from), the slot, then the packed candidate. */
export const ROW_WIDTH = 8;
const OFFERED = 2;
const DEVELOP = 3;
const OFFERED_BLOOM = 4;
const DEVELOP_BLOOM = 5;
const SHAPE = 6;
const PLACE = 7;

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
  rows[at + OFFERED_BLOOM] = c.offered.bloom;
  rows[at + DEVELOP_BLOOM] = c.develop.bloom;
  rows[at + SHAPE] = shape(c);
  rows[at + PLACE] = (REGION_INDEX.get(c.region) ?? UNKNOWN_REGION) | (c.arrangements << 4);
}

const W = WEIGHTS;
/** scorePair rounds to hundredths, which can add up to 0.005 twice. */
const ROUNDING = 0.01;

/** One opening, ready to look at many candidates' rows. */
export class OpeningProbe {
  private readonly offersMask: number;
  private readonly requiredMask: number;
  private readonly niceMask: number;
  private readonly offersBloom: number;
  private readonly requiredBloom: number;
  private readonly niceBloom: number;
  /** Points if every own-words skill matched: required (with the all-required bonus), nice, development. */
  private readonly requiredOtherPoints: number;
  private readonly niceOtherPoints: number;
  private readonly offersOther: number;
  private readonly region: number;
  private readonly startDay: number;
  private readonly todayDay: number;
  private readonly duration: number;
  private readonly minLevel: number;
  private readonly maxLevel: number;
  private readonly typeMask: number;
  private readonly clearance: number;
  private readonly partTimeOk: number;
  /** Location points by (same region ? 8 : 0) | the candidate's arrangements. */
  private readonly location = new Float64Array(16);
  /** Type points by the candidate's set of types. */
  private readonly types = new Float64Array(16);
  private readonly withoutRequired: number;

  constructor(readonly opening: PreparedOpening, env: RunEnv) {
    const o = opening;
    this.offersMask = o.offers.mask;
    this.requiredMask = o.required.mask;
    this.niceMask = o.nice.mask;
    this.offersBloom = o.offers.bloom;
    this.requiredBloom = o.required.bloom;
    this.niceBloom = o.nice.bloom;
    this.requiredOtherPoints = o.required.other.size * W.requiredSkill;
    this.niceOtherPoints = o.nice.other.size * W.niceSkill;
    this.offersOther = o.offers.other.size;
    this.region = REGION_INDEX.get(o.region) ?? UNKNOWN_REGION;
    this.startDay = o.startDay;
    this.todayDay = env.todayDay;
    this.duration = o.durationMonths;
    this.minLevel = o.minLevel;
    this.maxLevel = o.maxLevel;
    this.typeMask = o.typeMask;
    this.clearance = o.clearance;
    this.partTimeOk = o.partTimePossible ? 1 : 0;
    for (let arrangements = 0; arrangements < 8; arrangements++) {
      const same = locationPoints(true, arrangements, o.arrangements);
      const elsewhere = locationPoints(false, arrangements, o.arrangements);
      // A region not in the list might be anyone's: assume the better of the two.
      this.location[8 | arrangements] = this.region === UNKNOWN_REGION ? Math.max(same, elsewhere) : same;
      this.location[arrangements] = this.region === UNKNOWN_REGION ? Math.max(same, elsewhere) : elsewhere;
    }
    for (let mask = 0; mask < 16; mask++) this.types[mask] = popcount(mask & o.typeMask) * W.typeInCommon;
    this.withoutRequired =
      (o.requiredCount === 0 ? W.allRequiredSkills : 0) +
      popcount(this.niceMask) * W.niceSkill +
      this.niceOtherPoints +
      Math.min(popcount(this.offersMask) + this.offersOther, W.developSkillMax) * W.developSkill +
      Math.max(...this.location) +
      this.types[o.typeMask]! +
      W.timing +
      ROUNDING;
  }

  /** A score nobody who offers none of the role's required skills can beat with this opening. */
  boundWithoutRequired(): number {
    return this.withoutRequired;
  }

  /** False when the candidate at `at` certainly cannot be proposed. */
  admits(rows: Int32Array, at: number): boolean {
    if (
      ((rows[at + OFFERED]! | rows[at + DEVELOP]!) & this.offersMask) === 0 &&
      ((rows[at + OFFERED_BLOOM]! | rows[at + DEVELOP_BLOOM]!) & this.offersBloom) === 0
    ) {
      return false;
    }
    const s = rows[at + SHAPE]!;
    const level = (s >>> 12) & 15;
    return (
      this.duration >= (s & 63) &&
      this.duration <= ((s >>> 6) & 63) &&
      level >= this.minLevel &&
      level <= this.maxLevel &&
      ((s >>> 16) & this.typeMask & 15) !== 0 &&
      ((s >>> 20) & 7) >= this.clearance &&
      ((s >>> 23) & 1) <= this.partTimeOk
    );
  }

  /**
   * A score the candidate at `at` cannot beat with this opening (for admitted rows): the real
   * score's parts, exact for curated skills, location, types and timing; own-words skills count
   * as all matching when the blooms share a bit (else none can); rounding allowed for.
   * In hundredths, rounded up, as a whole number: whole numbers pass between functions without
   * the engine allocating memory for them, and this runs for most rows walked.
   */
  boundHundredths(rows: Int32Array, at: number): number {
    const offered = rows[at + OFFERED]!;
    const offeredBloom = rows[at + OFFERED_BLOOM]!;
    const place = rows[at + PLACE]!;
    const gap = Math.abs(this.startDay - Math.max(rows[at]!, this.todayDay));
    const ownRequired = (offeredBloom & this.requiredBloom) !== 0;
    const allRequired = (this.requiredMask & ~offered) === 0 && (this.requiredOtherPoints === 0 || ownRequired);
    const develop = popcount(rows[at + DEVELOP]! & this.offersMask) + ((rows[at + DEVELOP_BLOOM]! & this.offersBloom) !== 0 ? this.offersOther : 0);
    return (
      Math.ceil(
        (popcount(this.requiredMask & offered) * W.requiredSkill +
          (ownRequired ? this.requiredOtherPoints : 0) +
          (allRequired ? W.allRequiredSkills : 0) +
          popcount(this.niceMask & offered) * W.niceSkill +
          ((offeredBloom & this.niceBloom) !== 0 ? this.niceOtherPoints : 0) +
          Math.min(develop, W.developSkillMax) * W.developSkill +
          this.location[((place & 15) === this.region ? 8 : 0) | ((place >>> 4) & 7)]! +
          this.types[(rows[at + SHAPE]! >>> 16) & 15]! +
          timingPoints(gap) +
          ROUNDING) *
          100,
      ) | 0
    );
  }
}
