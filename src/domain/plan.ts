import { z } from "zod";
import type { Lang } from "../i18n";
import { PLAN_STEPS, planSteps, type StepContent, type StepNumber } from "./plan-content";

/**
 * A person's progress through the 7-step plan. Pure data and pure transitions: the repository
 * stores what these functions return.
 */
export const STEP_STATUSES = ["todo", "doing", "done"] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];
export const STEP_COUNT = PLAN_STEPS.length;

/** Messages are catalogue keys ("menu.problem.*"): the router shows them in the caller's language. */
export const StepNumberSchema = z.coerce
  .number({ message: "menu.problem.number" })
  .int("menu.problem.whole")
  .min(1, "menu.problem.step")
  .max(STEP_COUNT, "menu.problem.step")
  .transform((n) => n as StepNumber);

export const SetStepStatusSchema = z.object({
  step: StepNumberSchema,
  status: z.enum(STEP_STATUSES, { message: "menu.problem.stepStatus" }),
});
export type SetStepStatus = z.infer<typeof SetStepStatusSchema>;

export interface StepProgress {
  status: StepStatus;
  /** ISO time of the last change; absent for a step never touched. */
  changedAt?: string;
}

export interface PlanProgress {
  type: "plan";
  /** Keyed by step number as a string, "1" to "7". */
  steps: Record<string, StepProgress>;
  createdAt: string;
  updatedAt: string;
}

export function newPlan(now: Date): PlanProgress {
  const steps: Record<string, StepProgress> = {};
  for (const s of PLAN_STEPS) steps[String(s.step)] = { status: "todo" };
  return { type: "plan", steps, createdAt: now.toISOString(), updatedAt: now.toISOString() };
}

export function stepStatus(plan: PlanProgress, step: StepNumber): StepStatus {
  return plan.steps[String(step)]?.status ?? "todo";
}

export type PlanChange = { kind: "changed"; plan: PlanProgress } | { kind: "unchanged"; plan: PlanProgress };

/** Set one step's status. Setting the status it already has is not an error, just no change. */
export function setStepStatus(plan: PlanProgress, command: SetStepStatus, now: Date): PlanChange {
  if (stepStatus(plan, command.step) === command.status) return { kind: "unchanged", plan };
  const at = now.toISOString();
  return {
    kind: "changed",
    plan: {
      ...plan,
      steps: { ...plan.steps, [String(command.step)]: { status: command.status, changedAt: at } },
      updatedAt: at,
    },
  };
}

export interface PlanOverview {
  done: number;
  total: number;
  steps: { content: StepContent; status: StepStatus }[];
  /** The step to carry on with: the first one in progress, else the first one to do. */
  next: StepContent | undefined;
}

export function overview(plan: PlanProgress, lang?: Lang): PlanOverview {
  const steps = planSteps(lang).map((content) => ({ content, status: stepStatus(plan, content.step) }));
  const next = steps.find((s) => s.status === "doing") ?? steps.find((s) => s.status === "todo");
  return { done: steps.filter((s) => s.status === "done").length, total: steps.length, steps, next: next?.content };
}

export function stepContent(step: StepNumber, lang?: Lang): StepContent {
  return planSteps(lang)[step - 1]!;
}
