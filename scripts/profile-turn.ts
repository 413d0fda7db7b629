/**
 * Profile one kind of turn: the app (embedded store), a connector stand-in and a Teams stand-in in
 * this process; `--kind typed|click|faq`, `--turns N`. Writes a V8 CPU profile of the turns only
 * (open it in Chrome DevTools) and prints where the time went by package and by function.
 *
 *   node dist/scripts/profile-turn.js --kind typed --turns 2000
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { VERBS } from "../cards";
import { startApp } from "../bot/app";
import { parseConfig } from "../src/config";
import { silentLogger } from "../src/log";
import { ConnectorStandIn } from "../test/support/connector";
import { person, personalChat, TeamsSimulator } from "../test/support/teams";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
}

async function main(): Promise<void> {
  const kind = arg("kind", "typed");
  const turns = Number(arg("turns", "2000"));
  const connector = await new ConnectorStandIn().start();
  const dataDir = mkdtempSync(join(tmpdir(), "secondment-profile-"));
  const app = await startApp(parseConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "silent" }), { log: silentLogger, background: false });
  const sim = new TeamsSimulator(app.url, connector);
  const who = person("Profile Person");
  const chat = personalChat(who);
  const turn = () =>
    kind === "click"
      ? sim.post(sim.activity(chat, who, { type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb: VERBS.openStep, data: { step: 2 } }, trigger: "manual" } }))
      : sim.post(sim.activity(chat, who, { type: "message", text: kind === "faq" ? "Who pays my salary while I am on secondment?" : "plan" }));
  for (let i = 0; i < 200; i++) await turn();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
  const t0 = performance.now();
  for (let i = 0; i < turns; i++) {
    if (connector.sent.length > 1000) connector.sent.length = 0;
    if (connector.requests.length > 1000) connector.requests.length = 0;
    await turn();
  }
  const elapsed = performance.now() - t0;
  const { profile } = await session.post("Profiler.stop");
  const file = join(tmpdir(), `turn-${kind}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  console.log(`${turns} ${kind} turns: ${(elapsed / turns).toFixed(2)} ms each (profiled); profile in ${file}`);

  const nodes = profile.nodes as ProfileNode[];
  const self = new Map<number, number>();
  profile.samples!.forEach((s, i) => self.set(s, (self.get(s) ?? 0) + (profile.timeDeltas![i] ?? 0)));
  const where = (u: string) => {
    const m = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(u);
    if (m) return m[1]!;
    if (u.includes("/dist/")) return `app ${u.split("/dist/")[1]!.split("/").slice(0, 2).join("/")}`;
    return u ? u.replace(/^node:/, "node:") : "(native/gc/idle)";
  };
  const byPkg = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const n of nodes) {
    const t = self.get(n.id) ?? 0;
    const pkg = where(n.callFrame.url);
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + t);
    const fn = `${n.callFrame.functionName || "(anonymous)"} ${pkg}:${n.callFrame.lineNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + t);
  }
  const per = (us: number) => `${(us / 1000 / turns).toFixed(3)} ms/turn`;
  console.log("self time by package:");
  for (const [k, v] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${per(v).padStart(16)}  ${k}`);
  console.log("self time by function:");
  for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${per(v).padStart(16)}  ${k}`);
  await app.stop();
  await connector.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
