import type { franc as Franc } from "franc-all";
import type { Lang } from "./index";

/**
 * Words common in Welsh and not in English. Short questions fool any trigram model ("tell me a
 * joke" scores as Welsh), so Welsh also needs one of these, or a Welsh circumflex.
 */
const WELSH_WORDS = new Set(
  "yn yr mae oes sut beth fy eich ddim gyda ydw ydy ydych alla allaf gallaf pam pryd faint fydd fydda fyddaf rydw rwy neu hefyd efo gaf caf ga mewn hynny hwn hon chi nhw wedi bod cael gael gen angen i'r a'r o'r ei eu dw dwi ydi oedd sy sydd pa pwy ble yng ym sy'n i'n chi'n".split(" "),
);

/**
 * The language a question is written in, Welsh or English, or undefined when the text is too
 * short or too mixed to tell. franc-all ships its trigram model in the package (no network);
 * we only ask it to choose between Welsh and English.
 */
let francFn: typeof Franc | undefined;
/** Loaded on first use: its model takes about 0.2 s to load at every start, and most turns never ask. */
function franc(...args: Parameters<typeof Franc>): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  francFn ??= (require("franc-all") as typeof import("franc-all")).franc;
  return francFn(...args);
}

export function detectLanguage(text: string): Lang | undefined {
  const code = franc(text, { only: ["cym", "eng"], minLength: 8 });
  if (code === "eng") return "en-GB";
  if (code !== "cym") return undefined;
  return looksWelsh(text) ? "cy" : undefined;
}

/** A Welsh word or letter: without one, detectLanguage never says Welsh. Cheap (no model). */
export function looksWelsh(text: string): boolean {
  if (/[ŵŷâêîôû]/i.test(text)) return true;
  const words = text.toLowerCase().replace(/[’]/g, "'").split(/[^a-zà-ÿŵŷ']+/);
  return words.some((w) => WELSH_WORDS.has(w));
}
