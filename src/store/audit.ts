import type { Container } from "@azure/cosmos";
import { randomUUID } from "node:crypto";
import type { Msg } from "../domain/msg";
import { cosmosCode, type Stored } from "./store";

/**
 * The programme team's audit trail: every confirm, turn-down, manual match, override, reminder,
 * export and view of someone's adjustments, from chat or from the Programme tab, with who and when.
 * Entries are only ever added (erasure rewrites one in place: see src/privacy/registry.ts).
 */
export const AUDIT_ACTIONS = ["confirm", "not-suitable", "manual-match", "override", "reminder", "export", "adjustments-view"] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  type: "audit";
  at: string;
  who: { aadObjectId: string; name?: string };
  action: AuditAction;
  /** What it was about, in words (a role and a person, a file name). */
  subject: string;
  /**
   * The person key ("tenant:aadObjectId", lower case) of everyone the entry is about or names, so a
   * person's export lists it and their erasure finds it; empty for an entry about no one (an export
   * file). Entries written before this field existed have none: see docs/data-model.md.
   */
  about: string[];
  /** The reason given for an override, or another short detail. */
  detail?: string;
  /**
   * The subject and detail again as catalogue messages, when they are made of fixed phrases ("{person}
   * for {role}"): each reader reads those in their own language. `subject` and `detail` keep the
   * words in English (the trail's one language) for the person's export, erasure and older readers.
   */
  words?: { subject?: Msg; detail?: Msg };
}

export interface AuditPage {
  /** What the tab shows: no person keys (the words name who it was about). */
  entries: (Omit<AuditEntry, "about"> & { id: string })[];
  next?: string;
}

export class AuditStore {
  constructor(private readonly container: Container) {}

  /** Add an entry. With a fixed `id` (an entry a match owed), a second write of it is a no-op. */
  async record(entry: Omit<AuditEntry, "type">, fixedId?: string): Promise<string> {
    const id = fixedId ?? `audit-${entry.at}-${randomUUID()}`;
    const about = [...new Set(entry.about.map((k) => k.toLowerCase()))];
    try {
      await this.container.items.create({ ...entry, about, type: "audit", id, pk: id });
    } catch (err) {
      if (!fixedId || cosmosCode(err) !== 409) throw err;
    }
    return id;
  }

  /** Newest first, a page at a time (the store's continuation token is the cursor). */
  async page(size: number, cursor?: string): Promise<AuditPage> {
    const iterator = this.container.items.query<Stored<AuditEntry>>("SELECT * FROM c WHERE c.type = 'audit' ORDER BY c.at DESC", {
      maxItemCount: size,
      ...(cursor ? { continuationToken: cursor } : {}),
    });
    const { resources, continuationToken } = await iterator.fetchNext();
    return {
      entries: resources.map((r) => ({ id: r.id, type: "audit", at: r.at, who: r.who, action: r.action, subject: r.subject, ...(r.detail ? { detail: r.detail } : {}), ...(r.words ? { words: r.words } : {}) })),
      ...(continuationToken ? { next: continuationToken } : {}),
    };
  }
}
