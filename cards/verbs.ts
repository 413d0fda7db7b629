/**
 * Card verbs: the names of every button a card can carry. Templates read them through
 * `${$root.verbs.<name>}` (render() supplies them), and handlers register against the same
 * constants, so a verb is never typed twice.
 */
/**
 * In a button's data (`"keepCard": true` in the template): the card the button is on is a menu
 * (the welcome card, the channel's welcome). Pressing the button leaves it where it is, and the
 * answer arrives as a new message below it (bot/secondment-bot.ts), as people expect in Teams.
 * Without it, an Action.Execute answer replaces the card in place: right for cards whose own state
 * changes (an approval, a form, a match, a plan step, the language switch).
 */
export const KEEP_CARD = "keepCard";

export const VERBS = {
  showMenu: "menu.show",
  /** The "Cymraeg / English" switch: stores the person's language. */
  setLanguage: "language.set",
  showPlan: "plan.show",
  openStep: "plan.step.open",
  setStepStatus: "plan.step.setStatus",
  startInterest: "interest.start",
  submitInterest: "interest.submit",
  showInterest: "interest.show",
  withdrawInterest: "interest.withdraw",
  confirmWithdrawInterest: "interest.withdraw.confirm",
  startRole: "role.start",
  submitRole: "role.submit",
  listRoles: "role.list",
  editRole: "role.edit",
  withdrawRole: "role.withdraw",
  confirmWithdrawRole: "role.withdraw.confirm",
  approveRelease: "approval.approve",
  declineRelease: "approval.decline",
  refreshApproval: "approval.refresh",
  /** The secondee asks their line manager again after a decline. */
  askManagerAgain: "approval.askAgain",
  confirmMatch: "match.confirm",
  rejectSuggestion: "match.reject",
  arrangeMeeting: "match.arrange",
  hostProceeds: "match.host.proceed",
  hostDeclines: "match.host.decline",
  secondeeProceeds: "match.secondee.proceed",
  secondeeDeclines: "match.secondee.decline",
  myMatches: "match.mine",
  refreshMatch: "match.refresh",
  confirmExchange: "exchange.confirm",
  rejectExchange: "exchange.reject",
  // Business case (plan step 4)
  openBusinessCase: "businessCase.open",
  saveBusinessCase: "businessCase.save",
  shareBusinessCase: "businessCase.share",
  // The secondment itself (plan steps 5 to 7)
  mySecondment: "secondment.mine",
  refreshSecondment: "secondment.refresh",
  openAgreement: "secondment.agreement.open",
  submitAgreement: "secondment.agreement.submit",
  confirmAgreement: "secondment.agreement.confirm",
  answerCheckIn: "secondment.checkIn.answer",
  openReport: "secondment.report.open",
  submitReport: "secondment.report.submit",
  askFeedback: "secondment.feedback.ask",
  giveFeedback: "secondment.feedback.give",
  openExtension: "secondment.extension.open",
  submitExtension: "secondment.extension.submit",
  approveExtension: "secondment.extension.approve",
  declineExtension: "secondment.extension.decline",
  openEarlyEnd: "secondment.earlyEnd.open",
  submitEarlyEnd: "secondment.earlyEnd.submit",
  submitReview: "secondment.review.submit",
  giveEndFeedback: "secondment.endFeedback.give",
  // Pipeline (programme team)
  showPipeline: "pipeline.show",
  // People's data
  showPrivacy: "privacy.show",
  exportMyData: "privacy.export",
  askDeleteMyData: "privacy.delete.ask",
  confirmDeleteMyData: "privacy.delete.confirm",
  shareAdjustments: "privacy.adjustments.share",
  openEquality: "privacy.equality.open",
  submitEquality: "privacy.equality.submit",
  showEqualityReport: "privacy.equality.report",
  askPrompt: "faq.prompt",
  askQuestion: "faq.ask",
  openTopic: "faq.topic",
  faqFeedback: "faq.feedback",
  sayThanks: "chat.thanks",
  // Knowledge base (programme team)
  kbShow: "kb.show",
  kbOpenAlternate: "kb.alternate.open",
  kbAddAlternate: "kb.alternate.add",
  kbOpenAnswer: "kb.answer.open",
  kbAddAnswer: "kb.answer.add",
  kbUndo: "kb.undo",
} as const;

export type VerbName = keyof typeof VERBS;
export type Verb = (typeof VERBS)[VerbName];
export const ALL_VERBS: readonly Verb[] = Object.values(VERBS);
