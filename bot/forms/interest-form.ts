import { VERBS } from "../../cards";
import { gradesIn } from "../../src/domain/grades";
import {
  choicesIn,
  CLEARANCE_LEVELS,
  CONTRACT_TYPES,
  LANGUAGES,
  ORGANISATION_TYPES,
  REGIONS,
  SECONDMENT_TYPES,
  WORK_ARRANGEMENTS,
  WORKING_PATTERNS,
} from "../../src/domain/options";
import { OWN_SKILL_CHOICE, SKILLS } from "../../src/domain/skills";
import { DEFAULT_LANG, t, type Lang } from "../../src/i18n";
import type { FieldSpec, FormContent } from "./form-builder";

/**
 * The Expression of Interest form: its shape and limits. The words are in the message catalogue
 * ("interest.label.<field>", "interest.hint.…", "interest.required.<field>"); the rules live in
 * src/domain/interest.ts.
 */
export function interestForm(o: { editing: boolean; version?: number; lang?: Lang }): FormContent {
  const lang = o.lang ?? DEFAULT_LANG;
  const m = (key: string) => t(lang, key);
  /** A field with its label (and required message, if required) from the catalogue. */
  const f = (id: string, spec: Omit<FieldSpec, "id" | "label" | "requiredMessage"> & { hintKey?: string }): FieldSpec => {
    const { hintKey, ...rest } = spec;
    return {
      id,
      label: m(`interest.label.${id}`),
      ...rest,
      ...(hintKey ? { hint: m(hintKey) } : {}),
      ...(spec.required ? { requiredMessage: m(`interest.required.${id}`) } : {}),
    };
  };
  const skillChoices = [...choicesIn(lang, "skill", SKILLS), { id: OWN_SKILL_CHOICE, label: m("interest.choice.ownSkill") }];
  return {
    lang,
    title: m(o.editing ? "interest.title.edit" : "interest.title.new"),
    intro: m("interest.intro"),
    sections: [
      {
        heading: m("interest.section.aboutYou"),
        note: m("interest.section.aboutYouNote"),
        fields: [
          f("fullName", { kind: "text", required: true, maxLength: 100 }),
          f("email", { kind: "text", required: true, maxLength: 254 }),
          f("organisationType", { kind: "choice", required: true, choices: choicesIn(lang, "organisationType", ORGANISATION_TYPES) }),
          f("organisationName", { kind: "text", required: true, maxLength: 120 }),
          f("profession", { kind: "text", hintKey: "interest.hint.profession", required: true, maxLength: 100 }),
          f("grade", { kind: "choice", hintKey: "interest.hint.grade", required: true, choices: gradesIn(lang) }),
          f("gradeDetails", { kind: "text", hintKey: "interest.hint.gradeDetails", maxLength: 100 }),
          f("language", { kind: "choice", required: true, choices: choicesIn(lang, "language", LANGUAGES) }),
        ],
      },
      {
        heading: m("interest.section.whereYouWork"),
        fields: [
          f("region", { kind: "choice", required: true, choices: choicesIn(lang, "region", REGIONS) }),
          f("town", { kind: "text", required: true, maxLength: 80 }),
          f("workArrangements", { kind: "multi", choices: choicesIn(lang, "workArrangement", WORK_ARRANGEMENTS), expanded: true }),
        ],
      },
      {
        heading: m("interest.section.skills"),
        fields: [
          // Required on the card: someone whose skills are not listed selects "Something else" and types them.
          f("skillsOffered", { kind: "multi", hintKey: "interest.hint.skills", required: true, choices: skillChoices }),
          f("skillsOfferedOther", { kind: "text", hintKey: "interest.hint.otherSkills", maxLength: 1000 }),
          f("skillsToDevelop", { kind: "multi", hintKey: "interest.hint.skills", required: true, choices: skillChoices }),
          f("skillsToDevelopOther", { kind: "text", hintKey: "interest.hint.otherSkills", maxLength: 1000 }),
        ],
      },
      {
        heading: m("interest.section.secondment"),
        fields: [
          f("secondmentTypes", { kind: "multi", required: true, choices: choicesIn(lang, "secondmentType", SECONDMENT_TYPES), expanded: true }),
          f("workingPattern", { kind: "choice", required: true, choices: choicesIn(lang, "workingPattern", WORKING_PATTERNS), expanded: true }),
          { ...f("daysPerWeek", { kind: "number", hintKey: "interest.hint.daysPerWeek", min: 1, max: 4.5 }), requiredMessage: m("interest.required.daysPerWeek") },
          f("patternDetails", { kind: "multiline", hintKey: "interest.hint.patternDetails", maxLength: 300 }),
          f("availableFrom", { kind: "date", required: true }),
          f("shortestDurationMonths", { kind: "number", required: true, min: 1, max: 60 }),
          f("longestDurationMonths", { kind: "number", required: true, min: 1, max: 60 }),
        ],
      },
      {
        heading: m("interest.section.contract"),
        fields: [
          f("contractType", { kind: "choice", required: true, choices: choicesIn(lang, "contractType", CONTRACT_TYPES), expanded: true }),
          f("fixedTermEnd", { kind: "date", hintKey: "interest.hint.fixedTermEnd" }),
          f("clearance", { kind: "choice", required: true, choices: choicesIn(lang, "clearance", CLEARANCE_LEVELS) }),
        ],
      },
      {
        heading: m("interest.section.support"),
        note: m("interest.section.supportNote"),
        fields: [f("adjustments", { kind: "multiline", maxLength: 1000 })],
      },
      {
        heading: m("interest.section.lineManager"),
        note: m("interest.section.lineManagerNote"),
        fields: [
          f("lineManagerId", { kind: "people", placeholder: m("interest.placeholder.lineManager"), choices: [] }),
          f("lineManagerEmail", { kind: "text", maxLength: 254 }),
          f("permissionConfirmed", { kind: "toggle", toggleTitle: m("interest.toggle.permission"), required: true }),
        ],
      },
    ],
    submit: { title: m(o.editing ? "interest.submit.edit" : "interest.submit.new"), verb: VERBS.submitInterest, data: o.version !== undefined ? { version: o.version } : {} },
    secondary: [{ title: m("interest.cancel"), verb: VERBS.showMenu, data: {} }],
  };
}
