import type { TextItem } from "../../cards";
import { renderCard } from "../render-card";
import type { FaqEntry } from "../../src/faq/knowledge";
import { scrubPersonalData } from "../../src/faq/scrub";
import type { FaqResult } from "../../src/faq/search";
import type { UnansweredOutcome } from "../../src/store/knowledge";
import { welshEntry, type WelshFaqEntry } from "../../src/faq/knowledge-cy";
import { personKey } from "../../src/domain/person";
import { DEFAULT_LANG, t, type Lang } from "../../src/i18n";
import { detectLanguage, looksWelsh } from "../../src/i18n/detect";
import { card, text, type Caller, type Reply, type Services } from "./types";

/** Longest question we search for. Longer text is refused with a message, never cut silently. */
export const MAX_QUESTION_LENGTH = 500;
/** Answers below this confidence are also kept for the programme team to check. */
export const LOW_CONFIDENCE = 1.2;

type Topic = { id: string; topic: string };

/**
 * An answer's paragraphs as card text. A long list is split over paragraphs (each stays short
 * enough to edit and read); a paragraph that carries on the list ending the one above it is drawn
 * with no gap, so the reader sees one list.
 */
export function answerParagraphs(texts: readonly string[]): TextItem[] {
  const endsInList = (t: string) => /(^|\n)- [^\n]*$/.test(t);
  return texts.map((text, i) => (i > 0 && text.startsWith("- ") && endsInList(texts[i - 1]!) ? { text, spacing: "None" } : { text }));
}

/**
 * An entry's answer card. A shipped Welsh entry has a button to read the same entry in English; an
 * entry the programme team wrote is in the language it was written in (English unless marked).
 */
function answerCard(s: Services, entry: FaqEntry | WelshFaqEntry, related: Topic[], feedbackGiven = false, shippedWelsh = false): Reply {
  const lang = shippedWelsh ? "cy" : ((entry as FaqEntry).lang ?? "en-GB");
  return card(
    renderCard(
      "faq-answer",
      {
        entryId: entry.id,
        topic: entry.topic,
        paragraphs: answerParagraphs(entry.answer),
        related: related.map((r) => ({ id: r.id, topic: r.topic })),
        programmeEmail: s.config.programmeTeam.email,
        lang,
        ...(shippedWelsh ? { seeInEnglish: true } : {}),
        ...(feedbackGiven ? { feedbackGiven } : {}),
      },
      lang,
    ),
  );
}

/** A shipped entry's Welsh answer, with a button to read the same entry in English. */
const welshAnswerCard = (s: Services, entry: WelshFaqEntry, related: Topic[], feedbackGiven = false): Reply => answerCard(s, entry, related, feedbackGiven, true);

/**
 * The language to answer a question in: Welsh when it is written in Welsh (even if the person
 * chose English), English when written in English; when too short to tell, the person's language.
 */
export function questionLanguage(caller: Caller, q: string): Lang {
  // Detection only ever says Welsh for a question with a Welsh word or letter, and otherwise says
  // English or cannot tell (then the caller's language): for an English speaker's question with
  // neither, the answer is English either way, without running the language model.
  if (caller.lang === "en-GB" && !looksWelsh(q)) return "en-GB";
  return detectLanguage(q) ?? caller.lang;
}

export function prompt(_s: Services, entered?: { question: string; error: string }, lang: Lang = DEFAULT_LANG): Reply {
  return card(renderCard("faq-prompt", { maxLength: MAX_QUESTION_LENGTH, ...(entered ?? {}) }, lang));
}

/** "Did you mean", "not covered by the material" or "outside what I know", in the question's language. */
function noAnswerCard(s: Services, q: string, result: Exclude<FaqResult, { kind: "answer" }>, lang: Lang, questionId: string | undefined): Reply {
  const programmeEmail = s.config.programmeTeam.email;
  const closest = result.kind === "off-topic" ? [] : result.closest.map((e) => ({ id: e.id, topic: e.topic }));
  const base = { question: q.length > 120 ? `${q.slice(0, 117)}...` : q, closest, lang, ...(questionId ? { questionId } : {}) };
  const say = (key: string) => ({ text: t(lang, key, { programmeEmail }) });
  if (result.kind === "did-you-mean") {
    return card(
      renderCard(
        "faq-no-match",
        { ...base, heading: t(lang, "faq.didYouMean.heading"), paragraphs: [say("faq.didYouMean.body")], closestIntro: t(lang, "faq.didYouMean.closestIntro") },
        lang,
      ),
    );
  }
  if (result.kind === "not-covered") {
    const which = result.topic ? result.topic.id.replace(/^not-covered-/, "") : "generic";
    return card(
      renderCard(
        "faq-no-match",
        {
          ...base,
          heading: t(lang, "faq.notCovered.heading"),
          paragraphs: [say(`faq.notCovered.${which}.what`), say(`faq.notCovered.${which}.who`)],
          ...(closest.length > 0 ? { closestIntro: t(lang, "faq.notCovered.closestIntro") } : {}),
        },
        lang,
      ),
    );
  }
  return card(
    renderCard("faq-no-match", { ...base, heading: t(lang, "faq.offTopic.heading"), paragraphs: [say("faq.offTopic.body"), say("faq.offTopic.elsewhere")] }, lang),
  );
}

