import { VERBS } from "../../cards";
import { GRADES } from "../../src/domain/grades";
import {
  CLEARANCE_LEVELS,
  CONTRACT_TYPES,
  LANGUAGES,
  ORGANISATION_TYPES,
  REGIONS,
  SECONDMENT_TYPES,
  WORK_ARRANGEMENTS,
  WORKING_PATTERNS,
} from "../../src/domain/options";
import { SKILLS } from "../../src/domain/skills";
import type { FormContent } from "./form-builder";

const SKILLS_HINT = "Choose from the list, add your own below, or both.";
const OTHER_HINT = "Separate skills with commas.";

/** The Expression of Interest form: labels and limits. The rules live in src/domain/interest.ts. */
export function interestForm(o: { editing: boolean; version?: number }): FormContent {
  return {
    title: o.editing ? "Change your expression of interest" : "Express interest in a secondment",
    intro:
      "Tell the programme team about you and the secondment you want. It takes about 10 minutes. Sending this does not guarantee a match.",
    sections: [
      {
        heading: "About you",
        note: "We filled in what Teams knows about you. Check it is right.",
        fields: [
          { id: "fullName", kind: "text", label: "Full name", required: true, requiredMessage: "Enter your full name", maxLength: 100 },
          { id: "email", kind: "text", label: "Work email address", required: true, requiredMessage: "Enter your email address", maxLength: 254 },
          { id: "organisationType", kind: "choice", label: "Type of organisation you work for", required: true, requiredMessage: "Select the type of organisation you work for", choices: ORGANISATION_TYPES },
          { id: "organisationName", kind: "text", label: "Organisation name", required: true, requiredMessage: "Enter your organisation name", maxLength: 120 },
          { id: "profession", kind: "text", label: "Profession", hint: "For example policy, digital or finance.", required: true, requiredMessage: "Enter your profession", maxLength: 100 },
          { id: "grade", kind: "choice", label: "Grade or band", hint: "Civil Service, local government, NHS and police grades are listed. If yours is not, choose the Other grade closest to it.", required: true, requiredMessage: "Select your grade", choices: GRADES },
          { id: "gradeDetails", kind: "text", label: "Your grade, if you chose Other grade", hint: "As your organisation names it, for example Band 5 at a housing charity.", maxLength: 100 },
          { id: "language", kind: "choice", label: "Language for messages", required: true, requiredMessage: "Select the language you would like us to use", choices: LANGUAGES },
        ],
      },
      {
        heading: "Where you work",
        fields: [
          { id: "region", kind: "choice", label: "Region", required: true, requiredMessage: "Select the region you work in", choices: REGIONS },
          { id: "town", kind: "text", label: "Town or city", required: true, requiredMessage: "Enter the town or city you work in", maxLength: 80 },
          { id: "workArrangements", kind: "multi", label: "How you could work (optional)", choices: WORK_ARRANGEMENTS, expanded: true },
        ],
      },
      {
        heading: "Skills",
        fields: [
          { id: "skillsOffered", kind: "multi", label: "Skills you can offer", hint: SKILLS_HINT, choices: SKILLS },
          { id: "skillsOfferedOther", kind: "text", label: "Other skills you can offer", hint: OTHER_HINT, maxLength: 1000 },
          { id: "skillsToDevelop", kind: "multi", label: "Skills you want to develop", hint: SKILLS_HINT, choices: SKILLS },
          { id: "skillsToDevelopOther", kind: "text", label: "Other skills you want to develop", hint: OTHER_HINT, maxLength: 1000 },
        ],
      },
      {
        heading: "The secondment you want",
        fields: [
          { id: "secondmentTypes", kind: "multi", label: "Types of secondment", required: true, requiredMessage: "Select at least one type of secondment", choices: SECONDMENT_TYPES, expanded: true },
          { id: "workingPattern", kind: "choice", label: "Working pattern", required: true, requiredMessage: "Select whether you work full-time or part-time", choices: WORKING_PATTERNS, expanded: true },
          { id: "daysPerWeek", kind: "number", label: "Days per week, if part-time", requiredMessage: "Enter days per week", hint: "From 1 to 4.5, in half days.", min: 1, max: 4.5 },
          { id: "patternDetails", kind: "multiline", label: "Your preferred arrangement (optional)", hint: "For example, Tuesdays to Thursdays, or school hours.", maxLength: 300 },
          { id: "availableFrom", kind: "date", label: "Available from", required: true, requiredMessage: "Enter the date you are available from" },
          { id: "shortestDurationMonths", kind: "number", label: "Shortest secondment you would consider, in months", required: true, requiredMessage: "Enter the shortest secondment you would consider, in months", min: 1, max: 60 },
          { id: "longestDurationMonths", kind: "number", label: "Longest secondment you would consider, in months", required: true, requiredMessage: "Enter the longest secondment you would consider, in months", min: 1, max: 60 },
        ],
      },
      {
        heading: "Your contract",
        fields: [
          { id: "contractType", kind: "choice", label: "Contract type", required: true, requiredMessage: "Select whether your contract is permanent or fixed-term", choices: CONTRACT_TYPES, expanded: true },
          { id: "fixedTermEnd", kind: "date", label: "Contract end date, if fixed-term", hint: "A secondment cannot go past this date." },
          { id: "clearance", kind: "choice", label: "Security clearance you hold", required: true, requiredMessage: "Select the security clearance you hold", choices: CLEARANCE_LEVELS },
        ],
      },
      {
        heading: "Support you need",
        note: "The programme team can see this only in your record, and every view is recorded. A host sees it only if you choose to share it after you both agree to go ahead, and you can change that later in my secondment. It is never used to choose matches.",
        fields: [
          { id: "adjustments", kind: "multiline", label: "Reasonable adjustments (optional)", maxLength: 1000 },
        ],
      },
      {
        heading: "Your line manager",
        note: "You need your line manager's permission to take part.",
        fields: [
          { id: "lineManagerId", kind: "people", label: "Find your line manager", placeholder: "Start typing their name", choices: [] },
          { id: "lineManagerEmail", kind: "text", label: "Or enter their work email address", maxLength: 254 },
          {
            id: "permissionConfirmed",
            kind: "toggle",
            label: "Permission",
            toggleTitle: "I have asked my line manager for permission to take part",
            required: true,
            requiredMessage: "Confirm that you have asked your line manager's permission",
          },
        ],
      },
    ],
    submit: { title: o.editing ? "Save changes" : "Send", verb: VERBS.submitInterest, data: o.version !== undefined ? { version: o.version } : {} },
    secondary: [{ title: "Cancel", verb: VERBS.showMenu, data: {} }],
  };
}
