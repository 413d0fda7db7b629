import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CosmosClient, type Container } from "@azure/cosmos";
import { silentLogger } from "../../src/log";
import { startEmbeddedCosmos, type EmbeddedCosmos } from "../../src/store/embedded";

/**
 * The embedded store's query fix (src/store/embedded-query.ts): queries compile to code that no
 * longer copies the accumulator per item, and still give the results the library's own code gives,
 * for plain scans, JOINs, ORDER BY and continuation pages. Speed is measured in the bench, not here.
 */
describe("the embedded store's queries", () => {
  let dataDir: string;
  let server: EmbeddedCosmos;
  let client: CosmosClient;
  let c: Container;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "secondment-query-"));
    server = await startEmbeddedCosmos({ dataDir, log: silentLogger });
    client = new CosmosClient({ endpoint: server.endpoint, key: server.key, connectionPolicy: { enableEndpointDiscovery: false } });
    const { database } = await client.databases.createIfNotExists({ id: "q" });
    ({ container: c } = await database.containers.createIfNotExists({ id: "things", partitionKey: { paths: ["/pk"] } }));
    for (let i = 0; i < 60; i++) {
      await c.items.create({ id: `t${i}`, pk: `p${i % 7}`, n: i, kind: i % 2 ? "odd" : "even", tags: i % 3 ? [{ name: `a${i % 4}` }, { name: "b" }] : [] });
    }
  });
  after(async () => {
    client.dispose();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("compiles FROM and JOIN without copying the accumulator for each item", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const query = (require("@zeit/cosmosdb-query") as { default: (sql: string) => { code: string } }).default;
    for (const sql of ["SELECT * FROM c", "SELECT c.id, t.name FROM c JOIN t IN c.tags WHERE t.name = 'b'", "SELECT VALUE c.n FROM c.tags[0] c"]) {
      const code = query(sql).code;
      assert.doesNotMatch(code, /\[\.\.\.\$,/, sql);
      assert.match(code, /appendInPlace/, sql);
    }
  });

  it("gives the same rows as before: filters, JOINs, ORDER BY and aggregates", async () => {
    const odd = (await c.items.query<{ n: number }>("SELECT c.n FROM c WHERE c.kind = 'odd' ORDER BY c.n").fetchAll()).resources.map((r) => r.n);
    assert.deepEqual(odd, Array.from({ length: 30 }, (_, i) => 2 * i + 1));
    const joined = (await c.items.query<{ id: string; name: string }>("SELECT c.id, t.name FROM c JOIN t IN c.tags WHERE c.n < 6").fetchAll()).resources;
    assert.deepEqual(
      joined.map((r) => `${r.id}:${r.name}`).sort(),
      ["t1:a1", "t1:b", "t2:a2", "t2:b", "t4:a0", "t4:b", "t5:a1", "t5:b"],
    );
    const count = (await c.items.query<number>("SELECT VALUE COUNT(1) FROM c JOIN t IN c.tags WHERE t.name = 'b'").fetchAll()).resources;
    assert.deepEqual(count, [40]);
  });

  it("pages with continuation tokens, every row once", async () => {
    const seen: number[] = [];
    const it = c.items.query<{ n: number }>("SELECT c.n FROM c ORDER BY c.n DESC", { maxItemCount: 7 });
    while (it.hasMoreResults()) {
      const { resources } = await it.fetchNext();
      assert.ok(resources.length <= 7);
      seen.push(...resources.map((r) => r.n));
    }
    assert.deepEqual(seen, Array.from({ length: 60 }, (_, i) => 59 - i));
  });
});
