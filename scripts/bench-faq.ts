import { createFaq, type Faq, type FaqResult } from "../src/faq/search";
import { IN_DOMAIN, NOT_COVERED_SET, OFF_TOPIC } from "../test/faq/eval-set";
import { WELSH_IN_DOMAIN, WELSH_OFF_TOPIC } from "../test/faq/eval-set-cy";
import { welshFaq } from "../src/faq/knowledge-cy";
import { FAQ_SETS, setParts } from "../test/faq/sets";

export interface SetFigures {
  total: number;
  right: number;
  didYouMean: number;
  /** Did-you-mean whose buttons include the right topic. */
  didYouMeanWithRight: number;
  wrong: number;
  declined: number;
}

/** Score one labelled set: expected is an entry id, or undefined when the question must not be answered. */
export function scoreSet(faq: Faq, items: ReadonlyArray<readonly [string, string | undefined]>, verbose = false): SetFigures {
  const f: SetFigures = { total: items.length, right: 0, didYouMean: 0, didYouMeanWithRight: 0, wrong: 0, declined: 0 };
  for (const [question, expected] of items) {
    const r: FaqResult = faq.ask(question);
    if (r.kind === "answer") {
      if (r.entry.id === expected) f.right++;
      else {
        f.wrong++;
        if (verbose) console.log(`  WRONG  "${question}" -> ${r.entry.id} (want ${expected ?? "no answer"}, ${r.confidence.toFixed(2)})`);
      }
    } else if (r.kind === "did-you-mean") {
      f.didYouMean++;
      if (expected && r.closest.some((e) => e.id === expected)) f.didYouMeanWithRight++;
      if (verbose) console.log(`  DYM    "${question}" -> ${r.closest.map((e) => e.id).join(", ")} (want ${expected ?? "a decline"})`);
    } else {
      f.declined++;
      if (verbose && expected) console.log(`  DECL   "${question}" -> ${r.kind} (want ${expected})`);
    }
  }
  return f;
}

const pct = (n: number, d: number) => `${((100 * n) / Math.max(d, 1)).toFixed(1)} %`;

export function benchFaq(verbose = false): { inDomainRight: number; invented: number; inventedBySet: Record<string, number> } {
  const builds: number[] = [];
  let faq = createFaq();
  for (let i = 0; i < 5; i++) {
    faq = createFaq();
    builds.push(faq.buildMs);
  }
  builds.sort((a, b) => a - b);
  console.log(`start-up (indexes + classifier training): median ${builds[2]!.toFixed(0)} ms over 5 builds`);

  const cy = welshFaq();
  console.log(`Welsh FAQ start-up: ${cy.buildMs.toFixed(0)} ms`);
  // Every labelled set (test/faq/sets.ts, docs/faq-evaluation.md): a row per part, and the invented
  // answers (an entry given for a question that must be declined) on each set's decline parts.
  const inventedBySet: Record<string, number> = {};
  let inDomainRight = 0;
  for (const set of FAQ_SETS) {
    let invented = 0;
    for (const part of setParts(set)) {
      if (verbose) console.log(`-- ${part.row}`);
      const f = scoreSet(part.welsh ? cy : faq, part.items, verbose);
      if (part.decline) invented += f.wrong;
      if (part.row === "in-domain") inDomainRight = f.right / f.total;
      console.log(
        `${part.row.padEnd(23)} ${String(f.total).padStart(3)} questions: right ${pct(f.right, f.total)}, did-you-mean ${pct(f.didYouMean, f.total)}` +
          `${f.didYouMean ? ` (right topic offered in ${f.didYouMeanWithRight})` : ""}, wrong answer ${pct(f.wrong, f.total)} (${f.wrong}), declined ${pct(f.declined, f.total)}`,
      );
    }
    inventedBySet[set.label] = invented;
  }
  console.log(`invented answers: ${Object.entries(inventedBySet).map(([label, n]) => `${n} on the ${label} decline sets`).join(", ")}`);

  const all = [...IN_DOMAIN.map(([q]) => q), ...OFF_TOPIC, ...NOT_COVERED_SET];
  for (const q of all) faq.ask(q); // warm up
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of all) {
      const t = performance.now();
      faq.ask(q);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  console.log(`answer time over ${times.length} questions: p50 ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms (target p50 <= 5 ms)`);
  const welsh = [...WELSH_IN_DOMAIN.map(([q]) => q), ...WELSH_OFF_TOPIC];
  const cyTimes: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of welsh) {
      const t = performance.now();
      cy.ask(q);
      cyTimes.push(performance.now() - t);
    }
  }
  cyTimes.sort((a, b) => a - b);
  console.log(`Welsh answer time over ${cyTimes.length} questions: p50 ${cyTimes[Math.floor(cyTimes.length / 2)]!.toFixed(2)} ms`);
  return { inDomainRight, invented: inventedBySet["evaluation"] ?? 0, inventedBySet };
}

if (require.main === module) benchFaq(process.argv.includes("--verbose"));
