/**
 * Matching benchmark: 25,000 interests and 2,500 roles from a fixed seed (test/matching/dataset.ts:
 * skills clustered by profession, grades around EO to G7, some part-time, some fixed-term, about
 * 70 % released), then:
 *
 * - a full re-match with the indexed engine (median of 3 runs; the first, cold run shown too);
 * - matching one new submission: upsertCandidate + matchesForCandidate, median of 50;
 * - the same full re-match by naiveFullRematch (every pair), in the same run;
 * - the speed-up, and whether both give the same top results (OK, or MISMATCH with a count);
 * - heap used with the engine loaded.
 *
 * Targets: full ≤ 1 s on one core, incremental ≤ 20 ms, ≥ 20× faster than naive. Figures only; it
 * asserts nothing about time.
 *
 *   node dist/scripts/bench-matching.js [--candidates N] [--openings M] [--seed S]
 */
import { performance } from "node:perf_hooks";
import { MatchEngine, naiveFullRematch, type Proposal } from "../src/matching/engine";
import { generateDataset } from "../test/matching/dataset";

export interface BenchMatchingOptions {
  candidates?: number;
  openings?: number;
  seed?: number;
  limitPerOpening?: number;
  print?: (line: string) => void;
}

export interface BenchMatchingResult {
  candidates: number;
  openings: number;
  buildMs: number;
  fullMs: number;
  fullColdMs: number;
  incrementalMedianMs: number;
  naiveMs: number;
  speedUp: number;
  pairsVisited: number;
  pairsTotal: number;
  proposals: number;
  mismatches: number;
  heapUsedMb: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const value = f();
  return [value, performance.now() - t0];
}

const key = (ps: readonly Proposal[]) => ps.map((p) => `${p.candidateId}:${p.score}`).join(",");

/** Openings whose proposals (candidates, order and scores) differ between the two results. */
export function countMismatches(a: Map<string, Proposal[]>, b: Map<string, Proposal[]>): number {
  let n = 0;
  for (const id of new Set([...a.keys(), ...b.keys()])) if (key(a.get(id) ?? []) !== key(b.get(id) ?? [])) n++;
  return n;
}

export async function benchMatching(o: BenchMatchingOptions = {}): Promise<BenchMatchingResult> {
  const print = o.print ?? ((line: string) => console.log(line));
  const nCandidates = o.candidates ?? 25_000;
  const nOpenings = o.openings ?? 2_500;
  const limit = o.limitPerOpening ?? 5;
  const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

  const [data, genMs] = time(() => generateDataset({ candidates: nCandidates, openings: nOpenings, seed: o.seed ?? 20270111 }));
  const released = data.candidates.filter((c) => c.released).length;
  print(`Matching benchmark: ${nCandidates.toLocaleString("en-GB")} interests (${Math.round((100 * released) / nCandidates)} % released), ${nOpenings.toLocaleString("en-GB")} roles, generated in ${ms(genMs)}`);

  const engine = new MatchEngine(data.ctx);
  const [, buildMs] = time(() => {
    for (const c of data.candidates) engine.upsertCandidate(c);
    for (const r of data.openings) engine.upsertOpening(r);
  });
  (globalThis as { gc?: () => void }).gc?.();
  const heapUsedMb = process.memoryUsage().heapUsed / 2 ** 20;
  print(`  index build (upsert all):       ${ms(buildMs)}`);

  const runs: number[] = [];
  let full = new Map<string, Proposal[]>();
  const visitedBefore = engine.pairsVisited;
  for (let i = 0; i < 3; i++) {
    const [result, t] = time(() => engine.fullRematch(limit));
    full = result;
    runs.push(t);
  }
  const pairsVisited = (engine.pairsVisited - visitedBefore) / 3;
  const pairsTotal = nCandidates * nOpenings;
  const fullMs = median(runs);
  const proposals = [...full.values()].reduce((n, ps) => n + ps.length, 0);
  print(`  full re-match (engine):         ${ms(fullMs)} median of 3 (cold ${ms(runs[0]!)})   target ≤ 1,000 ms`);
  print(`    pairs looked at:              ${Math.round(pairsVisited).toLocaleString("en-GB")} of ${pairsTotal.toLocaleString("en-GB")} (${((100 * pairsVisited) / pairsTotal).toFixed(1)} %)`);
  print(`    proposals:                    ${proposals.toLocaleString("en-GB")} for ${full.size.toLocaleString("en-GB")} open roles`);

  const [naive, naiveMs] = time(() => naiveFullRematch(data.candidates, data.openings, data.ctx, limit));
  const speedUp = naiveMs / fullMs;
  print(`  full re-match (naive):          ${ms(naiveMs)}`);
  print(`  speed-up:                       ${speedUp.toFixed(1)}×   target ≥ 20×`);
  const mismatches = countMismatches(full, naive);
  print(`  same top results:               ${mismatches === 0 ? "OK" : `MISMATCH (${mismatches} roles differ)`}`);

  const incremental: number[] = [];
  for (let i = 0; i < 50; i++) {
    const c = data.generator.candidate(`n${String(i).padStart(5, "0")}`);
    c.released = true;
    c.status = "available";
    const [, t] = time(() => {
      engine.upsertCandidate(c);
      engine.matchesForCandidate(c.id);
    });
    incremental.push(t);
  }
  const incrementalMedianMs = median(incremental);
  print(`  one new submission (upsert + matchesForCandidate): ${ms(incrementalMedianMs)} median of 50 (max ${ms(Math.max(...incremental))})   target ≤ 20 ms`);
  print(`  heap used with the engine loaded: ${heapUsedMb.toFixed(0)} MB`);

  return {
    candidates: nCandidates,
    openings: nOpenings,
    buildMs,
    fullMs,
    fullColdMs: runs[0]!,
    incrementalMedianMs,
    naiveMs,
    speedUp,
    pairsVisited,
    pairsTotal,
    proposals,
    mismatches,
    heapUsedMb,
  };
}

function arg(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
}

if (require.main === module) {
  benchMatching({ candidates: arg("candidates"), openings: arg("openings"), seed: arg("seed") }).catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
