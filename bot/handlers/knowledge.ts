import { randomUUID } from "node:crypto";
import { z } from "zod";
import { renderCard } from "../render-card";
import { todayInLondon } from "../../src/domain/dates";
import type { FaqEntry } from "../../src/faq/knowledge";
import { welshEntry } from "../../src/faq/knowledge-cy";
import { DEFAULT_LANG, formatDate, t, type Lang } from "../../src/i18n";
import { detectLanguage } from "../../src/i18n/detect";
import { kbHistory, type KbChange } from "../../src/store/knowledge";
import { isProgrammeTeam } from "./secondment";
import { card, text, type Caller, type Reply, type Services } from "./types";

/** The programme team keeps the knowledge base: unanswered questions, new answers, alternates, undo. */

const SHOWN_QUESTIONS = 10;
const SHOWN_CHANGES = 10;

/** Said to anyone outside the programme team who tries the knowledge-base commands. */
export const notTeamMessage = (lang: Lang): string => t(lang, "knowledge.notTeam");

type Field = "question" | "entry" | "topic" | "answer";
const field = (lang: Lang, f: Field) => t(lang, `knowledge.field.${f}`);
const questionId = (lang: Lang) => z.string().regex(/^q-[0-9a-f]{32}$/, t(lang, "knowledge.error.questionId"));
function textOf(lang: Lang, f: Field, min: number, max: number) {
  const label = field(lang, f);
  return z
    .string({ message: t(lang, "knowledge.error.text", { field: label }) })
    .trim()
    .min(min, t(lang, "knowledge.error.min", { field: label, min }))
    .max(max, t(lang, "knowledge.error.max", { field: label, max }));
}

/** What the team types to add a question to an entry; messages in `lang`. */
export function alternateInput(lang: Lang = DEFAULT_LANG) {
  const chosen = t(lang, "knowledge.error.chosen", { field: field(lang, "entry") });
  return z.object({ questionId: questionId(lang), text: textOf(lang, "question", 3, 300), entryId: z.string({ message: chosen }).min(1, chosen).max(100) });
}

/** What the team types to write a new entry; messages in `lang`. */
export function answerInput(lang: Lang = DEFAULT_LANG) {
  return z.object({ questionId: questionId(lang), question: textOf(lang, "question", 3, 300), topic: textOf(lang, "topic", 3, 80), answer: textOf(lang, "answer", 20, 1500) });
}

/**
 * Every field that is wrong, with its first message, in the order the issues came (the card's
 * order); a mistake in no field of the card (a bad question id) is listed under "".
 */
export function fieldErrors(err: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of err.issues) {
    const key = String(issue.path[0] ?? "");
    out[key] ??= issue.message;
  }
  return out;
}

/** A card's error view: each field's message beside it and all of them under "There is a problem". */
function errorView(errors: Record<string, string>): { errors: Record<string, string>; errorSummary: string[] } {
  return { errors, errorSummary: Object.values(errors) };
}

/** An entry's title as the reader reads it: the Welsh entry's, where there is one. */
export const topicIn = (lang: Lang, entry: { id: string; topic: string }): string => (lang === "cy" ? (welshEntry(entry.id)?.topic ?? entry.topic) : entry.topic);

/**
 * The suggested topics people chose after asking a question, most chosen first, that are still in
 * the knowledge base; the first is the likeliest entry to add the question to.
 */
export function chosenTopics(chosen: Record<string, number> | undefined, live: ReadonlyMap<string, FaqEntry>): Array<{ entry: FaqEntry; count: number }> {
  return Object.entries(chosen ?? {})
    .filter(([id]) => live.has(id))
    .map(([id, count]) => ({ entry: live.get(id)!, count }))
    .sort((a, b) => b.count - a.count || a.entry.id.localeCompare(b.entry.id));
}

/** "People who asked this then chose: Pay and expenses (3 times), Types of secondment (once)", or undefined. */
export function chosenText(lang: Lang, chosen: ReturnType<typeof chosenTopics>): string | undefined {
  if (chosen.length === 0) return undefined;
  const topics = chosen.map((c) => t(lang, "knowledge.kb.chosenTopic", { topic: topicIn(lang, c.entry), count: c.count })).join(", ");
  return t(lang, "knowledge.kb.chosen", { topics });
}

function author(caller: Caller) {
  return { aadObjectId: caller.person.aadObjectId, name: caller.name ?? t(caller.lang, "knowledge.aTeamMember") };
}

/** When something happened, as a UK date in the reader's language. */
const on = (lang: Lang, iso: string) => formatDate(lang, todayInLondon(new Date(iso)));

/** The language a change is written in, as the catalogues' `written` select takes it ("cy", else "en"). */
export const writtenIn = (c: KbChange): "cy" | "en" => (c.lang === "cy" ? "cy" : "en");

