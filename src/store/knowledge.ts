import { createHash } from "node:crypto";
import type { Container } from "@azure/cosmos";
import type { Lang } from "../i18n";
import { readItem, updateItem } from "./store";

/**
 * The knowledge base the programme team keeps, in the `knowledge` container (pk /pk):
 *   - one document `knowledge-base` (pk the same) holding every change, in order, with who made it
 *     and when. Its `version` goes up by one with every change or undo, under an etag guard, so
 *     two team members editing at once never lose a change. The shipped entries in the repo are
 *     the starting content; the changes are applied on top of them (see applyChanges).
 *   - one document per unanswered question (pk `unanswered`): the text only, with personal data
 *     removed before it is stored, and how many times it was asked. No person id.
 *   - one document per entry with its 👍/👎 counts (pk `feedback`). No person id: each vote is kept
 *     under a one-way digest of the voter and the entry, so a second press (a double-click, or a
 *     later change of mind) replaces that person's vote rather than adding one.
 */
export const KB_DOC = "knowledge-base";
const UNANSWERED_PK = "unanswered";
const FEEDBACK_PK = "feedback";
/** Cosmos items must stay under 2 MB; this keeps the change log far below that. */
export const MAX_CHANGES = 2000;

export interface ChangeAuthor {
  /** The team member's Entra object id (a member of config.programmeTeam.aadObjectIds). */
  aadObjectId: string;
  name: string;
}

export type KbChange = {
  n: number;
  by: ChangeAuthor;
  at: string;
  /** version: the knowledge base's version the undo made (absent on undos stored before it was kept). */
  undone?: { by: ChangeAuthor; at: string; version?: number };
  /** The unanswered question this change answers, reopened if the change is undone. */
  questionId?: string;
} & (
  /** lang: the language the alternate or entry is written in; it only helps questions in that language (absent: English). */
  | { kind: "alternate"; entryId: string; text: string; lang?: Lang }
  | { kind: "entry"; entryId: string; topic: string; question: string; answer: string[]; lang?: Lang }
);

/** A change as its author gives it: the store numbers it. */
export type NewChange = KbChange extends infer C ? (C extends KbChange ? Omit<C, "n" | "undone"> : never) : never;

/** One line of the history: a change, or the undoing of one (an undo is kept on the change it undid). */
export type KbEvent = { kind: "change"; change: KbChange } | { kind: "undo"; change: KbChange & { undone: NonNullable<KbChange["undone"]> } };

/** The latest `limit` changes and undos, newest first: who did what and when, undos included. */
export function kbHistory(changes: readonly KbChange[], limit: number): KbEvent[] {
  const events: { at: string; order: number; event: KbEvent }[] = [];
  for (const c of changes) {
    events.push({ at: c.at, order: c.n * 2, event: { kind: "change", change: c } });
    if (c.undone) events.push({ at: c.undone.at, order: (c.undone.version ?? c.n) * 2 + 1, event: { kind: "undo", change: { ...c, undone: c.undone } } });
  }
  return events
    .sort((a, b) => b.at.localeCompare(a.at) || b.order - a.order)
    .slice(0, limit)
    .map((e) => e.event);
}

/** A question as compared with another: case and runs of spaces do not matter. */
export const normaliseQuestion = (text: string): string => text.toLowerCase().replace(/\s+/g, " ").trim();

export interface KbDoc {
  version: number;
  changes: KbChange[];
}

export type UnansweredOutcome = "low-confidence" | "did-you-mean" | "not-covered" | "off-topic";

export interface UnansweredQuestion {
  kind: "unanswered";
  text: string;
  count: number;
  firstAt: string;
  lastAt: string;
  outcome: UnansweredOutcome;
  /** The change that answered it, once a team member has. */
  resolvedBy?: number;
  /**
   * Which of the suggested topics people chose after asking it ("did you mean", or the closest
   * topics under "not covered"): entry id → how many times. No person id.
   */
  chosen?: Record<string, number>;
}

