import { renderCard, VERBS, type ActionModel, type PlanModel, type StepModel } from "../../cards";
import { overview, stepContent, stepStatus, STEP_COUNT, type SetStepStatus, type StepStatus } from "../../src/domain/plan";
import type { StepContent, StepNumber } from "../../src/domain/plan-content";
import { card, type Caller, type Reply, type Services } from "./types";

const STATUS_VIEW: Record<StepStatus, { label: string; color: "default" | "accent" | "good"; action: string; done: string }> = {
  todo: { label: "To do", color: "default", action: "Mark as to do", done: "marked as to do" },
  doing: { label: "In progress", color: "accent", action: "Mark as in progress", done: "marked as in progress" },
  done: { label: "Done", color: "good", action: "Mark as done", done: "marked as done" },
};

const bullets = (items: readonly string[]) => items.map((i) => `- ${i}`).join("\n");

/** The button that opens a step's form. */
const FORM_ACTIONS: Record<NonNullable<StepContent["form"]>["kind"], ActionModel> = {
  interest: { title: "Express interest", verb: VERBS.startInterest, data: {} },
  "business-case": { title: "Write my business case", verb: VERBS.openBusinessCase, data: {} },
  secondment: { title: "My secondment", verb: VERBS.mySecondment, data: {} },
};

export async function showPlan(s: Services, caller: Caller, notice?: string): Promise<Reply> {
  const plan = await s.plans.get(caller.person, s.now());
  const o = overview(plan);
  const nextStatus = o.next ? stepStatus(plan, o.next.step) : undefined;
  const model: PlanModel = {
    progressText: `${o.done} of ${o.total} steps done`,
    rows: o.steps.map(({ content, status }) => ({
      step: content.step,
      title: content.title,
      summary: content.summary,
      statusLabel: STATUS_VIEW[status].label,
      statusColor: STATUS_VIEW[status].color,
    })),
    allDone: o.done === o.total,
    ...(o.next
      ? { next: { step: o.next.step, label: `${nextStatus === "doing" ? "Continue with" : "Start"} step ${o.next.step}` } }
      : {}),
    ...(notice ? { notice } : {}),
  };
  return card(renderCard("plan", model));
}

export async function openStep(s: Services, caller: Caller, step: StepNumber): Promise<Reply> {
  const plan = await s.plans.get(caller.person, s.now());
  const content = stepContent(step);
  const status = stepStatus(plan, step);
  const model: StepModel = {
    step,
    heading: `Step ${step} of ${STEP_COUNT}`,
    title: content.title,
    statusLabel: STATUS_VIEW[status].label,
    statusColor: STATUS_VIEW[status].color,
    guidance: content.guidance.map((t) => ({ text: t })),
    lists: (content.lists ?? []).map((l) => ({ heading: l.heading, items: bullets(l.items) })),
    statusActions: (["doing", "done", "todo"] as const)
      .filter((st) => st !== status)
      .map((st) => ({ status: st, title: STATUS_VIEW[st].action })),
    ...(content.checklist.length ? { checklist: bullets(content.checklist) } : {}),
    ...(content.comingNext ? { comingNext: content.comingNext } : {}),
    ...(content.form ? { form: { prompt: content.form.prompt, action: FORM_ACTIONS[content.form.kind] } } : {}),
    ...(step < STEP_COUNT ? { nextStep: step + 1 } : {}),
  };
  return card(renderCard("plan-step", model));
}

export async function setStatus(s: Services, caller: Caller, command: SetStepStatus): Promise<Reply> {
  const change = await s.plans.setStepStatus(caller.person, command, s.now());
  const view = STATUS_VIEW[command.status];
  const notice =
    change.kind === "changed"
      ? `Step ${command.step} ${view.done}.`
      : `Step ${command.step} was already ${view.label.toLowerCase()}.`;
  return showPlan(s, caller, notice);
}

