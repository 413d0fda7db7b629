import type { Container } from "@azure/cosmos";
import { z } from "zod";
import { personKey, type PersonId } from "../domain/person";
import type { Choice } from "../domain/options";
import { DEFAULT_LANG, t, type Lang } from "../i18n";

/**
 * Optional equality monitoring. The answers are stored on their own (container `privacy`, one
 * document per person, id "equality"), never read by matching, never shown per person, and
 * reported only as totals with counts under 5 suppressed. Categories follow the Civil Service
 * People Survey's demographic questions; every question can be answered "Prefer not to say".
 */
export const PREFER_NOT = "prefer-not-to-say";
const q = (...answers: string[]): readonly string[] => [...answers, PREFER_NOT];

/** The questions and their answers, as ids; the words are in the catalogue ("privacy.equality.q.<id>", "privacy.equality.a.<answer>"). */
export const EQUALITY_QUESTIONS: readonly { id: string; answers: readonly string[] }[] = [
  { id: "age", answers: q("16-to-24", "25-to-34", "35-to-49", "50-to-64", "65-or-over") },
  { id: "sex", answers: q("female", "male") },
  { id: "genderSameAsBirth", answers: q("yes", "no") },
  { id: "ethnicity", answers: q("asian-or-asian-british", "black-black-british-caribbean-or-african", "mixed-or-multiple-ethnic-groups", "white", "other-ethnic-group") },
  { id: "disability", answers: q("yes", "no") },
  { id: "sexualOrientation", answers: q("heterosexual-or-straight", "gay-or-lesbian", "bisexual", "other-sexual-orientation") },
  { id: "religion", answers: q("no-religion", "buddhist", "christian", "hindu", "jewish", "muslim", "sikh", "any-other-religion") },
  { id: "caring", answers: q("yes", "no") },
  { id: "parentOccupation", answers: q("professional-or-managerial", "intermediate", "routine-or-manual", "not-working", "don-t-know") },
];

export const questionLabel = (lang: Lang, id: string): string => t(lang, `privacy.equality.q.${id}`);
export const answerLabel = (lang: Lang, id: string): string => t(lang, `privacy.equality.a.${id}`);

/** The questions with their words in `lang`, for the form. */
export function equalityQuestions(lang: Lang): { id: string; label: string; choices: Choice[] }[] {
  return EQUALITY_QUESTIONS.map((qn) => ({ id: qn.id, label: questionLabel(lang, qn.id), choices: qn.answers.map((a) => ({ id: a, label: answerLabel(lang, a) })) }));
}

/** The answers as sent from the form; an unanswered question counts as "Prefer not to say". Messages in `lang`. */
export function equalityAnswersSchema(lang: Lang = DEFAULT_LANG) {
  return z.object(
    Object.fromEntries(
      EQUALITY_QUESTIONS.map((qn) => [
        qn.id,
        z.preprocess(
          (v) => (v === "" || v === undefined ? PREFER_NOT : v),
          z.enum(qn.answers as [string, ...string[]], { message: t(lang, "privacy.equality.chooseOne", { question: questionLabel(lang, qn.id) }) }),
        ),
      ]),
    ),
  );
}
export type EqualityAnswers = Record<string, string>;

export const EQUALITY_ID = "equality";

export async function saveEquality(c: Container, person: PersonId, answers: EqualityAnswers, now: Date): Promise<void> {
  // One document, replaced whole: a person's latest answers are all that is kept.
  await c.items.upsert({ id: EQUALITY_ID, pk: personKey(person), type: "equality", answers, answeredAt: now.toISOString() });
}

export async function deleteEquality(c: Container, person: PersonId): Promise<void> {
  try {
    await c.item(EQUALITY_ID, personKey(person)).delete();
  } catch (err) {
    if ((err as { code?: number }).code !== 404) throw err;
  }
}

export const SUPPRESS_UNDER = 5;

export interface EqualityReport {
  respondents: string;
  questions: { label: string; rows: { label: string; count: string }[] }[];
}

/** Totals only, in `lang`; any count from 1 to 4 is shown as "fewer than 5" so no one can be picked out. */
export function equalityReport(answers: readonly EqualityAnswers[], lang: Lang = DEFAULT_LANG): EqualityReport {
  const shown = (n: number) => (n > 0 && n < SUPPRESS_UNDER ? t(lang, "privacy.equality.fewerThan", { n: SUPPRESS_UNDER }) : String(n));
  return {
    respondents: shown(answers.length),
    questions:
      answers.length < SUPPRESS_UNDER
        ? []
        : EQUALITY_QUESTIONS.map((qn) => ({
            label: questionLabel(lang, qn.id),
            rows: qn.answers.map((a) => ({ label: answerLabel(lang, a), count: shown(answers.filter((x) => x[qn.id] === a).length) })),
          })),
  };
}

/** Read every person's answers (the answers only: no ids leave this function). */
export async function allEqualityAnswers(c: Container): Promise<EqualityAnswers[]> {
  const { resources } = await c.items.query<{ answers: EqualityAnswers }>("SELECT c.answers FROM c WHERE c.type = 'equality'").fetchAll();
  return resources.map((r) => r.answers);
}
