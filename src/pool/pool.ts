import type { Container } from "@azure/cosmos";
import type { Approval } from "../domain/approval";
import type { InterestDetails } from "../domain/interest";
import type { RoleRecordDetails } from "../domain/role-record";
import type { Match } from "../domain/match";
import type { Candidate, Opening } from "../matching/types";
import type { RecordDoc } from "../store/records";
import type { Stored } from "../store/store";

export type InterestDoc = Stored<RecordDoc<InterestDetails>>;
export type RoleDoc = Stored<RecordDoc<RoleRecordDetails>>;
export type ApprovalDoc = Stored<Approval>;
/** The people-container documents matching reads. */
export type PoolDoc = InterestDoc | RoleDoc | ApprovalDoc;

export interface Pool {
  candidates: Candidate[];
  openings: Opening[];
  /** Where each role's notifications go, by role id. */
  roles: Map<string, RoleDoc>;
}

/** The query that reads every document matching considers from the people container. */
export const POOL_QUERY = "SELECT * FROM c WHERE c.type = 'interest' OR c.type = 'role' OR c.type = 'approval'";

const add = <K, V>(m: Map<K, Set<V>>, k: K, v: V) => {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  s.add(v);
};
const drop = <K, V>(m: Map<K, Set<V>>, k: K, v: V) => {
  const s = m.get(k);
  if (!s) return;
  s.delete(v);
  if (s.size === 0) m.delete(k);
};

/**
 * Everything matching derives candidates and openings from: interests, release requests and roles
 * (people container) and matches, kept by key so that one changed document can be applied and the
 * few candidates and openings it affects worked out again. A full load and a sequence of changes
 * go through the same derivation, so they give the same candidates and openings.
 *
 * A person in a match that is going ahead is "placed"; a role is "filled" once as many of its
 * matches are going ahead as it has openings. A role someone offers for an exchange is their home
 * role (if they offer several, the one with the lowest id).
 */
export class PoolState {
  private readonly interests = new Map<string, InterestDoc>();
  private readonly approvals = new Map<string, ApprovalDoc>();
  private readonly roles = new Map<string, RoleDoc>();
  private readonly rolesByOwner = new Map<string, Set<string>>();
  private readonly matches = new Map<string, Stored<Match>>();
  private readonly matchesByOpening = new Map<string, Set<string>>();
  private readonly matchesByCandidate = new Map<string, Set<string>>();
  /** Pairs with a match in any state: in play or turned down, never proposed again. */
  readonly excluded = new Set<string>();

  /** Apply one people document as now stored (undefined: gone). Returns what it affects. */
  putPeopleDoc(key: { id: string; pk: string }, doc: PoolDoc | undefined): Affected {
    const affected = new Affected();
    if (key.id === "interest") {
      if (doc?.type === "interest") this.interests.set(key.pk, doc as InterestDoc);
      else this.interests.delete(key.pk);
      affected.candidates.add(key.pk);
    } else if (key.id === "approval") {
      if (doc?.type === "approval") this.approvals.set(key.pk, doc as ApprovalDoc);
      else this.approvals.delete(key.pk);
      affected.candidates.add(key.pk);
    } else {
      const before = this.roles.get(key.id);
      if (before) drop(this.rolesByOwner, before.pk, key.id);
      if (doc?.type === "role") {
        this.roles.set(key.id, doc as RoleDoc);
        add(this.rolesByOwner, doc.pk, key.id);
      } else this.roles.delete(key.id);
      affected.openings.add(key.id);
      affected.candidates.add(key.pk);
      if (before) affected.candidates.add(before.pk);
    }
    return affected;
  }

  /** Apply one match as now stored (undefined: gone). */
  putMatch(id: string, m: Stored<Match> | undefined): Affected {
    const affected = new Affected();
    const before = this.matches.get(id);
    for (const x of [before, m]) {
      if (!x) continue;
      affected.candidates.add(x.candidate.key);
      affected.openings.add(x.opening.id);
      const owner = this.roles.get(x.opening.id)?.pk ?? x.opening.ownerKey;
      affected.candidates.add(owner);
    }
    if (before) {
      drop(this.matchesByOpening, before.opening.id, id);
      drop(this.matchesByCandidate, before.candidate.key, id);
      this.excluded.delete(pairKeyOf(before));
    }
    if (m) {
      this.matches.set(id, m);
      add(this.matchesByOpening, m.opening.id, id);
      add(this.matchesByCandidate, m.candidate.key, id);
      this.excluded.add(pairKeyOf(m));
    } else this.matches.delete(id);
    return affected;
  }

