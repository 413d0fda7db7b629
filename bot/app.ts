import { randomUUID } from "node:crypto";
import { PreferenceStore } from "../src/store/preferences";
import type { AddressInfo } from "node:net";
import {
  CloudAdapter,
  type TurnContext,
} from "botbuilder";
import restify from "restify";
import { renderCard } from "./render-card";
import { checkStoreForProduction, durationCapFor, type Config } from "../src/config";
import { todayInLondon } from "../src/domain/dates";
import type { InterestDetails } from "../src/domain/interest";
import type { RoleRecordDetails } from "../src/domain/role-record";
import { FormRecordStore } from "../src/store/records";
import { ApprovalStore } from "../src/store/approvals";
import { MatchStore } from "../src/store/matches";
import { ChangeLog } from "../src/store/changes";
import { LivePool } from "../src/pool/live-pool";
import { BusinessCaseStore } from "../src/store/business-cases";
import { SecondmentStore } from "../src/store/secondments";
// Pipeline (programme team)
import { PipelineSource } from "../src/store/pipeline-source";
import { Outbox, type OutboundMessage } from "../src/outbox/outbox";
import { OutboxDispatcher } from "../src/outbox/dispatcher";
import { JobStore } from "../src/scheduler/jobs";
import { Scheduler } from "../src/scheduler/scheduler";
import { dueInWorkingDays } from "../src/domain/working-days";
import { hostname } from "node:os";
import * as approval from "./handlers/approval";
import * as secondment from "./handlers/secondment";
import * as secondmentChanges from "./handlers/secondment-changes";
import * as businessCase from "./handlers/business-case";
// People's data
import * as privacy from "./handlers/privacy";
import { nextRetentionRun, RETENTION_JOB, retentionJobId, runRetention } from "../src/privacy/retention";
import { BotConnectorPort } from "./proactive/connector-port";
import { KeptClientsAuthentication } from "./connector-clients";
import { KnowledgeBase } from "../src/faq/knowledge-base";
import { KnowledgeStore } from "../src/store/knowledge";
import { createLogger, type Logger } from "../src/log";
import { ConversationRepository } from "../src/store/conversations";
import { PlanRepository } from "../src/store/plans";
import { isStoreUnavailable, openStore, type Store, type StoreDeps } from "../src/store/store";
import { observeQueueDepth } from "../src/telemetry";
import { GraphAppInstaller, graphCredential } from "../src/outbox/graph-install";
import type { TokenCredential } from "@azure/identity";
import { checkEnvelope, MAX_BODY_BYTES } from "./activity-envelope";
import type { Services } from "./handlers/types";
import { withTeamsUserIds } from "./refresh-users";
import { SecondmentBot, toActivity, toInvokeResponse, turnLang } from "./secondment-bot";
import { registerTabRoutes } from "./tab-api";
import { storeOutageCard } from "./store-outage";
import { MATCH_FOLLOW_UP, runFollowUpJob, type FollowUpPayload } from "./handlers/match-follow-up";
import { registerProgrammeRoutes } from "./programme-api";

export interface RunningApp {
  port: number;
  /** Base URL, e.g. http://127.0.0.1:3978 */
  url: string;
  store: Store;
  /** Sends every proactive message (tests drain it). */
  dispatcher: OutboxDispatcher;
  /** Runs reminders and other durable jobs (tests call runDue). */
  scheduler: Scheduler;
  /** This instance's long-lived matching engine (tests look at what it holds). */
  matching: LivePool;
  stop(): Promise<void>;
}

export interface AppOptions {
  log?: Logger;
  /** The clock every rule, job and message uses. */
  now?: () => Date;
  /** Start the outbox dispatcher and the scheduler's polling (default true). */
  background?: boolean;
  /** How often the scheduler looks for due jobs. */
  schedulerPollMs?: number;
  /** How often each instance looks for knowledge-base changes made elsewhere (default 30 s). */
  knowledgeRefreshMs?: number;
  /** Cosmos credential / client factories (tests stub the managed identity). */
  storeDeps?: StoreDeps;
  /** Credential for Microsoft Graph app installs (tests stub it); default from the configuration. */
  graphCredential?: TokenCredential;
  /** How often matching reads every interest, role and match again (default 1 hour). */
  matchingRebuildMs?: number;
  /** Store request timeout (default STORE_REQUEST_TIMEOUT_MS); fault tests make it short. */
  storeRequestTimeoutMs?: number;
  /**
   * Schedule the daily retention run (default false; bot/main.ts and npm run dev turn it on). Any
   * instance runs a retention job another scheduled, whatever this says. Off by default so tests
   * that move the clock by months are not purged under them.
   */
  retention?: boolean;
}

