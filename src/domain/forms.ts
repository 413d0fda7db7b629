import { z } from "zod";
import { compareIso, parseIsoDate } from "./dates";
import { DEFAULT_LANG, t, type Lang } from "../i18n";
import { parseOtherSkills } from "./skills";

/**
 * What the two programme forms share: the result type, the context the rules need, reading what
 * a card sent, and the zod field schemas that turn card values into typed values with
 * GOV.UK-style messages.
 *
 * Cards send every input as a string: multi-selects as "a,b", toggles as "true" or "false",
 * empty inputs as "" or not at all. Numbers and booleans are accepted as their text. Anything
 * else (objects, arrays) is refused with the field's own message; nothing here throws on input.
 */

export type FormResult<T, F extends string> = { ok: true; value: T } | { ok: false; errors: Partial<Record<F, string>> };

export interface RuleContext {
  /** The date the rules count as today, YYYY-MM-DD (the caller uses todayInLondon). */
  today: string;
  /** The longest secondment, in whole months, the named organisation allows. */
  durationCapMonths(organisationName: string): number;
}

/** The longest text we give back for re-showing a form. */
export const FORM_VALUE_MAX = 5000;

/**
 * The own data properties named in `fields`, read without running getters. Anything that is not
 * a plain object (null, arrays, strings, a hostile proxy) reads as empty.
 */
export function readFields(raw: unknown, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return out;
  try {
    for (const field of fields) {
      const descriptor = Object.getOwnPropertyDescriptor(raw, field);
      if (descriptor && "value" in descriptor) out[field] = descriptor.value;
    }
  } catch {
    return {};
  }
  return out;
}

function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = /[\uD800-\uDBFF]/.test(s.charAt(max - 1)) ? max - 1 : max;
  return s.slice(0, end);
}

function display(v: unknown): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  try {
    return JSON.stringify(v) ?? "";
  } catch {
    return "";
  }
}

/**
 * What the person typed, as strings, for showing the form again after errors: every field in
 * `fields` is present ("" when missing), other values are turned into text, and each is cut to
 * 5,000 characters. Anything that is not an object gives {}.
 */
export function formValues(raw: unknown, fields: readonly string[]): Record<string, string> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return {};
  const values = readFields(raw, fields);
  const out: Record<string, string> = {};
  for (const field of fields) out[field] = cut(display(values[field]), FORM_VALUE_MAX);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Field schemas

/** A card value as text: missing is "", numbers and booleans are their text, anything else is left for the schema to refuse. */
export function cardValue(v: unknown): unknown {
  if (v === undefined || v === null) return "";
  if ((typeof v === "number" && Number.isFinite(v)) || typeof v === "boolean") return String(v);
  return v;
}

const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** "1 month", "24 months" ("1 mis", "24 mis" in Welsh). */
export function monthsText(n: number, lang: Lang = DEFAULT_LANG): string {
  return t(lang, "form.months", { n });
}

function withinLength(s: string, max: number): boolean {
  if (s.length <= max) return true;
  if (s.length > max * 2) return false;
  return [...s].length <= max; // count characters, not UTF-16 units
}

