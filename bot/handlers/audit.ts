import type { Msg } from "../../src/domain/msg";
import { DEFAULT_LANG } from "../../src/i18n";
import { formatMsg, msg } from "../../src/matching/message";
import { AuditStore, type AuditAction } from "../../src/store/audit";
import type { Caller, Services } from "./types";

/**
 * One entry in the programme team's audit trail, written by the handler that did the thing, so a
 * button pressed in chat and the same button in the Programme tab are recorded alike, once.
 * `about` holds the person key of everyone the entry names (their export lists it, their erasure
 * finds it). The trail is kept in one language, whoever reads it later; a subject or detail made of
 * fixed phrases is given as a message (a key and values) and kept as one too, so the Programme tab
 * shows it in the reader's language. `fixedId`: an entry that may be written again (a second write
 * of it is a no-op).
 */
export async function audit(s: Services, caller: Caller, action: AuditAction, subject: string | Msg, about: readonly string[], detail?: string | Msg, fixedId?: string): Promise<void> {
  const inWords = (v: string | Msg) => (typeof v === "string" ? v : formatMsg(DEFAULT_LANG, v));
  const words = { ...(typeof subject === "object" ? { subject } : {}), ...(detail && typeof detail === "object" ? { detail } : {}) };
  await new AuditStore(s.store.container("audit")).record(
    {
    at: s.now().toISOString(),
    who: { aadObjectId: caller.person.aadObjectId, ...(caller.name ? { name: caller.name } : {}) },
    action,
    subject: inWords(subject),
    about: [...about],
    ...(detail ? { detail: inWords(detail) } : {}),
    ...(Object.keys(words).length ? { words } : {}),
    },
    fixedId,
  );
}

/** "Ana Jones for Housing data analyst", as the trail words a pair (a message: read in each reader's language). */
export const pairSubject = (person: string, role: string): Msg => msg("programme.audit.pair", { person, role });

/** An entry's subject and detail in `lang`: from its messages where it has them, else its words. */
export function auditWords<E extends { subject: string; detail?: string; words?: { subject?: Msg; detail?: Msg } }>(e: E, lang: Parameters<typeof formatMsg>[0]): Omit<E, "words"> {
  const { words, ...rest } = e;
  return {
    ...rest,
    ...(words?.subject ? { subject: formatMsg(lang, words.subject) } : {}),
    ...(words?.detail && rest.detail !== undefined ? { detail: formatMsg(lang, words.detail) } : {}),
  };
}