async function describe(s: Services, lang: Lang, c: KbChange): Promise<string> {
  if (c.kind === "entry") return t(lang, "knowledge.change.entry", { topic: c.topic, question: c.question, written: writtenIn(c) });
  const entry = await s.knowledge.entry(c.entryId);
  return t(lang, "knowledge.change.alternate", { text: c.text, topic: entry ? topicIn(lang, entry) : c.entryId, written: writtenIn(c) });
}

export async function show(s: Services, caller: Caller, notice?: string): Promise<Reply> {
  const lang = caller.lang;
  if (!isProgrammeTeam(s, caller.person)) return text(notTeamMessage(caller.lang));
  const [questions, doc, feedback] = await Promise.all([s.knowledgeStore.unanswered(), s.knowledgeStore.read(), s.knowledgeStore.feedbackCounts()]);
  s.knowledge.use(doc);
  const entries = new Map((await s.knowledge.choosable()).map((e) => [e.id, e]));
  const open = questions
    .filter((q) => q.resolvedBy === undefined)
    .sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt))
    .slice(0, SHOWN_QUESTIONS);
  const history = kbHistory(doc.changes, SHOWN_CHANGES);
  return card(
    renderCard("faq-kb", {
      ...(notice ? { notice } : {}),
      questions: open.map((q) => {
        const chosen = chosenText(lang, chosenTopics(q.chosen, entries));
        return { id: q.id, text: q.text, asked: t(lang, "knowledge.kb.asked", { count: q.count, date: on(lang, q.lastAt) }), ...(chosen ? { chosen } : {}) };
      }),
      changes: await Promise.all(
        history.map(async (e) => {
          const c = e.change;
          if (e.kind === "undo") {
            const u = e.change.undone;
            const byline = t(lang, "knowledge.change.undoByline", { name: u.by.name, date: on(lang, u.at), versioned: u.version === undefined ? "no" : "yes", version: u.version ?? 0 });
            return { n: c.n, summary: t(lang, "knowledge.change.undo", { change: await describe(s, lang, c) }), byline, canUndo: false };
          }
          return { n: c.n, summary: await describe(s, lang, c), byline: t(lang, "knowledge.change.byline", { name: c.by.name, date: on(lang, c.at), n: c.n }), canUndo: !c.undone };
        }),
      ),
      feedback: feedback
        .filter((f) => entries.has(f.entryId))
        .sort((a, b) => b.notHelpful - a.notHelpful || b.helpful - a.helpful)
        .map((f) => ({ topic: topicIn(lang, entries.get(f.entryId)!), counts: `👍 ${f.helpful}  👎 ${f.notHelpful}` })),
    }, lang),
  );
}

const entryChoices = (entries: readonly FaqEntry[], lang: Lang) => entries.map((e) => ({ title: topicIn(lang, e), value: e.id }));

export async function openAlternate(s: Services, caller: Caller, d: { questionId: string }): Promise<Reply> {
  if (!isProgrammeTeam(s, caller.person)) return text(notTeamMessage(caller.lang));
  const q = await s.knowledgeStore.unansweredById(d.questionId);
  if (!q) return show(s, caller, t(caller.lang, "knowledge.notice.gone"));
  const entries = await s.knowledge.choosable();
  // The topic people chose most often after asking it comes already picked.
  const [likeliest] = chosenTopics(q.chosen, new Map(entries.map((e) => [e.id, e])));
  return card(
    renderCard("faq-kb-alternate", { questionId: q.id, text: q.text, entries: entryChoices(entries, caller.lang), ...(likeliest ? { entryId: likeliest.entry.id } : {}) }, caller.lang),
  );
}

export async function addAlternate(s: Services, caller: Caller, data: unknown): Promise<Reply> {
  if (!isProgrammeTeam(s, caller.person)) return text(notTeamMessage(caller.lang));
  const parsed = alternateInput(caller.lang).safeParse(data);
  const raw = (data ?? {}) as Record<string, unknown>;
  const again = async (errors: Record<string, string>) =>
    card(
      renderCard("faq-kb-alternate", {
        questionId: String(raw.questionId ?? ""),
        text: typeof raw.text === "string" ? raw.text : "",
        entries: entryChoices(await s.knowledge.choosable(), caller.lang),
        ...(typeof raw.entryId === "string" && raw.entryId ? { entryId: raw.entryId } : {}),
        ...errorView(errors),
      }, caller.lang),
    );
  if (!parsed.success) return again(fieldErrors(parsed.error));
  const added = await addAlternateChange(s, caller, parsed.data);
  if (added.kind === "no-entry") return again({ entryId: t(caller.lang, "knowledge.error.unknownEntry") });
  if (added.kind === "already") return show(s, caller, t(caller.lang, "knowledge.notice.alreadyAlternate", { text: parsed.data.text, topic: topicIn(caller.lang, added.entry) }));
  return show(s, caller, t(caller.lang, "knowledge.notice.addedAlternate", { text: parsed.data.text, topic: topicIn(caller.lang, added.entry) }));
}

