import { withTeamsUserIds } from "./refresh-users";
import { distance } from "fastest-levenshtein";
import { z } from "zod";
import { VERBS, type Verb } from "../cards";
import { SetStepStatusSchema, StepNumberSchema } from "../src/domain/plan";
import * as approval from "./handlers/approval";
import * as businessCase from "./handlers/business-case";
import * as channel from "./handlers/channel";
import * as faq from "./handlers/faq";
import * as interest from "./handlers/interest";
import * as knowledge from "./handlers/knowledge";
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
import { DEFAULT_LANG, hasMessage, LANGS, t, type Lang } from "../src/i18n";
import { readableLeft } from "../src/privacy/identity";

/** The "Cymraeg / English" switch (button or typed word): store the choice, then show the menu in it. */
async function setLanguage(s: Services, caller: Caller, lang: Lang): Promise<Reply> {
  await s.preferences.setLanguage(caller.person, lang, s.now());
  return welcome(s, t(lang, "lang.nowThisLanguage"), secondment.isProgrammeTeam(s, caller.person), lang);
}

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
const Version = z.coerce.number({ message: "menu.problem.number" }).int("menu.problem.whole").min(1, "menu.problem.atLeastOne").optional();
const VersionData = z.looseObject({ version: Version });
const ApprovalRef = z.looseObject({
  secondee: z.string().min(3).max(250),
  requestId: z.uuid({ message: "menu.problem.requestId" }),
  reason: z.unknown().optional(),
});
/** "Ask my line manager again": the declined request (the person is always the caller; `secondee` is for the tab's check). */
const DeclinedRequest = z.looseObject({ requestId: z.uuid({ message: "menu.problem.requestId" }) });
const PairRef = z.looseObject({ openingId: z.string().regex(/^role-[0-9a-f-]{36}$/, "menu.problem.roleId"), candidateKey: z.string().min(3).max(250) });
const ExchangeRef = z.looseObject({ first: PairRef, second: PairRef });
const MatchRef = z.looseObject({ matchId: z.string().min(3).max(400), reason: z.unknown().optional() });
const MatchView = z.object({ matchId: z.string().min(3).max(400), view: z.enum(["host", "secondee"]).optional() });
const RoleRef = z.looseObject({
  roleId: z.string().regex(/^role-[0-9a-f-]{36}$/, "menu.problem.roleId").optional(),
  version: Version,
});

const SecondmentId = z.string().regex(/^secondment-[0-9a-f]{32}$/, "menu.problem.secondmentId");
const SecondmentData = z.looseObject({ secondmentId: SecondmentId });
const MaybeSecondment = z.looseObject({ secondmentId: SecondmentId.optional() });
const SecondmentVersion = z.looseObject({ secondmentId: SecondmentId, version: z.coerce.number({ message: "menu.problem.number" }).int().min(0).max(10_000) });
const SecondmentVersionOptional = z.looseObject({ secondmentId: SecondmentId, version: z.coerce.number({ message: "menu.problem.number" }).int().min(0).max(10_000).optional() });
const CheckInRef = z.looseObject({ secondmentId: SecondmentId, n: z.coerce.number({ message: "menu.problem.number" }).int().min(1).max(1000) });
const ItemRef = (key: string) => z.looseObject({ secondmentId: SecondmentId, [key]: z.string().min(1).max(80) });
const FeedbackAsk = z.looseObject({ secondmentId: SecondmentId, to: z.enum(["secondee", "homeManager", "host"], { message: "menu.problem.person" }) });
/** A kept question's id (src/store/knowledge.ts, KnowledgeStore.idFor). */
const QUESTION_ID = /^q-[0-9a-f]{32}$/;
const QuestionRef = z.looseObject({ questionId: z.string().regex(QUESTION_ID, "menu.problem.questionId") });
const ReviewData = z.looseObject({ secondmentId: SecondmentId, open: z.boolean().optional() });

