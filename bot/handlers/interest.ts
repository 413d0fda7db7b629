import { renderCard, VERBS, type ActionModel } from "../../cards";
import { unreachableAdvice, type ApprovalStatus } from "../../src/domain/approval";
import { formValues } from "../../src/domain/forms";
import { personKey } from "../../src/domain/person";
import { INTEREST_FIELDS, interestToForm, validateInterest } from "../../src/domain/interest";
import { INTEREST_ID } from "../../src/store/records";
import { buildForm } from "../forms/form-builder";
import { interestForm } from "../forms/interest-form";
import { cancelRequest, requestNotice, requestRelease } from "./approval";
import { suggestForCandidate, suggestQuietly } from "./matching";
import { interestFacts, STATUS_VIEW } from "./describe";
import { card, type Caller, type Reply, type Services } from "./types";

/** How a sent interest stands, once its line manager has been asked. */
const RELEASE_VIEW: Record<ApprovalStatus, { label: string; color: "default" | "good" | "warning" | "attention" }> = {
  pending: { label: "Waiting for line manager", color: "default" },
  approved: { label: "Released", color: "good" },
  declined: { label: "Not released", color: "attention" },
  unreachable: { label: "Line manager not reached", color: "warning" },
  cancelled: { label: "Sent", color: "good" },
};

/** The version a form was opened at, as the card sends it back. */
export type VersionData = { version?: number | undefined };

const MENU: ActionModel = { title: "Menu", verb: VERBS.showMenu, data: {} };

/** Open the form: filled in from the stored interest, or from Teams for a first one. */
export async function start(s: Services, caller: Caller): Promise<Reply> {
  const existing = await s.interests.get(caller.person, INTEREST_ID);
  if (existing) {
    const content = interestForm({ editing: existing.status !== "withdrawn", version: existing.version });
    return card(renderCard("form", buildForm(content, interestToForm(existing.details))));
  }
  const profile = await caller.profile();
  const values: Record<string, string> = { fullName: profile.name ?? caller.name ?? "", email: profile.email ?? "", language: "en" };
  return card(renderCard("form", buildForm(interestForm({ editing: false }), values)));
}

export async function submit(s: Services, caller: Caller, raw: Record<string, unknown>, sent: VersionData): Promise<Reply> {
  const result = validateInterest(raw, s.rules());
  const existing = sent.version !== undefined;
  // The one rule the core cannot check alone: who is sending the form.
  const self = result.ok && result.value.lineManagerId?.toLowerCase() === caller.person.aadObjectId.toLowerCase();
  if (!result.ok || self) {
    const errors = result.ok ? { lineManagerId: "Choose your line manager, not yourself" } : result.errors;
    const content = interestForm({ editing: existing, ...(sent.version !== undefined ? { version: sent.version } : {}) });
    return card(renderCard("form", buildForm(content, formValues(raw, INTEREST_FIELDS), errors)));
  }
  const outcome = await s.interests.submit(
    { ...caller.person, name: result.value.fullName },
    INTEREST_ID,
    result.value,
    sent.version,
    s.now(),
  );
  if (outcome.kind === "stale") {
    return show(s, caller, "Your expression of interest changed after you opened that form, so we did not save it. Here is the latest version. Select Change to edit it again.");
  }
  await s.plans.setStepStatus(caller.person, { step: 1, status: "done" }, s.now());
  s.log.info("interest saved", { version: outcome.record.version, created: outcome.created });
  const request = await requestRelease(s, caller, result.value);
  if (!outcome.created && request.status === "approved") {
    await suggestQuietly(s, () => suggestForCandidate(s, personKey(caller.person), caller.serviceUrl, caller.person.tenantId));
  }
  const about = requestNotice(request, s.config.programmeTeam.email);
  return show(
    s,
    caller,
    (outcome.created
      ? "Thank you. We have your expression of interest. Step 1 of your plan is now done."
      : "Your changes are saved.") + (about ? ` ${about}` : ""),
    request.status === "unreachable" ? "warning" : "good",
  );
}

/** "My interest": what was sent, with change and withdraw. */
export async function show(s: Services, caller: Caller, notice?: string, noticeStyle: "good" | "warning" = "good"): Promise<Reply> {
  const record = await s.interests.get(caller.person, INTEREST_ID);
  const actions: ActionModel[] = record
    ? record.status === "withdrawn"
      ? [{ title: "Send it again", verb: VERBS.startInterest, data: {} }]
      : [
          { title: "Change", verb: VERBS.startInterest, data: {} },
          { title: "Withdraw", verb: VERBS.withdrawInterest, data: { version: record.version } },
        ]
    : [{ title: "Express interest", verb: VERBS.startInterest, data: {} }];
  const release = record?.status === "submitted" ? await s.approvals.get(personKey(caller.person)) : undefined;
  const view = release ? RELEASE_VIEW[release.status] : record ? STATUS_VIEW[record.status] : undefined;
  const releaseFacts = release
    ? [
        { title: "Line manager's answer", value: view!.label },
        ...(release.status === "declined" && release.reason ? [{ title: "Their reason", value: release.reason }] : []),
        ...(release.status === "unreachable" ? [{ title: "What to do", value: unreachableAdvice(release.unreachableReason, s.config.programmeTeam.email) }] : []),
      ]
    : [];
  return card(
    renderCard("records", {
      title: "My expression of interest",
      ...(notice ? { notice, noticeStyle } : {}),
      empty: "You have not sent an expression of interest yet.",
      items: record
        ? [{ heading: record.details.organisationName, statusLabel: view!.label, statusColor: view!.color, facts: [...interestFacts(record.details), ...releaseFacts], actions }]
        : [],
      cardActions: record ? [MENU] : [...actions, MENU],
    }),
  );
}

export function askWithdraw(_s: Services, _caller: Caller, sent: VersionData): Reply {
  return card(
    renderCard("confirm", {
      title: "Withdraw your expression of interest?",
      paragraphs: [
        { text: "The programme team will stop looking for matches for you. We keep a record that you withdrew." },
        { text: "You can send it again at any time." },
      ],
      confirm: { title: "Yes, withdraw", verb: VERBS.confirmWithdrawInterest, data: sent.version !== undefined ? { version: sent.version } : {} },
      cancel: { title: "No, keep it", verb: VERBS.showInterest, data: {} },
    }),
  );
}

export async function withdraw(s: Services, caller: Caller, sent: VersionData): Promise<Reply> {
  const outcome = await s.interests.withdraw(caller.person, INTEREST_ID, sent.version, s.now());
  if (outcome.kind === "withdrawn") await cancelRequest(s, caller);
  const notice = {
    withdrawn: "You have withdrawn your expression of interest.",
    "already-withdrawn": "Your expression of interest was already withdrawn.",
    stale: "Your expression of interest changed after you opened that card, so nothing was withdrawn. Check the latest version below.",
    missing: "You have no expression of interest to withdraw.",
  }[outcome.kind];
  if (outcome.kind === "withdrawn") s.log.info("interest withdrawn", { version: outcome.record.version });
  return show(s, caller, notice);
}
