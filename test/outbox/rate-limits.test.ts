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
    /**
     * A limiter that has learned these round trips (ms, through another tenant, one request at a time,
     * 10 s apart): the first request and those in the warm-up second after its answer teach nothing.
     */
    function warmed(opts: ConstructorParameters<typeof TeamsRateLimiter>[0], roundTrips: number[]): TeamsRateLimiter {
      const limits = new TeamsRateLimiter(opts);
      const first = limits.acquire("warm-up", undefined, 0);
      assert.ok(first.ok);
      first.permit.done(500);
      roundTrips.forEach((rtt, i) => {
        const start = (i + 1) * 10_000;
        const got = limits.acquire("warm-up", undefined, start);
        assert.ok(got.ok);
        got.permit.done(start + rtt);
      });
      return limits;
    }
    const steady = (rtt: number, n = 20) => Array.from({ length: n }, () => rtt);
    /** Where the tenant window (1 place a second) counts a request that ran from `start` to `end`. */
    function countedAt(limits: TeamsRateLimiter, start: number, end: number): number {
      const got = limits.acquire(T, "c", start);
      assert.ok(got.ok);
      got.permit.done(end);
      return limits.waitMs(T, "d", start) + start - 1000;
    }
    const ONE_A_SECOND = { arrivalMarginMs: 30, tenant: [{ limit: 1, windowMs: 1000 }] };

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

    it("learns nothing from the start-up burst: requests started before, or within a second of, the first answer", () => {
      const limits = new TeamsRateLimiter(ONE_A_SECOND);
      const request = (tenant: string, start: number, end: number) => {
        const got = limits.acquire(tenant, undefined, start);
        assert.ok(got.ok);
        got.permit.done(end);
      };
      // A burst of 40 at once, cold: the first answer comes at 250 ms, the others by 290 ms; then 20
      // more that start within a second of that first answer. None of their round trips is usual.
      for (let i = 0; i < 40; i++) request(`burst-${i}`, 0, 250 + i);
      for (let i = 0; i < 20; i++) request(`early-${i}`, 300 + i * 40, 300 + i * 40 + 200);
      // Then 19 ordinary ones.
      for (let i = 0; i < 19; i++) request(`later-${i}`, 10_000 + i * 10, 10_000 + i * 10 + 40);
      assert.equal(countedAt(limits, 100_000, 100_040), 100_040, "19 round trips learned: still counted at completion (this is the 20th)");
      assert.equal(countedAt(limits, 200_000, 200_040), 200_005, "20 learned, all 40 ms: a usual request is counted at start + 5 ms");
    });

    it("with steady round trips, counts a request at start + 5 ms (jitter): its way in cannot have varied more than they do", () => {
      const limits = warmed(ONE_A_SECOND, steady(50));
      assert.equal(countedAt(limits, 1_000_000, 1_000_050), 1_000_005);
      assert.equal(countedAt(limits, 2_000_000, 2_000_010), 2_000_005, "quicker than ever: start + jitter (then the fastest falls)");
    });

    it("counts a request at completion less the fastest round trip (plus jitter), when round trips vary a little", () => {
      // Round trips between 20 and 60 ms: a later request cannot reach Teams sooner after it leaves than
      // the quickest way in, nor this answer come back sooner than the quickest way back.
      const limits = warmed(ONE_A_SECOND, Array.from({ length: 41 }, (_, i) => 20 + i));
      assert.equal(countedAt(limits, 1_000_000, 1_000_022), 1_000_007, "fast: 5 + (22 - 20)");
      assert.equal(countedAt(limits, 2_000_000, 2_000_040), 2_000_025, "middling: 5 + (40 - 20), sooner than start + margin");
      assert.equal(countedAt(limits, 3_000_000, 3_000_060), 3_000_045, "slow: 5 + (60 - 20)");
    });

    it("counts by the usual round trip and the margin when round trips vary a lot, if that is sooner", () => {
      // Usual 100 ms, but some requests come back in 20 ms: the fastest says little about a usual one.
      const limits = warmed(ONE_A_SECOND, [...steady(100), ...steady(20, 10)]);
      assert.equal(countedAt(limits, 1_000_000, 1_000_100), 1_000_030, "usual: start + margin (fastest would say 5 + 80)");
      assert.equal(countedAt(limits, 2_000_000, 2_000_220), 2_000_150, "slow: start + margin + (220 - 100): the extra may have been on the way in");
      assert.equal(countedAt(limits, 3_000_000, 3_000_025), 3_000_010, "fast: 5 + (25 - 20)");
      assert.equal(countedAt(limits, 4_000_000, 4_000_004), 4_000_004, "never later than its completion");
    });

    it("does not let a spell of slow round trips become the usual: congested requests are still counted late", () => {
      const limits = warmed(ONE_A_SECOND, [...steady(40, 40), ...steady(200, 60)]);
      // A plain median of the last 256 would now say 200 ms is usual and count this at start + 30.
      const at = countedAt(limits, 1_000_000, 1_000_200);
      assert.ok(at - 1_000_000 >= 150, `counted at start + ${at - 1_000_000}`);
      // A lasting rise is followed, slowly (2 % per 16): after a couple of thousand, 200 ms is the norm.
      const later = warmed(ONE_A_SECOND, [...steady(40, 40), ...steady(200, 2000)]);
      assert.equal(countedAt(later, 1_000_000, 1_000_200), 1_000_005);
    });

    it("follows quicker round trips at once", () => {
      const limits = warmed(ONE_A_SECOND, [...steady(60, 40), 25]);
      assert.equal(countedAt(limits, 1_000_000, 1_000_030), 1_000_010, "fastest is now 25: 5 + (30 - 25)");
    });

    it("re-stamps a place when the request really starts later, and frees it on cancel", () => {
      const limits = warmed(ONE_A_SECOND, steady(50));
      const got = limits.acquire(T, "c", 1_000_000);
      assert.ok(got.ok);
      const permit: Permit = got.permit;
      permit.sending(1_000_050);
      assert.equal(limits.waitMs(T, "d", 1_000_500), 580);
      permit.done(1_000_100);
      assert.equal(limits.waitMs(T, "d", 1_000_500), 555, "a usual round trip from the real start: start + 5");
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

    it("widens the count by the fastest round trip as much as the margin", () => {
      const limits = new TeamsRateLimiter({ arrivalMarginMs: 30, tenant: [{ limit: 1, windowMs: 1000 }] });
      const request = (tenant: string, start: number, end: number) => {
        const got = limits.acquire(tenant, undefined, start);
        assert.ok(got.ok);
        got.permit.done(end);
      };
      request("warm-up", 0, 50);
      for (let i = 1; i <= 20; i++) request("warm-up", i * 10_000, i * 10_000 + 50);
      request(T, 1_000_000, 1_000_050);
      assert.equal(limits.waitMs(T, "x", 1_000_000), 1005, "steady 50 ms round trips: counted at start + 5");
      limits.throttled("other", undefined, 0, 1_000_100);
      assert.equal(limits.arrivalMarginMs, 60);
      request(T, 2_000_000, 2_000_050);
      assert.equal(limits.waitMs(T, "x", 2_000_000), 1035, "after a 429: at start + 5 + 30");
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
