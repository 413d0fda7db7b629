import { z } from "zod";
import { VERBS, type Verb } from "../cards";
import { SetStepStatusSchema, StepNumberSchema } from "../src/domain/plan";
import * as approval from "./handlers/approval";
import * as businessCase from "./handlers/business-case";
import * as faq from "./handlers/faq";
import * as interest from "./handlers/interest";
import * as matching from "./handlers/matching";
import * as role from "./handlers/role";
import * as plan from "./handlers/plan";
// People's data
import * as privacy from "./handlers/privacy";
// Pipeline (programme team)
import * as pipeline from "./handlers/pipeline";
import * as secondment from "./handlers/secondment";
import * as changes from "./handlers/secondment-changes";
import { text, type Caller, type Reply, type Services } from "./handlers/types";
import { welcome } from "./handlers/welcome";

/**
 * Every card verb and typed command, with the schema its data must pass and the handler it runs.
 * Buttons (Action.Execute / Action.Submit) and typed commands both arrive here as a verb + data.
 */
interface Route<S extends z.ZodType> {
  schema: S;
  /** Only in the 1:1 chat: the route reads or changes the caller's own records. */
  personalOnly: boolean;
  run(s: Services, caller: Caller, data: z.output<S>): Promise<Reply> | Reply;
}
const route = <S extends z.ZodType>(r: Route<S>) => r as unknown as Route<z.ZodType>;

const NoData = z.object({});
const Version = z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(1, "must be 1 or more").optional();
const VersionData = z.looseObject({ version: Version });
const ApprovalRef = z.looseObject({
  secondee: z.string().min(3).max(250),
  requestId: z.uuid({ message: "must be a request id" }),
  reason: z.unknown().optional(),
});
const PairRef = z.looseObject({ openingId: z.string().regex(/^role-[0-9a-f-]{36}$/, "must be a role id"), candidateKey: z.string().min(3).max(250) });
const ExchangeRef = z.looseObject({ first: PairRef, second: PairRef });
const MatchRef = z.looseObject({ matchId: z.string().min(3).max(400), reason: z.unknown().optional() });
const RoleRef = z.looseObject({
  roleId: z.string().regex(/^role-[0-9a-f-]{36}$/, "must be a role id").optional(),
  version: Version,
});

const SecondmentId = z.string().regex(/^secondment-[0-9a-f]{32}$/, "must be a secondment id");
const SecondmentData = z.looseObject({ secondmentId: SecondmentId });
const MaybeSecondment = z.looseObject({ secondmentId: SecondmentId.optional() });
const SecondmentVersion = z.looseObject({ secondmentId: SecondmentId, version: z.coerce.number({ message: "must be a number" }).int().min(0).max(10_000) });
const SecondmentVersionOptional = z.looseObject({ secondmentId: SecondmentId, version: z.coerce.number({ message: "must be a number" }).int().min(0).max(10_000).optional() });
const CheckInRef = z.looseObject({ secondmentId: SecondmentId, n: z.coerce.number({ message: "must be a number" }).int().min(1).max(1000) });
const ItemRef = (key: string) => z.looseObject({ secondmentId: SecondmentId, [key]: z.string().min(1).max(80) });
const FeedbackAsk = z.looseObject({ secondmentId: SecondmentId, to: z.enum(["secondee", "homeManager", "host"], { message: "must be one of the people in the secondment" }) });
const ReviewData = z.looseObject({ secondmentId: SecondmentId, open: z.boolean().optional() });

