import { benchMatching } from "./bench-matching";
import { benchOutbox } from "./bench-outbox";
import { benchPoolQueries, benchProgramme } from "./bench-programme";
import { benchTab, TAB_JS_TARGET_BYTES } from "./bench-tab";

/**
 * `npm run bench`: every benchmark, one after the other, printing figures (never pass/fail on
 * time). Each can also run alone: node dist/scripts/bench-<name>.js. Pass --quick for a smaller
 * outbox run (1,000 messages instead of 10,000, which takes about 3.5 minutes at 50 per second) and a
 * smaller Programme tab run through the store (2,500 interests instead of 10,000).
 */
async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  console.log("== Tabs: first-load JavaScript of the personal tab, gzipped (target <= 250 KB)");
  if (benchTab().inTeams > TAB_JS_TARGET_BYTES) process.exitCode = 1;
  console.log("");
  console.log("== Matching: 25,000 interests and 2,500 roles (targets: full re-match <= 1 s, one new submission <= 20 ms, >= 20x faster than scoring every pair)");
  await benchMatching();
  console.log("");
  console.log("== Programme tab (targets: first page and a filtered page <= 300 ms at the API, export streamed with flat memory)");
  benchPoolQueries();
  await benchProgramme(quick ? { interests: 2_500, roles: 250 } : {});
  console.log("");
  console.log("== Outbound queue: Teams rate limits (target: at least 95 % of 50 messages/s, 0 lost, 0 duplicates)");
  const outbox = await benchOutbox(quick ? { messages: 1000, recipients: 200 } : {});
  if (outbox.lost !== 0 || outbox.duplicates !== 0) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
