import type { AdaptiveCardJson } from "../../cards";
import type { Config } from "../../src/config";
import type { PersonId } from "../../src/domain/person";
import type { Faq } from "../../src/faq/search";
import type { Logger } from "../../src/log";
import type { PlanRepository } from "../../src/store/plans";

/** What handlers may use. Built once at start-up; nothing per request lives here. */
export interface Services {
  config: Config;
  log: Logger;
  plans: PlanRepository;
  faq: Faq;
  now(): Date;
}

export type Scope = "personal" | "groupChat" | "channel";

/** Who pressed the button or sent the message, and where. */
export interface Caller {
  person: PersonId;
  scope: Scope;
}

export type Reply = { kind: "card"; card: AdaptiveCardJson } | { kind: "text"; text: string };

export const card = (c: AdaptiveCardJson): Reply => ({ kind: "card", card: c });
export const text = (t: string): Reply => ({ kind: "text", text: t });
