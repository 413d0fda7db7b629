/**
 * Turn benchmark: how long a turn through /api/messages takes, next to a bare botbuilder echo bot
 * (CloudAdapter on restify, same process, same connector stand-in, same run), and how many store
 * calls each kind of turn makes.
 *
 * Three kinds of turn, each by one person who has talked to the bot before (so the conversation
 * reference is already stored), one request at a time, interleaved with the echo bot's so both
 * see the same machine:
 * - a typed command ("plan": reads the plan, replies with a card through the connector);
 * - a card click (Action.Execute invoke opening a plan step; the card is the invoke response);
 * - an FAQ question (typed; answered from the in-memory knowledge base).
 * The echo bot answers a message by echoing it through the connector, and an invoke with a
 * one-line invoke response: the like-for-like floor for each kind (the target is set against
 * it). A second echo bot answers with exactly the reply our bot gave for that kind (the same card,
 * sent the same way) and does nothing else: the gap to it is what our own work costs (routing,
 * checks, the store read), apart from the size of what is sent.
 *
 * Store calls are HTTP requests to the store, counted for the same turns against a bare local
 * Cosmos server (so the embedded store's own snapshot or journal is not counted). The timed bot uses
 * the embedded store as a newcomer gets it: its Cosmos client reaches the server in process
 * (src/store/in-process.ts), so a store call costs the SDK's work and the server's, not a socket.
 *
 * Targets: p50 ≤ 1.3× the echo bot; ≤ 2 store calls for a typed command. Figures only.
 *
 *   node dist/scripts/bench-turns.js [--quick] [--turns N]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, type InvokeResponse, type TurnContext } from "botbuilder";
import restify from "restify";
import { VERBS } from "../cards";
import { startApp, type RunningApp } from "../bot/app";
import { parseConfig } from "../src/config";
import { silentLogger } from "../src/log";
import { ConnectorStandIn } from "../test/support/connector";
import { startBareCosmos, StoreCallCounter } from "../test/support/store-calls";
import { person, personalChat, TeamsSimulator, type Chat, type Person } from "../test/support/teams";

export interface TurnFigures {
  kind: string;
  p50: number;
  p99: number;
  echoP50: number;
  echoP99: number;
  ratio: number;
  /** The echo bot that sends our reply for this kind (same card). */
  sameReplyP50: number;
  storeCalls: number;
}

/** What a same-reply echo bot answers with: the activity to send for a message, the body for an invoke. */
export interface EchoReplies {
  message?: Record<string, unknown>;
  invoke?: unknown;
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};

/**
 * The floor: a botbuilder bot that does nothing but echo, or (given `replies`) answer with exactly
 * what it is told to, read when each turn runs.
 */
export async function startEchoBot(replies?: EchoReplies): Promise<{ url: string; stop(): Promise<void> }> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  class Echo extends ActivityHandler {
    constructor() {
      super();
      this.onMessage(async (ctx, next) => {
        // A copy each time, as our bot renders a new card each time.
        await ctx.sendActivity(replies?.message ? structuredClone(replies.message) : `You said: ${ctx.activity.text ?? ""}`);
        await next();
      });
    }
    protected override async onInvokeActivity(_ctx: TurnContext): Promise<InvokeResponse> {
      if (replies?.invoke !== undefined) return { status: 200, body: structuredClone(replies.invoke) };
      return { status: 200, body: { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: "ok" } };
    }
  }
  const bot = new Echo();
  const server = restify.createServer({ name: "echo", handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.post("/api/messages", async (req, res) => {
    await adapter.process(req, res, (ctx) => bot.run(ctx));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      server.server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface Kind {
  kind: string;
  /** One turn; resolves with the bot's HTTP answer. */
  run(sim: TeamsSimulator, chat: Chat, who: Person): Promise<{ status: number; body: unknown }>;
}

async function ok(res: Promise<{ status: number; body: unknown }>): Promise<{ status: number; body: unknown }> {
  const r = await res;
  if (r.status >= 300) throw new Error(`turn answered ${r.status}: ${JSON.stringify(r.body).slice(0, 200)}`);
  return r;
}

const KINDS: Kind[] = [
  { kind: "typed command (plan)", run: (sim, chat, who) => ok(sim.post(sim.activity(chat, who, { type: "message", text: "plan" }))) },
  {
    kind: "card click (Action.Execute)",
    run: (sim, chat, who) =>
      ok(sim.post(sim.activity(chat, who, { type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb: VERBS.openStep, data: { step: 2 } }, trigger: "manual" } }))),
  },
  { kind: "FAQ question", run: (sim, chat, who) => ok(sim.post(sim.activity(chat, who, { type: "message", text: "Who pays my salary while I am on secondment?" }))) },
];

async function startBot(env: Record<string, string>): Promise<{ app: RunningApp; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), "secondment-bench-turns-"));
  const config = parseConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "silent", ...env });
  const app = await startApp(config, { log: silentLogger, background: false });
  return { app, dataDir };
}