/** At most this many different topics are counted per question (only suggested ones can be chosen). */
const MAX_CHOSEN = 10;

export interface FeedbackCounts {
  kind: "feedback";
  entryId: string;
  helpful: number;
  notHelpful: number;
  /** Digest of (entry, voter) -> their vote; counts kept before votes were recorded have no entry here. */
  votes?: Record<string, boolean>;
}

/** At most this many votes are remembered per entry (the counts go on; only repeat presses beyond it count again). */
const MAX_VOTES = 5000;
const voteKey = (entryId: string, voter: string) => createHash("sha256").update(`faq-vote|${entryId}|${voter}`).digest("base64url").slice(0, 22);

export class KnowledgeStore {
  constructor(private readonly container: Container) {}

  async read(): Promise<KbDoc & { _etag?: string }> {
    const doc = await readItem<KbDoc>(this.container, KB_DOC, KB_DOC);
    return doc ?? { version: 0, changes: [] };
  }

  /** Add one change (etag-guarded); returns the new document. */
  async add(change: NewChange): Promise<{ doc: KbDoc; n: number }> {
    const added = await this.addUnless(change, () => false);
    return added as { doc: KbDoc; n: number };
  }

  /**
   * Add one change unless `already(current)` says the change log as it stands already has it
   * (asked again on every etag retry, so two people adding the same thing at once write it once).
   * n is undefined when nothing was written.
   */
  async addUnless(change: NewChange, already: (current: KbDoc) => boolean): Promise<{ doc: KbDoc; n: number | undefined }> {
    let n: number | undefined;
    const { doc, changed } = await updateItem<KbDoc>(this.container, KB_DOC, KB_DOC, (current) => {
      const base = current ?? { version: 0, changes: [] };
      n = undefined;
      if (already(base)) return undefined;
      if (base.changes.length >= MAX_CHANGES) throw new Error("The knowledge base has too many changes to keep another.");
      n = base.version + 1;
      return { version: n, changes: [...base.changes, { ...change, n } as KbChange] };
    });
    return { doc: doc ?? { version: 0, changes: [] }, n: changed ? n : undefined };
  }

  /** Mark change n undone (etag-guarded). False if there is no such change or it is already undone. */
  async undo(n: number, by: ChangeAuthor, at: Date): Promise<{ changed: boolean; change?: KbChange }> {
    let found: KbChange | undefined;
    const { changed } = await updateItem<KbDoc>(this.container, KB_DOC, KB_DOC, (current) => {
      found = current?.changes.find((c) => c.n === n);
      if (!current || !found || found.undone) return undefined;
      return {
        version: current.version + 1,
        changes: current.changes.map((c) => (c.n === n ? { ...c, undone: { by, at: at.toISOString(), version: current.version + 1 } } : c)),
      };
    });
    return { changed, ...(found ? { change: found } : {}) };
  }

  // ---- Unanswered questions ----------------------------------------------

  static idFor(text: string): string {
    return `q-${createHash("sha256").update(normaliseQuestion(text)).digest("hex").slice(0, 32)}`;
  }

  /** Count a question the bot could not answer (text must already be scrubbed); returns its id. */
  async recordUnanswered(text: string, outcome: UnansweredOutcome, at: Date): Promise<string> {
    const id = KnowledgeStore.idFor(text);
    await updateItem<UnansweredQuestion>(this.container, id, UNANSWERED_PK, (current) => ({
      kind: "unanswered",
      text,
      count: (current?.count ?? 0) + 1,
      firstAt: current?.firstAt ?? at.toISOString(),
      lastAt: at.toISOString(),
      outcome,
      // Asked again after it was resolved and still not answered: show it again.
      ...(current?.chosen ? { chosen: current.chosen } : {}),
    }));
    return id;
  }

