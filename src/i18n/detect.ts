import { franc } from "franc-all";
import type { Lang } from "./index";

/**
 * The language a question is written in, Welsh or English, or undefined when the text is too
 * short or too mixed to tell. franc-all ships its trigram model in the package (no network);
 * we only ask it to choose between Welsh and English.
 */
export function detectLanguage(text: string): Lang | undefined {
  const code = franc(text, { only: ["cym", "eng"], minLength: 8 });
  return code === "cym" ? "cy" : code === "eng" ? "en-GB" : undefined;
}
