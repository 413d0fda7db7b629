import { randomUUID } from "node:crypto";
import { z } from "zod";
import { renderCard } from "../../cards";
import { formatUkDate, todayInLondon } from "../../src/domain/dates";
import type { FaqEntry } from "../../src/faq/knowledge";
import type { KbChange } from "../../src/store/knowledge";
import { isProgrammeTeam } from "./secondment";
import { card, text, type Caller, type Reply, type Services } from "./types";

/** The programme team keeps the knowledge base: unanswered questions, new answers, alternates, undo. */

const formatUkDateTime = (d: Date) => formatUkDate(todayInLondon(d));

export const NOT_TEAM_MESSAGE = "Only the programme team can see and change the knowledge base.";
const SHOWN_QUESTIONS = 10;
const SHOWN_CHANGES = 10;

const QuestionText = z.string({ message: "must be text" }).trim().min(3, "must be at least 3 characters").max(300, "must be 300 characters or fewer");
export const AlternateInput = z.object({
  questionId: z.string().regex(/^q-[0-9a-f]{32}$/, "must be a question id"),
  text: QuestionText,
  entryId: z.string({ message: "must be chosen" }).min(1, "must be chosen").max(100),
});
export const AnswerInput = z.object({
  questionId: z.string().regex(/^q-[0-9a-f]{32}$/, "must be a question id"),
  question: QuestionText,
  topic: z.string({ message: "must be text" }).trim().min(3, "must be at least 3 characters").max(80, "must be 80 characters or fewer"),
  answer: z.string({ message: "must be text" }).trim().min(20, "must be at least 20 characters").max(1500, "must be 1,500 characters or fewer"),
});

const LABELS: Record<string, string> = { text: "Question", entryId: "Entry", question: "Question", topic: "Short title", answer: "Answer" };
function problem(err: z.ZodError): string {
  const issue = err.issues[0]!;
  const field = String(issue.path[0] ?? "data");
  return `${LABELS[field] ?? field} ${issue.message}.`;
}

function author(caller: Caller) {
  return { aadObjectId: caller.person.aadObjectId, name: caller.name ?? "A team member" };
}

async function describe(s: Services, c: KbChange): Promise<string> {
  if (c.kind === "entry") return `New entry "${c.topic}" for "${c.question}"`;
  const entry = (await s.knowledge.current()).byId(c.entryId);
  return `"${c.text}" added to "${entry?.topic ?? c.entryId}"`;
}

export async function show(s: Services, caller: Caller, notice?: string): Promise<Reply> {
  if (!isProgrammeTeam(s, caller.person)) return text(NOT_TEAM_MESSAGE);
  const [questions, doc, feedback, faq] = await Promise.all([
    s.knowledgeStore.unanswered(),
    s.knowledgeStore.read(),
    s.knowledgeStore.feedbackCounts(),
    s.knowledge.current(),
  ]);
  s.knowledge.use(doc);
  const open = questions
    .filter((q) => q.resolvedBy === undefined)
    .sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt))
    .slice(0, SHOWN_QUESTIONS);
  const changes = doc.changes.filter((c) => !c.undone).slice(-SHOWN_CHANGES).reverse();
  return card(
    renderCard("faq-kb", {
      ...(notice ? { notice } : {}),
      questions: open.map((q) => ({
        id: q.id,
        text: q.text,
        asked: `Asked ${q.count === 1 ? "once" : `${q.count} times`}, last on ${formatUkDateTime(new Date(q.lastAt))}`,
      })),
      changes: await Promise.all(
        changes.map(async (c) => ({ n: c.n, summary: await describe(s, c), byline: `By ${c.by.name}, ${formatUkDateTime(new Date(c.at))} (version ${c.n})` })),
      ),
      feedback: feedback
        .filter((f) => faq.byId(f.entryId))
        .sort((a, b) => b.notHelpful - a.notHelpful || b.helpful - a.helpful)
        .map((f) => ({ topic: faq.byId(f.entryId)!.topic, counts: `👍 ${f.helpful}  👎 ${f.notHelpful}` })),
    }),
  );
}

async function entryChoices(s: Services) {
  const faq = await s.knowledge.current();
  return faq.entries.map((e) => ({ title: e.topic, value: e.id }));
}

export async function openAlternate(s: Services, caller: Caller, d: { questionId: string }): Promise<Reply> {
  if (!isProgrammeTeam(s, caller.person)) return text(NOT_TEAM_MESSAGE);
  const q = await s.knowledgeStore.unansweredById(d.questionId);
  if (!q) return show(s, caller, "That question is no longer in the list.");
  return card(renderCard("faq-kb-alternate", { questionId: q.id, text: q.text, entries: await entryChoices(s) }));
}

