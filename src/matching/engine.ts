import { proposalFor } from "./explain";
import { findExchanges, EXCHANGES_PER_CANDIDATE } from "./exchanges";
import { CandidateIndex, OpeningIndex } from "./match-index";
import { OpeningProbe } from "./prefilter";
import {
  capLookup,
  prepareCandidate,
  prepareOpening,
  runEnv,
  type CapLookup,
  type PreparedCandidate,
  type PreparedOpening,
  type RunEnv,
} from "./prepare";
import { checkAllRules, passesHardRules, type HardRuleId, type RuleCheck } from "./rules";
import { isRelevant, scorePair } from "./score";
import { pickFair, ScoreCollector, type Scored } from "./select";
import type { Candidate, ExchangeProposal, MatchContext, Opening, Proposal } from "./types";

export type { Candidate, ExchangeProposal, MatchContext, Opening, Proposal } from "./types";

/**
 * The matching engine: keeps candidates and openings in indexes (match-index.ts) and proposes
 * the best pairs that pass every hard rule (rules.ts), ranked by score (score.ts), with fair
 * exposure among near-ties (select.ts), each with an explanation (explain.ts).
 *
 * Which pairs are proposed: those that pass every hard rule AND share at least one skill (the
 * candidate offers a skill the role needs or would value, or wants to develop one it offers). A
 * pair with no skill in common is never proposed, however well the rest fits; that is what lets
 * the skill index skip it. naiveFullRematch applies exactly the same test to every pair.
 *
 * Pure and synchronous: no I/O, no clock (ctx.today, startSlackDays, declinedPairs and exposure
 * are read at each query). Duration caps are looked up once per organisation name and kept.
 * Keep one engine and upsert changes into it: building the index for 25,000 interests takes
 * about a second, a change well under a millisecond.
 */
/** The rules about the pool, not the pair's terms (see MatchEngine.recheck). */
const POOL_RULES: ReadonlySet<HardRuleId> = new Set(["released", "available-and-open", "not-declined"]);

export class MatchEngine {
  private readonly caps: CapLookup;
  private readonly candidates = new CandidateIndex();
  private readonly openings = new OpeningIndex();
  private readonly collector = new ScoreCollector<PreparedCandidate>();

  constructor(private readonly ctx: MatchContext) {
    this.caps = capLookup(ctx);
  }

  /** Adds or replaces a candidate (by id). Throws RangeError on a malformed date: pass validated details. */
  upsertCandidate(c: Candidate): void {
    this.candidates.upsert(prepareCandidate(c, this.caps));
  }

  removeCandidate(id: string): void {
    this.candidates.remove(id);
  }

  /** Adds or replaces an opening (by id). Throws RangeError on a malformed date: pass validated details. */
  upsertOpening(o: Opening): void {
    this.openings.upsert(prepareOpening(o, this.caps));
  }

  removeOpening(id: string): void {
    this.openings.remove(id);
  }

  get candidateCount(): number {
    return this.candidates.size;
  }

  get openingCount(): number {
    return this.openings.size;
  }

  /** Counts for the benchmark: index rows opening queries looked at, and pairs checked in full (every rule and the score). */
  get work(): { scanned: number; checked: number } {
    return { scanned: this.candidates.scanned, checked: this.candidates.checked };
  }

  /**
   * The rules a pair already matched no longer meets, as the role and the person stand now (after
   * either changed): every hard rule but those about the pool itself (released, available and
   * open, not turned down), which a pair in play need not meet again. Undefined if either is not
   * in the pool.
   */
  recheck(candidateId: string, openingId: string): RuleCheck[] | undefined {
    const c = this.candidates.get(candidateId);
    const o = this.openings.get(openingId);
    if (!c || !o) return undefined;
    return checkAllRules(c, o, runEnv(this.ctx)).filter((r) => !r.pass && !POOL_RULES.has(r.id));
  }

  /** The best candidates for one open role, fair exposure applied (ctx.exposure). */
  matchesForOpening(openingId: string, limit = 5): Proposal[] {
    const o = this.openings.get(openingId);
    if (!o?.open) return [];
    const env = runEnv(this.ctx);
    const exposure = this.ctx.exposure;
    return this.rankFor(o, env, limit, (s) => exposure?.get(s.id) ?? 0);
  }

