import { z } from "zod";
import { gradeLevel, isGradeId } from "../domain/grades";
import { choiceIds, ORGANISATION_TYPES, REGIONS, SECONDMENT_TYPES } from "../domain/options";
import { PERSON_STAGES, ROLE_STAGES } from "../domain/stage";
import type { InterestRow, PoolSnapshot, RoleRow } from "./pool-index";

/**
 * Filtering, searching, sorting and paging the pool tables. Query strings are checked with zod;
 * a page is handed back with an opaque cursor for the next one.
 */

/** A person's stages, as the People table filters on them: src/domain/stage.ts works them out. */
export const INTEREST_STATUSES = PERSON_STAGES;
export const ROLE_STATUSES = ROLE_STAGES;
export const RELEASE_STATUSES = ["pending", "approved", "declined", "unreachable", "cancelled", "none"] as const;

const blankIsMissing = (v: unknown) => (v === "" ? undefined : v);
// No messages of their own: the programme API names the field in the team member's language.
const optionalChoice = (ids: readonly string[]) => z.preprocess(blankIsMissing, z.enum(ids as [string, ...string[]]).optional());
const isoDate = z.preprocess(blankIsMissing, z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional());

const common = {
  q: z.string().trim().max(100).optional(),
  organisationType: optionalChoice(choiceIds(ORGANISATION_TYPES)),
  grade: z.preprocess(blankIsMissing, z.string().refine((g) => isGradeId(g)).optional()),
  region: optionalChoice(choiceIds(REGIONS)),
  secondmentType: optionalChoice(choiceIds(SECONDMENT_TYPES)),
  from: isoDate,
  to: isoDate,
  dir: z.enum(["asc", "desc"]).default("asc"),
  cursor: z.string().max(200).optional(),
  size: z.coerce.number().int().min(1).max(200).default(25),
};

export const InterestQuerySchema = z.object({
  ...common,
  status: optionalChoice(INTEREST_STATUSES),
  release: optionalChoice(RELEASE_STATUSES),
  sort: z.enum(["name", "organisation", "grade", "region", "availableFrom", "status", "submittedAt"]).default("name"),
});
export type InterestQuery = z.output<typeof InterestQuerySchema>;

export const RoleQuerySchema = z.object({
  ...common,
  status: optionalChoice(ROLE_STATUSES),
  sort: z.enum(["title", "organisation", "grade", "region", "startDate", "status", "openings", "submittedAt"]).default("title"),
});
export type RoleQuery = z.output<typeof RoleQuerySchema>;

export interface Page<T> {
  rows: T[];
  total: number;
  /** Give back as `cursor` for the next page; absent on the last page. */
  next?: string;
}

const encodeCursor = (offset: number, version: number) => Buffer.from(JSON.stringify({ o: offset, v: version })).toString("base64url");
function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  try {
    const c = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { o?: unknown };
    return typeof c.o === "number" && Number.isInteger(c.o) && c.o >= 0 ? c.o : 0;
  } catch {
    return 0;
  }
}

const level = (g: string) => (isGradeId(g) ? gradeLevel(g) : -1);

function pageOf<T>(rows: T[], q: { cursor?: string | undefined; size: number }, version: number): Page<T> {
  const offset = decodeCursor(q.cursor);
  const slice = rows.slice(offset, offset + q.size);
  return { rows: slice, total: rows.length, ...(offset + q.size < rows.length ? { next: encodeCursor(offset + q.size, version) } : {}) };
}

const collator = new Intl.Collator("en-GB", { numeric: true });

function sorter<T>(key: (r: T) => string | number, dir: "asc" | "desc") {
  const sign = dir === "desc" ? -1 : 1;
  return (a: T, b: T) => {
    const x = key(a);
    const y = key(b);
    return (typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y))) * sign;
  };
}

export function queryInterests(snap: PoolSnapshot, q: InterestQuery): Page<InterestRow> {
  const hits = q.q ? new Set(snap.interestSearch.search(q.q).map((h) => h.id as string)) : undefined;
  const rows = snap.interests.filter(
    (r) =>
      (!hits || hits.has(r.key)) &&
      (!q.organisationType || r.organisationType === q.organisationType) &&
      (!q.grade || r.grade === q.grade) &&
      (!q.region || r.region === q.region) &&
      (!q.secondmentType || r.secondmentTypes.includes(q.secondmentType)) &&
      (!q.status || r.status === q.status) &&
      (!q.release || r.release === q.release) &&
      (!q.from || r.availableFrom >= q.from) &&
      (!q.to || r.availableFrom <= q.to),
  );
  const key: Record<InterestQuery["sort"], (r: InterestRow) => string | number> = {
    name: (r) => r.name,
    organisation: (r) => r.organisation,
    grade: (r) => level(r.grade),
    region: (r) => r.region,
    availableFrom: (r) => r.availableFrom,
    status: (r) => r.status,
    submittedAt: (r) => r.submittedAt,
  };
  rows.sort(sorter(key[q.sort], q.dir));
  return pageOf(rows, q, snap.version);
}

export function queryRoles(snap: PoolSnapshot, q: RoleQuery): Page<RoleRow> {
  const hits = q.q ? new Set(snap.roleSearch.search(q.q).map((h) => h.id as string)) : undefined;
  const wanted = q.grade ? level(q.grade) : undefined;
  const rows = snap.roles.filter(
    (r) =>
      (!hits || hits.has(r.id)) &&
      (!q.organisationType || r.organisationType === q.organisationType) &&
      (wanted === undefined || (level(r.gradeMin) <= wanted && wanted <= level(r.gradeMax))) &&
      (!q.region || r.region === q.region) &&
      (!q.secondmentType || r.secondmentTypes.includes(q.secondmentType)) &&
      (!q.status || r.status === q.status) &&
      (!q.from || r.startDate >= q.from) &&
      (!q.to || r.startDate <= q.to),
  );
  const key: Record<RoleQuery["sort"], (r: RoleRow) => string | number> = {
    title: (r) => r.title,
    organisation: (r) => r.organisation,
    grade: (r) => level(r.gradeMin),
    region: (r) => r.region,
    startDate: (r) => r.startDate,
    status: (r) => r.status,
    openings: (r) => r.openings,
    submittedAt: (r) => r.submittedAt,
  };
  rows.sort(sorter(key[q.sort], q.dir));
  return pageOf(rows, q, snap.version);
}
