import type { CardName } from "./models";
import welcome from "./welcome.json";
import channelWelcome from "./channel-welcome.json";
import plan from "./plan.json";
import planStep from "./plan-step.json";
import faqAnswer from "./faq-answer.json";
import faqNoMatch from "./faq-no-match.json";
import faqPrompt from "./faq-prompt.json";
import faqKb from "./faq-kb.json";
import faqKbAlternate from "./faq-kb-alternate.json";
import faqKbAnswer from "./faq-kb-answer.json";
import error from "./error.json";
import form from "./form.json";
import records from "./records.json";
import confirm from "./confirm.json";
import approvalRequest from "./approval-request.json";
import matchSuggestions from "./match-suggestions.json";
import match from "./match.json";
import businessCase from "./business-case.json";
import secondment from "./secondment.json";
// Pipeline (programme team)
import pipeline from "./pipeline.json";
// People's data
import privacy from "./privacy.json";
import myData from "./my-data.json";

export * from "./models";
export { KEEP_CARD, VERBS, ALL_VERBS, type Verb, type VerbName } from "./verbs";

/** An expanded Adaptive Card, ready to attach to a message or return from an invoke. */
export type AdaptiveCardJson = Record<string, unknown> & { type: "AdaptiveCard"; version: string };

/** Teams refuses messages over about 28 KB; a card must leave room for the activity around it. */
export const MAX_CARD_BYTES = 28 * 1024;
export const CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

export const TEMPLATES: Readonly<Record<CardName, object>> = {
  welcome,
  "channel-welcome": channelWelcome,
  plan,
  "plan-step": planStep,
  "faq-answer": faqAnswer,
  "faq-no-match": faqNoMatch,
  "faq-prompt": faqPrompt,
  "faq-kb": faqKb,
  "faq-kb-alternate": faqKbAlternate,
  "faq-kb-answer": faqKbAnswer,
  error,
  form,
  records,
  confirm,
  "approval-request": approvalRequest,
  "match-suggestions": matchSuggestions,
  match,
  "business-case": businessCase,
  secondment,
  // Pipeline (programme team)
  pipeline,
  // People's data
  privacy,
  "my-data": myData,
};

/**
 * The catalogue keys a template reads as `${t.some.key}` or `$root.t.some.key` (inside loops and
 * expressions). Converted
 * templates carry no English: their words come from src/i18n/locales, in the reader's language.
 */
export function templateKeys(template: object): string[] {
  const keys = new Set<string>();
  for (const m of JSON.stringify(template).matchAll(/(?:\$\{|\$root\.)t\.([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)/g)) keys.add(m[1]!);
  return [...keys].sort();
}
