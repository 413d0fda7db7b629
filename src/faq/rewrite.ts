/**
 * Phrase rules (a pattern and what to put in its place) applied in order, exactly as
 * `text.replace(pattern, replacement)` one after another, but quicker: there are a few hundred
 * rules, a question is short, and most rules find nothing in it. The rules are taken in groups of
 * ten; a group whose patterns, joined into one, find nothing in the text is skipped: none of its
 * rules would change the text, so none of the later ones in the group could find anything new
 * either. A group that finds something runs its rules one by one, as before.
 *
 * Patterns are joined, so they must carry the `g` flag only and no backreferences or named groups
 * (checked when the rewriter is made). Replacements may use `$1` and the like.
 */
export type PhraseRule = readonly [RegExp, string];

const GROUP = 10;

export function phraseRewriter(rules: ReadonlyArray<PhraseRule>): (text: string) => string {
  for (const [pattern] of rules) {
    if (pattern.flags !== "g") throw new Error(`phrase rule ${pattern}: use the g flag only`);
    if (/\\[1-9]|\\k<|\(\?<(?![=!])/.test(pattern.source)) throw new Error(`phrase rule ${pattern}: no backreferences or named groups`);
  }
  const groups: Array<{ any: RegExp; rules: ReadonlyArray<PhraseRule> }> = [];
  for (let i = 0; i < rules.length; i += GROUP) {
    const part = rules.slice(i, i + GROUP);
    groups.push({ any: new RegExp(part.map(([p]) => `(?:${p.source})`).join("|")), rules: part });
  }
  return (text) => {
    let out = text;
    for (const group of groups) {
      if (!group.any.test(out)) continue;
      for (const [pattern, replacement] of group.rules) out = out.replace(pattern, replacement);
    }
    return out;
  };
}
