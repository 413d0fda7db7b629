import { createHash } from "node:crypto";
import { z } from "zod";
import { VERBS, type MyDataModel } from "../../cards";
import { renderCard } from "../render-card";
import { personKey, type PersonId } from "../../src/domain/person";
import { planErasure, erase, type ErasurePlan, type ErasureRecord } from "../../src/privacy/erase";
import { MAX_RENEWALS, PendingErasures, type PendingErasure } from "../../src/privacy/pending";
import { todayInLondon } from "../../src/domain/dates";
import { channelLabel } from "../../src/domain/role-record";
import { personLanguage } from "./match-cards";
import { tellRoleGone } from "./role-matches";
import { partyOf } from "../../src/privacy/registry";
import { allEqualityAnswers, equalityAnswersSchema, equalityQuestions, equalityReport, saveEquality } from "../../src/privacy/equality";
import { DEFAULT_LANG, formatDate, t, type Lang } from "../../src/i18n";
import { exportFor, exportSummary } from "../../src/privacy/export";
import { buildForm, type FormContent } from "../forms/form-builder";
import { isProgrammeTeam } from "./secondment";
import { isFinished } from "../../src/domain/secondment";
import { card, message, note, text, type Caller, type Reply, type Services } from "./types";

/** Job that finishes an erasure once the secondment it had to keep has ended. */
export const FINISH_ERASURE = "privacy.finish-erasure";
export const EXPORT_FILE_NAME = "my-secondment-data.json";
export const FILE_CONSENT_TYPE = "application/vnd.microsoft.teams.card.file.consent";
export const EXPORT_PURPOSE = "privacy-export";

const myData = (lang: Lang, m: Partial<MyDataModel> & Pick<MyDataModel, "kind">): Reply =>
  card(renderCard("my-data", { rows: [], lists: [], erased: 0, anonymised: 0, ...m }, lang));

/** The privacy notice, in the reader's language. */
export function notice(s: Services, lang: Lang): Reply {
  return card(renderCard("privacy", { programmeEmail: s.config.programmeTeam.email, months: s.config.retentionMonths }, lang));
}

/** Export: a summary card now, and the full file offered in this chat (Teams asks before saving it). */
export async function exportMine(s: Services, caller: Caller): Promise<Reply> {
  const lang = caller.lang;
  const data = await exportFor(s.store, caller.person, s.now(), { names: caller.name ? [caller.name] : [] }, lang);
  const bytes = Buffer.byteLength(JSON.stringify(data, null, 2));
  await s.outbox.enqueue({
    id: `${EXPORT_PURPOSE}:${personKey(caller.person)}:${s.now().getTime()}`,
    target: { kind: "person", tenantId: caller.person.tenantId, aadObjectId: caller.person.aadObjectId, serviceUrl: caller.serviceUrl },
    activity: {
      type: "message",
      attachments: [
        {
          contentType: FILE_CONSENT_TYPE,
          name: EXPORT_FILE_NAME,
          content: { description: t(lang, "privacy.export.fileDescription"), sizeInBytes: bytes, acceptContext: { export: "mine" }, declineContext: { export: "mine" } },
        },
      ],
    },
    purpose: EXPORT_PURPOSE,
  });
  return myData(lang, {
    kind: "export",
    rows: exportSummary(data).map((r) => ({ label: t(lang, `privacy.export.row.${r.section}`), value: String(r.count) })),
  });
}

/** The export as a file's bytes, for the person who accepted the file in their own chat. */
export async function exportFile(s: Services, person: PersonId, name?: string, lang: Lang = DEFAULT_LANG): Promise<Buffer> {
  const data = await exportFor(s.store, person, s.now(), { names: name ? [name] : [] }, lang);
  return Buffer.from(JSON.stringify(data, null, 2), "utf8");
}

