import { DEFAULT_LANG, t, type Lang } from "../i18n";
import type { RoleDetails } from "./role";

/** Where a role's match notifications go: a team channel the app is installed in. */
export interface ChannelRef {
  conversationId: string;
  teamName?: string;
  channelName?: string;
  /**
   * The team's General channel. Teams sends no name for it (its id is the team's id), so it is
   * named when shown, in the reader's language, rather than stored in one.
   */
  general?: true;
}

/** What is stored for a role: the validated form plus the channel it is bound to. */
export interface RoleRecordDetails {
  form: RoleDetails;
  channel: ChannelRef;
}

/** The channel's own name: Teams' name for it, or "General" (in `lang`) for the team's General channel. */
export function channelNameOf(c: ChannelRef, lang: Lang = DEFAULT_LANG): string | undefined {
  return c.channelName ?? (c.general ? t(lang, "role.channel.general") : undefined);
}

/**
 * "Team: Channel" as Teams names them ("Finance: General" for the General channel, which Teams
 * leaves unnamed), or `fallback` (default "a team channel", in `lang`) when there are no names.
 */
export function channelLabel(c: ChannelRef, lang: Lang = DEFAULT_LANG, fallback: string = t(lang, "role.channel.aTeamChannel")): string {
  const channel = channelNameOf(c, lang);
  if (c.teamName && channel) return `${c.teamName}: ${channel}`;
  return c.teamName ?? channel ?? fallback;
}
