import { VERBS } from "../../cards";
import {
  BUSINESS_CASE_FIELDS,
  BUSINESS_CASE_MAX_BYTES,
  BUSINESS_CASE_MAX_CHARACTERS,
  BUSINESS_CASE_MIN_CHARACTERS,
  BUSINESS_CASE_QUESTIONS,
  cardBytes,
  type BusinessCaseField,
} from "../../src/domain/business-case";
import { formatCount } from "../../src/domain/forms";
import type { FieldSpec, FormContent } from "./form-builder";

const HINTS: Record<BusinessCaseField, string> = {
  reason: "For example, a development need that your current job cannot meet.",
  skillsToGain: "Think about skills, knowledge and experience that would be hard to get where you work now.",
  offerToHost: "For example, your skills, what you know about your sector, or a fresh point of view.",
  benefitOnReturn: "Say how you will use what you learn in your own team or department.",
  jobCover: "For example, a colleague stepping up, a temporary replacement or sharing the work out. Agree this with your line manager.",
};

const field = (id: BusinessCaseField): FieldSpec => ({
  id,
  kind: "multiline",
  label: BUSINESS_CASE_QUESTIONS[id].question,
  hint: HINTS[id],
  // Never required in the card: a draft may leave answers out. The share check asks for them.
  required: false,
  requiredMessage: BUSINESS_CASE_QUESTIONS[id].missing,
  maxLength: BUSINESS_CASE_MAX_CHARACTERS,
});

const INTRO =
  "Your business case explains why the secondment is worth doing. Answer each question in your own words. " +
  `Each answer can be up to ${formatCount(BUSINESS_CASE_MAX_CHARACTERS)} characters. ` +
  "You can save a draft and come back to it. When every answer is ready, share it with your line manager. " +
  `To share it, every answer needs at least ${formatCount(BUSINESS_CASE_MIN_CHARACTERS)} characters.`;

/** The business case form (plan step 4). The rules live in src/domain/business-case.ts. */
export function businessCaseForm(o: { version?: number | undefined; notice?: string; noticeStyle?: "good" | "warning"; shared?: string }): FormContent {
  const data = o.version !== undefined ? { version: o.version } : {};
  return {
    title: "Your business case",
    ...(o.notice ? { notice: o.notice, noticeStyle: o.noticeStyle ?? "good" } : {}),
    intro: o.shared ? `${o.shared}\n\n${INTRO}` : INTRO,
    sections: [
      { heading: "You and the secondment", fields: [field("reason"), field("skillsToGain")] },
      { heading: "What others gain", fields: [field("offerToHost"), field("benefitOnReturn")] },
      { heading: "While you are away", fields: [field("jobCover")] },
    ],
    submit: { title: "Share with my line manager", verb: VERBS.shareBusinessCase, data },
    secondary: [
      { title: "Save draft", verb: VERBS.saveBusinessCase, data, withInputs: true },
      { title: "Menu", verb: VERBS.showMenu, data: {} },
    ],
  };
}

/**
 * What was typed, cut so that each answer takes no more room in the card than a valid one can:
 * five answers of emoji or hidden characters shown back must not make a card Teams would refuse.
 */
export function fitForCard(values: Record<string, string>): Record<BusinessCaseField, string> {
  const out = {} as Record<BusinessCaseField, string>;
  for (const f of BUSINESS_CASE_FIELDS) {
    const value = values[f] ?? "";
    if (cardBytes(value) <= BUSINESS_CASE_MAX_BYTES) {
      out[f] = value;
      continue;
    }
    let kept = "";
    let bytes = 0;
    for (const ch of value) {
      const size = cardBytes(ch);
      if (bytes + size > BUSINESS_CASE_MAX_BYTES) break;
      kept += ch;
      bytes += size;
    }
    out[f] = kept;
  }
  return out;
}
