import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "../../src/log";
import { MAX_ACTIVITY_BYTES, Outbox } from "../../src/outbox/outbox";
import { openStore, type Store } from "../../src/store/store";

const target = { kind: "conversation" as const, tenantId: "t1", conversationId: "19:c@thread.tacv2", serviceUrl: "http://127.0.0.1:1" };

describe("the outbox queue", () => {
  let dataDir: string;
  let store: Store;
  let outbox: Outbox;
  const at = new Date("2026-11-23T10:00:00.000Z");
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "secondment-outbox-"));
    store = await openStore({ kind: "embedded", dataDir, database: "test" }, silentLogger);
    outbox = new Outbox(store.container("outbox"), { now: () => at });
  });
  after(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps one message when the same id is enqueued twice", async () => {
    const m = { id: "reminder:job-1", target, activity: { type: "message", text: "Reminder" }, purpose: "reminder" };
    assert.equal(await outbox.enqueue(m), "queued");
    assert.equal(await outbox.enqueue({ ...m, activity: { text: "Something else" } }), "duplicate");
    const { resources } = await store.container("outbox").items.query("SELECT * FROM c WHERE c.id = 'reminder:job-1'").fetchAll();
    assert.equal(resources.length, 1);
    assert.deepEqual(await outbox.get("reminder:job-1"), {
      id: "reminder:job-1",
      target,
      activity: { type: "message", text: "Reminder" },
      purpose: "reminder",
      status: "queued",
      attempts: 0,
      notBefore: at.toISOString(),
      createdAt: at.toISOString(),
    });
  });

  it("keeps whose words a message quotes (person keys, lower case, once each), and nothing when none", async () => {
    await outbox.enqueue({ id: "note:about", target, activity: { text: "Said: \"No\"" }, purpose: "match-closed", about: ["T1:AAA", "t1:aaa", "t1:bbb"] });
    assert.deepEqual((await outbox.get("note:about"))!.about, ["t1:aaa", "t1:bbb"]);
    await outbox.enqueue({ id: "note:none", target, activity: { text: "Hello" }, purpose: "match-closed", about: [] });
    assert.equal((await outbox.read("note:none"))!.about, undefined);
  });

  it("defaults the activity type to message", async () => {
    await outbox.enqueue({ id: "card:1", target, activity: { attachments: [] }, purpose: "match" });
    assert.equal((await outbox.get("card:1"))!.activity.type, "message");
  });

  it("refuses ids Cosmos cannot hold or the dispatcher reserves, bad targets and oversized activities", async () => {
    const ok = { id: "x", target, activity: { text: "hi" }, purpose: "p" };
    await assert.rejects(outbox.enqueue({ ...ok, id: "a/b" }), /must not contain/);
    await assert.rejects(outbox.enqueue({ ...ok, id: "_leader" }), /reserved/);
    await assert.rejects(outbox.enqueue({ ...ok, target: { ...target, serviceUrl: "not a url" } }));
    await assert.rejects(outbox.enqueue({ ...ok, target: { kind: "person", tenantId: "t1", serviceUrl: "http://127.0.0.1:1" } as never }));
    await assert.rejects(outbox.enqueue({ ...ok, activity: { text: "x".repeat(MAX_ACTIVITY_BYTES) } }), /larger than/);
    await assert.rejects(outbox.enqueue({ ...ok, purpose: " " }));
    assert.equal(await outbox.get("x"), undefined);
  });

  it("answers undefined for an unknown id and for the dispatcher's own documents", async () => {
    assert.equal(await outbox.get("nope"), undefined);
    await store.container("outbox").items.create({ id: "_leader", pk: "_leader", type: "lease" });
    assert.equal(await outbox.get("_leader"), undefined);
  });
});
