import { VERBS } from "../../cards";
import {
  BUSINESS_CASE_FIELDS,
  BUSINESS_CASE_MAX_BYTES,
  BUSINESS_CASE_MAX_CHARACTERS,
  BUSINESS_CASE_MIN_CHARACTERS,
  businessCaseQuestion,
  cardBytes,
  type BusinessCaseField,
} from "../../src/domain/business-case";
import { DEFAULT_LANG, t, type Lang } from "../../src/i18n";
import type { FieldSpec, FormContent } from "./form-builder";

const field = (id: BusinessCaseField, lang: Lang): FieldSpec => {
  const q = businessCaseQuestion(id, lang);
  return {
    id,
    kind: "multiline",
    label: q.question,
    hint: t(lang, `businessCase.hint.${id}`),
    // Never required in the card: a draft may leave answers out. The share check asks for them.
    required: false,
    requiredMessage: q.missing,
    maxLength: BUSINESS_CASE_MAX_CHARACTERS,
  };
};

/** The business case form (plan step 4), in `lang`. The rules live in src/domain/business-case.ts. */
export function businessCaseForm(o: { version?: number | undefined; notice?: string; noticeStyle?: "good" | "warning"; shared?: string; lang?: Lang }): FormContent {
  const lang = o.lang ?? DEFAULT_LANG;
  const m = (key: string) => t(lang, key);
  const data = o.version !== undefined ? { version: o.version } : {};
  const intro = t(lang, "businessCase.form.intro", { max: BUSINESS_CASE_MAX_CHARACTERS, min: BUSINESS_CASE_MIN_CHARACTERS });
  return {
    lang,
    title: m("businessCase.form.title"),
    ...(o.notice ? { notice: o.notice, noticeStyle: o.noticeStyle ?? "good" } : {}),
    intro: o.shared ? `${o.shared}\n\n${intro}` : intro,
    sections: [
      { heading: m("businessCase.section.you"), fields: [field("reason", lang), field("skillsToGain", lang)] },
      { heading: m("businessCase.section.others"), fields: [field("offerToHost", lang), field("benefitOnReturn", lang)] },
      { heading: m("businessCase.section.away"), fields: [field("jobCover", lang)] },
    ],
    submit: { title: m("businessCase.action.share"), verb: VERBS.shareBusinessCase, data },
    secondary: [
      { title: m("businessCase.action.saveDraft"), verb: VERBS.saveBusinessCase, data, withInputs: true },
      { title: m("common.menu"), verb: VERBS.showMenu, data: {} },
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