export const ROUTES: Readonly<Record<Verb, Route<z.ZodType>>> = {
  [VERBS.showMenu]: route({
    // cancelled: typed "cancel" (or "no", "stop"…), for instance at a confirmation: nothing was done.
    // lang: a Welsh greeting is answered in Welsh, as "diolch" is (nothing is stored).
    schema: z.object({ cancelled: z.literal(true).optional(), lang: z.enum(LANGS).optional() }),
    personalOnly: false,
    run: (s, c, d) => ((lang) => welcome(s, d.cancelled ? t(lang, "menu.cancelled") : undefined, secondment.isProgrammeTeam(s, c.person), lang))(d.lang ?? c.lang),
  }),
  [VERBS.setLanguage]: route({
    schema: z.object({ lang: z.enum(LANGS, { message: "menu.problem.lang" }) }),
    personalOnly: false,
    // In a team channel the switch sets the channel's language (its vacancy holder only).
    run: (s, c, d) => (c.scope === "channel" ? channel.setChannelLanguage(s, c, d.lang) : setLanguage(s, c, d.lang)),
  }),
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
  [VERBS.askManagerAgain]: route({ schema: DeclinedRequest, personalOnly: true, run: (s, c, d) => interest.askAgain(s, c, d) }),
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
  [VERBS.refreshMatch]: route({ schema: MatchView, personalOnly: false, run: (s, c, d) => matching.refresh(s, c, d) }),
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
  [VERBS.showPrivacy]: route({ schema: NoData, personalOnly: false, run: (s, c) => privacy.notice(s, c.lang) }),
  [VERBS.exportMyData]: route({ schema: NoData, personalOnly: true, run: (s, c) => privacy.exportMine(s, c) }),
  [VERBS.askDeleteMyData]: route({ schema: NoData, personalOnly: true, run: (s, c) => privacy.askDelete(s, c) }),
  [VERBS.confirmDeleteMyData]: route({ schema: NoData, personalOnly: true, run: (s, c) => privacy.confirmDelete(s, c) }),
  [VERBS.shareAdjustments]: route({ schema: privacy.ShareData, personalOnly: true, run: (s, c, d) => privacy.shareAdjustments(s, c, d) }),
  [VERBS.openEquality]: route({ schema: NoData, personalOnly: true, run: (_s, c) => privacy.openEquality(c.lang) }),
  [VERBS.submitEquality]: route({ schema: z.record(z.string(), z.unknown()), personalOnly: true, run: (s, c, d) => privacy.submitEquality(s, c, d) }),
  [VERBS.showEqualityReport]: route({ schema: NoData, personalOnly: true, run: (s, c) => privacy.equalityReportCard(s, c) }),
  [VERBS.askPrompt]: route({ schema: NoData, personalOnly: false, run: (s, c) => faq.prompt(s, undefined, c.lang) }),
  [VERBS.askQuestion]: route({
    schema: z.object({ question: z.string({ message: "menu.problem.text" }).default("") }),
    personalOnly: false,
    run: (s, c, d) => faq.ask(s, c, d.question),
  }),
  [VERBS.openTopic]: route({
    // q: the kept question the topic was suggested for ("" when there is none).
    schema: z.object({ id: z.string().max(100), lang: z.enum(LANGS).optional(), q: z.union([z.literal(""), z.string().regex(QUESTION_ID, "menu.problem.questionId")]).optional() }),
    personalOnly: false,
    run: async (s, c, d) => {
      const shown = await faq.topic(s, d.id, d.lang ?? c.lang);
      if (shown && d.q) await faq.noteChoice(s, d.q, d.id);
      return shown ?? welcome(s, t(c.lang, "faq.topicGone"), false, c.lang);
    },
  }),
  [VERBS.faqFeedback]: route({
    schema: z.looseObject({ id: z.string().min(1).max(100), helpful: z.boolean({ message: "menu.problem.trueFalse" }), lang: z.enum(LANGS).optional() }),
    personalOnly: false,
    run: (s, c, d) => faq.feedback(s, c, d, d.lang ?? c.lang),
  }),
  [VERBS.sayThanks]: route({ schema: z.object({ lang: z.enum(LANGS).optional() }), personalOnly: false, run: (_s, c, d) => faq.thanks(d.lang ?? c.lang) }),
  // Knowledge base (programme team)
  [VERBS.kbShow]: route({ schema: NoData, personalOnly: false, run: (s, c) => knowledge.show(s, c) }),
  [VERBS.kbOpenAlternate]: route({ schema: QuestionRef, personalOnly: false, run: (s, c, d) => knowledge.openAlternate(s, c, d) }),
  [VERBS.kbAddAlternate]: route({ schema: z.looseObject({}), personalOnly: false, run: (s, c, d) => knowledge.addAlternate(s, c, d) }),
  [VERBS.kbOpenAnswer]: route({ schema: QuestionRef, personalOnly: false, run: (s, c, d) => knowledge.openAnswer(s, c, d) }),
  [VERBS.kbAddAnswer]: route({ schema: z.looseObject({}), personalOnly: false, run: (s, c, d) => knowledge.addAnswer(s, c, d) }),
  [VERBS.kbUndo]: route({
    schema: z.looseObject({ n: z.coerce.number({ message: "menu.problem.number" }).int().min(1).max(100_000) }),
    personalOnly: false,
    run: (s, c, d) => knowledge.undo(s, c, d),
  }),
};

/**
 * What is wrong with a button's data, in `lang`: the schemas above give catalogue keys
 * ("menu.problem.number"). A schema from the core may carry its own English ("must be between 1
 * and 7", src/domain/plan.ts), shown as it is to English readers; otherwise, and always in Welsh,
 * the problem is named by its kind.
 */
