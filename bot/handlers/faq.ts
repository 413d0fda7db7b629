import { renderCard } from "../../cards";
import type { FaqEntry } from "../../src/faq/knowledge";
import { scrubPersonalData } from "../../src/faq/scrub";
import type { FaqResult } from "../../src/faq/search";
import type { UnansweredOutcome } from "../../src/store/knowledge";
import { answerInWelsh, welshEntry, type WelshFaqEntry } from "../../src/faq/knowledge-cy";
import { DEFAULT_LANG, t, type Lang } from "../../src/i18n";
import { detectLanguage } from "../../src/i18n/detect";
import { card, text, type Caller, type Reply, type Services } from "./types";

/** Longest question we search for. Longer text is refused with a message, never cut silently. */
export const MAX_QUESTION_LENGTH = 500;
/** Answers below this confidence are also kept for the programme team to check. */
export const LOW_CONFIDENCE = 1.2;

function answerCard(s: Services, entry: FaqEntry, related: FaqEntry[], feedbackGiven = false): Reply {
  return card(
    renderCard("faq-answer", {
      entryId: entry.id,
      topic: entry.topic,
      paragraphs: entry.answer.map((t) => ({ text: t })),
      related: related.map((r) => ({ id: r.id, topic: r.topic })),
      programmeEmail: s.config.programmeTeam.email,
      ...(feedbackGiven ? { feedbackGiven } : {}),
    }),
  );
}

/** A Welsh answer, with a button to read the same entry in English. */
function welshAnswerCard(s: Services, entry: WelshFaqEntry, feedbackGiven = false): Reply {
  return card(
    renderCard(
      "faq-answer",
      {
        entryId: entry.id,
        topic: entry.topic,
        paragraphs: entry.answer.map((t) => ({ text: t })),
        related: [],
        programmeEmail: s.config.programmeTeam.email,
        seeInEnglish: true,
        ...(feedbackGiven ? { feedbackGiven } : {}),
      },
      "cy",
    ),
  );
}

/**
 * The language to answer a question in: Welsh when it is written in Welsh (even if the person
 * chose English), English when written in English; when too short to tell, the person's language.
 */
export function questionLanguage(caller: Caller, q: string): Lang {
  return detectLanguage(q) ?? caller.lang;
}

export function prompt(_s: Services, entered?: { question: string; error: string }, lang: Lang = DEFAULT_LANG): Reply {
  return card(renderCard("faq-prompt", { maxLength: MAX_QUESTION_LENGTH, ...(entered ?? {}) }, lang));
}

function noAnswerCard(s: Services, q: string, result: Exclude<FaqResult, { kind: "answer" }>): Reply {
  const email = s.config.programmeTeam.email;
  const closest = result.kind === "off-topic" ? [] : result.closest.map((e) => ({ id: e.id, topic: e.topic }));
  const base = { question: q.length > 120 ? `${q.slice(0, 117)}...` : q, closest };
  if (result.kind === "did-you-mean") {
    return card(
      renderCard("faq-no-match", {
        ...base,
        heading: "Did you mean one of these?",
        paragraphs: [{ text: "I am not sure what you are asking, and I would rather not guess. Choose a topic below, or ask again in other words." }],
        closestIntro: "The closest topics I have:",
      }),
    );
  }
  if (result.kind === "not-covered") {
    const what = result.topic ? `The programme material does not cover ${result.topic.subject}.` : "The programme material does not cover that.";
    const who = result.topic?.whoToAsk ?? "Your HR team or your line manager may be able to help.";
    return card(
      renderCard("faq-no-match", {
        ...base,
        heading: "I cannot answer that from the programme material",
        paragraphs: [{ text: what }, { text: `${who} You can also email the programme team at ${email}.` }],
        ...(closest.length > 0 ? { closestIntro: "These topics might still help:" } : {}),
      }),
    );
  }
  return card(
    renderCard("faq-no-match", {
      ...base,
      heading: "That is outside what I know about",
      paragraphs: [
        { text: "I answer questions about the secondment programme, such as who pays your salary or how matching works." },
        { text: `For anything else, ask your own organisation's helpdesk or HR team. For the programme, email ${email}.` },
      ],
    }),
  );
}

/** Keep a question the bot could not answer, without personal data, for the programme team. */
async function keepUnanswered(s: Services, caller: Caller, q: string, outcome: UnansweredOutcome): Promise<void> {
  try {
    let names: (string | undefined)[] = [caller.name];
    try {
      const profile = await caller.profile();
      names = [caller.name, profile.name];
    } catch {
      // The roster may be unavailable; the name on the activity is still removed.
    }
    await s.knowledgeStore.recordUnanswered(scrubPersonalData(q, names), outcome, s.now());
  } catch (err) {
    // Never fail the answer because the record could not be kept.
    s.log.warn("could not keep an unanswered question", { err: err as Error });
  }
}

/** Answer a question, or say plainly why not. Never guesses. */
export async function ask(s: Services, caller: Caller, question: string): Promise<Reply> {
  const q = question.trim();
  if (!q) return prompt(s, { question: "", error: t(caller.lang, "faq.prompt.empty") }, caller.lang);
  if (q.length > MAX_QUESTION_LENGTH) {
    return prompt(s, { question: q, error: t(caller.lang, "faq.prompt.tooLong", { max: MAX_QUESTION_LENGTH, length: q.length }) }, caller.lang);
  }
  if (questionLanguage(caller, q) === "cy") {
    const welsh = answerInWelsh(q);
    if (welsh) return welshAnswerCard(s, welsh);
    // No Welsh entry answers it yet: the English search below may still help.
  }
  const faq = await s.knowledge.current();
  const result = faq.ask(q);
  if (result.kind === "answer") {
    if (result.confidence < LOW_CONFIDENCE) await keepUnanswered(s, caller, q, "low-confidence");
    return answerCard(s, result.entry, result.related);
  }
  await keepUnanswered(s, caller, q, result.kind);
  return noAnswerCard(s, q, result);
}

export async function topic(s: Services, id: string): Promise<Reply | undefined> {
  const entry = (await s.knowledge.current()).byId(id);
  return entry ? answerCard(s, entry, []) : undefined;
}

/** 👍/👎 on an answer: counted per entry, no person id kept. */
export async function feedback(s: Services, d: { id: string; helpful: boolean }, lang: Lang = DEFAULT_LANG): Promise<Reply> {
  const entry = (await s.knowledge.current()).byId(d.id);
  if (!entry) return text("That answer is no longer in the knowledge base, so I could not count your feedback.");
  await s.knowledgeStore.feedback(entry.id, d.helpful);
  const welsh = lang === "cy" ? welshEntry(entry.id) : undefined;
  return welsh ? welshAnswerCard(s, welsh, true) : answerCard(s, entry, [], true);
}

export function thanks(): Reply {
  return text("You are welcome. Ask me anything else about the secondment programme, or type menu.");
}
