import type { Container } from "@azure/cosmos";
import type { PersonId } from "../domain/person";
import type { Lang } from "../i18n";
import { cosmosCode, readItem, updateItem } from "../store/store";
import type { Identity } from "./identity";

/**
 * An erasure under way. Written before anything is told or deleted, and deleted once the erasure
 * is done, so an erasure cut off part way (the store stopped answering) is found and finished by a
 * scheduled job even if the person never asks again (bot/handlers/privacy.ts, RESUME_ERASURE).
 *
 * It holds what finishing needs and nothing more: who (their ids, names and emails as first found,
 * since records that held them may already be gone), where to tell them it is done and in what
 * language, and which open roles the programme team has already been told went (so the notice is
 * sent once, even when some of those roles were deleted before the cut). One per person, in the
 * `privacy` container under their pseudonym; erasure itself leaves it alone (registry.ts).
 */
export const ERASURE_PENDING = "erasure-pending";

export interface PendingErasure {
  type: typeof ERASURE_PENDING;
  /** The erasure's pseudonym (also the partition key); what the job names instead of the person. */
  of: string;
  person: PersonId;
  /** How the first look found them: ids (Teams user ids, chat ids), names and emails, lower case. */
  known: { ids: string[]; names: string[]; emails: string[] };
  serviceUrl: string;
  /** Their 1:1 chat with the bot, where they asked: told there, so no chat reference is stored again. */
  conversationId?: string;
  lang: Lang;
  startedAt: string;
  /** Ids of the open roles the programme team has been told went. */
  rolesTold: string[];
  /**
   * How many times the daily retention job started a fresh resume job after the last one gave up
   * (at most MAX_RENEWALS), and whether the programme team was told it stopped trying.
   */
  renewals?: number;
  gaveUp?: boolean;
}

/** A stuck erasure is tried again this many times (once a day at most), then left to people. */
export const MAX_RENEWALS = 3;

export class PendingErasures {
  constructor(private readonly container: Container) {}

  get(of: string): Promise<PendingErasure | undefined> {
    return readItem<PendingErasure>(this.container, ERASURE_PENDING, of);
  }

  /** Record that an erasure has started (or add to the one already under way); returns it as stored. */
  async start(who: Identity, o: { serviceUrl: string; conversationId?: string | undefined; lang: Lang; now: Date }): Promise<PendingErasure> {
    const { doc } = await updateItem<PendingErasure>(this.container, ERASURE_PENDING, who.pseudonym, (current) => {
      const union = (a: string[] | undefined, b: string[]) => [...new Set([...(a ?? []), ...b])];
      return {
        type: ERASURE_PENDING,
        of: who.pseudonym,
        person: { tenantId: who.person.tenantId, aadObjectId: who.person.aadObjectId },
        known: { ids: union(current?.known.ids, who.ids), names: union(current?.known.names, who.names), emails: union(current?.known.emails, who.emails) },
        serviceUrl: o.serviceUrl,
        ...(o.conversationId ? { conversationId: o.conversationId } : current?.conversationId ? { conversationId: current.conversationId } : {}),
        lang: o.lang,
        startedAt: current?.startedAt ?? o.now.toISOString(),
        rolesTold: current?.rolesTold ?? [],
      };
    });
    if (!doc) throw new Error("the store returned no document");
    return doc;
  }

  /** Remember that the programme team was told these roles went (etag-guarded). */
  async told(of: string, roleIds: string[]): Promise<void> {
    if (!roleIds.length) return;
    await updateItem<PendingErasure>(this.container, ERASURE_PENDING, of, (current) =>
      current && roleIds.some((id) => !current.rolesTold.includes(id)) ? { ...current, rolesTold: [...new Set([...current.rolesTold, ...roleIds])] } : undefined,
    );
  }

  /** Erasures started before `before` and not finished yet (keys and dates are all the caller needs). */
  async startedBefore(before: Date): Promise<PendingErasure[]> {
    const { resources } = await this.container.items
      .query<PendingErasure>({ query: "SELECT * FROM c WHERE c.type = @t AND c.startedAt < @b", parameters: [{ name: "@t", value: ERASURE_PENDING }, { name: "@b", value: before.toISOString() }] })
      .fetchAll();
    return resources;
  }

  /**
   * Count one more renewal (etag-guarded: of two instances, one wins): the new count, or "gaveUp"
   * the once the renewals are spent, or undefined when there is nothing left to do (or it is gone).
   */
  async renew(of: string): Promise<number | "gaveUp" | undefined> {
    let out: number | "gaveUp" | undefined;
    await updateItem<PendingErasure>(this.container, ERASURE_PENDING, of, (current) => {
      out = undefined;
      if (!current || current.gaveUp) return undefined;
      const done = current.renewals ?? 0;
      out = done < MAX_RENEWALS ? done + 1 : "gaveUp";
      return out === "gaveUp" ? { ...current, gaveUp: true } : { ...current, renewals: out };
    });
    return out;
  }

  /** The erasure is done: forget it (and with it the last of the person's ids here). */
  async done(of: string): Promise<void> {
    try {
      await this.container.item(ERASURE_PENDING, of).delete();
    } catch (err) {
      if (cosmosCode(err) !== 404) throw err;
    }
  }
}
