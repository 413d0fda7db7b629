import assert from "node:assert/strict";
import {
  BUSINESS_CASE_FIELDS,
  BUSINESS_CASE_MAX_BYTES,
  checkComplete,
  checkDraft,
  saveDraft,
  shareCase,
  shareUndelivered,
  type BusinessCaseAnswers,
  type BusinessCaseField,
  type BusinessCaseRecord,
} from "../../src/domain/business-case";

/** A complete business case as the card sends it. */
const COMPLETE: BusinessCaseAnswers = {
  reason: "I want to learn how a local council uses housing data to plan services.",
  skillsToGain: "Modelling demand, working with councillors and presenting to the public.",
  offerToHost: "Five years of policy experience and good links with the department's analysts.",
  benefitOnReturn: "I will bring back a better understanding of how our policies land locally.",
  jobCover: "Sam Lee will act up into my role, and the casework will be shared across the team.",
};

const errorsOf = (r: ReturnType<typeof checkDraft>) => (r.ok ? assert.fail(`accepted: ${JSON.stringify(r.value)}`) : r.errors);

describe("business case: draft check", () => {
  it("accepts a draft with a single answer, giving the others as empty", () => {
    const r = checkDraft({ reason: "  I want to learn about data.  " });
    assert.ok(r.ok);
    assert.deepEqual(r.value, { reason: "I want to learn about data.", skillsToGain: "", offerToHost: "", benefitOnReturn: "", jobCover: "" });
  });

  it("accepts a short answer in a draft (length is only checked when sharing)", () => {
    const r = checkDraft({ jobCover: "Sam" });
    assert.ok(r.ok);
    assert.equal(r.value.jobCover, "Sam");
  });

  it("keeps new lines and tabs in answers", () => {
    const r = checkDraft({ reason: "First.\n\n\tSecond." });
    assert.ok(r.ok);
    assert.equal(r.value.reason, "First.\n\n\tSecond.");
  });

  it("refuses an empty draft with a message on the first question", () => {
    assert.deepEqual(errorsOf(checkDraft({})), { reason: "Enter at least one answer before you save a draft" });
    assert.deepEqual(errorsOf(checkDraft({ reason: "   ", jobCover: "\n" })), { reason: "Enter at least one answer before you save a draft" });
  });

  it("refuses an answer over 2,000 characters, naming the field", () => {
    const errors = errorsOf(checkDraft({ reason: "ok", offerToHost: "a".repeat(2001) }));
    assert.deepEqual(errors, { offerToHost: "What you can offer the host must be 2,000 characters or less" });
    assert.ok(checkDraft({ offerToHost: "a".repeat(2000) }).ok, "2,000 is allowed");
    assert.ok(checkDraft({ offerToHost: "é".repeat(2000) }).ok, "2,000 accented characters are allowed");
  });

  it("refuses hidden control characters, naming the field", () => {
    const errors = errorsOf(checkDraft({ reason: "ok", jobCover: "Sam\u0007 will cover" }));
    assert.deepEqual(errors, { jobCover: "How your job will be covered must not include hidden control characters" });
  });

  it("refuses answers too wide for a Teams card, even within 2,000 characters", () => {
    const emoji = "😀".repeat(1500); // 1,500 characters, 6,000 bytes
    const errors = errorsOf(checkDraft({ reason: emoji }));
    assert.match(errors.reason ?? "", /^Reason for the secondment is too long to send in Teams/);
    assert.ok(checkDraft({ reason: "😀".repeat(Math.floor(BUSINESS_CASE_MAX_BYTES / 4)) }).ok);
  });

  it("gives a message for every field with a mistake, in form order", () => {
    const errors = errorsOf(checkDraft({ jobCover: 42n, reason: ["a"], skillsToGain: "fine" }));
    assert.deepEqual(Object.keys(errors), ["reason", "jobCover"]);
  });
});