/** Before erasing: what goes, what stays with the name removed, what must be kept and why. */
export async function askDelete(s: Services, caller: Caller): Promise<Reply> {
  const lang = caller.lang;
  const plan = await planErasure(s.store, caller.person, { names: caller.name ? [caller.name] : [] });
  const reasons = [...new Set(plan.keep.map((k) => k.reason))];
  const heading = plan.keptUntil ? t(lang, "privacy.delete.keptHeadingUntil", { keptUntil: formatDate(lang, plan.keptUntil) }) : t(lang, "privacy.delete.keptHeading");
  return myData(lang, {
    kind: "delete",
    erased: plan.erase.reduce((n, x) => n + x.count, 0),
    anonymised: plan.anonymise.reduce((n, x) => n + x.count, 0),
    lists: [...reasons.map((r) => ({ heading, text: t(lang, `privacy.delete.reason.${r}`) })), ...rolesGoingList(s, plan, lang)],
  });
}

/** The open roles that go with the person's data, named before they confirm (nothing when they offer none). */
function rolesGoingList(s: Services, plan: ErasurePlan, lang: Lang): { heading: string; text: string }[] {
  if (!plan.roles.length) return [];
  const lines = plan.roles.map((r) =>
    t(lang, "privacy.delete.roleLine", { title: r.title, organisation: r.organisation, openings: r.openings, matches: r.matchesInProgress.length, channel: r.channel ? channelLabel(r.channel, lang) : t(lang, "role.channel.aTeamChannel") }),
  );
  const matches = plan.roles.reduce((n, r) => n + r.matchesInProgress.length, 0);
  return [{ heading: t(lang, "privacy.delete.rolesHeading"), text: [...lines, "", t(lang, "privacy.delete.rolesText", { matches, programmeEmail: s.config.programmeTeam.email })].join("\n") }];
}

/**
 * For an erasure that takes open roles with it: each programme-team member hears which roles went
 * (titles, organisations and channels, never who offered them), and each person matched with one
 * hears that the match has ended. Queued before the roles are deleted: if queueing fails, nothing
 * is deleted yet, and repeating the erasure finds the roles again and queues what is missing. Message
 * ids come from the role and match ids, so a repeat sends nothing twice.
 */
async function tellRolesGone(s: Services, plan: ErasurePlan, tenantId: string, serviceUrl: string): Promise<boolean> {
  if (!plan.roles.length) return false;
  for (const m of plan.roles.flatMap((r) => r.matchesInProgress)) {
    if (!m.candidate?.aadObjectId) continue;
    await tellRoleGone(s, { ...m, candidate: { tenantId: m.candidate.tenantId ?? tenantId, aadObjectId: m.candidate.aadObjectId } }, "role-erased", serviceUrl);
  }
  const members = s.config.programmeTeam.aadObjectIds;
  if (!members.length) {
    s.log.warn("no programme team configured: not told that roles went with an erasure", { roles: plan.roles.length });
    return false;
  }
  const matches = plan.roles.reduce((n, r) => n + r.matchesInProgress.length, 0);
  for (const member of members) {
    const lang = await personLanguage(s, { tenantId, aadObjectId: member });
    const roles = plan.roles
      .map((r) => t(lang, "privacy.rolesGone.line", { title: r.title, organisation: r.organisation, openings: r.openings, channel: r.channel ? channelLabel(r.channel, lang) : t(lang, "role.channel.aTeamChannel") }))
      .join("\n");
    await s.outbox.enqueue({
      id: `roles-gone:${createHash("sha256").update(plan.roles.map((r) => r.id).join(",")).digest("hex").slice(0, 32)}:${member}`,
      target: { kind: "person", tenantId, aadObjectId: member, serviceUrl },
      activity: note(t(lang, "privacy.rolesGone.toTeam", { roles, matches })),
      purpose: "roles-gone",
    });
  }
  return true;
}

/**
 * The erased person's 1:1 chats were deleted from the store: this instance forgets it had stored
 * them, so their next turn stores the chat again (and later messages reach it, not a new chat).
 */