  private goingAhead(openingId: string): number {
    let n = 0;
    for (const id of this.matchesByOpening.get(openingId) ?? []) if (this.matches.get(id)?.status === "agreeing") n++;
    return n;
  }

  private filled(doc: RoleDoc): boolean {
    return this.goingAhead(doc.id) >= Math.max(1, doc.details.form.openings);
  }

  private placed(key: string): boolean {
    for (const id of this.matchesByCandidate.get(key) ?? []) if (this.matches.get(id)?.status === "agreeing") return true;
    return false;
  }

  private homeRole(owner: string): RoleDoc | undefined {
    let best: RoleDoc | undefined;
    for (const id of this.rolesByOwner.get(owner) ?? []) {
      const doc = this.roles.get(id)!;
      if (doc.status === "withdrawn" || this.filled(doc) || !doc.details.form.secondmentTypes.includes("exchange")) continue;
      if (!best || doc.id < best.id) best = doc;
    }
    return best;
  }

  candidate(key: string): Candidate | undefined {
    const doc = this.interests.get(key);
    if (!doc) return undefined;
    const home = this.homeRole(key);
    return {
      id: key,
      name: doc.details.fullName,
      details: doc.details,
      released: this.approvals.get(key)?.status === "approved",
      status: doc.status === "withdrawn" ? "withdrawn" : this.placed(key) ? "placed" : "available",
      ...(home ? { homeRole: { ...home.details.form, roleId: home.id } } : {}),
    };
  }

  opening(id: string): Opening | undefined {
    const doc = this.roles.get(id);
    if (!doc) return undefined;
    return { id: doc.id, ownerId: doc.pk, details: doc.details.form, status: doc.status === "withdrawn" ? "withdrawn" : this.filled(doc) ? "filled" : "open" };
  }

  role(id: string): RoleDoc | undefined {
    return this.roles.get(id);
  }

  matchesForOpening(openingId: string): Stored<Match>[] {
    return [...(this.matchesByOpening.get(openingId) ?? [])].map((id) => this.matches.get(id)!);
  }

  allMatches(): Stored<Match>[] {
    return [...this.matches.values()];
  }

  candidateKeys(): IterableIterator<string> {
    return this.interests.keys();
  }

  roleIds(): IterableIterator<string> {
    return this.roles.keys();
  }

  /** The whole pool, in the order documents were first put. */
  pool(): Pool {
    const candidates = [...this.interests.keys()].map((k) => this.candidate(k)!);
    const openings = [...this.roles.keys()].map((id) => this.opening(id)!);
    return { candidates, openings, roles: new Map(this.roles) };
  }
}

/** Candidates (person keys) and openings (role ids) a change affects. */
export class Affected {
  readonly candidates = new Set<string>();
  readonly openings = new Set<string>();

  merge(other: Affected): this {
    for (const c of other.candidates) this.candidates.add(c);
    for (const o of other.openings) this.openings.add(o);
    return this;
  }
}

const pairKeyOf = (m: Match) => `${m.opening.id}|${m.candidate.key}`;

/** Build the state from every pool document and every match. */
export function poolStateOf(docs: readonly PoolDoc[], matches: readonly Stored<Match>[]): PoolState {
  const state = new PoolState();
  for (const m of matches) state.putMatch(m.id ?? `${m.opening.id}|${m.candidate.key}`, m);
  for (const d of docs) state.putPeopleDoc(d, d);
  return state;
}

/**
 * Everyone and every role the matching engine may consider, read from the people container
 * (interests, release requests, roles), given the matches.
 */
export async function loadPool(people: Container, matches: readonly Match[]): Promise<Pool> {
  const { resources } = await people.items.query<PoolDoc>(POOL_QUERY).fetchAll();
  return poolStateOf(resources, matches.map((m, i) => ({ ...m, id: (m as Stored<Match>).id ?? `m${i}`, pk: (m as Stored<Match>).pk ?? `m${i}` }))).pool();
}
