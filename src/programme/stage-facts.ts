import type { Container } from "@azure/cosmos";
import { allPages } from "../store/paged";

/**
 * Small lookups the stages need beyond a row (src/domain/stage.ts): the status of the secondment
 * each match led to, each role's status, and how many matches are going ahead for each role. Keys and statuses only.
 */

/** The status of each match's secondment, by the match's id (kept with the secondments' store). */
export { secondmentStatusByMatch } from "../store/secondments";

/** How many matches both sides said yes to, by the role's id (stored "agreeing", whatever became of their secondment). */
export async function goingAheadByRole(matches: Container): Promise<Map<string, number>> {
  const rows = await allPages<{ openingId?: unknown }>(matches, "SELECT c.opening.id AS openingId FROM c WHERE c.type = 'match' AND c.status = 'agreeing'", 5000);
  const out = new Map<string, number>();
  for (const r of rows) if (typeof r.openingId === "string") out.set(r.openingId, (out.get(r.openingId) ?? 0) + 1);
  return out;
}

/** The stored status of each role, by its id (a match on a withdrawn role reads as not going ahead). */
export async function roleStatusById(people: Container): Promise<Map<string, string>> {
  const rows = await allPages<{ id?: unknown; status?: unknown }>(people, "SELECT c.id, c.status FROM c WHERE c.type = 'role'", 5000);
  return new Map(rows.flatMap((r) => (typeof r.id === "string" && typeof r.status === "string" ? [[r.id, r.status] as const] : [])));
}
