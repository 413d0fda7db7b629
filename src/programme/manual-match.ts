import { z } from "zod";
import { declinedPairs, pairKey, type Match } from "../domain/match";
import { DEFAULT_LANG, t, type Lang } from "../i18n";
import { formatMsg, msg, type Msg } from "../matching/message";
import { checkPair, ruleLabelKey, type HardRuleId, type RuleCheck } from "../matching/rules";
import type { Candidate, Opening } from "../matching/types";

/**
 * A manual match: the programme team proposes a person for a role the engine did not rank. Every
 * hard rule is still checked and shown; a broken rule blocks the match unless a team member
 * overrides it with a reason, which is kept in the audit trail.
 */

export const ManualMatchSchema = z.object({
  // No messages of their own: the programme API names the field in the team member's language.
  openingId: z.string().regex(/^role-[0-9a-f-]{36}$/),
  candidateKey: z.string().min(3).max(250),
  overrideReason: z
    .string()
    .trim()
    .max(500)
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type ManualMatchRequest = z.output<typeof ManualMatchSchema>;

export type ManualCheck =
  | { kind: "missing" }
  | { kind: "exists" }
  | { kind: "checked"; candidate: Candidate; opening: Opening; rules: RuleCheck[]; broken: RuleCheck[] };

export function checkManualMatch(
  pool: { candidate(key: string): Candidate | undefined; opening(id: string): Opening | undefined },
  matches: readonly Match[],
  ctx: { today: string; durationCapMonths: (org: string) => number },
  req: { openingId: string; candidateKey: string },
): ManualCheck {
  const candidate = pool.candidate(req.candidateKey);
  const opening = pool.opening(req.openingId);
  // A withdrawn role takes no new match, whatever override is given.
  if (!candidate || !opening || opening.status === "withdrawn") return { kind: "missing" };
  if (matches.some((m) => m.status !== "closed" && pairKey(m.opening.id, m.candidate.key) === pairKey(req.openingId, req.candidateKey))) return { kind: "exists" };
  const rules = checkPair(candidate, opening, { today: ctx.today, durationCapMonths: ctx.durationCapMonths, declinedPairs: declinedPairs(matches) });
  return { kind: "checked", candidate, opening, rules, broken: rules.filter((r) => !r.pass) };
}

/**
 * The explanation a manual match carries on its cards: every rule and whether it was met, as
 * catalogue messages (each card puts them into words for its reader). The reason for an override
 * stays in the audit trail, not on cards others see.
 */
export function manualExplanation(rules: readonly RuleCheck[]): { summary: Msg[]; lines: Msg[][] } {
  const broken = rules.filter((r) => !r.pass);
  const summary = broken.length ? msg("matching.manual.summary.broken", { n: broken.length }) : msg("matching.manual.summary.met");
  const lines = rules.map((r) => [msg("matching.manual.line", { met: r.pass, label: { msg: msg(ruleLabelKey(r.id)) }, reason: { msg: r.why } })]);
  return { summary: [summary], lines };
}

/** One rule's outcome as the Programme tab shows it: its name and reason in the team member's language. */
export interface RuleView {
  id: HardRuleId;
  pass: boolean;
  label: string;
  reason: string;
}

export function ruleViews(rules: readonly RuleCheck[], lang: Lang): RuleView[] {
  return rules.map((r) => ({ id: r.id, pass: r.pass, label: formatMsg(lang, msg(ruleLabelKey(r.id))), reason: formatMsg(lang, r.why) }));
}

/** What the audit trail keeps about an override (in one language, like the rest of the trail). */
export function overrideDetail(broken: readonly RuleCheck[], reason: string, lang: Lang = DEFAULT_LANG): string {
  return t(lang, "programme.audit.overrideDetail", { rules: broken.map((b) => formatMsg(lang, msg(ruleLabelKey(b.id)))).join("; "), reason });
}
