import type { FaqEntry } from "./knowledge";
import { createWelshFaq, WELSH_ENTRIES } from "./knowledge-cy";
import { createFaq, SHIPPED_ENTRIES, type Faq } from "./search";
import type { Lang } from "../i18n";
import { normaliseQuestion, type KbChange, type KbDoc, type KnowledgeStore } from "../store/knowledge";

/**
 * Apply the programme team's changes (those not undone), in order, to the shipped entries of one
 * language: the alternates and new entries written in that language (English when a change names none).
 */
export function applyChanges(shipped: readonly FaqEntry[], changes: readonly KbChange[], lang: Lang = "en-GB"): FaqEntry[] {
  const entries = shipped.map((e) => ({ ...e, alternates: [...(e.alternates ?? [])] }));
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const c of changes) {
    if (c.undone) continue;
    if (c.kind === "alternate") {
      if ((c.lang ?? "en-GB") !== lang) continue;
      const entry = byId.get(c.entryId);
      if (entry && !entry.alternates.includes(c.text)) entry.alternates.push(c.text);
    } else if ((c.lang ?? "en-GB") === lang && !byId.has(c.entryId)) {
      const entry = { id: c.entryId, topic: c.topic, question: c.question, answer: [...c.answer], keywords: [], alternates: [] as string[], lang };
      entries.push(entry);
      byId.set(entry.id, entry);
    }
  }
  return entries;
}

/**
 * The live knowledge base on one instance: the shipped entries plus the team's changes from
 * Cosmos, in English and in Welsh. Every instance re-reads the change log's version (one point
 * read) at most every `refreshMs` when asked a question, and rebuilds its indexes when the version
 * moved, so a change made on one instance is answered on every instance within refreshMs (a
 * minute at most). The Welsh FAQ is built when first asked for, and again after a change.
 */
export class KnowledgeBase {
  private faq: Faq;
  private welsh: Faq | undefined;
  private changes: readonly KbChange[] = [];
  private version = 0;
  private checkedAt = -Infinity;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly store: KnowledgeStore,
    private readonly options: { refreshMs: number; shipped?: readonly FaqEntry[]; onError?: (err: unknown) => void } = { refreshMs: 30_000 },
  ) {
    this.faq = createFaq(options.shipped ?? SHIPPED_ENTRIES);
  }

  /** The FAQ to answer from in `lang`, refreshed if the last look at the store is older than refreshMs. */
  async current(lang: Lang = "en-GB"): Promise<Faq> {
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
    if (lang === "cy") {
      this.welsh ??= createWelshFaq(applyChanges(WELSH_ENTRIES, this.changes, "cy"));
      return this.welsh;
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
    this.changes = doc.changes;
    this.welsh = undefined;
    this.version = doc.version;
  }

  /**
   * Any entry by id, whichever language's FAQ holds it: the shipped entries and English ones the
   * team wrote are in the English FAQ, entries the team wrote in Welsh only in the Welsh one.
   */
  async entry(id: string): Promise<FaqEntry | undefined> {
    return (await this.current()).byId(id) ?? (await this.current("cy")).byId(id);
  }

  /** Every entry a team member can choose (to add an alternate to): the English FAQ's and the Welsh-only ones the team wrote. */
  async choosable(): Promise<FaqEntry[]> {
    const english = (await this.current()).entries;
    const welshOnly = (await this.current("cy")).entries.filter((e) => e.lang === "cy");
    return [...english, ...welshOnly];
  }

  /**
   * Whether entry `entryId`, with the changes in `doc` applied, already asks `text` (its question
   * or one of its alternates, in either language), case and spaces aside.
   */
  asks(doc: KbDoc, entryId: string, text: string): boolean {
    const wanted = normaliseQuestion(text);
    const english = applyChanges(this.options.shipped ?? SHIPPED_ENTRIES, doc.changes).find((e) => e.id === entryId);
    const welsh = applyChanges(WELSH_ENTRIES, doc.changes, "cy").find((e) => e.id === entryId);
    return [english, welsh].some((e) => e !== undefined && [e.question, ...(e.alternates ?? [])].some((q) => normaliseQuestion(q) === wanted));
  }

  get currentVersion(): number {
    return this.version;
  }
}
