import { Container, CosmosClient, Database, ErrorResponse, type IndexingPolicy } from "@azure/cosmos";
import type { TokenCredential } from "@azure/identity";
import type { CosmosSettings } from "../config";
import type { Logger } from "../log";
import { startEmbeddedCosmos, type EmbeddedCosmos } from "./embedded";
import { storeCallPlugin } from "./store-calls";

/**
 * Containers and their partition keys. Every container is partitioned on `/pk`, and what goes in
 * `pk` is chosen per container so that the reads and writes a turn makes stay in one partition.
 * See docs/data-model.md.
 */
export const CONTAINERS = {
  /** One person's own records (plan progress now; interests later). pk = person key "tenant:aadObjectId". */
  people: "people",
  /** Where the bot can reach people and channels. pk = tenant id. */
  conversations: "conversations",
  /** botbuilder conversation/user state. pk = the storage key itself. */
  botState: "botState",
  /** Proactive messages waiting to be sent (and sent ones, for idempotency). pk = message id. */
  outbox: "outbox",
  /** Durable scheduled jobs (reminders, check-ins). pk = job id. */
  jobs: "jobs",
  /** Confirmed matches and turned-down pairs. pk = match id. */
  matches: "matches",
  /** Secondments from agreement to review, with their check-ins and changes. pk = secondment id. */
  secondments: "secondments",
  /** The programme team's knowledge-base changes, unanswered questions and answer feedback. pk = "knowledge-base", "unanswered" or "feedback". */
  knowledge: "knowledge",
  /** Change markers for matching: one per write of an interest, role, release request or match. pk = "matching". */
  changes: "changes",
  /** What the programme team did in the Programme tab: who, when, what. pk = entry id. */
  audit: "audit",
  /** Optional equality monitoring answers (pk = person key), kept apart; erasure records (pk = a pseudonym). */
  privacy: "privacy",
} as const;
export type ContainerName = keyof typeof CONTAINERS;

/** How a container is defined in Cosmos. `defaultTtl` absent: time to live off. */
export interface ContainerDefinition {
  id: string;
  partitionKeyPath: string;
  indexingPolicy: IndexingPolicy;
  defaultTtl?: number;
}

/** Index everything (queries filter on many fields and page by one), except the etag. */
const INDEX_ALL: IndexingPolicy = {
  indexingMode: "consistent",
  automatic: true,
  includedPaths: [{ path: "/*" }],
  excludedPaths: [{ path: '/"_etag"/?' }],
};

/**
 * Cosmos time to live, a backstop behind the retention job (docs/data-model.md, "People's data"):
 * -1 turns TTL on with no default expiry (the job decides); outbox and jobs expire 60 days after
 * their last write (the job purges at 30); botState after 13 months. The embedded store ignores TTL.
 */
const TTL_SECONDS: Partial<Record<ContainerName, number>> = {
  people: -1,
  matches: -1,
  secondments: -1,
  privacy: -1,
  outbox: 60 * 24 * 3600,
  jobs: 60 * 24 * 3600,
  botState: 396 * 24 * 3600,
};

/**
 * The one definition of every container: the store creates them from this (key mode), and
 * infra/cosmos-containers.json (read by the Bicep) is written from it by `npm run infra:containers`.
 * test/infra/infra.test.ts fails when the two differ. A new container in CONTAINERS needs a line here.
 */
export const CONTAINER_DEFINITIONS: Record<ContainerName, ContainerDefinition> = Object.fromEntries(
  (Object.keys(CONTAINERS) as ContainerName[]).map((name) => [
    name,
    { id: CONTAINERS[name], partitionKeyPath: "/pk", indexingPolicy: INDEX_ALL, ...(TTL_SECONDS[name] !== undefined ? { defaultTtl: TTL_SECONDS[name] } : {}) },
  ]),
) as Record<ContainerName, ContainerDefinition>;

