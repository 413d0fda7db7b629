import { DEFAULT_LANG, t } from "../../src/i18n";
import { AuditStore, type AuditAction } from "../../src/store/audit";
import type { Caller, Services } from "./types";

/**
 * One entry in the programme team's audit trail, written by the handler that did the thing, so a
 * button pressed in chat and the same button in the Programme tab are recorded alike, once.
 * `about` holds the person key of everyone the entry names (their export lists it, their erasure
 * finds it). The trail is kept in one language, whoever reads it later. `fixedId`: an entry that
 * may be written again (a second write of it is a no-op).
 */
export async function audit(s: Services, caller: Caller, action: AuditAction, subject: string, about: readonly string[], detail?: string, fixedId?: string): Promise<void> {
  await new AuditStore(s.store.container("audit")).record(
    {
    at: s.now().toISOString(),
    who: { aadObjectId: caller.person.aadObjectId, ...(caller.name ? { name: caller.name } : {}) },
    action,
    subject,
    about: [...about],
    ...(detail ? { detail } : {}),
    },
    fixedId,
  );
}

/** "Ana Jones for Housing data analyst", as the trail words a pair. */
export const pairSubject = (person: string, role: string): string => t(DEFAULT_LANG, "programme.audit.pair", { person, role });
