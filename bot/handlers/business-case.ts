import { createHash } from "node:crypto";
import { CARD_CONTENT_TYPE, VERBS, type ActionModel, type AdaptiveCardJson } from "../../cards";
import { renderCard } from "../render-card";
import {
  BUSINESS_CASE_FIELDS,
  businessCaseQuestion,
  checkComplete,
  checkDraft,
  type BusinessCaseAnswers,
  type BusinessCaseField,
  type BusinessCaseRecord,
  type ManagerRef,
} from "../../src/domain/business-case";
import { todayInLondon } from "../../src/domain/dates";
import { DEFAULT_LANG, formatDate, t, type Lang } from "../../src/i18n";
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
const dateOf = (iso: string | undefined, lang: Lang) => (iso ? formatDate(lang, todayInLondon(new Date(iso))) : "");
/** The values a message naming the line manager needs: their name if Teams gave one, else "your line manager". */
const managerValues = (m: ManagerRef | undefined) => ({ named: m?.name ? "yes" : "no", who: m?.name ?? "" });

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

function formCard(lang: Lang, values: Record<string, string>, version: number | undefined, errors: Partial<Record<BusinessCaseField, string>> = {}, banner?: Banner, shared?: string): Reply {
  const content = businessCaseForm({ version, lang, ...(banner ? { notice: banner.text, noticeStyle: banner.style } : {}), ...(shared ? { shared } : {}) });
  return card(renderCard("form", buildForm(content, fitForCard(values), errors), lang));
}

/** What is typed, kept for showing the form again. */
const typed = (raw: Record<string, unknown>) => formValues(raw, BUSINESS_CASE_FIELDS);

/** A line about when the business case was last shared, for the top of the form. */
function sharedLine(r: BusinessCaseRecord, lang: Lang): string | undefined {
  if (!r.sharedAt) return undefined;
  return t(lang, r.status === "shared" ? "businessCase.sharedLine.shared" : "businessCase.sharedLine.changed", { ...managerValues(r.sharedWith), date: dateOf(r.sharedAt, lang) });
}

/** Open the form, filled in with the stored draft if there is one. */
export async function open(s: Services, caller: Caller): Promise<Reply> {
  const record = await s.businessCases.get(caller.person);
  if (!record) return formCard(caller.lang, {}, undefined, {});
  return formCard(caller.lang, record.fields, record.version, {}, undefined, sharedLine(record, caller.lang));
}

/** A saved draft puts step 4 in progress, unless it is already done. Gives the step's status now. */
async function markDoing(s: Services, caller: Caller): Promise<"doing" | "done"> {
  const plan = await s.plans.get(caller.person, s.now());
  if (stepStatus(plan, STEP) === "done") return "done";
  await s.plans.setStepStatus(caller.person, { step: STEP, status: "doing" }, s.now());
  return "doing";
}


/** Save draft: store whatever passes the draft check. */
export async function save(s: Services, caller: Caller, raw: Record<string, unknown>, sent: VersionData): Promise<Reply> {
  const result = checkDraft(raw, caller.lang);
  if (!result.ok) return formCard(caller.lang, typed(raw), sent.version, result.errors);
  return storeDraft(s, caller, result.value, sent, { text: t(caller.lang, "businessCase.draftSaved"), style: "good" });
}

