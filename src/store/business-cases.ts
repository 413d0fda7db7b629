import type { Container } from "@azure/cosmos";
import {
  BUSINESS_CASE_ID,
  BUSINESS_CASE_TYPE,
  saveDraft,
  shareCase,
  shareUndelivered,
  type BusinessCaseAnswers,
  type BusinessCaseOutcome,
  type BusinessCaseRecord,
  type DraftOutcome,
  type ManagerRef,
  type ShareOutcome,
} from "../domain/business-case";
import { personKey, type PersonId } from "../domain/person";
import { readItem, updateItem, type Stored } from "./store";

/**
 * A person's business case (plan step 4): one document in their partition of `people`
 * (id "business-case", pk = person key), written only through the pure transitions in
 * domain/business-case.ts, each write guarded by the etag it read.
 */
export class BusinessCaseStore {
  constructor(private readonly container: Container) {}

  async get(owner: PersonId): Promise<Stored<BusinessCaseRecord> | undefined> {
    const doc = await readItem<BusinessCaseRecord>(this.container, BUSINESS_CASE_ID, personKey(owner));
    return doc?.type === BUSINESS_CASE_TYPE ? doc : undefined;
  }

  saveDraft(owner: PersonId & { name?: string }, fields: BusinessCaseAnswers, expectedVersion: number | undefined, now: Date): Promise<DraftOutcome> {
    return this.change(owner, (current) => saveDraft(current, { owner, fields, expectedVersion, now }));
  }

  share(
    owner: PersonId & { name?: string },
    fields: BusinessCaseAnswers,
    manager: ManagerRef,
    expectedVersion: number | undefined,
    now: Date,
  ): Promise<ShareOutcome> {
    return this.change(owner, (current) => shareCase(current, { owner, fields, manager, expectedVersion, now }));
  }

  /** The card for `version` did not reach the manager: make it a draft again. Gives the record as it now stands. */
  async undelivered(owner: PersonId, version: number): Promise<BusinessCaseRecord | undefined> {
    const { doc } = await updateItem<BusinessCaseRecord>(this.container, BUSINESS_CASE_ID, personKey(owner), (current) =>
      shareUndelivered(current?.type === BUSINESS_CASE_TYPE ? current : undefined, version),
    );
    return doc?.type === BUSINESS_CASE_TYPE ? doc : undefined;
  }

  /** Business cases last shared with this manager (a cross-partition query: a manager has few). */
  async sharedWith(managerAadObjectId: string): Promise<Stored<BusinessCaseRecord>[]> {
    const { resources } = await this.container.items
      .query<Stored<BusinessCaseRecord>>({
        query: "SELECT * FROM c WHERE c.type = @type AND c.sharedWith.aadObjectId = @manager",
        parameters: [
          { name: "@type", value: BUSINESS_CASE_TYPE },
          { name: "@manager", value: managerAadObjectId },
        ],
      })
      .fetchAll();
    return resources;
  }

  private async change<O extends BusinessCaseOutcome>(owner: PersonId, transition: (current: BusinessCaseRecord | undefined) => O): Promise<O> {
    let outcome: O | undefined;
    await updateItem<BusinessCaseRecord>(this.container, BUSINESS_CASE_ID, personKey(owner), (current) => {
      outcome = transition(current?.type === BUSINESS_CASE_TYPE ? current : undefined);
      return outcome.kind === "saved" || outcome.kind === "shared" ? outcome.record : undefined;
    });
    return outcome!;
  }
}
