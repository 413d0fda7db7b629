import { VERBS, type ActionModel } from "../../cards";
import { renderCard } from "../render-card";
import { formValues } from "../../src/domain/forms";
import { ROLE_FIELDS, roleToForm, validateRole } from "../../src/domain/role";
import { channelLabel, type ChannelRef } from "../../src/domain/role-record";
import type { ConversationRecord } from "../../src/store/conversations";
import { newRoleId } from "../../src/store/records";
import { channelRootOf } from "../conversation-record";
import { buildForm } from "../forms/form-builder";
import { roleForm, type ChannelChoice } from "../forms/role-form";
import { roleFacts, STATUS_VIEW } from "./describe";
import { suggestExchanges, suggestForOpening, suggestQuietly } from "./matching";
import { brokenLines, endRoleMatches, matchLines, openMatchesOf, recheckRoleMatches } from "./role-matches";
import { endsWithRole } from "../../src/domain/match";
import { t, type Lang } from "../../src/i18n";
import { secondmentIdFor } from "../../src/domain/secondment";
import { roleStage, roleStageLabel, takenByRole } from "../../src/domain/stage";
import { card, type Caller, type Reply, type Services } from "./types";

export interface RoleRef {
  roleId?: string | undefined;
  version?: number | undefined;
}

const menu = (lang: Lang): ActionModel => ({ title: t(lang, "common.menu"), verb: VERBS.showMenu, data: {} });
const notYours = (lang: Lang) => t(lang, "role.notYours");

/**
 * A channel as a role stores it. The General channel's id is the team's id, and Teams sends it no
 * name. Teams names the team when the app is added to it (the General channel's record), not on
 * each channel's messages: `teamName` is that name, for a record that lacks it.
 */
const refOf = (r: ConversationRecord, teamName = r.team?.name): ChannelRef => ({
  conversationId: r.conversationId,
  ...(teamName ? { teamName } : {}),
  ...(r.channel?.name ? { channelName: r.channel.name } : r.team?.id && channelRootOf(r.conversationId) === r.team.id ? { general: true as const } : {}),
});
const labelOf = (c: ChannelRef, lang: Lang) => channelLabel(c, lang, t(lang, "role.channel.thisChannel"));

/** The channels a role sent by this caller may be bound to. */
async function channelsFor(s: Services, caller: Caller): Promise<ChannelRef[]> {
  if (caller.scope === "channel") {
    const channelId = channelRootOf(caller.conversationId);
    const here = await s.conversations.get(caller.person.tenantId, channelId);
    if (!here) return [{ conversationId: channelId }];
    const team = here.team && !here.team.name && here.team.id !== channelId ? await s.conversations.get(caller.person.tenantId, here.team.id) : undefined;
    return [refOf(here, here.team?.name ?? team?.team?.name)];
  }
  const channels = await s.conversations.listChannels(caller.person.tenantId);
  const teamNames = new Map(channels.flatMap((r) => (r.team?.name ? [[r.team.id, r.team.name] as const] : [])));
  return channels.map((r) => refOf(r, r.team?.name ?? (r.team ? teamNames.get(r.team.id) : undefined)));
}

/** Editing a role keeps its stored channel on offer, even when this run has not seen that channel (or cannot list it). */
function withStored(caller: Caller, channels: ChannelRef[], stored: ChannelRef | undefined): ChannelRef[] {
  if (caller.scope === "channel" || !stored || channels.some((c) => c.conversationId === stored.conversationId)) return channels;
  return [...channels, stored];
}

function choiceFor(caller: Caller, channels: ChannelRef[]): ChannelChoice {
  return caller.scope === "channel"
    ? { kind: "this-channel", label: labelOf(channels[0]!, caller.lang) }
    : { kind: "pick", channels: channels.map((c) => ({ id: c.conversationId, label: labelOf(c, caller.lang) })) };
}

export async function start(s: Services, caller: Caller, ref: RoleRef): Promise<Reply> {
  const listed = await channelsFor(s, caller);
  if (ref.roleId) {
    const record = await s.roles.get(caller.person, ref.roleId);
    if (!record) return list(s, caller, notYours(caller.lang));
    const channels = withStored(caller, listed, record.details.channel);
    const content = roleForm({ roleId: ref.roleId, version: record.version, channel: choiceFor(caller, channels), lang: caller.lang });
    return card(renderCard("form", buildForm(content, { ...roleToForm(record.details.form), notificationChannel: record.details.channel.conversationId }), caller.lang));
  }
  return card(renderCard("form", buildForm(roleForm({ channel: choiceFor(caller, listed), lang: caller.lang }), {}), caller.lang));
}