function forgetChats(s: Services, plan: ErasurePlan): void {
  for (const f of plan.found) {
    if (f.container === "conversations" && f.action.do === "delete") s.conversations.forget(String(f.doc.pk), [String(f.doc.conversationId)]);
  }
}

export async function confirmDelete(s: Services, caller: Caller): Promise<Reply> {
  const lang = caller.lang;
  const plan = await planErasure(s.store, caller.person, { names: caller.name ? [caller.name] : [] });
  // Before anything is told or deleted: a job that finishes the erasure if this is cut off part way,
  // then the note it works from (in that order: a job with no note does nothing; a note with no job
  // would keep the person's ids for nothing).
  await s.jobs.schedule({
    id: `${RESUME_ERASURE}:${plan.who.pseudonym}:${s.now().getTime()}`,
    type: RESUME_ERASURE,
    payload: { erasure: plan.who.pseudonym },
    dueAt: new Date(s.now().getTime() + RESUME_AFTER_MS),
  });
  const chat = caller.scope === "personal" && !caller.conversationId.startsWith("tab:") ? caller.conversationId : undefined;
  const pending = await pendingErasures(s).start(plan.who, { serviceUrl: caller.serviceUrl, conversationId: chat, lang, now: s.now() });
  const { record, told } = await carryOut(s, plan, pending, caller.person.tenantId, caller.serviceUrl);
  await pendingErasures(s).done(pending.of);
  return myData(lang, {
    kind: "deleted",
    erased: record.erased,
    anonymised: record.anonymised,
    ...(plan.roles.length
      ? { lists: [{ heading: t(lang, "privacy.delete.rolesHeading"), text: t(lang, "privacy.deleted.roles", { count: plan.roles.length, titles: plan.roles.map((r) => r.title).join(", "), told: told ? "yes" : "no" }) }] }
      : {}),
    ...(plan.keptSecondments.size ? { keptSecondment: true } : {}),
    ...(plan.keptSecondments.size && plan.keptUntil ? { keptUntil: formatDate(lang, plan.keptUntil) } : {}),
  });
}

/** Job that finishes an erasure cut off part way (the store stopped answering), if nobody has meanwhile. */
export const RESUME_ERASURE = "privacy.resume-erasure";
/** How long after an erasure starts its job looks (the erasure itself takes seconds). */
export const RESUME_AFTER_MS = 10 * 60_000;

const pendingErasures = (s: Services) => new PendingErasures(s.store.container("privacy"));

/**
 * Tell (about roles not told yet), then erase. Every step can be repeated: message ids come from the
 * records, deleting what is gone changes nothing. The caller then deletes the note of the erasure.
 */
async function carryOut(s: Services, plan: ErasurePlan, pending: PendingErasure, tenantId: string, serviceUrl: string): Promise<{ record: ErasureRecord; told: boolean }> {
  // Told first: once the roles are deleted, a repeat would no longer find them to tell anyone.
  const untold = plan.roles.filter((r) => !pending.rolesTold.includes(r.id));
  const told = untold.length ? await tellRolesGone(s, { ...plan, roles: untold }, tenantId, serviceUrl) : plan.roles.length > 0 && s.config.programmeTeam.aadObjectIds.length > 0;
  if (told) await pendingErasures(s).told(pending.of, untold.map((r) => r.id));
  const record = await erase(s.store, plan, s.now());
  forgetChats(s, plan);
  await scheduleFinish(s, plan);
  s.log.info("erasure done", { erased: record.erased, anonymised: record.anonymised, kept: record.kept.length, roles: plan.roles.length });
  return { record, told };
}

/**
 * The scheduled check on an erasure: if it was cut off part way and nobody finished it since, finish
 * it now and tell the person, in their chat, that it is done. Nothing if it finished. A failure is
 * retried by the scheduler (a few times, further apart each time).
 */
export const ResumeErasurePayload = z.object({ erasure: z.string().regex(/^left-[0-9a-f]{24}$/) });

