import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const dist = join(__dirname, "..", "..");
const mocha = join(dist, "..", "node_modules", "mocha", "bin", "mocha.js");

describe("a test run that cannot end by itself", () => {
  it("ends as failed soon after the last test, naming what was left open", () => {
    const run = spawnSync(
      process.execPath,
      [mocha, "--no-config", "--require", join(dist, "test", "support", "exit-watchdog.js"), join(dist, "test", "support", "fixtures", "leaves-server-open.js")],
      { encoding: "utf8", env: { ...process.env, TEST_EXIT_GRACE_MS: "300" }, timeout: 30_000 },
    );
    assert.equal(run.signal, null, "the run had to be killed: it never ended");
    assert.match(run.stdout, /1 passing/);
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stderr, /never closed/);
    assert.match(run.stderr, /Still open: .*TCPServerWrap/);
  });
});
