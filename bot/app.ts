import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  type TurnContext,
} from "botbuilder";
import restify from "restify";
import { renderCard } from "../cards";
import { durationCapFor, type Config } from "../src/config";
import { todayInLondon } from "../src/domain/dates";
import type { InterestDetails } from "../src/domain/interest";
import type { RoleRecordDetails } from "../src/domain/role-record";
import { FormRecordStore } from "../src/store/records";
import { createFaq } from "../src/faq/search";
import { createLogger, type Logger } from "../src/log";
import { ConversationRepository } from "../src/store/conversations";
import { PlanRepository } from "../src/store/plans";
import { openStore, type Store } from "../src/store/store";
import { checkEnvelope, MAX_BODY_BYTES } from "./activity-envelope";
import type { Services } from "./handlers/types";
import { SecondmentBot, toActivity, toInvokeResponse } from "./secondment-bot";
import { CosmosBotStorage } from "./state-storage";

export interface RunningApp {
  port: number;
  /** Base URL, e.g. http://127.0.0.1:3978 */
  url: string;
  store: Store;
  stop(): Promise<void>;
}

const CORRELATION = Symbol("correlationId");

export function newReference(): string {
  return randomBytes(4).toString("hex").toUpperCase();
}

function buildAdapter(config: Config, log: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    config.bot.appId
      ? {
          MicrosoftAppId: config.bot.appId,
          MicrosoftAppPassword: config.bot.appPassword,
          MicrosoftAppType: config.bot.appType,
          MicrosoftAppTenantId: config.bot.tenantId,
        }
      : {},
  );
  const adapter = new CloudAdapter(auth);

  // Every turn gets a short reference that ties its log lines to what the user is told.
  adapter.use(async (ctx: TurnContext, next) => {
    ctx.turnState.set(CORRELATION, newReference());
    await next();
  });

  adapter.onTurnError = async (ctx, error) => {
    const reference: string = ctx.turnState.get(CORRELATION) ?? newReference();
    log.error("turn failed", { reference, activityType: ctx.activity.type, name: ctx.activity.name, err: error });
    const apology = { kind: "card" as const, card: renderCard("error", { reference, programmeEmail: config.programmeTeam.email }) };
    try {
      if (ctx.activity.type === "invoke") {
        await ctx.sendActivity({ type: "invokeResponse", value: toInvokeResponse(apology) });
      } else {
        await ctx.sendActivity(toActivity(apology));
      }
    } catch (sendError) {
      log.error("could not send the apology", { reference, err: sendError as Error });
    }
  };
  return adapter;
}

/** Start the bot: store, adapter and HTTP server. Resolves once it is listening. */
export async function startApp(config: Config, options: { log?: Logger; now?: () => Date } = {}): Promise<RunningApp> {
  const log = options.log ?? createLogger(config.logLevel);
  const store = await openStore(config.cosmos, log);
  const now = options.now ?? (() => new Date());
  const conversations = new ConversationRepository(store.container("conversations"));
  const services: Services = {
    config,
    log,
    plans: new PlanRepository(store.container("people")),
    faq: createFaq(),
    interests: new FormRecordStore<InterestDetails>(store.container("people"), "interest"),
    roles: new FormRecordStore<RoleRecordDetails>(store.container("people"), "role"),
    conversations,
    rules: () => ({ today: todayInLondon(now()), durationCapMonths: (org) => durationCapFor(config, org) }),
    now,
  };
  const conversationState = new ConversationState(new CosmosBotStorage(store.container("botState")));
  const bot = new SecondmentBot(services, conversations, conversationState);
  const adapter = buildAdapter(config, log);
  const authenticated = Boolean(config.bot.appId);

  const server = restify.createServer({ name: "secondment-bot", handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false }));

  let inFlight = 0;
  let drained: (() => void) | undefined;

  server.post("/api/messages", async (req, res) => {
    const check = checkEnvelope(req.body, authenticated);
    if (!check.ok) {
      res.send(400, { error: "This is not an activity I can accept.", problem: check.problem });
      return;
    }
    inFlight++;
    try {
      await adapter.process(req, res, (ctx) => bot.run(ctx));
    } finally {
      inFlight--;
      if (inFlight === 0) drained?.();
    }
  });

  server.get("/healthz", async (_req, res) => {
    const storeOk = await store.ping();
    res.send(storeOk ? 200 : 503, { status: storeOk ? "ok" : "unavailable", store: storeOk ? "ok" : "not answering" });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.server.once("error", reject);
      server.listen(config.port, config.host, () => resolve());
    });
  } catch (err) {
    await store.close();
    throw err;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`;

  let stopping: Promise<void> | undefined;
  return {
    port,
    url,
    store,
    stop() {
      stopping ??= (async () => {
        server.server.close();
        server.server.closeIdleConnections();
        if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
        await store.close();
        log.info("stopped");
      })();
      return stopping;
    },
  };
}
