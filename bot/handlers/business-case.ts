import { createHash } from "node:crypto";
import { CARD_CONTENT_TYPE, renderCard, VERBS, type ActionModel, type AdaptiveCardJson } from "../../cards";
import {
  BUSINESS_CASE_FIELDS,
  BUSINESS_CASE_QUESTIONS,
  checkComplete,
  checkDraft,
  type BusinessCaseAnswers,
  type BusinessCaseField,
  type BusinessCaseRecord,
  type ManagerRef,
} from "../../src/domain/business-case";
import { formatUkDate, todayInLondon } from "../../src/domain/dates";
import { formValues } from "../../src/domain/forms";
import { personKey } from "../../src/domain/person";
import { stepStatus } from "../../src/domain/plan";
import { INTEREST_ID } from "../../src/store/records";
import { businessCaseForm, fitForCard } from "../forms/business-case-form";
import { buildForm } from "../forms/form-builder";
import type { VersionData } from "./interest";
import { card, type Caller, type MessageTarget, type Reply, type Services } from "./types";

/** The outbox purpose of the card sent to the line manager. */
export const BUSINESS_CASE_PURPOSE = "business-case";

const STEP = 4;
const MENU: ActionModel = { title: "Menu", verb: VERBS.showMenu, data: {} };
const PLAN: ActionModel = { title: "My plan", verb: VERBS.showPlan, data: {} };

const dateOf = (iso: string | undefined) => (iso ? formatUkDate(todayInLondon(new Date(iso))) : "");
const managerName = (m: ManagerRef | undefined) => m?.name ?? "your line manager";

/**
 * The idempotency key of the card sent for one version: the person key is hashed so the id stays
 * short (the outbox allows 255 characters) whatever the tenant and object ids look like.
 */
export function shareMessageId(owner: { tenantId: string; aadObjectId: string }, version: number): string {
  const digest = createHash("sha256").update(personKey(owner)).digest("hex").slice(0, 32);
  return `${BUSINESS_CASE_PURPOSE}:${digest}:v${version}`;
}

/** A banner above the form: "good" for what worked, "warning" for what did not happen. */
type Banner = { text: string; style: "good" | "warning" };

function formCard(values: Record<string, string>, version: number | undefined, errors: Partial<Record<BusinessCaseField, string>> = {}, banner?: Banner, shared?: string): Reply {
  return card(renderCard("form", buildForm(businessCaseForm({ version, ...(banner ? { notice: banner.text, noticeStyle: banner.style } : {}), ...(shared ? { shared } : {}) }), fitForCard(values), errors)));
}

/** What is typed, kept for showing the form again. */
const typed = (raw: Record<string, unknown>) => formValues(raw, BUSINESS_CASE_FIELDS);

/** A line about when the business case was last shared, for the top of the form. */
function sharedLine(r: BusinessCaseRecord): string | undefined {
  if (!r.sharedAt) return undefined;
  const who = r.sharedWith?.name ?? "your line manager";
  return r.status === "shared"
    ? `You shared this with ${who} on ${dateOf(r.sharedAt)}. If you change it, share it again so they have the latest version.`
    : `You last shared your business case with ${who} on ${dateOf(r.sharedAt)}. You have changed it since then.`;
}

/** Open the form, filled in with the stored draft if there is one. */
export async function open(s: Services, caller: Caller): Promise<Reply> {
  const record = await s.businessCases.get(caller.person);
  if (!record) return formCard({}, undefined, {});
  return formCard(record.fields, record.version, {}, undefined, sharedLine(record));
}

/** A saved draft puts step 4 in progress, unless it is already done. Gives the step's status now. */
async function markDoing(s: Services, caller: Caller): Promise<"doing" | "done"> {
  const plan = await s.plans.get(caller.person, s.now());
  if (stepStatus(plan, STEP) === "done") return "done";
  await s.plans.setStepStatus(caller.person, { step: STEP, status: "doing" }, s.now());
  return "doing";
}

const STALE_SAVE =
  "Your business case was changed somewhere else after you opened this form, so we have not saved this. Your answers are below. Select Save draft again to replace the other version.";
const STALE_SHARE =
  "Your business case was changed somewhere else after you opened this form, so we have not shared it. Your answers are below. Check them, then select Share with my line manager again.";