export const ROUTES: Readonly<Record<Verb, Route<z.ZodType>>> = {
  [VERBS.showMenu]: route({ schema: NoData, personalOnly: false, run: (s, c) => welcome(s, undefined, secondment.isProgrammeTeam(s, c.person)) }),
  [VERBS.showPlan]: route({ schema: NoData, personalOnly: true, run: (s, c) => plan.showPlan(s, c) }),
  [VERBS.openStep]: route({
    schema: z.object({ step: StepNumberSchema }),
    personalOnly: true,
    run: (s, c, d) => plan.openStep(s, c, d.step),
  }),
  [VERBS.setStepStatus]: route({ schema: SetStepStatusSchema, personalOnly: true, run: (s, c, d) => plan.setStatus(s, c, d) }),
  [VERBS.startInterest]: route({ schema: NoData, personalOnly: true, run: (s, c) => interest.start(s, c) }),
  [VERBS.submitInterest]: route({ schema: VersionData, personalOnly: true, run: (s, c, d) => interest.submit(s, c, d, { version: d.version }) }),
  [VERBS.showInterest]: route({ schema: NoData, personalOnly: true, run: (s, c) => interest.show(s, c) }),
  [VERBS.withdrawInterest]: route({ schema: VersionData, personalOnly: true, run: (s, c, d) => interest.askWithdraw(s, c, d) }),
  [VERBS.confirmWithdrawInterest]: route({ schema: VersionData, personalOnly: true, run: (s, c, d) => interest.withdraw(s, c, d) }),
  [VERBS.approveRelease]: route({ schema: ApprovalRef, personalOnly: false, run: (s, c, d) => approval.answer(s, c, d, "approve", undefined) }),
  [VERBS.declineRelease]: route({ schema: ApprovalRef, personalOnly: false, run: (s, c, d) => approval.answer(s, c, d, "decline", d.reason) }),
  [VERBS.refreshApproval]: route({ schema: ApprovalRef, personalOnly: false, run: (s, c, d) => approval.refresh(s, c, d) }),
  [VERBS.confirmMatch]: route({ schema: PairRef, personalOnly: false, run: (s, c, d) => matching.confirm(s, c, d) }),
  [VERBS.rejectSuggestion]: route({ schema: PairRef, personalOnly: false, run: (s, c, d) => matching.reject(s, c, d) }),
  [VERBS.arrangeMeeting]: route({ schema: MatchRef, personalOnly: false, run: (s, c, d) => matching.arrangeMeeting(s, c, d) }),
  [VERBS.hostProceeds]: route({ schema: MatchRef, personalOnly: false, run: (s, c, d) => matching.outcome(s, c, d, "host", true) }),
  [VERBS.hostDeclines]: route({ schema: MatchRef, personalOnly: false, run: (s, c, d) => matching.outcome(s, c, d, "host", false) }),
  [VERBS.secondeeProceeds]: route({ schema: MatchRef, personalOnly: false, run: (s, c, d) => matching.outcome(s, c, d, "secondee", true) }),
  [VERBS.secondeeDeclines]: route({ schema: MatchRef, personalOnly: false, run: (s, c, d) => matching.outcome(s, c, d, "secondee", false) }),
  [VERBS.confirmExchange]: route({ schema: ExchangeRef, personalOnly: false, run: (s, c, d) => matching.confirmExchange(s, c, d) }),
  [VERBS.rejectExchange]: route({ schema: ExchangeRef, personalOnly: false, run: (s, c, d) => matching.rejectExchange(s, c, d) }),
  [VERBS.myMatches]: route({ schema: NoData, personalOnly: true, run: (s, c) => matching.mine(s, c) }),
  [VERBS.startRole]: route({ schema: NoData, personalOnly: false, run: (s, c) => role.start(s, c, {}) }),
  [VERBS.editRole]: route({ schema: RoleRef, personalOnly: false, run: (s, c, d) => role.start(s, c, d) }),
  [VERBS.submitRole]: route({ schema: RoleRef, personalOnly: false, run: (s, c, d) => role.submit(s, c, d, d) }),
  [VERBS.listRoles]: route({ schema: NoData, personalOnly: false, run: (s, c) => role.list(s, c) }),
  [VERBS.withdrawRole]: route({ schema: RoleRef, personalOnly: false, run: (s, c, d) => role.askWithdraw(s, c, d) }),
  [VERBS.confirmWithdrawRole]: route({ schema: RoleRef, personalOnly: false, run: (s, c, d) => role.withdraw(s, c, d) }),
  // Business case (plan step 4)
  [VERBS.openBusinessCase]: route({ schema: NoData, personalOnly: true, run: (s, c) => businessCase.open(s, c) }),
  [VERBS.saveBusinessCase]: route({ schema: VersionData, personalOnly: true, run: (s, c, d) => businessCase.save(s, c, d, { version: d.version }) }),
  [VERBS.shareBusinessCase]: route({ schema: VersionData, personalOnly: true, run: (s, c, d) => businessCase.share(s, c, d, { version: d.version }) }),
  // Pipeline (programme team)
  [VERBS.showPipeline]: route({ schema: NoData, personalOnly: false, run: (s, c) => pipeline.show(s, c) }),
  // The secondment itself (plan steps 5 to 7)
  [VERBS.mySecondment]: route({ schema: MaybeSecondment, personalOnly: true, run: (s, c, d) => secondment.mine(s, c, d) }),
  [VERBS.refreshSecondment]: route({
    schema: z.looseObject({ secondmentId: SecondmentId, view: z.enum(["secondment", "extension"]).optional(), extensionId: z.string().min(1).max(80).optional() }),
    personalOnly: false,
    run: (s, c, d) => (d.view === "extension" && d.extensionId ? changes.refreshExtension(s, c, { secondmentId: d.secondmentId, extensionId: d.extensionId }) : secondment.refresh(s, c, d)),
  }),
  [VERBS.openAgreement]: route({ schema: SecondmentData, personalOnly: true, run: (s, c, d) => secondment.openAgreement(s, c, d) }),
  [VERBS.submitAgreement]: route({ schema: SecondmentVersionOptional, personalOnly: true, run: (s, c, d) => secondment.submitAgreement(s, c, d, d) }),
  [VERBS.confirmAgreement]: route({ schema: SecondmentVersion, personalOnly: false, run: (s, c, d) => secondment.confirmAgreement(s, c, d) }),
  [VERBS.answerCheckIn]: route({ schema: CheckInRef, personalOnly: true, run: (s, c, d) => secondment.answer(s, c, d, d) }),
  [VERBS.submitReview]: route({ schema: ReviewData, personalOnly: true, run: (s, c, d) => secondment.review(s, c, d, d) }),
  [VERBS.giveEndFeedback]: route({ schema: SecondmentData, personalOnly: true, run: (s, c, d) => secondment.endFeedback(s, c, d, d) }),
  [VERBS.openReport]: route({ schema: SecondmentData, personalOnly: true, run: (s, c, d) => changes.openReport(s, c, d) }),
  [VERBS.submitReport]: route({ schema: ItemRef("reportId"), personalOnly: true, run: (s, c, d) => changes.submitReport(s, c, d as { secondmentId: string; reportId: string }, d) }),
  [VERBS.askFeedback]: route({ schema: FeedbackAsk, personalOnly: true, run: (s, c, d) => changes.askFeedback(s, c, d) }),
  [VERBS.giveFeedback]: route({ schema: ItemRef("feedbackId"), personalOnly: true, run: (s, c, d) => changes.giveFeedback(s, c, d as { secondmentId: string; feedbackId: string }, d) }),
  [VERBS.openExtension]: route({ schema: SecondmentData, personalOnly: true, run: (s, c, d) => changes.openExtension(s, c, d) }),
  [VERBS.submitExtension]: route({ schema: SecondmentData, personalOnly: true, run: (s, c, d) => changes.submitExtension(s, c, d, d) }),
  [VERBS.approveExtension]: route({ schema: ItemRef("extensionId"), personalOnly: false, run: (s, c, d) => changes.decideExtension(s, c, d as { secondmentId: string; extensionId: string }, true) }),
  [VERBS.declineExtension]: route({ schema: ItemRef("extensionId"), personalOnly: false, run: (s, c, d) => changes.decideExtension(s, c, d as { secondmentId: string; extensionId: string; reason?: unknown }, false) }),
  [VERBS.openEarlyEnd]: route({ schema: SecondmentData, personalOnly: true, run: (s, c, d) => changes.openEarlyEnd(s, c, d) }),
  [VERBS.submitEarlyEnd]: route({ schema: SecondmentData, personalOnly: true, run: (s, c, d) => changes.submitEarlyEnd(s, c, d, d) }),
  // People's data
  [VERBS.showPrivacy]: route({ schema: NoData, personalOnly: false, run: (s) => privacy.notice(s) }),
  [VERBS.exportMyData]: route({ schema: NoData, personalOnly: true, run: (s, c) => privacy.exportMine(s, c) }),
  [VERBS.askDeleteMyData]: route({ schema: NoData, personalOnly: true, run: (s, c) => privacy.askDelete(s, c) }),
  [VERBS.confirmDeleteMyData]: route({ schema: NoData, personalOnly: true, run: (s, c) => privacy.confirmDelete(s, c) }),
  [VERBS.shareAdjustments]: route({ schema: privacy.ShareData, personalOnly: true, run: (s, c, d) => privacy.shareAdjustments(s, c, d) }),
  [VERBS.openEquality]: route({ schema: NoData, personalOnly: true, run: () => privacy.openEquality() }),
  [VERBS.submitEquality]: route({ schema: z.record(z.string(), z.unknown()), personalOnly: true, run: (s, c, d) => privacy.submitEquality(s, c, d) }),
  [VERBS.showEqualityReport]: route({ schema: NoData, personalOnly: true, run: (s, c) => privacy.equalityReportCard(s, c) }),
  [VERBS.askPrompt]: route({ schema: NoData, personalOnly: false, run: (s) => faq.prompt(s) }),
  [VERBS.askQuestion]: route({
    schema: z.object({ question: z.string({ message: "must be text" }).default("") }),
    personalOnly: false,
    run: (s, _c, d) => faq.ask(s, d.question),
  }),
  [VERBS.openTopic]: route({
    schema: z.object({ id: z.string().max(100) }),
    personalOnly: false,
    run: (s, _c, d) => faq.topic(s, d.id) ?? welcome(s, "I could not find that topic any more. Here is the menu."),
  }),
};

