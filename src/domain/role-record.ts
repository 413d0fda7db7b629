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

export function channelLabel(c: ChannelRef): string {
  if (c.teamName && c.channelName) return `${c.teamName}: ${c.channelName}`;
  return c.teamName ?? c.channelName ?? "a team channel";
}
