import type { Container } from "@azure/cosmos";
import type { PersonId } from "../domain/person";
import type { ChannelRef } from "../domain/role-record";
import { DEFAULT_LANG, type Lang } from "../i18n";
import { ChangeLog } from "../store/changes";
import { ConversationRepository } from "../store/conversations";
import { KnowledgeStore } from "../store/knowledge";
import { PreferenceStore } from "../store/preferences";
import { cosmosCode, type ContainerName, type Store } from "../store/store";
import { anonymiseDoc, identityOf, mentionsById, type Identity } from "./identity";
import { IN_FORCE, ownWordsInMatch, partyOf, REGISTRY, type ContainerRule, type Doc, type EraseAction, type EraseContext, type KeepReason, type ScrubContext } from "./registry";

/** What an erasure will do (shown before the person confirms), per container. */
export interface ErasurePlan {
  who: Identity;
  erase: { container: ContainerName; count: number }[];
  anonymise: { container: ContainerName; count: number }[];
  keep: { container: ContainerName; id: string; reason: KeepReason }[];
  /** The latest end date of a secondment kept until it ends (YYYY-MM-DD), if any. */
  keptUntil?: string;
  keptSecondments: Set<string>;
  /**
   * Open roles the person offers: they live in the person's own partition, so they go with their
   * data, and so do the matches in progress for them. Named before the person confirms, and told
   * to the programme team after, so a role never disappears unnoticed.
   */
  roles: RoleGoing[];
  /** Held in memory only, to remove the person's own words from what is kept (see EraseContext). */
  ownWords: string[];
  found: { container: ContainerName; doc: Doc; action: EraseAction }[];
}

/** An open role that goes with the person's data (titles and channels are not personal data). */
export interface RoleGoing {
  id: string;
  title: string;
  organisation: string;
  openings: number;
  channel?: ChannelRef;
  /** Matches for this role not yet closed (and not behind a secondment kept in force): they end. */
  matchesInProgress: MatchEnding[];
}

/** A match that ends because its role goes: who to tell, and about which role. */
export interface MatchEnding {
  id: string;
  title: string;
  organisation: string;
  candidate?: { tenantId?: string; aadObjectId?: string };
}

/** The open roles among what the plan deletes, oldest first, with the matches in progress for each. */
function rolesGoing(found: ErasurePlan["found"], who: Identity): RoleGoing[] {
  const roles = found
    .filter((f) => f.container === "people" && f.action.do === "delete" && f.doc.pk === who.key && f.doc.type === "role" && f.doc.status === "submitted")
    .map((f) => f.doc)
    .sort((a, b) => String(a.createdAt ?? "").localeCompare(String(b.createdAt ?? "")));
  return roles.map((doc) => {
    const details = doc.details as { form?: { title?: string; hostOrganisation?: string; openings?: number }; channel?: ChannelRef } | undefined;
    const matchesInProgress = found
      .filter((f) => f.container === "matches" && f.action.do !== "keep" && f.doc.status !== "closed" && (f.doc.opening as { id?: string } | undefined)?.id === doc.id)
      .map((f) => {
        const m = f.doc as { opening?: { title?: string; organisation?: string }; candidate?: { tenantId?: string; aadObjectId?: string } };
        return { id: f.doc.id, title: m.opening?.title ?? "", organisation: m.opening?.organisation ?? "", ...(m.candidate ? { candidate: m.candidate } : {}) };
      });
    return {
      id: doc.id,
      title: details?.form?.title ?? "",
      organisation: details?.form?.hostOrganisation ?? "",
      openings: details?.form?.openings ?? 1,
      ...(details?.channel ? { channel: details.channel } : {}),
      matchesInProgress,
    };
  });
}

/**
 * Gather every way the person is recorded: their Teams user ids and 1:1 chat ids from the
 * conversations container, and their names and emails from their own records, so documents that
 * name them without their object id are found too.
 */
