import { renderCard } from "../../cards";
import type { FaqEntry } from "../../src/faq/knowledge";
import { card, type Reply, type Services } from "./types";

/** Longest question we search for. Longer text is refused with a message, never cut silently. */
export const MAX_QUESTION_LENGTH = 500;

function answerCard(s: Services, entry: FaqEntry, related: FaqEntry[]): Reply {
  return card(
    renderCard("faq-answer", {
      topic: entry.topic,
      paragraphs: entry.answer.map((t) => ({ text: t })),
      related: related.map((r) => ({ id: r.id, topic: r.topic })),
      programmeEmail: s.config.programmeTeam.email,
    }),
  );
}

export function prompt(_s: Services, entered?: { question: string; error: string }): Reply {
  return card(renderCard("faq-prompt", { maxLength: MAX_QUESTION_LENGTH, ...(entered ?? {}) }));
}

/** Answer a question, or say plainly that there is no good answer. Never guesses. */
export function ask(s: Services, question: string): Reply {
  const q = question.trim();
  if (!q) return prompt(s, { question: "", error: "Enter your question." });
  if (q.length > MAX_QUESTION_LENGTH) {
    return prompt(s, { question: q, error: `Your question must be ${MAX_QUESTION_LENGTH} characters or fewer. It is ${q.length}.` });
  }
  const result = s.faq.ask(q);
  if (result.kind === "answer") return answerCard(s, result.entry, result.related);
  return card(
    renderCard("faq-no-match", {
      question: q.length > 120 ? `${q.slice(0, 117)}...` : q,
      closest: result.closest.map((e) => ({ id: e.id, topic: e.topic })),
      programmeEmail: s.config.programmeTeam.email,
    }),
  );
}

export function topic(s: Services, id: string): Reply | undefined {
  const entry = s.faq.byId(id);
  return entry ? answerCard(s, entry, []) : undefined;
}