export async function submit(s: Services, caller: Caller, raw: Record<string, unknown>, ref: RoleRef): Promise<Reply> {
  const existing = ref.roleId ? await s.roles.get(caller.person, ref.roleId) : undefined;
  if (ref.roleId && !existing) return list(s, caller, notYours(caller.lang));
  const channels = withStored(caller, await channelsFor(s, caller), existing?.details.channel);
  // Sent from a channel, the role belongs to that channel, whatever the card says.
  const input = caller.scope === "channel" ? { ...raw, notificationChannel: channelRootOf(caller.conversationId) } : raw;
  const result = validateRole(input, s.rules(), caller.lang);
  const errors: Record<string, string> = result.ok ? {} : { ...result.errors };
  const channel = channels.find((c) => c.conversationId === input.notificationChannel);
  if (channels.length === 0) {
    errors.notificationChannel = t(caller.lang, "role.channel.addApp");
  } else if (!errors.notificationChannel && !channel) {
    errors.notificationChannel = t(caller.lang, "role.channel.pickFromList");
  }
  if (!result.ok || !channel) {
    const content = roleForm({
      ...(ref.roleId ? { roleId: ref.roleId } : {}),
      ...(ref.version !== undefined ? { version: ref.version } : {}),
      channel: choiceFor(caller, channels),
      ...(errors.notificationChannel ? { channelError: errors.notificationChannel } : {}),
      lang: caller.lang,
    });
    return card(renderCard("form", buildForm(content, formValues(input, ROLE_FIELDS), errors), caller.lang));
  }
  const roleId = ref.roleId ?? newRoleId();
  const outcome = await s.roles.submit(
    { ...caller.person, ...(caller.name ? { name: caller.name } : {}) },
    roleId,
    { form: result.value, channel },
    ref.version,
    s.now(),
  );
  if (outcome.kind === "stale") {
    return list(s, caller, t(caller.lang, "role.stale"));
  }
  s.log.info("role saved", { roleId, version: outcome.record.version, created: outcome.created });
  await suggestQuietly(s, async () => {
    await suggestForOpening(s, roleId, caller.serviceUrl, caller.person.tenantId);
    await suggestExchanges(s, caller.serviceUrl, caller.person.tenantId, roleId);
  });
  if (outcome.created) return list(s, caller, t(caller.lang, "role.saved", { channel: labelOf(channel, caller.lang) }));
  // A change may leave a match in play outside the matching rules: say which, and tell the programme team.
  const flagged = await recheckRoleMatches(
    s,
    { id: roleId, version: outcome.record.version, title: result.value.title, organisation: result.value.hostOrganisation, owner: caller.person, ownerName: outcome.record.owner.name ?? caller.name },
    caller.serviceUrl,
  );
  return list(s, caller, flagged.length ? t(caller.lang, "role.changed.rulesBroken", { count: flagged.length, lines: brokenLines(caller.lang, flagged) }) : t(caller.lang, "role.changesSaved"));
}

/** "My roles": every role the person offered, with change and withdraw. */
export async function list(s: Services, caller: Caller, notice?: string): Promise<Reply> {
  const lang = caller.lang;
  const m = (key: string) => t(lang, key);
  const roles = await s.roles.list(caller.person);
  const taken = await openingsTaken(s, caller);
  // A sent role reads as the Programme tab and the roles CSV read it (roleStage): open, filled or withdrawn.
  const stage = (r: (typeof roles)[number]): { label: string; color: "default" | "good" | "warning" | "accent" } => {
    if (r.status === "draft") return { label: m("role.status.draft"), color: STATUS_VIEW.draft.color };
    const st = roleStage(r.status, r.details.form.openings, taken.get(r.id) ?? 0);
    return { label: roleStageLabel(lang, st), color: st === "withdrawn" ? "warning" : st === "filled" ? "accent" : "good" };
  };
  return card(
    renderCard(
      "records",
      {
        title: m("role.list.title"),
        ...(notice ? { notice } : {}),
        empty: m("role.list.empty"),
        items: roles.map((r) => ({
          heading: r.details.form.title,
          statusLabel: stage(r).label,
          statusColor: stage(r).color,
          facts: roleFacts(r.details, lang),
          actions:
            r.status === "withdrawn"
              ? []
              : [
                  { title: m("role.list.change"), verb: VERBS.editRole, data: { roleId: r.id } },
                  { title: m("role.list.withdraw"), verb: VERBS.withdrawRole, data: { roleId: r.id, version: r.version } },
                ],
        })),
        cardActions: [{ title: m("role.list.offer"), verb: VERBS.startRole, data: {} }, menu(lang)],
      },
      lang,
    ),
  );
}

