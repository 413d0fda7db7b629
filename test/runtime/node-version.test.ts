import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fromRoot } from "../../src/paths";

// The project brings its own Node (the npm registry's `node` package, first on every npm script's
// PATH). This fails when the tests run on anything older than the supported LTS line.
describe("runtime", () => {
  it("runs on Node 24 LTS or later", () => {
    console.log(`      node ${process.version} (${process.execPath})`);
    const major = Number(process.versions.node.split(".")[0]);
    assert.ok(major >= 24, `expected Node 24 or later, got ${process.version}`);
  });

  it("declares the same floor in package.json engines", () => {
    const pkg = JSON.parse(readFileSync(fromRoot("package.json"), "utf8")) as { engines: { node: string } };
    assert.equal(pkg.engines.node, ">=24");
  });
});
