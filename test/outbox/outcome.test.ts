import assert from "node:assert/strict";
import type { MessageDoc, SendFailure } from "../../src/outbox/outbox";
import { isRetryable, outcomeOf, settledDoc, type FailureContext } from "../../src/outbox/outcome";

const NOW = Date.parse("2026-03-02T09:00:00.000Z");

/** A second request (one made before) to an existing conversation; jitter fixed at the top of the range. */
const ctx = (over: Partial<FailureContext> = {}): FailureContext => ({
  attempts: 1,
  creating: false,
  now: NOW,
  maxAttempts: 5,
  backoffBaseMs: 1_000,
  backoffMaxMs: 60_000,
  random: () => 1,
  ...over,
});
const fail = (status: number, extra: Partial<SendFailure> = {}): SendFailure => ({ ok: false, status, ...extra });

describe("outbox outcome of a failed request", () => {
  it("403 or 404 while creating a 1:1 chat: unreachable, the app is not installed for the person", () => {
    for (const status of [403, 404]) {
      const { outcome, throttledForMs } = outcomeOf(fail(status), ctx({ creating: true }));
      assert.equal(outcome.kind, "unreachable");
      assert.equal(outcome.kind === "unreachable" && outcome.reason, "not-installed");
      assert.match(outcome.kind === "unreachable" ? outcome.why : "", new RegExp(`would not open a 1:1 chat .*\\(${status}\\)`));
      assert.equal(throttledForMs, undefined);
    }
  });

  it("403 on a send: unreachable, the bot is no longer in the conversation; 404: the conversation does not exist", () => {
    const removed = outcomeOf(fail(403, { code: "BotNotInConversationRoster" }), ctx()).outcome;
    assert.deepEqual(removed, {
      kind: "unreachable",
      reason: "removed-from-conversation",
      why: "Teams refused the message (403 BotNotInConversationRoster): the bot is no longer in this conversation",
    });
    const missing = outcomeOf(fail(404), ctx()).outcome;
    assert.equal(missing.kind === "unreachable" && missing.reason, "conversation-not-found");
  });

  it("429 with Retry-After: queued again after exactly that long, and the wait is given for the rate limiter", () => {
    const judged = outcomeOf(fail(429, { retryAfterMs: 7_000 }), ctx());
    assert.deepEqual(judged, { outcome: { kind: "retry", at: NOW + 7_000, why: "throttled (429)" }, throttledForMs: 7_000 });
  });

  it("429 without Retry-After: queued again after the backoff for this attempt", () => {
    // Second request (attempts 1 → 2): ceiling 1000 × 2 = 2000 ms; random 1 gives the ceiling, 0 half of it.
    assert.deepEqual(outcomeOf(fail(429), ctx()), { outcome: { kind: "retry", at: NOW + 2_000, why: "throttled (429)" }, throttledForMs: 2_000 });
    assert.deepEqual(outcomeOf(fail(429), ctx({ random: () => 0 })).throttledForMs, 1_000);
    // A 429 while creating a chat is a throttle too, not "not installed".
    assert.equal(outcomeOf(fail(429), ctx({ creating: true })).outcome.kind, "retry");
  });

  it("network errors, timeouts, 401, 408, 412 and 5xx: queued again after a growing backoff", () => {
    for (const status of [0, 401, 408, 412, 500, 502, 503, 504]) {
      assert.equal(isRetryable(status), true, `${status} is retryable`);
      const { outcome, throttledForMs } = outcomeOf(fail(status), ctx());
      assert.equal(outcome.kind, "retry", `${status}`);
      assert.equal(outcome.kind === "retry" && outcome.at, NOW + 2_000, `${status}`);
      assert.equal(throttledForMs, undefined);
    }
    const fourth = outcomeOf(fail(503), ctx({ attempts: 3 })).outcome;
    assert.equal(fourth.kind === "retry" && fourth.at, NOW + 8_000);
    const capped = outcomeOf(fail(503), ctx({ attempts: 20, maxAttempts: 50 })).outcome;
    assert.equal(capped.kind === "retry" && capped.at, NOW + 60_000);
    assert.deepEqual(outcomeOf(fail(0), ctx()).outcome, { kind: "retry", at: NOW + 2_000, why: "network error or timeout" });
  });

  it("gives up (failed) when the request that failed was the maxAttempts-th", () => {
    assert.deepEqual(outcomeOf(fail(503), ctx({ attempts: 4 })).outcome, { kind: "failed", why: "gave up after 5 attempts; last: 503" });
    assert.equal(outcomeOf(fail(503), ctx({ attempts: 3 })).outcome.kind, "retry");
    const throttled = outcomeOf(fail(429, { retryAfterMs: 3_000 }), ctx({ attempts: 4 }));
    assert.deepEqual(throttled, { outcome: { kind: "failed", why: "gave up after 5 attempts; last: throttled (429)" }, throttledForMs: 3_000 });
  });

  it("other client errors fail at once, however few attempts were made", () => {
    for (const status of [400, 409, 413]) {
      assert.equal(isRetryable(status), false);
      assert.deepEqual(outcomeOf(fail(status), ctx({ attempts: 0 })).outcome, { kind: "failed", why: `Teams rejected the message (${status})` });
    }
  });
});

