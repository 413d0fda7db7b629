/**
 * View models: the plain data each card template is filled from. Cards know nothing of the
 * domain; bot/ maps domain results onto these.
 */
export interface TextItem {
  text: string;
  /** "None" when the paragraph carries on the list that ends the one above it (see answerParagraphs in bot/handlers/faq.ts). */
  spacing?: "None";
}

export interface WelcomeModel {
  /** A short line shown above the welcome, e.g. after an out-of-date button was pressed. */
  notice?: string;
  programmeEmail: string;
  /** Shows the pipeline button (programme-team members only). */
  programmeTeam?: boolean;
  /** The language the "Cymraeg / English" button switches to. */
  switchTo: "en-GB" | "cy";
}

/** What the bot does in a team channel, in the channel's language, with the switch to the other language. */
export interface ChannelWelcomeModel {
  /** What just happened, e.g. "This channel will now get its cards in Welsh." */
  notice?: string;
  /** Why the last press did nothing, e.g. only the vacancy holder may switch the language. */
  warning?: string;
  /** The language the "Cymraeg / English" button switches the channel to. */
  switchTo: "en-GB" | "cy";
}

export interface PlanRow {
  step: number;
  title: string;
  summary: string;
  statusLabel: string;
  statusColor: "default" | "accent" | "good";
  /** "Step 3", in the reader's language. */
  stepLabel: string;
  /** What a screen reader says for the row: "Open step 3: … Status: …". */
  openLabel: string;
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
  /** A form that does this step: a sentence and the button that opens it. */
  form?: { prompt: string; action: ActionModel };
  /** Status buttons to offer: each is a status value and its label. */
  statusActions: { status: string; title: string }[];
  nextStep?: number;
}

export interface FaqAnswerModel {
  /** The entry answered, for the 👍/👎 buttons. */
  entryId: string;
  topic: string;
  paragraphs: TextItem[];
  related: { id: string; topic: string }[];
  programmeEmail: string;
  /** The language the card is in: its topic and feedback buttons keep to it. */
  lang: "en-GB" | "cy";
  /** A Welsh answer: offers the same entry in English. */
  seeInEnglish?: boolean;
  /** Set once the person has said whether the answer helped: the buttons give way to thanks. */
  feedbackGiven?: boolean;
}

/** No answer: "did you mean", "not covered by the material" or "outside what I know". */
export interface FaqNoMatchModel {
  heading: string;
  /** What they asked, shortened: fills "You asked: ..." */
  question: string;
  /** The language the card is in: its topic buttons open topics in it. */
  lang: "en-GB" | "cy";
  paragraphs: TextItem[];
  closest: { id: string; topic: string }[];
  closestIntro?: string;
  /** The kept question (its id in the knowledge base): a topic chosen from `closest` is counted against it for the programme team. */
  questionId?: string;
}

/** The programme team's view of the knowledge base. */
export interface FaqKbModel {
  notice?: string;
  /** chosen: which suggested topics people chose after asking it (knowledge.kb.chosen), if any. */
  questions: { id: string; text: string; asked: string; chosen?: string }[];
  /** The history, newest first: changes (canUndo unless undone) and undos (never undoable). */
  changes: { n: number; summary: string; byline: string; canUndo: boolean }[];
  feedback: { topic: string; counts: string }[];
}

export interface FaqKbAlternateModel {
  questionId: string;
  text: string;
  entries: { title: string; value: string }[];
  entryId?: string;
  /** The message under each field that is wrong (field id → message). */
  errors?: { text?: string; entryId?: string };
  /** Every message, under "There is a problem" at the top (including any not tied to a field). */
  errorSummary?: string[];
}

export interface FaqKbAnswerModel {
  questionId: string;
  question: string;
  topic?: string;
  answer?: string;
  /** The message under each field that is wrong (field id → message). */
  errors?: { question?: string; topic?: string; answer?: string };
  /** Every message, under "There is a problem" at the top (including any not tied to a field). */
  errorSummary?: string[];
}

export interface FaqPromptModel {
  error?: string;
  question?: string;
  maxLength: number;
}

