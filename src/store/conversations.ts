import type { Container } from "@azure/cosmos";
import { z } from "zod";
import { isLang, type Lang } from "../i18n";
import { readItem, updateItem } from "./store";

/**
 * Where the bot can reach someone later: enough of the conversation reference to send a
 * proactive message (service URL, conversation, tenant) plus who and what it is.
 * Stored in `conversations`, pk = tenant id, id = the conversation id made safe for Cosmos.
 */
export const ConversationRecordSchema = z.object({
  conversationId: z.string().min(1),
  serviceUrl: z.url(),
  channelId: z.string().min(1),
  tenantId: z.string().min(1),
  conversationType: z.enum(["personal", "groupChat", "channel"]),
  bot: z.object({ id: z.string(), name: z.string().optional() }),
  /**
   * The person in a 1:1 chat. teamsUserId is their Teams user id (the 29:… MRI that arrives as
   * from.id), which card refresh lists need; a chat the bot opened itself does not know it yet.
   */
  user: z.object({ id: z.string(), aadObjectId: z.string().optional(), name: z.string().optional(), teamsUserId: z.string().optional() }).optional(),
  team: z.object({ id: z.string(), name: z.string().optional() }).optional(),
  channel: z.object({ id: z.string(), name: z.string().optional() }).optional(),
  installed: z.boolean(),
  updatedAt: z.string(),
});
export type ConversationRecord = z.infer<typeof ConversationRecordSchema>;

/** Cosmos ids may not contain / \ ? #; Teams conversation ids can. */
export function safeId(raw: string): string {
  return encodeURIComponent(raw).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

/** What a reference is, for comparing: every field but the time it was written, keys in order. */
function fingerprint(record: Record<string, unknown>): string {
  const { updatedAt: _updatedAt, id: _id, pk: _pk, type: _type, _rid, _self, _etag, _ts, _attachments, ...rest } = record;
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === "object"
        ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, x]) => [k, canonical(x)]))
        : v;
  return JSON.stringify(canonical(rest));
}

/**
 * A team channel's language: one small document beside the channel's reference (same partition),
 * written only by the "Cymraeg / English" switch, so the reference's own writes never touch it.
 */
interface ChannelLanguageDoc {
  type: "channel-language";
  lang: Lang;
  updatedAt: string;
}
const languageId = (conversationId: string) => `lang:${safeId(conversationId)}`;
/** How long an instance trusts the channel language it last saw, and for how many channels. */
const LANGUAGE_KNOWN_MS = 60_000;
/** The record as given, without the time it was made: equal strings mean equal records. */
function quickPrint(record: ConversationRecord): string {
  const { updatedAt: _updatedAt, ...rest } = record;
  return JSON.stringify(rest);
}

/** How many references an instance remembers, and for how long it trusts what it remembers. */
const REMEMBERED_MAX = 20_000;
const REMEMBERED_MS = 10 * 60_000;

export class ConversationRepository {
  /**
   * The last reference this instance saw stored per conversation, as activities give it (before
   * merging in known names). Only a shortcut: a reference that differs in any field is written.
   * Entries expire so that a record another instance changed is looked at again before long.
   * An erasure deletes a person's chat references: the instance that erased forgets hers at once
   * (forget); another instance forgets everything when its matching next meets the erasure's
   * marker (forgetAll), and at the latest when the entry expires (REMEMBERED_MS). Until then a
   * turn of hers on that instance does not store the chat again, and a message to her meanwhile
   * opens a new 1:1 conversation instead.
   */
  private readonly remembered = new Map<string, { fingerprint: string; at: number }>();

  /** The language this instance last read or wrote per channel (a choice made elsewhere arrives within a minute). */
  private readonly languages = new Map<string, { lang: Lang | undefined; at: number }>();

  constructor(private readonly container: Container) {}

  /** The language a channel's cards go in, as its vacancy holder chose; undefined until someone chooses. */
  async language(tenantId: string, conversationId: string): Promise<Lang | undefined> {
    const key = `${tenantId}\u0000${conversationId}`;
    const hit = this.languages.get(key);
    if (hit && performance.now() - hit.at < LANGUAGE_KNOWN_MS) return hit.lang;
    const doc = await readItem<ChannelLanguageDoc>(this.container, languageId(conversationId), tenantId);
    const lang = doc?.type === "channel-language" && isLang(doc.lang) ? doc.lang : undefined;
    this.noteLanguage(key, lang);
    return lang;
  }

