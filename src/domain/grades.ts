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
 * The table is in display order: Civil Service grades, then local government bands, each lowest first.
 */

export type GradeFamily = "civil-service" | "local-government";

export interface Grade {
  readonly id: string;
  readonly label: string;
  readonly level: number;
  readonly family: GradeFamily;
}

export const GRADES = [
  { id: "cs-aa", label: "Administrative Assistant (AA)", level: 1, family: "civil-service" },
  { id: "cs-ao", label: "Administrative Officer (AO)", level: 2, family: "civil-service" },
  { id: "cs-eo", label: "Executive Officer (EO)", level: 3, family: "civil-service" },
  { id: "cs-heo", label: "Higher Executive Officer (HEO)", level: 4, family: "civil-service" },
  { id: "cs-seo", label: "Senior Executive Officer (SEO)", level: 5, family: "civil-service" },
  { id: "cs-g7", label: "Grade 7 (G7)", level: 6, family: "civil-service" },
  { id: "cs-g6", label: "Grade 6 (G6)", level: 7, family: "civil-service" },
  { id: "cs-scs1", label: "Deputy Director (SCS1)", level: 8, family: "civil-service" },
  { id: "cs-scs2", label: "Director (SCS2)", level: 9, family: "civil-service" },
  { id: "cs-scs3", label: "Director General (SCS3)", level: 10, family: "civil-service" },
  { id: "lg-scale-1-3", label: "Local government: Scale 1 to 3", level: 2, family: "local-government" },
  { id: "lg-scale-4-6", label: "Local government: Scale 4 to 6", level: 3, family: "local-government" },
  { id: "lg-so1-so2", label: "Local government: SO1 to SO2", level: 4, family: "local-government" },
  { id: "lg-po1-po3", label: "Local government: PO1 to PO3", level: 5, family: "local-government" },
  { id: "lg-po4-po6", label: "Local government: PO4 to PO6", level: 6, family: "local-government" },
  { id: "lg-head-of-service", label: "Local government: Service manager or head of service", level: 7, family: "local-government" },
  { id: "lg-assistant-director", label: "Local government: Assistant director", level: 8, family: "local-government" },
  { id: "lg-director", label: "Local government: Director", level: 9, family: "local-government" },
  { id: "lg-chief-executive", label: "Local government: Chief executive or equivalent", level: 10, family: "local-government" },
] as const satisfies readonly Grade[];

export type GradeId = (typeof GRADES)[number]["id"];
export const GRADE_IDS: readonly GradeId[] = GRADES.map((g) => g.id);

const BY_ID: ReadonlyMap<string, Grade> = new Map(GRADES.map((g) => [g.id, g]));

export function isGradeId(id: unknown): id is GradeId {
  return typeof id === "string" && BY_ID.has(id);
}

export function gradeById(id: string): Grade | undefined {
  return BY_ID.get(id);
}

export function gradeLevel(id: GradeId): number {
  return BY_ID.get(id)!.level;
}
