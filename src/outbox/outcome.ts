import type { MessageDoc, SendFailure, UnreachableKind } from "./outbox";
import { backoffMs } from "./rate-limits";

/** What becomes of a message after one go at it (stored by the dispatcher). */
export type Outcome =
  | { kind: "sent"; activityId?: string }
  | { kind: "unreachable"; why: string; reason: UnreachableKind }
  | { kind: "failed"; why: string }
  | { kind: "retry"; at: number; why: string }
  /** Not sent: what it depends on said, at send time, that it is no longer worth sending. */
  | { kind: "dropped"; why: string };

/** Failures worth another go later: network errors and timeouts (status 0), 401, 408, 412 and 5xx. */
export const isRetryable = (status: number): boolean => status === 0 || status === 401 || status === 408 || status === 412 || status >= 500;

export interface FailureContext {
  /** Requests made for this message before the one that failed. */
  attempts: number;
  /** The failed request was creating the person's 1:1 chat (there was no conversation yet). */
  creating: boolean;
  /** The app's clock, in epoch ms. */
  now: number;
  /** Give up (failed) after this many requests. */
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** For the backoff's jitter; Math.random unless given. */
  random?: () => number;
}

export interface Judgement {
  outcome: Outcome;
  /** For a 429: how long to hold back (Retry-After, else backoff), so the rate limiter can pause. */
  throttledForMs?: number;
}

/**
 * What a failed request means for its message. Pure: it reads no clock and does no I/O; the caller
 * tells the rate limiter about a 429 (`throttledForMs`) and stores the outcome.
 * - 403/404 while creating a 1:1 chat: unreachable, the app is not installed for the person;
 * - 403: unreachable, the bot is no longer in the conversation; 404: the conversation does not exist;
 * - 429: back to the queue after Retry-After (else backoff);
 * - network errors, timeouts, 401, 408, 412, 5xx: back to the queue after a jittered exponential backoff;
 * - a 429 or retryable failure on the maxAttempts-th request: failed;
 * - anything else (400, 413 …): failed at once.
 */
export function outcomeOf(failure: SendFailure, ctx: FailureContext): Judgement {
  const what = `${failure.status || "network error or timeout"}${failure.code ? ` ${failure.code}` : ""}`;
  if (ctx.creating && (failure.status === 403 || failure.status === 404)) {
    return { outcome: { kind: "unreachable", reason: "not-installed", why: `Teams would not open a 1:1 chat with this person (${what}): the app is not installed for them` } };
  }
  if (failure.status === 403) {
    return { outcome: { kind: "unreachable", reason: "removed-from-conversation", why: `Teams refused the message (${what}): the bot is no longer in this conversation` } };
  }
  if (failure.status === 404) {
    return { outcome: { kind: "unreachable", reason: "conversation-not-found", why: `Teams refused the message (${what}): the conversation does not exist` } };
  }
  const attempts = ctx.attempts + 1;
  const backoff = () => backoffMs(attempts, ctx.backoffBaseMs, ctx.backoffMaxMs, ctx.random);
  if (failure.status === 429) {
    const wait = failure.retryAfterMs ?? backoff();
    const outcome: Outcome =
      attempts >= ctx.maxAttempts
        ? { kind: "failed", why: `gave up after ${attempts} attempts; last: throttled (${what})` }
        : { kind: "retry", at: ctx.now + wait, why: `throttled (${what})` };
    return { outcome, throttledForMs: wait };
  }
  if (isRetryable(failure.status)) {
    return {
      outcome:
        attempts >= ctx.maxAttempts
          ? { kind: "failed", why: `gave up after ${attempts} attempts; last: ${what}` }
          : { kind: "retry", at: ctx.now + backoff(), why: what },
    };
  }
  return { outcome: { kind: "failed", why: `Teams rejected the message (${what})` } };
}

/**
 * The claimed message's document once its outcome is known (what the dispatcher writes back,
 * etag-guarded): the send lease dropped, `attempts` counting the request if one was made, and
 * `sent` (sentAt, sentBy, activityId; no lastError), `unreachable`, `failed`, `dropped`, or `queued` again
 * with a later notBefore. Pure; `now` is the app's clock in epoch ms.
 */
export function settledDoc(claimed: MessageDoc, outcome: Outcome, ctx: { requested: boolean; now: number; instanceId: string }): MessageDoc {
  const now = new Date(ctx.now).toISOString();
  const base: MessageDoc = { ...claimed, attempts: claimed.attempts + (ctx.requested ? 1 : 0) };
  delete base.leaseOwner;
  delete base.leaseUntil;
  switch (outcome.kind) {
    case "sent": {
      const next: MessageDoc = { ...base, status: "sent", sentAt: now, sentBy: ctx.instanceId };
      delete next.lastError;
      if (outcome.activityId) next.activityId = outcome.activityId;
      return next;
    }
    case "unreachable":
      return { ...base, status: "unreachable", lastError: outcome.why, unreachableReason: outcome.reason };
    case "failed":
      return { ...base, status: "failed", lastError: outcome.why };
    case "dropped":
      return { ...base, status: "dropped", lastError: outcome.why };
    case "retry":
      return { ...base, status: "queued", notBefore: new Date(outcome.at).toISOString(), lastError: outcome.why };
  }
}
