import { CARD_CONTENT_TYPE, type AdaptiveCardJson } from "../../cards";
import { DEFAULT_LANG, langFromLocale } from "../../src/i18n";
import type { Config } from "../../src/config";
import type { PersonId } from "../../src/domain/person";
import type { KnowledgeBase } from "../../src/faq/knowledge-base";
import type { KnowledgeStore } from "../../src/store/knowledge";
import type { Logger } from "../../src/log";
import type { InterestDetails } from "../../src/domain/interest";
import type { RuleContext } from "../../src/domain/forms";
import type { RoleRecordDetails } from "../../src/domain/role-record";
import type { Container } from "@azure/cosmos";
import type { ApprovalStore } from "../../src/store/approvals";
import type { MatchStore } from "../../src/store/matches";
import type { SecondmentStore } from "../../src/store/secondments";
import type { ConversationRepository } from "../../src/store/conversations";
import type { PlanRepository } from "../../src/store/plans";
import type { FormRecordStore } from "../../src/store/records";
import type { BusinessCaseStore } from "../../src/store/business-cases";
import type { PreferenceStore } from "../../src/store/preferences";
import type { Lang } from "../../src/i18n";

/** Where a proactive message goes: a known conversation, or a person's 1:1 chat (created if need be). */
export type MessageTarget =
  | { kind: "conversation"; tenantId: string; conversationId: string; serviceUrl: string }
  | { kind: "person"; tenantId: string; aadObjectId: string; serviceUrl: string };

/** The outbound queue: every proactive message goes through it; the id makes enqueueing idempotent. */
export interface OutboundQueue {
  /** about: the person keys of everyone whose own words the message quotes (found by their erasure). */
  /**
   * dependsOn: the registered check (bot/app.ts) that looks again just before each send, and what it
   * needs to find what the message depends on; it may send it as queued, send something else, or drop it.
   */
  enqueue(m: { id: string; target: MessageTarget; activity: Record<string, unknown>; purpose: string; about?: string[]; dependsOn?: { check: string; ref: Record<string, string> } }): Promise<"queued" | "duplicate">;
  /** Where a message went and the id Teams gave it, once sent (to replace it later); undefined until then. */
  sent(id: string): Promise<{ activityId: string; target: MessageTarget & { kind: "conversation" } } | undefined>;
}

/** The durable scheduler: job ids are deterministic, so scheduling twice is harmless. */
export interface JobQueue {
  schedule(job: { id: string; type: string; payload: Record<string, unknown>; dueAt: Date }): Promise<"scheduled" | "exists">;
}

export interface WorkingCalendar {
  /** n working days (England and Wales) after the UK date of `from`, at 09:00 UK time. */
  dueInWorkingDays(from: Date, n: number): Date;
}

/** What handlers may use. Built once at start-up; nothing per request lives here. */
export interface Services {
  config: Config;
  log: Logger;
  plans: PlanRepository;
  /** The live knowledge base: shipped entries plus the programme team's changes. */
  knowledge: KnowledgeBase;
  /** Knowledge-base changes, unanswered questions and answer feedback in Cosmos. */
  knowledgeStore: KnowledgeStore;
  interests: FormRecordStore<InterestDetails>;
  roles: FormRecordStore<RoleRecordDetails>;
  conversations: ConversationRepository;
  approvals: ApprovalStore;
  matches: MatchStore;
  /** Business cases (plan step 4), one per person. */
  businessCases: BusinessCaseStore;
  secondments: SecondmentStore;
  // Pipeline (programme team)
  /** Reads the statuses and dates the pipeline view counts (never names or free text). */
  pipeline: import("../../src/store/pipeline-source").PipelineSource;
  /** The people container (interests, roles, release requests and plans). */
  people: Container;
  /** Each person's chosen language (the "Cymraeg / English" switch). */
  preferences: PreferenceStore;
  /** The matching engine of this instance, caught up from the store on each use. */
  matching: import("../../src/pool/live-pool").LivePool;
  outbox: OutboundQueue;
  jobs: JobQueue;
  calendar: WorkingCalendar;
  /** Today in the UK and the organisations' duration caps, for the form rules. */
  rules(): RuleContext;
  now(): Date;
  /** The whole store: people's data (export, erasure, retention) reaches every container. */
  store: import("../../src/store/store").Store;
}

export type Scope = "personal" | "groupChat" | "channel";

/** Who pressed the button or sent the message, and where. */
export interface Caller {
  person: PersonId;
  scope: Scope;
  /** The conversation the message or button press came from. */
  conversationId: string;
  /** Display name Teams sent with the activity. */
  name?: string;
  /** The Teams user id (29:...) of the person, as the activity gave it. */
  userId: string;
  /** The Bot Connector service URL the activity came from (proactive messages in this tenant use it). */
  serviceUrl: string;
  /**
   * The language to answer in: the person's stored choice; else the Teams locale of the activity
   * ("cy", "cy-GB" give Welsh); else English. See languageFor().
   */
  lang: Lang;
  /** Name and email from the Teams roster, when Teams can give them (looked up on demand). */
  profile(): Promise<{ name?: string; email?: string }>;
}

export type Reply = { kind: "card"; card: AdaptiveCardJson } | { kind: "text"; text: string };

export const card = (c: AdaptiveCardJson): Reply => ({ kind: "card", card: c });
export const text = (t: string): Reply => ({ kind: "text", text: t });

/** A proactive message (through the outbox) carrying one card. */
export const message = (c: AdaptiveCardJson) => ({ type: "message", attachments: [{ contentType: CARD_CONTENT_TYPE, content: c }] });
/** A proactive message of plain words. */
export const note = (words: string) => ({ type: "message", text: words });

/** The language for a person: their stored choice, else what their Teams locale asks for, else English. */
export async function languageFor(s: Pick<Services, "preferences">, person: PersonId, locale?: unknown): Promise<Lang> {
  return (await s.preferences.language(person)) ?? langFromLocale(locale) ?? DEFAULT_LANG;
}
