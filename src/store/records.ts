import type { Container } from "@azure/cosmos";
import { randomUUID } from "node:crypto";
import { personKey, type PersonId } from "../domain/person";
import { submitDetails, withdraw, type FormRecord, type SaveOutcome, type WithdrawOutcome } from "../domain/records";
import type { ChangeLog } from "./changes";
import { readItem, updateItem, type Stored } from "./store";

export type RecordDoc<D> = FormRecord<D> & { type: string };

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
    });
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
    });
    await this.noted(id, owner, changed);
    return outcome!;
  }
}

/** A person has one expression of interest: it lives at a fixed id in their partition. */
export const INTEREST_ID = "interest";
export const newRoleId = (): string => `role-${randomUUID()}`;
export const isRoleId = (id: string): boolean => /^role-[0-9a-f-]{36}$/.test(id);
