import { randomUUID } from "node:crypto";
import type { Match } from "../../src/domain/match";
import { DEFAULT_LANG } from "../../src/i18n";
import { formatMsg } from "../../src/matching/message";
import { AuditStore, type AuditAction } from "../../src/store/audit";
import type { MatchDoc, MatchFollowUps, OwedAudit } from "../../src/store/matches";
import { pairSubject } from "./audit";
import { channelLanguage, hostCard, personLanguage, secondeeCard, type World } from "./match-cards";
import { message, type Caller, type Services } from "./types";

/**
 * What a match write still owes once the match is saved: its audit entries and, for a confirmed
 * match, telling the role's channel and the person.
 *
 * Why it is kept in the match document: the match and what it owes are written in one write, so
 * nothing can be saved without the record of it. A store that stops answering just after that
 * write (or an audit container that refuses) then costs nothing: the turn says the match is saved,
 * and the follow-up job below copies what is owed once the store answers again. A separate outbox
 * record or job written after the match could itself be lost in that gap; the Cosmos transactional
 * batch is not atomic on the embedded store (see the cosmos-local notes), so it is no way out either.
 * The audit entries and messages have fixed ids, so doing a follow-up twice changes nothing.
 */
export const MATCH_FOLLOW_UP = "match-follow-up";
/** How long after a match write its follow-up job runs (the turn normally does it all first). */
const FOLLOW_UP_AFTER_MS = 2 * 60_000;
/** Other matches the job looks after while it runs (for follow-ups whose own job gave up). */
const SWEEP = 20;

export interface FollowUpPayload {
  matchId: string;
}

/** An audit entry a match write owes, by whoever pressed the button, now. */
export function owedAudit(s: Services, caller: Caller, action: AuditAction, detail?: string): OwedAudit {
  const at = s.now().toISOString();
  return {
    id: `audit-${at}-${randomUUID()}`,
    at,
    who: { aadObjectId: caller.person.aadObjectId, ...(caller.name ? { name: caller.name } : {}) },
    action,
    ...(detail ? { detail } : {}),
  };
}

/**
 * Before a match write that owes something: the job that finishes it if the turn cannot. Written
 * first, so a store that stops after the match write still has it; when the match write does not
 * happen the job finds nothing owed. The id is fixed by the match, so a second press adds nothing.
 */
export async function scheduleFollowUp(s: Services, matchId: string): Promise<void> {
  await s.jobs.schedule({ id: `${MATCH_FOLLOW_UP}:${matchId}`, type: MATCH_FOLLOW_UP, payload: { matchId } satisfies FollowUpPayload, dueAt: new Date(s.now().getTime() + FOLLOW_UP_AFTER_MS) });
}

/**
 * Do what the match owes, then clear it (etag-guarded). `w`: the world the caller has in hand (else
 * it is read). Throws if the store does not answer: what is owed stays for the next try.
 * `onTold` runs once the people are told (or there was no one to tell).
 */
export async function followUp(s: Services, matchId: string, doc: MatchDoc, w?: World, onTold: () => void = () => {}): Promise<void> {
  const owed = doc.owed;
  if (!owed) return;
  if (owed.notify) await notify(s, matchId, doc, owed.notify, w ?? (await s.matching.current()));
  onTold();
  const trail = new AuditStore(s.store.container("audit"));
  const words = pairSubject(doc.candidate.name, doc.opening.title);
  const subject = formatMsg(DEFAULT_LANG, words);
  for (const a of owed.audit) await trail.record({ at: a.at, who: a.who, action: a.action, subject, about: [doc.candidate.key], ...(a.detail ? { detail: a.detail } : {}), words: { subject: words } }, a.id);
  await s.matches.settled(matchId);
}

/**
 * The turn's try at what the match owes (the match itself is saved whatever this says): "done";
 * "told" when the people are told but the rest (the audit entry) is left for the job; "pending"
 * when telling them is left for the job too.
 */
export async function tryFollowUp(s: Services, matchId: string, doc: MatchDoc, w?: World): Promise<"done" | "told" | "pending"> {
  let told = false;
  try {
    await followUp(s, matchId, doc, w, () => (told = true));
    return "done";
  } catch (err) {
    s.log.warn("match saved; its follow-up is left for the job", { matchId, err: err as Error });
    return told ? "told" : "pending";
  }
}

/** The job: this match's follow-up, then any other match still owing one. */
export async function runFollowUpJob(s: Services, payload: FollowUpPayload): Promise<void> {
  const ids = [payload.matchId, ...(await s.matches.owing(SWEEP)).filter((id) => id !== payload.matchId)];
  let w: World | undefined;
  for (const id of ids) {
    const doc = await s.matches.get(id);
    if (!doc?.owed) continue;
    w ??= await s.matching.current();
    await followUp(s, id, doc, w);
  }
}

/** Tell the role's channel (in its language) and the person (in theirs) about a confirmed match. */
async function notify(s: Services, matchId: string, match: Match, to: NonNullable<MatchFollowUps["notify"]>, w: World): Promise<void> {
  const { tenantId, aadObjectId } = match.candidate;
  const channel = await s.conversations.get(to.channelTenantId, match.opening.channelConversationId);
  if (channel) {
    const lang = await channelLanguage(s, channel.tenantId, channel.conversationId);
    await s.outbox.enqueue({
      id: `match-notification:${matchId}`,
      target: { kind: "conversation", tenantId: channel.tenantId, conversationId: channel.conversationId, serviceUrl: channel.serviceUrl },
      activity: message(hostCard(match, w, lang)),
      purpose: "match-notification",
    });
  } else {
    s.log.warn("role channel unknown: notification not sent", { openingId: match.opening.id });
  }
  const secondeeLang = await personLanguage(s, { tenantId, aadObjectId });
  await s.outbox.enqueue({
    id: `match-secondee:${matchId}`,
    target: { kind: "person", tenantId, aadObjectId, serviceUrl: to.serviceUrl },
    activity: message(secondeeCard(match, w, secondeeLang)),
    purpose: "match-secondee",
  });
}