/** The container definitions as the Bicep reads them (sorted by id, plain JSON). */
export function containerDefinitionsForInfra(): ContainerDefinition[] {
  return Object.values(CONTAINER_DEFINITIONS)
    .map((d) => JSON.parse(JSON.stringify(d)) as ContainerDefinition)
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** How to build a token credential for Cosmos without a key (replaced in tests). */
export interface StoreDeps {
  credential?: (clientId: string | undefined) => TokenCredential;
  /** Build the Cosmos client (tests wrap it to watch what is called). */
  client?: (options: ConstructorParameters<typeof CosmosClient>[0]) => CosmosClient;
  /** Per-request timeout; STORE_REQUEST_TIMEOUT_MS unless a test wants it shorter. */
  requestTimeoutMs?: number;
}

/** Raised when, in identity mode, the database or a container does not exist. */
export class MissingStoreError extends Error {
  constructor(readonly missing: string[]) {
    super(`Azure Cosmos DB is missing ${missing.join(", ")}: create ${missing.length === 1 ? "it" : "them"} with the infrastructure (infra/main.bicep) — the app's identity cannot`);
    this.name = "MissingStoreError";
  }
}

async function defaultCredential(clientId: string | undefined): Promise<TokenCredential> {
  const identity = await import("@azure/identity");
  return clientId ? new identity.ManagedIdentityCredential({ clientId }) : new identity.DefaultAzureCredential();
}

export interface Store {
  readonly database: Database;
  /** The Cosmos endpoint in use (for the embedded store, its 127.0.0.1 address). */
  readonly endpoint: string;
  container(name: ContainerName): Container;
  /** True when the store answers a read. */
  ping(): Promise<boolean>;
  /** Fold the embedded store's journal into a new snapshot now; no-op against Azure. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/**
 * How long one store request may take before the SDK gives up on it (its own default is 60 s).
 * A Teams click must be answered within about 15 s, so a store that stops answering fails the
 * turn quickly and the user is told (bot/store-outage.ts) instead of the click hanging.
 */
export const STORE_REQUEST_TIMEOUT_MS = 5_000;

/** The authorization header for the embedded server (it checks none; see openStore). */
const EMBEDDED_TOKEN = "type=master&ver=1.0&sig=embedded";

/** A span per store request (src/store/store-calls.ts); `plugins` is a hidden option of the SDK. */
const withStoreCallSpans = { plugins: [storeCallPlugin] } as {};

export async function openStore(settings: CosmosSettings, log: Logger, deps: StoreDeps = {}): Promise<Store> {
  let embedded: EmbeddedCosmos | undefined;
  let client: CosmosClient;
  const newClient = deps.client ?? ((options) => new CosmosClient(options));
  const requestTimeout = deps.requestTimeoutMs ?? STORE_REQUEST_TIMEOUT_MS;
  if (settings.kind === "embedded") {
    embedded = await startEmbeddedCosmos({ dataDir: settings.dataDir, log });
    client = newClient({
      endpoint: embedded.endpoint,
      // The in-process server accepts any credentials, so each request carries a fixed token instead
      // of a signature the SDK would work out (an HMAC per request, a tenth of a store call's cost).
      tokenProvider: async () => EMBEDDED_TOKEN,
      httpClient: embedded.httpClient,
      connectionPolicy: { enableEndpointDiscovery: false, requestTimeout },
      ...withStoreCallSpans,
    });
    log.info("using the embedded store", { dataDir: settings.dataDir });
  } else {
    // A local emulator (another process's embedded store, in tests) advertises addresses the SDK
    // must not follow; Azure endpoints keep endpoint discovery on.
    const local = /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/.test(settings.endpoint);
    const auth =
      settings.kind === "remote"
        ? { key: settings.key }
        : { aadCredentials: deps.credential ? deps.credential(settings.clientId) : await defaultCredential(settings.clientId) };
    client = newClient({ endpoint: settings.endpoint, ...auth, connectionPolicy: { requestTimeout, ...(local ? { enableEndpointDiscovery: false } : {}) }, ...withStoreCallSpans });
    log.info("using Azure Cosmos DB", { endpoint: settings.endpoint, auth: settings.kind === "remote" ? "key" : "entra-id" });
  }
  try {
    const database = settings.kind === "identity" ? await existingDatabase(client, settings.database) : await createDatabase(client, settings.database);
    let closing: Promise<void> | undefined;
    return {
      database,
      endpoint: embedded?.endpoint ?? (settings.kind === "embedded" ? "" : settings.endpoint),
      container: (name) => database.container(CONTAINERS[name]),
      async ping() {
        try {
          await database.read();
          return true;
        } catch {
          return false;
        }
      },
      flush: () => embedded?.flush() ?? Promise.resolve(),
      close() {
        closing ??= (async () => {
          client.dispose();
          await embedded?.close();
        })();
        return closing;
      },
    };
  } catch (err) {
    client.dispose();
    await embedded?.close();
    throw err;
  }
}

/** Key mode: create the database and every container from CONTAINER_DEFINITIONS if absent. */
async function createDatabase(client: CosmosClient, id: string): Promise<Database> {
  const { database } = await client.databases.createIfNotExists({ id });
  for (const d of Object.values(CONTAINER_DEFINITIONS)) {
    await database.containers.createIfNotExists({
      id: d.id,
      partitionKey: { paths: [d.partitionKeyPath] },
      indexingPolicy: d.indexingPolicy,
      ...(d.defaultTtl !== undefined ? { defaultTtl: d.defaultTtl } : {}),
    });
  }
  return database;
}

/**
 * Identity mode: data-plane roles cannot create databases or containers, so check that they all
 * exist (the infrastructure made them) and name every one that does not.
 */
async function existingDatabase(client: CosmosClient, id: string): Promise<Database> {
  const database = client.database(id);
  try {
    await database.read();
  } catch (err) {
    if (cosmosCode(err) === 404) throw new MissingStoreError([`database "${id}"`]);
    throw err;
  }
  const missing: string[] = [];
  for (const d of Object.values(CONTAINER_DEFINITIONS)) {
    try {
      await database.container(d.id).read();
    } catch (err) {
      if (cosmosCode(err) === 404) missing.push(`container "${d.id}"`);
      else throw err;
    }
  }
  if (missing.length > 0) throw new MissingStoreError(missing);
  return database;
}

/**
 * True when an error means the store did not answer (timed out, refused or dropped the
 * connection, or said it is unavailable) rather than answering no: the change may not have been
 * made, and trying again later is the right advice.
 */
export function isStoreUnavailable(err: unknown): boolean {
  for (let e = err as { code?: unknown; name?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    const code = e.code;
    if (code === "TimeoutError" || e.name === "TimeoutError") return true;
    if (typeof code === "string" && ["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_SOCKET"].includes(code)) return true;
    const status = cosmosCode(e);
    if (status === 503 || status === 408) return true;
  }
  return false;
}

/** Cosmos error code (HTTP status) of an SDK error, if it has one. */
export function cosmosCode(err: unknown): number | undefined {
  const code = (err as ErrorResponse | undefined)?.code;
  return typeof code === "number" ? code : typeof code === "string" && /^\d+$/.test(code) ? Number(code) : undefined;
}

/** A stored document: our fields plus the etag Cosmos gave it. */
export type Stored<T> = T & { id: string; pk: string; _etag?: string };

/** Read one item; undefined when it does not exist. */
export async function readItem<T>(container: Container, id: string, pk: string): Promise<Stored<T> | undefined> {
  try {
    const { resource } = await container.item(id, pk).read<Stored<T>>();
    return resource ?? undefined;
  } catch (err) {
    if (cosmosCode(err) === 404) return undefined;
    throw err;
  }
}

export class ConflictError extends Error {
  constructor(what: string) {
    super(`${what} was changed by someone else too many times in a row`);
    this.name = "ConflictError";
  }
}

/**
 * Read-modify-write one item, guarded by its etag. `change` is a pure function of the current
 * document (undefined if absent); it returns the new document, or `undefined` to leave it alone.
 * A write that loses a race (412, or 409 on create) is retried on a fresh read, up to `attempts`.
 */
export async function updateItem<T extends object>(
  container: Container,
  id: string,
  pk: string,
  change: (current: Stored<T> | undefined) => T | undefined,
  attempts = 5,
  /** Runs before an existing document is replaced (each attempt), e.g. to keep a copy of it first. */
  beforeReplace?: (current: Stored<T>) => Promise<void>,
): Promise<{ doc: Stored<T> | undefined; changed: boolean }> {
  for (let i = 0; i < attempts; i++) {
    const current = await readItem<T>(container, id, pk);
    const next = change(current);
    if (next === undefined) return { doc: current, changed: false };
    const body = { ...next, id, pk } as Stored<T>;
    if (current?._etag && beforeReplace) await beforeReplace(current);
    try {
      if (current?._etag) {
        const { resource } = await container
          .item(id, pk)
          .replace<Stored<T>>(body, { accessCondition: { type: "IfMatch", condition: current._etag } });
        return { doc: resource, changed: true };
      }
      const { resource } = await container.items.create<Stored<T>>(body);
      return { doc: resource, changed: true };
    } catch (err) {
      const code = cosmosCode(err);
      if (code === 412 || code === 409) continue;
      throw err;
    }
  }
  throw new ConflictError(`${container.id}/${id}`);
}

/**
 * updateItem for repositories whose change functions also say what happened: `change` returns the
 * next document (or undefined to leave it) and a result, and the result of the attempt that was
 * finally written (or kept) is returned.
 */
export async function updateWithResult<T extends object, R>(
  container: Container,
  id: string,
  pk: string,
  change: (current: Stored<T> | undefined) => { next: T | undefined; result: R },
  attempts = 20,
  onChanged?: () => Promise<void>,
): Promise<R> {
  let result: R | undefined;
  const { changed } = await updateItem<T>(
    container,
    id,
    pk,
    (current) => {
      const out = change(current);
      result = out.result;
      return out.next;
    },
    attempts,
  );
  if (changed) await onChanged?.();
  return result as R;
}
