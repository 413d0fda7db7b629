import type { Container } from "@azure/cosmos";
import { personKey, type PersonId } from "../domain/person";
import { newPlan, setStepStatus, type PlanChange, type PlanProgress, type SetStepStatus } from "../domain/plan";
import { readItem, updateItem } from "./store";

const PLAN_ID = "plan";

/** Plan progress, one document per person in the `people` container (id "plan", pk = person key). */
export class PlanRepository {
  constructor(private readonly container: Container) {}

  /** The person's plan; a fresh, unsaved plan if they have never changed a step. */
  async get(person: PersonId, now: Date): Promise<PlanProgress> {
    return (await readItem<PlanProgress>(this.container, PLAN_ID, personKey(person))) ?? newPlan(now);
  }

  /** Apply a step change with an etag guard; concurrent changes are re-applied on fresh data. */
  async setStepStatus(person: PersonId, command: SetStepStatus, now: Date): Promise<PlanChange> {
    let outcome: PlanChange | undefined;
    await updateItem<PlanProgress>(this.container, PLAN_ID, personKey(person), (current) => {
      outcome = setStepStatus(current ?? newPlan(now), command, now);
      return outcome.kind === "changed" ? outcome.plan : undefined;
    });
    return outcome!;
  }
}
