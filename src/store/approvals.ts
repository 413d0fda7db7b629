import type { Container } from "@azure/cosmos";
import type { Approval } from "../domain/approval";
import type { ChangeLog } from "./changes";
import { readItem, updateWithResult, type Stored } from "./store";

const APPROVAL_ID = "approval";

/** The current release request of one person, in their partition (id "approval", pk = person key). */
export class ApprovalStore {
  /** `changes`: where to note each write for matching (a release decides who can be matched). */
  constructor(
    private readonly container: Container,
    private readonly changes?: ChangeLog,
  ) {}

  get(secondeeKey: string): Promise<Stored<Approval> | undefined> {
    return readItem<Approval>(this.container, APPROVAL_ID, secondeeKey);
  }

  /**
   * Change the request with a pure function of its current state, guarded by its etag: of many
   * racing changes each is applied to fresh data, so two clicks make exactly one decision.
   * Returns what the function returned for the state that was finally written (or kept).
   */
  update<R>(secondeeKey: string, change: (current: Approval | undefined) => { next: Approval | undefined; result: R }): Promise<R> {
    return updateWithResult<Approval, R>(this.container, APPROVAL_ID, secondeeKey, change, undefined, () =>
      this.changes ? this.changes.note({ container: "people", id: APPROVAL_ID, pk: secondeeKey }) : Promise.resolve(),
    );
  }

  /** Find a request by its id (used when the outbox reports the manager cannot be reached). */
  async findByRequestId(requestId: string): Promise<Stored<Approval> | undefined> {
    const { resources } = await this.container.items
      .query<Stored<Approval>>({
        query: "SELECT * FROM c WHERE c.type = 'approval' AND c.requestId = @id",
        parameters: [{ name: "@id", value: requestId }],
      })
      .fetchAll();
    return resources[0];
  }

  /** Requests waiting for this line manager's answer (for the tab's "waiting for you" list). */
  async waitingFor(tenantId: string, managerAadObjectId: string): Promise<Stored<Approval>[]> {
    const { resources } = await this.container.items
      .query<Stored<Approval>>({
        query: "SELECT * FROM c WHERE c.type = 'approval' AND c.status = 'pending' AND c.manager.aadObjectId = @m AND c.secondee.tenantId = @t",
        parameters: [
          { name: "@m", value: managerAadObjectId },
          { name: "@t", value: tenantId },
        ],
      })
      .fetchAll();
    return resources.sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
  }
}
