import { DEFAULT_LANG, t, type Lang } from "../i18n";
import type { MsgValue } from "./msg";
import type { Choice } from "./options";

/**
 * Grades people and roles can be at, in one table, so that a Civil Service grade and a local
 * government band can be compared when matching.
 *
 * `level` is a rough equivalence used only for matching (for example "Lowest grade must be the
 * same as or below highest grade"). It is not a statement about pay. Civil Service grades count
 * up from 1; each local government band sits at the Civil Service level it is most often
 * compared with:
 *
 *   level | Civil Service                         | Local government
 *   ------+---------------------------------------+--------------------------------------------
 *     1   | Administrative Assistant (AA)         | -
 *     2   | Administrative Officer (AO)           | Scale 1 to 3
 *     3   | Executive Officer (EO)                | Scale 4 to 6
 *     4   | Higher Executive Officer (HEO)        | SO1 to SO2
 *     5   | Senior Executive Officer (SEO)        | PO1 to PO3
 *     6   | Grade 7 (G7)                          | PO4 to PO6
 *     7   | Grade 6 (G6)                          | Service manager or head of service
 *     8   | Deputy Director (SCS1)                | Assistant director
 *     9   | Director (SCS2)                       | Director
 *    10   | Director General (SCS3)               | Chief executive or equivalent
 *
 * Scale 1 to 3 spans AA and AO; it sits at AO so that roles open to AO include it.
 *
 * People from other public bodies ("Other public body" on the interest form) use the NHS Agenda
 * for Change bands or police ranks, placed the same way:
 *
 *   level | NHS Agenda for Change   | Police rank
 *   ------+-------------------------+---------------------------------------------
 *     1   | Band 1 or 2             | -
 *     2   | Band 3                  | -
 *     3   | Band 4 or 5             | Constable
 *     4   | Band 6                  | Sergeant
 *     5   | Band 7                  | Inspector
 *     6   | Band 8a or 8b           | Chief Inspector
 *     7   | Band 8c or 8d           | Superintendent or Chief Superintendent
 *     8   | Band 9                  | Assistant Chief Constable or Commander
 *     9   | -                       | Deputy Chief Constable or Chief Constable
 *
 * Anyone else (a charity, a body with its own grades) chooses "Other grade, closest to …": they
 * say which Civil Service grade theirs is closest to, and describe their own grade in words
 * (interest field gradeDetails). Matching compares that stated level, and every explanation says
 * it was the person's own comparison, so nothing passes or fails a grade range unseen.
 * Roles give their range in the listed grades only ("other" needs a description, which a range has not).
 *
 * The table is in display order: Civil Service grades, local government bands, NHS bands, police
 * ranks, then the "other" choices, each lowest first.
 */

export type GradeFamily = "civil-service" | "local-government" | "nhs" | "police" | "other";

export interface Grade {
  readonly id: string;
  /** The grade's name in English, as the form shows it (from the catalogue, "grade.<id>"). */
  readonly label: string;
  readonly level: number;
  readonly family: GradeFamily;
}