export async function addAlternate(s: Services, caller: Caller, data: unknown): Promise<Reply> {
  if (!isProgrammeTeam(s, caller.person)) return text(NOT_TEAM_MESSAGE);
  const parsed = AlternateInput.safeParse(data);
  const raw = (data ?? {}) as Record<string, unknown>;
  const again = async (error: string) =>
    card(
      renderCard("faq-kb-alternate", {
        questionId: String(raw.questionId ?? ""),
        text: typeof raw.text === "string" ? raw.text : "",
        entries: await entryChoices(s),
        ...(typeof raw.entryId === "string" && raw.entryId ? { entryId: raw.entryId } : {}),
        error,
      }),
    );
  if (!parsed.success) return again(problem(parsed.error));
  const added = await addAlternateChange(s, caller, parsed.data);
  if (added.kind === "no-entry") return again("Entry must be one of the entries in the list.");
  return show(s, caller, `Added. "${parsed.data.text}" is now answered with "${added.entry.topic}".`);
}

export async function openAnswer(s: Services, caller: Caller, d: { questionId: string }): Promise<Reply> {
  if (!isProgrammeTeam(s, caller.person)) return text(NOT_TEAM_MESSAGE);
  const q = await s.knowledgeStore.unansweredById(d.questionId);
  if (!q) return show(s, caller, "That question is no longer in the list.");
  return card(renderCard("faq-kb-answer", { questionId: q.id, question: q.text }));
}

export async function addAnswer(s: Services, caller: Caller, data: unknown): Promise<Reply> {
  if (!isProgrammeTeam(s, caller.person)) return text(NOT_TEAM_MESSAGE);
  const parsed = AnswerInput.safeParse(data);
  if (!parsed.success) {
    const raw = (data ?? {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === "string" ? v : "");
    return card(
      renderCard("faq-kb-answer", {
        questionId: str(raw.questionId),
        question: str(raw.question),
        topic: str(raw.topic),
        answer: str(raw.answer),
        error: problem(parsed.error),
      }),
    );
  }
  await addAnswerChange(s, caller, parsed.data);
  return show(s, caller, `Added the entry "${parsed.data.topic}".`);
}

export async function undo(s: Services, caller: Caller, d: { n: number }): Promise<Reply> {
  if (!isProgrammeTeam(s, caller.person)) return text(NOT_TEAM_MESSAGE);
  const undone = await undoChange(s, caller, d.n);
  if (undone.kind !== "undone") return show(s, caller, undone.kind === "already" ? "That change was already undone." : "I could not find that change.");
  return show(s, caller, `Undone: ${await describe(s, undone.change)}.`);
}

// ---- The changes themselves, shared by the chat cards and the Programme tab -------------------
// Callers check the programme team first and validate input with AlternateInput / AnswerInput.

/** Add an unanswered question as an alternate of an entry (etag-guarded change log), and mark the question dealt with. */
export async function addAlternateChange(s: Services, caller: Caller, input: z.output<typeof AlternateInput>): Promise<{ kind: "added"; entry: FaqEntry; n: number } | { kind: "no-entry" }> {
  const entry = (await s.knowledge.current()).byId(input.entryId);
  if (!entry) return { kind: "no-entry" };
  const { doc, n } = await s.knowledgeStore.add({ kind: "alternate", entryId: entry.id, text: input.text, questionId: input.questionId, by: author(caller), at: s.now().toISOString() });
  s.knowledge.use(doc);
  await s.knowledgeStore.resolve(input.questionId, n);
  s.log.info("knowledge base changed", { change: n, kind: "alternate", entryId: entry.id });
  return { kind: "added", entry, n };
}

/** Add a new entry answering an unanswered question (etag-guarded change log), and mark the question dealt with. */
export async function addAnswerChange(s: Services, caller: Caller, input: z.output<typeof AnswerInput>): Promise<{ n: number }> {
  const { doc, n } = await s.knowledgeStore.add({
    kind: "entry",
    entryId: `team-${randomUUID().slice(0, 8)}`,
    topic: input.topic,
    question: input.question,
    answer: input.answer.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean),
    questionId: input.questionId,
    by: author(caller),
    at: s.now().toISOString(),
  });
  s.knowledge.use(doc);
  await s.knowledgeStore.resolve(input.questionId, n);
  s.log.info("knowledge base changed", { change: n, kind: "entry" });
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
