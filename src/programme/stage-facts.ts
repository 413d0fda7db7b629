import type { Container } from "@azure/cosmos";
import { takenByRole } from "../domain/stage";
import { allPages } from "../store/paged";
import { secondmentStatusByMatch } from "../store/secondments";

/**
 * Small lookups the stages need beyond a row (src/domain/stage.ts): the status of the secondment
 * each match led to, each role's status, and how many of each role's openings are taken. Keys and statuses only.
 */

/** The status of each match's secondment, by the match's id (kept with the secondments' store). */
export { secondmentStatusByMatch } from "../store/secondments";

/** How many of each role's openings are taken, by the role's id (src/domain/stage.ts takenByRole: secondments confirmed, under way or over). */
export async function takenOpeningsByRole(matches: Container, secondments: Container): Promise<Map<string, number>> {
  const [rows, secondmentOf] = await Promise.all([
    allPages<{ id?: unknown; openingId?: unknown }>(matches, "SELECT c.id, c.opening.id AS openingId FROM c WHERE c.type = 'match' AND c.status = 'agreeing'", 5000),
    secondmentStatusByMatch(secondments),
  ]);
  return takenByRole(
    rows.flatMap((r) => (typeof r.id === "string" && typeof r.openingId === "string" ? [{ openingId: r.openingId, status: "agreeing" as const, secondment: secondmentOf.get(r.id) }] : [])),
  );
}

/** The stored status of each role, by its id (a match on a withdrawn role reads as not going ahead). */
export async function roleStatusById(people: Container): Promise<Map<string, string>> {
  const rows = await allPages<{ id?: unknown; status?: unknown }>(people, "SELECT c.id, c.status FROM c WHERE c.type = 'role'", 5000);
  return new Map(rows.flatMap((r) => (typeof r.id === "string" && typeof r.status === "string" ? [[r.id, r.status] as const] : [])));
}
