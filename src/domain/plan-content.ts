/**
 * Guidance for the 7-step plan for organising a secondment.
 *
 * The facts come from shared/reference/seven-step-plan.txt, with a few from
 * programme-faq.txt where they help. The words live in the message catalogues
 * (src/i18n/locales, keys "planStep.<n>.…"), in plain British English following
 * GOV.UK style and in Welsh; this file holds only the shape of each step.
 *
 * Each step is shown on one Adaptive Card, so keep it short: every paragraph
 * under 400 characters and the whole step under 2,500 characters (the tests
 * check this). Checklist items follow a "You could:" lead-in, so they start
 * in lower case and have no full stop.
 */

import { DEFAULT_LANG, t, type Lang } from "../i18n";

export type StepNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface StepContent {
  step: StepNumber;
  /** Short title, such as "Choose the skills you want to build". */
  title: string;
  /** One sentence shown on the plan overview. */
  summary: string;
  /** Paragraphs shown when the step is opened. */
  guidance: string[];
  /** 2 to 5 short action points that follow "You could:". */
  checklist: string[];
  /** Lists shown under the guidance, each with a heading. */
  lists?: { heading: string; items: string[] }[];
  /** What the app will offer for this step in a later release. No dates. */
  comingNext?: string;
  /** A form in the app that does this step, with one sentence inviting the person to use it. */
  form?: { kind: "interest" | "business-case" | "secondment"; prompt: string };
}

/** How each step is made up: how many paragraphs, checklist items and list items the catalogue holds. */
interface StepShape {
  step: StepNumber;
  guidance: number;
  checklist: number;
  /** Item counts of each list under the guidance. */
  lists?: number[];
  form?: NonNullable<StepContent["form"]>["kind"];
  comingNext?: boolean;
}

const SHAPES: readonly StepShape[] = [
  { step: 1, guidance: 3, checklist: 3, form: "interest" },
  { step: 2, guidance: 4, checklist: 3 },
  // List 1: kinds of organisation that might host; list 2: organisations in Wales.
  { step: 3, guidance: 3, checklist: 3, lists: [14, 5], form: "interest" },
  { step: 4, guidance: 3, checklist: 3, lists: [5], form: "business-case" },
  { step: 5, guidance: 4, checklist: 4, form: "secondment" },
  { step: 6, guidance: 5, checklist: 3, form: "secondment" },
  { step: 7, guidance: 4, checklist: 4, form: "secondment" },
];

const count = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

function build(lang: Lang, shape: StepShape): StepContent {
  const n = shape.step;
  const m = (key: string) => t(lang, `planStep.${n}.${key}`);
  const content: StepContent = {
    step: n,
    title: m("title"),
    summary: m("summary"),
    guidance: count(shape.guidance).map((i) => m(`guidance.${i}`)),
    checklist: count(shape.checklist).map((i) => m(`checklist.${i}`)),
  };
  if (shape.lists) {
    content.lists = shape.lists.map((items, j) => ({
      heading: m(`list${j + 1}.heading`),
      items: count(items).map((i) => m(`list${j + 1}.item.${i}`)),
    }));
  }
  if (shape.comingNext) content.comingNext = m("comingNext");
  if (shape.form) content.form = { kind: shape.form, prompt: m("formPrompt") };
  return content;
}

const BY_LANG = new Map<Lang, readonly StepContent[]>();

/** The 7 steps in `lang`, in order (built once per language from the catalogue). */
export function planSteps(lang: Lang = DEFAULT_LANG): readonly StepContent[] {
  let steps = BY_LANG.get(lang);
  if (!steps) BY_LANG.set(lang, (steps = SHAPES.map((shape) => build(lang, shape))));
  return steps;
}

/** The 7 steps in English. */
export const PLAN_STEPS: readonly StepContent[] = planSteps(DEFAULT_LANG);

/** Kinds of organisation that might offer a suitable secondment (step 3's first list), in English. */
export const HOST_ORGANISATION_KINDS: readonly string[] = PLAN_STEPS[2]!.lists![0]!.items;

/** Organisations in Wales that might offer a suitable secondment (step 3's second list), in English. */
export const WALES_HOST_ORGANISATIONS: readonly string[] = PLAN_STEPS[2]!.lists![1]!.items;