describe("outbox document after an outcome", () => {
  const claimed: MessageDoc = {
    id: "approval:1",
    pk: "approval:1",
    type: "message",
    lane: "t|person:aad-1",
    target: { kind: "person", tenantId: "t", aadObjectId: "aad-1", serviceUrl: "https://smba.example/" },
    activity: { type: "message", text: "hello" },
    purpose: "approval-card",
    status: "sending",
    attempts: 2,
    notBefore: "2026-03-02T08:00:00.000Z",
    createdAt: "2026-03-02T08:00:00.000Z",
    updatedAt: "2026-03-02T08:59:00.000Z",
    lastError: "503",
    leaseOwner: "instance-a",
    leaseUntil: "2026-03-02T09:01:00.000Z",
  };
  const at = { requested: true, now: NOW, instanceId: "instance-a" };

  it("sent: counts the request, records who sent it and when, drops the lease and the last error", () => {
    const next = settledDoc(claimed, { kind: "sent", activityId: "act-9" }, at);
    assert.equal(next.status, "sent");
    assert.equal(next.attempts, 3);
    assert.equal(next.sentAt, "2026-03-02T09:00:00.000Z");
    assert.equal(next.sentBy, "instance-a");
    assert.equal(next.activityId, "act-9");
    for (const gone of ["leaseOwner", "leaseUntil", "lastError"] as const) assert.equal(gone in next, false, gone);
    assert.equal(claimed.leaseOwner, "instance-a", "the claimed document is left as it was");
  });

  it("retry: queued again with the new notBefore; no request made means no attempt counted", () => {
    const next = settledDoc(claimed, { kind: "retry", at: NOW + 5_000, why: "no rate-limit place in time" }, { ...at, requested: false });
    assert.equal(next.status, "queued");
    assert.equal(next.attempts, 2);
    assert.equal(next.notBefore, "2026-03-02T09:00:05.000Z");
    assert.equal(next.lastError, "no rate-limit place in time");
    assert.equal("leaseOwner" in next, false);
  });

  it("unreachable and failed keep the reason", () => {
    const gone = settledDoc(claimed, { kind: "unreachable", reason: "not-installed", why: "no chat" }, at);
    assert.deepEqual([gone.status, gone.unreachableReason, gone.lastError, gone.attempts], ["unreachable", "not-installed", "no chat", 3]);
    const failed = settledDoc(claimed, { kind: "failed", why: "Teams rejected the message (400)" }, at);
    assert.deepEqual([failed.status, failed.lastError], ["failed", "Teams rejected the message (400)"]);
  });
});
