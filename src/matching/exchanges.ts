import { proposalFor } from "./explain";
import { capLookup, EXCHANGE_BIT, prepareCandidate, runEnv, type PreparedCandidate, type RunEnv } from "./prepare";
import { passesHardRules } from "./rules";
import { scorePair } from "./score";
import { byScoreThenId } from "./select";
import type { Candidate, ExchangeProposal, MatchContext, Proposal } from "./types";
import { msg } from "./message";

/**
 * Exchanges (job swaps): two people who both want an exchange and each offer a home role, at
 * comparable levels (grade levels at most EXCHANGE_LEVEL_GAP apart), where each passes every hard
 * rule for the other's home role. Proposed together, with both one-way explanations. A home role
 * counts as offering the "exchange" type whatever else it lists.
 *
 * The skill relevance gate does not apply: each side's home role is a given, not a vacancy looking
 * for skills, so the pair is ranked by the two one-way scores added together.
 */
export const EXCHANGE_LEVEL_GAP = 1;

/** Default for how many exchanges one person appears in, best first. */
export const EXCHANGES_PER_CANDIDATE = 3;

function wantsExchange(c: PreparedCandidate): boolean {
  return c.home !== undefined && (c.typeMask & EXCHANGE_BIT) !== 0 && c.released && c.available;
}

function proposal(c: PreparedCandidate, other: PreparedCandidate, env: RunEnv): Proposal {
  const home = other.home!;
  return proposalFor(c, home, scorePair(c, home, env), env);
}

/**
 * All exchanges among `pool`, best first (total score, then ids), each person in at most
 * `limitPerCandidate` of them. Looks only at pairs whose levels are close enough and fall within
 * each other's home role's grade range.
 */
export function findExchanges(pool: Iterable<PreparedCandidate>, env: RunEnv, limitPerCandidate = EXCHANGES_PER_CANDIDATE): ExchangeProposal[] {
  const byLevel = new Map<number, PreparedCandidate[]>();
  for (const c of pool) {
    if (!wantsExchange(c)) continue;
    const list = byLevel.get(c.level) ?? [];
    list.push(c);
    byLevel.set(c.level, list);
  }

  const found: { a: PreparedCandidate; b: PreparedCandidate; score: number; id: string }[] = [];
  for (const [level, list] of byLevel) {
    for (const a of list) {
      const home = a.home!;
      const from = Math.max(level - EXCHANGE_LEVEL_GAP, home.minLevel);
      const to = Math.min(level + EXCHANGE_LEVEL_GAP, home.maxLevel);
      for (let l = from; l <= to; l++) {
        for (const b of byLevel.get(l) ?? []) {
          if (!(a.id < b.id)) continue;
          if (!passesHardRules(b, home, env) || !passesHardRules(a, b.home!, env)) continue;
          const score = scorePair(a, b.home!, env) + scorePair(b, home, env);
          found.push({ a, b, score: Math.round(score * 100) / 100, id: `${a.id}|${b.id}` });
        }
      }
    }
  }

  found.sort(byScoreThenId);
  const used = new Map<string, number>();
  const out: ExchangeProposal[] = [];
  for (const { a, b, score } of found) {
    if ((used.get(a.id) ?? 0) >= limitPerCandidate || (used.get(b.id) ?? 0) >= limitPerCandidate) continue;
    used.set(a.id, (used.get(a.id) ?? 0) + 1);
    used.set(b.id, (used.get(b.id) ?? 0) + 1);
    const first = proposal(a, b, env);
    const second = proposal(b, a, env);
    const summary = msg("matching.exchange.summary", { a: a.source.name, aTakes: b.source.homeRole!.title, b: b.source.name, bTakes: a.source.homeRole!.title });
    out.push({ candidateIds: [a.id, b.id], score, first, second, summary });
  }
  return out;
}

/** Exchanges among candidates as callers hold them. */
export function exchangesAmong(candidates: readonly Candidate[], ctx: MatchContext, limitPerCandidate = EXCHANGES_PER_CANDIDATE): ExchangeProposal[] {
  const caps = capLookup(ctx);
  return findExchanges(
    candidates.map((c) => prepareCandidate(c, caps)),
    runEnv(ctx),
    limitPerCandidate,
  );
}
