/**
 * Long questions decided clause by clause (see withClauses): the ask is often one clause of a
 * rambling question.
 */
import type { Decision, Signals } from "./search";

/** How many entries "did you mean" offers at most. */
export const MAX_CLOSEST = 3;

/** How many terms a clause needs to call the whole question's answer into doubt (see withClauses). */
const CLAUSE_OVERRULE_TERMS = 3;

/** How much more of the whole question the whole question's entry must explain to stand against a clause's. */
const CLAUSE_EXPLAINED_MARGIN = 0.1;

/**
 * Split a question into clauses at sentence marks, commas, "but" and, in unpunctuated chat, before a
 * question word ("...for ten years now what would I get out of it"): rambling questions put the ask
 * in one of them.
 */
export function clauses(question: string): string[] {
  return question
    .split(/(?<=\?)|[.!;:,\n]+|\s[-\u2013\u2014]\s|\bbut\b|\s(?=(?:who|what|whats|how|why|when|where|which|can i|could i|do i|will i|is it|is that|is there|does)\s)/i)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

/** Words that open a question ("who pays...", "can we...", "what I want to know is..."). */
const ASK_OPENERS = /^(so |and |also |then |just |basically |really |ok |okay )*(who|whos|what|whats|when|where|why|how|which|can|could|do|does|did|will|would|is|are|am|should|shall|may|might|must|have|has|any|wil)\b/i;

/** A clause that asks something: it opens like a question, or it is the part that ends with "?". */
export function isAsk(clause: string): boolean {
  return ASK_OPENERS.test(clause.trim()) || /\?\s*$/.test(clause);
}

/**
 * Long, rambling questions dilute both rankers with context ("I work for the health board in
 * Betws-y-Coed and have been thinking about it for a while... who pays my wages?"). Each clause is
 * that asks something (isAsk: context such as "I work part-time at the council" is not the ask) is
 * also decided on its own, and the most confident clause answer is combined with the whole
 * question's decision:
 *   - both answer, with different entries, the clause has at least CLAUSE_OVERRULE_TERMS terms and
 *     the whole question's entry does not explain clearly more of the whole question (gate.ts):
 *     did-you-mean with both (never a guess between them);
 *   - the whole question does not answer, but is not a decline for another reason, and the clause's
 *     entry is among the whole question's closest entries: answer with the clause's entry;
 *   - otherwise the whole question's decision stands.
 */
export function withClauses(whole: Decision, sig: Signals, parts: ReadonlyArray<{ terms: number; decision: Decision }>): Decision {
  let best: Extract<Decision, { kind: "answer" }> | undefined;
  let bestTerms = 0;
  for (const { terms, decision: p } of parts) {
    if (p.kind === "answer" && (!best || p.confidence > best.confidence)) {
      best = p;
      bestTerms = terms;
    }
  }
  if (!best) return whole;
  if (whole.kind === "answer") {
    // A short clause ("am I allowed to apply") loses the context that decided the whole question.
    if (whole.id === best.id || bestTerms < CLAUSE_OVERRULE_TERMS) return whole;
    // The whole question's entry explains clearly more of the whole question than the clause's
    // entry does (gate.ts): the clause's answer ignores what the rest of the question is about
    // ("I'm dyslexic ... can I get help filling in the form").
    const explained = sig.explained ?? {};
    if ((explained[whole.id] ?? 0) - (explained[best.id] ?? 0) >= CLAUSE_EXPLAINED_MARGIN) return whole;
    return { kind: "did-you-mean", closest: [best.id, whole.id] };
  }
  if (whole.kind === "off-topic") return whole;
  const nearest = sig.ranked.filter((r) => r.isEntry).slice(0, MAX_CLOSEST).map((r) => r.id);
  // A clause's answer cannot ignore a topic the material does not cover that the whole question names.
  if (nearest.includes(best.id) && !sig.uncovered) return { ...best, related: best.related.filter((id) => id !== best.id) };
  return whole;
}
