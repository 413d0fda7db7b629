import type { Container } from "@azure/cosmos";
import { z } from "zod";
import { personKey, type PersonId } from "../domain/person";
import type { Choice } from "../domain/options";

/**
 * Optional equality monitoring. The answers are stored on their own (container `privacy`, one
 * document per person, id "equality"), never read by matching, never shown per person, and
 * reported only as totals with counts under 5 suppressed. Categories follow the Civil Service
 * People Survey's demographic questions; every question can be answered "Prefer not to say".
 */
export const PREFER_NOT = { id: "prefer-not-to-say", label: "Prefer not to say" } as const;
const q = (...labels: string[]): Choice[] => [...labels.map((label) => ({ id: label.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, ""), label })), PREFER_NOT];

export const EQUALITY_QUESTIONS: readonly { id: string; label: string; choices: readonly Choice[] }[] = [
  { id: "age", label: "Age", choices: q("16 to 24", "25 to 34", "35 to 49", "50 to 64", "65 or over") },
  { id: "sex", label: "Sex", choices: q("Female", "Male") },
  { id: "genderSameAsBirth", label: "Is your gender identity the same as the sex you were registered at birth?", choices: q("Yes", "No") },
  { id: "ethnicity", label: "Ethnic group", choices: q("Asian or Asian British", "Black, Black British, Caribbean or African", "Mixed or multiple ethnic groups", "White", "Other ethnic group") },
  { id: "disability", label: "Do you have a physical or mental health condition or illness lasting, or expected to last, 12 months or more?", choices: q("Yes", "No") },
  { id: "sexualOrientation", label: "Sexual orientation", choices: q("Heterosexual or straight", "Gay or lesbian", "Bisexual", "Other sexual orientation") },
  { id: "religion", label: "Religion or belief", choices: q("No religion", "Buddhist", "Christian", "Hindu", "Jewish", "Muslim", "Sikh", "Any other religion") },
  { id: "caring", label: "Do you look after, or give help or support to, anyone because of long-term illness, disability or old age?", choices: q("Yes", "No") },
  { id: "parentOccupation", label: "The main job of the main household earner when you were about 14", choices: q("Professional or managerial", "Intermediate", "Routine or manual", "Not working", "Don't know") },
];

export const EqualityAnswersSchema = z.object(
  Object.fromEntries(
    EQUALITY_QUESTIONS.map((qn) => [
      qn.id,
      z.preprocess((v) => (v === "" || v === undefined ? PREFER_NOT.id : v), z.enum(qn.choices.map((c) => c.id) as [string, ...string[]], { message: `${qn.label}: choose one of the answers` })),
    ]),
  ),
);
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

/** Totals only; any count from 1 to 4 is shown as "fewer than 5" so no one can be picked out. */
export function equalityReport(answers: readonly EqualityAnswers[]): EqualityReport {
  const shown = (n: number) => (n > 0 && n < SUPPRESS_UNDER ? `fewer than ${SUPPRESS_UNDER}` : String(n));
  return {
    respondents: shown(answers.length),
    questions:
      answers.length < SUPPRESS_UNDER
        ? []
        : EQUALITY_QUESTIONS.map((qn) => ({
            label: qn.label,
            rows: qn.choices.map((c) => ({ label: c.label, count: shown(answers.filter((a) => a[qn.id] === c.id).length) })),
          })),
  };
}

/** Read every person's answers (the answers only: no ids leave this function). */
export async function allEqualityAnswers(c: Container): Promise<EqualityAnswers[]> {
  const { resources } = await c.items.query<{ answers: EqualityAnswers }>("SELECT c.answers FROM c WHERE c.type = 'equality'").fetchAll();
  return resources.map((r) => r.answers);
}
