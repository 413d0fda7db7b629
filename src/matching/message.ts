import { formatDate, t, type Lang, type MessageValues } from "../i18n";
import type { ListItem, Msg, MsgValue } from "../domain/msg";

export type { ListItem, Msg, MsgValue };

/**
 * Who reads an explanation: the person matched ("you"), or anyone else ("they"). "channel" is
 * everyone in the role's team channel: "they" too, and messages may leave out details that are
 * the person's own business (a manual match's rule reasons: contract end, clearance held).
 */
export type Reader = "candidate" | "others" | "channel";

export const msg = (key: string, values?: Record<string, MsgValue>): Msg => (values ? { key, values } : { key });

function item(lang: Lang, i: ListItem, reader: Reader): string {
  if ("text" in i) return i.text;
  if ("msg" in i) return formatMsg(lang, i.msg, reader);
  return t(lang, `choice.${i.choice}.${i.id}`);
}

/**
 * "A, B and C" / "A, B or C" (GOV.UK style: no comma before "and"); in Welsh "A, B a C" ("ac"
 * before a vowel) and "A, B neu C". Items are labels and free text, never mutated.
 */
export function joinItems(lang: Lang, items: readonly string[], or = false, sep: ", " | "; " = ", "): string {
  if (items.length <= 1) return items[0] ?? "";
  const last = items[items.length - 1]!;
  const word = lang === "cy" ? (or ? "neu" : /^[aeiouyâêîôûŷ]/i.test(last) ? "ac" : "a") : or ? "or" : "and";
  if (sep === "; ") return items.join(sep);
  return `${items.slice(0, -1).join(sep)} ${word} ${last}`;
}

/** Put a message into words in `lang`, for `reader` (messages choose "you" or "they" with {reader}). */
export function formatMsg(lang: Lang, m: Msg, reader: Reader = "others"): string {
  const values: MessageValues = { reader };
  for (const [k, v] of Object.entries(m.values ?? {})) {
    if (typeof v !== "object") values[k] = v;
    else if ("date" in v) values[k] = formatDate(lang, v.date);
    else if ("list" in v) values[k] = joinItems(lang, v.list.map((i) => item(lang, i, reader)), v.or, v.sep === "semicolon" ? "; " : ", ");
    else if ("msg" in v) values[k] = formatMsg(lang, v.msg, reader);
    else values[k] = item(lang, v, reader);
  }
  return t(lang, m.key, values);
}

/** Sentences that belong together, one after another. */
export const formatSentences = (lang: Lang, ms: readonly Msg[], reader: Reader = "others"): string => ms.map((m) => formatMsg(lang, m, reader)).join(" ");

/** "3 days", "2 weeks", "about 4 months": how far apart two days are, as a message. */
export function gapMsg(days: number): Msg {
  if (days < 14) return msg("matching.gap.days", { n: days });
  if (days < 63) return msg("matching.gap.weeks", { n: Math.round(days / 7) });
  return msg("matching.gap.aboutMonths", { n: Math.round(days / 30.4) });
}
