import type { Container } from "@azure/cosmos";
import type { Secondment } from "../domain/secondment";
import { allPages } from "./paged";
import { cosmosCode, readItem, updateWithResult, type Stored } from "./store";

/** The status of each match's secondment, by the match's id (keys and statuses only: what a match's stage reads, src/domain/stage.ts). */
export async function secondmentStatusByMatch(secondments: Container): Promise<Map<string, string>> {
  const rows = await allPages<{ matchId?: unknown; status?: unknown }>(secondments, "SELECT c.matchId, c.status FROM c WHERE c.type = 'secondment'", 5000);
  return new Map(rows.flatMap((r) => (typeof r.matchId === "string" && typeof r.status === "string" ? [[r.matchId, r.status] as const] : [])));
}

/** Secondments, one document each (pk = secondment id, derived from the match). */
export class SecondmentStore {
  constructor(private readonly container: Container) {}

  /** Create it if it is not there yet; either way, return what is stored. */
  async createOrGet(s: Secondment): Promise<Stored<Secondment>> {
    try {
      const { resource } = await this.container.items.create<Stored<Secondment>>({ ...s, pk: s.id });
      return resource!;
    } catch (err) {
      if (cosmosCode(err) !== 409) throw err;
      const existing = await this.get(s.id);
      if (!existing) throw err;
      return existing;
    }
  }

  get(id: string): Promise<Stored<Secondment> | undefined> {
    return readItem<Secondment>(this.container, id, id);
  }

  /**
   * Change a secondment with a pure function of its current state, guarded by its etag: racing
   * clicks and instances each apply their change to fresh data, and exactly one wins each step.
   */
  update<R>(id: string, change: (current: Secondment | undefined) => { next: Secondment | undefined; result: R }): Promise<R> {
    return updateWithResult<Secondment, R>(this.container, id, id, change);
  }

  /** Every secondment a person is part of (as secondee, home line manager or host), newest first. */
  async involving(personKey: string): Promise<Stored<Secondment>[]> {
    const { resources } = await this.container.items
      .query<Stored<Secondment>>({
        query: "SELECT * FROM c WHERE c.type = 'secondment' AND ARRAY_CONTAINS(c.partyKeys, @k)",
        parameters: [{ name: "@k", value: personKey.toLowerCase() }],
      })
      .fetchAll();
    return resources.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** The status of each match's secondment, by the match's id (what a match's stage reads: src/domain/stage.ts). */
  statusByMatch(): Promise<Map<string, string>> {
    return secondmentStatusByMatch(this.container);
  }

  async all(): Promise<Stored<Secondment>[]> {
    const { resources } = await this.container.items.query<Stored<Secondment>>("SELECT * FROM c WHERE c.type = 'secondment'").fetchAll();
    return resources;
  }
}
