/**
 * Remove personal data from a question before it is kept for the programme team: email
 * addresses, phone numbers and the names the bot knows (the asker's own name, from Teams).
 */
const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/gi;
/** UK and international numbers: 9 or more digits, with spaces, dashes, dots or brackets between. */
const PHONE = /(?:\+|\b)\d(?:[\s().-]*\d){8,}\b/g;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function scrubPersonalData(text: string, knownNames: readonly (string | undefined)[] = []): string {
  let out = text.replace(EMAIL, "[email]").replace(PHONE, "[phone]");
  const parts = new Set<string>();
  for (const name of knownNames) {
    for (const part of (name ?? "").split(/[\s,]+/)) if (part.length >= 2) parts.add(part);
  }
  for (const part of parts) out = out.replace(new RegExp(`(?<![\\p{L}])${escape(part)}(?![\\p{L}])`, "giu"), "[name]");
  return out.replace(/\s+/g, " ").trim();
}
