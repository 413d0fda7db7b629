import { addMonths, todayInLondon } from "../../src/domain/dates";

/** Dates relative to today in the UK, so the forms' "not in the past" rules hold on any day. */
export const inMonths = (n: number): string => addMonths(todayInLondon(new Date()), n);

/** What a person would send from a correctly filled-in interest card (all values are strings, as cards send them). */
export function interestInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    fullName: "Ana Jones",
    email: "ana.jones@example.gov.uk",
    organisationType: "central-government",
    organisationName: "Department for Education",
    profession: "Policy",
    grade: "cs-heo",
    language: "en",
    region: "yorkshire-and-the-humber",
    town: "Leeds",
    workArrangements: "hybrid,willing-to-travel",
    skillsOffered: "policy-development,stakeholder-engagement",
    skillsOfferedOther: "",
    skillsToDevelop: "data-analysis",
    skillsToDevelopOther: "Local government finance",
    secondmentTypes: "short-term,part-time",
    workingPattern: "full-time",
    daysPerWeek: "",
    patternDetails: "",
    availableFrom: inMonths(2),
    shortestDurationMonths: "3",
    longestDurationMonths: "12",
    contractType: "permanent",
    fixedTermEnd: "",
    clearance: "bpss",
    adjustments: "",
    lineManagerId: "",
    lineManagerEmail: "sam.lee@example.gov.uk",
    permissionConfirmed: "true",
    ...overrides,
  };
}

export function roleInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: "Housing data analyst",
    hostOrganisationType: "local-authority",
    hostOrganisation: "Leeds City Council",
    team: "Housing strategy",
    purpose: "Help us understand demand for social housing.",
    deliverables: "A model of housing demand and a report for councillors.",
    requiredSkills: "data-analysis,statistics",
    requiredSkillsOther: "",
    niceSkills: "",
    niceSkillsOther: "",
    gradeMin: "cs-heo",
    gradeMax: "cs-g7",
    region: "yorkshire-and-the-humber",
    town: "Leeds",
    workArrangements: "hybrid",
    secondmentTypes: "short-term,part-time",
    partTimePossible: "true",
    minDaysPerWeek: "2",
    startDate: inMonths(3),
    durationMonths: "6",
    clearanceRequired: "bpss",
    openings: "1",
    notificationChannel: "",
    ...overrides,
  };
}
