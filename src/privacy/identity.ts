import { createHash } from "node:crypto";
import { personKey, type PersonId } from "../domain/person";
import { t, type Lang } from "../i18n";

/**
 * Everything that identifies one person in stored documents: their Entra object id (which is also
 * inside their person key, their match ids and, in some tenants, their chat ids), their Teams user
 * ids, the ids of their 1:1 chats, their name and their email. Erasure replaces each with a fixed
 * pseudonym, so repeating an erasure gives the same result and other records stay consistent.
 */
export interface Identity {
  person: PersonId;
  key: string;
  /** Lower-case strings whose presence in a document means it is about this person. */
  ids: string[];
  names: string[];
  emails: string[];
  /** The pseudonymous id that replaces their object id everywhere. */
  pseudonym: string;
}

/**
 * What erasure stores in place of the person's name in other people's records: a marker, not words,
 * so each reader sees it in their own language ("privacy.leftName", put in by `readableLeft`).
 */
export const LEFT_MARKER = "[person-who-left]";
/** What erasure stored before the marker (English only): still read, and shown in the reader's language. */
export const LEGACY_LEFT_NAME = "A person who has left the programme";

/** Text (or a card's JSON) with every erased-person marker, and the old English, in the reader's language. */
export function readableLeft(text: string, lang: Lang): string {
  if (!text.includes(LEFT_MARKER) && !text.includes(LEGACY_LEFT_NAME)) return text;
  const name = t(lang, "privacy.leftName");
  return text.split(LEFT_MARKER).join(name).split(LEGACY_LEFT_NAME).join(name);
}

/** A JSON-safe value (card, API body) with readableLeft applied to every string in it. */
export function readableLeftIn<T>(value: T, lang: Lang): T {
  const json = JSON.stringify(value);
  if (json === undefined || (!json.includes(LEFT_MARKER) && !json.includes(LEGACY_LEFT_NAME))) return value;
  const name = JSON.stringify(t(lang, "privacy.leftName")).slice(1, -1);
  return JSON.parse(json.split(LEFT_MARKER).join(name).split(LEGACY_LEFT_NAME).join(name)) as T;
}

export function pseudonymFor(person: PersonId): string {
  return `left-${createHash("sha256").update(personKey(person)).digest("hex").slice(0, 24)}`;
}

export function identityOf(person: PersonId, extra: { userIds?: string[]; conversationIds?: string[]; names?: string[]; emails?: string[] } = {}): Identity {
  const clean = (xs: (string | undefined)[], min: number) => [...new Set(xs.filter((x): x is string => typeof x === "string" && x.trim().length >= min).map((x) => x.trim().toLowerCase()))];
  const conv = extra.conversationIds ?? [];
  return {
    person,
    key: personKey(person),
    ids: clean([person.aadObjectId, ...(extra.userIds ?? []), ...conv, ...conv.map((c) => encodeURIComponent(c))], 6),
    names: clean(extra.names ?? [], 3),
    emails: clean(extra.emails ?? [], 5),
    pseudonym: pseudonymFor(person),
  };
}

/** Every string an identity is recognised by (for finding documents and for tests that scan). */
export function markers(who: Identity): string[] {
  return [...who.ids, ...who.names, ...who.emails];
}

/** True when the document mentions the person anywhere (ids, name or email), case-insensitively. */
/** True when the document names the person by an id or their email (not just a name someone else may share). */
export function mentionsById(doc: unknown, who: Identity): boolean {
  const text = JSON.stringify(doc).toLowerCase();
  return [...who.ids, ...who.emails].some((m) => text.includes(m));
}

export function mentions(doc: unknown, who: Identity): boolean {
  const text = JSON.stringify(doc).toLowerCase();
  return [...who.ids, ...who.emails].some((m) => text.includes(m)) || who.names.some((n) => nameRe(n).test(text));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A whole name, not part of a longer word ("Ana Jones", not "Ana Joneses"). */
const nameRe = (n: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(n)}(?![\\p{L}\\p{N}])`, "giu");

/** One string with the person's ids, name and email replaced. */
export function anonymiseText(s: string, who: Identity): string {
  let out = s;
  for (const id of who.ids) out = out.replace(new RegExp(escape(id), "gi"), who.pseudonym);
  for (const e of who.emails) out = out.replace(new RegExp(escape(e), "gi"), "(email removed)");
  for (const n of who.names) out = out.replace(nameRe(n), LEFT_MARKER);
  return out;
}

/** A deep copy with every string (and every key) anonymised; Cosmos system fields dropped. */
export function anonymiseDoc<T>(doc: T, who: Identity): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return anonymiseText(v, who);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        if (k.startsWith("_")) continue;
        out[anonymiseText(k, who)] = walk(x);
      }
      return out;
    }
    return v;
  };
  return walk(doc) as T;
}

/** A stored document without the fields Cosmos adds. */
export function withoutSystemFields<T extends Record<string, unknown>>(doc: T): T {
  return Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith("_"))) as T;
}