export function problemText(lang: Lang, issue: z.core.$ZodIssue): string {
  if (issue.message.startsWith("menu.problem.") && hasMessage(lang, issue.message)) return t(lang, issue.message);
  if (lang === DEFAULT_LANG && /^must be /.test(issue.message)) return issue.message;
  const kind: Record<string, string> = {
    invalid_type: "menu.problem.type",
    invalid_format: "menu.problem.format",
    invalid_value: "menu.problem.choice",
    too_big: "menu.problem.range",
    too_small: "menu.problem.range",
  };
  return t(lang, kind[issue.code] ?? "menu.problem.other");
}

/** Run a verb with untrusted data. Unknown verbs and bad data get a clear card, never an exception. */
export async function dispatch(s: Services, caller: Caller, verb: unknown, data: unknown): Promise<Reply> {
  const r = typeof verb === "string" && Object.hasOwn(ROUTES, verb) ? ROUTES[verb as Verb] : undefined;
  if (!r) {
    s.log.info("unknown card action", { verb: typeof verb === "string" ? verb.slice(0, 60) : typeof verb });
    return welcome(s, t(caller.lang, "menu.buttonGone"), false, caller.lang);
  }
  if (r.personalOnly && caller.scope !== "personal") return text(t(caller.lang, "menu.personalOnly"));
  const parsed = r.schema.safeParse(data ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join(".") || "data";
    s.log.info("card action refused", { verb, field, problem: issue.message });
    return welcome(s, t(caller.lang, "menu.badData", { field, problem: problemText(caller.lang, issue) }), false, caller.lang);
  }
  const reply = await r.run(s, caller, parsed.data);
  if (reply.kind === "card") await withTeamsUserIds(s.conversations, caller.person.tenantId, reply.card);
  // Cards name an erased person in the reader's language when drawn; plain text is done here.
  return reply.kind === "text" ? { ...reply, text: readableLeft(reply.text, caller.lang) } : reply;
}

type Command = { verb: Verb; data: Record<string, unknown> };
const cmd = (verb: Verb, data: Record<string, unknown> = {}): Command => ({ verb, data });