describe("business case: complete check", () => {
  it("accepts five answers of 20 characters or more, trimmed", () => {
    const r = checkComplete({ ...COMPLETE, reason: `  ${COMPLETE.reason}\n` });
    assert.ok(r.ok);
    assert.deepEqual(r.value, COMPLETE);
  });

  it("asks for every missing answer by name", () => {
    const errors = errorsOf(checkComplete({}));
    assert.deepEqual(errors, {
      reason: "Enter why you want to go on a secondment",
      skillsToGain: "Enter the skills and experience you will gain",
      offerToHost: "Enter what you can offer the host organisation",
      benefitOnReturn: "Enter how your department will benefit when you come back",
      jobCover: "Enter how your job will be covered while you are away",
    });
  });

  it("says which answer is too short and why", () => {
    const errors = errorsOf(checkComplete({ ...COMPLETE, jobCover: "Sam will cover" }));
    assert.deepEqual(errors, { jobCover: "How your job will be covered must be 20 characters or more. Say a little more." });
  });

  it("counts characters that say something: padding with spaces does not help", () => {
    assert.ok(!checkComplete({ ...COMPLETE, skillsToGain: "Data          analysis" }).ok, "runs of spaces count as one");
    assert.ok(checkComplete({ ...COMPLETE, skillsToGain: "Data analysis skills" }).ok, "exactly 20 characters");
    assert.ok(!checkComplete({ ...COMPLETE, skillsToGain: "Data analysis skill" }).ok, "19 characters");
    assert.ok(checkComplete({ ...COMPLETE, skillsToGain: "😀".repeat(20) }).ok, "counts characters, not UTF-16 units");
  });

  it("applies the draft's rules too: length and control characters", () => {
    const errors = errorsOf(checkComplete({ ...COMPLETE, reason: "a".repeat(2001), offerToHost: `${COMPLETE.offerToHost}\u0000` }));
    assert.deepEqual(errors, {
      reason: "Reason for the secondment must be 2,000 characters or less",
      offerToHost: "What you can offer the host must not include hidden control characters",
    });
  });
});

describe("business case: hostile input", () => {
  const hostile: [string, unknown][] = [
    ["an object", { nested: { deep: [1, 2, 3] } }],
    ["an array", ["a", "b"]],
    ["a 1 MB string", "x".repeat(1024 * 1024)],
    ["a function", () => "x"],
    ["a symbol", Symbol("x")],
    ["NaN", Number.NaN],
  ];
  for (const [name, value] of hostile) {
    it(`refuses ${name} in every field with that field's message, in both checks`, () => {
      const raw = Object.fromEntries(BUSINESS_CASE_FIELDS.map((f) => [f, value]));
      for (const check of [checkDraft, checkComplete]) {
        const errors = errorsOf(check(raw));
        for (const f of BUSINESS_CASE_FIELDS) {
          assert.ok(errors[f], `${f} has a message`);
          assert.ok(errors[f]!.length <= 200, `${f}: a short message`);
        }
      }
      assert.match(errorsOf(checkDraft(raw)).offerToHost ?? "", /^What you can offer the host /);
    });
  }

  it("refuses a 1 MB answer beside a valid one, with the length message", () => {
    const errors = errorsOf(checkComplete({ ...COMPLETE, benefitOnReturn: "word ".repeat(200_000) }));
    assert.deepEqual(errors, { benefitOnReturn: "Benefit to your department must be 2,000 characters or less" });
  });

  it("treats anything that is not an object as an empty form, without throwing", () => {
    for (const raw of [undefined, null, "text", 1, true, [COMPLETE], new Date()]) {
      assert.deepEqual(errorsOf(checkDraft(raw)), { reason: "Enter at least one answer before you save a draft" });
      assert.equal(Object.keys(errorsOf(checkComplete(raw))).length, 5);
    }
  });

  it("reads no getters, ignores inherited answers and survives a hostile proxy", () => {
    const withGetter = { ...COMPLETE };
    Object.defineProperty(withGetter, "reason", { get: () => assert.fail("getter ran"), enumerable: true });
    assert.deepEqual(Object.keys(errorsOf(checkComplete(withGetter))), ["reason"]);
    const inherited = Object.create(COMPLETE) as object;
    assert.equal(Object.keys(errorsOf(checkComplete(inherited))).length, 5);
    const trap = () => {
      throw new Error("trap");
    };
    const proxy = new Proxy({}, { getOwnPropertyDescriptor: trap, get: trap, ownKeys: trap, has: trap });
    assert.equal(checkDraft(proxy).ok, false);
    assert.equal(checkComplete(proxy).ok, false);
  });
});