export interface ErrorModel {
  reference: string;
  programmeEmail: string;
  /** Present (true) when the store did not answer, so nothing could be saved: says so instead of the general apology. */
  outage?: true;
}

/** The line manager's card. `ref` identifies the request; the handler checks who presses. */
export interface ApprovalRequestModel {
  secondeeName: string;
  facts: { title: string; value: string }[];
  pending: boolean;
  /** The request no longer needs an answer (withdrawn or replaced): only its title and status show. */
  closed?: boolean;
  statusText: string;
  statusStyle: "default" | "emphasis" | "good" | "attention" | "warning";
  reason?: string;
  notice?: string;
  ref: { secondee: string; requestId: string };
  /** Who gets the current card on refresh (Universal Actions): the manager and the secondee. */
  refreshUserIds: string[];
}

export interface MatchSuggestionsModel {
  roleTitle: string;
  organisation: string;
  channelLabel: string;
  notice?: string;
  /** Who has been told so far and what the buttons do; absent when nobody is left to confirm. */
  guidance?: string;
  candidates: {
    name: string;
    /** "HEO, Policy": grade and profession, whichever are known; absent when neither is (an erased person). */
    about?: string;
    summary: string;
    /** Matched and missing skills, development and preferences, as short lines. */
    details: string;
    state?: string;
    actions: ActionModel[];
  }[];
}

/** A match as the role's channel ("host") or the secondee sees it. */
export interface MatchModel {
  view: "host" | "secondee";
  roleTitle: string;
  candidateName: string;
  /** The host organisation. */
  organisation: string;
  facts: { title: string; value: string }[];
  explanation: string;
  statusText: string;
  statusStyle: "default" | "emphasis" | "good" | "attention" | "warning";
  notice?: string;
  /** What the viewer's last click did, shown above the card ("Thank you. …"). */
  acknowledgement?: string;
  actions: ActionModel[];
  /** Universal Actions refresh: Teams fetches the current card for these Teams user ids (29:…, at most 60). */
  refresh: { data: Record<string, unknown>; userIds: string[] };
  /** A button that opens a box for a reason, then sends it. */
  reasonAction?: { title: string; label: string; /** Who will see the reason typed here. */ seenBy?: string; submitTitle: string; verb: import("./verbs").Verb; data: Record<string, unknown> };
}

export interface CardModels {
  welcome: WelcomeModel;
  "channel-welcome": ChannelWelcomeModel;
  plan: PlanModel;
  "plan-step": StepModel;
  "faq-answer": FaqAnswerModel;
  "faq-no-match": FaqNoMatchModel;
  "faq-prompt": FaqPromptModel;
  "faq-kb": FaqKbModel;
  "faq-kb-alternate": FaqKbAlternateModel;
  "faq-kb-answer": FaqKbAnswerModel;
  error: ErrorModel;
  form: FormModel;
  records: RecordsModel;
  confirm: ConfirmModel;
  "approval-request": ApprovalRequestModel;
  "match-suggestions": MatchSuggestionsModel;
  match: MatchModel;
  "business-case": BusinessCaseModel;
  secondment: SecondmentModel;
  // Pipeline (programme team)
  pipeline: PipelineModel;
  // People's data
  privacy: PrivacyModel;
  "my-data": MyDataModel;
}
export type CardName = keyof CardModels;

// Pipeline (programme team)
/** The programme team's pipeline: totals only, never names or anyone's details. */
export interface PipelineModel {
  /** The day the figures are for, already formatted ("12 March 2027"). */
  asOf: string;
  /** A few key totals shown large at the top. */
  headlines: { label: string; value: string; color: "default" | "good" | "attention" | "warning" }[];
  sections: { heading: string; note?: string; facts: { title: string; value: string }[] }[];
}

/** A business case (plan step 4) as the line manager receives it: read-only. */
export interface BusinessCaseModel {
  personName: string;
  /** "12 March 2026". */
  sharedOn: string;
  answers: { heading: string; text: string }[];
}

/**
 * A secondment card (agreement to confirm, extension to answer, status, check-in answered...).
 * `refresh` makes Teams fetch the current state for the named users, so nobody acts on stale buttons.
 */