/** Keep a question the bot could not answer, without personal data, for the programme team; its id once kept. */
async function keepUnanswered(s: Services, caller: Caller, q: string, outcome: UnansweredOutcome): Promise<string | undefined> {
  try {
    let names: (string | undefined)[] = [caller.name];
    try {
      const profile = await caller.profile();
      names = [caller.name, profile.name];
    } catch {
      // The roster may be unavailable; the name on the activity is still removed.
    }
    return await s.knowledgeStore.recordUnanswered(scrubPersonalData(q, names), outcome, s.now());
  } catch (err) {
    // Never fail the answer because the record could not be kept.
    s.log.warn("could not keep an unanswered question", { err: err as Error });
    return undefined;
  }
}

/** Answer a question, or say plainly why not, in the language it is written in. Never guesses. */
export async function ask(s: Services, caller: Caller, question: string): Promise<Reply> {
  const q = question.trim();
  if (!q) return prompt(s, { question: "", error: t(caller.lang, "faq.prompt.empty") }, caller.lang);
  if (q.length > MAX_QUESTION_LENGTH) {
    return prompt(s, { question: q, error: t(caller.lang, "faq.prompt.tooLong", { max: MAX_QUESTION_LENGTH, length: q.length }) }, caller.lang);
  }
  const lang = questionLanguage(caller, q);
  // Welsh questions are answered from the Welsh entries, by the same rankers and decision rule.
  const faq = await s.knowledge.current(lang);
  const result = faq.ask(q);
  if (result.kind === "answer") {
    if (result.confidence < LOW_CONFIDENCE) await keepUnanswered(s, caller, q, "low-confidence");
    const welsh = lang === "cy" ? welshEntry(result.entry.id) : undefined;
    return welsh ? welshAnswerCard(s, welsh, result.related) : answerCard(s, result.entry, result.related);
  }
  const questionId = await keepUnanswered(s, caller, q, result.kind);
  return noAnswerCard(s, q, result, lang, questionId);
}

/** One entry, in the language asked for (Welsh when it has a Welsh version). */
export async function topic(s: Services, id: string, lang: Lang = DEFAULT_LANG): Promise<Reply | undefined> {
  const welsh = lang === "cy" ? welshEntry(id) : undefined;
  if (welsh) return welshAnswerCard(s, welsh, []);
  const entry = await s.knowledge.entry(id);
  return entry ? answerCard(s, entry, []) : undefined;
}

/**
 * Someone who asked question `questionId` chose entry `entryId` from the topics suggested: counted
 * for the programme team, who see which topic people meant when they add the question to one.
 * Never stops the answer being shown.
 */
export async function noteChoice(s: Services, questionId: string, entryId: string): Promise<void> {
  try {
    if (await s.knowledge.entry(entryId)) await s.knowledgeStore.recordChoice(questionId, entryId);
  } catch (err) {
    s.log.warn("could not count a suggested topic chosen", { err: err as Error });
  }
}

/** 👍/👎 on an answer: counted per entry, once per person (no person id kept). The card is redrawn in its own language. */
export async function feedback(s: Services, caller: Caller, d: { id: string; helpful: boolean }, lang: Lang = DEFAULT_LANG): Promise<Reply> {
  const entry = await s.knowledge.entry(d.id);
  if (!entry) return text(t(lang, "faq.feedbackGone"));
  await s.knowledgeStore.feedback(entry.id, d.helpful, personKey(caller.person));
  const welsh = lang === "cy" ? welshEntry(entry.id) : undefined;
  return welsh ? welshAnswerCard(s, welsh, [], true) : answerCard(s, entry, [], true);
}

export function thanks(lang: Lang = DEFAULT_LANG): Reply {
  return text(t(lang, "faq.thanks"));
}
