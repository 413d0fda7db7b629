import type { ActionModel, FieldKind, FormActionModel, FormFieldModel, FormModel } from "../../cards";
import type { Choice } from "../../src/domain/options";
import { DEFAULT_LANG, t, type Lang } from "../../src/i18n";

/**
 * A form is described once, as data: sections of fields with their labels, hints and limits.
 * `buildForm` fills that description with what the person typed (or what is stored) and the
 * messages for any mistakes, giving the model for cards/form.json.
 */
export interface FieldSpec {
  id: string;
  kind: FieldKind;
  label: string;
  hint?: string;
  required?: boolean;
  requiredMessage?: string;
  maxLength?: number;
  min?: number;
  max?: number;
  choices?: readonly Choice[];
  expanded?: boolean;
  toggleTitle?: string;
  placeholder?: string;
}

export interface SectionSpec {
  heading: string;
  note?: string;
  fields: FieldSpec[];
}

export interface FormContent {
  /** The language the content is written in; the generic messages follow it. English if not given. */
  lang?: Lang;
  title: string;
  /** A banner above the form, as on other cards: what just happened ("good") or did not ("warning"). */
  notice?: string;
  noticeStyle?: "good" | "warning";
  intro?: string;
  sections: SectionSpec[];
  submit: ActionModel;
  secondary: FormActionModel[];
}

/** Longest value shown back in a field: a real card cannot send more than its maxLength. */
function clip(spec: FieldSpec, value: string): string {
  const limit = spec.kind === "text" || spec.kind === "multiline" ? (spec.maxLength ?? 1000) : spec.kind === "multi" || spec.kind === "choice" || spec.kind === "people" ? 1000 : 40;
  return value.length > limit ? value.slice(0, limit) : value;
}

function field(spec: FieldSpec, value: string | undefined, error: string | undefined, lang: Lang): FormFieldModel {
  const required = spec.requiredMessage ?? t(lang, "form.enterField", { field: lang === "cy" ? spec.label : spec.label.toLowerCase() });
  const model: FormFieldModel = {
    id: spec.id,
    kind: spec.kind,
    label: spec.label,
    isRequired: spec.required ?? false,
    // Teams shows this when a required field is empty or a number is out of range.
    requiredMessage:
      spec.kind === "number" && spec.min !== undefined && spec.max !== undefined
        ? t(lang, "form.numberRange", { message: required, min: spec.min, max: spec.max })
        : required,
  };
  if (spec.hint) model.hint = spec.hint;
  if (spec.maxLength !== undefined) model.maxLength = spec.maxLength;
  if (spec.min !== undefined) model.min = spec.min;
  if (spec.max !== undefined) model.max = spec.max;
  if (spec.choices) model.choices = spec.choices.map((c) => ({ title: c.label, value: c.id }));
  if (spec.expanded) model.expanded = true;
  if (spec.toggleTitle) model.toggleTitle = spec.toggleTitle;
  if (spec.placeholder) model.placeholder = spec.placeholder;
  if (error) model.error = error;
  if (value !== undefined && value !== "") {
    const v = clip(spec, value);
    if (spec.kind === "number") {
      const n = Number(v);
      if (v.trim() !== "" && Number.isFinite(n)) model.numberValue = n;
    } else {
      model.value = v;
    }
  }
  return model;
}

export function buildForm(
  content: FormContent,
  values: Record<string, string>,
  errors: Partial<Record<string, string>> = {},
): FormModel {
  const ids = new Set(content.sections.flatMap((s) => s.fields.map((f) => f.id)));
  // A refusal about something the form has no field for (no channel to pick, say) is still summarised, never dropped.
  const unshown = Object.entries(errors).flatMap(([id, m]) => (!ids.has(id) && m ? [m] : []));
  const messages = [...content.sections.flatMap((s) => s.fields.map((f) => errors[f.id]).filter((m): m is string => Boolean(m))), ...unshown];
  const model: FormModel = {
    title: content.title,
    sections: content.sections.map((s) => ({
      heading: s.heading,
      ...(s.note ? { note: s.note } : {}),
      fields: s.fields.map((f) => field(f, values[f.id], errors[f.id], content.lang ?? DEFAULT_LANG)),
    })),
    submit: content.submit,
    secondary: content.secondary,
  };
  if (content.intro) model.intro = content.intro;
  if (content.notice) {
    model.notice = content.notice;
    model.noticeStyle = content.noticeStyle ?? "good";
  }
  if (messages.length) model.errorSummary = messages;
  return model;
}
