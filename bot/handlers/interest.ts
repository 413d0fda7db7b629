import { VERBS, type ActionModel } from "../../cards";
import { renderCard } from "../render-card";
import { unreachableAdvice, type ApprovalStatus } from "../../src/domain/approval";
import { formValues } from "../../src/domain/forms";
import { personKey } from "../../src/domain/person";
import { INTEREST_FIELDS, interestToForm, validateInterest } from "../../src/domain/interest";
import { INTEREST_ID } from "../../src/store/records";
import { buildForm } from "../forms/form-builder";
import { interestForm } from "../forms/interest-form";
import { cancelRequest, requestAgain, requestNotice, requestRelease } from "./approval";
import { suggestForCandidate, suggestQuietly } from "./matching";
import { interestFacts, STATUS_VIEW } from "./describe";
import { t, type Lang } from "../../src/i18n";
import { card, type Caller, type Reply, type Services } from "./types";

/** How a sent interest stands, once its line manager has been asked (labels: "myInterest.release.<status>"). */
const RELEASE_COLOR: Record<ApprovalStatus, "default" | "good" | "warning" | "attention"> = {
  pending: "default",
  approved: "good",
  declined: "attention",
  unreachable: "warning",
  cancelled: "good",
};

/** The version a form was opened at, as the card sends it back. */
export type VersionData = { version?: number | undefined };


/** Open the form: filled in from the stored interest, or from Teams for a first one. */
export async function start(s: Services, caller: Caller): Promise<Reply> {
  const existing = await s.interests.get(caller.person, INTEREST_ID);
  if (existing) {
    const content = interestForm({ editing: existing.status !== "withdrawn", version: existing.version, lang: caller.lang });
    // "Language for messages" shows the language set now (it may have been switched since).
    return card(renderCard("form", buildForm(content, { ...interestToForm(existing.details), language: caller.lang === "cy" ? "cy" : "en" }), caller.lang));
  }
  const profile = await caller.profile();
  const values: Record<string, string> = { fullName: profile.name ?? caller.name ?? "", email: profile.email ?? "", language: caller.lang === "cy" ? "cy" : "en" };
  return card(renderCard("form", buildForm(interestForm({ editing: false, lang: caller.lang }), values), caller.lang));
}

export async function submit(s: Services, caller: Caller, raw: Record<string, unknown>, sent: VersionData): Promise<Reply> {
  const result = validateInterest(raw, s.rules(), caller.lang);
  const existing = sent.version !== undefined;
  // The one rule the core cannot check alone: who is sending the form.
  const self = result.ok && result.value.lineManagerId?.toLowerCase() === caller.person.aadObjectId.toLowerCase();
  if (!result.ok || self) {
    const errors = result.ok ? { lineManagerId: t(caller.lang, "interest.rule.notYourself") } : result.errors;
    const content = interestForm({ editing: existing, lang: caller.lang, ...(sent.version !== undefined ? { version: sent.version } : {}) });
    return card(renderCard("form", buildForm(content, formValues(raw, INTEREST_FIELDS), errors), caller.lang));
  }
  const outcome = await s.interests.submit(
    { ...caller.person, name: result.value.fullName },
    INTEREST_ID,
    result.value,
    sent.version,
    s.now(),
  );
  if (outcome.kind === "stale") {
    return show(s, caller, t(caller.lang, "myInterest.stale"));
  }
  await s.plans.setStepStatus(caller.person, { step: 1, status: "done" }, s.now());
  s.log.info("interest saved", { version: outcome.record.version, created: outcome.created });
  // "Language for messages" is the person's one language setting, the one "Cymraeg" and "English" set.
  const chosen: Lang = result.value.language === "cy" ? "cy" : "en-GB";
  if (chosen !== caller.lang) await s.preferences.setLanguage(caller.person, chosen, s.now());
  const reader: Caller = chosen === caller.lang ? caller : { ...caller, lang: chosen };
  const request = await requestRelease(s, caller, result.value);
  if (!outcome.created && request.status === "approved") {
    await suggestQuietly(s, () => suggestForCandidate(s, personKey(caller.person), caller.serviceUrl, caller.person.tenantId));
  }
  const about = requestNotice(request, s.config.programmeTeam.email, reader.lang);
  return show(
    s,
    reader,
    t(reader.lang, outcome.created ? "myInterest.saved" : "myInterest.changesSaved") + (about ? ` ${about}` : ""),
    request.status === "unreachable" ? "warning" : "good",
  );
}