const CORRELATION = Symbol("correlationId");

export function newReference(): string {
  // randomUUID draws from a batch of entropy it keeps: about a tenth of the cost of randomBytes(4).
  return randomUUID().slice(0, 8).toUpperCase();
}

function buildAdapter(config: Config, log: Logger): CloudAdapter {
  const auth = new KeptClientsAuthentication(
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
    // The store did not answer: say plainly that it was not saved (a form keeps what was typed).
    const action = ctx.activity.type === "invoke" ? (ctx.activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined)?.action : undefined;
    // In the language the turn was answering in (or the Teams locale's, if it failed before that was known).
    const lang = turnLang(ctx);
    const card = isStoreUnavailable(error)
      ? storeOutageCard(typeof action?.verb === "string" ? action.verb : undefined, typeof action?.data === "object" && action.data !== null ? (action.data as Record<string, unknown>) : {}, reference, config.programmeTeam.email, lang)
      : renderCard("error", { reference, programmeEmail: config.programmeTeam.email }, lang);
    const apology = { kind: "card" as const, card };
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

/** The outbox gave up on a message: tell whoever needs to know. */
async function whenUnreachable(s: Services, m: OutboundMessage): Promise<void> {
  // Business case (plan step 4)
  if (m.purpose === businessCase.BUSINESS_CASE_PURPOSE) return businessCase.undelivered(s, m);
  if (m.purpose !== "approval-request") return;
  const requestId = m.id.slice("approval-request:".length);
  await approval.managerUnreachable(s, requestId, m.unreachableReason === "not-installed" ? "not-installed" : "blocked", m.target.serviceUrl);
}

/** Start the bot: store, adapter and HTTP server. Resolves once it is listening. */
export async function startApp(config: Config, options: AppOptions = {}): Promise<RunningApp> {
  const log = options.log ?? createLogger(config.logLevel);
  checkStoreForProduction(config);
  const store = await openStore(config.cosmos, log, { ...options.storeDeps, ...(options.storeRequestTimeoutMs ? { requestTimeoutMs: options.storeRequestTimeoutMs } : {}) });
  const now = options.now ?? (() => new Date());
  const clock = { now };
  const instanceId = `${hostname()}:${process.pid}:${newReference()}`;
  const conversations = new ConversationRepository(store.container("conversations"));
  const outbox = new Outbox(store.container("outbox"), clock);
  const jobs = new JobStore(store.container("jobs"));
  // Telemetry: queued messages, observed at each metric export (a no-op unless configured).
  const stopObservingQueue = observeQueueDepth(() => outbox.pendingCount());
  const changes = new ChangeLog(store.container("changes"));
  let dispatcher: OutboxDispatcher | undefined;
  const knowledgeStore = new KnowledgeStore(store.container("knowledge"));
  const knowledge = new KnowledgeBase(knowledgeStore, {
    refreshMs: options.knowledgeRefreshMs ?? 30_000,
    onError: (err) => log.warn("could not read the knowledge base; answering from the copy in memory", { err: err as Error }),
  });
  await knowledge.refresh();
  const services: Services = {
    config,
    log,
    plans: new PlanRepository(store.container("people")),
    knowledge,
    knowledgeStore,
    interests: new FormRecordStore<InterestDetails>(store.container("people"), "interest", changes),
    roles: new FormRecordStore<RoleRecordDetails>(store.container("people"), "role", changes),
    conversations,
    approvals: new ApprovalStore(store.container("people"), changes),
    matches: new MatchStore(store.container("matches"), changes),
    matching: new LivePool({
      people: store.container("people"),
      matches: store.container("matches"),
      changes,
      // Today is read at every query, so one engine serves across midnight.
      context: { get today() { return todayInLondon(now()); }, durationCapMonths: (org) => durationCapFor(config, org) },
      log: log.child({ part: "matching" }),
      // An erasure elsewhere deleted someone's chat reference: forget which ones this instance
      // stored, so each chat's next turn stores its reference again (one read each).
      onErasure: () => conversations.forgetAll(),
      ...(options.matchingRebuildMs ? { rebuildEveryMs: options.matchingRebuildMs } : {}),
    }),
    businessCases: new BusinessCaseStore(store.container("people")),
    secondments: new SecondmentStore(store.container("secondments")),
    // Pipeline (programme team)
    pipeline: new PipelineSource(store.container("people"), store.container("matches"), store.container("secondments")),
    people: store.container("people"),
    preferences: new PreferenceStore(store.container("people")),
    outbox: {
      async enqueue(m) {
        const result = await outbox.enqueue({ ...m, activity: await withTeamsUserIds(conversations, m.target.tenantId, m.activity) });
        dispatcher?.kick();
        return result;
      },
      async sent(id) {
        const m = await outbox.get(id);
        if (m?.status !== "sent" || !m.activityId || !m.conversationId) return undefined;
        return { activityId: m.activityId, target: { kind: "conversation", tenantId: m.target.tenantId, conversationId: m.conversationId, serviceUrl: m.target.serviceUrl } };
      },
    },
    jobs,
    calendar: { dueInWorkingDays: (from, n) => dueInWorkingDays(from, n) },
    rules: () => ({ today: todayInLondon(now()), durationCapMonths: (org) => durationCapFor(config, org) }),
    now,
    store,
  };
  dispatcher = new OutboxDispatcher({
    container: store.container("outbox"),
    port: new BotConnectorPort({
      ...(config.bot.appId ? { appId: config.bot.appId } : {}),
      ...(config.bot.appPassword ? { appPassword: config.bot.appPassword } : {}),
      appType: config.bot.appType,
      ...(config.bot.tenantId ? { tenantId: config.bot.tenantId } : {}),
    }),
    conversations,
    clock,
    instanceId,
    log: log.child({ part: "outbox" }),
    onUnreachable: (m) => whenUnreachable(services, m),
    // Looked at again just before each send: a request card whose request ended goes closed.
    checks: {
      [approval.REQUEST_CHECK]: async (m) => {
        const decision = await approval.requestAtSendTime(services, m);
        return decision.do === "replace" ? { ...decision, activity: await withTeamsUserIds(conversations, m.target.tenantId, decision.activity) } : decision;
      },
    },
    // Reaching people who have not installed the app (docs/deploy.md step 6): install it through Graph.
    ...(config.graph.installForUsers && config.graph.catalogAppId
      ? {
          installer: new GraphAppInstaller({
            baseUrl: config.graph.baseUrl,
            catalogAppId: config.graph.catalogAppId,
            credential: options.graphCredential ?? (await graphCredential({ ...config.bot, clientId: config.graph.clientId })),
            log: log.child({ part: "graph" }),
          }),
        }
      : {}),
  });
  const scheduler = new Scheduler({
    jobs,
    handlers: {
      [approval.APPROVAL_FOLLOW_UP]: (job) => approval.followUp(services, job.payload as unknown as approval.FollowUpPayload),
      [secondment.SECONDMENT_JOBS.start]: (job) => secondment.onStart(services, job.payload as unknown as secondment.StartPayload),
      [secondment.SECONDMENT_JOBS.checkIn]: (job) => secondment.onCheckIn(services, job.payload as unknown as secondment.CheckInPayload),
      [secondment.SECONDMENT_JOBS.checkInFollowUp]: (job) => secondment.onCheckInFollowUp(services, job.payload as unknown as secondment.CheckInFollowUpPayload),
      [secondment.SECONDMENT_JOBS.returnReminder]: (job) => secondment.onReturnReminder(services, job.payload as unknown as secondment.DatedPayload),
      [secondment.SECONDMENT_JOBS.end]: (job) => secondment.onEnd(services, job.payload as unknown as secondment.DatedPayload),
      [secondment.SECONDMENT_JOBS.confirmFollowUp]: (job) => secondment.onConfirmFollowUp(services, job.payload as unknown as secondment.ConfirmFollowUpPayload),
      // People's data: retention once a day (each day's run is one job, claimed by one instance).
      [RETENTION_JOB]: async () => {
        const result = await runRetention(store, config.retentionMonths, now());
        log.info("retention ran", { deleted: result.deleted, anonymised: result.anonymised });
        const next = nextRetentionRun(now());
        await jobs.schedule({ id: retentionJobId(next), type: RETENTION_JOB, payload: {}, dueAt: next }, now());
        // Erasures whose resume job gave up are tried again (a few times), then the team is told.
        await privacy.renewStuckErasures(services);
      },
      [privacy.FINISH_ERASURE]: (job) => privacy.finishErasure(services, job.payload as unknown as Parameters<typeof privacy.finishErasure>[1]),
      // An erasure cut off part way is finished here if nobody finished it meanwhile.
      [privacy.RESUME_ERASURE]: (job) => privacy.resumeErasure(services, job.payload),
      [MATCH_FOLLOW_UP]: (job) => runFollowUpJob(services, job.payload as unknown as FollowUpPayload),
      [secondment.SECONDMENT_JOBS.extensionFollowUp]: (job) => secondmentChanges.onExtensionFollowUp(services, job.payload as unknown as secondmentChanges.ExtensionFollowUpPayload),
    },
    clock,
    instanceId,
    log: log.child({ part: "scheduler" }),
    ...(options.schedulerPollMs ? { pollMs: options.schedulerPollMs } : {}),
  });
  const bot = new SecondmentBot(services, conversations);
  const adapter = buildAdapter(config, log);
  const authenticated = Boolean(config.bot.appId);

  const server = restify.createServer({ name: "secondment-bot", handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false }));

  let inFlight = 0;
  let drained: (() => void) | undefined;
  let draining = false;

  server.post("/api/messages", async (req, res) => {
    if (draining) {
      // Shutting down: Teams retries, and the load balancer sends it to another instance.
      res.header("Retry-After", "1");
      res.send(503, { error: "This instance is shutting down. Try again." });
      return;
    }
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

  // Operations (docs/deploy.md): liveness, and readiness (store answers, leader lease checked, not draining).
  server.get("/healthz", async (_req, res) => {
    res.send(200, { status: "ok" });
  });
  server.get("/readyz", async (_req, res) => {
    const storeOk = !draining && (await store.ping());
    const lease = dispatcher?.leaseHealth() ?? "stopped";
    const ready = !draining && storeOk && lease !== "failing";
    res.send(ready ? 200 : 503, {
      status: ready ? "ready" : draining ? "stopping" : "unavailable",
      store: draining ? "closing" : storeOk ? "ok" : "not answering",
      leaderLease: lease === "failing" ? "not checked recently" : lease,
    });
  });

  // Tabs: pages under /tab/, their API under /api/tab/ (same verbs as the chat cards).
  const tab = registerTabRoutes(server, services);
  // Programme tab (programme team): its API under /api/programme/, with the same sign-in.
  registerProgrammeRoutes(server, services, store, tab.auth);

  try {
    await new Promise<void>((resolve, reject) => {
      // restify re-emits the HTTP server's errors on itself: without a listener there, a busy port
      // would crash the process with a raw stack instead of rejecting here.
      server.once("error", reject);
      server.listen(config.port, config.host, () => {
        server.removeListener("error", reject);
        resolve();
      });
    });
  } catch (err) {
    await store.close();
    throw err;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`;

  // The first retention run; later runs schedule the next themselves. Every instance asks; one job results.
  if (options.retention) {
    const first = nextRetentionRun(now());
    await jobs.schedule({ id: retentionJobId(first), type: RETENTION_JOB, payload: {}, dueAt: first }, now());
  }

  if (options.background ?? true) {
    dispatcher.start();
    scheduler.start();
  }

  let stopping: Promise<void> | undefined;
  return {
    port,
    url,
    store,
    dispatcher,
    scheduler,
    matching: services.matching,
    stop() {
      stopping ??= (async () => {
        // Drain: refuse new turns, finish those in flight, then stop the background work and the store.
        draining = true;
        server.server.close();
        server.server.closeIdleConnections();
        if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
        await scheduler.stop();
        await dispatcher.stop();
        stopObservingQueue();
        await store.close();
        log.info("stopped");
      })();
      return stopping;
    },
  };
}