export async function identify(store: Store, person: PersonId, known: Known = {}): Promise<Identity> {
  let who = identityOf(person, known);
  const docs = (await Promise.all((["conversations", "people", "secondments", "matches"] as const).map((c) => findAll(store.container(c), who)))).flat();
  // Ids found before (an erasure finished later): the records that held them may be gone by now.
  const userIds: string[] = [...(known.ids ?? [])];
  const conversationIds: string[] = [];
  const names = [...(known.names ?? [])];
  const emails = [...(known.emails ?? [])];
  const aad = person.aadObjectId.toLowerCase();
  for (const d of docs) {
    const user = d.user as { id?: string; aadObjectId?: string; name?: string } | undefined;
    if (d.conversationType === "personal" && user?.aadObjectId?.toLowerCase() === aad) {
      if (user.id) userIds.push(user.id);
      if (user.name) names.push(user.name);
      conversationIds.push(String(d.conversationId));
    }
    if (d.pk === who.key) {
      const owner = d.owner as { name?: string } | undefined;
      const details = d.details as { fullName?: string; email?: string } | undefined;
      if (owner?.name) names.push(owner.name);
      if (details?.fullName) names.push(details.fullName);
      if (details?.email) emails.push(details.email);
      const secondee = d.secondee as { name?: string; email?: string } | undefined;
      if (d.type === "approval" && secondee?.name) names.push(secondee.name);
    }
    const party = d.type === "secondment" ? partyOf(d, who) : undefined;
    const p = party ? (d[party] as { name?: string } | undefined) : undefined;
    if (p?.name) names.push(p.name);
    const candidate = d.candidate as { key?: string; name?: string } | undefined;
    if (candidate?.key === who.key && candidate.name) names.push(candidate.name);
  }
  who = identityOf(person, { userIds, conversationIds, names, emails });
  return who;
}

async function findAll(c: Container, who: Identity): Promise<Doc[]> {
  const rule = REGISTRY.find((r) => r.container === c.id);
  return rule ? rule.find(c, who) : [];
}

/** What is already known of the person: names and emails (and, for an erasure finished later, the ids found then). */
export type Known = { names?: string[]; emails?: string[]; ids?: string[] };

export async function planErasure(store: Store, person: PersonId, known: Known = {}): Promise<ErasurePlan> {
  const who = await identify(store, person, known);
  // Each container is read once (most rules scan it whole): secondments and matches are needed
  // before deciding what to do with the rest. Matches first: the person's own words in them find
  // the messages that quote them without naming them.
  const docs = new Map<ContainerName, Doc[]>();
  const rulesInOrder = [...REGISTRY.filter((r) => r.container === "matches"), ...REGISTRY.filter((r) => r.container !== "matches")];
  let ownWords: string[] = [];
  for (const rule of rulesInOrder) {
    docs.set(rule.container, await rule.find(store.container(rule.container), who, ownWords));
    if (rule.container === "matches") ownWords = docs.get("matches")!.flatMap((m) => ownWordsInMatch(m, who));
  }
  const kept = (docs.get("secondments") ?? []).filter((s) => IN_FORCE.has(String(s.status)) && partyOf(s, who));
  const keptSecondments = new Set(kept.map((s) => s.id));
  const ends = kept.map((s) => (s.terms as { endDate?: string } | undefined)?.endDate).filter((x): x is string => Boolean(x)).sort();
  const ctx: EraseContext = { keptSecondments, ownWords };
  const found: ErasurePlan["found"] = [];
  for (const rule of REGISTRY) {
    for (const doc of docs.get(rule.container)!) {
      // A name alone could be a namesake's: only what the rule allows (messages, old audit entries) is changed on a name alone.
      if (!rule.byNameAlone?.(doc) && !mentionsById(doc, who)) continue;
      found.push({ container: rule.container, doc, action: rule.erase(doc, who, ctx) });
    }
  }
  const count = (kind: "delete" | "anonymise") =>
    REGISTRY.map((r) => ({ container: r.container, count: found.filter((f) => f.container === r.container && f.action.do === kind).length })).filter((x) => x.count > 0);
  return {
    who,
    erase: count("delete"),
    anonymise: count("anonymise"),
    keep: found.flatMap((f) => (f.action.do === "keep" ? [{ container: f.container, id: anonymiseDoc(f.doc.id, who), reason: f.action.reason }] : [])),
    ...(ends.length ? { keptUntil: ends[ends.length - 1]! } : {}),
    keptSecondments,
    roles: rolesGoing(found, who),
    ownWords,
    found,
  };
}

/**
 * Apply one document's erasure. Deletes and rewrites are guarded by the etag read; a lost race is
 * retried on a fresh read. A document whose id or partition named the person is written under its
 * anonymised id first and the old one deleted, so a repeat after an interruption finishes the job.
 */
