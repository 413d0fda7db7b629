import { Container, CosmosClient, Database, ErrorResponse } from "@azure/cosmos";
import type { CosmosSettings } from "../config";
import type { Logger } from "../log";
import { startEmbeddedCosmos, type EmbeddedCosmos } from "./embedded";

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
  /** Optional equality monitoring answers (pk = person key), kept apart; erasure records (pk = a pseudonym). */
  privacy: "privacy",
} as const;
export type ContainerName = keyof typeof CONTAINERS;

export interface Store {
  readonly database: Database;
  /** The Cosmos endpoint in use (for the embedded store, its 127.0.0.1 address). */
  readonly endpoint: string;
  container(name: ContainerName): Container;
  /** True when the store answers a read. */
  ping(): Promise<boolean>;
  /** Write any pending local snapshot (embedded mode); no-op against Azure. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export async function openStore(settings: CosmosSettings, log: Logger): Promise<Store> {
  let embedded: EmbeddedCosmos | undefined;
  let client: CosmosClient;
  if (settings.kind === "embedded") {
    embedded = await startEmbeddedCosmos({ dataDir: settings.dataDir, log });
    client = new CosmosClient({
      endpoint: embedded.endpoint,
      key: embedded.key,
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    log.info("using the embedded store", { dataDir: settings.dataDir });
  } else {
    // A local emulator (another process's embedded store, in tests) advertises addresses the SDK
    // must not follow; Azure endpoints keep endpoint discovery on.
    const local = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/.test(settings.endpoint);
    client = new CosmosClient({ endpoint: settings.endpoint, key: settings.key, ...(local ? { connectionPolicy: { enableEndpointDiscovery: false } } : {}) });
    log.info("using Azure Cosmos DB", { endpoint: settings.endpoint });
  }
  try {
    const { database } = await client.databases.createIfNotExists({ id: settings.database });
    for (const id of Object.values(CONTAINERS)) {
      await database.containers.createIfNotExists({ id, partitionKey: { paths: ["/pk"] } });
    }
    let closing: Promise<void> | undefined;
    return {
      database,
      endpoint: embedded?.endpoint ?? (settings.kind === "remote" ? settings.endpoint : ""),
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
): Promise<{ doc: Stored<T> | undefined; changed: boolean }> {
  for (let i = 0; i < attempts; i++) {
    const current = await readItem<T>(container, id, pk);
    const next = change(current);
    if (next === undefined) return { doc: current, changed: false };
    const body = { ...next, id, pk } as Stored<T>;
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
): Promise<R> {
  let result: R | undefined;
  await updateItem<T>(
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
  return result as R;
}