export const PERSONAL_ONLY_MESSAGE =
  "Your plan and your records are private, so I only show them in our 1:1 chat. Open a chat with me to see them.";

/** Run a verb with untrusted data. Unknown verbs and bad data get a clear card, never an exception. */
export async function dispatch(s: Services, caller: Caller, verb: unknown, data: unknown): Promise<Reply> {
  const r = typeof verb === "string" && Object.hasOwn(ROUTES, verb) ? ROUTES[verb as Verb] : undefined;
  if (!r) {
    s.log.info("unknown card action", { verb: typeof verb === "string" ? verb.slice(0, 60) : typeof verb });
    return welcome(s, "That button is no longer available. Here is the menu.");
  }
  if (r.personalOnly && caller.scope !== "personal") return text(PERSONAL_ONLY_MESSAGE);
  const parsed = r.schema.safeParse(data ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join(".") || "data";
    s.log.info("card action refused", { verb, field, problem: issue.message });
    return welcome(s, `That button sent something I cannot use (${field} ${issue.message}). Here is the menu.`);
  }
  return r.run(s, caller, parsed.data);
}

const GREETINGS = new Set(["hello", "hi", "hey", "hiya", "help", "menu", "start", "good morning", "good afternoon", "get started"]);
const PLAN_WORDS = new Set(["plan", "my plan", "show my plan", "7-step plan", "7 step plan", "my 7-step plan", "my 7 step plan"]);