/** How many openings of the caller's roles are taken (roleStage), by role id: from their matches and those matches' secondments. */
async function openingsTaken(s: Services, caller: Caller): Promise<Map<string, number>> {
  const key = `${caller.person.tenantId}:${caller.person.aadObjectId}`;
  const going = (await s.matches.involving(key)).filter((x) => x.opening.ownerKey === key && x.status === "agreeing");
  const withSecondment = await Promise.all(going.map(async (x) => ({ openingId: x.opening.id, status: x.status, secondment: (await s.secondments.get(secondmentIdFor(x.id)))?.status })));
  return takenByRole(withSecondment);
}

export async function askWithdraw(s: Services, caller: Caller, ref: RoleRef): Promise<Reply> {
  const record = ref.roleId ? await s.roles.get(caller.person, ref.roleId) : undefined;
  const lang = caller.lang;
  if (!record) return list(s, caller, notYours(lang));
  return card(
    renderCard(
      "confirm",
      {
        title: t(lang, "role.withdraw.title", { title: record.details.form.title }),
        paragraphs: [{ text: t(lang, "role.withdraw.body") }, ...(await matchesWarning(s, caller, record.id))],
        confirm: { title: t(lang, "role.withdraw.yes"), verb: VERBS.confirmWithdrawRole, data: { roleId: record.id, ...(ref.version !== undefined ? { version: ref.version } : {}) } },
        cancel: { title: t(lang, "role.withdraw.no"), verb: VERBS.listRoles, data: {} },
      },
      lang,
    ),
  );
}

/** Before withdrawing: which matches end with the role, and which go on because they are already going ahead. */
async function matchesWarning(s: Services, caller: Caller, roleId: string): Promise<{ text: string }[]> {
  const open = await openMatchesOf(s, caller.person, roleId);
  const ending = open.filter(endsWithRole);
  const agreeing = open.filter((m) => m.status === "agreeing");
  const lang = caller.lang;
  return [
    ...(ending.length ? [{ text: t(lang, "role.withdraw.endsMatches", { count: ending.length, lines: matchLines(lang, ending) }) }] : []),
    ...(agreeing.length ? [{ text: t(lang, "role.withdraw.keepsAgreeing", { count: agreeing.length, lines: matchLines(lang, agreeing) }) }] : []),
  ];
}

export async function withdraw(s: Services, caller: Caller, ref: RoleRef): Promise<Reply> {
  if (!ref.roleId) return list(s, caller, notYours(caller.lang));
  const outcome = await s.roles.withdraw(caller.person, ref.roleId, ref.version, s.now());
  if (outcome.kind === "withdrawn" || outcome.kind === "already-withdrawn") {
    // Also on a second press: a withdrawal cut off part way ends the matches it had not ended.
    const f = outcome.record.details.form;
    const { ended } = await endRoleMatches(s, { id: ref.roleId, title: f.title, organisation: f.hostOrganisation, owner: caller.person, ownerName: outcome.record.owner.name ?? caller.name }, caller.serviceUrl, outcome.kind === "withdrawn");
    s.log.info("role withdrawn", { roleId: ref.roleId, matchesEnded: ended.length });
    if (outcome.kind === "withdrawn" && ended.length) return list(s, caller, t(caller.lang, "role.withdraw.doneEnded", { count: ended.length }));
  }
  const key = { withdrawn: "role.withdraw.done", "already-withdrawn": "role.withdraw.already", stale: "role.withdraw.stale", missing: "role.notYours" }[outcome.kind];
  return list(s, caller, t(caller.lang, key));
}
