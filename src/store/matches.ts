import type { Container } from "@azure/cosmos";
import type { Match } from "../domain/match";
import type { AuditAction } from "./audit";
import type { ChangeLog } from "./changes";
import { cosmosCode, readItem, updateWithResult, type Stored } from "./store";

/**
 * An audit entry a match write owes: written into the match document in the same write as the
 * change it records, then copied to the audit trail (bot/handlers/match-follow-up.ts). Its words
 * (who it is about, the role) are taken from the match when it is copied, so an erasure that
 * scrubs the match scrubs them too. The fixed id makes copying it twice harmless.
 */
export interface OwedAudit {
  id: string;
  at: string;
  who: { aadObjectId: string; name?: string };
  action: AuditAction;
  detail?: string;
}

/** What is still to do after a match was written: kept in the match document until it is done. */
export interface MatchFollowUps {
  audit: OwedAudit[];
  /** Tell the role's channel and the person (the outbox ids are fixed, so telling twice is harmless). */
  notify?: { serviceUrl: string; channelTenantId: string };
}

export type MatchDoc = Match & { owed?: MatchFollowUps };

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

  /**
   * Write a new match; "exists" if the pair has one. `owed`: what is still to do after it, written
   * in the same write. With something owed, a failed change marker does not fail the write: the
   * write that later clears what is owed notes the change again.
   */
  async create(id: string, match: Match, owed?: MatchFollowUps): Promise<"created" | "exists"> {
    try {
      await this.container.items.create({ ...match, ...(owed ? { owed } : {}), id, pk: id });
    } catch (err) {
      if (cosmosCode(err) === 409) return "exists";
      throw err;
    }
    try {
      await this.noted(id);
    } catch (err) {
      if (!owed) throw err;
    }
    return "created";
  }

  get(id: string): Promise<Stored<MatchDoc> | undefined> {
    return readItem<MatchDoc>(this.container, id, id);
  }

  /** Clear what `id` owed, once done (etag-guarded; a no-op if it owes nothing). */
  async settled(id: string): Promise<void> {
    await this.update(id, (current) => {
      const doc = current as MatchDoc | undefined;
      if (!doc?.owed) return { next: undefined, result: undefined };
      const { owed: _done, ...rest } = doc;
      return { next: rest, result: undefined };
    });
  }

  /** Matches that still owe something (a safety net for follow-ups whose own job gave up), at most `limit`. */
  async owing(limit: number): Promise<string[]> {
    const top = Math.max(1, Math.min(100, Math.floor(limit)));
    const { resources } = await this.container.items.query<{ id: string }>(`SELECT TOP ${top} c.id FROM c WHERE c.type = 'match' AND IS_DEFINED(c.owed)`).fetchAll();
    return resources.map((r) => r.id);
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
