import assert from "node:assert/strict";
// The package main entry fails to load in Node (ERR_MODULE_NOT_FOUND); its bundled build loads and needs no DOM.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require("adaptivecards/dist/adaptivecards.js");
import { MAX_CARD_BYTES } from "../../cards";

export type Card = Record<string, any>;

/** Problems the adaptivecards library reports for a card parsed as schema 1.5, plus our own checks. */
export function cardProblems(json: Card): string[] {
  const problems: string[] = [];
  if (json.type !== "AdaptiveCard") problems.push(`type is ${json.type}`);
  if (json.version !== "1.5") problems.push(`version is ${json.version}, not 1.5`);
  const bytes = Buffer.byteLength(JSON.stringify(json));
  if (bytes > MAX_CARD_BYTES) problems.push(`card is ${bytes} bytes, over ${MAX_CARD_BYTES}`);
  const card = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext(new AC.Version(1, 5));
  card.parse(json, ctx);
  const pickers = peoplePickerIds(json);
  for (let i = 0; i < ctx.eventCount; i++) {
    const message: string = ctx.getEventAt(i).message;
    if (pickers.length && message === TEAMS_PEOPLE_PICKER_EVENT) continue;
    problems.push(`parse: ${message}`);
  }
  for (const e of card.validateProperties().validationEvents) {
    if (pickers.length && e.message === EMPTY_CHOICES_EVENT) continue;
    problems.push(`validate: ${e.message}`);
  }
  // The library does not check these.
  walk(json, (node) => {
    if (node.type === "Image" && !node.url) problems.push("an Image has no url");
    if (typeof node.type === "string" && node.type.startsWith("Action.") && node.type !== "Action.OpenUrl" && node.type !== "Action.ShowCard" && !node.verb && node.type === "Action.Execute") {
      problems.push(`Action.Execute "${node.title}" has no verb`);
    }
  });
  return problems;
}

/*
 * Teams' people picker (an Input.ChoiceSet with "choices.data" querying graph.microsoft.com/users)
 * works in Teams on schema 1.5 cards, but the generic adaptivecards library only knows
 * "choices.data" from 1.6 and wants static choices. Those two events are accepted for people
 * pickers only; every other event still fails the card.
 */
const TEAMS_PEOPLE_PICKER_EVENT = 'Property "choices.data" is supported in version 1.6, but you are using version 1.5.';
const EMPTY_CHOICES_EVENT = "An Input.ChoiceSet must have at least one choice defined.";

function peoplePickerIds(json: Card): string[] {
  const ids: string[] = [];
  walk(json, (n) => {
    if (n.type === "Input.ChoiceSet" && n["choices.data"]?.dataset === "graph.microsoft.com/users") ids.push(n.id);
  });
  return ids;
}

/**
 * Template expressions left in a card rendered from sample data: a property the model did not
 * supply. (Not part of cardProblems: a person may well type "${x}" into a form, and the card
 * then rightly shows it back as text.)
 */
export function unexpanded(json: Card): string[] {
  const found: string[] = [];
  walk(json, (node) => {
    for (const [k, v] of Object.entries(node)) if (typeof v === "string" && v.includes("${")) found.push(`${k}: ${v}`);
  });
  return found;
}

export function assertValidCard(json: Card, label = "card"): void {
  assert.deepEqual(cardProblems(json), [], `${label} is not a valid 1.5 card`);
}

export function walk(node: unknown, visit: (n: Card) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === "object") {
    visit(node as Card);
    for (const v of Object.values(node)) walk(v, visit);
  }
}

/** Everything a person can read on the card, in order: text, fact values and button titles. */
export function cardText(json: Card): string {
  const out: string[] = [];
  walk(json, (n) => {
    if (typeof n.text === "string") out.push(n.text);
    if (typeof n.title === "string" && n.type !== "Action.Execute") out.push(n.title);
  });
  return out.join("\n");
}

/** The buttons on the card: title, verb and data. */
export function cardActions(json: Card): { title: string; verb: string; data: Record<string, unknown> }[] {
  const out: { title: string; verb: string; data: Record<string, unknown> }[] = [];
  walk(json, (n) => {
    if (n.type === "Action.Execute" || n.type === "Action.Submit") out.push({ title: n.title, verb: n.verb ?? n.data?.verb, data: n.data ?? {} });
  });
  return out;
}

export function action(json: Card, title: string | RegExp): { title: string; verb: string; data: Record<string, unknown> } {
  const all = cardActions(json);
  const found = all.find((a) => (typeof title === "string" ? a.title === title : title.test(a.title)));
  assert.ok(found, `no button "${String(title)}" on the card; it has: ${all.map((a) => a.title).join(", ")}`);
  return found;
}

/**
 * The error message shown for the input with this id, if any: the TextBlock that comes straight
 * after the input (in the same list of items), where the form cards put a mistake's message. The
 * input's label is checked to stay its plain label, so the message is never read as part of it.
 */
export function fieldError(card: Card, id: string): string | undefined {
  let found: string | undefined;
  walk(card, (n) => {
    if (!Array.isArray(n.items) && !Array.isArray(n.body)) return;
    const items = (Array.isArray(n.items) ? n.items : n.body) as Card[];
    const at = items.findIndex((i) => typeof i?.type === "string" && i.type.startsWith("Input.") && i.id === id);
    if (at < 0) return;
    assert.doesNotMatch(String(items[at]!.label ?? ""), /Error|Gwall/, `the label of ${id} is only its label`);
    const next = items[at + 1];
    if (next?.type === "TextBlock" && next.id === `${id}-error`) found = next.text;
  });
  return found;
}

/** The lines under "There is a problem" (or "Mae problem") at the top of a form card; [] when it has none. */
export function errorSummary(card: Card): string[] {
  let lines: string[] = [];
  walk(card, (n) => {
    if (n.type !== "Container" || !Array.isArray(n.items)) return;
    const [first, ...rest] = n.items as Card[];
    if (first?.type === "TextBlock" && /^(There is a problem|Mae problem)$/.test(String(first.text))) lines = rest.map((r) => String(r.text));
  });
  return lines;
}
