import { Template } from "adaptivecards-templating";
import { MAX_CARD_BYTES, TEMPLATES, templateKeys, VERBS, type AdaptiveCardJson, type CardModels, type CardName } from "../cards";
import { cardStrings, DEFAULT_LANG, type Lang, type MessageValues } from "../src/i18n";
import { readableLeftIn } from "../src/privacy/identity";

/**
 * Filling a card: a template from cards/ (data, no code of the app's), its typed model, and the
 * words of the reader's language from the catalogue (src/i18n). This is bot/'s job, so cards/
 * depends on nothing in src/.
 */

export class CardTooLargeError extends Error {
  constructor(readonly card: CardName, readonly bytes: number) {
    super(`Card ${card} is ${bytes} bytes, over the ${MAX_CARD_BYTES} byte limit`);
    this.name = "CardTooLargeError";
  }
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