  /**
   * Count that someone who asked question `id` chose entry `entryId` from the topics suggested to
   * them (etag-guarded). Nothing happens if the question is not kept (never stored, or erased).
   */
  async recordChoice(id: string, entryId: string): Promise<boolean> {
    const { changed } = await updateItem<UnansweredQuestion>(this.container, id, UNANSWERED_PK, (current) => {
      if (!current) return undefined;
      const chosen = { ...(current.chosen ?? {}) };
      if (chosen[entryId] === undefined && Object.keys(chosen).length >= MAX_CHOSEN) return undefined;
      chosen[entryId] = (chosen[entryId] ?? 0) + 1;
      return { ...current, chosen };
    });
    return changed;
  }

  async unanswered(): Promise<Array<UnansweredQuestion & { id: string }>> {
    const { resources } = await this.container.items
      .query<UnansweredQuestion & { id: string }>({
        query: "SELECT * FROM c WHERE c.pk = @pk",
        parameters: [{ name: "@pk", value: UNANSWERED_PK }],
      })
      .fetchAll();
    return resources;
  }

  async unansweredById(id: string): Promise<(UnansweredQuestion & { id: string }) | undefined> {
    return readItem<UnansweredQuestion>(this.container, id, UNANSWERED_PK);
  }

  /** Mark an unanswered question as dealt with by change n (or reopen it with undefined). */
  async resolve(id: string, n: number | undefined): Promise<void> {
    await updateItem<UnansweredQuestion>(this.container, id, UNANSWERED_PK, (current) => {
      if (!current) return undefined;
      const { resolvedBy: _old, ...rest } = current;
      return n === undefined ? rest : { ...rest, resolvedBy: n };
    });
  }

  // ---- Feedback -------------------------------------------------------------

  /** Count `voter`'s 👍/👎 on an entry once: the same vote again changes nothing; the other vote replaces it (etag-guarded). */
  async feedback(entryId: string, helpful: boolean, voter: string): Promise<FeedbackCounts> {
    const key = voteKey(entryId, voter);
    const { doc } = await updateItem<FeedbackCounts>(this.container, `feedback-${entryId}`, FEEDBACK_PK, (current) => {
      const votes = { ...(current?.votes ?? {}) };
      const before = votes[key];
      if (before === helpful) return undefined;
      let helpfulCount = (current?.helpful ?? 0) + (helpful ? 1 : 0);
      let notHelpfulCount = (current?.notHelpful ?? 0) + (helpful ? 0 : 1);
      if (before !== undefined) {
        if (before) helpfulCount -= 1;
        else notHelpfulCount -= 1;
      }
      if (before !== undefined || Object.keys(votes).length < MAX_VOTES) votes[key] = helpful;
      return { kind: "feedback", entryId, helpful: Math.max(0, helpfulCount), notHelpful: Math.max(0, notHelpfulCount), votes };
    });
    return doc!;
  }

  /**
   * Remove one person's 👍/👎 from every entry, and from its counts (etag-guarded, entry by entry):
   * for an erasure, which knows the person and so can work out the same digest for each entry.
   * Idempotent: a repeat finds nothing left. Returns how many votes were removed.
   */
  async forgetVoter(voter: string): Promise<number> {
    let removed = 0;
    for (const counts of await this.feedbackCounts()) {
      const key = voteKey(counts.entryId, voter);
      if (counts.votes?.[key] === undefined) continue;
      const { changed } = await updateItem<FeedbackCounts>(this.container, `feedback-${counts.entryId}`, FEEDBACK_PK, (current) => {
        const before = current?.votes?.[key];
        if (!current || before === undefined) return undefined;
        const { [key]: _gone, ...votes } = current.votes!;
        return { ...current, helpful: Math.max(0, current.helpful - (before ? 1 : 0)), notHelpful: Math.max(0, current.notHelpful - (before ? 0 : 1)), votes };
      });
      if (changed) removed++;
    }
    return removed;
  }

  async feedbackCounts(): Promise<FeedbackCounts[]> {
    const { resources } = await this.container.items
      .query<FeedbackCounts>({ query: "SELECT * FROM c WHERE c.pk = @pk", parameters: [{ name: "@pk", value: FEEDBACK_PK }] })
      .fetchAll();
    return resources;
  }
}
