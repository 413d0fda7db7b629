import type { Request, Response, Server } from "restify";
import { z } from "zod";
import { t, type Lang } from "../src/i18n";
import { dateTimeLabel } from "../src/programme/labels";
import { kbHistory } from "../src/store/knowledge";
import { addAlternateChange, addAnswerChange, alternateInput, answerInput, chosenText, chosenTopics, topicIn, undoChange, writtenIn } from "./handlers/knowledge";
import type { Caller, Services } from "./handlers/types";

/**
 * The knowledge base in the Programme tab (issue 15 part 4): the questions the bot could not answer,
 * the recent changes and the 👍/👎 counts per entry, with the chat's actions (add a question as an
 * alternate of an entry, add a new entry, undo a change). The changes run the same functions as the
 * chat's knowledge base cards (bot/handlers/knowledge.ts), with the same etag-guarded change log;
 * only programme-team members get past `member` (401/403 otherwise). No person id is ever stored
 * or shown with a question.
 */

export type Member = (req: Request, res: Response) => Promise<{ caller: Caller; lang: Lang } | undefined>;
type Send = (res: Response, status: number, body: unknown) => void;

const SHOWN_QUESTIONS = 25;
/** Which change to undo: its number in the change log. */
const UndoInput = z.object({ n: z.number().int().min(1) });
const SHOWN_CHANGES = 15;

/**
 * Everything wrong with what was typed, in the reader's language: `errors` gives each wrong field's
 * message (shown beside that field), `error` and `field` the first of them.
 */
function problem(lang: Lang, error: z.ZodError): { error: string; field: string; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    errors[field] ??= t(lang, "programme.kb.error.field", { field });
  }
  const [field, message] = Object.entries(errors)[0]!;
  return { error: message, field, errors };
}

export function registerKnowledgeRoutes(server: Server, s: Services, member: Member, send: Send): void {
  server.get("/api/programme/knowledge", async (req, res) => {
    const m = await member(req, res);
    if (!m) return;
    const [questions, doc, feedback] = await Promise.all([s.knowledgeStore.unanswered(), s.knowledgeStore.read(), s.knowledgeStore.feedbackCounts()]);
    s.knowledge.use(doc);
    const live = new Map((await s.knowledge.choosable()).map((e) => [e.id, e]));
    const topicOf = (id: string) => {
      const e = live.get(id);
      return e ? topicIn(m.lang, e) : id;
    };
    send(res, 200, {
      questions: questions
        .filter((q) => q.resolvedBy === undefined)
        .sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt))
        .slice(0, SHOWN_QUESTIONS)
        .map((q) => {
          // Which suggested topics people chose after asking it: the first is picked in the tab's list.
          const chosen = chosenTopics(q.chosen, live);
          const said = chosenText(m.lang, chosen);
          return {
            id: q.id,
            text: q.text,
            count: q.count,
            lastAt: q.lastAt,
            lastAtText: dateTimeLabel(m.lang, q.lastAt),
            chosen: chosen.map((c) => ({ entryId: c.entry.id, topic: topicIn(m.lang, c.entry), count: c.count })),
            ...(said ? { chosenText: said } : {}),
          };
        }),
      entries: [...live.values()].map((e) => ({ id: e.id, topic: topicIn(m.lang, e) })).sort((a, b) => a.topic.localeCompare(b.topic, m.lang)),
      // The history, newest first: an undo is a row of its own ("undo", with the change it undid), and an undone change cannot be undone again.
      changes: kbHistory(doc.changes, SHOWN_CHANGES).map(({ kind, change: c }) => {
        const what = c.kind === "entry" ? { topic: c.topic, question: c.question } : { topic: topicOf(c.entryId), text: c.text };
        if (kind === "undo") return { n: c.n, kind: "undo", of: c.kind, written: writtenIn(c), by: c.undone!.by.name, at: c.undone!.at, atText: dateTimeLabel(m.lang, c.undone!.at), ...what, ...(c.undone!.version !== undefined ? { version: c.undone!.version } : {}) };
        return { n: c.n, kind: c.kind, written: writtenIn(c), by: c.by.name, at: c.at, atText: dateTimeLabel(m.lang, c.at), undone: Boolean(c.undone), ...what };
      }),
      feedback: feedback
        .filter((f) => live.has(f.entryId))
        .sort((a, b) => b.notHelpful - a.notHelpful || b.helpful - a.helpful)
        .map((f) => ({ entryId: f.entryId, topic: topicOf(f.entryId), helpful: f.helpful, notHelpful: f.notHelpful })),
    });
  });

  /** A change made from one unanswered question: members only, what was typed checked, the question still there. */
  const fromQuestion = <T extends { questionId: string }>(path: string, input: (lang: Lang) => z.ZodType<T>, change: (m: { caller: Caller; lang: Lang }, data: T) => Promise<[number, unknown]>) =>
    server.post(path, async (req, res) => {
      const m = await member(req, res);
      if (!m) return;
      const parsed = input(m.lang).safeParse(req.body);
      if (!parsed.success) return send(res, 400, problem(m.lang, parsed.error));
      if (!(await s.knowledgeStore.unansweredById(parsed.data.questionId))) return send(res, 404, { error: t(m.lang, "programme.kb.questionGone") });
      const [status, body] = await change(m, parsed.data);
      send(res, status, body);
    });

  fromQuestion("/api/programme/knowledge/alternate", alternateInput, async (m, data) => {
    const added = await addAlternateChange(s, m.caller, data);
    if (added.kind === "no-entry") {
      const error = t(m.lang, "programme.kb.error.field", { field: "entryId" });
      return [400, { error, field: "entryId", errors: { entryId: error } }];
    }
    // Nothing written (it was already there): said plainly, not as an error, so a double click reads well.
    if (added.kind === "already") return [200, { changed: false, message: t(m.lang, "programme.kb.alreadyAlternate", { question: data.text, topic: topicIn(m.lang, added.entry) }) }];
    return [200, { n: added.n, changed: true, message: t(m.lang, "programme.kb.alternateAdded", { question: data.text, topic: topicIn(m.lang, added.entry) }) }];
  });

  fromQuestion("/api/programme/knowledge/answer", answerInput, async (m, data) => {
    const { n } = await addAnswerChange(s, m.caller, data);
    return [200, { n, message: t(m.lang, "programme.kb.entryAdded", { topic: data.topic }) }];
  });

  server.post("/api/programme/knowledge/undo", async (req, res) => {
    const m = await member(req, res);
    if (!m) return;
    const parsed = UndoInput.safeParse(req.body);
    if (!parsed.success) return send(res, 400, problem(m.lang, parsed.error));
    const { n } = parsed.data;
    const undone = await undoChange(s, m.caller, n);
    if (undone.kind === "missing") return send(res, 404, { error: t(m.lang, "programme.kb.changeMissing") });
    if (undone.kind === "already") return send(res, 409, { error: t(m.lang, "programme.kb.alreadyUndone") });
    send(res, 200, { message: t(m.lang, "programme.kb.undone", { n }) });
  });
}
