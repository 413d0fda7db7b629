import assert from "node:assert/strict";
import { backoffMs, parseRetryAfter, SlidingWindowLog, TeamsRateLimiter, type Permit } from "../../src/outbox/rate-limits";

const T = "tenant-1";

/** Take a place and settle it at once, as a request that arrives at `at` would be. */
function sendAt(limiter: TeamsRateLimiter, conversation: string | undefined, at: number, tenant = T): boolean {
  const got = limiter.acquire(tenant, conversation, at);
  if (!got.ok) return false;
  got.permit.done(at);
  return true;
}

describe("Teams rate limits", () => {
  describe("one sliding window", () => {
    it("allows `limit` sends in a window, and the next exactly when the oldest is windowMs old", () => {
      const log = new SlidingWindowLog([{ limit: 3, windowMs: 1000 }]);
      for (const t of [0, 10, 20]) {
        assert.equal(log.waitMs("k", t), 0);
        log.record("k", t);
      }
      assert.equal(log.waitMs("k", 20), 980);
      assert.equal(log.waitMs("k", 999), 1, "one millisecond before the first send leaves the window");
      assert.equal(log.waitMs("k", 1000), 0, "a send exactly windowMs ago no longer counts");
      log.record("k", 1000);
      assert.equal(log.waitMs("k", 1000), 10, "now the send at 10 is the oldest that counts");
    });

    it("keeps keys apart, and forgets what no window can see", () => {
      const log = new SlidingWindowLog([{ limit: 1, windowMs: 100 }]);
      log.record("a", 0);
      assert.equal(log.waitMs("a", 50), 50);
      assert.equal(log.waitMs("b", 50), 0);
      log.prune(100);
      assert.equal(log.size, 0);
    });
  });

  describe("per conversation: 7 / 1 s, 8 / 2 s, 60 / 30 s, 1800 / hour", () => {
    it("allows 7 in a second and refuses the 8th until the first is a second old", () => {
      const limits = new TeamsRateLimiter({ arrivalMarginMs: 0 });
      for (let i = 0; i < 7; i++) assert.ok(sendAt(limits, "c", i * 10), `send ${i + 1}`);
      const eighth = limits.acquire(T, "c", 999);
      assert.deepEqual(eighth.ok ? "ok" : eighth.waitMs, 1);
      assert.ok(sendAt(limits, "c", 1000));
    });

    it("allows only 8 in any 2 seconds, however they are spread", () => {
      const limits = new TeamsRateLimiter({ arrivalMarginMs: 0 });
      for (let i = 0; i < 7; i++) assert.ok(sendAt(limits, "c", 0));
      assert.ok(sendAt(limits, "c", 1000), "8th at 1 s: the 1-s window has emptied");
      const ninth = limits.acquire(T, "c", 1500);
      assert.equal(ninth.ok ? 0 : ninth.waitMs, 500, "9th waits until the sends at 0 are 2 s old");
      assert.equal(limits.waitMs(T, "c", 1999), 1);
      assert.ok(sendAt(limits, "c", 2000));
    });

    it("allows only 60 in 30 seconds", () => {
      const limits = new TeamsRateLimiter({ arrivalMarginMs: 0 });
      // 4 every 2 s stays inside the 1-s and 2-s windows: 60 sends take 0..28 s.
      let t = 0;
      for (let i = 0; i < 60; i++) {
        t = Math.floor(i / 4) * 2000;
        assert.ok(sendAt(limits, "c", t), `send ${i + 1} at ${t}`);
      }
      assert.equal(t, 28_000);
      assert.ok(limits.waitMs(T, "c", 29_000) > 0);
      assert.equal(limits.waitMs(T, "c", 29_999), 1, "the first 4 were at 0");
      assert.equal(limits.waitMs(T, "c", 30_000), 0, "…and leave the window at 30 s exactly");
    });

    it("allows only 1800 in an hour", () => {
      const limits = new TeamsRateLimiter({ arrivalMarginMs: 0 });
      // 60 every 30 s (2 per second) for 15 minutes = 1800.
      for (let i = 0; i < 1800; i++) limits.recordPast(T, "c", Math.floor(i / 2) * 1000 + (i % 2) * 100);
      const last = 899 * 1000 + 100;
      assert.ok(limits.waitMs(T, "c", last + 40_000) > 0);
      assert.equal(limits.waitMs(T, "c", 3_600_000 - 1), 1, "the first send was at 0");
      assert.equal(limits.waitMs(T, "c", 3_600_000), 0);
    });

    it("does not let one conversation's sends hold up another's", () => {
      const limits = new TeamsRateLimiter({ arrivalMarginMs: 0 });
      for (let i = 0; i < 7; i++) sendAt(limits, "a", 0);
      assert.ok(limits.waitMs(T, "a", 1) > 0);
      assert.equal(limits.waitMs(T, "b", 1), 0);
    });
  });

  describe("per tenant: 50 / s", () => {
    it("allows 50 a second across conversations and refuses the 51st until the first is a second old", () => {
      const limits = new TeamsRateLimiter({ arrivalMarginMs: 0 });
      for (let i = 0; i < 50; i++) assert.ok(sendAt(limits, `c${i}`, i));
      const next = limits.acquire(T, "c-new", 50);
      assert.equal(next.ok ? 0 : next.waitMs, 950);
      assert.equal(limits.waitMs(T, "c-new", 999), 1);
      assert.ok(sendAt(limits, "c-new", 1000));
      assert.equal(limits.waitMs("other-tenant", "c-new", 1000), 0, "tenants are separate");
    });

    it("counts creating a conversation against the tenant only", () => {
      const limits = new TeamsRateLimiter({ arrivalMarginMs: 0 });
      for (let i = 0; i < 50; i++) assert.ok(sendAt(limits, undefined, 0));
      assert.ok(limits.waitMs(T, "c", 1) > 0);
    });
  });

  describe("requests in flight", () => {
    /** A limiter that has seen 20 round trips of `rtt` ms (through another tenant). */
    function warmed(opts: ConstructorParameters<typeof TeamsRateLimiter>[0], rtt: number): TeamsRateLimiter {
      const limits = new TeamsRateLimiter(opts);
      for (let i = 0; i < 20; i++) {
        const got = limits.acquire("warm-up", undefined, i * 10_000);
        assert.ok(got.ok);
        got.permit.done(i * 10_000 + rtt);
      }
      return limits;
    }

    it("counts a request in flight at start + margin", () => {
      const limits = new TeamsRateLimiter({ arrivalMarginMs: 30, tenant: [{ limit: 1, windowMs: 1000 }] });
      const got = limits.acquire(T, "c", 0);
      assert.ok(got.ok);
      assert.equal(limits.waitMs(T, "d", 500), 530);
    });

    it("counts a request at its completion until the usual round trip is known", () => {
      const limits = new TeamsRateLimiter({ arrivalMarginMs: 30, tenant: [{ limit: 1, windowMs: 1000 }] });
      const got = limits.acquire(T, "c", 0);
      assert.ok(got.ok);
      got.permit.done(80);
      assert.equal(limits.waitMs(T, "d", 500), 580);
    });

    it("then counts a usual request at start + margin, or at completion if that is sooner", () => {
      const limits = warmed({ arrivalMarginMs: 30, tenant: [{ limit: 1, windowMs: 1000 }] }, 50);
      const usual = limits.acquire(T, "c", 1_000_000);
      assert.ok(usual.ok);
      usual.permit.done(1_000_050);
      assert.equal(limits.waitMs(T, "d", 1_000_500), 530);
      const quick = limits.acquire(T, "c", 2_000_000);
      assert.ok(quick.ok);
      quick.permit.done(2_000_010);
      assert.equal(limits.waitMs(T, "d", 2_000_500), 510);
    });

    it("counts a slower-than-usual request later by the extra time: it may have been on the way in", () => {
      const limits = warmed({ arrivalMarginMs: 30, tenant: [{ limit: 1, windowMs: 1000 }] }, 50);
      const slow = limits.acquire(T, "c", 1_000_000);
      assert.ok(slow.ok);
      slow.permit.done(1_000_170); // 120 ms more than usual
      assert.equal(limits.waitMs(T, "d", 1_000_500), 30 + 120 + 500);
    });

    it("re-stamps a place when the request really starts later, and frees it on cancel", () => {
      const limits = warmed({ arrivalMarginMs: 30, tenant: [{ limit: 1, windowMs: 1000 }] }, 50);
      const got = limits.acquire(T, "c", 1_000_000);
      assert.ok(got.ok);
      const permit: Permit = got.permit;
      permit.sending(1_000_050);
      assert.equal(limits.waitMs(T, "d", 1_000_500), 580);
      permit.done(1_000_100);
      assert.equal(limits.waitMs(T, "d", 1_000_500), 580, "a usual round trip from the real start");
      const other = new TeamsRateLimiter({ tenant: [{ limit: 1, windowMs: 1000 }] });
      const p = other.acquire(T, "c", 0);
      assert.ok(p.ok);
      p.permit.cancel();
      assert.equal(other.waitMs(T, "c", 0), 0);
    });
  });

  describe("the arrival margin", () => {
    it("doubles on a 429 (once a second at most), up to its maximum, and drifts back as requests get through", () => {
      const limits = new TeamsRateLimiter({ arrivalMarginMs: 30, maxArrivalMarginMs: 200 });
      assert.equal(limits.arrivalMarginMs, 30);
      limits.throttled(T, "a", 0, 0);
      limits.throttled(T, "b", 0, 999);
      assert.equal(limits.arrivalMarginMs, 60, "a burst of 429s is one event");
      for (let i = 1; i <= 5; i++) limits.throttled(T, "a", 0, i * 1000);
      assert.equal(limits.arrivalMarginMs, 200);
      for (let i = 0; i < 2000; i++) limits.accepted();
      assert.ok(limits.arrivalMarginMs < 34, `${limits.arrivalMarginMs}`);
      assert.ok(limits.arrivalMarginMs >= 30);
    });

    it("is used for the next place taken", () => {
      const limits = new TeamsRateLimiter({ arrivalMarginMs: 30, tenant: [{ limit: 1, windowMs: 1000 }] });
      limits.throttled("other", undefined, 0, 0);
      const got = limits.acquire(T, "c", 0);
      assert.ok(got.ok);
      assert.equal(limits.waitMs(T, "d", 0), 1060);
    });
  });

  describe("429 pauses", () => {
    it("pauses the conversation until Retry-After, and the tenant when our own sends do not explain the 429", () => {
      const limits = new TeamsRateLimiter({ arrivalMarginMs: 0 });
      sendAt(limits, "a", 0);
      assert.equal(limits.throttled(T, "a", 1500, 10), true, "1 of 50 used and 1 of 7: someone else is spending the budget");
      assert.equal(limits.waitMs(T, "a", 10), 1490);
      assert.equal(limits.waitMs(T, "b", 10), 1490, "every conversation of the tenant waits");
      assert.equal(limits.waitMs("other", "b", 10), 0, "other tenants do not");
    });

    it("pauses only the conversation when its own windows were (nearly) full", () => {
      const limits = new TeamsRateLimiter({ arrivalMarginMs: 0 });
      for (let i = 0; i < 6; i++) sendAt(limits, "hot", i);
      assert.equal(limits.throttled(T, "hot", 1000, 10), false, "6 of 7 in the last second: a per-conversation throttle");
      assert.equal(limits.waitMs(T, "hot", 10), 990);
      assert.equal(limits.waitMs(T, "cold", 10), 0);
    });

    it("treats a 429 with the tenant window nearly full as our timing: widens the margin, does not stop the tenant", () => {
      const limits = new TeamsRateLimiter({ arrivalMarginMs: 30 });
      for (let i = 0; i < 45; i++) limits.recordPast(T, `c${i}`, i);
      assert.equal(limits.throttled(T, "c0", 1000, 50), false);
      assert.equal(limits.arrivalMarginMs, 60);
      assert.equal(limits.waitMs(T, "c1", 50), 0, "the tenant window has room");
    });

    it("pauses the tenant after all when 429s keep coming although the margin is at its maximum", () => {
      const limits = new TeamsRateLimiter({ arrivalMarginMs: 500, maxArrivalMarginMs: 1000 });
      for (let i = 0; i < 45; i++) limits.recordPast(T, `c${i}`, i);
      assert.equal(limits.throttled(T, "c0", 1000, 50), false, "first: margin 500 → 1000");
      assert.equal(limits.throttled(T, "c1", 2000, 60), true, "again at the maximum margin: not our timing");
      assert.equal(limits.waitMs(T, "c2", 60), 1940);
    });

    it("pauses the tenant on a 429 for creating a 1:1 chat when the tenant window does not explain it", () => {
      const limits = new TeamsRateLimiter();
      assert.equal(limits.throttled(T, undefined, 1000, 0), true);
      assert.equal(limits.waitMs(T, "x", 0), 1000);
    });
  });

  describe("Retry-After and backoff", () => {
    it("reads delay-seconds, an HTTP date and the millisecond variants", () => {
      const now = Date.parse("2026-11-23T10:00:00Z");
      assert.equal(parseRetryAfter({ retryAfter: "2" }, now), 2000);
      assert.equal(parseRetryAfter({ retryAfter: "0.25" }, now), 250);
      assert.equal(parseRetryAfter({ retryAfter: "Mon, 23 Nov 2026 10:00:05 GMT" }, now), 5000);
      assert.equal(parseRetryAfter({ retryAfter: "Mon, 23 Nov 2026 09:00:00 GMT" }, now), 0);
      assert.equal(parseRetryAfter({ retryAfterMs: "150", retryAfter: "9" }, now), 150);
      assert.equal(parseRetryAfter({ retryAfter: "soon" }, now), undefined);
      assert.equal(parseRetryAfter({}, now), undefined);
    });

    it("backs off exponentially with jitter between half and all of the ceiling", () => {
      assert.equal(backoffMs(1, 1000, 60_000, () => 0), 500);
      assert.equal(backoffMs(1, 1000, 60_000, () => 1), 1000);
      assert.equal(backoffMs(4, 1000, 60_000, () => 1), 8000);
      assert.equal(backoffMs(20, 1000, 60_000, () => 1), 60_000);
    });
  });
});
