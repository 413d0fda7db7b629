import { durationCapFor } from "../../src/config";
import { addMonths, isoDate } from "../../src/domain/dates";
import { GRADES, type GradeId } from "../../src/domain/grades";
import type { InterestDetails } from "../../src/domain/interest";
import type { ClearanceId, RegionId, SecondmentTypeId, WorkArrangementId } from "../../src/domain/options";
import type { RoleDetails } from "../../src/domain/role";
import type { SkillId, SkillSet } from "../../src/domain/skills";
import type { Candidate, MatchContext, Opening } from "../../src/matching/types";

/**
 * A seeded, realistic-looking population of interests and roles for the matching tests and
 * benchmark. Same seed, same data, on any machine. Skills cluster by profession (a policy person
 * offers policy skills, mostly), grades bunch around EO to G7, London is the biggest region, and
 * some people are part-time, on fixed-term contracts, unreleased, withdrawn or placed.
 */

export type Rand = () => number;

/** mulberry32: small, fast, good enough for test data. */
export function seeded(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
function weighted<T>(r: Rand, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((n, [, w]) => n + w, 0);
  let x = r() * total;
  for (const [v, w] of table) if ((x -= w) < 0) return v;
  return table[table.length - 1]![0];
}

const PROFESSIONS: readonly (readonly [{ name: string; skills: SkillId[] }, number])[] = [
  [{ name: "Policy", skills: ["policy-development", "research", "economics", "stakeholder-engagement", "communications"] }, 20],
  [{ name: "Analysis", skills: ["data-analysis", "statistics", "research", "economics"] }, 12],
  [{ name: "Project delivery", skills: ["project-management", "programme-management", "change-management", "operational-delivery"] }, 14],
  [{ name: "Digital", skills: ["digital", "service-design", "user-research", "data-analysis"] }, 10],
  [{ name: "Finance", skills: ["finance", "commercial", "procurement", "economics"] }, 8],
  [{ name: "Commercial", skills: ["commercial", "procurement", "legal", "stakeholder-engagement"] }, 5],
  [{ name: "Human resources", skills: ["hr", "change-management", "leadership", "communications"] }, 6],
  [{ name: "Communications", skills: ["communications", "stakeholder-engagement", "community-engagement"] }, 6],
  [{ name: "Legal", skills: ["legal", "policy-development", "commercial"] }, 3],
  [{ name: "Operational delivery", skills: ["operational-delivery", "project-management", "community-engagement"] }, 10],
  [{ name: "Local services", skills: ["housing-planning", "social-care", "public-health", "community-engagement"] }, 10],
  [{ name: "Public health", skills: ["public-health", "data-analysis", "research", "social-care"] }, 4],
];
const ALL_SKILLS: SkillId[] = [...new Set(PROFESSIONS.flatMap(([p]) => p.skills)), "leadership"];
const OWN_WORDS = ["GIS mapping", "Agile coaching", "Freedom of Information", "Grant management", "Net zero", "Emergency planning", "Devolution", "Contract law", "Behavioural science", "Machine learning"];

const LEVELS: readonly (readonly [number, number])[] = [[1, 2], [2, 8], [3, 18], [4, 24], [5, 20], [6, 16], [7, 8], [8, 3], [9, 0.7], [10, 0.3]];
const REGION_WEIGHTS: readonly (readonly [RegionId, number])[] = [
  ["london", 22], ["south-east", 10], ["north-west", 9], ["yorkshire-and-the-humber", 8], ["west-midlands", 8], ["scotland", 8],
  ["east-of-england", 7], ["south-west", 7], ["east-midlands", 6], ["wales", 6], ["north-east", 5], ["northern-ireland", 4],
];
const CANDIDATE_CLEARANCE: readonly (readonly [ClearanceId, number])[] = [["none", 15], ["bpss", 55], ["ctc", 10], ["sc", 16], ["dv", 4]];
const ROLE_CLEARANCE: readonly (readonly [ClearanceId, number])[] = [["none", 30], ["bpss", 45], ["ctc", 8], ["sc", 14], ["dv", 3]];

const ORGANISATIONS = {
  "central-government": ["HM Treasury", "Cabinet Office", "Department for Education", "Home Office", "Ministry of Justice", "Department for Work and Pensions", "HM Revenue and Customs", "Department of Health and Social Care", "Department for Transport", "Ministry of Housing, Communities and Local Government", "Defra", "Ministry of Defence"],
  "local-authority": ["Leeds City Council", "Manchester City Council", "Birmingham City Council", "Cardiff Council", "Glasgow City Council", "Kent County Council", "Bristol City Council", "Newcastle City Council", "Belfast City Council", "Norfolk County Council"],
  "other-public-body": ["NHS England", "Environment Agency", "Metropolitan Police", "Natural England"],
} as const;
type OrgType = keyof typeof ORGANISATIONS;
const ORG_TYPES: readonly (readonly [OrgType, number])[] = [["central-government", 55], ["local-authority", 35], ["other-public-body", 10]];
export const DATASET_CAPS = { defaultMonths: 24, byOrganisation: { "hm treasury": 12, "home office": 18, "kent county council": 18, "nhs england": 12 } };

function gradeAt(r: Rand, level: number): GradeId {
  const options = GRADES.filter((g) => g.level === level);
  const lg = options.filter((g) => g.family === "local-government");
  return (lg.length > 0 && r() < 0.4 ? pick(r, lg) : options.find((g) => g.family === "civil-service")!).id;
}

function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

function skills(r: Rand, cluster: readonly SkillId[], n: number, ownWordsChance: number): SkillSet {
  const ids = new Set<SkillId>();
  for (let i = 0; i < n * 3 && ids.size < n; i++) ids.add(r() < 0.8 ? pick(r, cluster) : pick(r, ALL_SKILLS));
  const other: string[] = [];
  if (r() < ownWordsChance) {
    const text = pick(r, OWN_WORDS);
    // People type their own words in all sorts of ways.
    other.push(r() < 0.5 ? text : `  ${r() < 0.5 ? text.toUpperCase() : text.toLowerCase()} `);
  }
  return { ids: [...ids], other };
}

function arrangements(r: Rand, hybrid: number, remote: number, travel: number): WorkArrangementId[] {
  const out: WorkArrangementId[] = [];
  if (r() < hybrid) out.push("hybrid");
  if (r() < remote) out.push("remote");
  if (r() < travel) out.push("willing-to-travel");
  return out;
}

function types(r: Rand, chances: Record<SecondmentTypeId, number>): SecondmentTypeId[] {
  const out = (Object.keys(chances) as SecondmentTypeId[]).filter((t) => r() < chances[t]);
  return out.length > 0 ? out : ["long-term"];
}

export interface Generator {
  candidate(id: string): Candidate;
  opening(id: string): Opening;
  readonly today: string;
}

export function generator(seed: number, today = "2027-01-11"): Generator {
  const r = seeded(seed);
  const caps = (org: string) => durationCapFor({ durationCaps: DATASET_CAPS }, org);

  function roleDetails(o: { level?: number; cluster?: readonly SkillId[]; org?: { type: OrgType; name: string }; region?: RegionId; start?: string }): RoleDetails {
    const profession = weighted(r, PROFESSIONS);
    const cluster = o.cluster ?? profession.skills;
    const orgType = o.org?.type ?? weighted(r, ORG_TYPES);
    const orgName = o.org?.name ?? pick(r, ORGANISATIONS[orgType]);
    const minLevel = o.level ?? weighted(r, LEVELS);
    const maxLevel = Math.min(10, minLevel + weighted(r, [[0, 40], [1, 40], [2, 20]] as const));
    const partTimePossible = r() < 0.3;
    const duration = Math.min(caps(orgName), pick(r, [3, 3, 6, 6, 6, 9, 12, 12, 18, 24]));
    return {
      title: `${profession.name} secondment`,
      hostOrganisationType: orgType,
      hostOrganisation: orgName,
      team: "Team",
      purpose: "Purpose",
      deliverables: "Deliverables",
      requiredSkills: skills(r, cluster, int(r, 1, 3), 0.08),
      niceSkills: skills(r, cluster, int(r, 0, 3), 0.05),
      gradeMin: gradeAt(r, minLevel),
      gradeMax: gradeAt(r, maxLevel),
      region: o.region ?? weighted(r, REGION_WEIGHTS),
      town: "Town",
      workArrangements: arrangements(r, 0.75, 0.25, 0.15),
      secondmentTypes: types(r, { "short-term": 0.35, "long-term": 0.65, "part-time": 0.15, exchange: 0.05 }),
      partTimePossible,
      minDaysPerWeek: partTimePossible ? pick(r, [2, 2.5, 3, 3.5]) : undefined,
      startDate: o.start ?? addDays(today, int(r, 14, 270)),
      durationMonths: duration,
      clearanceRequired: weighted(r, ROLE_CLEARANCE),
      openings: int(r, 1, 3),
      notificationChannel: "19:channel@thread.tacv2",
    };
  }

  return {
    today,
    candidate(id) {
      const profession = weighted(r, PROFESSIONS);
      const level = weighted(r, LEVELS);
      const orgType = weighted(r, ORG_TYPES);
      const orgName = pick(r, ORGANISATIONS[orgType]);
      const partTime = r() < 0.15;
      const availableFrom = addDays(today, int(r, 0, 240));
      const cap = caps(orgName);
      const shortest = Math.min(cap, pick(r, [3, 3, 6, 6, 6, 9, 12]));
      const longest = Math.min(cap, shortest + pick(r, [0, 3, 6, 6, 12, 12, 18]));
      const fixedTerm = r() < 0.1;
      const offered = skills(r, profession.skills, int(r, 2, 5), 0.12);
      if (level >= 6 && r() < 0.3 && !offered.ids.includes("leadership")) offered.ids.push("leadership");
      const t = types(r, { "short-term": 0.35, "long-term": 0.6, "part-time": partTime ? 0.8 : 0.05, exchange: 0.1 });
      const region = weighted(r, REGION_WEIGHTS);
      const details: InterestDetails = {
        fullName: `Person ${id}`,
        email: `${id}@example.gov.uk`,
        organisationType: orgType,
        organisationName: orgName,
        profession: profession.name,
        grade: gradeAt(r, level),
        region,
        town: "Town",
        workArrangements: arrangements(r, 0.75, 0.35, 0.3),
        skillsOffered: offered,
        skillsToDevelop: skills(r, r() < 0.6 ? weighted(r, PROFESSIONS).skills : ALL_SKILLS, int(r, 1, 3), 0.08),
        secondmentTypes: t,
        workingPattern: partTime ? "part-time" : "full-time",
        daysPerWeek: partTime ? pick(r, [2, 2.5, 3, 3.5, 4, 4.5]) : undefined,
        patternDetails: undefined,
        availableFrom,
        shortestDurationMonths: shortest,
        longestDurationMonths: longest,
        contractType: fixedTerm ? "fixed-term" : "permanent",
        fixedTermEnd: fixedTerm ? addMonths(availableFrom, shortest + int(r, 0, 18)) : undefined,
        clearance: weighted(r, CANDIDATE_CLEARANCE),
        adjustments: r() < 0.1 ? "I use a screen reader." : undefined,
        language: r() < 0.1 ? "cy" : "en",
        lineManagerId: undefined,
        lineManagerEmail: "manager@example.gov.uk",
        permissionConfirmed: true,
      };
      const released = r() < 0.7;
      const status = weighted(r, [["available", 94], ["withdrawn", 4], ["placed", 2]] as const);
      const c: Candidate = { id, name: `Person ${id}`, details, released, status };
      if (t.includes("exchange") && r() < 0.7) {
        const home = roleDetails({ level, cluster: offered.ids, org: { type: orgType, name: orgName }, region, start: addDays(availableFrom, int(r, 0, 30)) });
        c.homeRole = { ...home, title: `${profession.name} role at ${orgName}`, secondmentTypes: ["exchange", "long-term"], roleId: `home-${id}` };
      }
      return c;
    },
    opening(id) {
      return { id, ownerId: r() < 0.03 ? `c${String(int(r, 0, 999)).padStart(5, "0")}` : `holder-${int(r, 1, 1500)}`, details: roleDetails({}), status: weighted(r, [["open", 92], ["withdrawn", 5], ["filled", 3]] as const) };
    },
  };
}

export interface Dataset {
  candidates: Candidate[];
  openings: Opening[];
  ctx: MatchContext;
  generator: Generator;
}

/** `candidates` interests (ids c00000…) and `openings` roles (ids r0000…), plus some declined pairs. */
export function generateDataset(o: { candidates: number; openings: number; seed: number; declined?: number }): Dataset {
  const gen = generator(o.seed);
  const candidates = Array.from({ length: o.candidates }, (_, i) => gen.candidate(`c${String(i).padStart(5, "0")}`));
  const openings = Array.from({ length: o.openings }, (_, i) => gen.opening(`r${String(i).padStart(4, "0")}`));
  const r = seeded(o.seed ^ 0x5eed);
  const declinedPairs = new Set<string>();
  for (let i = 0; i < (o.declined ?? Math.round(o.candidates / 10)); i++) declinedPairs.add(`${pick(r, openings).id}|${pick(r, candidates).id}`);
  const ctx: MatchContext = {
    today: gen.today,
    durationCapMonths: (org) => durationCapFor({ durationCaps: DATASET_CAPS }, org),
    declinedPairs,
  };
  return { candidates, openings, ctx, generator: gen };
}
