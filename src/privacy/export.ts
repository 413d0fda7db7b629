import type { PersonId } from "../domain/person";
import { DEFAULT_LANG, t, type Lang } from "../i18n";
import { VERSION_TYPE } from "../store/records";
import type { Store } from "../store/store";
import { identify } from "./erase";
import { mentionsById } from "./identity";
import { REGISTRY } from "./registry";

/** Everything stored about one person, grouped by kind, as they may see it. */
export interface PersonalExport {
  about: string;
  exportedAt: string;
  person: { tenantId: string; aadObjectId: string; names: string[]; emails: string[] };
  interest: Record<string, unknown>[];
  plan: Record<string, unknown>[];
  releaseRequests: Record<string, unknown>[];
  roles: Record<string, unknown>[];
  businessCase: Record<string, unknown>[];
  matches: Record<string, unknown>[];
  secondments: Record<string, unknown>[];
  equality: Record<string, unknown>[];
  messages: Record<string, unknown>[];
  scheduled: Record<string, unknown>[];
  chats: Record<string, unknown>[];
  audit: Record<string, unknown>[];
  other: Record<string, unknown>[];
}

const PEOPLE_SECTIONS: Record<string, keyof PersonalExport> = {
  interest: "interest",
  plan: "plan",
  approval: "releaseRequests",
  role: "roles",
  "business-case": "businessCase",
  equality: "equality",
  audit: "audit",
};
const CONTAINER_SECTIONS: Partial<Record<string, keyof PersonalExport>> = {
  matches: "matches",
  secondments: "secondments",
  outbox: "messages",
  jobs: "scheduled",
  conversations: "chats",
  audit: "audit",
};

/**
 * Build a person's export from the registry: each container's own rule decides what of a document
 * is theirs to see (their own answers, not the other people's).
 */
export async function exportFor(store: Store, person: PersonId, now: Date, known: { names?: string[]; emails?: string[] } = {}, lang: Lang = DEFAULT_LANG): Promise<PersonalExport> {
  const who = await identify(store, person, known);
  const out: PersonalExport = {
    about: t(lang, "privacy.export.about"),
    exportedAt: now.toISOString(),
    person: { tenantId: person.tenantId, aadObjectId: person.aadObjectId, names: who.names, emails: who.emails },
    interest: [], plan: [], releaseRequests: [], roles: [], businessCase: [], matches: [], secondments: [], equality: [], messages: [], scheduled: [], chats: [], audit: [], other: [],
  };
  const versions: Record<string, unknown>[] = [];
  for (const rule of REGISTRY) {
    for (const doc of await rule.find(store.container(rule.container), who)) {
      // Only what is tied to the person by an id or email: a name alone could be someone else's.
      if (!mentionsById(doc, who)) continue;
      const view = rule.exportView(doc, who);
      if (!view) continue;
      const type = String(doc.type ?? "");
      if (rule.container === "people" && type === VERSION_TYPE) {
        versions.push(view);
        continue;
      }
      const section = (rule.container === "people" || rule.container === "privacy" ? PEOPLE_SECTIONS[type] : CONTAINER_SECTIONS[rule.container]) ?? "other";
      (out[section] as Record<string, unknown>[]).push(view);
    }
  }
  attachVersions(out, versions);
  return out;
}

/** The export's sections the summary card counts, in order (their labels: "privacy.export.row.<section>"). */
export const SUMMARY_SECTIONS = ["interest", "plan", "releaseRequests", "roles", "businessCase", "matches", "secondments", "equality", "messages", "scheduled", "chats", "audit"] as const satisfies readonly (keyof PersonalExport)[];
/**
 * Every earlier version of the person's interest and roles goes with the record it was a version of,
 * oldest first, as `earlierVersions` (a copy of the version still current, left by a stop between
 * the two writes, is left out). A version whose record is gone is listed under `other`.
 */
function attachVersions(out: PersonalExport, versions: Record<string, unknown>[]): void {
  const records = [...out.interest, ...out.roles];
  for (const v of versions.sort((a, b) => Number(a.version) - Number(b.version))) {
    const record = records.find((r) => r.id === v.of && r.type === v.recordType);
    if (!record) {
      out.other.push(v);
      continue;
    }
    if (Number(v.version) >= Number(record.version)) continue;
    const { of: _of, recordType: _t, type: _type, id: _id, pk: _pk, ...version } = v;
    ((record.earlierVersions ??= []) as Record<string, unknown>[]).push(version);
  }
}

/** Short counts for the summary card. */
export function exportSummary(e: PersonalExport): { section: (typeof SUMMARY_SECTIONS)[number]; count: number }[] {
  return SUMMARY_SECTIONS.map((section) => ({ section, count: e[section].length }));
}
