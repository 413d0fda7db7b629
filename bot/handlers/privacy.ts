import { z } from "zod";
import { renderCard, VERBS, type MyDataModel } from "../../cards";
import { formatUkDate } from "../../src/domain/dates";
import { personKey, type PersonId } from "../../src/domain/person";
import { planErasure, erase } from "../../src/privacy/erase";
import { partyOf } from "../../src/privacy/registry";
import { allEqualityAnswers, EQUALITY_QUESTIONS, EqualityAnswersSchema, equalityReport, saveEquality } from "../../src/privacy/equality";
import { exportFor, exportSummary } from "../../src/privacy/export";
import { buildForm, type FormContent } from "../forms/form-builder";
import { isProgrammeTeam } from "./secondment";
import { card, text, type Caller, type Reply, type Services } from "./types";

/** Job that finishes an erasure once the secondment it had to keep has ended. */
export const FINISH_ERASURE = "privacy.finish-erasure";
export const EXPORT_FILE_NAME = "my-secondment-data.json";
export const FILE_CONSENT_TYPE = "application/vnd.microsoft.teams.card.file.consent";
export const EXPORT_PURPOSE = "privacy-export";

const myData = (m: Partial<MyDataModel> & { title: string }): Reply =>
  card(renderCard("my-data", { paragraphs: [], rows: [], lists: [], buttons: [], ...m }));

/** The privacy notice, in plain English. */
export function notice(s: Services): Reply {
  const months = s.config.retentionMonths;
  return card(
    renderCard("privacy", {
      programmeEmail: s.config.programmeTeam.email,
      sections: [
        { heading: "Who holds your information", text: "The secondment programme team runs this app and is responsible for what it stores. It is stored in the programme's Microsoft Azure account and Microsoft Teams." },
        { heading: "What we use it for", text: "To run the programme: to plan your secondment with you, ask your line manager's permission, find you a good match, agree the details and keep in touch during the secondment. We use it for nothing else." },
        {
          heading: "Who sees what",
          text: "Your line manager sees your request and your business case. A host you are matched with sees your name, skills and the secondment details. The programme team sees your records. Your reasonable adjustments are seen only by the programme team, and by a host only if you choose to share them after you both agree to go ahead. Equality answers are optional, kept apart and only ever counted in totals.",
        },
        { heading: "How long we keep it", text: `Until ${months} months after your interest is withdrawn, your match closes or your secondment ends. Then we delete it, or remove your name from records other people still need. Messages and reminders are deleted 30 days after they are sent.` },
        { heading: "Your rights", text: "Type **export my data** for a copy of everything stored about you. Type **delete my data** to have it erased. You can also ask the programme team to correct anything that is wrong." },
      ],
    }),
  );
}

/** Export: a summary card now, and the full file offered in this chat (Teams asks before saving it). */
export async function exportMine(s: Services, caller: Caller): Promise<Reply> {
  const data = await exportFor(s.store, caller.person, s.now(), { names: caller.name ? [caller.name] : [] });
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
          content: { description: "A copy of everything the secondment programme's app stores about you.", sizeInBytes: bytes, acceptContext: { export: "mine" }, declineContext: { export: "mine" } },
        },
      ],
    },
    purpose: EXPORT_PURPOSE,
  });
  return myData({
    title: "Your data",
    paragraphs: [
      { text: "This is what the app stores about you. I am sending the full copy as a file in this chat: choose **Allow** to save it to your OneDrive." },
      { text: "The file is in JSON, a format other programs can read. It holds only your own records and answers, not other people's." },
    ],
    rows: exportSummary(data).map((r) => ({ label: r.label, value: String(r.count) })),
  });
}

/** The export as a file's bytes, for the person who accepted the file in their own chat. */
export async function exportFile(s: Services, person: PersonId, name?: string): Promise<Buffer> {
  const data = await exportFor(s.store, person, s.now(), { names: name ? [name] : [] });
  return Buffer.from(JSON.stringify(data, null, 2), "utf8");
}

