import type { AdaptiveCardJson } from "../../cards";
import type { Config } from "../../src/config";
import type { PersonId } from "../../src/domain/person";
import type { Faq } from "../../src/faq/search";
import type { Logger } from "../../src/log";
import type { InterestDetails } from "../../src/domain/interest";
import type { RuleContext } from "../../src/domain/forms";
import type { RoleRecordDetails } from "../../src/domain/role-record";
import type { ConversationRepository } from "../../src/store/conversations";
import type { PlanRepository } from "../../src/store/plans";
import type { FormRecordStore } from "../../src/store/records";

/** What handlers may use. Built once at start-up; nothing per request lives here. */
export interface Services {
  config: Config;
  log: Logger;
  plans: PlanRepository;
  faq: Faq;
  interests: FormRecordStore<InterestDetails>;
  roles: FormRecordStore<RoleRecordDetails>;
  conversations: ConversationRepository;
  /** Today in the UK and the organisations' duration caps, for the form rules. */
  rules(): RuleContext;
  now(): Date;
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
  /** Name and email from the Teams roster, when Teams can give them (looked up on demand). */
  profile(): Promise<{ name?: string; email?: string }>;
}

export type Reply = { kind: "card"; card: AdaptiveCardJson } | { kind: "text"; text: string };

export const card = (c: AdaptiveCardJson): Reply => ({ kind: "card", card: c });
export const text = (t: string): Reply => ({ kind: "text", text: t });
