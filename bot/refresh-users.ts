import type { ConversationRepository } from "../src/store/conversations";

/**
 * Teams refreshes a card by itself (Universal Actions) only for the people its refresh.userIds
 * names, by their Teams user ids (the 29:… MRIs that arrive as from.id), at most 60. Handlers build
 * cards naming people by Entra object id, the id every record keeps; this is the one place where
 * those become Teams user ids, from the people's stored 1:1 conversation references, just before a
 * card leaves (an invoke answer or an outbox message). People we have no Teams user id for are
 * left out: Teams would not recognise an Entra id there.
 */
export const MAX_REFRESH_USERS = 60;

type CardLike = { refresh?: { userIds?: unknown } };

function cardsIn(activityOrCard: Record<string, unknown>): CardLike[] {
  if ((activityOrCard as { type?: unknown }).type === "AdaptiveCard") return [activityOrCard as CardLike];
  const attachments = (activityOrCard as { attachments?: { contentType?: string; content?: unknown }[] }).attachments ?? [];
  return attachments.filter((a) => a.contentType === "application/vnd.microsoft.card.adaptive" && a.content && typeof a.content === "object").map((a) => a.content as CardLike);
}

/** Replace the Entra ids in every card's refresh.userIds with Teams user ids (in place; returns the same object). */
export async function withTeamsUserIds<T extends Record<string, unknown>>(conversations: ConversationRepository, tenantId: string, activityOrCard: T): Promise<T> {
  const cards = cardsIn(activityOrCard).filter((c) => Array.isArray(c.refresh?.userIds) && (c.refresh!.userIds as unknown[]).length > 0);
  if (!cards.length) return activityOrCard;
  const wanted = cards.flatMap((c) => (c.refresh!.userIds as unknown[]).filter((x): x is string => typeof x === "string"));
  const known = await conversations.teamsUserIds(tenantId, wanted.filter((id) => !id.startsWith("29:")));
  for (const c of cards) {
    const ids = (c.refresh!.userIds as unknown[]).filter((x): x is string => typeof x === "string");
    const mris = ids.map((id) => (id.startsWith("29:") ? id : known.get(id.toLowerCase()))).filter((x): x is string => Boolean(x));
    c.refresh!.userIds = [...new Set(mris)].slice(0, MAX_REFRESH_USERS);
  }
  return activityOrCard;
}
