import { renderCard } from "../render-card";
import { channelRootOf } from "../conversation-record";
import { t, type Lang } from "../../src/i18n";
import { channelLanguage } from "./match-cards";
import * as secondment from "./secondment";
import { card, type Caller, type Reply, type Services } from "./types";

/**
 * The bot in a team channel: what it does there, and the channel's language. Cards posted to a
 * channel (match notifications and their updates) go in the language its vacancy holder chose
 * with the "Cymraeg / English" button or by typing Cymraeg or English; until then, English.
 */

/** The channel welcome card, in `lang`, with the switch to the other language. */
export function channelWelcomeCard(lang: Lang, notes: { notice?: string; warning?: string } = {}): Reply {
  return card(renderCard("channel-welcome", { switchTo: lang === "cy" ? "en-GB" : "cy", ...notes }, lang));
}

/** The channel welcome card in the channel's own language (on install, or "help" in the channel). */
export async function channelWelcome(s: Services, tenantId: string, conversationId: string): Promise<Reply> {
  return channelWelcomeCard(await channelLanguage(s, tenantId, channelRootOf(conversationId)));
}

/**
 * Whether the caller may choose this channel's language: the vacancy holder of a role whose
 * matches come to this channel, or a programme-team member.
 */
async function mayChooseLanguage(s: Services, caller: Caller, channelId: string): Promise<boolean> {
  if (secondment.isProgrammeTeam(s, caller.person)) return true;
  const roles = await s.roles.list(caller.person);
  return roles.some((r) => r.status !== "withdrawn" && r.details.channel.conversationId === channelId);
}

/** The "Cymraeg / English" switch pressed or typed in a channel: the channel's language, not the person's. */
export async function setChannelLanguage(s: Services, caller: Caller, lang: Lang): Promise<Reply> {
  const channelId = channelRootOf(caller.conversationId);
  if (!(await mayChooseLanguage(s, caller, channelId))) {
    // The card stays as the channel has it; the warning says why nothing changed.
    const current = await channelLanguage(s, caller.person.tenantId, channelId);
    return channelWelcomeCard(current, { warning: t(current, "channel.lang.onlyHost") });
  }
  await s.conversations.setLanguage(caller.person.tenantId, channelId, lang, s.now());
  s.log.info("channel language chosen", { lang });
  return channelWelcomeCard(lang, { notice: t(lang, "channel.lang.now") });
}