  /** Store a channel's language (etag-guarded); "unchanged" when it was already that. */
  async setLanguage(tenantId: string, conversationId: string, lang: Lang, now: Date): Promise<"changed" | "unchanged"> {
    const { changed } = await updateItem<ChannelLanguageDoc>(this.container, languageId(conversationId), tenantId, (current) =>
      current?.lang === lang ? undefined : { type: "channel-language", lang, updatedAt: now.toISOString() },
    );
    this.noteLanguage(`${tenantId}\u0000${conversationId}`, lang);
    return changed ? "changed" : "unchanged";
  }

  private noteLanguage(key: string, lang: Lang | undefined): void {
    this.languages.delete(key);
    this.languages.set(key, { lang, at: performance.now() });
    if (this.languages.size > REMEMBERED_MAX) this.languages.delete(this.languages.keys().next().value!);
  }

  /**
   * Keep the reference an activity carries, with no store call when this instance already knows
   * it is stored unchanged; otherwise read it, and write only if something (other than the time)
   * differs. Returns what it did.
   */
  async remember(record: ConversationRecord, nowMs = Date.now()): Promise<"known" | "unchanged" | "written"> {
    // The shortcut compares the record exactly as the activity gave it (a record that once passed
    // the schema below), so an ordinary turn pays neither the schema nor the canonical form.
    const key = `${record.tenantId}\u0000${record.conversationId}`;
    const print = quickPrint(record);
    const seen = this.remembered.get(key);
    if (seen && seen.fingerprint === print && nowMs - seen.at < REMEMBERED_MS) return "known";
    const valid = ConversationRecordSchema.parse(record);
    const known = await this.get(valid.tenantId, valid.conversationId);
    const merged = this.merge(valid, known);
    let outcome: "unchanged" | "written" = "unchanged";
    if (!known || fingerprint(merged) !== fingerprint(known)) {
      await this.write(merged);
      outcome = "written";
    }
    this.remembered.delete(key);
    this.remembered.set(key, { fingerprint: print, at: nowMs });
    if (this.remembered.size > REMEMBERED_MAX) this.remembered.delete(this.remembered.keys().next().value!);
    return outcome;
  }

  /**
   * Forget what this instance remembers about these conversations (an erasure deleted their
   * references), so the person's next turn reads and stores the reference again. Other instances
   * still trust their own note until it expires (REMEMBERED_MS), unless they hear of the erasure
   * sooner (forgetAll, when their matching reads the erasure's marker: see bot/app.ts).
   */
  forget(tenantId: string, conversationIds: Iterable<string>): void {
    const ids = new Set([...conversationIds].map((id) => id.toLowerCase()));
    for (const key of [...this.remembered.keys()]) {
      const [tenant, conversation] = key.split("\u0000") as [string, string];
      if (tenant === tenantId && ids.has(conversation.toLowerCase())) this.remembered.delete(key);
    }
  }

  /** Forget every remembered reference: each conversation's next turn reads its reference once. */
  forgetAll(): void {
    this.remembered.clear();
  }

  /** Records only carry a name when the activity did, so spreading keeps a known name. */
  private merge(valid: ConversationRecord, known: ConversationRecord | undefined): ConversationRecord {
    const team = known?.team || valid.team ? { ...known?.team, ...valid.team } : undefined;
    const channel = known?.channel || valid.channel ? { ...known?.channel, ...valid.channel } : undefined;
    // The Teams user id (29:…) arrives with messages; a record without it keeps the one known.
    const teamsUserId = valid.user?.teamsUserId ?? known?.user?.teamsUserId;
    // So does the name: an install carries it, later activities (or a chat the bot opened) may not.
    const sameUser = !!valid.user && !!known?.user && (valid.user.aadObjectId ?? valid.user.id) === (known.user.aadObjectId ?? known.user.id);
    const name = valid.user?.name ?? (sameUser ? known?.user?.name : undefined);
    const user = valid.user ? { ...valid.user, ...(teamsUserId ? { teamsUserId } : {}), ...(name ? { name } : {}) } : undefined;
    return { ...valid, ...(team ? { team } : {}), ...(channel ? { channel } : {}), ...(user ? { user } : {}) } as ConversationRecord;
  }

  private async write(merged: ConversationRecord): Promise<void> {
    await this.container.items.upsert({ ...merged, id: safeId(merged.conversationId), pk: merged.tenantId, type: "conversation" });
  }