async function applyOne(c: Container, doc: Doc, action: EraseAction, who: Identity, rule: ContainerRule | undefined, ctx: ScrubContext): Promise<void> {
  if (action.do === "keep") return;
  let current: Doc | undefined = doc;
  for (let attempt = 0; attempt < 5 && current; attempt++) {
    try {
      if (action.do === "delete") {
        await c.item(current.id, current.pk).delete({ accessCondition: { type: "IfMatch", condition: current._etag! } });
        return;
      }
      const anonymised = anonymiseDoc(rule?.scrub ? rule.scrub(current, who, ctx) : current, who) as Doc;
      const next = rule?.finish ? rule.finish(anonymised, current, ctx) : anonymised;
      if (next.id === current.id && next.pk === current.pk) {
        await c.item(current.id, current.pk).replace(next, { accessCondition: { type: "IfMatch", condition: current._etag! } });
        return;
      }
      try {
        await c.items.create(next);
      } catch (err) {
        if (cosmosCode(err) !== 409) throw err;
        await c.item(next.id, next.pk).replace(next);
      }
      await c.item(current.id, current.pk).delete({ accessCondition: { type: "IfMatch", condition: current._etag! } });
      return;
    } catch (err) {
      const code = cosmosCode(err);
      if (code === 404) return;
      if (code !== 412) throw err;
      try {
        current = (await c.item(doc.id, doc.pk).read<Doc>()).resource ?? undefined;
      } catch (readErr) {
        if (cosmosCode(readErr) === 404) return;
        throw readErr;
      }
    }
  }
}

/**
 * The language of each message kept for someone else and not sent yet (by message id): it goes out
 * as stored, so the markers erasure puts in it are written out for its reader (see the outbox rule).
 * A person's chosen language; a channel's, as its vacancy holder chose; else English.
 */
async function readersOfUnsent(store: Store, plan: ErasurePlan): Promise<Map<string, Lang>> {
  const preferences = new PreferenceStore(store.container("people"));
  const conversations = new ConversationRepository(store.container("conversations"));
  const out = new Map<string, Lang>();
  for (const f of plan.found) {
    if (f.container !== "outbox" || f.action.do !== "anonymise" || f.doc.status === "sent") continue;
    const target = f.doc.target as { kind?: string; tenantId?: string; aadObjectId?: string; conversationId?: string } | undefined;
    if (!target?.tenantId) continue;
    let lang: Lang | undefined;
    if (target.kind === "person" && target.aadObjectId) lang = await preferences.language({ tenantId: target.tenantId, aadObjectId: target.aadObjectId });
    else if (target.conversationId) {
      lang = await conversations.language(target.tenantId, target.conversationId);
      const chat = lang ? undefined : await conversations.get(target.tenantId, target.conversationId);
      if (chat?.conversationType === "personal" && chat.user?.aadObjectId) lang = await preferences.language({ tenantId: target.tenantId, aadObjectId: chat.user.aadObjectId });
    }
    out.set(f.doc.id, lang ?? DEFAULT_LANG);
  }
  return out;
}

export interface ErasureRecord {
  type: "erasure";
  /** A pseudonym, not the person's id: the same for a repeat, so the record is updated, not doubled. */
  of: string;
  requestedAt: string;
  completedAt?: string;
  erased: number;
  anonymised: number;
  kept: { container: string; id: string; reason: string }[];
}

/** Erase or anonymise everything the plan found, then record the erasure without the erased data. */
export async function erase(store: Store, plan: ErasurePlan, now: Date): Promise<ErasureRecord> {
  const ctx: ScrubContext = { keptSecondments: plan.keptSecondments, ownWords: plan.ownWords, now, readers: await readersOfUnsent(store, plan) };
  for (const f of plan.found) await applyOne(store.container(f.container), f.doc, f.action, plan.who, REGISTRY.find((r) => r.container === f.container), ctx);
  // Their 👍/👎 on answers: kept under a digest of entry and person, so found by working it out again.
  await new KnowledgeStore(store.container("knowledge")).forgetVoter(plan.who.key);
  // The person's change markers went with their data (they name them), so tell every instance's
  // matching to read the pool again: a marker with no name or id in it. It also tells every
  // instance that a chat reference it may remember storing is gone (ConversationRepository.forgetAll).
  if (plan.found.some((f) => f.action.do !== "keep" && (f.container === "people" || f.container === "matches" || f.container === "changes" || f.container === "conversations"))) {
    await new ChangeLog(store.container("changes")).noteRemoval();
  }
  const record: ErasureRecord = {
    type: "erasure",
    of: plan.who.pseudonym,
    requestedAt: now.toISOString(),
    ...(plan.keep.length === 0 ? { completedAt: now.toISOString() } : {}),
    erased: plan.found.filter((f) => f.action.do === "delete").length,
    anonymised: plan.found.filter((f) => f.action.do === "anonymise").length,
    kept: plan.keep,
  };
  await store.container("privacy").items.upsert({ ...record, id: `erasure-${now.getTime()}`, pk: plan.who.pseudonym });
  return record;
}