/** Every typed command, by the words people type. */
const COMMANDS: ReadonlyMap<string, Command> = new Map<string, Command>([
  ...["hello", "hi", "hey", "hiya", "help", "menu", "start", "good morning", "good afternoon", "get started"].map((w) => [w, cmd(VERBS.showMenu)] as const),
  ...["plan", "my plan", "show my plan", "7-step plan", "7 step plan", "my 7-step plan", "my 7 step plan"].map((w) => [w, cmd(VERBS.showPlan)] as const),
  ...["thanks", "thank you", "thankyou", "cheers", "ta", "thanks a lot", "thank you very much", "great thanks", "ok thanks"].map((w) => [w, cmd(VERBS.sayThanks)] as const),
  // Typed instead of pressing Cancel (at a confirmation, say): nothing is done, and they are told so.
  ...["cancel", "no", "stop", "never mind", "nevermind", "no thanks", "no thank you", "na"].map((w) => [w, cmd(VERBS.showMenu, { cancelled: true })] as const),
  ...["canslo", "dim diolch", "stopio"].map((w) => [w, cmd(VERBS.showMenu, { cancelled: true, lang: "cy" })] as const),
  ["cymraeg", cmd(VERBS.setLanguage, { lang: "cy" })],
  ["welsh", cmd(VERBS.setLanguage, { lang: "cy" })],
  ["english", cmd(VERBS.setLanguage, { lang: "en-GB" })],
  ["saesneg", cmd(VERBS.setLanguage, { lang: "en-GB" })],
  // Welsh greetings are answered in Welsh. "helo" (also a typo of "hello") and the commands "cymorth", "dewislen" keep the reader's language.
  ...["helo", "cymorth", "dewislen"].map((w) => [w, cmd(VERBS.showMenu)] as const),
  ...["shwmae", "shwmai", "sut mae", "bore da", "prynhawn da"].map((w) => [w, cmd(VERBS.showMenu, { lang: "cy" })] as const),
  ...["cynllun", "fy nghynllun"].map((w) => [w, cmd(VERBS.showPlan)] as const),
  ...["diolch", "diolch yn fawr"].map((w) => [w, cmd(VERBS.sayThanks, { lang: "cy" })] as const),
  ["mynegi diddordeb", cmd(VERBS.startInterest)],
  ["fy niddordeb", cmd(VERBS.showInterest)],
  ["cynnig rôl", cmd(VERBS.startRole)],
  ["fy rolau", cmd(VERBS.listRoles)],
  ["achos busnes", cmd(VERBS.openBusinessCase)],
  ["fy achos busnes", cmd(VERBS.openBusinessCase)],
  ["interest", cmd(VERBS.startInterest)],
  ["express interest", cmd(VERBS.startInterest)],
  ["my interest", cmd(VERBS.showInterest)],
  ["role", cmd(VERBS.startRole)],
  ["offer a role", cmd(VERBS.startRole)],
  ["my roles", cmd(VERBS.listRoles)],
  ["roles", cmd(VERBS.listRoles)],
  ["my matches", cmd(VERBS.myMatches)],
  ["matches", cmd(VERBS.myMatches)],
  // Business case (plan step 4)
  ["business case", cmd(VERBS.openBusinessCase)],
  ["my business case", cmd(VERBS.openBusinessCase)],
  ["my secondment", cmd(VERBS.mySecondment)],
  ["secondment", cmd(VERBS.mySecondment)],
  ["my secondments", cmd(VERBS.mySecondment)],
  // Pipeline (programme team)
  ["pipeline", cmd(VERBS.showPipeline)],
  ["programme pipeline", cmd(VERBS.showPipeline)],
  ["question", cmd(VERBS.askPrompt)],
  ["ask a question", cmd(VERBS.askPrompt)],
  // Knowledge base (programme team)
  ["unanswered questions", cmd(VERBS.kbShow)],
  ["unanswered", cmd(VERBS.kbShow)],
  ["knowledge base", cmd(VERBS.kbShow)],
  // People's data
  ["privacy", cmd(VERBS.showPrivacy)],
  ["privacy notice", cmd(VERBS.showPrivacy)],
  ["my data", cmd(VERBS.showPrivacy)],
  ["export my data", cmd(VERBS.exportMyData)],
  ["export", cmd(VERBS.exportMyData)],
  ["delete my data", cmd(VERBS.askDeleteMyData)],
  ["erase my data", cmd(VERBS.askDeleteMyData)],
  ["share my adjustments", cmd(VERBS.shareAdjustments, { share: true })],
  ["stop sharing my adjustments", cmd(VERBS.shareAdjustments, { share: false })],
  ["equality", cmd(VERBS.openEquality)],
  ["equality questions", cmd(VERBS.openEquality)],
  ["equality report", cmd(VERBS.showEqualityReport)],
  ...["preifatrwydd", "fy nata"].map((w) => [w, cmd(VERBS.showPrivacy)] as const),
  ["allforio fy nata", cmd(VERBS.exportMyData)],
  ["dileu fy nata", cmd(VERBS.askDeleteMyData)],
  ["cwestiynau cydraddoldeb", cmd(VERBS.openEquality)],
  ["adroddiad cydraddoldeb", cmd(VERBS.showEqualityReport)],
  ["cwestiynau heb eu hateb", cmd(VERBS.kbShow)],
  ["cronfa wybodaeth", cmd(VERBS.kbShow)],
  ["rhannu fy addasiadau", cmd(VERBS.shareAdjustments, { share: true })],
  ["stopio rhannu fy addasiadau", cmd(VERBS.shareAdjustments, { share: false })],
  ...["fy secondiad", "secondiad"].map((w) => [w, cmd(VERBS.mySecondment)] as const),
  ...["fy mharau", "parau"].map((w) => [w, cmd(VERBS.myMatches)] as const),
  ["piblinell", cmd(VERBS.showPipeline)],
  ...["cwestiwn", "gofyn cwestiwn"].map((w) => [w, cmd(VERBS.askPrompt)] as const),
]);
const COMMAND_WORDS = [...COMMANDS.keys()];

/**
 * A near-miss of a command ("helo", "my pln", "intrest"): the one command within one edit
 * (two for commands of 8 letters or more), and closer than any other. Short words and the
 * first letter must match, so "pay" never becomes "plan".
 */
function nearCommand(t: string): Command | undefined {
  if (t.length < 4 || t.length > 30) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const word of COMMAND_WORDS) {
    if (word.length < 4 || word[0] !== t[0] || Math.abs(word.length - t.length) > 2) continue;
    const d = distance(t, word);
    if (d > (word.length >= 8 ? 2 : 1)) continue;
    if (d < bestDistance) {
      best = word;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && COMMANDS.get(word)!.verb !== COMMANDS.get(best!)!.verb) {
      tie = true;
    }
  }
  return best && !tie ? COMMANDS.get(best) : undefined;
}

/** Turn typed text into a verb and data; anything that is not a command is a question. */
export function commandFor(raw: string): { verb: Verb; data: Record<string, unknown> } {
  const t = raw.toLowerCase().replace(/[!.?,]+$/g, "").replace(/\s+/g, " ").trim();
  const exact = COMMANDS.get(t);
  if (exact) return exact;
  const step = /^(?:step|cam) (\d{1,2})$/.exec(t);
  if (step) return { verb: VERBS.openStep, data: { step: Number(step[1]) } };
  return nearCommand(t) ?? { verb: VERBS.askQuestion, data: { question: raw } };
}
