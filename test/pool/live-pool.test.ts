import assert from "node:assert/strict";
import fc from "fast-check";
import type { Approval } from "../../src/domain/approval";
import type { InterestDetails } from "../../src/domain/interest";
import type { Match } from "../../src/domain/match";
import type { RoleRecordDetails } from "../../src/domain/role-record";
import { silentLogger } from "../../src/log";
import type { Proposal } from "../../src/matching/types";
import { ApprovalStore } from "../../src/store/approvals";
import { ChangeLog } from "../../src/store/changes";
import { LivePool, type PoolView } from "../../src/pool/live-pool";
import { MatchStore } from "../../src/store/matches";
import { FormRecordStore, INTEREST_ID } from "../../src/store/records";
import { openStore, type Store } from "../../src/store/store";
import { DATASET_CAPS, generator } from "../matching/dataset";
import { durationCapFor } from "../../src/config";
import { startBareCosmos } from "../support/store-calls";

/**
 * The long-lived matching engine, kept up to date from change markers, against a full rebuild from
 * the store: after any sequence of submissions, changes, withdrawals, releases and match changes
 * (written through the real repositories and the real Cosmos SDK), an instance that caught up as
 * it went, an instance that only caught up at the end and a fresh instance all see the same pool
 * and propose the same pairs.
 */
