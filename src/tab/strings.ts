/**
 * The words of the "My secondment" tab page, in the page's language: the `tab-personal` area of the
 * app's catalogue (src/i18n/locales/<lang>/tab-personal.json), bundled into the page, formatted with
 * the same ICU library as the server. Only this area is bundled, not the whole catalogue.
 */
import { IntlMessageFormat } from "intl-messageformat";
import type { Lang } from "../i18n";
import en from "../i18n/locales/en-GB/tab-personal.json";
import cy from "../i18n/locales/cy/tab-personal.json";

export type PageKey = keyof typeof en;
const CATALOGUE: Record<Lang, Record<PageKey, string>> = { "en-GB": en, cy };

/** The page's language before the app says which the person chose: what Teams or the browser asks for. */
export function langOfLocale(locale: string | null | undefined): Lang {
  return /^cy(?:[-_]|$)/i.test(locale?.trim() ?? "") ? "cy" : "en-GB";
}

export function isPageKey(key: string): key is PageKey {
  return Object.hasOwn(en, key);
}

export function isPageLang(v: unknown): v is Lang {
  return v === "cy" || v === "en-GB";
}

/** Message `key` in `lang`, with its placeholders filled. */
export function pageText(lang: Lang, key: PageKey, values: Record<string, string | number> = {}): string {
  const out = new IntlMessageFormat(CATALOGUE[lang][key], lang, undefined, { ignoreTag: true }).format(values);
  return typeof out === "string" ? out : String(out);
}

/**
 * A card button's verb in the tab only: back to the section's first card (the chat's "Cancel" goes
 * back to the menu, which the tab does not have). The page handles it; it never reaches the router.
 */
export const TAB_BACK = "tab.back";
