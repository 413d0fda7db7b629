import { DEFAULT_LANG, t, type Lang } from "../i18n";
import { checkFields, errorsInOrder, fail, optionalText, requiredText, valid, type FormCheck, type FormResult } from "./forms";
import type { PersonId } from "./person";

export type { FormResult } from "./forms";

/**
 * The business case a secondee writes for step 4 of their plan: five answers in their own words,
 * following the programme's guidance. The field ids are the card's input ids.
 *
 * Two checks, both pure and safe on any input (objects, arrays, huge strings, hostile proxies):
 *
 * - checkDraft: every answer may be left empty, but what is there must be text, within its length,
 *   with no hidden control characters, and at least one answer must be given.
 * - checkComplete: every answer is needed, each long enough to say something
 *   (BUSINESS_CASE_MIN_CHARACTERS, counted after runs of spaces are squeezed to one).
 *
 * Each answer must also fit in a Teams message with the other four (BUSINESS_CASE_MAX_BYTES).
 */
export const BUSINESS_CASE_FIELDS = ["reason", "skillsToGain", "offerToHost", "benefitOnReturn", "jobCover"] as const;
export type BusinessCaseField = (typeof BUSINESS_CASE_FIELDS)[number];

/** The answers, in the person's words, trimmed. "" is an answer not given yet (drafts only). */
export type BusinessCaseAnswers = Record<BusinessCaseField, string>;

/** The longest answer, in characters. */
export const BUSINESS_CASE_MAX_CHARACTERS = 2000;
/** The shortest answer a shared business case can have, in characters. */
export const BUSINESS_CASE_MIN_CHARACTERS = 20;
/**
 * The most room one answer may take in a card (its UTF-8 bytes as JSON text). Ordinary English or
 * Welsh text at the character limit is well under it; it stops five answers of emoji or other wide
 * characters from making a card Teams would refuse (about 28 KB).
 */
export const BUSINESS_CASE_MAX_BYTES = 4000;

export interface BusinessCaseQuestion {
  /** The answer's name in the person's terms, starting a sentence, used in messages. */
  label: string;
  /** The question as the form asks it. */
  question: string;
  /** The heading the line manager reads above the answer. */
  heading: string;
  /** The message when the answer is missing from a business case being shared. */
  missing: string;
}

/** One question's words in `lang`, from the catalogue ("businessCase.label.<field>" and so on). */
export function businessCaseQuestion(f: BusinessCaseField, lang: Lang = DEFAULT_LANG): BusinessCaseQuestion {
  return {
    label: t(lang, `businessCase.label.${f}`),
    question: t(lang, `businessCase.question.${f}`),
    heading: t(lang, `businessCase.heading.${f}`),
    missing: t(lang, `businessCase.missing.${f}`),
  };
}

const tooShort = (f: BusinessCaseField, lang: Lang) =>
  t(lang, "businessCase.rule.tooShort", { label: businessCaseQuestion(f, lang).label, min: BUSINESS_CASE_MIN_CHARACTERS });
const tooWide = (f: BusinessCaseField, lang: Lang) => t(lang, "businessCase.rule.tooWide", { label: businessCaseQuestion(f, lang).label });

const option = (f: BusinessCaseField, lang: Lang) => ({ label: businessCaseQuestion(f, lang).label, max: BUSINESS_CASE_MAX_CHARACTERS, multiline: true, lang });

function draftSchemasIn(lang: Lang) {
  return {
    reason: optionalText(option("reason", lang)),
    skillsToGain: optionalText(option("skillsToGain", lang)),
    offerToHost: optionalText(option("offerToHost", lang)),
    benefitOnReturn: optionalText(option("benefitOnReturn", lang)),
    jobCover: optionalText(option("jobCover", lang)),
  } satisfies Record<BusinessCaseField, unknown>;
}