export async function benchTurns(o: { turns?: number; print?: (line: string) => void } = {}): Promise<TurnFigures[]> {
  const print = o.print ?? ((line: string) => console.log(line));
  const turns = o.turns ?? 1000;
  const connector = await new ConnectorStandIn().start();
  const echo = await startEchoBot();
  const replies: EchoReplies = {};
  const sameReply = await startEchoBot(replies);
  const { app, dataDir } = await startBot({});
  const figures: TurnFigures[] = [];
  try {
    const sim = new TeamsSimulator(app.url, connector);
    const echoSim = new TeamsSimulator(echo.url, connector);
    const sameSim = new TeamsSimulator(sameReply.url, connector);
    const who = person("Bench Person");
    const chat = personalChat(who);
    // First contact stores the conversation; a few turns of each kind warm up both bots.
    for (let i = 0; i < 50; i++) for (const k of KINDS) await Promise.all([k.run(sim, chat, who), k.run(echoSim, chat, who)]);
    await app.store.flush();
    for (const k of KINDS) {
      const bot: number[] = [];
      const floor: number[] = [];
      const same: number[] = [];
      // What our bot answers for this kind, for the same-reply echo bot.
      const before = connector.sent.length;
      const answer = await k.run(sim, chat, who);
      const sent = connector.sent.slice(before).at(-1)?.body as Record<string, unknown> | undefined;
      replies.message = sent ? { type: "message", ...(sent.text !== undefined ? { text: sent.text } : {}), ...(sent.attachments ? { attachments: sent.attachments } : {}) } : undefined;
      replies.invoke = answer.body ?? undefined;
      for (let i = 0; i < 20; i++) await k.run(sameSim, chat, who);
      for (let i = 0; i < turns; i++) {
        // Rotate which goes first, so none always runs on a just-warmed path.
        const all = [[sim, bot], [echoSim, floor], [sameSim, same]] as const;
        const order = [0, 1, 2].map((j) => all[(i + j) % 3]!);
        for (const [target, into] of order) {
          const t0 = performance.now();
          await k.run(target, chat, who);
          into.push(performance.now() - t0);
        }
        if (connector.sent.length > 1000) connector.sent.length = 0;
        if (connector.requests.length > 1000) connector.requests.length = 0;
      }
      figures.push({
        kind: k.kind,
        p50: percentile(bot, 50),
        p99: percentile(bot, 99),
        echoP50: percentile(floor, 50),
        echoP99: percentile(floor, 99),
        ratio: percentile(bot, 50) / percentile(floor, 50),
        sameReplyP50: percentile(same, 50),
        storeCalls: NaN,
      });
    }
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  // Store calls, counted against a bare local server that nothing else talks to.
  const cosmos = await startBareCosmos();
  const counted = await startBot(cosmos.env);
  const counter = new StoreCallCounter(cosmos.endpoint);
  try {
    const sim = new TeamsSimulator(counted.app.url, connector);
    const who = person("Counted Person");
    const chat = personalChat(who);
    counter.reset();
    await KINDS[0]!.run(sim, chat, who);
    const firstContact = counter.count;
    for (const [i, k] of KINDS.entries()) {
      counter.reset();
      await k.run(sim, chat, who);
      figures[i]!.storeCalls = counter.count;
    }
    const ms = (x: number) => `${x.toFixed(2)} ms`;
    print(`Turn benchmark: ${turns} turns of each kind, one at a time, interleaved with a bare botbuilder echo bot`);
    for (const f of figures) {
      print(`  ${f.kind.padEnd(30)} p50 ${ms(f.p50)}  p99 ${ms(f.p99)}   echo p50 ${ms(f.echoP50)}  p99 ${ms(f.echoP99)}   ${f.ratio.toFixed(2)}× echo (target ≤ 1.3×)   store calls ${f.storeCalls}`);
    }
    for (const f of figures) {
      print(`  ${f.kind.padEnd(30)} an echo bot sending the same reply: p50 ${ms(f.sameReplyP50)}; ours is ${(f.p50 / f.sameReplyP50).toFixed(2)}× that (our routing, checks and store calls)`);
    }
    print(`  store calls on first contact (reads and stores the conversation reference, then the plan): ${firstContact}`);
    print(`  target: ≤ 2 store calls for a typed command: ${figures[0]!.storeCalls <= 2 ? "met" : "NOT met"}`);
  } finally {
    counter.stop();
    await counted.app.stop();
    rmSync(counted.dataDir, { recursive: true, force: true });
    await cosmos.stop();
    await echo.stop();
    await sameReply.stop();
    await connector.stop();
  }
  return figures;
}

function arg(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
}

if (require.main === module) {
  benchTurns({ turns: arg("turns") ?? (process.argv.includes("--quick") ? 200 : 1000) }).catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
