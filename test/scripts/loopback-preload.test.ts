import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { fromRoot } from "../../src/paths";

/**
 * The Agents Playground (npm run dev, the browser tests) calls listen(port) with no host, which
 * would listen on every interface. scripts/loopback-only.cjs is preloaded to keep it on 127.0.0.1.
 */
describe("the loopback-only preload for the Playground", () => {
  const addressOf = (listenCall: string, preload: boolean): string =>
    execFileSync(
      process.execPath,
      [
        ...(preload ? ["--require", fromRoot("scripts", "loopback-only.cjs")] : []),
        "-e",
        `const s = require("net").createServer(); s.on("listening", () => { console.log(s.address().address); s.close(); }); s.${listenCall};`,
      ],
      { encoding: "utf8", timeout: 10_000 },
    ).trim();

  it("binds listen(port), listen(port, callback), listen(port, '0.0.0.0') and listen({ port }) to 127.0.0.1", () => {
    assert.equal(addressOf("listen(0)", true), "127.0.0.1");
    assert.equal(addressOf("listen(0, () => {})", true), "127.0.0.1");
    assert.equal(addressOf('listen(0, "0.0.0.0")', true), "127.0.0.1");
    assert.equal(addressOf("listen({ port: 0 })", true), "127.0.0.1");
  });

  it("leaves an explicit loopback host alone; without the preload Node listens on every interface", () => {
    assert.equal(addressOf('listen(0, "127.0.0.1")', true), "127.0.0.1");
    assert.notEqual(addressOf("listen(0)", false), "127.0.0.1", "so the preload is what makes the difference");
  });
});
