import { Template } from "adaptivecards-templating";
import { cardStrings, DEFAULT_LANG, type Lang, type MessageValues } from "../src/i18n";
import { readableLeftIn } from "../src/privacy/identity";
import type { CardModels, CardName, TextItem } from "./models";
import { VERBS } from "./verbs";
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
export { VERBS, ALL_VERBS, type Verb, type VerbName } from "./verbs";

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

export class CardTooLargeError extends Error {
  constructor(readonly card: CardName, readonly bytes: number) {
    super(`Card ${card} is ${bytes} bytes, over the ${MAX_CARD_BYTES} byte limit`);
    this.name = "CardTooLargeError";
  }
}

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
const KEYS = new Map<CardName, string[]>();

/**
 * Parsed templates, one per card, made on first use. Parsing a template's expressions is most of
 * the cost of a render, and templates never change while the app runs; expand() is synchronous and
 * builds a new card each time, so one parsed template serves every turn.
 */
const parsed = new Map<CardName, Template>();

function templateFor(name: CardName): Template {
  let t = parsed.get(name);
  if (!t) parsed.set(name, (t = new Template(TEMPLATES[name])));
  return t;
}

/**
 * An answer's paragraphs as card text. A long list is split over paragraphs (each stays short
 * enough to edit and read); a paragraph that carries on the list ending the one above it is drawn
 * with no gap, so the reader sees one list.
 */
export function answerParagraphs(texts: readonly string[]): TextItem[] {
  const endsInList = (t: string) => /(^|\n)- [^\n]*$/.test(t);
  return texts.map((text, i) => (i > 0 && text.startsWith("- ") && endsInList(texts[i - 1]!) ? { text, spacing: "None" } : { text }));
}

/**
 * Cards whose models hold programme content only (never a name, an answer or anything personal):
 * the same model in the same language always gives the same card, so the last few are kept, and a
 * turn showing one again (a plan step, the menu, an FAQ answer) costs a copy instead of an expansion.
 */
const CONTENT_ONLY: ReadonlySet<CardName> = new Set<CardName>(["plan-step", "welcome", "channel-welcome", "faq-answer", "plan"]);
const KEPT_MAX = 256;
const kept = new Map<string, string>();

/**
 * Fill a card template from its typed model, in `lang`. Catalogue messages the template names are
 * formatted with the model's top-level values ({secondeeName}…) and bound as `t`.
 * Throws if the result would be too large to send.
 */
export function renderCard<N extends CardName>(name: N, model: CardModels[N], lang: Lang = DEFAULT_LANG): AdaptiveCardJson {
  if (!CONTENT_ONLY.has(name)) return expand(name, model, lang);
  const key = `${name}\u0000${lang}\u0000${JSON.stringify(model)}`;
  let json = kept.get(key);
  if (json === undefined) {
    json = JSON.stringify(expand(name, model, lang));
    kept.set(key, json);
    if (kept.size > KEPT_MAX) kept.delete(kept.keys().next().value!);
  }
  // Callers may change what they get: each gets its own copy (parsing the kept JSON costs less than structuredClone).
  return JSON.parse(json) as AdaptiveCardJson;
}

function expand<N extends CardName>(name: N, given: CardModels[N], lang: Lang): AdaptiveCardJson {
  // A person erased from the programme is a marker in stored records, so only a model can carry one:
  // named here, before expansion, in the reader's language (a model is smaller than its card).
  const model = readableLeftIn(given, lang);
  let keys = KEYS.get(name);
  if (!keys) KEYS.set(name, (keys = templateKeys(TEMPLATES[name])));
  const values: MessageValues = {};
  for (const [k, v] of Object.entries(model as object)) if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") values[k] = v;
  const t = keys.length ? cardStrings(lang, keys, values) : {};
  const card = templateFor(name).expand({ $root: { ...model, verbs: VERBS, t } }) as AdaptiveCardJson;
  const bytes = Buffer.byteLength(JSON.stringify(card));
  if (bytes > MAX_CARD_BYTES) throw new CardTooLargeError(name, bytes);
  return card;
}