export interface SecondmentModel {
  heading: string;
  intro?: string;
  notice?: string;
  facts: { title: string; value: string }[];
  sections: { heading: string; text: string }[];
  statusText: string;
  statusStyle: "default" | "emphasis" | "good" | "attention" | "warning" | "accent";
  /** The decisions first (with reasonAction beside them), then `navigation` (e.g. "My secondment"). */
  actions: ActionModel[];
  reasonAction?: { title: string; label: string; submitTitle: string; verb: import("./verbs").Verb; data: Record<string, unknown> };
  navigation?: ActionModel[];
  refresh: { data: Record<string, unknown>; userIds: string[] };
}

/** A button whose verb is one of the named constants in verbs.ts. */
export interface ActionModel {
  title: string;
  verb: import("./verbs").Verb;
  data: Record<string, unknown>;
}

export type FieldKind = "text" | "multiline" | "number" | "date" | "choice" | "multi" | "toggle" | "people";

export interface FormFieldModel {
  id: string;
  kind: FieldKind;
  label: string;
  isRequired: boolean;
  /** Shown by Teams when a required field is left empty. */
  requiredMessage: string;
  hint?: string;
  /** What is in the field now (what the person typed, or the stored value). */
  value?: string;
  numberValue?: number;
  placeholder?: string;
  maxLength?: number;
  min?: number;
  max?: number;
  choices?: { title: string; value: string }[];
  /** Multi-selects: checkboxes rather than a drop-down. */
  expanded?: boolean;
  toggleTitle?: string;
  /** The message shown beside the field after a submission with mistakes. */
  error?: string;
}

export interface FormModel {
  title: string;
  /** A banner above the form, styled as on the records card. */
  notice?: string;
  noticeStyle?: "good" | "warning";
  intro?: string;
  /** Under "There is a problem" at the top: one line per field with a mistake (each field's message), or what went wrong. */
  errorSummary?: string[];
  /** What to do next, shown at the bottom with errorSummary (default: fix the answers in red). */
  errorFooter?: string;
  sections: { heading: string; note?: string; fields: FormFieldModel[] }[];
  submit: ActionModel;
  secondary: FormActionModel[];
}

/** A form's other button; `withInputs` makes it send what is typed too (like "Save draft"). */
export type FormActionModel = ActionModel & { withInputs?: boolean };

export interface RecordsModel {
  title: string;
  notice?: string;
  /** Green for good news (the default), amber when the person needs to act. */
  noticeStyle?: "good" | "warning";
  intro?: string;
  empty: string;
  items: {
    heading: string;
    statusLabel: string;
    statusColor: "default" | "accent" | "good" | "attention" | "warning";
    facts: { title: string; value: string }[];
    actions: ActionModel[];
  }[];
  cardActions: ActionModel[];
}

export interface ConfirmModel {
  title: string;
  paragraphs: TextItem[];
  confirm: ActionModel;
  /** How the confirm button looks: "destructive" unless said. */
  confirmStyle?: "positive" | "destructive";
  cancel: ActionModel;
}

// People's data
/** The privacy notice: who holds the data, what for, who sees what, how long, your rights. */
export interface PrivacyModel {
  programmeEmail: string;
  /** How many months data is kept after a person's part in the programme ends. */
  months: number;
}

/**
 * A person's data: the export summary, what erasure will do or did, the choice to share reasonable
 * adjustments, or the equality questions' outcome. `kind` picks the card's words from the catalogue;
 * rows and lists hold labels already in the reader's language.
 */
export interface MyDataModel {
  kind: "export" | "delete" | "deleted" | "share" | "equalityThanks" | "equalityReport";
  rows: { label: string; value: string }[];
  lists: { heading: string; text: string }[];
  /** Records erased (or to be erased) and records kept with the name removed. */
  erased: number;
  anonymised: number;
  /** A secondment in force is kept; until its end date, formatted ("1 March 2027"), when known. */
  keptSecondment?: boolean;
  keptUntil?: string;
  /** Equality report: how many answered, already formatted ("12", "fewer than 5"). */
  respondents?: string;
  /** Sharing adjustments: the secondment, and what was just chosen. */
  secondmentId?: string;
  shared?: boolean;
}
