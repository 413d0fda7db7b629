import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A store request as the proxy sees it. */
export interface SeenRequest {
  method: string;
  path: string;
  /** A change (create, replace, upsert, patch, delete) rather than a read or a query. */
  write: boolean;
}

interface Held {
  req: IncomingMessage;
  res: ServerResponse;
  body: Buffer;
  gone: boolean;
}

/**
 * Test only: an HTTP proxy on 127.0.0.1 in front of a Cosmos endpoint that can stop answering.
 * While stalled, requests that match are held unanswered and never reach the store; one the client
 * gives up on (the SDK's request timeout) is dropped for good, as if it had been lost on the way.
 * On resume the ones still waiting go through.
 */
export class StallProxy {
  private server = http.createServer((req, res) => void this.handle(req, res));
  private agent = new http.Agent({ keepAlive: true });
  private held: Held[] = [];
  private match: ((r: SeenRequest) => boolean) | undefined;
  /** Every request the store actually received, in order. */
  readonly forwarded: SeenRequest[] = [];
  /** Requests held back and then given up by the client. */
  dropped = 0;
  url = "";

  constructor(private readonly upstream: string) {}

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Stop answering every request that matches (all of them by default) until resume(). */
  stall(match: (r: SeenRequest) => boolean = () => true): void {
    this.match = match;
  }

  get stalled(): boolean {
    return this.match !== undefined;
  }

  /** How many requests are being held right now. */
  get waiting(): number {
    return this.held.filter((h) => !h.gone).length;
  }

  resume(): void {
    this.match = undefined;
    for (const h of this.held.splice(0)) if (!h.gone) this.forward(h);
  }

  async stop(): Promise<void> {
    this.resume();
    this.agent.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const h: Held = { req, res, body: Buffer.concat(chunks), gone: false };
    const seen = describe(req);
    if (this.match?.(seen)) {
      res.on("close", () => {
        if (!res.writableFinished && !h.gone) {
          h.gone = true;
          this.dropped++;
        }
      });
      this.held.push(h);
      return;
    }
    this.forward(h);
  }

  private forward(h: Held): void {
    this.forwarded.push(describe(h.req));
    const url = new URL(h.req.url ?? "/", this.upstream);
    const up = http.request(url, { method: h.req.method, headers: { ...h.req.headers, host: url.host }, agent: this.agent }, (r) => {
      h.res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(h.res);
    });
    up.on("error", () => h.res.destroy());
    up.end(h.body);
  }
}

function describe(req: IncomingMessage): SeenRequest {
  const method = req.method ?? "GET";
  const query = req.headers["x-ms-documentdb-isquery"] !== undefined || req.headers["content-type"] === "application/query+json";
  const write = method === "PUT" || method === "DELETE" || method === "PATCH" || (method === "POST" && !query && req.headers["x-ms-cosmos-is-query-plan-request"] === undefined);
  return { method, path: (req.url ?? "").replace(/^\/+/, "/"), write };
}