/** Save draft: store whatever passes the draft check. */
export async function save(s: Services, caller: Caller, raw: Record<string, unknown>, sent: VersionData): Promise<Reply> {
  const result = checkDraft(raw);
  if (!result.ok) return formCard(typed(raw), sent.version, result.errors);
  return storeDraft(s, caller, result.value, sent, { text: "Your draft is saved.", style: "good" });
}

/** Store answers as a draft and show the form again, with `notice` and where the plan stands. */
async function storeDraft(s: Services, caller: Caller, answers: BusinessCaseAnswers, sent: VersionData, notice: Banner): Promise<Reply> {
  const outcome = await s.businessCases.saveDraft(await owner(s, caller), answers, sent.version, s.now());
  if (outcome.kind === "stale") return formCard(answers, outcome.record.version, {}, { text: STALE_SAVE, style: "warning" });
  const step = await markDoing(s, caller);
  s.log.info("business case draft saved", { version: outcome.record.version });
  const banner = step === "doing" ? { ...notice, text: `${notice.text} Step 4 of your plan is in progress.` } : notice;
  return formCard(outcome.record.fields, outcome.record.version, {}, banner, sharedLine(outcome.record));
}

/** The person's name as their line manager knows it: from their interest, else from Teams. */
async function owner(s: Services, caller: Caller): Promise<Caller["person"] & { name?: string }> {
  const interest = await s.interests.get(caller.person, INTEREST_ID);
  const name = interest?.details.fullName ?? caller.name;
  return { ...caller.person, ...(name ? { name } : {}) };
}

type ManagerLookup = { kind: "found"; manager: ManagerRef } | { kind: "email-only" } | { kind: "self" } | { kind: "none" };

/**
 * The line manager named in the person's expression of interest, else the one their release
 * request went to. A name is known only once the manager has answered in Teams.
 */
async function findManager(s: Services, caller: Caller): Promise<ManagerLookup> {
  const interest = await s.interests.get(caller.person, INTEREST_ID);
  const approval = await s.approvals.get(personKey(caller.person));
  const id = interest?.details.lineManagerId ?? approval?.manager.aadObjectId;
  if (!id) return interest?.details.lineManagerEmail || approval?.manager.email ? { kind: "email-only" } : { kind: "none" };
  if (id.toLowerCase() === caller.person.aadObjectId.toLowerCase()) return { kind: "self" };
  const same = (other: string | undefined) => other?.toLowerCase() === id.toLowerCase();
  const name = approval && same(approval.manager.aadObjectId) ? (approval.manager.name ?? (same(approval.decidedBy?.aadObjectId) ? approval.decidedBy?.name : undefined)) : undefined;
  return { kind: "found", manager: { aadObjectId: id, ...(name ? { name } : {}) } };
}

const NO_MANAGER: Record<Exclude<ManagerLookup["kind"], "found">, string> = {
  none: "We have not shared your business case, because we do not know who your line manager is. Send your expression of interest and choose your line manager in the 'Find your line manager' box, then share your business case again.",
  "email-only":
    "We have not shared your business case, because we cannot find your line manager in Teams from their email address. Send it to them by email instead, or ask the programme team for help.",
  self: "We have not shared your business case, because your expression of interest names you as your own line manager. Change your expression of interest and choose your line manager, then share again.",
};

/** The read-only card the line manager gets. */
export function managerCard(r: BusinessCaseRecord, personName: string): AdaptiveCardJson {
  return renderCard("business-case", {
    personName,
    sharedOn: dateOf(r.sharedAt),
    answers: BUSINESS_CASE_FIELDS.map((f) => ({ heading: BUSINESS_CASE_QUESTIONS[f].heading, text: r.fields[f] })),
  });
}

async function send(s: Services, caller: Caller, r: BusinessCaseRecord): Promise<"queued" | "duplicate"> {
  const name = r.owner.name ?? "A colleague";
  return s.outbox.enqueue({
    id: shareMessageId(r.owner, r.version),
    target: { kind: "person", tenantId: r.owner.tenantId, aadObjectId: r.sharedWith!.aadObjectId, serviceUrl: caller.serviceUrl },
    activity: { type: "message", summary: `Business case from ${name}`, attachments: [{ contentType: CARD_CONTENT_TYPE, content: managerCard(r, name) }] },
    purpose: BUSINESS_CASE_PURPOSE,
  });
}

