/**
 * The message catalogues, one file per area of the app and per language
 * (src/i18n/locales/<lang>/<area>.json), so that work on one area never touches another's file.
 * A key lives in exactly one area, the same one in both languages (test/i18n/catalogue.test.ts).
 * To add an area: add both files and one line to each list below.
 */
import en_approval from "./locales/en-GB/approval.json";
import en_businessCase from "./locales/en-GB/business-case.json";
import en_channel from "./locales/en-GB/channel.json";
import en_checkIn from "./locales/en-GB/check-in.json";
import en_choices from "./locales/en-GB/choices.json";
import en_core from "./locales/en-GB/core.json";
import en_errors from "./locales/en-GB/errors.json";
import en_faq from "./locales/en-GB/faq.json";
import en_grades from "./locales/en-GB/grades.json";
import en_interest from "./locales/en-GB/interest.json";
import en_knowledge from "./locales/en-GB/knowledge.json";
import en_matching from "./locales/en-GB/matching.json";
import en_pipeline from "./locales/en-GB/pipeline.json";
import en_planSteps from "./locales/en-GB/plan-steps.json";
import en_privacy from "./locales/en-GB/privacy.json";
import en_programme from "./locales/en-GB/programme.json";
import en_records from "./locales/en-GB/records.json";
import en_reminders from "./locales/en-GB/reminders.json";
import en_role from "./locales/en-GB/role.json";
import en_secondment from "./locales/en-GB/secondment.json";
import en_secondmentChanges from "./locales/en-GB/secondment-changes.json";
import en_tabPersonal from "./locales/en-GB/tab-personal.json";
import cy_approval from "./locales/cy/approval.json";
import cy_businessCase from "./locales/cy/business-case.json";
import cy_channel from "./locales/cy/channel.json";
import cy_checkIn from "./locales/cy/check-in.json";
import cy_choices from "./locales/cy/choices.json";
import cy_core from "./locales/cy/core.json";
import cy_errors from "./locales/cy/errors.json";
import cy_faq from "./locales/cy/faq.json";
import cy_grades from "./locales/cy/grades.json";
import cy_interest from "./locales/cy/interest.json";
import cy_knowledge from "./locales/cy/knowledge.json";
import cy_matching from "./locales/cy/matching.json";
import cy_pipeline from "./locales/cy/pipeline.json";
import cy_planSteps from "./locales/cy/plan-steps.json";
import cy_privacy from "./locales/cy/privacy.json";
import cy_programme from "./locales/cy/programme.json";
import cy_records from "./locales/cy/records.json";
import cy_reminders from "./locales/cy/reminders.json";
import cy_role from "./locales/cy/role.json";
import cy_secondment from "./locales/cy/secondment.json";
import cy_secondmentChanges from "./locales/cy/secondment-changes.json";
import cy_tabPersonal from "./locales/cy/tab-personal.json";

export type AreaCatalogue = Readonly<Record<string, string>>;

/** Area name → its messages, per language. */
export const AREAS = {
  "en-GB": {
    "approval": en_approval,
    "business-case": en_businessCase,
    "channel": en_channel,
    "check-in": en_checkIn,
    "choices": en_choices,
    "core": en_core,
    "errors": en_errors,
    "faq": en_faq,
    "grades": en_grades,
    "interest": en_interest,
    "knowledge": en_knowledge,
    "matching": en_matching,
    "pipeline": en_pipeline,
    "plan-steps": en_planSteps,
    "privacy": en_privacy,
    "programme": en_programme,
    "records": en_records,
    "reminders": en_reminders,
    "role": en_role,
    "secondment": en_secondment,
    "secondment-changes": en_secondmentChanges,
    "tab-personal": en_tabPersonal,
  },
  cy: {
    "approval": cy_approval,
    "business-case": cy_businessCase,
    "channel": cy_channel,
    "check-in": cy_checkIn,
    "choices": cy_choices,
    "core": cy_core,
    "errors": cy_errors,
    "faq": cy_faq,
    "grades": cy_grades,
    "interest": cy_interest,
    "knowledge": cy_knowledge,
    "matching": cy_matching,
    "pipeline": cy_pipeline,
    "plan-steps": cy_planSteps,
    "privacy": cy_privacy,
    "programme": cy_programme,
    "records": cy_records,
    "reminders": cy_reminders,
    "role": cy_role,
    "secondment": cy_secondment,
    "secondment-changes": cy_secondmentChanges,
    "tab-personal": cy_tabPersonal,
  },
} as const satisfies Record<"en-GB" | "cy", Record<string, AreaCatalogue>>;
