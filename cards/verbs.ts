/**
 * Card verbs: the names of every button a card can carry. Templates read them through
 * `${$root.verbs.<name>}` (render() supplies them), and handlers register against the same
 * constants, so a verb is never typed twice.
 */
export const VERBS = {
  showMenu: "menu.show",
  showPlan: "plan.show",
  openStep: "plan.step.open",
  setStepStatus: "plan.step.setStatus",
  startInterest: "interest.start",
  startRole: "role.start",
  askPrompt: "faq.prompt",
  askQuestion: "faq.ask",
  openTopic: "faq.topic",
} as const;

export type VerbName = keyof typeof VERBS;
export type Verb = (typeof VERBS)[VerbName];
export const ALL_VERBS: readonly Verb[] = Object.values(VERBS);
