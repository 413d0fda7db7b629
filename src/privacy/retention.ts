import type { Container } from "@azure/cosmos";
import { VERSION_TYPE } from "../store/records";
import { cosmosCode, type Store } from "../store/store";
import type { Doc } from "./registry";

/**
 * Retention: what closed long enough ago is erased or anonymised, once a day, by a recurring job
 * of the durable scheduler (one instance claims each day's run). Cosmos TTL on the containers is
 * the backstop in production (docs/data-model.md).
 *
 * - withdrawn interests and roles: deleted `months` after they were withdrawn;
 * - earlier versions of interests and roles: deleted `months` after a newer version replaced them
 *   (so every version of a withdrawn record goes by the time the record does);
 * - closed matches with no secondment: deleted `months` after they closed;
 * - ended, closed or cancelled secondments: cut down to statuses and dates (no one named, nothing
 *   anyone wrote) `months` after they ended, so the programme's totals still add up; the match
 *   behind one is deleted at the same time;
 * - sent or undeliverable outbox messages and finished jobs: deleted 30 days after.
 */
export const RETENTION_JOB = "privacy.retention";
export const PURGE_AFTER_DAYS = 30;

export const retentionJobId = (day: Date): string => `${RETENTION_JOB}:${day.toISOString().slice(0, 10)}`;

/** The next run: 02:00 UTC on the day after `now`. */
export function nextRetentionRun(now: Date): Date {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 2));
  return d;
}

export function monthsBefore(now: Date, months: number): string {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
}

export interface RetentionResult {
  deleted: number;
  anonymised: number;
}

async function all(c: Container, query: string, parameters: { name: string; value: string }[]): Promise<Doc[]> {
  const { resources } = await c.items.query<Doc>({ query, parameters }).fetchAll();
  return resources;
}

async function remove(c: Container, d: Doc): Promise<boolean> {
  try {
    await c.item(d.id, d.pk).delete({ accessCondition: { type: "IfMatch", condition: d._etag! } });
    return true;
  } catch (err) {
    const code = cosmosCode(err);
    if (code === 404 || code === 412) return false; // gone, or changed since: the next run looks again
    throw err;
  }
}

const SECONDMENT_DONE = ["ended", "closed", "cancelled"];

/** A secondment cut down to what the programme's totals need. */
export function retainedSecondment(d: Doc, now: Date): Doc {
  const terms = d.terms as { startDate?: string; endDate?: string; workingPattern?: string } | undefined;
  const opening = d.opening as { organisation?: string } | undefined;
  const keep = (k: string) => (d[k] !== undefined ? { [k]: d[k] } : {});
  return {
    id: d.id,
    pk: d.pk,
    type: "secondment",
    status: d.status,
    ...keep("createdAt"), ...keep("confirmedAt"), ...keep("startedAt"), ...keep("endedAt"), ...keep("closedAt"), ...keep("homeOrganisation"),
    opening: { organisation: opening?.organisation ?? "" },
    ...(terms ? { terms: { startDate: terms.startDate, endDate: terms.endDate, workingPattern: terms.workingPattern } } : {}),
    checkIns: [], reports: [], feedback: [], extensions: [], history: [], managerFeedback: {}, confirmations: {}, partyKeys: [],
    retainedSince: now.toISOString(),
  } as Doc;
}

export async function runRetention(store: Store, months: number, now: Date): Promise<RetentionResult> {
  const cutoff = monthsBefore(now, months);
  const purgeBefore = new Date(now.getTime() - PURGE_AFTER_DAYS * 86_400_000).toISOString();
  const out: RetentionResult = { deleted: 0, anonymised: 0 };
  const people = store.container("people");
  for (const d of await all(people, "SELECT * FROM c WHERE (c.type = 'interest' OR c.type = 'role') AND c.status = 'withdrawn' AND c.withdrawnAt < @cut", [{ name: "@cut", value: cutoff }])) {
    if (await remove(people, d)) out.deleted++;
  }
  for (const d of await all(people, "SELECT * FROM c WHERE c.type = @type AND c.supersededAt < @cut", [{ name: "@type", value: VERSION_TYPE }, { name: "@cut", value: cutoff }])) {
    if (await remove(people, d)) out.deleted++;
  }
  const secondments = store.container("secondments");
  const matches = store.container("matches");
  const withSecondment = new Set<string>();
  for (const d of await all(secondments, "SELECT * FROM c WHERE c.type = 'secondment'", [])) {
    if (typeof d.matchId === "string") withSecondment.add(d.matchId);
    const endedAt = String(d.closedAt ?? d.endedAt ?? "");
    if (!SECONDMENT_DONE.includes(String(d.status)) || d.retainedSince || !endedAt || endedAt >= cutoff) continue;
    try {
      await secondments.item(d.id, d.pk).replace(retainedSecondment(d, now), { accessCondition: { type: "IfMatch", condition: d._etag! } });
      out.anonymised++;
    } catch (err) {
      if (cosmosCode(err) !== 412 && cosmosCode(err) !== 404) throw err;
      continue;
    }
    // The match behind it names the secondee: it goes with the secondment's details.
    if (typeof d.matchId === "string") {
      const match = (await all(matches, "SELECT * FROM c WHERE c.id = @id AND c.pk = @id", [{ name: "@id", value: d.matchId }]))[0];
      if (match && (await remove(matches, match))) out.deleted++;
    }
  }
  for (const d of await all(matches, "SELECT * FROM c WHERE c.type = 'match' AND c.status = 'closed' AND c.closedAt < @cut", [{ name: "@cut", value: cutoff }])) {
    if (!withSecondment.has(d.id) && (await remove(matches, d))) out.deleted++;
  }
  const outbox = store.container("outbox");
  for (const d of await all(outbox, "SELECT * FROM c WHERE (c.status = 'sent' AND c.sentAt < @p) OR ((c.status = 'unreachable' OR c.status = 'failed' OR c.status = 'dropped') AND c.createdAt < @p)", [{ name: "@p", value: purgeBefore }])) {
    if (await remove(outbox, d)) out.deleted++;
  }
  const jobs = store.container("jobs");
  for (const d of await all(jobs, "SELECT * FROM c WHERE (c.status = 'done' OR c.status = 'failed' OR c.status = 'cancelled') AND c.doneAt < @p", [{ name: "@p", value: purgeBefore }])) {
    if (await remove(jobs, d)) out.deleted++;
  }
  return out;
}
