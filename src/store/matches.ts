import type { Container } from "@azure/cosmos";
import type { Match } from "../domain/match";
import type { ChangeLog } from "./changes";
import { cosmosCode, readItem, updateWithResult, type Stored } from "./store";

/** Matches, one document each (pk = match id, derived from the pair, so a pair has one document). */
export class MatchStore {
  /** `changes`: where to note each write for matching. */
  constructor(
    private readonly container: Container,
    private readonly changes?: ChangeLog,
  ) {}

  private noted(id: string): Promise<void> {
    return this.changes ? this.changes.note({ container: "matches", id, pk: id }) : Promise.resolve();
  }

  async create(id: string, match: Match): Promise<"created" | "exists"> {
    try {
      await this.container.items.create({ ...match, id, pk: id });
      await this.noted(id);
      return "created";
    } catch (err) {
      if (cosmosCode(err) === 409) return "exists";
      throw err;
    }
  }

  get(id: string): Promise<Stored<Match> | undefined> {
    return readItem<Match>(this.container, id, id);
  }

  /** Change a match with a pure function of its current state, guarded by its etag. */
  update<R>(id: string, change: (current: Match | undefined) => { next: Match | undefined; result: R }): Promise<R> {
    return updateWithResult<Match, R>(this.container, id, id, change, undefined, () => this.noted(id));
  }

  async all(): Promise<Stored<Match>[]> {
    const { resources } = await this.container.items.query<Stored<Match>>("SELECT * FROM c WHERE c.type = 'match'").fetchAll();
    return resources;
  }

  /** Matches a person is part of, as the candidate or as the role's vacancy holder. */
  async involving(personKey: string): Promise<Stored<Match>[]> {
    const { resources } = await this.container.items
      .query<Stored<Match>>({
        query: "SELECT * FROM c WHERE c.type = 'match' AND (c.candidate.key = @k OR c.opening.ownerKey = @k)",
        parameters: [{ name: "@k", value: personKey }],
      })
      .fetchAll();
    return resources;
  }
}
