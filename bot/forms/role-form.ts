import { VERBS } from "../../cards";
import { RANGE_GRADES } from "../../src/domain/grades";
import { CLEARANCE_LEVELS, ORGANISATION_TYPES, REGIONS, SECONDMENT_TYPES, WORK_ARRANGEMENTS, type Choice } from "../../src/domain/options";
import { SKILLS } from "../../src/domain/skills";
import type { FormContent, SectionSpec } from "./form-builder";

const OTHER_HINT = "Separate skills with commas.";

export type ChannelChoice =
  /** Sent from a team channel: matches go to that channel. */
  | { kind: "this-channel"; label: string }
  /** Sent from a chat: the person picks one of the channels the app is in. */
  | { kind: "pick"; channels: readonly Choice[] };

function channelSection(channel: ChannelChoice, error: string | undefined): SectionSpec {
  if (channel.kind === "this-channel") {
    return { heading: "Where we tell you about matches", note: `We will post possible matches in this channel (${channel.label}).`, fields: [] };
  }
  if (channel.channels.length === 0) {
    return {
      heading: "Where we tell you about matches",
      note:
        error ??
        "I am not in any team channel yet. Add the Secondments app to the team that should hear about matches, then send this form again.",
      fields: [],
    };
  }
  return {
    heading: "Where we tell you about matches",
    fields: [
      {
        id: "notificationChannel",
        kind: "choice",
        label: "Channel for match notifications",
        required: true,
        requiredMessage: "Choose the channel where we should tell you about matches",
        choices: channel.channels,
      },
    ],
  };
}

/** The Role Matching form: labels and limits. The rules live in src/domain/role.ts. */
export function roleForm(o: { roleId?: string; version?: number; channel: ChannelChoice; channelError?: string }): FormContent {
  const editing = o.roleId !== undefined;
  return {
    title: editing ? "Change your role" : "Offer a role for a secondee",
    intro: "Tell the programme team about the role. When they find a possible match, we tell your team and you meet the person for an informal chat.",
    sections: [
      {
        heading: "The role",
        fields: [
          { id: "title", kind: "text", label: "Role title", required: true, requiredMessage: "Enter the role title", maxLength: 120 },
          { id: "hostOrganisationType", kind: "choice", label: "Type of organisation", required: true, requiredMessage: "Select the type of organisation", choices: ORGANISATION_TYPES },
          { id: "hostOrganisation", kind: "text", label: "Organisation name", required: true, requiredMessage: "Enter the name of your organisation", maxLength: 120 },
          { id: "team", kind: "text", label: "Team", required: true, requiredMessage: "Enter the name of the team", maxLength: 120 },
          { id: "purpose", kind: "multiline", label: "What the role is for", required: true, requiredMessage: "Enter what the role is for", maxLength: 1000 },
          { id: "deliverables", kind: "multiline", label: "What the secondee will deliver", required: true, requiredMessage: "Enter what the secondee will deliver", maxLength: 1000 },
        ],
      },
      {
        heading: "Skills and grade",
        fields: [
          { id: "requiredSkills", kind: "multi", label: "Skills the role needs", hint: "Choose from the list, add your own below, or both.", choices: SKILLS },
          { id: "requiredSkillsOther", kind: "text", label: "Other skills the role needs", hint: OTHER_HINT, maxLength: 1000 },
          { id: "niceSkills", kind: "multi", label: "Skills that would be useful (optional)", choices: SKILLS },
          { id: "niceSkillsOther", kind: "text", label: "Other useful skills (optional)", hint: OTHER_HINT, maxLength: 1000 },
          { id: "gradeMin", kind: "choice", label: "Lowest grade", required: true, requiredMessage: "Select the lowest grade", choices: RANGE_GRADES },
          { id: "gradeMax", kind: "choice", label: "Highest grade", required: true, requiredMessage: "Select the highest grade", choices: RANGE_GRADES },
        ],
      },
      {
        heading: "Where and when",
        fields: [
          { id: "region", kind: "choice", label: "Region", required: true, requiredMessage: "Select the region", choices: REGIONS },
          { id: "town", kind: "text", label: "Town or city", required: true, requiredMessage: "Enter the town or city", maxLength: 80 },
          { id: "workArrangements", kind: "multi", label: "How the secondee could work (optional)", choices: WORK_ARRANGEMENTS, expanded: true },
          { id: "secondmentTypes", kind: "multi", label: "Types of secondment you accept", required: true, requiredMessage: "Select at least one type of secondment", choices: SECONDMENT_TYPES, expanded: true },
          { id: "partTimePossible", kind: "toggle", label: "Part-time", toggleTitle: "The role can be done part-time" },
          { id: "minDaysPerWeek", kind: "number", label: "Fewest days a week, if part-time", hint: "From 1 to 4.5, in half days.", min: 1, max: 4.5 },
          { id: "startDate", kind: "date", label: "Start date", required: true, requiredMessage: "Enter the start date" },
          { id: "durationMonths", kind: "number", label: "Length in months", required: true, requiredMessage: "Enter the length in months", min: 1, max: 60 },
          { id: "clearanceRequired", kind: "choice", label: "Security clearance needed", required: true, requiredMessage: "Select the clearance needed", choices: CLEARANCE_LEVELS },
          { id: "openings", kind: "number", label: "Number of secondees", required: true, requiredMessage: "Enter the number of secondees", min: 1, max: 50 },
        ],
      },
      channelSection(o.channel, o.channelError),
    ],
    submit: {
      title: editing ? "Save changes" : "Send",
      verb: VERBS.submitRole,
      data: { ...(o.roleId ? { roleId: o.roleId } : {}), ...(o.version !== undefined ? { version: o.version } : {}) },
    },
    secondary: [{ title: "Cancel", verb: VERBS.showMenu, data: {} }],
  };
}
