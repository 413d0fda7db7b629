import assert from "node:assert/strict";
import MiniSearch from "minisearch";
import { outcomesOf } from "../../src/programme/outcomes";
import type { InterestRow, PoolSnapshot, RoleRow } from "../../src/programme/pool-index";

/** Outcomes from plain facts: medians where 5 or more people count, "fewer than 5" everywhere else. */
describe("programme outcomes", () => {
  const person = (i: number, organisationType: string, secondmentTypes: string[]): InterestRow => ({
    key: `t:${i}`,
    name: `Person ${i}`,
    organisationType,
    organisation: "Org",
    profession: "Policy",
    grade: "cs-heo",
    region: "wales",
    town: "Cardiff",
    secondmentTypes,
    availableFrom: "2027-01-01",
    release: "approved",
    status: "available",
    skills: "",
    submittedAt: "2026-03-02T10:00:00Z",
  });
  // Six central-government people (released 2, 4, 6, 8, 10, 12 days after sending) and two from local authorities.
  const interests = [...Array.from({ length: 6 }, (_, i) => person(i, "central-government", ["short-term"])), person(6, "local-authority", ["long-term"]), person(7, "local-authority", ["long-term"])];
  const snap: PoolSnapshot = {
    version: 1,
    builtAt: 0,
    interests,
    roles: [] as RoleRow[],
    approvals: interests.map((p, i) => ({ personKey: p.key, status: "approved" as const, decidedAt: `2026-03-${String(4 + 2 * i).padStart(2, "0")}T09:00:00Z` })),
    matches: interests.slice(0, 5).map((p, i) => ({ id: `m${i}`, candidateKey: p.key, openingId: "role-x", status: i < 3 ? ("agreeing" as const) : ("notified" as const), confirmedAt: "2026-04-01T09:00:00Z", arranged: i < 3 })),
    secondments: [],
    interestSearch: new MiniSearch<InterestRow>({ idField: "key", fields: ["name"] }),
    roleSearch: new MiniSearch<RoleRow>({ idField: "id", fields: ["title"] }),
  };

  it("counts each stage, and hides counts below 5", () => {
    const o = outcomesOf(snap);
    const count = (stage: string) => o.funnel.find((f) => f.stage === stage)!.count;
    assert.deepEqual(count("interest"), { value: 8, label: "8" });
    assert.deepEqual(count("released"), { value: 8, label: "8" });
    assert.deepEqual(count("matched"), { value: 5, label: "5" });
    assert.deepEqual(count("meeting"), { value: null, label: "fewer than 5" });
    assert.deepEqual(count("agreed"), { value: null, label: "fewer than 5" });
  });

  it("gives medians by organisation type only where 5 or more people count", () => {
    const o = outcomesOf(snap);
    const central = o.byOrganisationType.find((r) => r.id === "central-government")!;
    assert.deepEqual(central.toRelease, { days: 7, people: { value: 6, label: "6" } });
    assert.deepEqual(central.toMatch, { days: 30, people: { value: 5, label: "5" } });
    const local = o.byOrganisationType.find((r) => r.id === "local-authority")!;
    assert.deepEqual(local.toRelease, { days: null, people: { value: null, label: "fewer than 5" } });
    assert.deepEqual(o.bySecondmentType.find((r) => r.id === "long-term")!.toRelease.people.label, "fewer than 5");
    assert.equal(o.overall.toRelease.days, 9);
  });

  it("says when every stage is under 5, so the page shows a message instead of an empty chart", () => {
    assert.equal(outcomesOf(snap).allSuppressed, false, "8 people expressed interest: there is a bar to draw");
    const few: PoolSnapshot = { ...snap, interests: interests.slice(0, 4), approvals: snap.approvals.slice(0, 4), matches: snap.matches.slice(0, 2) };
    const o = outcomesOf(few);
    assert.equal(o.allSuppressed, true);
    assert.ok(o.funnel.every((f) => f.count.value === null && f.count.label === "fewer than 5"));
    assert.doesNotMatch(JSON.stringify(o), /"value":[1-9]|"label":"[0-9]/, "the exact small counts (4, 2) appear nowhere");
  });

  it("words stages, groups and 'fewer than 5' in Welsh for a Welsh reader", () => {
    const o = outcomesOf(snap, "cy");
    assert.deepEqual(o.funnel.map((f) => f.label).slice(0, 3), ["Wedi mynegi diddordeb", "Wedi'i ryddhau gan y rheolwr llinell", "Wedi'i baru"]);
    assert.equal(o.funnel.find((f) => f.stage === "meeting")!.count.label, "llai na 5");
    assert.equal(o.byOrganisationType.find((r) => r.id === "local-authority")!.label, "Awdurdod lleol");
    assert.equal(o.overall.label, "Pawb");
  });
});
