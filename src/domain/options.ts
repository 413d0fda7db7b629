import { t, type Lang } from "../i18n";

/**
 * The fixed choice lists the two forms share. Each choice has a stable id (stored, and sent by
 * the card) and the label people see. Lists are in display order.
 */

export interface Choice {
  readonly id: string;
  readonly label: string;
}

/** The ids of a choice list, in order. */
export function choiceIds<const C extends readonly Choice[]>(choices: C): readonly C[number]["id"][] {
  return choices.map((c) => c.id);
}

/** The label for an id, or undefined if the list has no such id. */
export function choiceLabel(choices: readonly Choice[], id: string): string | undefined {
  return choices.find((c) => c.id === id)?.label;
}

export const ORGANISATION_TYPES = [
  { id: "central-government", label: "Central government department" },
  { id: "local-authority", label: "Local authority" },
  { id: "other-public-body", label: "Other public body (for example the NHS, police or a charity)" },
] as const satisfies readonly Choice[];
export type OrganisationTypeId = (typeof ORGANISATION_TYPES)[number]["id"];

/** The 12 UK ITL1 regions (formerly NUTS1). */
export const REGIONS = [
  { id: "north-east", label: "North East" },
  { id: "north-west", label: "North West" },
  { id: "yorkshire-and-the-humber", label: "Yorkshire and the Humber" },
  { id: "east-midlands", label: "East Midlands" },
  { id: "west-midlands", label: "West Midlands" },
  { id: "east-of-england", label: "East of England" },
  { id: "london", label: "London" },
  { id: "south-east", label: "South East" },
  { id: "south-west", label: "South West" },
  { id: "wales", label: "Wales" },
  { id: "scotland", label: "Scotland" },
  { id: "northern-ireland", label: "Northern Ireland" },
] as const satisfies readonly Choice[];
export type RegionId = (typeof REGIONS)[number]["id"];

export const WORK_ARRANGEMENTS = [
  { id: "hybrid", label: "Hybrid (some time in the office, some at home)" },
  { id: "remote", label: "Remote" },
  { id: "willing-to-travel", label: "Willing to travel" },
] as const satisfies readonly Choice[];
export type WorkArrangementId = (typeof WORK_ARRANGEMENTS)[number]["id"];

export const SECONDMENT_TYPES = [
  { id: "short-term", label: "Short-term (around 12 weeks)" },
  { id: "long-term", label: "Long-term" },
  { id: "part-time", label: "Part-time" },
  { id: "exchange", label: "Exchange or job swap" },
] as const satisfies readonly Choice[];
export type SecondmentTypeId = (typeof SECONDMENT_TYPES)[number]["id"];

export const WORKING_PATTERNS = [
  { id: "full-time", label: "Full-time" },
  { id: "part-time", label: "Part-time" },
] as const satisfies readonly Choice[];
export type WorkingPatternId = (typeof WORKING_PATTERNS)[number]["id"];

export const CONTRACT_TYPES = [
  { id: "permanent", label: "Permanent" },
  { id: "fixed-term", label: "Fixed-term" },
] as const satisfies readonly Choice[];
export type ContractTypeId = (typeof CONTRACT_TYPES)[number]["id"];

/** Security clearance, lowest first: a higher rank includes the lower ones. */
export const CLEARANCE_LEVELS = [
  { id: "none", label: "None" },
  { id: "bpss", label: "Baseline Personnel Security Standard (BPSS)" },
  { id: "ctc", label: "Counter-Terrorist Check (CTC)" },
  { id: "sc", label: "Security Check (SC)" },
  { id: "dv", label: "Developed Vetting (DV)" },
] as const satisfies readonly Choice[];
export type ClearanceId = (typeof CLEARANCE_LEVELS)[number]["id"];

/** 0 for none up to 4 for DV, so that `clearanceRank(held) >= clearanceRank(required)` means enough. */
export function clearanceRank(id: ClearanceId): number {
  return CLEARANCE_LEVELS.findIndex((c) => c.id === id);
}

export const LANGUAGES = [
  { id: "en", label: "English" },
  { id: "cy", label: "Cymraeg (Welsh)" },
] as const satisfies readonly Choice[];
export type LanguageId = (typeof LANGUAGES)[number]["id"];

/** The catalogue list each choice list's labels live under ("choice.<list>.<id>"). */
export type ChoiceListName =
  | "organisationType"
  | "region"
  | "workArrangement"
  | "secondmentType"
  | "workingPattern"
  | "contractType"
  | "clearance"
  | "language"
  | "skill";

/** A choice list with its labels in `lang`, from the message catalogue. */
export function choicesIn(lang: Lang, list: ChoiceListName, choices: readonly Choice[]): Choice[] {
  return choices.map((c) => ({ id: c.id, label: t(lang, `choice.${list}.${c.id}`) }));
}
