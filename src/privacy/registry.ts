import type { Container } from "@azure/cosmos";
import { secondmentIdFor } from "../domain/secondment";
import type { ContainerName, Stored } from "../store/store";
import type { Lang } from "../i18n";
import { ERASURE_PENDING } from "./pending";
import { mentions, readableLeftIn, REMOVED_MARKER, withoutSystemFields, type Identity } from "./identity";

/**
 * What personal data lives where: one entry per container, saying how to find a person's
 * documents, what they get in an export, and what erasure does to each document (and what is kept
 * and why). Export, erasure and retention all work from this table, so a new container that holds
 * personal data is added here, in one place. A container missing from this table fails the
 * privacy test that scans every container.
 */
export type Doc = Stored<Record<string, unknown>>;

/** Why a record is kept for now (the reader's words: "privacy.delete.reason.<id>"). */
export type KeepReason = "secondment-in-force";
export type EraseAction = { do: "delete" } | { do: "anonymise" } | { do: "keep"; reason: KeepReason };

export interface EraseContext {
  /** Secondments still in force that the person is part of: kept until they end. */
  keptSecondments: ReadonlySet<string>;
  /** Words the person wrote in records others keep (their reason for not going ahead with a match), to remove from copies of messages too. */
  ownWords: readonly string[];
}

/**
 * What a scrub also knows: when the erasure runs (a match it closes is closed then), and the
 * language of whoever will still receive a message not yet sent (by message id).
 */
export type ScrubContext = EraseContext & { now: Date; readers?: ReadonlyMap<string, Lang> };

export interface ContainerRule {
  container: ContainerName;
  /** What personal data the container holds (shown in docs and the privacy notice's spirit). */
  holds: string;
  /** What erasure keeps, and why. */
  kept: string;
  /**
   * Every document in the container that is about the person. `ownWords` (when erasing): the words
   * they wrote in records others keep, for documents that quote them without naming them.
   */
  find(c: Container, who: Identity, ownWords?: readonly string[]): Promise<Doc[]>;
  /** What the person gets in their export (undefined: nothing of theirs to show). */
  exportView(doc: Doc, who: Identity): Record<string, unknown> | undefined;
  erase(doc: Doc, who: Identity, ctx: EraseContext): EraseAction;
  /** Before anonymising: drop what the person wrote themselves (their answers), which a name swap would not remove. */
  scrub?(doc: Doc, who: Identity, ctx: ScrubContext): Doc;
  /** After anonymising (`found` as read, before any change): a last change to what is stored (a message not yet sent gets words its reader can read). */
  finish?(doc: Doc, found: Doc, ctx: ScrubContext): Doc;
  /**
   * Erasure changes this document when it names the person by name alone (no id, no email): for text
   * written for others, where a namesake's name replaced costs little and a missed one leaks. Otherwise
   * a document needs the person's id or email.
   */
  byNameAlone?(doc: Doc): boolean;
}

/** Read the container whole and keep what mentions the person. Erasure and export are rare; see docs/data-model.md. */
export async function scanFor(c: Container, who: Identity): Promise<Doc[]> {
  return scanWhere(c, (d) => mentions(d, who));
}

async function scanWhere(c: Container, keep: (d: Doc) => boolean): Promise<Doc[]> {
  const out: Doc[] = [];
  const it = c.items.query<Doc>("SELECT * FROM c", { maxItemCount: 500 });
  while (it.hasMoreResults()) {
    const { resources } = await it.fetchNext();
    for (const d of resources ?? []) if (keep(d)) out.push(d);
  }
  return out;
}

/** True when `value` quotes any of the words (as withoutWords would find them). */
export function quotes(value: unknown, words: readonly string[]): boolean {
  return words.length > 0 && JSON.stringify(withoutWords(value, words)) !== JSON.stringify(value);
}

const IN_FORCE = new Set(["agreeing", "confirmed", "active"]);
const FINISHED_JOB = new Set(["done", "failed", "cancelled"]);
/** The registry's own description of why a secondment in force is kept (for the record of processing). */
const KEEP_SECONDMENT_NOTE =
  "The secondment agreement is still in force and the other people in it rely on it. It is erased when the secondment ends.";
const KEEP_SECONDMENT: KeepReason = "secondment-in-force";