export async function resumeErasure(s: Services, payload: unknown): Promise<void> {
  const pending = await pendingErasures(s).get(ResumeErasurePayload.parse(payload).erasure);
  if (!pending) return;
  const plan = await planErasure(s.store, pending.person, pending.known);
  await carryOut(s, plan, pending, pending.person.tenantId, pending.serviceUrl);
  // Told before the note goes, so a repeat after a cut here tells them once (the same message id).
  const lang = pending.lang;
  const words = [t(lang, "privacy.deleted.finishedLater"), ...(plan.keptSecondments.size ? [t(lang, "privacy.deleted.keptSecondment")] : [])].join("\n\n");
  await s.outbox.enqueue({
    id: `erasure-finished:${pending.of}:${Date.parse(pending.startedAt)}`,
    // In the chat they asked in (stored with the erasure), so no reference to it is stored again.
    target: pending.conversationId
      ? { kind: "conversation", tenantId: pending.person.tenantId, conversationId: pending.conversationId, serviceUrl: pending.serviceUrl }
      : { kind: "person", tenantId: pending.person.tenantId, aadObjectId: pending.person.aadObjectId, serviceUrl: pending.serviceUrl },
    activity: note(words),
    purpose: "erasure-finished",
  });
  await pendingErasures(s).done(pending.of);
  s.log.info("erasure finished later", { kept: plan.keep.length });
}

/**
 * Part of the daily retention job: an erasure whose resume job gave up (its tries all failed) would
 * otherwise keep its note, with the person's ids, names and emails, for ever. Each note more than a
 * day old with no resume job still to run gets a fresh one, at most MAX_RENEWALS times; then the
 * programme team is told, once, that it stopped. The messages name nobody. Returns how many were renewed.
 */
export async function renewStuckErasures(s: Services): Promise<number> {
  const now = s.now();
  const pending = pendingErasures(s);
  let renewed = 0;
  for (const stuck of await pending.startedBefore(new Date(now.getTime() - 86_400_000))) {
    if (stuck.gaveUp || (await resumeJobWaiting(s, stuck.of))) continue;
    const next = (stuck.renewals ?? 0) + 1;
    const due = new Date(now.getTime() + RESUME_AFTER_MS);
    // The job first (one id per renewal and day, so a repeat that day schedules nothing), then the count.
    if (next <= MAX_RENEWALS) await s.jobs.schedule({ id: `${RESUME_ERASURE}:${stuck.of}:renewal-${next}:${now.toISOString().slice(0, 10)}`, type: RESUME_ERASURE, payload: { erasure: stuck.of }, dueAt: due });
    const step = await pending.renew(stuck.of);
    if (step === undefined) continue;
    if (step !== "gaveUp") renewed++;
    s.log.warn(step === "gaveUp" ? "erasure not finished: no more tries" : "erasure not finished: tried again", { erasure: stuck.of, renewals: step === "gaveUp" ? MAX_RENEWALS : step });
    await tellTeamStuck(s, stuck, step === "gaveUp" ? { key: "privacy.erasureGaveUp.toTeam", date: todayInLondon(new Date(stuck.startedAt)), id: "gave-up" } : { key: "privacy.erasureStuck.toTeam", date: todayInLondon(due), id: `renewal-${step}` });
  }
  return renewed;
}

/** A resume job for this erasure still to run (waiting, retrying or running). */
async function resumeJobWaiting(s: Services, of: string): Promise<boolean> {
  const { resources } = await s.store
    .container("jobs")
    .items.query<number>({
      query: "SELECT VALUE COUNT(1) FROM c WHERE c.type = @type AND c.payload.erasure = @of AND (c.status = 'pending' OR c.status = 'running')",
      parameters: [{ name: "@type", value: RESUME_ERASURE }, { name: "@of", value: of }],
    })
    .fetchAll();
  return (resources[0] ?? 0) > 0;
}