  /**
   * The best open roles for one candidate: what to propose when one interest is submitted or
   * changed. Ranked by score, then role id (exposure is counted per candidate, so it does not
   * reorder one candidate's roles).
   */
  matchesForCandidate(candidateId: string, limit = 5): Proposal[] {
    const c = this.candidates.get(candidateId);
    if (!c?.released || !c.available) return [];
    const env = runEnv(this.ctx);
    const scored: Scored<PreparedOpening>[] = [];
    this.openings.forEachOpeningFor(c, env.slackDays, (o) => {
      if (passesHardRules(c, o, env)) scored.push({ item: o, id: o.id, score: scorePair(c, o, env) });
    });
    return pickFair(scored, limit, () => 0).map((s) => proposalFor(c, s.item, s.score, env));
  }

  /**
   * Every open role's best candidates, roles in id order. Within the run, a candidate already
   * proposed counts that against them among near-ties, on top of ctx.exposure, so that equally good
   * people share the proposals. Every open role has an entry, empty if nobody fits.
   */
  fullRematch(limitPerOpening = 5): Map<string, Proposal[]> {
    const env = runEnv(this.ctx);
    const load = new Map<string, number>();
    const exposure = this.ctx.exposure;
    const out = new Map<string, Proposal[]>();
    for (const o of this.openings.openInIdOrder()) {
      const proposals = this.rankFor(o, env, limitPerOpening, (s) => (exposure?.get(s.id) ?? 0) + (load.get(s.id) ?? 0));
      for (const p of proposals) load.set(p.candidateId, (load.get(p.candidateId) ?? 0) + 1);
      out.set(o.id, proposals);
    }
    return out;
  }

  /** Job swaps among released, available candidates who want an exchange and offer a home role. */
  exchanges(limitPerCandidate = EXCHANGES_PER_CANDIDATE): ExchangeProposal[] {
    return findExchanges(this.candidates.exchangeCandidates(), runEnv(this.ctx), limitPerCandidate);
  }

  private rankFor(o: PreparedOpening, env: RunEnv, limit: number, load: (s: Scored<PreparedCandidate>) => number): Proposal[] {
    const collector = this.collector;
    collector.reset(limit);
    this.candidates.forEachCandidateFor(new OpeningProbe(o, env), env.slackDays, collector, (c) => {
      if (isRelevant(c, o) && passesHardRules(c, o, env)) collector.add(c, scorePair(c, o, env));
    });
    const picked = pickFair(collector.contenders((c) => c.id), limit, load);
    collector.reset(0);
    return picked.map((s) => proposalFor(s.item, o, s.score, env));
  }
}

/**
 * The same full re-match as MatchEngine.fullRematch, by checking and scoring every pair with no
 * index: same hard rules, same relevance gate, same score, same fair picking, roles in the same
 * order. Kept for the benchmark and tests to compare against; never use it in the app.
 */
export function naiveFullRematch(candidates: Candidate[], openings: Opening[], ctx: MatchContext, limitPerOpening = 5): Map<string, Proposal[]> {
  const caps = capLookup(ctx);
  const env = runEnv(ctx);
  const prepared = candidates.map((c) => prepareCandidate(c, caps));
  const roles = openings.map((o) => prepareOpening(o, caps)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const load = new Map<string, number>();
  const exposure = ctx.exposure;
  const collector = new ScoreCollector<PreparedCandidate>();
  const out = new Map<string, Proposal[]>();
  for (const o of roles) {
    collector.reset(limitPerOpening);
    for (const c of prepared) {
      if (passesHardRules(c, o, env) && isRelevant(c, o)) collector.add(c, scorePair(c, o, env));
    }
    if (!o.open) continue;
    const picked = pickFair(collector.contenders((c) => c.id), limitPerOpening, (s) => (exposure?.get(s.id) ?? 0) + (load.get(s.id) ?? 0));
    for (const s of picked) load.set(s.id, (load.get(s.id) ?? 0) + 1);
    out.set(o.id, picked.map((s) => proposalFor(s.item, o, s.score, env)));
  }
  return out;
}
