import { AsyncLocalStorage } from "node:async_hooks";
import {
  CloudAdapter,
  type Activity,
  type ConversationParameters,
  type ConversationReference,
  type ResourceResponse,
} from "botbuilder";
import type { ConnectorPort, SendFailure, SendHooks, SendResult } from "../../src/outbox/outbox";
import { parseRetryAfter } from "../../src/outbox/rate-limits";
import type { ConnectorClient } from "botframework-connector";
import { KeptClientsAuthentication } from "../connector-clients";

/**
 * The outbox's ConnectorPort, implemented with botbuilder: CloudAdapter.continueConversationAsync +
 * context.sendActivity to send, CloudAdapter.createConversationAsync to open a 1:1 chat.
 *
 * botbuilder retries by itself. botframework-connector's ConnectorClient is a @azure/core-client
 * ServiceClient, whose pipeline (createClientPipeline → createPipelineFromOptions, core-rest-pipeline
 * 1.24) includes `defaultRetryPolicy`: up to 3 retries of 429/503 carrying Retry-After (sleeping the
 * Retry-After), of 408/5xx (except 501/505) with exponential backoff from 1 s up to 64 s, and of
 * ECONNRESET/ECONNREFUSED/ETIMEDOUT-type network errors. ServiceClientContext (botbuilder-stdlib) does
 * not pass `retryOptions` through, so it cannot be configured. Left alone it would hide 429s from our
 * limiter, sleep inside a send for up to minutes while holding a rate-limit place, and resend on
 * 5xx/timeouts outside our bookkeeping. So this port uses its own CloudAdapter whose connector
 * factory removes that policy from every ConnectorClient it creates (one per service URL, kept:
 * bot/connector-clients.ts), and adds a per-request timeout (the SDK has none by default). A request therefore reaches Teams exactly
 * once per call here; the outbox decides about retries. The app's own adapter (replies to incoming
 * turns) is untouched.
 *
 * It also keeps this port's errors away from the app adapter's onTurnError (which would post an
 * apology card into the conversation we were just throttled in) and middleware.
 *
 * Local mode: with no app id, ConfigurationBotFrameworkAuthentication({}) signs nothing (no token is
 * fetched, no Authorization header) and botAppId is "".
 */

export interface ConnectorPortOptions {
  /** As config.bot; no appId = local mode. */
  appId?: string;
  appPassword?: string;
  appType?: "MultiTenant" | "SingleTenant" | "UserAssignedMSI";
  tenantId?: string;
  /** The bot's Teams channel account id; default "28:<appId>". */
  botId?: string;
  /** Per-request timeout in ms (until the response headers arrive). Default 15 s. */
  timeoutMs?: number;
}

/** Header carrying the outbox message id, so a connector (or the stand-in) can spot duplicates. */
export const MESSAGE_ID_HEADER = "x-outbox-message-id";
const RETRY_POLICY = "defaultRetryPolicy";

interface PipelineLike {
  removePolicy(options: { name?: string }): unknown[];
  addPolicy(
    policy: { name: string; sendRequest(request: RequestLike, next: (r: RequestLike) => Promise<unknown>): Promise<unknown> },
    options?: { afterPhase?: "Sign" },
  ): void;
  getOrderedPolicies(): { name: string }[];
}
interface RequestLike {
  timeout: number;
  headers: { set(name: string, value: string): void };
}

/** The core-rest-pipeline Pipeline inside a botframework ConnectorClient (not public API; checked). */
export function pipelineOf(connectorClient: unknown): PipelineLike {
  const pipeline = (connectorClient as { client?: { pipeline?: Partial<PipelineLike> } } | undefined)?.client?.pipeline;
  if (!pipeline || typeof pipeline.removePolicy !== "function" || typeof pipeline.addPolicy !== "function" || typeof pipeline.getOrderedPolicies !== "function") {
    throw new Error("botbuilder's ConnectorClient no longer exposes client.pipeline: cannot turn off its own retries (see bot/proactive/connector-port.ts)");
  }
  return pipeline as PipelineLike;
}

/** Remove the SDK's retry policy and add a request timeout. Exported for tests. */
export function withoutSdkRetries<T>(connectorClient: T, timeoutMs: number): T {
  const pipeline = pipelineOf(connectorClient);
  pipeline.removePolicy({ name: RETRY_POLICY });
  if (pipeline.getOrderedPolicies().some((p) => /retry/i.test(p.name))) {
    throw new Error(`botbuilder's connector pipeline still has a retry policy: ${pipeline.getOrderedPolicies().map((p) => p.name).join(", ")}`);
  }
  pipeline.addPolicy({
    name: "outboxTimeout",
    sendRequest: (request, next) => {
      request.timeout = timeoutMs;
      return next(request);
    },
  });
  return connectorClient;
}

/** Bot Framework authentication whose ConnectorClients do not retry and do time out (each kept, as the app's are). */
class NoRetryAuthentication extends KeptClientsAuthentication {
  constructor(
    config: ConstructorParameters<typeof KeptClientsAuthentication>[0],
    private readonly timeoutMs: number,
  ) {
    super(config);
  }

  protected override prepareConnector(client: ConnectorClient): ConnectorClient {
    return tagRequests(withoutSdkRetries(client, this.timeoutMs));
  }
}

/** botbuilder then uses the configured cloud's channel scope (what Microsoft's Teams samples do with null). */
const DEFAULT_AUDIENCE = undefined as unknown as string;