/** Trimmed text with no control characters. Tab and new lines are allowed only in multi-line fields. */
function text(label: string, max: number, multiline: boolean, required?: string, lang: Lang = DEFAULT_LANG) {
  return z.preprocess(
    cardValue,
    z
      .string({ error: t(lang, "form.error.text", { label }) })
      .trim()
      .refine((s) => required === undefined || s !== "", { message: required, abort: true })
      .refine((s) => !(multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(s), {
        message: t(lang, "form.error.control", { label }),
        abort: true,
      })
      .refine((s) => withinLength(s, max), { message: t(lang, "form.error.tooLong", { label, max }), abort: true }),
  );
}

export interface TextOptions {
  /** The field's name in the person's terms, starting a sentence: "Full name". */
  label: string;
  max: number;
  multiline?: boolean;
  /** The language of the messages (English if not given). */
  lang?: Lang;
}

/** Text that must not be empty; `required` is the message when it is ("Enter your full name"). */
export function requiredText(o: TextOptions & { required: string }): z.ZodType<string> {
  return text(o.label, o.max, o.multiline ?? false, o.required, o.lang);
}

/** Text that may be left empty (giving undefined). */
export function optionalText(o: TextOptions): z.ZodType<string | undefined> {
  return text(o.label, o.max, o.multiline ?? false, undefined, o.lang).transform((s) => (s === "" ? undefined : s));
}

const EMAIL_MAX = 254;

/** An email address; `format` is the message for one that is not in the right format. */
export function emailAddress(o: { label: string; required: string; format: string; lang?: Lang }): z.ZodType<string> {
  return requiredText({ label: o.label, max: EMAIL_MAX, required: o.required, ...(o.lang ? { lang: o.lang } : {}) }).pipe(z.email({ error: o.format }));
}

export function optionalEmailAddress(o: { label: string; format: string; lang?: Lang }): z.ZodType<string | undefined> {
  return optionalText({ label: o.label, max: EMAIL_MAX, ...(o.lang ? { lang: o.lang } : {}) }).pipe(z.email({ error: o.format }).optional());
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An Entra ID (AAD) object id, as a people picker sends it, in lower case; empty gives undefined. */
export function optionalAadObjectId(invalid: string): z.ZodType<string | undefined> {
  return z.preprocess(
    cardValue,
    z
      .string({ error: invalid })
      .trim()
      .refine((s) => s === "" || GUID.test(s), { message: invalid, abort: true })
      .transform((s) => (s === "" ? undefined : s.toLowerCase())),
  );
}

/** One id from a choice list. `required` is used both when nothing is chosen and for an id not on the list. */
export function choice<const Id extends string>(ids: readonly Id[], required: string): z.ZodType<Id> {
  return z.preprocess(
    cardValue,
    z
      .string({ error: required })
      .trim()
      .refine((s) => (ids as readonly string[]).includes(s), { message: required, abort: true })
      .transform((s) => s as Id),
  );
}

const MULTI_SELECT_MAX = 2000;

/**
 * Ids from a multi-select, sent as "a,b". Repeats are dropped and the result is in list order.
 * `required` (if given) is the message when none is chosen; `invalid` when an id is not on the list.
 */
export function choices<const Id extends string>(ids: readonly Id[], o: { required?: string; invalid: string }): z.ZodType<Id[]> {
  return z.preprocess(
    cardValue,
    z
      .string({ error: o.invalid })
      .refine((s) => s.length <= MULTI_SELECT_MAX, { message: o.invalid, abort: true })
      .transform((s) => s.split(",").map((part) => part.trim()).filter((part) => part !== ""))
      .refine((chosen) => chosen.every((id) => (ids as readonly string[]).includes(id)), { message: o.invalid, abort: true })
      .refine((chosen) => o.required === undefined || chosen.length > 0, { message: o.required, abort: true })
      .transform((chosen) => ids.filter((id) => chosen.includes(id))),
  );
}

/** A toggle, sent as "true" or "false"; missing counts as false. */
export function toggle(invalid: string): z.ZodType<boolean> {
  return z.preprocess(
    cardValue,
    z
      .string({ error: invalid })
      .trim()
      .refine((s) => s === "" || s === "true" || s === "false", { message: invalid, abort: true })
      .transform((s) => s === "true"),
  );
}

export interface NumberOptions {
  /** The field's name in the person's terms: "Shortest duration". */
  label: string;
  min: number;
  max: number;
  /** Added after the range in messages: "months" gives "between 1 and 60 months". */
  unit?: "months" | "weeks";
  /** Only whole numbers; otherwise only whole and half numbers. */
  whole: boolean;
  /** The language of the messages (English if not given). */
  lang?: Lang;
}

const DECIMAL = /^[+-]?(\d{1,12}(\.\d{0,12})?|\.\d{1,12})$/;

function number(o: NumberOptions, required?: string) {
  const lang = o.lang ?? DEFAULT_LANG;
  const label = o.label;
  const range = t(lang, "form.error.range", { label, min: o.min, max: o.max, unit: o.unit ?? "none" });
  return z.preprocess(
    cardValue,
    z
      .string({ error: t(lang, "form.error.number", { label }) })
      .trim()
      .refine((s) => required === undefined || s !== "", { message: required, abort: true })
      .refine((s) => s === "" || DECIMAL.test(s), { message: t(lang, "form.error.number", { label }), abort: true })
      .transform((s) => (s === "" ? undefined : Number(s)))
      .refine((n) => n === undefined || !o.whole || Number.isInteger(n), { message: t(lang, "form.error.whole", { label }), abort: true })
      .refine((n) => n === undefined || (n >= o.min && n <= o.max), { message: range, abort: true })
      .refine((n) => n === undefined || Number.isInteger(n * 2), {
        message: t(lang, "form.error.halfDays", { label }),
        abort: true,
      }),
  );
}

export function requiredNumber(o: NumberOptions & { required: string }): z.ZodType<number> {
  return number(o, o.required) as z.ZodType<number>;
}

export function optionalNumber(o: NumberOptions): z.ZodType<number | undefined> {
  return number(o);
}

/** A real calendar date, YYYY-MM-DD, as a date input sends it. Whether it is in the future is a rule, as it needs today. */
function date(label: string, required?: string, lang: Lang = DEFAULT_LANG) {
  return z.preprocess(
    cardValue,
    z
      .string({ error: t(lang, "form.error.date", { label }) })
      .trim()
      .refine((s) => required === undefined || s !== "", { message: required, abort: true })
      .refine((s) => s === "" || parseIsoDate(s) !== undefined, { message: t(lang, "form.error.date", { label }), abort: true })
      .transform((s) => (s === "" ? undefined : s)),
  );
}

export function requiredDate(o: { label: string; required: string; lang?: Lang }): z.ZodType<string> {
  return date(o.label, o.required, o.lang) as z.ZodType<string>;
}

export function optionalDate(o: { label: string; lang?: Lang }): z.ZodType<string | undefined> {
  return date(o.label, undefined, o.lang);
}

// ---------------------------------------------------------------------------------------------
// Checking a whole form

export type FieldSchemas = Record<string, z.ZodType>;

/**
 * A form part-way through checking. `values[f]` is meaningful only while `errors[f]` is unset;
 * rules add at most one message per field (the first wins) and drop the field's value.
 */
export interface FormCheck<S extends FieldSchemas> {
  values: { [K in keyof S]: z.output<S[K]> };
  errors: Partial<Record<keyof S & string, string>>;
}

/** Every field checked on its own, so that a form with three mistakes gets three messages. */
export function checkFields<S extends FieldSchemas>(raw: unknown, schemas: S, lang: Lang = DEFAULT_LANG): FormCheck<S> {
  const fields = Object.keys(schemas) as (keyof S & string)[];
  const input = readFields(raw, fields);
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const result = schemas[field]!.safeParse(input[field]);
    if (result.success) values[field] = result.data;
    else errors[field] = result.error.issues[0]?.message ?? t(lang, "form.error.check");
  }
  return { values: values as FormCheck<S>["values"], errors: errors as FormCheck<S>["errors"] };
}

/** The messages in the form's field order (rules can add them out of order), for an error summary. */
export function errorsInOrder<S extends FieldSchemas>(check: FormCheck<S>, schemas: S): FormCheck<S>["errors"] {
  const ordered: FormCheck<S>["errors"] = {};
  for (const field of Object.keys(schemas) as (keyof S & string)[]) {
    if (check.errors[field] !== undefined) ordered[field] = check.errors[field];
  }
  return ordered;
}

/** True while the field has no message. */
export function valid<S extends FieldSchemas>(check: FormCheck<S>, ...fields: (keyof S & string)[]): boolean {
  return fields.every((f) => check.errors[f] === undefined);
}

/** Give the field a message, unless it already has one. */
export function fail<S extends FieldSchemas>(check: FormCheck<S>, field: keyof S & string, message: string): void {
  if (check.errors[field] !== undefined) return;
  check.errors[field] = message;
  delete (check.values as Record<string, unknown>)[field];
}

/** A field that does not apply (for example days per week when working full-time): no message, no value. */
export function ignore<S extends FieldSchemas>(check: FormCheck<S>, field: keyof S & string): void {
  delete check.errors[field];
  (check.values as Record<string, unknown>)[field] = undefined;
}

/** Refuse a date before today (`allowToday`) or on or before today. */
export function requireFuture<S extends FieldSchemas>(
  check: FormCheck<S>,
  field: keyof S & string,
  today: string,
  allowToday: boolean,
  message: string,
): void {
  const value = check.values[field];
  if (!valid(check, field) || typeof value !== "string") return;
  const c = compareIso(value, today);
  if (c < 0 || (c === 0 && !allowToday)) fail(check, field, message);
}

/**
 * The organisation's cap from the context, or undefined if it gives something unusable
 * (not a positive number); a fractional cap is rounded down to whole months.
 */
export function durationCap(ctx: RuleContext, organisationName: string): number | undefined {
  const cap = ctx.durationCapMonths(organisationName);
  return typeof cap === "number" && Number.isFinite(cap) && cap >= 1 ? Math.floor(cap) : undefined;
}

/** "Longest duration must be 24 months or less. Your organisation limits secondments to 24 months." */
export function capMessage(label: string, cap: number, lang: Lang = DEFAULT_LANG): string {
  return t(lang, "form.error.cap", { label, cap });
}

/** The raw-string form of a multi-select. */
export function joinChoices(ids: readonly string[]): string {
  return ids.join(",");
}

export function assertToday(ctx: Pick<RuleContext, "today">): void {
  if (!parseIsoDate(ctx.today)) throw new RangeError(`RuleContext.today must be a YYYY-MM-DD date, not ${JSON.stringify(ctx.today)}`);
}

/** Skills in the person's own words (see parseOtherSkills); empty gives []. */
export function otherSkills(label: string, lang: Lang = DEFAULT_LANG): z.ZodType<string[]> {
  return z.preprocess(
    cardValue,
    z.string({ error: t(lang, "form.error.text", { label }) }).transform((s, ctx) => {
      const result = parseOtherSkills(s, label, lang);
      if (result.ok) return result.value;
      ctx.addIssue({ code: "custom", message: result.error });
      return z.NEVER;
    }),
  );
}
