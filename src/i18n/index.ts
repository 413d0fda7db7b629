import { IntlMessageFormat } from "intl-messageformat";
import { AREAS } from "./catalogues";

/**
 * The app's languages and its message catalogues (src/i18n/locales/<lang>/<area>.json, see catalogues.ts), keyed by
 * message id, written in ICU MessageFormat (plurals, selects, placeholders) and formatted with
 * intl-messageformat. No botbuilder here: the core and the bot both call `t`.
 *
 * Welsh mutations: the catalogue never mutates free text (names, organisations) in code. Fixed
 * words are written mutated where the grammar needs it ("Parhau â cham {step}", "Gallaf eich
 * helpu i: - gynllunio…"). Where a word from a closed set follows a preposition, the Welsh
 * message uses an ICU select on the id with each mutated form written out (for example
 * "{status, select, todo {…} …}"), so code passes ids, never words to be mutated. Free text is
 * placed where no mutation applies ("Sefydliad: {organisation}").
 */
export const LANGS = ["en-GB", "cy"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "en-GB";

export type Catalogue = Readonly<Record<string, string>>;
/** One catalogue per language: every area's messages together. */
export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = {
  "en-GB": Object.assign({}, ...Object.values(AREAS["en-GB"])) as Catalogue,
  cy: Object.assign({}, ...Object.values(AREAS.cy)) as Catalogue,
};

export type MessageValues = Record<string, string | number | boolean | Date | null | undefined>;

export function isLang(v: unknown): v is Lang {
  return typeof v === "string" && (LANGS as readonly string[]).includes(v);
}

/** The language a Teams locale asks for: "cy", "cy-GB" give Welsh; anything else, undefined. */
export function langFromLocale(locale: unknown): Lang | undefined {
  if (typeof locale !== "string") return undefined;
  return /^cy(?:[-_]|$)/i.test(locale.trim()) ? "cy" : undefined;
}

/** Compiled messages, built once per language and id (the catalogues never change while running). */
const compiled = new Map<string, IntlMessageFormat>();

export class MissingMessageError extends Error {
  constructor(readonly lang: Lang, readonly key: string) {
    super(`No message "${key}" in the ${lang} catalogue`);
    this.name = "MissingMessageError";
  }
}

export function hasMessage(lang: Lang, key: string): boolean {
  return Object.hasOwn(CATALOGUES[lang], key);
}

/**
 * Welsh "gyda" becomes "gydag" before a vowel ("gydag Ana Jones"). A catalogue message writes
 * "gyda {name}"; when it is compiled, that becomes a choice on the value ("{name__gydag, select, …}"),
 * and each string value is given its "__gydag" partner when the message is formatted. Only the
 * words of the catalogue change, never what a person typed.
 */
const GYDA = /\bgyda \{(\w+)\}/g;
const WELSH_VOWEL = /^[aeiouyâêîôûŷáéíóúàèìòù]/i;
const withGydag = (source: string): string => source.replace(GYDA, "{$1__gydag, select, yes {gydag} other {gyda}} {$1}");
function gydagValues(values: MessageValues): MessageValues {
  const out: MessageValues = { ...values };
  for (const [k, v] of Object.entries(values)) out[`${k}__gydag`] = typeof v === "string" && WELSH_VOWEL.test(v.trim()) ? "yes" : "no";
  return out;
}

/** Format message `key` in `lang`. Throws on an unknown key: a missing message is a bug, and tests catch it. */
export function t(lang: Lang, key: string, values: MessageValues = {}): string {
  const id = `${lang}\u0000${key}`;
  let fmt = compiled.get(id);
  if (!fmt) {
    const source = CATALOGUES[lang][key];
    if (source === undefined) throw new MissingMessageError(lang, key);
    fmt = new IntlMessageFormat(lang === "cy" ? withGydag(source) : source, lang, undefined, { ignoreTag: true });
    compiled.set(id, fmt);
  }
  const out = fmt.format((lang === "cy" ? gydagValues(values) : values) as Record<string, string | number | boolean | Date | null | undefined>);
  return typeof out === "string" ? out : String(out);
}

/** A function bound to one language, for code that formats many messages. */
export type Translate = (key: string, values?: MessageValues) => string;
export const translator = (lang: Lang): Translate => (key, values) => t(lang, key, values);

const DATE_FORMATS = new Map<Lang, Intl.DateTimeFormat>();

/**
 * A date as people read it: "1 March 2027", "1 Mawrth 2027". Takes a Date or a YYYY-MM-DD day
 * (read as that calendar day, whatever the time zone). Node 24's ICU has the Welsh month names.
 */
export function formatDate(lang: Lang, date: Date | string): string {
  const d = typeof date === "string" ? new Date(`${date.slice(0, 10)}T12:00:00Z`) : date;
  let f = DATE_FORMATS.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
    DATE_FORMATS.set(lang, f);
  }
  return f.format(d);
}

/** Placeholder names a message uses ({name}, {n, plural, …}, nested ones too), for the catalogue tests. */
export function placeholders(source: string): string[] {
  const names = new Set<string>();
  type El = { type: number; value?: unknown; options?: Record<string, { value: El[] }>; children?: El[] };
  const walk = (els: El[]) => {
    for (const el of els) {
      if (el.type !== 0 && el.type !== 7 && typeof el.value === "string") names.add(el.value);
      for (const o of Object.values(el.options ?? {})) walk(o.value);
      if (el.children) walk(el.children);
    }
  };
  walk(new IntlMessageFormat(source, "en", undefined, { ignoreTag: true }).getAst() as unknown as El[]);
  return [...names].sort();
}

const PLACEHOLDERS = new Map<string, string[]>();
function placeholdersOf(lang: Lang, key: string): string[] {
  const id = `${lang}\u0000${key}`;
  let p = PLACEHOLDERS.get(id);
  if (!p) {
    const source = CATALOGUES[lang][key];
    if (source === undefined) throw new MissingMessageError(lang, key);
    PLACEHOLDERS.set(id, (p = placeholders(source)));
  }
  return p;
}

/**
 * The strings a card template reads as `${t.some.key}`: each key it names, formatted in `lang`
 * with the model's own top-level values ({secondeeName} and so on), as a nested object.
 */
export function cardStrings(lang: Lang, keys: readonly string[], values: MessageValues): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const key of keys) {
    const parts = key.split(".");
    let node = root;
    for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
    // A card may show a message only when its value exists ($when): format it with "" meanwhile.
    const missing = Object.fromEntries(placeholdersOf(lang, key).filter((p) => values[p] === undefined).map((p) => [p, ""]));
    node[parts.at(-1)!] = t(lang, key, { ...missing, ...values });
  }
  return root;
}
