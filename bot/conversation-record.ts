import type { Activity } from "botbuilder";
import type { PersonId } from "../src/domain/person";
import type { ConversationRecord } from "../src/store/conversations";
import type { Scope } from "./handlers/types";

/** Teams puts the tenant in two places; older clients only in channelData. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  return activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
}

export function scopeOf(activity: Partial<Activity>): Scope {
  const t = activity.conversation?.conversationType;
  if (t === "channel") return "channel";
  if (t === "groupChat" || activity.conversation?.isGroup) return "groupChat";
  return "personal";
}

/**
 * The person behind an activity. Teams always sends the AAD object id; other channels (and local
 * tools) may not, so we fall back to the channel's user id, prefixed so it can never collide.
 */
export function personOf(activity: Partial<Activity>): PersonId | undefined {
  const from = activity.from;
  if (!from?.id) return undefined;
  const tenantId = tenantOf(activity) ?? `channel:${activity.channelId ?? "unknown"}`;
  const aadObjectId = from.aadObjectId ?? `${activity.channelId ?? "unknown"}:${from.id}`;
  return { tenantId, aadObjectId };
}

/**
 * In a channel, every post is a thread and a reply's conversation id is the channel's id plus
 * ";messageid=<post>". Records and bindings are per channel, so proactive posts start new threads.
 */
export const channelRootOf = (id: string): string => id.split(";messageid=")[0]!;

/** What we keep so later features can message this conversation proactively. */
export function conversationRecordOf(activity: Partial<Activity>, now: Date): ConversationRecord | undefined {
  const tenantId = tenantOf(activity) ?? (activity.channelId ? `channel:${activity.channelId}` : undefined);
  if (!activity.conversation?.id || !activity.serviceUrl || !activity.recipient?.id || !tenantId || !activity.channelId) return undefined;
  const channelData = (activity.channelData ?? {}) as { team?: { id?: string; name?: string }; channel?: { id?: string; name?: string } };
  const scope = scopeOf(activity);
  const record: ConversationRecord = {
    conversationId: scope === "channel" ? (channelData.channel?.id ?? channelRootOf(activity.conversation.id)) : activity.conversation.id,
    serviceUrl: activity.serviceUrl,
    channelId: activity.channelId,
    tenantId,
    conversationType: scope,
    bot: { id: activity.recipient.id, ...(activity.recipient.name ? { name: activity.recipient.name } : {}) },
    installed: !(activity.type === "installationUpdate" && activity.action?.startsWith("remove")),
    updatedAt: now.toISOString(),
  };
  if (scope === "personal" && activity.from?.id) {
    record.user = {
      id: activity.from.id,
      ...(activity.from.aadObjectId ? { aadObjectId: activity.from.aadObjectId } : {}),
      ...(activity.from.name ? { name: activity.from.name } : {}),
      // from.id is the Teams user id (29:…) that card refresh lists name people by.
      teamsUserId: activity.from.id,
    };
  }
  if (channelData.team?.id) record.team = { id: channelData.team.id, ...(channelData.team.name ? { name: channelData.team.name } : {}) };
  if (channelData.channel?.id) {
    // Teams names a channel in its events' channel data; on a message in a channel other than
    // General (whose id is the team's, and which has no name), the conversation carries the name.
    const own = channelData.channel.id !== channelData.team?.id && channelRootOf(activity.conversation.id) === channelData.channel.id;
    const name = channelData.channel.name || (own ? activity.conversation.name : undefined);
    record.channel = { id: channelData.channel.id, ...(name ? { name } : {}) };
  }
  return record;
}