type Party = "secondee" | "homeManager" | "host";
function partyOf(s: Doc, who: Identity): Party | undefined {
  const aad = who.person.aadObjectId.toLowerCase();
  const is = (p: unknown) => typeof (p as { aadObjectId?: unknown } | undefined)?.aadObjectId === "string" && (p as { aadObjectId: string }).aadObjectId.toLowerCase() === aad;
  if (is(s.secondee)) return "secondee";
  if (is(s.homeManager)) return "homeManager";
  if (is(s.host)) return "host";
  return undefined;
}

/** Which side of a match the person is on: the person matched, or the vacancy holder. */
function matchSide(doc: Doc, who: Identity): "secondee" | "host" | undefined {
  if ((doc.candidate as { key?: string } | undefined)?.key === who.key) return "secondee";
  if ((doc.opening as { ownerKey?: string } | undefined)?.ownerKey === who.key) return "host";
  return undefined;
}

/** What the person wrote in a match: their reason for not going ahead (and the closing reason, when they closed it). */
export function ownWordsInMatch(doc: Doc, who: Identity): string[] {
  const side = matchSide(doc, who);
  if (!side) return [];
  const own = (doc.outcomes as Record<string, { reason?: unknown } | undefined> | undefined)?.[side]?.reason;
  const closed = doc.closedBy === side ? doc.closedReason : undefined;
  return [own, closed].filter((w): w is string => typeof w === "string" && w.trim() !== "" && w !== REMOVED_MARKER);
}

/**
 * Every string in `value` with the person's own words replaced by the marker. Words of 8 or more
 * characters go wherever they appear; shorter ones ("No") only where they stand alone, after a
 * colon or in quotes, so ordinary words elsewhere are left.
 */
