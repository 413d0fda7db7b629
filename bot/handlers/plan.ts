import { VERBS, type ActionModel, type PlanModel, type StepModel } from "../../cards";
import { renderCard } from "../render-card";
import { overview, stepContent, stepStatus, STEP_COUNT, type SetStepStatus, type StepStatus } from "../../src/domain/plan";
import type { StepContent, StepNumber } from "../../src/domain/plan-content";
import { t } from "../../src/i18n";
import { card, type Caller, type Reply, type Services } from "./types";

const STATUS_COLOR: Record<StepStatus, "default" | "accent" | "good"> = { todo: "default", doing: "accent", done: "good" };

const bullets = (items: readonly string[]) => items.map((i) => `- ${i}`).join("\n");

/** The button that opens a step's form. */
const FORM_ACTIONS: Record<NonNullable<StepContent["form"]>["kind"], { key: string; verb: ActionModel["verb"] }> = {
  interest: { key: "step.form.interest", verb: VERBS.startInterest },
  "business-case": { key: "step.form.businessCase", verb: VERBS.openBusinessCase },
  secondment: { key: "step.form.secondment", verb: VERBS.mySecondment },
};

export async function showPlan(s: Services, caller: Caller, notice?: string): Promise<Reply> {
  const lang = caller.lang;
  const plan = await s.plans.get(caller.person, s.now());
  const o = overview(plan, lang);
  const nextStatus = o.next ? stepStatus(plan, o.next.step) : undefined;
  const model: PlanModel = {
    progressText: t(lang, "plan.progress", { done: o.done, total: o.total }),
    rows: o.steps.map(({ content, status }) => ({
      step: content.step,
      title: content.title,
      summary: content.summary,
      statusLabel: t(lang, `plan.status.${status}`),
      statusColor: STATUS_COLOR[status],
      stepLabel: t(lang, "plan.rowStep", { step: content.step }),
      openLabel: t(lang, "plan.openStep", { step: content.step, title: content.title, status: t(lang, `plan.status.${status}`) }),
    })),
    allDone: o.done === o.total,
    ...(o.next
      ? { next: { step: o.next.step, label: t(lang, nextStatus === "doing" ? "plan.next.continue" : "plan.next.start", { step: o.next.step }) } }
      : {}),
    ...(notice ? { notice } : {}),
  };
  return card(renderCard("plan", model, lang));
}

export async function openStep(s: Services, caller: Caller, step: StepNumber): Promise<Reply> {
  const lang = caller.lang;
  const plan = await s.plans.get(caller.person, s.now());
  const content = stepContent(step, lang);
  const status = stepStatus(plan, step);
  const model: StepModel = {
    step,
    heading: t(lang, "step.heading", { step, total: STEP_COUNT }),
    title: content.title,
    statusLabel: t(lang, `plan.status.${status}`),
    statusColor: STATUS_COLOR[status],
    guidance: content.guidance.map((g) => ({ text: g })),
    lists: (content.lists ?? []).map((l) => ({ heading: l.heading, items: bullets(l.items) })),
    statusActions: (["doing", "done", "todo"] as const)
      .filter((st) => st !== status)
      .map((st) => ({ status: st, title: t(lang, `plan.mark.${st}`) })),
    ...(content.checklist.length ? { checklist: bullets(content.checklist) } : {}),
    ...(content.comingNext ? { comingNext: content.comingNext } : {}),
    ...(content.form
      ? { form: { prompt: content.form.prompt, action: { title: t(lang, FORM_ACTIONS[content.form.kind].key), verb: FORM_ACTIONS[content.form.kind].verb, data: {} } } }
      : {}),
    ...(step < STEP_COUNT ? { nextStep: step + 1 } : {}),
  };
  return card(renderCard("plan-step", model, lang));
}

export async function setStatus(s: Services, caller: Caller, command: SetStepStatus): Promise<Reply> {
  const change = await s.plans.setStepStatus(caller.person, command, s.now());
  const notice = t(caller.lang, change.kind === "changed" ? "plan.notice.changed" : "plan.notice.already", { step: command.step, status: command.status });
  return showPlan(s, caller, notice);
}