/** Tell each programme-team member about a stuck erasure: when, and nothing about whose. */
async function tellTeamStuck(s: Services, stuck: PendingErasure, m: { key: string; date: string; id: string }): Promise<void> {
  const members = s.config.programmeTeam.aadObjectIds;
  if (!members.length) s.log.warn("no programme team configured: not told of a stuck erasure", { erasure: stuck.of });
  for (const member of members) {
    const lang = await personLanguage(s, { tenantId: stuck.person.tenantId, aadObjectId: member });
    await s.outbox.enqueue({
      id: `erasure-stuck:${stuck.of}:${m.id}:${member}`,
      target: { kind: "person", tenantId: stuck.person.tenantId, aadObjectId: member, serviceUrl: stuck.serviceUrl },
      activity: note(t(lang, m.key, { date: formatDate(lang, m.date), tries: MAX_RENEWALS })),
      purpose: "erasure-stuck",
    });
  }
}

/**
 * For each secondment kept because it is in force: a job that finishes the erasure once it has
 * ended. The job names the secondment and the person's part in it, not the person.
 */
async function scheduleFinish(s: Services, plan: Awaited<ReturnType<typeof planErasure>>): Promise<void> {
  for (const secondmentId of plan.keptSecondments) {
    const found = plan.found.find((f) => f.container === "secondments" && f.doc.id === secondmentId)?.doc;
    const party = found ? partyOf(found, plan.who) : undefined;
    if (!party) continue;
    const end = (found?.terms as { endDate?: string } | undefined)?.endDate;
    const tomorrow = new Date(s.now().getTime() + 86_400_000);
    const due = end && new Date(`${end}T09:00:00Z`).getTime() + 86_400_000 > tomorrow.getTime() ? new Date(new Date(`${end}T09:00:00Z`).getTime() + 86_400_000) : tomorrow;
    await s.jobs.schedule({ id: `${FINISH_ERASURE}:${secondmentId}:${party}:${due.toISOString().slice(0, 10)}`, type: FINISH_ERASURE, payload: { secondmentId, party }, dueAt: due });
  }
}

/** The scheduled end of an erasure that had to wait for a secondment to end; tries again daily until it has. */
export async function finishErasure(s: Services, payload: { secondmentId: string; party: "secondee" | "homeManager" | "host" }): Promise<void> {
  const sec = await s.secondments.get(payload.secondmentId);
  const who = sec?.[payload.party] as { aadObjectId?: string } | undefined;
  if (!sec || !who?.aadObjectId || who.aadObjectId.startsWith("left-")) return;
  const plan = await planErasure(s.store, { tenantId: sec.tenantId, aadObjectId: who.aadObjectId });
  await erase(s.store, plan, s.now());
  forgetChats(s, plan);
  await scheduleFinish(s, plan);
  s.log.info("erasure finished", { kept: plan.keep.length });
}

// ---------------------------------------------------------------------------------------------
// Reasonable adjustments, shared with the host only by choice

/** After both sides agree to go ahead: ask the secondee (in their own language) whether the host may see their adjustments. */
export async function askShareAdjustments(s: Services, secondee: PersonId, secondmentId: string, serviceUrl: string): Promise<void> {
  const interest = await s.interests.get(secondee, "interest");
  if (!interest?.details.adjustments) return;
  const lang = (await s.preferences.language(secondee)) ?? DEFAULT_LANG;
  await s.outbox.enqueue({
    id: `adjustments-ask:${secondmentId}`,
    target: { kind: "person", tenantId: secondee.tenantId, aadObjectId: secondee.aadObjectId, serviceUrl },
    activity: message(shareCard(lang, secondmentId, undefined)),
    purpose: "adjustments-ask",
  });
}

function shareCard(lang: Lang, secondmentId: string, shared: boolean | undefined) {
  return renderCard("my-data", { kind: "share", rows: [], lists: [], erased: 0, anonymised: 0, secondmentId, ...(shared === undefined ? {} : { shared }) }, lang);
}

