/**
 * View models: the plain data each card template is filled from. Cards know nothing of the
 * domain; bot/ maps domain results onto these.
 */
export interface TextItem {
  text: string;
}

export interface WelcomeModel {
  /** A short line shown above the welcome, e.g. after an out-of-date button was pressed. */
  notice?: string;
  programmeEmail: string;
}

export type ChannelWelcomeModel = Record<string, never>;

export interface PlanRow {
  step: number;
  title: string;
  summary: string;
  statusLabel: string;
  statusColor: "default" | "accent" | "good";
}

export interface PlanModel {
  notice?: string;
  progressText: string;
  rows: PlanRow[];
  /** The step the "continue" button opens; absent when every step is done. */
  next?: { step: number; label: string };
  allDone: boolean;
}

export interface StepModel {
  step: number;
  heading: string;
  title: string;
  statusLabel: string;
  statusColor: "default" | "accent" | "good";
  guidance: TextItem[];
  checklist?: string;
  lists: { heading: string; items: string }[];
  comingNext?: string;
  /** Status buttons to offer: each is a status value and its label. */
  statusActions: { status: string; title: string }[];
  nextStep?: number;
}

export interface FaqAnswerModel {
  topic: string;
  paragraphs: TextItem[];
  related: { id: string; topic: string }[];
  programmeEmail: string;
}

export interface FaqNoMatchModel {
  question: string;
  closest: { id: string; topic: string }[];
  programmeEmail: string;
}

export interface FaqPromptModel {
  error?: string;
  question?: string;
  maxLength: number;
}

export interface ComingSoonModel {
  title: string;
  paragraphs: TextItem[];
  programmeEmail: string;
}

export interface ErrorModel {
  reference: string;
  programmeEmail: string;
}

export interface CardModels {
  welcome: WelcomeModel;
  "channel-welcome": ChannelWelcomeModel;
  plan: PlanModel;
  "plan-step": StepModel;
  "faq-answer": FaqAnswerModel;
  "faq-no-match": FaqNoMatchModel;
  "faq-prompt": FaqPromptModel;
  "coming-soon": ComingSoonModel;
  error: ErrorModel;
}
export type CardName = keyof CardModels;
