import { daysInMonth, parseIsoDate } from "../domain/dates";
import { durationCap } from "../domain/forms";
import { gradeLevel } from "../domain/grades";
import { clearanceRank, SECONDMENT_TYPES, WORK_ARRANGEMENTS, type RegionId } from "../domain/options";
import { SKILLS, type SkillSet } from "../domain/skills";
import { DEFAULT_START_SLACK_DAYS, type Candidate, type MatchContext, type Opening } from "./types";

/**
 * Candidates and openings turned once into the numbers the rules and the score compare: grade
 * levels, clearance ranks, day numbers, bit masks of types, arrangements and skills. Every pair
 * check is then integer comparisons, with no parsing and no allocation. Both the engine and the
 * naive scorer work on these, so they differ only in which pairs they look at.
 *
 * Only the fields matching needs are read. `adjustments`, `language`, email, town, profession and
 * line manager are never read here or anywhere else in src/matching (the person's name is read
 * only to word an exchange's summary).
 */

// ---- Days -------------------------------------------------------------------------------------

const ANY_YEAR = /^(\d{4,})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a calendar date (proleptic Gregorian). */
export function civilDay(year: number, month: number, day: number): number {
  const y = year - (month <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function ymd(iso: string): [number, number, number] {
  const match = ANY_YEAR.exec(iso);
  if (!match || (match[1]!.length === 4 && !parseIsoDate(iso))) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Days since 1970-01-01 for a YYYY-MM-DD date. Throws RangeError on anything else. */
export function dayNumber(iso: string): number {
  return civilDay(...ymd(iso));
}

/**
 * The day number of the same day of the month `months` later, clamped to the end of a shorter
 * month: the same arithmetic as addMonths in dates.ts, on numbers.
 */
export function dayAfterMonths(year: number, month: number, day: number, months: number): number {
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return civilDay(y, m, Math.min(day, daysInMonth(y, m)));
}

// ---- Masks ------------------------------------------------------------------------------------

const TYPE_BIT: ReadonlyMap<string, number> = new Map(SECONDMENT_TYPES.map((t, i) => [t.id, 1 << i]));
const ARRANGEMENT_BIT: ReadonlyMap<string, number> = new Map(WORK_ARRANGEMENTS.map((a, i) => [a.id, 1 << i]));
export const EXCHANGE_BIT = TYPE_BIT.get("exchange")!;
export const REMOTE_BIT = ARRANGEMENT_BIT.get("remote")!;
export const HYBRID_BIT = ARRANGEMENT_BIT.get("hybrid")!;
export const TRAVEL_BIT = ARRANGEMENT_BIT.get("willing-to-travel")!;

function mask(ids: readonly string[], bits: ReadonlyMap<string, number>): number {
  let m = 0;
  for (const id of ids) m |= bits.get(id) ?? 0;
  return m;
}

/** How many bits are set in a 32-bit mask. */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The ids whose bits are set, in list order. */
export function idsInMask<T extends { readonly id: string }>(list: readonly T[], m: number): T["id"][] {
  return list.filter((_, i) => (m & (1 << i)) !== 0).map((c) => c.id);
}

// ---- Skills -----------------------------------------------------------------------------------

/** Curated skills are bits 0..23 of a mask, in list order. */
const SKILL_BIT: ReadonlyMap<string, number> = new Map(SKILLS.map((s, i) => [s.id, 1 << i]));
/** A skill in someone's own words that is exactly a curated skill's label (or id) counts as that skill. */
const CURATED_BY_TEXT: ReadonlyMap<string, number> = new Map(
  SKILLS.flatMap((s, i) => [
    [s.label.toLowerCase(), 1 << i],
    [s.id, 1 << i],
  ]),
);

/** Own-words skills compare ignoring case, surrounding spaces and repeated inner spaces. */
export function normaliseSkill(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

export interface PreparedSkills {
  /** Curated skills, as bits. */
  readonly mask: number;
  /** The numbers of those bits, lowest first. */
  readonly bits: readonly number[];
  /** Own-words skills: normalised text → the spelling first given. */
  readonly other: ReadonlyMap<string, string>;
  /**
   * One bit per own-words skill, chosen by a hash of its text: two sets whose blooms share no bit
   * share no own-words skill, so most pairs are told apart without looking at text. 0 when none.
   */
  readonly bloom: number;
}

/** FNV-1a, folded to one of 32 bits. */
function bloomBit(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return 1 << ((h >>> 0) % 32);
}

function skills(mask: number, other: Map<string, string>): PreparedSkills {
  let bloom = 0;
  for (const key of other.keys()) bloom |= bloomBit(key);
  const bits: number[] = [];
  for (let i = 0; i < 32; i++) if (mask & (1 << i)) bits.push(i);
  return { mask, bits, other, bloom };
}

export function prepareSkills(s: SkillSet): PreparedSkills {
  let m = mask(s.ids, SKILL_BIT);
  const other = new Map<string, string>();
  for (const text of s.other) {
    const key = normaliseSkill(text);
    if (key === "") continue;
    const curated = CURATED_BY_TEXT.get(key);
    if (curated !== undefined) m |= curated;
    else if (!other.has(key)) other.set(key, text.trim());
  }
  return skills(m, other);
}

function union(a: PreparedSkills, b: PreparedSkills): PreparedSkills {
  const other = new Map(a.other);
  for (const [k, v] of b.other) if (!other.has(k)) other.set(k, v);
  return skills(a.mask | b.mask, other);
}

function minus(a: PreparedSkills, b: PreparedSkills): PreparedSkills {
  const other = new Map<string, string>();
  for (const [k, v] of a.other) if (!b.other.has(k)) other.set(k, v);
  return skills(a.mask & ~b.mask, other);
}

/** How many own-words skills two sets share. */
export function sharedOther(a: PreparedSkills, b: PreparedSkills): number {
  if ((a.bloom & b.bloom) === 0) return 0;
  const [small, large] = a.other.size <= b.other.size ? [a.other, b.other] : [b.other, a.other];
  let n = 0;
  for (const k of small.keys()) if (large.has(k)) n++;
  return n;
}

/** How many skills (curated and own words) two sets share. */
export function sharedSkills(a: PreparedSkills, b: PreparedSkills): number {
  return popcount(a.mask & b.mask) + sharedOther(a, b);
}

/** Keys for the inverted skill index: "#3" for a curated skill's bit number, "~text" for own words. */
export function skillKeys(s: PreparedSkills): string[] {
  const keys: string[] = [];
  for (let i = 0; i < 32; i++) if (s.mask & (1 << i)) keys.push(`#${i}`);
  for (const k of s.other.keys()) keys.push(`~${k}`);
  return keys;
}

// ---- Candidates and openings ------------------------------------------------------------------

export interface PreparedOpening {
  readonly id: string;
  readonly source: Opening;
  readonly open: boolean;
  readonly ownerId: string;
  readonly minLevel: number;
  readonly maxLevel: number;
  readonly clearance: number;
  readonly partTimePossible: boolean;
  /** NaN when part-time is possible but no minimum was given: no part-time candidate passes. */
  readonly minDays: number;
  readonly typeMask: number;
  readonly startDay: number;
  readonly durationMonths: number;
  /** The day the secondment ends if it starts on the role's start date. */
  readonly endDay: number;
  /** Infinity when the host organisation has no valid cap. */
  readonly hostCap: number;
  readonly region: RegionId;
  readonly arrangements: number;
  readonly required: PreparedSkills;
  /** Nice-to-have skills that are not also required. */
  readonly nice: PreparedSkills;
  /** Required ∪ nice. */
  readonly offers: PreparedSkills;
  /** How many skills the role needs. */
  readonly requiredCount: number;
  /** `${id}|`, the front of this role's keys in MatchContext.declinedPairs. */
  readonly declinedPrefix: string;
}

export interface PreparedCandidate {
  readonly id: string;
  readonly source: Candidate;
  readonly released: boolean;
  readonly available: boolean;
  readonly level: number;
  readonly clearance: number;
  readonly partTime: boolean;
  /** NaN when part-time and the days were not given: no role passes. */
  readonly daysPerWeek: number;
  readonly typeMask: number;
  readonly availableDay: number;
  /** "Available from" as year, month, day, for date arithmetic without parsing. */
  readonly availableYmd: readonly [number, number, number];
  readonly shortestMonths: number;
  readonly longestMonths: number;
  readonly fixedTerm: boolean;
  /** NaN when fixed-term and no end date was given (fails closed); Infinity when permanent. */
  readonly fixedTermEndDay: number;
  /** Infinity when the home organisation has no valid cap. */
  readonly homeCap: number;
  readonly region: RegionId;
  readonly arrangements: number;
  readonly offered: PreparedSkills;
  readonly develop: PreparedSkills;
  /** Offered ∪ develop: what the skill index files the candidate under. */
  readonly anySkills: PreparedSkills;
  /** The home role offered for an exchange, as an opening owned by the candidate. */
  readonly home: PreparedOpening | undefined;
}

/** Looks up duration caps once per organisation name. Infinity means no cap applies. */
export type CapLookup = (organisation: string) => number;

export function capLookup(ctx: Pick<MatchContext, "durationCapMonths">): CapLookup {
  const cache = new Map<string, number>();
  const rules = { today: "", durationCapMonths: (org: string) => ctx.durationCapMonths(org) };
  return (organisation) => {
    let cap = cache.get(organisation);
    if (cap === undefined) {
      cap = durationCap(rules, organisation) ?? Infinity;
      cache.set(organisation, cap);
    }
    return cap;
  };
}

export function prepareOpening(o: Opening, caps: CapLookup): PreparedOpening {
  const d = o.details;
  const required = prepareSkills(d.requiredSkills);
  const nice = minus(prepareSkills(d.niceSkills), required);
  return {
    id: o.id,
    source: o,
    open: o.status === "open",
    ownerId: o.ownerId,
    minLevel: gradeLevel(d.gradeMin),
    maxLevel: gradeLevel(d.gradeMax),
    clearance: clearanceRank(d.clearanceRequired),
    partTimePossible: d.partTimePossible,
    minDays: d.partTimePossible ? (d.minDaysPerWeek ?? NaN) : NaN,
    typeMask: mask(d.secondmentTypes, TYPE_BIT),
    startDay: dayNumber(d.startDate),
    durationMonths: d.durationMonths,
    endDay: dayAfterMonths(...ymd(d.startDate), d.durationMonths),
    hostCap: caps(d.hostOrganisation),
    region: d.region,
    arrangements: mask(d.workArrangements, ARRANGEMENT_BIT),
    required,
    nice,
    offers: union(required, nice),
    requiredCount: popcount(required.mask) + required.other.size,
    declinedPrefix: `${o.id}|`,
  };
}

export function prepareCandidate(c: Candidate, caps: CapLookup): PreparedCandidate {
  const d = c.details;
  const offered = prepareSkills(d.skillsOffered);
  const develop = prepareSkills(d.skillsToDevelop);
  const fixedTerm = d.contractType === "fixed-term";
  const home = c.homeRole;
  return {
    id: c.id,
    source: c,
    released: c.released === true,
    available: c.status === "available",
    level: gradeLevel(d.grade),
    clearance: clearanceRank(d.clearance),
    partTime: d.workingPattern === "part-time",
    daysPerWeek: d.workingPattern === "part-time" ? (d.daysPerWeek ?? NaN) : 5,
    typeMask: mask(d.secondmentTypes, TYPE_BIT),
    availableDay: dayNumber(d.availableFrom),
    availableYmd: ymd(d.availableFrom),
    shortestMonths: d.shortestDurationMonths,
    longestMonths: d.longestDurationMonths,
    fixedTerm,
    fixedTermEndDay: !fixedTerm ? Infinity : d.fixedTermEnd === undefined ? NaN : dayNumber(d.fixedTermEnd),
    homeCap: caps(d.organisationName),
    region: d.region,
    arrangements: mask(d.workArrangements, ARRANGEMENT_BIT),
    offered,
    develop,
    anySkills: union(offered, develop),
    home: home ? prepareHomeRole(c.id, home, caps) : undefined,
  };
}

/** A home role offered for an exchange: an open opening owned by the candidate, offering "exchange". */
function prepareHomeRole(ownerId: string, home: NonNullable<Candidate["homeRole"]>, caps: CapLookup): PreparedOpening {
  const types = home.secondmentTypes.includes("exchange") ? home.secondmentTypes : [...home.secondmentTypes, "exchange" as const];
  return prepareOpening({ id: home.roleId, ownerId, details: { ...home, secondmentTypes: types }, status: "open" }, caps);
}

// ---- Per-query settings -----------------------------------------------------------------------

/** What a query reads from the context, once, when it starts. */
export interface RunEnv {
  readonly todayDay: number;
  readonly slackDays: number;
  /** MatchContext.declinedPairs itself, so additions the caller makes are seen. */
  readonly declined: ReadonlySet<string>;
}

export function runEnv(ctx: MatchContext): RunEnv {
  const slack = ctx.startSlackDays ?? DEFAULT_START_SLACK_DAYS;
  return {
    todayDay: dayNumber(ctx.today),
    slackDays: Number.isFinite(slack) && slack >= 0 ? Math.floor(slack) : DEFAULT_START_SLACK_DAYS,
    declined: ctx.declinedPairs,
  };
}