function completeSchemasIn(lang: Lang) {
  const required = (f: BusinessCaseField) => requiredText({ ...option(f, lang), required: businessCaseQuestion(f, lang).missing });
  return {
    reason: required("reason"),
    skillsToGain: required("skillsToGain"),
    offerToHost: required("offerToHost"),
    benefitOnReturn: required("benefitOnReturn"),
    jobCover: required("jobCover"),
  } satisfies Record<BusinessCaseField, unknown>;
}
type DraftSchemas = ReturnType<typeof draftSchemasIn>;
type CompleteSchemas = ReturnType<typeof completeSchemasIn>;

/** Built once per language: the schemas never change while running. */
const DRAFT_SCHEMAS = new Map<Lang, DraftSchemas>();
const COMPLETE_SCHEMAS = new Map<Lang, CompleteSchemas>();
function draftSchemas(lang: Lang): DraftSchemas {
  let s = DRAFT_SCHEMAS.get(lang);
  if (!s) DRAFT_SCHEMAS.set(lang, (s = draftSchemasIn(lang)));
  return s;
}
function completeSchemas(lang: Lang): CompleteSchemas {
  let s = COMPLETE_SCHEMAS.get(lang);
  if (!s) COMPLETE_SCHEMAS.set(lang, (s = completeSchemasIn(lang)));
  return s;
}

/** Characters that say something: runs of spaces and new lines count as one. */
export function meaningfulLength(s: string): number {
  return [...s.trim().replace(/\s+/g, " ")].length;
}

/** The room an answer takes in a card: its UTF-8 bytes as JSON text. */
export function cardBytes(s: string): number {
  return Buffer.byteLength(JSON.stringify(s), "utf8") - 2;
}

function answersOf<S extends DraftSchemas | CompleteSchemas>(check: FormCheck<S>): BusinessCaseAnswers {
  const out = {} as BusinessCaseAnswers;
  for (const f of BUSINESS_CASE_FIELDS) out[f] = (check.values[f] as string | undefined) ?? "";
  return out;
}

function checkWidth<S extends DraftSchemas | CompleteSchemas>(check: FormCheck<S>, lang: Lang): void {
  for (const f of BUSINESS_CASE_FIELDS) {
    const value = check.values[f];
    if (valid(check, f) && typeof value === "string" && cardBytes(value) > BUSINESS_CASE_MAX_BYTES) fail(check, f, tooWide(f, lang));
  }
}

/** Check a draft: any answer may be empty, but what is there must be usable. Never throws on `raw`. */
export function checkDraft(raw: unknown, lang: Lang = DEFAULT_LANG): FormResult<BusinessCaseAnswers, BusinessCaseField> {
  const schemas = draftSchemas(lang);
  const check = checkFields(raw, schemas, lang);
  checkWidth(check, lang);
  if (Object.keys(check.errors).length > 0) return { ok: false, errors: errorsInOrder(check, schemas) };
  const answers = answersOf(check);
  if (BUSINESS_CASE_FIELDS.every((f) => answers[f] === "")) return { ok: false, errors: { reason: t(lang, "businessCase.rule.atLeastOne") } };
  return { ok: true, value: answers };
}

/** Check a business case that is about to be shared: every answer is needed. Never throws on `raw`. */
export function checkComplete(raw: unknown, lang: Lang = DEFAULT_LANG): FormResult<BusinessCaseAnswers, BusinessCaseField> {
  const schemas = completeSchemas(lang);
  const check = checkFields(raw, schemas, lang);
  checkWidth(check, lang);
  for (const f of BUSINESS_CASE_FIELDS) {
    const value = check.values[f];
    if (valid(check, f) && typeof value === "string" && meaningfulLength(value) < BUSINESS_CASE_MIN_CHARACTERS) fail(check, f, tooShort(f, lang));
  }
  if (Object.keys(check.errors).length > 0) return { ok: false, errors: errorsInOrder(check, schemas) };
  return { ok: true, value: answersOf(check) };
}

// ---------------------------------------------------------------------------------------------
// The stored record and its transitions

export const BUSINESS_CASE_ID = "business-case";
export const BUSINESS_CASE_TYPE = "business-case";

export type BusinessCaseStatus = "draft" | "shared";

export interface ManagerRef {
  aadObjectId: string;
  name?: string;
}

