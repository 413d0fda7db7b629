import assert from "node:assert/strict";
import { PLAN_STEPS, type StepContent } from "../../src/domain/plan-content";

/** Every piece of text a step shows on its card. */
function allText(s: StepContent): string[] {
  return [
    s.title,
    s.summary,
    ...s.guidance,
    ...s.checklist,
    ...(s.lists ?? []).flatMap((l) => [l.heading, ...l.items]),
    ...(s.comingNext ? [s.comingNext] : []),
  ];
}

describe("7-step plan content", () => {
  it("has exactly 7 steps, numbered 1 to 7 in order", () => {
    assert.deepEqual(
      PLAN_STEPS.map((s) => s.step),
      [1, 2, 3, 4, 5, 6, 7],
    );
  });

  it("gives every step a title, a one-sentence summary, guidance and 2 to 5 checklist items", () => {
    for (const s of PLAN_STEPS) {
      assert.ok(s.title.trim().length > 0, `step ${s.step}: title`);
      assert.ok(s.title.length <= 60, `step ${s.step}: title is long`);
      assert.ok(s.summary.trim().length > 0, `step ${s.step}: summary`);
      assert.match(s.summary, /^[^.]+\.$/, `step ${s.step}: summary should be one sentence`);
      assert.ok(s.guidance.length > 0, `step ${s.step}: guidance`);
      for (const p of s.guidance) assert.ok(p.trim().length > 0, `step ${s.step}: empty paragraph`);
      assert.ok(s.checklist.length >= 2 && s.checklist.length <= 5, `step ${s.step}: ${s.checklist.length} checklist items`);
      for (const c of s.checklist) assert.ok(c.trim().length > 0, `step ${s.step}: empty checklist item`);
    }
  });

  it("has unique titles", () => {
    assert.equal(new Set(PLAN_STEPS.map((s) => s.title)).size, 7);
  });

  it("keeps every paragraph under 400 characters and every step under 2,500", () => {
    for (const s of PLAN_STEPS) {
      const text = allText(s);
      for (const t of text) assert.ok(t.length < 400, `step ${s.step}: ${t.length} characters in "${t.slice(0, 40)}..."`);
      const total = text.reduce((n, t) => n + t.length, 0);
      assert.ok(total < 2500, `step ${s.step}: ${total} characters in all`);
    }
  });

  it("lists every kind of host organisation in step 3", () => {
    const step3 = PLAN_STEPS[2]!;
    const items = (step3.lists ?? []).flatMap((l) => l.items).join("\n");
    for (const kind of [
      "Academic institutions",
      "EU",
      "UN",
      "OECD",
      "OSCE",
      "Shelter",
      "Barnardo",
      "Work Foundation",
      "King's Fund",
      "Market research",
      "Customer insight",
      "Media",
      "sports statistics",
      "Ipsos MORI",
      "Financial firms",
      "NHS",
      "Local authorities",
      "Police forces",
      "Bank of England",
    ]) {
      assert.ok(items.includes(kind), kind);
    }
  });

  it("has a separate Wales list in step 3 with all 5 Wales-specific organisations", () => {
    const step3 = PLAN_STEPS[2]!;
    const wales = (step3.lists ?? []).find((l) => /Wales/.test(l.heading));
    assert.ok(wales, "no Wales list");
    assert.equal(wales.items.length, 5);
    const items = wales.items.join("\n");
    for (const org of ["Estyn", "Sport Wales", "Public Health Wales", "NHS Wales Informatics Service", "Arts Council"]) {
      assert.ok(items.includes(org), org);
    }
  });

  it("links steps 1 and 3 to the interest form, step 4 to the business case form, and steps 5 to 7 to the secondment", () => {
    assert.deepEqual(PLAN_STEPS.filter((s) => s.form?.kind === "interest").map((s) => s.step), [1, 3]);
    assert.deepEqual(PLAN_STEPS.filter((s) => s.form?.kind === "business-case").map((s) => s.step), [4]);
    for (const s of PLAN_STEPS) if (s.form) assert.ok(s.form.prompt.length < 400, `step ${s.step}: form prompt is long`);
    assert.deepEqual(PLAN_STEPS.filter((s) => s.form?.kind === "secondment").map((s) => s.step), [5, 6, 7]);
    const withComingNext = PLAN_STEPS.filter((s) => s.comingNext?.trim()).map((s) => s.step);
    assert.deepEqual(withComingNext, [], "every step now has its feature; nothing is promised for later");
    for (const s of PLAN_STEPS) {
      if (s.comingNext) assert.doesNotMatch(s.comingNext, /\b(20\d\d|January|February|March|April|May|June|July|August|September|October|November|December)\b/);
    }
  });

  it("keeps the key facts from the source", () => {
    const text = (step: number) => allText(PLAN_STEPS[step - 1]!).join("\n");
    assert.match(text(2), /Head of Profession/);
    assert.match(text(4), /business case/);
    assert.match(text(5), /host organisation usually pays your salary/);
    assert.match(text(6), /host organisation manages your performance/);
    assert.match(text(7), /share/);
  });
});
