import { DEFAULT_LANG, t, type Lang } from "../i18n";
import type { RoleDetails } from "./role";

/** Where a role's match notifications go: a team channel the app is installed in. */
export interface ChannelRef {
  conversationId: string;
  teamName?: string;
  channelName?: string;
}

/** What is stored for a role: the validated form plus the channel it is bound to. */
export interface RoleRecordDetails {
  form: RoleDetails;
  channel: ChannelRef;
}

/** "Team: Channel" as Teams names them, or "a team channel" (in `lang`) when Teams gave no names. */
export function channelLabel(c: ChannelRef, lang: Lang = DEFAULT_LANG): string {
  if (c.teamName && c.channelName) return `${c.teamName}: ${c.channelName}`;
  return c.teamName ?? c.channelName ?? t(lang, "role.channel.aTeamChannel");
}
