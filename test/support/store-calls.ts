import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { ClientRequest } from "node:http";

/**
 * Counts the HTTP requests this process sends to a Cosmos endpoint (the embedded store or any
 * other), by listening on Node's `http.client.request.start` diagnostics channel: every store call
 * the SDK makes, whatever repository made it, and nothing else (the bot's calls to the connector
 * go to another port). Used by the store-call test and the turn benchmark.
 */
export class StoreCallCounter {
  /** Requests seen since the last reset, as "METHOD path". */
  readonly calls: string[] = [];
  private readonly host: string;
  private readonly port: string;
  private readonly listener = (message: unknown) => {
    const req = (message as { request: ClientRequest }).request;
    const host = req.getHeader("host");
    const hostText = typeof host === "string" ? host : "";
    if (hostText === `${this.host}:${this.port}` || (req.host === this.host && hostText.endsWith(`:${this.port}`))) {
      this.calls.push(`${req.method} ${req.path}`);
    }
  };

  constructor(endpoint: string) {
    const url = new URL(endpoint);
    this.host = url.hostname;
    this.port = url.port || (url.protocol === "https:" ? "443" : "80");
    subscribe("http.client.request.start", this.listener);
  }

  get count(): number {
    return this.calls.length;
  }

  reset(): void {
    this.calls.length = 0;
  }

  stop(): void {
    unsubscribe("http.client.request.start", this.listener);
  }
}

/**
 * A bare in-memory Cosmos-compatible server on 127.0.0.1 (nothing else talks to it: no snapshot
 * or journal of the embedded store), so that counting its requests counts only the app's calls.
 * Point the app at it with COSMOS_ENDPOINT / COSMOS_KEY.
 */
export async function startBareCosmos(): Promise<{ env: Record<string, string>; endpoint: string; stop(): Promise<void> }> {
  const { createHttpServer } = await import("@vercel/cosmosdb-server");
  const server = createHttpServer({ keepAlive: true } as never);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as import("node:net").AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    env: { COSMOS_ENDPOINT: endpoint, COSMOS_KEY: "bare-local-store" },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
