import { benchMatching } from "./bench-matching";
import { benchOutbox } from "./bench-outbox";
import { benchStore } from "./bench-store";

/**
 * `npm run bench`: every benchmark, one after the other, printing figures (never pass/fail on
 * time). Each can also run alone: node dist/scripts/bench-<name>.js. Pass --quick for a smaller
 * outbox run (1,000 messages instead of 10,000, which takes about 3.5 minutes at 50 per second).
 */
async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  console.log("== Matching: 25,000 interests and 2,500 roles (targets: full re-match <= 1 s, one new submission <= 20 ms, >= 20x faster than scoring every pair)");
  await benchMatching();
  console.log("");
  console.log("== Outbound queue: Teams rate limits (target: at least 95 % of 50 messages/s, 0 lost, 0 duplicates)");
  const outbox = await benchOutbox(quick ? { messages: 1000, recipients: 200 } : {});
  if (outbox.lost !== 0 || outbox.duplicates !== 0) process.exitCode = 1;
  console.log("");
  console.log("== Embedded store: journal with group commit (a write is acknowledged once on disk; its cost should not grow with the store)");
  await benchStore({ quick });
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