describe("matching kept up to date from what changed", () => {
  let cosmos: Awaited<ReturnType<typeof startBareCosmos>>;
  let store: Store;
  let interests: FormRecordStore<InterestDetails>;
  let roles: FormRecordStore<RoleRecordDetails>;
  let approvals: ApprovalStore;
  let matches: MatchStore;
  let changes: ChangeLog;
  const gen = generator(7);
  const today = gen.today;

  before(async () => {
    cosmos = await startBareCosmos();
    store = await openStore({ kind: "remote", endpoint: cosmos.endpoint, key: cosmos.env.COSMOS_KEY!, database: "live" }, silentLogger);
    changes = new ChangeLog(store.container("changes"));
    interests = new FormRecordStore<InterestDetails>(store.container("people"), "interest", changes);
    roles = new FormRecordStore<RoleRecordDetails>(store.container("people"), "role", changes);
    approvals = new ApprovalStore(store.container("people"), changes);
    matches = new MatchStore(store.container("matches"), changes);
  });
  after(async () => {
    await store.close();
    await cosmos.stop();
  });

  const instance = (nowMs?: () => number) =>
    new LivePool({
      people: store.container("people"),
      matches: store.container("matches"),
      changes,
      context: { today, durationCapMonths: (org) => durationCapFor({ durationCaps: DATASET_CAPS }, org) },
      ...(nowMs ? { nowMs, rebuildEveryMs: 60_000 } : {}),
    });

  /** What an instance would decide: the derived pool and every proposal. */
  function decisions(v: PoolView): string {
    const keys = [...v.state.candidateKeys()].sort();
    const ids = [...v.state.roleIds()].sort();
    const proposals = (ps: Proposal[]) => ps.map((p) => `${p.candidateId}:${p.score}`).join(",");
    const rematch = [...v.engine.fullRematch(5)].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, ps]) => `${id}=${proposals(ps)}`);
    const perCandidate = keys.map((k) => `${k}=${proposals(v.engine.matchesForCandidate(k, 5))}`);
    const swaps = v.engine.exchanges().map((x) => `${x.candidateIds.join("+")}:${x.score}`);
    return JSON.stringify({ candidates: keys.map((k) => v.state.candidate(k)), openings: ids.map((id) => v.state.opening(id)), rematch, perCandidate, swaps, excluded: [...v.state.excluded].sort() });
  }

  const PEOPLE = 6;
  const ROLES = 4;
  type Op =
    | { kind: "interest"; p: number; variant: number }
    | { kind: "withdrawInterest"; p: number }
    | { kind: "release"; p: number; approved: boolean }
    | { kind: "role"; r: number; owner: number; variant: number; exchange: boolean }
    | { kind: "withdrawRole"; r: number }
    | { kind: "match"; r: number; p: number; status: Match["status"] }
    | { kind: "catchUp" };
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant("interest" as const), p: fc.nat(PEOPLE - 1), variant: fc.nat(3) }),
    fc.record({ kind: fc.constant("withdrawInterest" as const), p: fc.nat(PEOPLE - 1) }),
    fc.record({ kind: fc.constant("release" as const), p: fc.nat(PEOPLE - 1), approved: fc.boolean() }),
    fc.record({ kind: fc.constant("role" as const), r: fc.nat(ROLES - 1), owner: fc.nat(PEOPLE - 1), variant: fc.nat(3), exchange: fc.boolean() }),
    fc.record({ kind: fc.constant("withdrawRole" as const), r: fc.nat(ROLES - 1) }),
    fc.record({ kind: fc.constant("match" as const), r: fc.nat(ROLES - 1), p: fc.nat(PEOPLE - 1), status: fc.constantFrom<Match["status"]>("notified", "meeting", "agreeing", "closed") }),
    fc.constant({ kind: "catchUp" as const }),
  );

  let run = 0;
  async function apply(o: Op, prefix: string, a: LivePool): Promise<void> {
    const who = (p: number) => ({ tenantId: "t", aadObjectId: `${prefix}p${p}`, name: `Person ${p}` });
    const key = (p: number) => `t:${prefix}p${p}`;
    // Role ids must look like real ones only to the router; here any id works, but keep the shape.
    const roleId = (r: number) => `role-${prefix}${String(r).padStart(4, "0")}`;
    const now = new Date("2027-01-11T10:00:00Z");
    switch (o.kind) {
      case "interest": {
        const c = gen.candidate(`${prefix}p${o.p}v${o.variant}`);
        await interests.submit(who(o.p), INTEREST_ID, { ...c.details, fullName: `Person ${o.p}` }, undefined, now);
        return;
      }
      case "withdrawInterest":
        await interests.withdraw(who(o.p), INTEREST_ID, undefined, now);
        return;
      case "release":
        await approvals.update(key(o.p), (current) => ({
          next: { ...(current ?? { type: "approval", requestId: `req-${o.p}`, secondee: who(o.p), manager: {}, summary: {} as Approval["summary"], requestedAt: now.toISOString(), remindersSent: 0 }), status: o.approved ? "approved" : "declined" } as Approval,
          result: undefined,
        }));
        return;
      case "role": {
        const d = gen.opening(roleId(o.r)).details;
        const form = { ...d, secondmentTypes: o.exchange ? (["exchange", "long-term"] as typeof d.secondmentTypes) : d.secondmentTypes.filter((t) => t !== "exchange"), openings: 1 };
        // A role id belongs to one owner (real ids are random UUIDs, so two people never share one):
        // a later submission for the same id is its first owner changing it.
        let owner = o.owner;
        for (let p = 0; p < PEOPLE; p++) if (await roles.get(who(p), roleId(o.r))) owner = p;
        await roles.submit(who(owner), roleId(o.r), { form, channel: { conversationId: "19:c@thread.tacv2" } }, undefined, now);
        return;
      }
      case "withdrawRole":
        for (let p = 0; p < PEOPLE; p++) if (await roles.get(who(p), roleId(o.r))) await roles.withdraw(who(p), roleId(o.r), undefined, now);
        return;
      case "match": {
        const id = `match:${roleId(o.r)}:${key(o.p)}`;
        const m = {
          type: "match",
          opening: { id: roleId(o.r), ownerKey: "t:owner", title: "Role", organisation: "Org", channelConversationId: "19:c@thread.tacv2" },
          candidate: { tenantId: "t", aadObjectId: `${prefix}p${o.p}`, key: key(o.p), name: `Person ${o.p}` },
          status: o.status,
          confirmedBy: { aadObjectId: "team" },
          confirmedAt: now.toISOString(),
          outcomes: {},
          explanation: "",
        } as Match;
        if ((await matches.create(id, m)) === "exists") await matches.update(id, (current) => ({ next: current ? { ...current, status: o.status } : undefined, result: undefined }));
        return;
      }
      case "catchUp":
        await a.current();
        return;
    }
  }

  it("an instance that catches up as it goes, one that catches up at the end and a full rebuild decide the same", async function () {
    this.timeout(120_000);
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const prefix = `r${++run}-`;
        const a = instance();
        const late = instance();
        await a.current();
        await late.current();
        for (const o of ops) await apply(o, prefix, a);
        const va = await a.current();
        const vl = await late.current();
        assert.equal(a.stats.rebuilds, 1, "the instance that kept up never read everything again");
        assert.equal(late.stats.rebuilds, 1);
        const full = await instance().current();
        const expected = decisions(full);
        assert.equal(decisions(va), expected, "kept up as it went");
        assert.equal(decisions(vl), expected, "caught up at the end");
      }),
      { numRuns: 12 },
    );
  });

  it("a change another instance writes is seen before deciding, without reading everything again", async () => {
    const a = instance();
    const b = instance();
    await a.current();
    await b.current();
    const now = new Date("2027-01-11T10:00:00Z");
    const ana = { tenantId: "t", aadObjectId: "two-ana", name: "Ana" };
    const c = gen.candidate("two-ana");
    // Instance A takes the submission; instance B is asked next.
    await interests.submit(ana, INTEREST_ID, { ...c.details, fullName: "Ana" }, undefined, now);
    await approvals.update("t:two-ana", () => ({ next: { type: "approval", requestId: "r", secondee: ana, manager: {}, summary: {} as Approval["summary"], status: "approved", requestedAt: now.toISOString(), remindersSent: 0 } as Approval, result: undefined }));
    const vb = await b.current();
    assert.equal(vb.state.candidate("t:two-ana")?.released, true);
    assert.equal(b.stats.rebuilds, 1);
    assert.equal(decisions(vb), decisions(await a.current()));
  });

  it("reads everything again on schedule in the background, and keeps deciding the same meanwhile and after", async () => {
    let clock = 0;
    const a = instance(() => clock);
    await a.current();
    const now = new Date("2027-01-11T10:00:00Z");
    const bo = { tenantId: "t", aadObjectId: "sched-bo", name: "Bo" };
    await interests.submit(bo, INTEREST_ID, { ...gen.candidate("sched-bo").details, fullName: "Bo" }, undefined, now);
    clock += 61_000;
    const during = await a.current();
    assert.ok(during.state.candidate("t:sched-bo"), "caught up while the rebuild runs");
    assert.ok(a.background, "a rebuild was started");
    await a.background;
    assert.equal(a.stats.rebuilds, 2);
    assert.equal(decisions(await a.current()), decisions(await instance().current()));
  });
});