export function withoutWords<T>(value: T, words: readonly string[]): T {
  const list = [...new Set(words.map((w) => w.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (!list.length) return value;
  const text = (v: string): string => {
    let out = v;
    for (const w of list) {
      if (out === w) return REMOVED_MARKER;
      if (w.length >= 8) out = out.split(w).join(REMOVED_MARKER);
      else {
        out = out.split(`"${w}"`).join(`"${REMOVED_MARKER}"`);
        if (out.endsWith(`: ${w}`)) out = out.slice(0, out.length - w.length) + REMOVED_MARKER;
      }
    }
    return out;
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return text(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/** A secondment as one of its parties may see it in their export: their own answers, not the others'. */
/** The agreement names them as the line manager at the host (from Teams, or by email), though they are not one of its three parties. */
function namedAsHostManager(s: Doc, who: Identity): boolean {
  const terms = s.terms as { hostManagerId?: string; hostManagerEmail?: string } | undefined;
  return (terms?.hostManagerId !== undefined && who.ids.includes(terms.hostManagerId.toLowerCase())) || (terms?.hostManagerEmail !== undefined && who.emails.includes(terms.hostManagerEmail.toLowerCase()));
}

/** What a secondment holds about the line manager it names at the host: how it names them, and the dates they were told of. */
function secondmentForHostManager(s: Doc): Record<string, unknown> {
  const terms = (s.terms as Record<string, unknown> | undefined) ?? {};
  const pick = (k: string) => (terms[k] === undefined ? {} : { [k]: terms[k] });
  return {
    id: s.id,
    yourPart: "host line manager",
    status: s.status,
    hostOrganisation: (s.opening as { organisation?: unknown } | undefined)?.organisation ?? null,
    terms: { ...pick("hostManagerName"), ...pick("hostManagerEmail"), ...pick("hostManagerId"), ...pick("startDate"), ...pick("endDate") },
  };
}

function secondmentForParty(s: Doc, party: Party): Record<string, unknown> {
  const terms = { ...(s.terms as Record<string, unknown> | undefined) };
  delete terms.hostManagerName;
  delete terms.hostManagerEmail;
  delete terms.hostManagerId;
  const checkIns = ((s.checkIns as { n: number; date: string; answers: Record<string, unknown> }[] | undefined) ?? []).map((c) => ({ n: c.n, date: c.date, yourAnswer: c.answers?.[party] ?? null }));
  const feedback = ((s.feedback as { to: string; askedAt: string; answer?: string; answeredAt?: string }[] | undefined) ?? []).filter((f) => f.to === party).map((f) => ({ askedAt: f.askedAt, yourAnswer: f.answer ?? null, answeredAt: f.answeredAt ?? null }));
  const extensions = ((s.extensions as { requestedBy: string; newEndDate: string; reason: string; status: string; requestedAt: string }[] | undefined) ?? []).map((e) => ({ newEndDate: e.newEndDate, status: e.status, requestedAt: e.requestedAt, ...(e.requestedBy === party ? { yourReason: e.reason } : {}) }));
  const mgr = (s.managerFeedback as Record<string, unknown> | undefined)?.[party];
  return {
    id: s.id,
    yourPart: party,
    status: s.status,
    opening: s.opening,
    homeOrganisation: s.homeOrganisation,
    terms,
    createdAt: s.createdAt,
    confirmedAt: s.confirmedAt ?? null,
    startedAt: s.startedAt ?? null,
    endedAt: s.endedAt ?? null,
    checkIns,
    feedbackYouGave: feedback,
    extensions,
    ...(party === "secondee" ? { reports: s.reports ?? [], review: s.review ?? null, shareAdjustments: s.shareAdjustments ?? null } : {}),
    ...(mgr ? { yourEndFeedback: mgr } : {}),
  };
}

/**
 * The entry for a container meant to hold nothing about a person (a knowledge base, change
 * markers): still scanned, so anything that does name someone is anonymised, never exported.
 */
export function noPersonalData(container: ContainerName, holds: string): ContainerRule {
  return { container, holds, kept: "Everything: it holds no one's personal data; a stray mention is anonymised.", find: scanFor, exportView: () => undefined, erase: () => ({ do: "anonymise" }) };
}

export const REGISTRY: readonly ContainerRule[] = [
  {
    container: "people",
    holds: "Each person's plan progress, expression of interest and every earlier version of it, release request, roles they offer (with their earlier versions) and business case (their own partition).",
    // Roles go too: a role without the person who offered it has nobody to edit it, withdraw it or
    // answer for the host side of a match. The confirmation names them and the programme team is
    // told which ones went (bot/handlers/privacy.ts), so a colleague can offer one again.
    kept: "Nothing of the person's own (open roles they offered go too: they are named before they confirm, and the programme team is told). A release request or business case someone else made that names them as line manager is kept for that person, with their name replaced.",
    find: scanFor,
    exportView(doc, who) {
      if (doc.pk !== who.key) return undefined;
      return withoutSystemFields(doc);
    },
    erase: (doc, who) => (doc.pk === who.key ? { do: "delete" } : { do: "anonymise" }),
  },
  {
    container: "matches",
    holds: "Pairs of a person and a role the programme team confirmed, with each side's answer.",
    kept: "A match behind a secondment still in force, until it ends. Other matches stay for the other side with the person's name replaced and their own reason for not going ahead removed; one still in progress for a role the person offered is closed, as the role goes with their data.",
    find: scanFor,
    exportView(doc, who) {
      const opening = doc.opening as { ownerKey?: string; title?: string; organisation?: string } | undefined;
      const side = matchSide(doc, who);
      if (!side) return undefined;
      return {
        id: doc.id,
        yourSide: side,
        role: { title: opening?.title, organisation: opening?.organisation },
        status: doc.status,
        confirmedAt: doc.confirmedAt,
        yourAnswer: (doc.outcomes as Record<string, unknown> | undefined)?.[side] ?? null,
        closedAt: doc.closedAt ?? null,
        ...(side === "secondee" ? { whyItFits: doc.explanation } : {}),
      };
    },
    erase: (doc, _who, ctx) => (ctx.keptSecondments.has(secondmentIdFor(doc.id)) ? { do: "keep", reason: KEEP_SECONDMENT } : { do: "anonymise" }),
    scrub(found, who, ctx) {
      // A match for a role the person offered: the role goes with their data, so a match still in
      // progress closes (the pair is then never proposed again, and the person matched is free).
      const doc: Doc =
        matchSide(found, who) === "host" && found.status !== "closed"
          ? { ...found, status: "closed", closedNote: "role-erased", closedBy: "host", closedAt: ctx.now.toISOString() }
          : found;
      // The reason the person gave for not going ahead is their own words: a name swap leaves it.
      const side = matchSide(doc, who);
      if (!side) return doc;
      const out: Doc = { ...doc };
      const outcomes = { ...((doc.outcomes as Record<string, { reason?: string } | undefined> | undefined) ?? {}) };
      const own = outcomes[side];
      if (own && typeof own.reason === "string") outcomes[side] = { ...own, reason: REMOVED_MARKER };
      out.outcomes = outcomes;
      if (doc.closedBy === side && typeof doc.closedReason === "string") out.closedReason = REMOVED_MARKER;
      return out;
    },
  },
  {
    container: "secondments",
    holds: "Secondments: the three people, the agreed terms, check-in answers, reports, extensions, the review.",
    kept: KEEP_SECONDMENT_NOTE,
    find: scanFor,
    exportView(doc, who) {
      const party = partyOf(doc, who);
      if (party) return secondmentForParty(doc, party);
      return namedAsHostManager(doc, who) ? secondmentForHostManager(doc) : undefined;
    },
    erase: (doc, _who, ctx) => (ctx.keptSecondments.has(doc.id) ? { do: "keep", reason: KEEP_SECONDMENT } : { do: "anonymise" }),
    scrub(doc, who) {
      const party = partyOf(doc, who);
      if (!party) return doc;
      const removed = REMOVED_MARKER;
      const out: Doc = { ...doc };
      out.checkIns = ((doc.checkIns as { answers?: Record<string, unknown> }[] | undefined) ?? []).map((c) => {
        const answers = { ...(c.answers ?? {}) };
        if (answers[party]) answers[party] = { going: (answers[party] as { going?: string }).going, at: (answers[party] as { at?: string }).at };
        return { ...c, answers };
      });
      out.feedback = ((doc.feedback as { to?: string; answer?: string }[] | undefined) ?? []).map((f) => (f.to === party && f.answer ? { ...f, answer: removed } : f));
      out.extensions = ((doc.extensions as { requestedBy?: string; reason?: string }[] | undefined) ?? []).map((e) => (e.requestedBy === party ? { ...e, reason: removed } : e));
      if (party === "secondee") {
        delete out.sharedAdjustments;
        delete out.review;
        out.reports = ((doc.reports as { details?: string }[] | undefined) ?? []).map((r) => ({ ...r, details: removed }));
      } else {
        const mf = { ...((doc.managerFeedback as Record<string, unknown> | undefined) ?? {}) };
        delete mf[party];
        out.managerFeedback = mf;
      }
      return out;
    },
  },
  {
    container: "outbox",
    holds: "Messages the bot sends (copies of cards), until they are purged 30 days after sending.",
    kept: "Messages to other people stay, with the person's name replaced; any quote of their reason for not going ahead with a match is removed. A message not sent yet goes out with plain words in its reader's language in their place.",
    // A message that quotes someone's words lists them in `about` (their person keys, which name
    // them by id). One stored before messages carried `about` is found by the words it quotes.
    find: (c, who, ownWords = []) => scanWhere(c, (d) => mentions(d, who) || (!Array.isArray(d.about) && quotes(d.activity, ownWords))),
    byNameAlone: () => true,
    exportView(doc, who) {
      const target = doc.target as { aadObjectId?: string } | undefined;
      if (target?.aadObjectId?.toLowerCase() !== who.person.aadObjectId.toLowerCase()) return undefined;
      return { purpose: doc.purpose, status: doc.status, createdAt: doc.createdAt, sentAt: doc.sentAt ?? null };
    },
    erase(doc, who) {
      const target = doc.target as { aadObjectId?: string; conversationId?: string } | undefined;
      const toThem = target?.aadObjectId?.toLowerCase() === who.person.aadObjectId.toLowerCase() || (target?.conversationId !== undefined && who.ids.includes(target.conversationId.toLowerCase()));
      return toThem ? { do: "delete" } : { do: "anonymise" };
    },
    // Copies of messages to others (the programme team's "not going ahead" note, suggestions cards)
    // can quote the person's own words: those go, the rest stays.
    scrub: (doc, _who, ctx) => ({ ...doc, activity: withoutWords(doc.activity, ctx.ownWords) }),
    // A message not sent yet goes out as it is stored: its reader gets the markers for the person's
    // name and words as plain words in their own language, as a card drawn from a record does.
    finish(doc, found, ctx) {
      const lang = found.status === "sent" ? undefined : ctx.readers?.get(found.id);
      return lang ? { ...doc, activity: readableLeftIn(doc.activity, lang) } : doc;
    },
  },
  {
    container: "jobs",
    holds: "Scheduled reminders and check-ins, naming the people they are for.",
    kept: "Jobs that run a secondment still in force. Other people's pending reminders stay with the person's name replaced.",
    find: scanFor,
    exportView: (doc) => ({ type: doc.type, status: doc.status, dueAt: doc.dueAt }),
    erase(doc, _who, ctx) {
      const payload = doc.payload as { secondmentId?: string } | undefined;
      if (payload?.secondmentId && ctx.keptSecondments.has(payload.secondmentId)) return { do: "keep", reason: KEEP_SECONDMENT };
      return FINISHED_JOB.has(String(doc.status)) ? { do: "delete" } : { do: "anonymise" };
    },
  },
  {
    container: "conversations",
    holds: "How the bot reaches each chat: for a 1:1 chat, the person's Teams ids and name.",
    kept: "Nothing of the person's own 1:1 chats.",
    find: scanFor,
    exportView: (doc) => (doc.conversationType === "personal" ? { conversationType: doc.conversationType, installed: doc.installed, updatedAt: doc.updatedAt } : undefined),
    erase: (doc) => (doc.conversationType === "personal" ? { do: "delete" } : { do: "anonymise" }),
  },
  {
    container: "botState",
    holds: "The bot framework's state for each conversation (when the bot last stored how to reach it).",
    kept: "Nothing.",
    find: scanFor,
    exportView: () => undefined,
    erase: () => ({ do: "delete" }),
  },
  {
    container: "privacy",
    holds: "Optional equality monitoring answers (kept apart from everything else) and records of erasures, which hold no personal data.",
    kept: "The record that an erasure happened: when, and how many records it changed, with no name or id.",
    // An erasure under way is the erasure's own note of what is left to do (pending.ts): it goes when the erasure is done.
    find: async (c, who) => (await scanFor(c, who)).filter((d) => d.type !== ERASURE_PENDING),
    exportView: (doc, who) => (doc.pk === who.key ? withoutSystemFields(doc) : undefined),
    erase: (doc, who) => (doc.pk === who.key ? { do: "delete" } : { do: "anonymise" }),
  },
  noPersonalData("knowledge", "The programme team's changes to the questions and answers, questions the bot could not answer (with names, emails and phone numbers removed) and answer ratings; no person ids."),
  {
    container: "changes",
    holds: "Markers that an interest, role, release request or match changed, naming that record, so every instance's matching catches up. Pruned after a day.",
    kept: "Nothing: markers naming the person's records are deleted, and one marker with no name or id in it tells every instance's matching to read the pool again at its next catch-up.",
    find: scanFor,
    exportView: () => undefined,
    erase: () => ({ do: "delete" }),
  },
  {
    container: "audit",
    holds:
      "What the programme team did, in chat or in the Programme tab (confirm, not suitable, override, manual match, reminder, export, viewing someone's adjustments): who, when, what it was about in words, and the person key of everyone it names.",
    kept: "Entries stay as the programme's record, with the person's name replaced and their ids pseudonymised.",
    find: scanFor,
    exportView: auditView,
    erase: () => ({ do: "anonymise" }),
    // An entry from before entries carried person keys names people in words only: erasure still
    // replaces the name (a namesake's too); the export leaves it out, as it may be someone else.
    byNameAlone: (doc) => !Array.isArray(doc.about),
  },
];

/**
 * An audit entry in a person's export. About them (their key is on it): what was done, when, the
 * words and the detail. Done by them (a team member): what and when, and the words only for an
 * export file, since the words name someone else. Who did it is never shown.
 */
function auditView(doc: Doc, who: Identity): Record<string, unknown> | undefined {
  const about = Array.isArray(doc.about) ? (doc.about as unknown[]).map((k) => String(k).toLowerCase()) : [];
  const aboutThem = about.includes(who.key);
  const byThem = String((doc.who as { aadObjectId?: unknown } | undefined)?.aadObjectId ?? "").toLowerCase() === who.person.aadObjectId.toLowerCase();
  if (!aboutThem && !byThem) return undefined;
  return {
    action: doc.action,
    at: doc.at,
    yourPart: aboutThem ? "about-you" : "done-by-you",
    ...(aboutThem || doc.action === "export" ? { subject: doc.subject } : {}),
    ...(aboutThem && doc.detail ? { detail: doc.detail } : {}),
  };
}

export { IN_FORCE, partyOf };
