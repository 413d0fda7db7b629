import { VERBS } from "../../cards";
import { gradesIn, RANGE_GRADES } from "../../src/domain/grades";
import { choicesIn, CLEARANCE_LEVELS, ORGANISATION_TYPES, REGIONS, SECONDMENT_TYPES, WORK_ARRANGEMENTS, type Choice } from "../../src/domain/options";
import { OWN_SKILL_CHOICE, SKILLS } from "../../src/domain/skills";
import { DEFAULT_LANG, t, type Lang } from "../../src/i18n";
import type { FieldSpec, FormContent, SectionSpec } from "./form-builder";

export type ChannelChoice =
  /** Sent from a team channel: matches go to that channel. */
  | { kind: "this-channel"; label: string }
  /** Sent from a chat: the person picks one of the channels the app is in. */
  | { kind: "pick"; channels: readonly Choice[] };

function channelSection(lang: Lang, channel: ChannelChoice, error: string | undefined): SectionSpec {
  const heading = t(lang, "role.section.channel");
  if (channel.kind === "this-channel") return { heading, note: t(lang, "role.channel.here", { channel: channel.label }), fields: [] };
  if (channel.channels.length === 0) return { heading, note: error ?? t(lang, "role.channel.noneYet"), fields: [] };
  return {
    heading,
    fields: [
      {
        id: "notificationChannel",
        kind: "choice",
        label: t(lang, "role.label.notificationChannel"),
        required: true,
        requiredMessage: t(lang, "role.required.notificationChannel"),
        choices: channel.channels,
      },
    ],
  };
}

/**
 * The Role Matching form: its shape and limits. The words are in the message catalogue
 * ("role.label.<field>", "role.hint.…", "role.required.<field>"); the rules live in src/domain/role.ts.
 */
export function roleForm(o: { roleId?: string; version?: number; channel: ChannelChoice; channelError?: string; lang?: Lang }): FormContent {
  const lang = o.lang ?? DEFAULT_LANG;
  const m = (key: string) => t(lang, key);
  const editing = o.roleId !== undefined;
  /** A field with its label (and required message, if required) from the catalogue. */
  const f = (id: string, spec: Omit<FieldSpec, "id" | "label" | "requiredMessage"> & { hintKey?: string }): FieldSpec => {
    const { hintKey, ...rest } = spec;
    return {
      id,
      label: m(`role.label.${id}`),
      ...rest,
      ...(hintKey ? { hint: m(hintKey) } : {}),
      ...(spec.required ? { requiredMessage: m(`role.required.${id}`) } : {}),
    };
  };
  const skills = choicesIn(lang, "skill", SKILLS);
  const grades = gradesIn(lang, RANGE_GRADES);
  return {
    lang,
    title: m(editing ? "role.title.edit" : "role.title.new"),
    intro: m("role.intro"),
    sections: [
      {
        heading: m("role.section.role"),
        fields: [
          f("title", { kind: "text", required: true, maxLength: 120 }),
          f("hostOrganisationType", { kind: "choice", required: true, choices: choicesIn(lang, "organisationType", ORGANISATION_TYPES) }),
          f("hostOrganisation", { kind: "text", required: true, maxLength: 120 }),
          f("team", { kind: "text", required: true, maxLength: 120 }),
          f("purpose", { kind: "multiline", required: true, maxLength: 1000 }),
          f("deliverables", { kind: "multiline", required: true, maxLength: 1000 }),
        ],
      },
      {
        heading: m("role.section.skills"),
        fields: [
          // Required on the card: a skill not in the list is "Something else", typed below.
          f("requiredSkills", { kind: "multi", hintKey: "role.hint.requiredSkills", required: true, choices: [...skills, { id: OWN_SKILL_CHOICE, label: m("role.choice.ownSkill") }] }),
          f("requiredSkillsOther", { kind: "text", hintKey: "role.hint.requiredSkillsOther", maxLength: 1000 }),
          f("niceSkills", { kind: "multi", hintKey: "role.hint.skills", choices: skills }),
          f("niceSkillsOther", { kind: "text", hintKey: "role.hint.otherSkills", maxLength: 1000 }),
          f("gradeMin", { kind: "choice", required: true, choices: grades }),
          f("gradeMax", { kind: "choice", required: true, choices: grades }),
        ],
      },
      {
        heading: m("role.section.where"),
        fields: [
          f("region", { kind: "choice", required: true, choices: choicesIn(lang, "region", REGIONS) }),
          f("town", { kind: "text", required: true, maxLength: 80 }),
          f("workArrangements", { kind: "multi", choices: choicesIn(lang, "workArrangement", WORK_ARRANGEMENTS), expanded: true }),
          f("secondmentTypes", { kind: "multi", required: true, choices: choicesIn(lang, "secondmentType", SECONDMENT_TYPES), expanded: true }),
          f("partTimePossible", { kind: "toggle", toggleTitle: m("role.toggle.partTime") }),
          f("minDaysPerWeek", { kind: "number", hintKey: "role.hint.minDaysPerWeek", min: 1, max: 4.5 }),
          f("startDate", { kind: "date", required: true }),
          f("durationMonths", { kind: "number", required: true, min: 1, max: 60 }),
          f("clearanceRequired", { kind: "choice", required: true, choices: choicesIn(lang, "clearance", CLEARANCE_LEVELS) }),
          f("openings", { kind: "number", required: true, min: 1, max: 50 }),
        ],
      },
      channelSection(lang, o.channel, o.channelError),
    ],
    submit: {
      title: m(editing ? "role.submit.edit" : "role.submit.new"),
      verb: VERBS.submitRole,
      data: { ...(o.roleId ? { roleId: o.roleId } : {}), ...(o.version !== undefined ? { version: o.version } : {}) },
    },
    secondary: [{ title: m("role.cancel"), verb: VERBS.showMenu, data: {} }],
  };
}
