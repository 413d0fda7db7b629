import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "../../src/log";
import type { Match } from "../../src/domain/match";
import { loadPool } from "../../src/pool/pool";
import { openStore, type Store } from "../../src/store/store";

/** What matching may consider: who is placed and which roles are filled, from the stored matches. */
describe("the matching pool", () => {
  let dataDir: string;
  let store: Store;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "secondment-pool-"));
    store = await openStore({ kind: "embedded", dataDir, database: "test" }, silentLogger);
    const people = store.container("people");
    const role = (id: string, openings: number) => ({ id, pk: "t:host", type: "role", status: "submitted", details: { form: { title: id, openings, secondmentTypes: ["short-term"] }, channel: {} } });
    const interest = (pk: string) => ({ id: "interest", pk, type: "interest", status: "submitted", details: { fullName: pk } });
    for (const doc of [role("role-two", 2), role("role-one", 1), interest("t:ana"), interest("t:ben"), interest("t:cat")]) await people.items.create(doc);
  });
  after(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const match = (openingId: string, candidate: string, status: Match["status"]): Match =>
    ({ type: "match", opening: { id: openingId, ownerKey: "t:host", title: openingId, organisation: "Org", channelConversationId: "c" }, candidate: { tenantId: "t", aadObjectId: candidate, key: `t:${candidate}`, name: candidate }, status, confirmedBy: { aadObjectId: "p" }, confirmedAt: "2027-01-01T00:00:00Z", outcomes: {}, explanation: "" }) as Match;

  it("fills a role only when as many matches are going ahead as it has openings", async () => {
    const status = async (matches: Match[]) => Object.fromEntries((await loadPool(store.container("people"), matches)).openings.map((o) => [o.id, o.status]));
    assert.deepEqual(await status([]), { "role-two": "open", "role-one": "open" });
    assert.deepEqual(await status([match("role-two", "ana", "agreeing"), match("role-one", "ben", "meeting")]), { "role-two": "open", "role-one": "open" }, "one of two openings taken; a meeting takes none");
    assert.deepEqual(await status([match("role-two", "ana", "agreeing"), match("role-two", "cat", "agreeing"), match("role-one", "ben", "agreeing")]), { "role-two": "filled", "role-one": "filled" });
    assert.deepEqual(await status([match("role-two", "ana", "agreeing"), match("role-two", "cat", "closed")]), { "role-two": "open", "role-one": "open" }, "a closed match (say, a secondment called off) takes no opening");
  });

  it("counts a person as placed only while a match of theirs is going ahead", async () => {
    const pool = await loadPool(store.container("people"), [match("role-two", "ana", "agreeing"), match("role-one", "ben", "closed")]);
    assert.deepEqual(Object.fromEntries(pool.candidates.map((c) => [c.id, c.status])), { "t:ana": "placed", "t:ben": "available", "t:cat": "available" });
  });
});