  /**
   * Keep the latest reference. Messages carry only ids, while the install event carries the team
   * and channel names, so names already known are kept when a newer record lacks them.
   */
  async save(record: ConversationRecord): Promise<void> {
    const valid = ConversationRecordSchema.parse(record);
    const known = await this.get(valid.tenantId, valid.conversationId);
    await this.write(this.merge(valid, known));
    const key = `${valid.tenantId}\u0000${valid.conversationId}`;
    this.remembered.delete(key);
    this.remembered.set(key, { fingerprint: fingerprint(valid), at: Date.now() });
  }

  async get(tenantId: string, conversationId: string): Promise<ConversationRecord | undefined> {
    const doc = await readItem<ConversationRecord>(this.container, safeId(conversationId), tenantId);
    return doc ? ConversationRecordSchema.parse(doc) : undefined;
  }

  /** The 1:1 chat with a person, if the bot has one. */
  async findPersonal(tenantId: string, aadObjectId: string): Promise<ConversationRecord | undefined> {
    const { resources } = await this.container.items
      .query<ConversationRecord>({
        query:
          "SELECT * FROM c WHERE c.pk = @tenant AND c.conversationType = 'personal' AND c.user.aadObjectId = @user AND c.installed = true",
        parameters: [
          { name: "@tenant", value: tenantId },
          { name: "@user", value: aadObjectId },
        ],
      })
      .fetchAll();
    return resources[0] ? ConversationRecordSchema.parse(resources[0]) : undefined;
  }

  /**
   * Teams user ids (29:…) of these people, from their 1:1 chats, keyed by lower-case Entra id.
   * People who never wrote to the bot are missing: Teams never told us their id.
   */
  async teamsUserIds(tenantId: string, aadObjectIds: readonly string[]): Promise<Map<string, string>> {
    const ids = [...new Set(aadObjectIds.filter(Boolean))];
    if (!ids.length) return new Map();
    const { resources } = await this.container.items
      .query<ConversationRecord>({
        query: "SELECT c.user FROM c WHERE c.pk = @tenant AND c.conversationType = 'personal' AND ARRAY_CONTAINS(@ids, c.user.aadObjectId)",
        parameters: [
          { name: "@tenant", value: tenantId },
          { name: "@ids", value: ids },
        ],
      })
      .fetchAll();
    const out = new Map<string, string>();
    for (const r of resources) if (r.user?.aadObjectId && r.user.teamsUserId) out.set(r.user.aadObjectId.toLowerCase(), r.user.teamsUserId);
    return out;
  }

  /**
   * People of a tenant the app knows (they have it in a 1:1 chat), for a picker: each one's Entra id
   * and name only. `query` matches the start of any word of the name, every word of the query
   * (ignoring case and accents); `id` finds one person. At most `limit`, by name.
   */
  async findPeople(tenantId: string, find: { query?: string; id?: string }, limit: number): Promise<{ id: string; name: string }[]> {
    const { resources } = await this.container.items
      .query<{ user?: ConversationRecord["user"] }>({
        query: "SELECT c.user FROM c WHERE c.pk = @tenant AND c.conversationType = 'personal' AND c.installed = true",
        parameters: [{ name: "@tenant", value: tenantId }],
      })
      .fetchAll();
    const fold = (v: string) => v.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
    const wanted = fold(find.query ?? "").split(/\s+/).filter(Boolean);
    const seen = new Set<string>();
    const out: { id: string; name: string }[] = [];
    for (const { user } of resources) {
      const id = user?.aadObjectId;
      const name = user?.name?.trim();
      if (!id || !name || seen.has(id.toLowerCase())) continue;
      if (find.id !== undefined && id.toLowerCase() !== find.id.toLowerCase()) continue;
      const words = fold(name).split(/[\s'-]+/);
      if (find.id === undefined && !(wanted.length && wanted.every((w) => words.some((n) => n.startsWith(w))))) continue;
      seen.add(id.toLowerCase());
      out.push({ id, name });
    }
    return out.sort((a, b) => a.name.localeCompare(b.name)).slice(0, limit);
  }

  /** Team channels the app is installed in, for a tenant: where match notifications can go. */
  async listChannels(tenantId: string): Promise<ConversationRecord[]> {
    const { resources } = await this.container.items
      .query<ConversationRecord>({
        query: "SELECT * FROM c WHERE c.pk = @tenant AND c.conversationType = 'channel' AND c.installed = true",
        parameters: [{ name: "@tenant", value: tenantId }],
      })
      .fetchAll();
    return resources.map((r) => ConversationRecordSchema.parse(r));
  }
}
