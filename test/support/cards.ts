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
  for (let i = 0; i < ctx.eventCount; i++) problems.push(`parse: ${ctx.getEventAt(i).message}`);
  for (const e of card.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  // The library does not check these.
  walk(json, (node) => {
    if (node.type === "Image" && !node.url) problems.push("an Image has no url");
    if (typeof node.text === "string" && node.text.includes("${")) problems.push(`unexpanded template text: ${node.text}`);
    if (typeof node.title === "string" && node.title.includes("${")) problems.push(`unexpanded template title: ${node.title}`);
    if (typeof node.type === "string" && node.type.startsWith("Action.") && node.type !== "Action.OpenUrl" && node.type !== "Action.ShowCard" && !node.verb && node.type === "Action.Execute") {
      problems.push(`Action.Execute "${node.title}" has no verb`);
    }
  });
  return problems;
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
