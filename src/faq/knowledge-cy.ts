import { z } from "zod";
import { PLACE_NAMES } from "./analyse";
import { createWelshAnalyser, WELSH_SYNONYM_WORDS } from "./analyse-cy";
import data from "./knowledge-cy.json";
import { FAQ_ENTRIES, LGA_SECONDMENTS_EMAIL, PROGRAMME_TEAM_EMAIL, type FaqEntry } from "./knowledge";
import { NOT_COVERED } from "./not-covered";
import { createFaq, type Faq } from "./search";
import type { FaqTraining } from "./training";

/**
 * The FAQ in Welsh: every entry of FAQ_ENTRIES (knowledge.ts) with the same id and paragraphs, in
 * plain Welsh with the glossary terms (src/i18n/glossary.json). The words live in
 * knowledge-cy.json, checked here at load. Questions asked in Welsh are answered from these by
 * the same rankers and decision rule as English questions (search.ts), with Welsh text analysis
 * (analyse-cy.ts).
 */
export interface WelshFaqEntry {
  id: string;
  topic: string;
  question: string;
  answer: string[];
  /** Whole questions and phrases people might use in Welsh. */
  alternates: string[];
}

const Text = z.string().trim().min(1).max(1200);
const WelshFaqFile = z.object({
  $comment: z.string().optional(),
  entries: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9-]+$/, "must be a kebab-case entry id"),
        topic: Text.max(120),
        question: Text.max(300),
        answer: z.array(Text).min(1),
        alternates: z.array(Text.max(300)).min(3),
      }),
    )
    .min(1),
  notCovered: z.record(z.string(), z.array(Text.max(300)).min(2)),
  /** Welsh words and phrases that name each topic the material does not cover (NotCoveredTopic.marks). */
  notCoveredMarks: z.record(z.string(), z.array(Text.max(80)).min(1)).default({}),
  /** Welsh words and phrases naming everyday workplace things (OFF_TOPIC_MARKS). */
  offTopicMarks: z.array(Text.max(80)).default([]),
  offTopic: z.array(Text.max(300)).min(10),
});

const EMAILS: Readonly<Record<string, string>> = { programmeEmail: PROGRAMME_TEAM_EMAIL, lgaEmail: LGA_SECONDMENTS_EMAIL };
const fill = (text: string) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = EMAILS[name];
    if (value === undefined) throw new Error(`knowledge-cy.json: unknown placeholder ${whole}`);
    return value;
  });

/** Check a Welsh FAQ file: the error names the field at fault. Every entry must be an English entry's id. */
export function parseWelshFaqFile(raw: unknown): z.output<typeof WelshFaqFile> {
  const parsed = WelshFaqFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`knowledge-cy.json: ${issue.path.join(".") || "file"} ${issue.message}`);
  }
  const ids = new Set<string>();
  for (const e of parsed.data.entries) {
    if (ids.has(e.id)) throw new Error(`knowledge-cy.json: entry ${e.id} appears twice`);
    ids.add(e.id);
    if (!FAQ_ENTRIES.some((f) => f.id === e.id)) throw new Error(`knowledge-cy.json: ${e.id} is not an FAQ entry`);
  }
  for (const field of ["notCovered", "notCoveredMarks"] as const) {
    for (const id of Object.keys(parsed.data[field])) {
      if (!NOT_COVERED.some((t) => t.id === id)) throw new Error(`knowledge-cy.json: ${field}.${id} is not a not-covered topic`);
    }
  }
  return parsed.data;
}

const FILE = parseWelshFaqFile(data);

export const WELSH_FAQ: readonly WelshFaqEntry[] = FILE.entries.map((e) => ({ ...e, answer: e.answer.map(fill) }));

/** A whole question ends with "?" or has four words or more; anything shorter is a keyword. */
const isWholeQuestion = (text: string) => text.endsWith("?") || text.split(/\s+/).length >= 4;

/** The Welsh entries in the shape the rankers take (alternates split into questions and keywords). */
export const WELSH_ENTRIES: readonly FaqEntry[] = WELSH_FAQ.map((e) => ({
  id: e.id,
  topic: e.topic,
  question: e.question,
  answer: e.answer,
  alternates: e.alternates.filter(isWholeQuestion),
  keywords: e.alternates.filter((a) => !isWholeQuestion(a)),
}));

// The topics' Welsh questions and marks (the words that name each topic) come from the file.
const WELSH_NOT_COVERED = NOT_COVERED.filter((t) => FILE.notCovered[t.id]).map((t) => ({
  id: t.id,
  alternates: FILE.notCovered[t.id]!,
  marks: FILE.notCoveredMarks[t.id] ?? [],
}));

/** Build a Welsh FAQ (indexes and classifier, like createFaq) over these entries. */
export function createWelshFaq(entries: readonly FaqEntry[] = WELSH_ENTRIES, training: FaqTraining = {}): Faq {
  const corpus = [
    ...entries.flatMap((e) => [e.topic, e.question, ...e.answer, ...(e.alternates ?? []), ...e.keywords]),
    ...WELSH_NOT_COVERED.flatMap((t) => t.alternates),
    ...FILE.offTopic,
    ...Object.values(FILE.notCoveredMarks).flat(),
    ...FILE.offTopicMarks,
    // Place names, so that mutated forms ("yng Nghaerdydd", "i Abertawe") are recognised.
    [...PLACE_NAMES].join(" "),
    // Any training questions (training.ts), so their mutated words are known too.
    ...[...(training.examples ?? []), ...(training.indexed ?? [])].map(([q]) => q),
  ];
  const { analyse, isStopWord, normalise } = createWelshAnalyser(corpus);
  const domain = "secondiad secondai secondeion rhaglen GovXchange sefydliad lletyol cartref deiliad y swydd wag";
  return createFaq(entries, WELSH_NOT_COVERED, {
    analyse,
    isStopWord,
    normalise,
    vocabulary: WELSH_SYNONYM_WORDS,
    domainWords: new Set(analyse(domain)),
    genericWords: new Set(analyse("secondiad rhaglen GovXchange")),
    contextWords: new Set(analyse("secondiad rhaglen sefydliad tîm adran cyngor llywodraeth staff cydweithiwr aelod pobl gwaith swydd sector cyhoeddus gwasanaeth sifil gofal plant")),
    offTopicExamples: FILE.offTopic,
    offTopicMarks: FILE.offTopicMarks,
    placeNames: new Set(analyse([...PLACE_NAMES].join(" "))),
  }, training);
}

let built: Faq | undefined;

/** The Welsh FAQ, built on first use. */
export function welshFaq(): Faq {
  built ??= createWelshFaq();
  return built;
}

export function welshEntry(id: string): WelshFaqEntry | undefined {
  return WELSH_FAQ.find((e) => e.id === id);
}

/** The Welsh entry that answers a Welsh question, or undefined when the FAQ would not answer it. */
export function answerInWelsh(question: string): WelshFaqEntry | undefined {
  const result = welshFaq().ask(question);
  return result.kind === "answer" ? welshEntry(result.entry.id) : undefined;
}
