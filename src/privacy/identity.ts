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

/** What erasure stores in place of words an erased person wrote in a record others keep (a report, a reason). */
export const REMOVED_MARKER = "[removed-on-erasure]";
const LEGACY_REMOVED = "(removed: the person asked for their data to be erased)";

/** Each marker (and the English stored before markers), with the catalogue key that names it. */
const MARKERS: readonly (readonly [string, string])[] = [
  [LEFT_MARKER, "privacy.leftName"],
  [LEGACY_LEFT_NAME, "privacy.leftName"],
  [REMOVED_MARKER, "privacy.removedText"],
  [LEGACY_REMOVED, "privacy.removedText"],
];

function replaceMarkers(text: string, lang: Lang, escape: (s: string) => string): string {
  let out = text;
  for (const [marker, key] of MARKERS) if (out.includes(marker)) out = out.split(marker).join(escape(t(lang, key)));
  return out;
}

/** Text with every erasure marker, and the old English, in the reader's language. */
export function readableLeft(text: string, lang: Lang): string {
  return MARKERS.some(([m]) => text.includes(m)) ? replaceMarkers(text, lang, (s) => s) : text;
}

/** A JSON-safe value (a card, an API body) with readableLeft applied to every string in it. */
export function readableLeftIn<T>(value: T, lang: Lang): T {
  const json = JSON.stringify(value);
  if (json === undefined || !MARKERS.some(([m]) => json.includes(m))) return value;
  return JSON.parse(replaceMarkers(json, lang, (s) => JSON.stringify(s).slice(1, -1))) as T;
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
