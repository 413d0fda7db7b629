import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { FOLDS, trainingFrom } from "./bench-faq-folds";

/**
 * Write src/faq/training-en.json and training-cy.json: the in-domain questions of every development
 * set (test/faq/sets.ts), entry id and question only, each typed question once. The evaluation set
 * and every blind set are left out (FOLDS). Run after a set changes or a blind set becomes a
 * development set: npm run build && node dist/scripts/export-training.js
 */
const root = join(__dirname, "..", "..");
const training = trainingFrom(FOLDS);
const comment =
  "Written by scripts/export-training.ts from the development sets in test/faq (not the evaluation set, not a blind set): do not edit by hand. See docs/faq-evaluation.md, session 10.";
for (const [lang, questions] of [["en", training.en.inDomain], ["cy", training.cy.inDomain]] as const) {
  const file = join(root, "src", "faq", `training-${lang}.json`);
  // One question a line, so a change to a set reads as a short diff.
  const lines = questions.map(([question, id]) => `    ${JSON.stringify({ id, question })}`);
  writeFileSync(file, `{\n  "$comment": ${JSON.stringify(comment)},\n  "questions": [\n${lines.join(",\n")}\n  ]\n}\n`);
  console.log(`${file}: ${questions.length} questions`);
}
