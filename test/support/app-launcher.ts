import { flushCompileCache } from "node:module";
import { createInterface } from "node:readline";

/**
 * Test-only entry point: load the app's modules (most of a start-up: about 2 to 3 s of CPU), say
 * "preloaded", then wait for one line on stdin and run the real entry point, dist/bot/main.js,
 * exactly as `npm start` does. Lets a test get the next process ready while the current one
 * works (test/store/crash.test.ts). Nothing is opened or read before the line arrives.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
require("../../bot/app");
// Write the compile cache now (NODE_COMPILE_CACHE): it is otherwise written at exit, and these
// processes end with SIGKILL, so the next ones would compile everything again.
flushCompileCache?.();
process.stdout.write("preloaded\n");
const lines = createInterface({ input: process.stdin });
lines.once("line", () => {
  lines.close();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("../../bot/main");
});