/** The grades without their names: the names are in the catalogue ("grade.<id>"), in each language. */
const TABLE = [
  { id: "cs-aa", level: 1, family: "civil-service" },
  { id: "cs-ao", level: 2, family: "civil-service" },
  { id: "cs-eo", level: 3, family: "civil-service" },
  { id: "cs-heo", level: 4, family: "civil-service" },
  { id: "cs-seo", level: 5, family: "civil-service" },
  { id: "cs-g7", level: 6, family: "civil-service" },
  { id: "cs-g6", level: 7, family: "civil-service" },
  { id: "cs-scs1", level: 8, family: "civil-service" },
  { id: "cs-scs2", level: 9, family: "civil-service" },
  { id: "cs-scs3", level: 10, family: "civil-service" },
  { id: "lg-scale-1-3", level: 2, family: "local-government" },
  { id: "lg-scale-4-6", level: 3, family: "local-government" },
  { id: "lg-so1-so2", level: 4, family: "local-government" },
  { id: "lg-po1-po3", level: 5, family: "local-government" },
  { id: "lg-po4-po6", level: 6, family: "local-government" },
  { id: "lg-head-of-service", level: 7, family: "local-government" },
  { id: "lg-assistant-director", level: 8, family: "local-government" },
  { id: "lg-director", level: 9, family: "local-government" },
  { id: "lg-chief-executive", level: 10, family: "local-government" },
  { id: "nhs-band-1-2", level: 1, family: "nhs" },
  { id: "nhs-band-3", level: 2, family: "nhs" },
  { id: "nhs-band-4-5", level: 3, family: "nhs" },
  { id: "nhs-band-6", level: 4, family: "nhs" },
  { id: "nhs-band-7", level: 5, family: "nhs" },
  { id: "nhs-band-8a-8b", level: 6, family: "nhs" },
  { id: "nhs-band-8c-8d", level: 7, family: "nhs" },
  { id: "nhs-band-9", level: 8, family: "nhs" },
  { id: "police-constable", level: 3, family: "police" },
  { id: "police-sergeant", level: 4, family: "police" },
  { id: "police-inspector", level: 5, family: "police" },
  { id: "police-chief-inspector", level: 6, family: "police" },
  { id: "police-superintendent", level: 7, family: "police" },
  { id: "police-acc", level: 8, family: "police" },
  { id: "police-chief-constable", level: 9, family: "police" },
  { id: "other-1", level: 1, family: "other" },
  { id: "other-2", level: 2, family: "other" },
  { id: "other-3", level: 3, family: "other" },
  { id: "other-4", level: 4, family: "other" },
  { id: "other-5", level: 5, family: "other" },
  { id: "other-6", level: 6, family: "other" },
  { id: "other-7", level: 7, family: "other" },
  { id: "other-8", level: 8, family: "other" },
  { id: "other-9", level: 9, family: "other" },
  { id: "other-10", level: 10, family: "other" },
] as const satisfies readonly Omit<Grade, "label">[];

/** Every grade, with its English name (matching explanations and exports read it). */
export const GRADES: readonly (Grade & { id: (typeof TABLE)[number]["id"] })[] = TABLE.map((g) => ({ ...g, label: t(DEFAULT_LANG, `grade.${g.id}`) }));

export type GradeId = (typeof TABLE)[number]["id"];
export const GRADE_IDS: readonly GradeId[] = GRADES.map((g) => g.id);

/** Grades a role's range can be given in: every listed grade, not the "other" comparisons. */
export const RANGE_GRADES = GRADES.filter((g) => g.family !== "other");
export type RangeGradeId = Exclude<GradeId, `other-${string}`>;
export const RANGE_GRADE_IDS = RANGE_GRADES.map((g) => g.id) as readonly RangeGradeId[];

const BY_ID: ReadonlyMap<string, Grade> = new Map(GRADES.map((g) => [g.id, g]));

/** An "Other grade, closest to …" choice: the person described their grade in words. */
export function isOtherGrade(id: string): boolean {
  return BY_ID.get(id)?.family === "other";
}

/**
 * A person's grade as others read it: the listed label, or for "other" their own words and the
 * grade they said it is closest to ("Band 5 at a housing charity, closest to HEO").
 */
export function gradeText(id: string, details?: string, lang: Lang = DEFAULT_LANG): string {
  const g = BY_ID.get(id);
  if (!g) return id;
  if (g.family === "other" && details) return t(lang, `grade.described.${g.id}`, { details });
  return t(lang, `grade.${g.id}`);
}

/** A grade as a message (not yet in words), for explanations stored and shown later in each reader's language. */
export function gradeMsg(id: string, details?: string): MsgValue {
  const g = BY_ID.get(id);
  if (!g) return id;
  if (g.family === "other" && details) return { msg: { key: `grade.described.${g.id}`, values: { details } } };
  return { msg: { key: `grade.${g.id}` } };
}

/** A grade list as form choices, named in `lang`. */
export function gradesIn(lang: Lang, grades: readonly Grade[] = GRADES): Choice[] {
  return grades.map((g) => ({ id: g.id, label: t(lang, `grade.${g.id}`) }));
}

export function isGradeId(id: unknown): id is GradeId {
  return typeof id === "string" && BY_ID.has(id);
}

export function gradeById(id: string): Grade | undefined {
  return BY_ID.get(id);
}

export function gradeLevel(id: GradeId): number {
  return BY_ID.get(id)!.level;
}
