import type { InterestDetails } from "../../src/domain/interest";
import type { RoleDetails } from "../../src/domain/role";
import type { Candidate, MatchContext, Opening } from "../../src/matching/types";

/** A fixed "today" so that every date below is stable. */
export const TODAY = "2027-01-11";

/** An interest that passes every hard rule against role() below. */
export function interest(over: Partial<InterestDetails> = {}): InterestDetails {
  return {
    fullName: "Ana Jones",
    email: "ana.jones@example.gov.uk",
    organisationType: "central-government",
    organisationName: "Department for Education",
    profession: "Analysis",
    grade: "cs-heo",
    region: "london",
    town: "London",
    workArrangements: ["hybrid"],
    skillsOffered: { ids: ["data-analysis", "statistics"], other: [] },
    skillsToDevelop: { ids: ["leadership"], other: [] },
    secondmentTypes: ["long-term"],
    workingPattern: "full-time",
    daysPerWeek: undefined,
    patternDetails: undefined,
    availableFrom: "2027-03-01",
    shortestDurationMonths: 6,
    longestDurationMonths: 18,
    contractType: "permanent",
    fixedTermEnd: undefined,
    clearance: "bpss",
    adjustments: undefined,
    language: "en",
    lineManagerId: undefined,
    lineManagerEmail: "sam.lee@example.gov.uk",
    permissionConfirmed: true,
    ...over,
  };
}

export function role(over: Partial<RoleDetails> = {}): RoleDetails {
  return {
    title: "Housing data analyst",
    hostOrganisationType: "local-authority",
    hostOrganisation: "Leeds City Council",
    team: "Housing strategy",
    purpose: "Understand demand for social housing.",
    deliverables: "A model of housing demand.",
    requiredSkills: { ids: ["data-analysis", "statistics"], other: [] },
    niceSkills: { ids: ["research"], other: [] },
    gradeMin: "cs-heo",
    gradeMax: "cs-g7",
    region: "london",
    town: "London",
    workArrangements: ["hybrid"],
    secondmentTypes: ["long-term"],
    partTimePossible: false,
    minDaysPerWeek: undefined,
    startDate: "2027-03-01",
    durationMonths: 12,
    clearanceRequired: "bpss",
    openings: 1,
    notificationChannel: "19:channel@thread.tacv2",
    ...over,
  };
}

export function candidate(id: string, details: Partial<InterestDetails> = {}, over: Partial<Candidate> = {}): Candidate {
  return { id, name: `Person ${id}`, details: interest(details), released: true, status: "available", ...over };
}

export function opening(id: string, details: Partial<RoleDetails> = {}, over: Partial<Opening> = {}): Opening {
  return { id, ownerId: `owner-of-${id}`, details: role(details), status: "open", ...over };
}

/** Caps by organisation name (any case), else 24 months. */
export function context(over: Partial<MatchContext> = {}, caps: Record<string, number> = {}): MatchContext {
  const byName = new Map(Object.entries(caps).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    today: TODAY,
    durationCapMonths: (org) => byName.get(org.trim().toLowerCase()) ?? 24,
    declinedPairs: new Set(),
    ...over,
  };
}