describe("business case: record transitions", () => {
  const owner = { tenantId: "t", aadObjectId: "a", name: "Ana Jones" };
  const sam = { aadObjectId: "m", name: "Sam Lee" };
  const t1 = new Date("2027-03-01T10:00:00Z");
  const t2 = new Date("2027-03-02T10:00:00Z");
  const draft = (fields: Partial<BusinessCaseAnswers>): BusinessCaseAnswers => ({ ...Object.fromEntries(BUSINESS_CASE_FIELDS.map((f) => [f, ""])), ...fields }) as Record<BusinessCaseField, string>;

  function first(): BusinessCaseRecord {
    const o = saveDraft(undefined, { owner, fields: draft({ reason: "To learn" }), expectedVersion: undefined, now: t1 });
    assert.equal(o.kind, "saved");
    return o.record;
  }

  it("creates version 1 as a draft, then counts up", () => {
    const r1 = first();
    assert.deepEqual(
      { status: r1.status, version: r1.version, savedAt: r1.savedAt, createdAt: r1.createdAt, type: r1.type },
      { status: "draft", version: 1, savedAt: t1.toISOString(), createdAt: t1.toISOString(), type: "business-case" },
    );
    const o = saveDraft(r1, { owner, fields: draft({ reason: "To learn more" }), expectedVersion: 1, now: t2 });
    assert.equal(o.kind, "saved");
    assert.equal(o.record.version, 2);
    assert.equal(o.record.fields.reason, "To learn more");
    assert.equal(o.record.createdAt, t1.toISOString());
  });

  it("refuses a save from an out-of-date form, or a new form when one already exists", () => {
    const r1 = first();
    assert.equal(saveDraft(r1, { owner, fields: draft({ reason: "x" }), expectedVersion: 7, now: t2 }).kind, "stale");
    assert.equal(saveDraft(r1, { owner, fields: draft({ reason: "x" }), expectedVersion: undefined, now: t2 }).kind, "stale");
  });

  it("shares once: the same answers to the same manager again change nothing, from any version", () => {
    const o = shareCase(first(), { owner, fields: COMPLETE, manager: sam, expectedVersion: 1, now: t2 });
    assert.equal(o.kind, "shared");
    assert.deepEqual({ status: o.record.status, version: o.record.version, sharedAt: o.record.sharedAt, sharedWith: o.record.sharedWith }, { status: "shared", version: 2, sharedAt: t2.toISOString(), sharedWith: sam });
    for (const expectedVersion of [1, 2, undefined]) {
      const again = shareCase(o.record, { owner, fields: COMPLETE, manager: sam, expectedVersion, now: t2 });
      assert.equal(again.kind, "already-shared");
    }
    const changed = shareCase(o.record, { owner, fields: { ...COMPLETE, reason: `${COMPLETE.reason} Also more.` }, manager: sam, expectedVersion: 2, now: t2 });
    assert.equal(changed.kind, "shared");
    assert.equal(changed.record.version, 3);
    const otherManager = shareCase(o.record, { owner, fields: COMPLETE, manager: { aadObjectId: "k" }, expectedVersion: 1, now: t2 });
    assert.equal(otherManager.kind, "stale", "a new manager is a change, so an old form is refused");
  });

  it("a draft saved after sharing is a draft again, remembering the last share", () => {
    const shared = shareCase(first(), { owner, fields: COMPLETE, manager: sam, expectedVersion: 1, now: t1 }).record;
    const o = saveDraft(shared, { owner, fields: { ...COMPLETE, jobCover: "Not sure yet" }, expectedVersion: 2, now: t2 });
    assert.equal(o.record.status, "draft");
    assert.equal(o.record.sharedWith?.name, "Sam Lee");
    assert.equal(o.record.sharedAt, t1.toISOString());
  });

  it("an undelivered share becomes a draft again, but only for that version", () => {
    const shared = shareCase(first(), { owner, fields: COMPLETE, manager: sam, expectedVersion: 1, now: t1 }).record;
    assert.equal(shareUndelivered(shared, 2)?.status, "draft");
    assert.equal(shareUndelivered(shared, 1), undefined);
    assert.equal(shareUndelivered(first(), 1), undefined);
    assert.equal(shareUndelivered(undefined, 1), undefined);
  });
});
