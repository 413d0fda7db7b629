import { createHash } from "node:crypto";
import { endForWithdrawnRole, endsWithRole, matchId, type Match, type RoleState } from "../../src/domain/match";
import type { PersonId } from "../../src/domain/person";
import { matchStage, matchStageLabel } from "../../src/domain/stage";
import { t, type Lang } from "../../src/i18n";
import { formatMsg, msg } from "../../src/matching/message";
import { ruleLabelKey, type RuleCheck } from "../../src/matching/rules";
import { channelLanguage, personLanguage, type World } from "./match-cards";
import { updateChannelCard } from "./match-outcome";
import { note, type Services } from "./types";

/**
 * A role's matches when the role goes: withdrawn by the person who offered it, or erased with their
 * data (bot/handlers/privacy.ts). A match still before both sides said yes ends; the person matched
 * is told plainly and stays in the pool; the role's channel card shows it closed, without buttons;
 * the programme team hears which matches ended, and which were already going ahead (those are left
 * to their secondment, which its parties can call off). Every message id is fixed by the role or
 * the match, so doing it twice sends nothing twice.
 */

/** The person who offered the match's role (its owner key is "tenant:object id"). */
export function roleOwnerOf(m: Pick<Match, "opening">): PersonId {
  const i = m.opening.ownerKey.indexOf(":");
  return { tenantId: m.opening.ownerKey.slice(0, i), aadObjectId: m.opening.ownerKey.slice(i + 1) };
}

/**
 * Whether the match's role is still offered, read from the role itself (one point read), so a
 * match left open by an older version or a cut-off withdrawal is refused too. A role not found is
 * "open": an erased role's matches are closed by the erasure itself.
 */
export async function roleStateOf(s: Services, m: Pick<Match, "opening">): Promise<RoleState> {
  const role = await s.roles.get(roleOwnerOf(m), m.opening.id);
  return role?.status === "withdrawn" ? "withdrawn" : "open";
}

/** The role's matches that have not closed (each as stored, with its id). */
export async function openMatchesOf(s: Services, owner: PersonId, roleId: string): Promise<(Match & { id: string })[]> {
  const mine = await s.matches.involving(`${owner.tenantId}:${owner.aadObjectId}`);
  return mine.filter((m) => m.opening.id === roleId && m.status !== "closed");
}

/** One line per match, for the withdraw card and the programme team: the person and the stage. */
export const matchLines = (lang: Lang, matches: readonly Match[]): string =>
  matches.map((m) => t(lang, "role.withdraw.matchLine", { name: m.candidate.name, stage: matchStageLabel(lang, matchStage(m)) })).join("\n");

/** Tell the person matched that the role is no longer offered and their match has ended (in their language). */
export async function tellRoleGone(
  s: Services,
  m: { id: string; title: string; organisation: string; candidate: { tenantId: string; aadObjectId: string } },
  why: "role-erased" | "role-withdrawn",
  serviceUrl: string,
): Promise<void> {
  await s.outbox.enqueue({
    id: `match-closed:${m.id}:${why}`,
    target: { kind: "person", ...m.candidate, serviceUrl },
    activity: note(t(await personLanguage(s, m.candidate), "match.closed.roleGone.toSecondee", { role: m.title, organisation: m.organisation })),
    purpose: "match-closed",
  });
}

/**
 * End one match because its role was withdrawn (etag-guarded; nothing if it closed or went ahead
 * meanwhile): tell the person and update the channel card. The closed match, or undefined.
 */
export async function endForRole(s: Services, id: string, serviceUrl: string, w?: World): Promise<Match | undefined> {
  const out = await s.matches.update(id, (m) => {
    if (!m) return { next: undefined, result: undefined };
    const c = endForWithdrawnRole(m, s.now());
    return { next: c.kind === "changed" ? c.match : undefined, result: c.kind === "changed" ? c.match : undefined };
  });
  if (!out) return undefined;
  s.log.info("match ended: its role was withdrawn", { matchId: id });
  await tellRoleGone(s, { id, title: out.opening.title, organisation: out.opening.organisation, candidate: out.candidate }, "role-withdrawn", serviceUrl);
  await updateChannelCard(s, out, w ?? (await s.matching.current()), await channelLanguage(s, out.candidate.tenantId, out.opening.channelConversationId));
  return out;
}

/**
 * The role was withdrawn: end its matches still before both sides said yes, and tell the programme
 * team which ended and which were already going ahead. Safe to repeat (a second withdraw press):
 * `first` is false then, and the team hears again only if a match was left to end.
 */