/** Turn typed text into a verb and data; anything that is not a command is a question. */
export function commandFor(raw: string): { verb: Verb; data: Record<string, unknown> } {
  const t = raw.toLowerCase().replace(/[!.?,]+$/g, "").replace(/\s+/g, " ").trim();
  if (GREETINGS.has(t)) return { verb: VERBS.showMenu, data: {} };
  if (PLAN_WORDS.has(t)) return { verb: VERBS.showPlan, data: {} };
  const step = /^step (\d{1,2})$/.exec(t);
  if (step) return { verb: VERBS.openStep, data: { step: Number(step[1]) } };
  if (t === "interest" || t === "express interest") return { verb: VERBS.startInterest, data: {} };
  if (t === "my interest") return { verb: VERBS.showInterest, data: {} };
  if (t === "role" || t === "offer a role") return { verb: VERBS.startRole, data: {} };
  if (t === "my roles" || t === "roles") return { verb: VERBS.listRoles, data: {} };
  if (t === "my matches" || t === "matches") return { verb: VERBS.myMatches, data: {} };
  // Business case (plan step 4)
  if (t === "business case" || t === "my business case") return { verb: VERBS.openBusinessCase, data: {} };
  // Pipeline (programme team)
  if (t === "my secondment" || t === "secondment" || t === "my secondments") return { verb: VERBS.mySecondment, data: {} };
  if (t === "pipeline" || t === "programme pipeline") return { verb: VERBS.showPipeline, data: {} };
  // People's data
  if (t === "privacy" || t === "privacy notice" || t === "my data") return { verb: VERBS.showPrivacy, data: {} };
  if (t === "export my data" || t === "export") return { verb: VERBS.exportMyData, data: {} };
  if (t === "delete my data" || t === "erase my data") return { verb: VERBS.askDeleteMyData, data: {} };
  if (t === "share my adjustments") return { verb: VERBS.shareAdjustments, data: { share: true } };
  if (t === "stop sharing my adjustments") return { verb: VERBS.shareAdjustments, data: { share: false } };
  if (t === "equality" || t === "equality questions") return { verb: VERBS.openEquality, data: {} };
  if (t === "equality report") return { verb: VERBS.showEqualityReport, data: {} };
  if (t === "question" || t === "ask a question") return { verb: VERBS.askPrompt, data: {} };
  return { verb: VERBS.askQuestion, data: { question: raw } };
}
