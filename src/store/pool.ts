import type { Container } from "@azure/cosmos";
import type { Approval } from "../domain/approval";
import type { InterestDetails } from "../domain/interest";
import type { RoleRecordDetails } from "../domain/role-record";
import type { Match } from "../domain/match";
import type { Candidate, Opening } from "../matching/types";
import type { RecordDoc } from "./records";
import type { Stored } from "./store";

export interface Pool {
  candidates: Candidate[];
  openings: Opening[];
  /** Where each role's notifications go, by role id. */
  roles: Map<string, Stored<RecordDoc<RoleRecordDetails>>>;
}

/**
 * Everyone and every role the matching engine may consider, read from the people container
 * (interests, release requests, roles). A person in a match that is going ahead is "placed"; a role
 * is "filled" once as many of its matches are going ahead as it has openings.
 */
export async function loadPool(people: Container, matches: readonly Match[]): Promise<Pool> {
  const { resources } = await people.items
    .query<Stored<RecordDoc<InterestDetails> | RecordDoc<RoleRecordDetails> | Approval>>(
      "SELECT * FROM c WHERE c.type = 'interest' OR c.type = 'role' OR c.type = 'approval'",
    )
    .fetchAll();
  const released = new Set(resources.filter((r): r is Stored<Approval> => r.type === "approval" && (r as Approval).status === "approved").map((r) => r.pk));
  const placed = new Set(matches.filter((m) => m.status === "agreeing").map((m) => m.candidate.key));
  // A role is filled when as many matches are going ahead as it has openings.
  const goingAhead = new Map<string, number>();
  for (const m of matches) if (m.status === "agreeing") goingAhead.set(m.opening.id, (goingAhead.get(m.opening.id) ?? 0) + 1);
  const filled = { has: (doc: Stored<RecordDoc<RoleRecordDetails>>) => (goingAhead.get(doc.id) ?? 0) >= Math.max(1, doc.details.form.openings) };
  const candidates: Candidate[] = [];
  const openings: Opening[] = [];
  const roles = new Map<string, Stored<RecordDoc<RoleRecordDetails>>>();
  // A role someone offers for an exchange is their home role: the one a swap partner would take.
  const homeRoles = new Map<string, Stored<RecordDoc<RoleRecordDetails>>>();
  for (const r of resources) {
    if (r.type !== "role") continue;
    const doc = r as Stored<RecordDoc<RoleRecordDetails>>;
    if (doc.status !== "withdrawn" && !filled.has(doc) && doc.details.form.secondmentTypes.includes("exchange")) homeRoles.set(doc.pk, doc);
  }
  for (const r of resources) {
    if (r.type === "interest") {
      const doc = r as Stored<RecordDoc<InterestDetails>>;
      candidates.push({
        id: doc.pk,
        name: doc.details.fullName,
        details: doc.details,
        released: released.has(doc.pk),
        status: doc.status === "withdrawn" ? "withdrawn" : placed.has(doc.pk) ? "placed" : "available",
        ...(homeRoles.has(doc.pk) ? { homeRole: { ...homeRoles.get(doc.pk)!.details.form, roleId: homeRoles.get(doc.pk)!.id } } : {}),
      });
    } else if (r.type === "role") {
      const doc = r as Stored<RecordDoc<RoleRecordDetails>>;
      roles.set(doc.id, doc);
      openings.push({ id: doc.id, ownerId: doc.pk, details: doc.details.form, status: doc.status === "withdrawn" ? "withdrawn" : filled.has(doc) ? "filled" : "open" });
    }
  }
  return { candidates, openings, roles };
}