export async function endRoleMatches(
  s: Services,
  role: { id: string; title: string; organisation: string; owner: PersonId; ownerName?: string | undefined },
  serviceUrl: string,
  first: boolean,
): Promise<{ ended: Match[]; agreeing: Match[] }> {
  const open = await openMatchesOf(s, role.owner, role.id);
  const ended: Match[] = [];
  let w: World | undefined;
  for (const m of open.filter(endsWithRole)) {
    w ??= await s.matching.current();
    // Listed at the stage it had, so the programme team reads what ended.
    if (await endForRole(s, matchId(m.opening.id, m.candidate.key), serviceUrl, w)) ended.push(m);
  }
  const agreeing = open.filter((m) => m.status === "agreeing");
  if (ended.length || (first && agreeing.length)) await tellTeam(s, role, ended, agreeing, serviceUrl);
  return { ended, agreeing };
}

async function tellTeam(s: Services, role: { id: string; title: string; organisation: string; owner: PersonId; ownerName?: string | undefined }, ended: Match[], agreeing: Match[], serviceUrl: string): Promise<void> {
  const members = s.config.programmeTeam.aadObjectIds;
  if (!members.length) {
    s.log.warn("no programme team configured: not told that a withdrawn role ended matches", { roleId: role.id });
    return;
  }
  const which = createHash("sha256").update([role.id, ...ended.map((m) => m.candidate.key), "|", ...agreeing.map((m) => m.candidate.key)].join(",")).digest("hex").slice(0, 24);
  for (const member of members) {
    const lang = await personLanguage(s, { tenantId: role.owner.tenantId, aadObjectId: member });
    const words = t(lang, "role.withdraw.toTeam", {
      owner: role.ownerName ?? t(lang, "role.withdraw.someone"),
      title: role.title,
      organisation: role.organisation,
      ended: ended.length,
      endedLines: matchLines(lang, ended),
      agreeing: agreeing.length,
      agreeingLines: matchLines(lang, agreeing),
    });
    await s.outbox.enqueue({
      id: `role-withdrawn:${which}:${member}`,
      target: { kind: "person", tenantId: role.owner.tenantId, aadObjectId: member, serviceUrl },
      activity: note(words),
      purpose: "role-withdrawn",
    });
  }
}

/** A match and the rules it no longer meets. */
export interface Flagged {
  match: Match;
  broken: RuleCheck[];
}

/** One line per rule a match no longer meets: the person, the rule and why, in `lang`. */
export const brokenLines = (lang: Lang, flagged: readonly Flagged[]): string =>
  flagged
    .flatMap((f) => f.broken.map((r) => t(lang, "role.changed.ruleLine", { name: f.match.candidate.name, rule: formatMsg(lang, msg(ruleLabelKey(r.id))), reason: formatMsg(lang, r.why) })))
    .join("\n");

/**
 * After a role was changed: its matches still in play checked again against the matching rules, as
 * the role and the person stand now. Nothing is closed (the programme team decides): the programme
 * team is told which match and which rule, and the caller shows the vacancy holder. The matches
 * that broke a rule, if any.
 */
export async function recheckRoleMatches(
  s: Services,
  role: { id: string; version: number; title: string; organisation: string; owner: PersonId; ownerName?: string | undefined },
  serviceUrl: string,
): Promise<Flagged[]> {
  const open = await openMatchesOf(s, role.owner, role.id);
  if (!open.length) return [];
  const w = await s.matching.current();
  const flagged = open.flatMap((m) => {
    const broken = w.engine.recheck(m.candidate.key, role.id) ?? [];
    return broken.length ? [{ match: m, broken }] : [];
  });
  if (!flagged.length) return [];
  s.log.info("role changed: matches no longer meet a rule", { roleId: role.id, matches: flagged.length });
  for (const member of s.config.programmeTeam.aadObjectIds) {
    const lang = await personLanguage(s, { tenantId: role.owner.tenantId, aadObjectId: member });
    await s.outbox.enqueue({
      id: `role-changed:${role.id}:v${role.version}:${member}`,
      target: { kind: "person", tenantId: role.owner.tenantId, aadObjectId: member, serviceUrl },
      activity: note(t(lang, "role.changed.toTeam", { owner: role.ownerName ?? t(lang, "role.withdraw.someone"), title: role.title, organisation: role.organisation, count: flagged.length, lines: brokenLines(lang, flagged) })),
      purpose: "role-changed",
    });
  }
  return flagged;
}