/** What the secondee sees once it is shared: who has it, and their answers. */
function sharedCard(r: BusinessCaseRecord, notice: string): Reply {
  return card(
    renderCard("records", {
      title: "Your business case",
      notice,
      noticeStyle: "good",
      empty: "You have not written a business case yet.",
      items: [
        {
          heading: "Business case",
          statusLabel: "Shared",
          statusColor: "good",
          facts: [
            { title: "Shared with", value: r.sharedWith?.name ?? "Your line manager" },
            { title: "Shared on", value: dateOf(r.sharedAt) },
            ...BUSINESS_CASE_FIELDS.map((f) => ({ title: BUSINESS_CASE_QUESTIONS[f].label, value: r.fields[f] })),
          ],
          actions: [{ title: "Change it", verb: VERBS.openBusinessCase, data: {} }],
        },
      ],
      cardActions: [PLAN, MENU],
    }),
  );
}

/** Share with my line manager: check every answer, store it as shared, send the manager a card. */
export async function share(s: Services, caller: Caller, raw: Record<string, unknown>, sent: VersionData): Promise<Reply> {
  const result = checkComplete(raw);
  if (!result.ok) return formCard(typed(raw), sent.version, result.errors);
  const found = await findManager(s, caller);
  if (found.kind !== "found") {
    s.log.info("business case not shared: no line manager in Teams", { why: found.kind });
    return storeDraft(s, caller, result.value, sent, { text: `${NO_MANAGER[found.kind]} We have saved your answers as a draft.`, style: "warning" });
  }
  const outcome = await s.businessCases.share(await owner(s, caller), result.value, found.manager, sent.version, s.now());
  switch (outcome.kind) {
    case "stale":
      return formCard(result.value, outcome.record.version, {}, { text: STALE_SHARE, style: "warning" });
    case "already-shared":
      await send(s, caller, outcome.record); // the same id: sends nothing new, heals a crash before the send
      await s.plans.setStepStatus(caller.person, { step: STEP, status: "done" }, s.now());
      return sharedCard(
        outcome.record,
        `You already shared these answers with ${managerName(outcome.record.sharedWith)} on ${dateOf(outcome.record.sharedAt)}, so we have not sent them again.`,
      );
    case "shared": {
      await send(s, caller, outcome.record);
      await s.plans.setStepStatus(caller.person, { step: STEP, status: "done" }, s.now());
      s.log.info("business case shared", { version: outcome.record.version });
      return sharedCard(
        outcome.record,
        `We have sent your business case to ${managerName(outcome.record.sharedWith)}. Step 4 of your plan is now done. They can reply to you directly.`,
      );
    }
  }
}

/** The outbox gave up on a message: the parts of it this needs. */
export interface UndeliveredMessage {
  id: string;
  target: MessageTarget;
  unreachableReason?: string | undefined;
}

/**
 * The line manager's card could not be delivered (for example, they do not have the app): the
 * business case becomes a draft again, so sharing it again sends a new card, and the person is told.
 */
export async function undelivered(s: Services, m: UndeliveredMessage): Promise<void> {
  const parsed = /^business-case:([0-9a-f]{32}):v(\d{1,9})$/.exec(m.id);
  if (!parsed || m.target.kind !== "person") return;
  const version = Number(parsed[2]);
  const record = (await s.businessCases.sharedWith(m.target.aadObjectId)).find((r) => shareMessageId(r.owner, version) === m.id);
  if (!record) return;
  const now = await s.businessCases.undelivered(record.owner, version);
  if (!now || now.version !== version || now.status !== "draft") return; // shared again since: nothing to say
  s.log.info("business case not delivered", { version, why: m.unreachableReason });
  const text =
    m.unreachableReason === "not-installed"
      ? "We could not send your business case to your line manager in Teams, because they do not have the Secondments app. Ask them to add it, then share your business case again. Or send it to them by email. We have kept your answers as a draft."
      : "We could not send your business case to your line manager in Teams. Share it again later, or send it to them by email. We have kept your answers as a draft.";
  await s.outbox.enqueue({
    id: `business-case-undelivered:${parsed[1]}:v${version}`,
    target: { kind: "person", tenantId: record.owner.tenantId, aadObjectId: record.owner.aadObjectId, serviceUrl: m.target.serviceUrl },
    activity: { type: "message", text },
    purpose: "business-case-undelivered",
  });
}