/** Before erasing: what goes, what stays with the name removed, what must be kept and why. */
export async function askDelete(s: Services, caller: Caller): Promise<Reply> {
  const plan = await planErasure(s.store, caller.person, { names: caller.name ? [caller.name] : [] });
  const erased = plan.erase.reduce((n, x) => n + x.count, 0);
  const anonymised = plan.anonymise.reduce((n, x) => n + x.count, 0);
  const reasons = [...new Set(plan.keep.map((k) => k.reason))];
  return myData({
    title: "Delete your data",
    paragraphs: [
      { text: `I will delete ${erased} ${erased === 1 ? "record" : "records"} about you: your plan, interest, roles, requests, business case, answers and messages.` },
      ...(anonymised ? [{ text: `${anonymised} ${anonymised === 1 ? "record" : "records"} other people still need (such as a match or a decision a manager made) will stay, with your name replaced by "a person who has left the programme".` }] : []),
      { text: "You cannot undo this. You will no longer be part of the programme. You can start again at any time." },
    ],
    lists: reasons.map((r) => ({ heading: `Kept for now${plan.keptUntil ? ` (until ${formatUkDate(plan.keptUntil)})` : ""}`, text: r })),
    buttons: [
      { title: "Yes, delete my data", verb: VERBS.confirmDeleteMyData, data: {}, style: "destructive" },
      { title: "Cancel", verb: VERBS.showMenu, data: {}, style: "default" },
    ],
  });
}

export async function confirmDelete(s: Services, caller: Caller): Promise<Reply> {
  const plan = await planErasure(s.store, caller.person, { names: caller.name ? [caller.name] : [] });
  const record = await erase(s.store, plan, s.now());
  await scheduleFinish(s, plan);
  s.log.info("erasure done", { erased: record.erased, anonymised: record.anonymised, kept: record.kept.length });
  return myData({
    title: "Your data has been deleted",
    paragraphs: [
      { text: `I deleted ${record.erased} records and removed your name from ${record.anonymised} others.` },
      ...(plan.keptSecondments.size ? [{ text: `Your secondment agreement is kept until it ends${plan.keptUntil ? ` on ${formatUkDate(plan.keptUntil)}` : ""}, because the other people in it rely on it. I will delete it then.` }] : []),
    ],
  });
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
  await scheduleFinish(s, plan);
  s.log.info("erasure finished", { kept: plan.keep.length });
}

// ---------------------------------------------------------------------------------------------
// Reasonable adjustments, shared with the host only by choice

/** After both sides agree to go ahead: ask the secondee whether the host may see their adjustments. */
export async function askShareAdjustments(s: Services, secondee: PersonId, secondmentId: string, serviceUrl: string): Promise<void> {
  const interest = await s.interests.get(secondee, "interest");
  if (!interest?.details.adjustments) return;
  await s.outbox.enqueue({
    id: `adjustments-ask:${secondmentId}`,
    target: { kind: "person", tenantId: secondee.tenantId, aadObjectId: secondee.aadObjectId, serviceUrl },
    activity: { type: "message", attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: shareCard(secondmentId, undefined) }] },
    purpose: "adjustments-ask",
  });
}

function shareCard(secondmentId: string, shared: boolean | undefined) {
  return renderCard("my-data", {
    title: "Share your reasonable adjustments with the host?",
    ...(shared === undefined ? {} : { notice: shared ? "The host can now see your adjustments." : "Your adjustments are not shared with the host." }),
    paragraphs: [
      { text: "You told us about reasonable adjustments. The host can put them in place only if they know about them. If you share them, the host sees what you wrote on the secondment card." },
      { text: "You can change this at any time from **my secondment**." },
    ],
    rows: [],
    lists: [],
    buttons: [
      { title: "Yes, share them", verb: VERBS.shareAdjustments, data: { secondmentId, share: true }, style: "positive" },
      { title: "Not now", verb: VERBS.shareAdjustments, data: { secondmentId, share: false }, style: "default" },
    ],
  });
}

