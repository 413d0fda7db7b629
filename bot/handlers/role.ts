import { renderCard, VERBS, type ActionModel } from "../../cards";
import { formValues } from "../../src/domain/forms";
import { ROLE_FIELDS, roleToForm, validateRole } from "../../src/domain/role";
import type { ChannelRef } from "../../src/domain/role-record";
import type { ConversationRecord } from "../../src/store/conversations";
import { newRoleId } from "../../src/store/records";
import { channelRootOf } from "../conversation-record";
import { buildForm } from "../forms/form-builder";
import { roleForm, type ChannelChoice } from "../forms/role-form";
import { roleFacts, STATUS_VIEW } from "./describe";
import { suggestExchanges, suggestForOpening, suggestQuietly } from "./matching";
import { card, type Caller, type Reply, type Services } from "./types";

export interface RoleRef {
  roleId?: string | undefined;
  version?: number | undefined;
}

const MENU: ActionModel = { title: "Menu", verb: VERBS.showMenu, data: {} };
const NOT_YOURS = "I could not find that role among the roles you offered. Only the person who offered a role can change it.";

const refOf = (r: ConversationRecord): ChannelRef => ({
  conversationId: r.conversationId,
  ...(r.team?.name ? { teamName: r.team.name } : {}),
  ...(r.channel?.name ? { channelName: r.channel.name } : {}),
});
const labelOf = (c: ChannelRef) => [c.teamName, c.channelName].filter(Boolean).join(": ") || "this channel";

/** The channels a role sent by this caller may be bound to. */
async function channelsFor(s: Services, caller: Caller): Promise<ChannelRef[]> {
  if (caller.scope === "channel") {
    const channelId = channelRootOf(caller.conversationId);
    const here = await s.conversations.get(caller.person.tenantId, channelId);
    return [here ? refOf(here) : { conversationId: channelId }];
  }
  return (await s.conversations.listChannels(caller.person.tenantId)).map(refOf);
}

function choiceFor(caller: Caller, channels: ChannelRef[]): ChannelChoice {
  return caller.scope === "channel"
    ? { kind: "this-channel", label: labelOf(channels[0]!) }
    : { kind: "pick", channels: channels.map((c) => ({ id: c.conversationId, label: labelOf(c) })) };
}

export async function start(s: Services, caller: Caller, ref: RoleRef): Promise<Reply> {
  const channels = await channelsFor(s, caller);
  if (ref.roleId) {
    const record = await s.roles.get(caller.person, ref.roleId);
    if (!record) return list(s, caller, NOT_YOURS);
    const content = roleForm({ roleId: ref.roleId, version: record.version, channel: choiceFor(caller, channels) });
    return card(renderCard("form", buildForm(content, { ...roleToForm(record.details.form), notificationChannel: record.details.channel.conversationId })));
  }
  return card(renderCard("form", buildForm(roleForm({ channel: choiceFor(caller, channels) }), {})));
}

export async function submit(s: Services, caller: Caller, raw: Record<string, unknown>, ref: RoleRef): Promise<Reply> {
  const channels = await channelsFor(s, caller);
  // Sent from a channel, the role belongs to that channel, whatever the card says.
  const input = caller.scope === "channel" ? { ...raw, notificationChannel: channelRootOf(caller.conversationId) } : raw;
  const result = validateRole(input, s.rules());
  const errors: Record<string, string> = result.ok ? {} : { ...result.errors };
  const channel = channels.find((c) => c.conversationId === input.notificationChannel);
  if (channels.length === 0) {
    errors.notificationChannel = "Add the Secondments app to the team that should hear about matches, then send this form again.";
  } else if (!errors.notificationChannel && !channel) {
    errors.notificationChannel = "Choose one of the channels in the list";
  }
  if (!result.ok || !channel) {
    const content = roleForm({
      ...(ref.roleId ? { roleId: ref.roleId } : {}),
      ...(ref.version !== undefined ? { version: ref.version } : {}),
      channel: choiceFor(caller, channels),
      ...(errors.notificationChannel ? { channelError: errors.notificationChannel } : {}),
    });
    return card(renderCard("form", buildForm(content, formValues(input, ROLE_FIELDS), errors)));
  }
  if (ref.roleId && !(await s.roles.get(caller.person, ref.roleId))) return list(s, caller, NOT_YOURS);
  const roleId = ref.roleId ?? newRoleId();
  const outcome = await s.roles.submit(
    { ...caller.person, ...(caller.name ? { name: caller.name } : {}) },
    roleId,
    { form: result.value, channel },
    ref.version,
    s.now(),
  );
  if (outcome.kind === "stale") {
    return list(s, caller, "This role changed after you opened that form, so we did not save it. Here is the latest version. Select Change to edit it again.");
  }
  s.log.info("role saved", { roleId, version: outcome.record.version, created: outcome.created });
  await suggestQuietly(s, async () => {
    await suggestForOpening(s, roleId, caller.serviceUrl, caller.person.tenantId);
    await suggestExchanges(s, caller.serviceUrl, caller.person.tenantId, roleId);
  });
  return list(
    s,
    caller,
    outcome.created
      ? `Thank you. We have your role. We will post possible matches in ${labelOf(channel)} once the programme team has checked them.`
      : "Your changes are saved.",
  );
}

/** "My roles": every role the person offered, with change and withdraw. */
export async function list(s: Services, caller: Caller, notice?: string): Promise<Reply> {
  const roles = await s.roles.list(caller.person);
  return card(
    renderCard("records", {
      title: "My roles",
      ...(notice ? { notice } : {}),
      empty: "You have not offered any roles yet.",
      items: roles.map((r) => ({
        heading: r.details.form.title,
        statusLabel: STATUS_VIEW[r.status].label,
        statusColor: STATUS_VIEW[r.status].color,
        facts: roleFacts(r.details),
        actions:
          r.status === "withdrawn"
            ? []
            : [
                { title: "Change", verb: VERBS.editRole, data: { roleId: r.id } },
                { title: "Withdraw", verb: VERBS.withdrawRole, data: { roleId: r.id, version: r.version } },
              ],
      })),
      cardActions: [{ title: "Offer a role", verb: VERBS.startRole, data: {} }, MENU],
    }),
  );
}

export async function askWithdraw(s: Services, caller: Caller, ref: RoleRef): Promise<Reply> {
  const record = ref.roleId ? await s.roles.get(caller.person, ref.roleId) : undefined;
  if (!record) return list(s, caller, NOT_YOURS);
  return card(
    renderCard("confirm", {
      title: `Withdraw "${record.details.form.title}"?`,
      paragraphs: [
        { text: "The programme team will stop looking for people for this role. We keep a record that you withdrew it." },
      ],
      confirm: { title: "Yes, withdraw", verb: VERBS.confirmWithdrawRole, data: { roleId: record.id, ...(ref.version !== undefined ? { version: ref.version } : {}) } },
      cancel: { title: "No, keep it", verb: VERBS.listRoles, data: {} },
    }),
  );
}

export async function withdraw(s: Services, caller: Caller, ref: RoleRef): Promise<Reply> {
  if (!ref.roleId) return list(s, caller, NOT_YOURS);
  const outcome = await s.roles.withdraw(caller.person, ref.roleId, ref.version, s.now());
  const notice = {
    withdrawn: "You have withdrawn the role.",
    "already-withdrawn": "That role was already withdrawn.",
    stale: "The role changed after you opened that card, so nothing was withdrawn. Check the latest version below.",
    missing: NOT_YOURS,
  }[outcome.kind];
  return list(s, caller, notice);
}
