import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { personKey } from "../../src/domain/person";
import { silentLogger } from "../../src/log";
import { erase, planErasure } from "../../src/privacy/erase";
import { openStore, type Store } from "../../src/store/store";

const TENANT = "t-erase-messages";
const vic = { tenantId: TENANT, aadObjectId: "0000aaaa-1111-2222-3333-444455556666" };
const pat = { tenantId: TENANT, aadObjectId: "1111bbbb-1111-2222-3333-444455556666" };
const gwen = { tenantId: TENANT, aadObjectId: "2222cccc-1111-2222-3333-444455556666" };
const REASON = "We need someone with more housing experience QX-7781.";
const SERVICE = "http://127.0.0.1:9/";

/**
 * Messages that quote someone's words without naming them, stored before messages listed whose
 * words they quote (`about`): erasure still finds them by the words. Real Cosmos SDK calls against
 * the embedded store.
 */
describe("erasure finds kept messages by the words they quote", function () {
  this.timeout(30_000);
  let dataDir: string;
  let store: Store;

  const note = (id: string, to: typeof pat, status: string, extra: Record<string, unknown> = {}) => ({
    id,
    pk: id,
    type: "message",
    lane: `${TENANT}|person:${to.aadObjectId}`,
    target: { kind: "person", tenantId: TENANT, aadObjectId: to.aadObjectId, serviceUrl: SERVICE },
    activity: { type: "message", text: `The match of Ben Ade with Statistician (Leeds) is not going ahead. The vacancy holder said: "${REASON}" Both are available for other matches.` },
    purpose: "match-closed",
    status,
    attempts: 0,
    notBefore: "2026-12-01T09:00:00.000Z",
    createdAt: "2026-12-01T09:00:00.000Z",
    updatedAt: "2026-12-01T09:00:00.000Z",
    ...extra,
  });
  const text = async (id: string) => (await store.container("outbox").item(id, id).read()).resource?.activity.text as string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "secondment-erase-messages-"));
    store = await openStore({ kind: "embedded", dataDir, database: "test" }, silentLogger);
    await store.container("matches").items.create({
      id: "match:role-1:t:ben",
      pk: "match:role-1:t:ben",
      type: "match",
      opening: { id: "role-1", ownerKey: personKey(vic), title: "Statistician", organisation: "Leeds", channelConversationId: "19:c@thread.tacv2" },
      candidate: { tenantId: TENANT, aadObjectId: "ben", key: `${TENANT}:ben`, name: "Ben Ade" },
      status: "closed",
      outcomes: { host: { proceed: false, reason: REASON, at: "2026-12-01T09:00:00Z" } },
      closedReason: REASON,
      closedBy: "host",
      closedAt: "2026-12-01T09:00:00Z",
    });
    await store.container("people").items.create({ id: "profile", pk: personKey(gwen), type: "profile", lang: "cy", updatedAt: "2026-12-01T09:00:00Z" });
    await store.container("outbox").items.create(note("old-sent", pat, "sent"));
    await store.container("outbox").items.create(note("old-queued", gwen, "queued"));
    // A message that lists whose words it quotes, and they are someone else's: left alone.
    await store.container("outbox").items.create(note("someone-else", pat, "sent", { about: [`${TENANT}:someone-else`] }));
  });
  after(async () => {
    await store?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("scrubs the words from a message without `about`, writes them out for the reader of one still queued, and trusts `about` where it is", async () => {
    const plan = await planErasure(store, vic);
    assert.deepEqual(plan.found.filter((f) => f.container === "outbox").map((f) => f.doc.id).sort(), ["old-queued", "old-sent"]);
    await erase(store, plan, new Date("2026-12-07T09:00:00Z"));
    assert.equal(await text("old-sent"), 'The match of Ben Ade with Statistician (Leeds) is not going ahead. The vacancy holder said: "[removed-on-erasure]" Both are available for other matches.', "a sent copy keeps the marker, read in each reader's language later");
    assert.equal(await text("old-queued"), 'The match of Ben Ade with Statistician (Leeds) is not going ahead. The vacancy holder said: "(wedi\'i ddileu: gofynnodd y person i\'w ddata gael ei ddileu)" Both are available for other matches.', "Gwen will get Welsh words, not the marker");
    assert.ok((await text("someone-else")).includes(REASON));
  });
});