export const ShareData = z.looseObject({ secondmentId: z.string().regex(/^secondment-[0-9a-f]{32}$/, "menu.problem.secondmentId").optional(), share: z.preprocess((v) => v === "true" || v === true, z.boolean()) });

export async function shareAdjustments(s: Services, caller: Caller, input: { secondmentId?: string | undefined; share: boolean }): Promise<Reply> {
  // Typed ("share my adjustments"): the secondment the person is the secondee of now.
  const secondmentId =
    input.secondmentId ??
    (await s.secondments.involving(personKey(caller.person))).find((x) => x.secondee.aadObjectId.toLowerCase() === caller.person.aadObjectId.toLowerCase() && x.status !== "closed" && x.status !== "cancelled")?.id;
  if (!secondmentId) return text(t(caller.lang, "privacy.share.noSecondment"));
  const d = { secondmentId, share: input.share };
  const interest = await s.interests.get(caller.person, "interest");
  const adjustments = interest?.details.adjustments;
  const result = await s.secondments.update(d.secondmentId, (sec) => {
    if (!sec || sec.secondee.aadObjectId.toLowerCase() !== caller.person.aadObjectId.toLowerCase()) return { next: undefined, result: "not-yours" as const };
    // A finished secondment's host has nothing to put in place: sharing no longer starts, stopping still works.
    if (d.share && isFinished(sec)) return { next: undefined, result: "finished" as const };
    const { sharedAdjustments: _old, ...rest } = sec;
    const next = d.share && adjustments ? { ...rest, sharedAdjustments: { text: adjustments, at: s.now().toISOString() } } : rest;
    return { next, result: "ok" as const };
  });
  if (result === "not-yours") return text(t(caller.lang, "privacy.share.onlySecondee"));
  if (result === "finished") return text(t(caller.lang, "privacy.share.finished"));
  return card(shareCard(caller.lang, d.secondmentId, d.share && Boolean(adjustments)));
}

// ---------------------------------------------------------------------------------------------
// Equality monitoring: optional, separate, totals only

const equalityForm = (lang: Lang): FormContent => ({
  lang,
  title: t(lang, "privacy.equality.formTitle"),
  intro: t(lang, "privacy.equality.intro"),
  sections: [{ heading: t(lang, "privacy.equality.section"), fields: equalityQuestions(lang).map((q) => ({ id: q.id, kind: "choice" as const, label: q.label, choices: q.choices })) }],
  submit: { title: t(lang, "privacy.equality.send"), verb: VERBS.submitEquality, data: {} },
  secondary: [{ title: t(lang, "privacy.equality.cancel"), verb: VERBS.showMenu, data: {} }],
});

export function openEquality(lang: Lang): Reply {
  return card(renderCard("form", buildForm(equalityForm(lang), {}), lang));
}

export async function submitEquality(s: Services, caller: Caller, data: Record<string, unknown>): Promise<Reply> {
  const lang = caller.lang;
  const parsed = equalityAnswersSchema(lang).safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return card(renderCard("form", buildForm(equalityForm(lang), Object.fromEntries(Object.entries(data).map(([k, v]) => [k, String(v ?? "")])), { [String(issue.path[0])]: issue.message }), lang));
  }
  await saveEquality(s.store.container("privacy"), caller.person, parsed.data as Record<string, string>, s.now());
  return myData(lang, { kind: "equalityThanks" });
}

export async function equalityReportCard(s: Services, caller: Caller): Promise<Reply> {
  const lang = caller.lang;
  if (!isProgrammeTeam(s, caller.person)) return text(t(lang, "privacy.equality.onlyTeam"));
  const report = equalityReport(await allEqualityAnswers(s.store.container("privacy")), lang);
  return myData(lang, {
    kind: "equalityReport",
    respondents: report.respondents,
    lists: report.questions.map((q) => ({ heading: q.label, text: q.rows.map((r) => `- ${r.label}: ${r.count}`).join("\n") })),
  });
}