export async function openAnswer(s: Services, caller: Caller, d: { questionId: string }): Promise<Reply> {
  if (!isProgrammeTeam(s, caller.person)) return text(notTeamMessage(caller.lang));
  const q = await s.knowledgeStore.unansweredById(d.questionId);
  if (!q) return show(s, caller, t(caller.lang, "knowledge.notice.gone"));
  return card(renderCard("faq-kb-answer", { questionId: q.id, question: q.text }, caller.lang));
}

export async function addAnswer(s: Services, caller: Caller, data: unknown): Promise<Reply> {
  if (!isProgrammeTeam(s, caller.person)) return text(notTeamMessage(caller.lang));
  const parsed = answerInput(caller.lang).safeParse(data);
  if (!parsed.success) {
    const raw = (data ?? {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === "string" ? v : "");
    return card(
      renderCard("faq-kb-answer", {
        questionId: str(raw.questionId),
        question: str(raw.question),
        topic: str(raw.topic),
        answer: str(raw.answer),
        ...errorView(fieldErrors(parsed.error)),
      }, caller.lang),
    );
  }
  await addAnswerChange(s, caller, parsed.data);
  return show(s, caller, t(caller.lang, "knowledge.notice.addedEntry", { topic: parsed.data.topic }));
}

export async function undo(s: Services, caller: Caller, d: { n: number }): Promise<Reply> {
  if (!isProgrammeTeam(s, caller.person)) return text(notTeamMessage(caller.lang));
  const undone = await undoChange(s, caller, d.n);
  if (undone.kind !== "undone") return show(s, caller, t(caller.lang, undone.kind === "already" ? "knowledge.notice.alreadyUndone" : "knowledge.notice.noSuchChange"));
  return show(s, caller, t(caller.lang, "knowledge.notice.undone", { change: await describe(s, caller.lang, undone.change) }));
}

// ---- The changes themselves, shared by the chat cards and the Programme tab -------------------
// Callers check the programme team first and validate input with alternateInput() / answerInput().

/** Add an unanswered question as an alternate of an entry (etag-guarded change log), and mark the question dealt with. */
export async function addAlternateChange(
  s: Services,
  caller: Caller,
  input: z.output<ReturnType<typeof alternateInput>>,
): Promise<{ kind: "added"; entry: FaqEntry; n: number } | { kind: "already"; entry: FaqEntry } | { kind: "no-entry" }> {
  const entry = await s.knowledge.entry(input.entryId);
  if (!entry) return { kind: "no-entry" };
  // The alternate helps questions in the language it is written in; too short to tell: the team member's.
  const lang = detectLanguage(input.text) ?? caller.lang;
  // Already the entry's question or one of its alternates (a double click, or two people at once): nothing is written.
  const change = { kind: "alternate" as const, entryId: entry.id, text: input.text, lang, questionId: input.questionId, by: author(caller), at: s.now().toISOString() };
  const { doc, n } = await s.knowledgeStore.addUnless(change, (current) => s.knowledge.asks(current, entry.id, input.text));
  s.knowledge.use(doc);
  if (n === undefined) return { kind: "already", entry };
  await s.knowledgeStore.resolve(input.questionId, n);
  s.log.info("knowledge base changed", { change: n, kind: "alternate", entryId: entry.id, lang });
  return { kind: "added", entry, n };
}

/** Add a new entry answering an unanswered question (etag-guarded change log), and mark the question dealt with. */
export async function addAnswerChange(s: Services, caller: Caller, input: z.output<ReturnType<typeof answerInput>>): Promise<{ n: number }> {
  // Answered in the language it is written in (Welsh questions from the Welsh FAQ); unclear: the team member's.
  const lang = detectLanguage([input.topic, input.question, input.answer].join(". ")) ?? caller.lang;
  const { doc, n } = await s.knowledgeStore.add({
    kind: "entry",
    entryId: `team-${randomUUID().slice(0, 8)}`,
    topic: input.topic,
    question: input.question,
    answer: input.answer.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean),
    lang,
    questionId: input.questionId,
    by: author(caller),
    at: s.now().toISOString(),
  });
  s.knowledge.use(doc);
  await s.knowledgeStore.resolve(input.questionId, n);
  s.log.info("knowledge base changed", { change: n, kind: "entry", lang });
  return { n };
}

/** Undo change n (etag-guarded), reopening the question it dealt with. */
export async function undoChange(s: Services, caller: Caller, n: number): Promise<{ kind: "undone"; change: KbChange } | { kind: "already" } | { kind: "missing" }> {
  const { changed, change } = await s.knowledgeStore.undo(n, author(caller), s.now());
  if (!changed) return change ? { kind: "already" } : { kind: "missing" };
  if (change?.questionId) await s.knowledgeStore.resolve(change.questionId, undefined);
  await s.knowledge.refresh();
  s.log.info("knowledge base change undone", { change: n });
  return { kind: "undone", change: change! };
}
