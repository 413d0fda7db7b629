import type { Container } from "@azure/cosmos";
import { randomUUID } from "node:crypto";
import { personKey, type PersonId } from "../domain/person";
import { submitDetails, withdraw, type FormRecord, type SaveOutcome, type WithdrawOutcome } from "../domain/records";
import type { ChangeLog } from "./changes";
import { readItem, updateItem, type Stored } from "./store";

export type RecordDoc<D> = FormRecord<D> & { type: string };

/** The type of the documents that keep earlier versions of a form record. */
export const VERSION_TYPE = "record-version";

/**
 * One earlier version of a form record, kept in the same person's partition (so it is exported and
 * erased with them, and deleted by the retention job: src/privacy/retention.ts). Not read by
 * matching or the pool: they select their own types.
 */
export type RecordVersionDoc<D> = FormRecord<D> & {
  type: typeof VERSION_TYPE;
  /** The record this was a version of (e.g. "interest", or a role's id) and its type. */
  of: string;
  recordType: string;
  /** When a newer version replaced it. */
  supersededAt: string;
};

export const versionId = (recordId: string, version: number): string => `${recordId}~v${version}`;

/** The stored version of a record as a version document (system fields and the record's id left out). */
export function versionOf<D>(current: Stored<RecordDoc<D>>, now: Date): RecordVersionDoc<D> & { id: string; pk: string } {
  const { id, pk, type, _etag: _e, _ts: _t, _rid: _r, _self: _s, _attachments: _a, ...record } = current as Stored<RecordDoc<D>> & Record<string, unknown>;
  return { ...(record as unknown as FormRecord<D>), id: versionId(id, current.version), pk, type: VERSION_TYPE, of: id, recordType: type, supersededAt: now.toISOString() };
}

/**
 * Form records (interests, roles) kept in one person's partition (pk = person key), written only
 * through the pure transitions in domain/records.ts, each write guarded by the etag it read.
 */
export class FormRecordStore<D> {
  constructor(
    private readonly container: Container,
    private readonly type: string,
    /** Where to note each write for matching. */
    private readonly changes?: ChangeLog,
  ) {}

  /**
   * Keep the version about to be replaced, before the replace: the copy is the same whichever
   * attempt writes it, so retries and a stop between the two writes keep at worst a copy of the
   * version still current (versionsOf leaves those out).
   */
  private readonly keepVersion = (now: Date) => async (current: Stored<RecordDoc<D>>): Promise<void> => {
    if (current.type !== this.type) return;
    await this.container.items.upsert(versionOf(current, now));
  };

  /** Earlier versions of one record, oldest first (never the current one). */
  async versionsOf(owner: PersonId, id: string): Promise<Stored<RecordVersionDoc<D>>[]> {
    const current = await this.get(owner, id);
    const { resources } = await this.container.items
      .query<Stored<RecordVersionDoc<D>>>({
        query: "SELECT * FROM c WHERE c.pk = @pk AND c.type = @type AND c.of = @of",
        parameters: [
          { name: "@pk", value: personKey(owner) },
          { name: "@type", value: VERSION_TYPE },
          { name: "@of", value: id },
        ],
      })
      .fetchAll();
    return resources.filter((v) => !current || v.version < current.version).sort((a, b) => a.version - b.version);
  }

  private async noted(id: string, owner: PersonId, changed: boolean): Promise<void> {
    if (changed) await this.changes?.note({ container: "people", id, pk: personKey(owner) });
  }

  async get(owner: PersonId, id: string): Promise<Stored<RecordDoc<D>> | undefined> {
    const doc = await readItem<RecordDoc<D>>(this.container, id, personKey(owner));
    return doc?.type === this.type ? doc : undefined;
  }

  /** Every record of this type that the person owns, oldest first. */
  async list(owner: PersonId): Promise<Stored<RecordDoc<D>>[]> {
    const { resources } = await this.container.items
      .query<Stored<RecordDoc<D>>>({
        query: "SELECT * FROM c WHERE c.pk = @pk AND c.type = @type ORDER BY c.createdAt",
        parameters: [
          { name: "@pk", value: personKey(owner) },
          { name: "@type", value: this.type },
        ],
      })
      .fetchAll();
    return resources;
  }

  async submit(
    owner: PersonId & { name?: string },
    id: string,
    details: D,
    expectedVersion: number | undefined,
    now: Date,
  ): Promise<SaveOutcome<D>> {
    let outcome: SaveOutcome<D> | undefined;
    const { changed } = await updateItem<RecordDoc<D>>(this.container, id, personKey(owner), (current) => {
      outcome = submitDetails(current, details, owner, expectedVersion, now);
      return outcome.kind === "saved" ? { ...outcome.record, type: this.type } : undefined;
    }, 5, this.keepVersion(now));
    await this.noted(id, owner, changed);
    return outcome!;
  }

  async withdraw(owner: PersonId, id: string, expectedVersion: number | undefined, now: Date): Promise<WithdrawOutcome<D> | { kind: "missing" }> {
    let outcome: WithdrawOutcome<D> | { kind: "missing" } | undefined;
    const { changed } = await updateItem<RecordDoc<D>>(this.container, id, personKey(owner), (current) => {
      if (!current || current.type !== this.type) {
        outcome = { kind: "missing" };
        return undefined;
      }
      outcome = withdraw(current, expectedVersion, now);
      return outcome.kind === "withdrawn" ? { ...outcome.record, type: this.type } : undefined;
    }, 5, this.keepVersion(now));
    await this.noted(id, owner, changed);
    return outcome!;
  }
}

/** A person has one expression of interest: it lives at a fixed id in their partition. */
export const INTEREST_ID = "interest";
export const newRoleId = (): string => `role-${randomUUID()}`;
export const isRoleId = (id: string): boolean => /^role-[0-9a-f-]{36}$/.test(id);