/** "My interest": what was sent, with change and withdraw. */
export async function show(s: Services, caller: Caller, notice?: string, noticeStyle: "good" | "warning" = "good"): Promise<Reply> {
  const lang = caller.lang;
  const m = (key: string) => t(lang, key);
  const menu: ActionModel = { title: m("common.menu"), verb: VERBS.showMenu, data: {} };
  const record = await s.interests.get(caller.person, INTEREST_ID);
  const actions: ActionModel[] = record
    ? record.status === "withdrawn"
      ? [{ title: m("myInterest.sendAgain"), verb: VERBS.startInterest, data: {} }]
      : [
          { title: m("myInterest.change"), verb: VERBS.startInterest, data: {} },
          { title: m("myInterest.withdraw"), verb: VERBS.withdrawInterest, data: { version: record.version } },
        ]
    : [{ title: m("welcome.action.interest"), verb: VERBS.startInterest, data: {} }];
  const release = record?.status === "submitted" ? await s.approvals.get(personKey(caller.person)) : undefined;
  const view = release
    ? { label: m(`myInterest.release.${release.status}`), color: RELEASE_COLOR[release.status] }
    : record
      ? { label: m(`myInterest.status.${record.status}`), color: STATUS_VIEW[record.status].color }
      : undefined;
  // The manager's name is known once they have answered (Teams gives it with their click).
  const managerName = release && record?.details.lineManagerId && release.manager.aadObjectId === record.details.lineManagerId ? (release.manager.name ?? release.decidedBy?.name) : undefined;
  const releaseFacts = release
    ? [
        { title: m("myInterest.managerAnswer"), value: view!.label },
        ...(release.status === "declined" && release.reason ? [{ title: m("myInterest.theirReason"), value: release.reason }] : []),
        ...(release.status === "declined" ? [{ title: m("myInterest.whatYouCanDo"), value: m("release.askAgain.note") }] : []),
        ...(release.status === "unreachable" ? [{ title: m("myInterest.whatToDo"), value: unreachableAdvice(release.unreachableReason, s.config.programmeTeam.email, caller.lang) }] : []),
      ]
    : [];
  // After a decline, asking again is the person's choice, never a side effect of saving.
  if (release?.status === "declined") actions.unshift({ title: m("release.askAgain.button"), verb: VERBS.askManagerAgain, data: { secondee: personKey(release.secondee), requestId: release.requestId } });
  return card(
    renderCard(
      "records",
      {
        title: m("myInterest.title"),
        ...(notice ? { notice, noticeStyle } : {}),
        empty: m("myInterest.empty"),
        items: record
          ? [{ heading: record.details.organisationName, statusLabel: view!.label, statusColor: view!.color, facts: [...interestFacts(record.details, lang, managerName), ...releaseFacts], actions }]
          : [],
        cardActions: record ? [menu] : [...actions, menu],
      },
      lang,
    ),
  );
}

export function askWithdraw(_s: Services, caller: Caller, sent: VersionData): Reply {
  const m = (key: string) => t(caller.lang, key);
  return card(
    renderCard(
      "confirm",
      {
        title: m("myInterest.withdrawAsk.title"),
        paragraphs: [{ text: m("myInterest.withdrawAsk.stopLooking") }, { text: m("myInterest.withdrawAsk.sendAgain") }],
        confirm: { title: m("myInterest.withdrawAsk.yes"), verb: VERBS.confirmWithdrawInterest, data: sent.version !== undefined ? { version: sent.version } : {} },
        cancel: { title: m("myInterest.withdrawAsk.no"), verb: VERBS.showInterest, data: {} },
      },
      caller.lang,
    ),
  );
}

export async function withdraw(s: Services, caller: Caller, sent: VersionData): Promise<Reply> {
  const outcome = await s.interests.withdraw(caller.person, INTEREST_ID, sent.version, s.now());
  if (outcome.kind === "withdrawn") await cancelRequest(s, caller);
  const key = {
    withdrawn: "myInterest.withdrawn.done",
    "already-withdrawn": "myInterest.withdrawn.already",
    stale: "myInterest.withdrawn.stale",
    missing: "myInterest.withdrawn.missing",
  }[outcome.kind];
  if (outcome.kind === "withdrawn") s.log.info("interest withdrawn", { version: outcome.record.version });
  return show(s, caller, t(caller.lang, key));
}

/** "Ask my line manager again" after a decline: one new request, however many clicks. */
export async function askAgain(s: Services, caller: Caller, declined: { requestId: string }): Promise<Reply> {
  const record = await s.interests.get(caller.person, INTEREST_ID);
  if (!record || record.status !== "submitted") return show(s, caller, t(caller.lang, "release.askAgain.noInterest"), "warning");
  const { approval } = await requestAgain(s, caller, record.details, declined.requestId);
  const about = approval ? requestNotice(approval, s.config.programmeTeam.email, caller.lang) : "";
  return show(s, caller, about || undefined, approval?.status === "unreachable" ? "warning" : "good");
}
