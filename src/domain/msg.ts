import type { ChoiceListName } from "./options";

/**
 * A catalogue message and its values, free of any language until it is formatted: explanations
 * are worked out once, stored with a match, and shown later to people who read different
 * languages (the role's channel in its language, the person matched in theirs).
 *
 * Values are ids, numbers, calendar days and free text (own-words skills, organisation names);
 * labels, dates and lists are put into words only by `formatMsg` (src/matching/message.ts).
 */
export interface Msg {
  key: string;
  values?: Record<string, MsgValue>;
}

/** One item of a list: a label from a choice list, free text as written, or a message. */
export type ListItem = { choice: ChoiceListName; id: string } | { text: string } | { msg: Msg };

export type MsgValue =
  | string
  | number
  | boolean
  | { date: string }
  | { choice: ChoiceListName; id: string }
  | { list: readonly ListItem[]; or?: boolean; sep?: "semicolon" }
  | { msg: Msg };
