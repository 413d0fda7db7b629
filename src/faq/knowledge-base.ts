import type { FaqEntry } from "./knowledge";
import { createFaq, SHIPPED_ENTRIES, type Faq } from "./search";
import type { KbChange, KbDoc, KnowledgeStore } from "../store/knowledge";

/** Apply the programme team's changes (those not undone), in order, to the shipped entries. */
export function applyChanges(shipped: readonly FaqEntry[], changes: readonly KbChange[]): FaqEntry[] {
  const entries = shipped.map((e) => ({ ...e, alternates: [...(e.alternates ?? [])] }));
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const c of changes) {
    if (c.undone) continue;
    if (c.kind === "alternate") {
      const entry = byId.get(c.entryId);
      if (entry && !entry.alternates.includes(c.text)) entry.alternates.push(c.text);
    } else if (!byId.has(c.entryId)) {
      const entry = { id: c.entryId, topic: c.topic, question: c.question, answer: [...c.answer], keywords: [], alternates: [] as string[] };
      entries.push(entry);
      byId.set(entry.id, entry);
    }
  }
  return entries;
}

/**
 * The live knowledge base on one instance: the shipped entries plus the team's changes from
 * Cosmos. Every instance re-reads the change log's version (one point read) at most every
 * `refreshMs` when asked a question, and rebuilds its indexes when the version moved, so a change
 * made on one instance is answered on every instance within refreshMs (a minute at most).
 */
export class KnowledgeBase {
  private faq: Faq;
  private version = 0;
  private checkedAt = -Infinity;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly store: KnowledgeStore,
    private readonly options: { refreshMs: number; shipped?: readonly FaqEntry[]; onError?: (err: unknown) => void } = { refreshMs: 30_000 },
  ) {
    this.faq = createFaq(options.shipped ?? SHIPPED_ENTRIES);
  }

  /** The FAQ to answer from, refreshed if the last look at the store is older than refreshMs. */
  async current(): Promise<Faq> {
    if (performance.now() - this.checkedAt >= this.options.refreshMs) {
      this.refreshing ??= this.refresh()
        .catch((err: unknown) => {
          // The store did not answer: keep answering from what this instance has, and look again later.
          this.checkedAt = performance.now();
          this.options.onError?.(err);
        })
        .finally(() => (this.refreshing = undefined));
      await this.refreshing;
    }
    return this.faq;
  }

  /** Read the change log and rebuild if it moved on. */
  async refresh(): Promise<void> {
    const doc = await this.store.read();
    this.checkedAt = performance.now();
    this.use(doc);
  }

  /** Use a change log this instance has just written or read. */
  use(doc: KbDoc): void {
    if (doc.version <= this.version) return;
    this.faq = createFaq(applyChanges(this.options.shipped ?? SHIPPED_ENTRIES, doc.changes));
    this.version = doc.version;
  }

  get currentVersion(): number {
    return this.version;
  }
}
