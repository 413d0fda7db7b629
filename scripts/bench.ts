import { benchCosts } from "./bench-costs";
import { benchFaq } from "./bench-faq";
import { benchMatching } from "./bench-matching";
import { benchOutbox } from "./bench-outbox";
import { benchPoolQueries, benchProgramme } from "./bench-programme";
import { benchTab, TAB_JS_TARGET_BYTES } from "./bench-tab";
import { benchTurns } from "./bench-turns";
import { benchMatchingBurst } from "./bench-matching-burst";
import { benchSoak } from "./bench-soak";
import { benchStore } from "./bench-store";

/**
 * `npm run bench`: every benchmark, one after the other, printing figures (never pass/fail on
 * time). Each can also run alone: node dist/scripts/bench-<name>.js. Pass --quick for a smaller
 * outbox run (1,000 messages instead of 10,000, which takes about 3.5 minutes at 50 per second) and a
 * smaller Programme tab run through the store (2,500 interests instead of 25,000).
 */
function arg(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
}

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  if (process.argv.includes("--soak")) {
    // The soak runs alone: 10 minutes (or --soak-minutes N) of steady traffic.
    console.log("== Soak: steady mixed traffic through /api/messages (targets: heap flat after warm-up, 0 errors)");
    const soak = await benchSoak({ minutes: arg("soak-minutes") ?? 10, rate: arg("soak-rate") ?? 20 });
    if (soak.errors > 0 || !soak.heapFlat) process.exitCode = 1;
    return;
  }
  console.log("== Tabs: first-load JavaScript of the personal tab, gzipped (target <= 250 KB)");
  if (benchTab().inTeams > TAB_JS_TARGET_BYTES) process.exitCode = 1;
  console.log("== Questions: the FAQ evaluation set, the held-out set and the Welsh set, each on its own (targets: >= 92 % right in-domain, 0 invented answers on the off-topic and not-covered sets, p50 <= 5 ms)");
  const faq = benchFaq(process.argv.includes("--verbose"));
  if (faq.invented !== 0) process.exitCode = 1;
  console.log("== Message turns against a bare echo bot (targets: p50 <= 1.3x echo, <= 2 store calls for a typed command)");
  await benchTurns({ turns: quick ? 200 : 1000 });
  console.log("");
  console.log("== Matching: 25,000 interests and 2,500 roles (targets: full re-match <= 1 s, one new submission <= 20 ms, >= 20x faster than scoring every pair)");
  await benchMatching();
  console.log("");
  console.log("== Matching a burst of 100 submissions with the long-lived engine (target: <= 2 s of matching work in all; two instances agree)");
  const burst = await benchMatchingBurst(quick ? { candidates: 2500, openings: 250 } : {});
  if (!burst.agree) process.exitCode = 1;
  console.log("");
  console.log("== Programme tab (targets: first page and a filtered page <= 300 ms at the API, export streamed with flat memory)");
  benchPoolQueries();
  await benchProgramme(quick ? { interests: 2_500, roles: 250 } : {});
  console.log("");
  console.log("== Outbound queue: Teams rate limits (target: at least 95 % of 50 messages/s, 0 lost, 0 duplicates)");
  const outbox = await benchOutbox(quick ? { messages: 1000, recipients: 200 } : {});
  if (outbox.lost !== 0 || outbox.duplicates !== 0) process.exitCode = 1;
  console.log("");
  console.log("== Store cost per typed message, card click and scheduled job kind (measured from store.call spans over the end-to-end journeys; docs/deploy.md's cost section uses these)");
  await benchCosts();
  console.log("");
  console.log("== Embedded store: journal with group commit (a write is acknowledged once on disk; its cost should not grow with the store)");
  await benchStore({ quick });
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