/**
 * One per person, in their own partition (id "business-case", pk = person key). `status` is
 * "shared" while the answers are the ones the line manager was sent; saving a draft after that
 * makes it "draft" again, keeping when and with whom it was last shared.
 */
export interface BusinessCaseRecord {
  type: typeof BUSINESS_CASE_TYPE;
  owner: PersonId & { name?: string };
  fields: BusinessCaseAnswers;
  status: BusinessCaseStatus;
  /** Goes up by one with every saved change; the form carries it back so stale saves are caught. */
  version: number;
  createdAt: string;
  savedAt: string;
  sharedAt?: string;
  sharedWith?: ManagerRef;
}

export type BusinessCaseOutcome =
  | { kind: "saved"; record: BusinessCaseRecord }
  | { kind: "shared"; record: BusinessCaseRecord }
  /** The same answers were already shared with the same manager: nothing changes. */
  | { kind: "already-shared"; record: BusinessCaseRecord }
  /** The record changed after the form was opened (or was created since): nothing changes. */
  | { kind: "stale"; record: BusinessCaseRecord };
export type DraftOutcome = Extract<BusinessCaseOutcome, { kind: "saved" | "stale" }>;
export type ShareOutcome = Extract<BusinessCaseOutcome, { kind: "shared" | "already-shared" | "stale" }>;

export function sameAnswers(a: BusinessCaseAnswers, b: BusinessCaseAnswers): boolean {
  return BUSINESS_CASE_FIELDS.every((f) => a[f] === b[f]);
}

function isStale(current: BusinessCaseRecord | undefined, expectedVersion: number | undefined): current is BusinessCaseRecord {
  return current !== undefined && expectedVersion !== current.version;
}

function next(
  current: BusinessCaseRecord | undefined,
  owner: PersonId & { name?: string },
  fields: BusinessCaseAnswers,
  now: Date,
): BusinessCaseRecord {
  const at = now.toISOString();
  if (!current) return { type: BUSINESS_CASE_TYPE, owner, fields, status: "draft", version: 1, createdAt: at, savedAt: at };
  return { ...current, owner: { ...current.owner, ...owner }, fields, version: current.version + 1, savedAt: at };
}

/**
 * Save a draft. `expectedVersion` is the version on the form the person filled in (undefined for
 * a form opened before there was a record).
 */
export function saveDraft(
  current: BusinessCaseRecord | undefined,
  o: { owner: PersonId & { name?: string }; fields: BusinessCaseAnswers; expectedVersion: number | undefined; now: Date },
): DraftOutcome {
  if (isStale(current, o.expectedVersion)) return { kind: "stale", record: current };
  return { kind: "saved", record: { ...next(current, o.owner, o.fields, o.now), status: "draft" } };
}

/**
 * Share complete answers with the line manager. Sharing the answers that were already shared, with
 * the same manager, is not a change (an old card pressed again, or two presses at once).
 */
export function shareCase(
  current: BusinessCaseRecord | undefined,
  o: { owner: PersonId & { name?: string }; fields: BusinessCaseAnswers; manager: ManagerRef; expectedVersion: number | undefined; now: Date },
): ShareOutcome {
  if (
    current?.status === "shared" &&
    sameAnswers(current.fields, o.fields) &&
    current.sharedWith?.aadObjectId.toLowerCase() === o.manager.aadObjectId.toLowerCase()
  ) {
    return { kind: "already-shared", record: current };
  }
  if (isStale(current, o.expectedVersion)) return { kind: "stale", record: current };
  const at = o.now.toISOString();
  return { kind: "shared", record: { ...next(current, o.owner, o.fields, o.now), status: "shared", sharedAt: at, sharedWith: o.manager } };
}

/**
 * The card for `version` could not be delivered to the line manager: the business case is a draft
 * again, so sharing it again sends a new card. Anything else (a later version, not shared) is left alone.
 */
export function shareUndelivered(current: BusinessCaseRecord | undefined, version: number): BusinessCaseRecord | undefined {
  if (!current || current.status !== "shared" || current.version !== version) return undefined;
  return { ...current, status: "draft" };
}