export const ShareData = z.looseObject({ secondmentId: z.string().regex(/^secondment-[0-9a-f]{32}$/, "must be a secondment id").optional(), share: z.preprocess((v) => v === "true" || v === true, z.boolean()) });

export async function shareAdjustments(s: Services, caller: Caller, input: { secondmentId?: string | undefined; share: boolean }): Promise<Reply> {
  // Typed ("share my adjustments"): the secondment the person is the secondee of now.
  const secondmentId =
    input.secondmentId ??
    (await s.secondments.involving(personKey(caller.person))).find((x) => x.secondee.aadObjectId.toLowerCase() === caller.person.aadObjectId.toLowerCase() && x.status !== "closed" && x.status !== "cancelled")?.id;
  if (!secondmentId) return text("You are not the secondee in a secondment yet, so there is nothing to share.");
  const d = { secondmentId, share: input.share };
  const interest = await s.interests.get(caller.person, "interest");
  const adjustments = interest?.details.adjustments;
  const result = await s.secondments.update(d.secondmentId, (sec) => {
    if (!sec || sec.secondee.aadObjectId.toLowerCase() !== caller.person.aadObjectId.toLowerCase()) return { next: undefined, result: "not-yours" as const };
    const { sharedAdjustments: _old, ...rest } = sec;
    const next = d.share && adjustments ? { ...rest, sharedAdjustments: { text: adjustments, at: s.now().toISOString() } } : rest;
    return { next, result: "ok" as const };
  });
  if (result === "not-yours") return text("Only the secondee can choose to share their adjustments.");
  return card(shareCard(d.secondmentId, d.share && Boolean(adjustments)));
}

// ---------------------------------------------------------------------------------------------
// Equality monitoring: optional, separate, totals only

const equalityForm = (): FormContent => ({
  title: "Equality questions (optional)",
  intro:
    "The programme wants people from a range of backgrounds. Your answers are kept apart from your interest, never used to choose matches and never shown to anyone. The programme team sees only totals, and any number under 5 is hidden. Every question has 'Prefer not to say'.",
  sections: [{ heading: "About you", fields: EQUALITY_QUESTIONS.map((q) => ({ id: q.id, kind: "choice" as const, label: q.label, choices: q.choices })) }],
  submit: { title: "Send my answers", verb: VERBS.submitEquality, data: {} },
  secondary: [{ title: "Cancel", verb: VERBS.showMenu, data: {} }],
});

export function openEquality(): Reply {
  return card(renderCard("form", buildForm(equalityForm(), {})));
}

export async function submitEquality(s: Services, caller: Caller, data: Record<string, unknown>): Promise<Reply> {
  const parsed = EqualityAnswersSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return card(renderCard("form", buildForm(equalityForm(), Object.fromEntries(Object.entries(data).map(([k, v]) => [k, String(v ?? "")])), { [String(issue.path[0])]: issue.message })));
  }
  await saveEquality(s.store.container("privacy"), caller.person, parsed.data as Record<string, string>, s.now());
  return myData({ title: "Thank you", paragraphs: [{ text: "Your answers are saved. They are only ever counted in totals. Type **delete my data** to remove them." }] });
}

export async function equalityReportCard(s: Services, caller: Caller): Promise<Reply> {
  if (!isProgrammeTeam(s, caller.person)) return text("Only the programme team can see the equality report.");
  const report = equalityReport(await allEqualityAnswers(s.store.container("privacy")));
  return myData({
    title: "Equality monitoring: totals",
    paragraphs: [{ text: `People who answered: ${report.respondents}. Numbers from 1 to 4 are shown as "fewer than 5" so no one can be identified.` }],
    lists: report.questions.map((q) => ({ heading: q.label, text: q.rows.map((r) => `- ${r.label}: ${r.count}`).join("\n") })),
  });
}