export class BotConnectorPort implements ConnectorPort {
  readonly adapter: CloudAdapter;
  readonly botId: string;
  private readonly botAppId: string;

  constructor(opts: ConnectorPortOptions = {}) {
    this.botAppId = opts.appId ?? "";
    this.botId = opts.botId ?? (opts.appId ? `28:${opts.appId}` : "28:local-bot");
    const auth = new NoRetryAuthentication(
      opts.appId
        ? { MicrosoftAppId: opts.appId, MicrosoftAppPassword: opts.appPassword, MicrosoftAppType: opts.appType, MicrosoftAppTenantId: opts.tenantId }
        : {},
      opts.timeoutMs ?? 15_000,
    );
    this.adapter = new CloudAdapter(auth);
  }

  async send(target: { tenantId: string; conversationId: string; serviceUrl: string }, activity: Record<string, unknown>, hooks?: SendHooks): Promise<SendResult> {
    const reference: Partial<ConversationReference> = {
      channelId: "msteams",
      serviceUrl: target.serviceUrl,
      // Only what identifies the conversation: an empty conversationType or name makes some
      // connectors (the Agents Playground) refuse the message with 400 BadArgument.
      conversation: { id: target.conversationId, tenantId: target.tenantId } as ConversationReference["conversation"],
      bot: { id: this.botId, name: "" },
    };
    let response: ResourceResponse | undefined;
    let notSent: { error: unknown } | undefined;
    try {
      await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
        try {
          await hooks?.beforeRequest?.();
        } catch (error) {
          notSent = { error };
          return;
        }
        // Only the request itself runs with this send's hooks (a timer started before it, such as
        // the rate limiter's, must not carry them).
        // An activity with an id replaces the message Teams gave that id (PUT …/activities/{id}).
        if (typeof activity.id === "string" && activity.id) {
          response = (await sending.run(hooks, () => context.updateActivity(activity as Partial<Activity>))) ?? { id: activity.id };
        } else {
          response = await sending.run(hooks, () => context.sendActivity(activity as Partial<Activity>));
        }
      });
    } catch (err) {
      return toSendFailure(err, Date.now());
    }
    if (notSent) throw notSent.error;
    return response?.id ? { ok: true, activityId: response.id } : { ok: true };
  }

  async createPersonalConversation(target: { tenantId: string; aadObjectId: string; serviceUrl: string }) {
    const parameters: ConversationParameters = {
      isGroup: false,
      bot: { id: this.botId, name: "" },
      members: [{ id: target.aadObjectId, name: "" }],
      tenantId: target.tenantId,
      channelData: { tenant: { id: target.tenantId } },
    };
    let conversationId: string | undefined;
    try {
      await this.adapter.createConversationAsync(this.botAppId, "msteams", target.serviceUrl, DEFAULT_AUDIENCE, parameters, async (context) => {
        conversationId = context.activity.conversation?.id;
      });
    } catch (err) {
      return toSendFailure(err, Date.now());
    }
    if (!conversationId) return { ok: false as const, status: 502, code: "NoConversationId" };
    return { ok: true as const, conversationId, botId: this.botId };
  }
}

/** The outbox message being sent in this async context, if any (the kept clients serve every send). */
const sending = new AsyncLocalStorage<SendHooks | undefined>();

/** Put the message id on each request of a send and tell the dispatcher the moment it leaves. */
function tagRequests<T>(connectorClient: T): T {
  pipelineOf(connectorClient).addPolicy({
    name: "outboxMessageId",
    sendRequest: (request, next) => {
      const hooks = sending.getStore();
      if (hooks) {
        request.headers.set(MESSAGE_ID_HEADER, hooks.messageId);
        hooks.onRequest?.();
      }
      return next(request);
    },
  }, { afterPhase: "Sign" }); // last before the HTTP client
  return connectorClient;
}

/**
 * A botbuilder / core-rest-pipeline error as a SendFailure: RestError carries statusCode, code (Teams'
 * error.code from the body) and response.headers (an HttpHeaders with get()); a timeout is an
 * AbortError; network errors have a code such as ECONNREFUSED and no status.
 */
export function toSendFailure(err: unknown, now: number): SendFailure {
  const e = (err ?? {}) as { statusCode?: unknown; code?: unknown; name?: unknown; response?: { status?: unknown; headers?: unknown } };
  const status = typeof e.statusCode === "number" ? e.statusCode : typeof e.response?.status === "number" ? e.response.status : 0;
  const header = (name: string): string | undefined => {
    const h = e.response?.headers as { get?: (n: string) => unknown } | Record<string, unknown> | undefined;
    if (!h) return undefined;
    const v = typeof h.get === "function" ? h.get(name) : (h as Record<string, unknown>)[name];
    return typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;
  };
  const failure: SendFailure = { ok: false, status };
  const retryAfterMs = parseRetryAfter({ retryAfter: header("retry-after"), retryAfterMs: header("retry-after-ms") ?? header("x-ms-retry-after-ms") }, now);
  if (retryAfterMs !== undefined) failure.retryAfterMs = retryAfterMs;
  if (status === 0) failure.code = e.name === "AbortError" ? "Timeout" : typeof e.code === "string" ? e.code : "NetworkError";
  else if (typeof e.code === "string" && e.code) failure.code = e.code;
  return failure;
}