/** Store answers as a draft and show the form again, with `notice` and where the plan stands. */
async function storeDraft(s: Services, caller: Caller, answers: BusinessCaseAnswers, sent: VersionData, notice: Banner): Promise<Reply> {
  const outcome = await s.businessCases.saveDraft(await owner(s, caller), answers, sent.version, s.now());
  const lang = caller.lang;
  if (outcome.kind === "stale") return formCard(lang, answers, outcome.record.version, {}, { text: t(lang, "businessCase.staleSave"), style: "warning" });
  const step = await markDoing(s, caller);
  s.log.info("business case draft saved", { version: outcome.record.version });
  const banner = step === "doing" ? { ...notice, text: `${notice.text} ${t(lang, "businessCase.stepDoing")}` } : notice;
  return formCard(lang, outcome.record.fields, outcome.record.version, {}, banner, sharedLine(outcome.record, lang));
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

/** The read-only card the line manager gets, in `lang` (theirs). */
export function managerCard(r: BusinessCaseRecord, personName: string, lang: Lang = DEFAULT_LANG): AdaptiveCardJson {
  return renderCard(
    "business-case",
    {
      personName,
      sharedOn: dateOf(r.sharedAt, lang),
      answers: BUSINESS_CASE_FIELDS.map((f) => ({ heading: businessCaseQuestion(f, lang).heading, text: r.fields[f] })),
    },
    lang,
  );
}

/** The card goes to the line manager in the language they chose (English if they never did). */
async function send(s: Services, caller: Caller, r: BusinessCaseRecord): Promise<"queued" | "duplicate"> {
  const manager = { tenantId: r.owner.tenantId, aadObjectId: r.sharedWith!.aadObjectId };
  const lang = (await s.preferences.language(manager)) ?? DEFAULT_LANG;
  const name = r.owner.name ?? t(lang, "businessCase.aColleague");
  return s.outbox.enqueue({
    id: shareMessageId(r.owner, r.version),
    target: { kind: "person", ...manager, serviceUrl: caller.serviceUrl },
    activity: {
      type: "message",
      summary: t(lang, "businessCase.summary", { named: r.owner.name ? "yes" : "no", name: r.owner.name ?? "" }),
      attachments: [{ contentType: CARD_CONTENT_TYPE, content: managerCard(r, name, lang) }],
    },
    purpose: BUSINESS_CASE_PURPOSE,
  });
}

/** What the secondee sees once it is shared: who has it, and their answers. */
function sharedCard(r: BusinessCaseRecord, notice: string, lang: Lang): Reply {
  const m = (key: string) => t(lang, key);
  const plan: ActionModel = { title: m("businessCase.action.plan"), verb: VERBS.showPlan, data: {} };
  const menu: ActionModel = { title: m("common.menu"), verb: VERBS.showMenu, data: {} };
  return card(
    renderCard(
      "records",
      {
        title: m("businessCase.shared.title"),
        notice,
        noticeStyle: "good",
        empty: m("businessCase.shared.empty"),
        items: [
          {
            heading: m("businessCase.shared.heading"),
            statusLabel: m("businessCase.shared.status"),
            statusColor: "good",
            facts: [
              { title: m("businessCase.shared.with"), value: r.sharedWith?.name ?? m("businessCase.shared.withManager") },
              { title: m("businessCase.shared.on"), value: dateOf(r.sharedAt, lang) },
              ...BUSINESS_CASE_FIELDS.map((f) => ({ title: businessCaseQuestion(f, lang).label, value: r.fields[f] })),
            ],
            actions: [{ title: m("businessCase.action.change"), verb: VERBS.openBusinessCase, data: {} }],
          },
        ],
        cardActions: [plan, menu],
      },
      lang,
    ),
  );
}

/** Share with my line manager: check every answer, store it as shared, send the manager a card. */
export async function share(s: Services, caller: Caller, raw: Record<string, unknown>, sent: VersionData): Promise<Reply> {
  const lang = caller.lang;
  const result = checkComplete(raw, lang);
  if (!result.ok) return formCard(lang, typed(raw), sent.version, result.errors);
  const found = await findManager(s, caller);
  if (found.kind !== "found") {
    s.log.info("business case not shared: no line manager in Teams", { why: found.kind });
    const why = t(lang, `businessCase.noManager.${found.kind}`);
    const text = `${why} ${t(lang, "businessCase.keptAsDraft")}`;
    return storeDraft(s, caller, result.value, sent, { text, style: "warning" });
  }
  const outcome = await s.businessCases.share(await owner(s, caller), result.value, found.manager, sent.version, s.now());
  switch (outcome.kind) {
    case "stale":
      return formCard(lang, result.value, outcome.record.version, {}, { text: t(lang, "businessCase.staleShare"), style: "warning" });
    case "already-shared":
      await send(s, caller, outcome.record); // the same id: sends nothing new, heals a crash before the send
      await s.plans.setStepStatus(caller.person, { step: STEP, status: "done" }, s.now());
      return sharedCard(
        outcome.record,
        t(lang, "businessCase.alreadyShared", { ...managerValues(outcome.record.sharedWith), date: dateOf(outcome.record.sharedAt, lang) }),
        lang,
      );
    case "shared": {
      await send(s, caller, outcome.record);
      await s.plans.setStepStatus(caller.person, { step: STEP, status: "done" }, s.now());
      s.log.info("business case shared", { version: outcome.record.version });
      return sharedCard(outcome.record, t(lang, "businessCase.sent", managerValues(outcome.record.sharedWith)), lang);
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
  // A message to the secondee who did not just write: in their stored language.
  const lang = (await s.preferences.language(record.owner)) ?? DEFAULT_LANG;
  const text = t(lang, m.unreachableReason === "not-installed" ? "businessCase.undelivered.notInstalled" : "businessCase.undelivered.other");
  await s.outbox.enqueue({
    id: `business-case-undelivered:${parsed[1]}:v${version}`,
    target: { kind: "person", tenantId: record.owner.tenantId, aadObjectId: record.owner.aadObjectId, serviceUrl: m.target.serviceUrl },
    activity: { type: "message", text },
    purpose: "business-case-undelivered",
  });
}
