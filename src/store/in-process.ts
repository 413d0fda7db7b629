import { createHttpHeaders, type HttpClient, type PipelineRequest, type PipelineResponse } from "@azure/core-rest-pipeline";
import { EventEmitter } from "node:events";
import type { Server } from "node:http";
import { Readable } from "node:stream";

/**
 * The transport the app's own Cosmos client uses to reach the embedded store in the same process.
 *
 * The @azure/cosmos SDK builds every request exactly as it does for Azure (headers, etags, retries,
 * timeouts); only the last step differs: instead of writing the request to a loopback socket and
 * parsing it again on the other side, the request is handed to the embedded server's request
 * handler as an in-memory request and response. The server, its durability hold (a response waits
 * until the change is on disk, src/store/embedded.ts) and everything it answers are the same as over
 * HTTP; the HTTP server stays up for anything else that connects (other instances in tests, tools).
 *
 * Differences from a socket, on purpose:
 * - the handlers are called directly, not through `server.emit`, so HTTP tracing (which patches
 *   `emit` and expects a real socket) neither breaks on these requests nor records them (their
 *   paths hold document ids);
 * - a point read is answered in the same turn of the event loop; anything else (a query page, a
 *   feed, a write) first lets the event loop take a turn, as a socket would, so reading a whole
 *   container page by page does not hold up turns, timers or the journal's group commit.
 *
 * `httpClient` is a documented option of CosmosClient for supplying the transport.
 */
export function inProcessHttpClient(server: Server, host: string): HttpClient {
  const handle = (req: unknown, res: unknown) => EventEmitter.prototype.emit.call(server, "request", req, res);
  return {
    sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
      return new Promise<PipelineResponse>((resolve, reject) => {
        const signal = request.abortSignal;
        if (signal?.aborted) return reject(abortError());
        // Closed means closed, as it would be over a socket.
        if (!server.listening) return reject(Object.assign(new Error("The embedded store is closed."), { code: "ECONNREFUSED" }));
        const onAbort = () => reject(abortError());
        signal?.addEventListener("abort", onAbort, { once: true });
        const url = new URL(request.url);
        const req = Object.assign(Readable.from(bodyChunks(request.body)), {
          method: request.method,
          url: url.pathname + url.search,
          headers: { ...request.headers.toJSON(), host },
        });
        const res = new InMemoryResponse((status, headers, text) => {
          signal?.removeEventListener("abort", onAbort);
          // As over HTTP: 204 and 304 carry no body.
          resolve({ request, status, headers: createHttpHeaders(headers), bodyAsText: status === 204 || status === 304 ? "" : text });
        });
        const run = () => {
          try {
            handle(req, res);
          } catch (err) {
            signal?.removeEventListener("abort", onAbort);
            reject(err as Error);
          }
        };
        if (isPointRead(request.method, url.pathname)) run();
        else setImmediate(run);
      });
    },
  };
}

/** GET of one document (…/docs/<id>), as opposed to a feed or a query. */
function isPointRead(method: string, path: string): boolean {
  return method === "GET" && /\/docs\/[^/]+$/.test(path);
}

function abortError(): Error {
  return Object.assign(new Error("The operation was aborted."), { name: "AbortError" });
}

function bodyChunks(body: PipelineRequest["body"]): Buffer[] {
  if (body === undefined || body === null) return [];
  if (typeof body === "string") return [Buffer.from(body)];
  if (Buffer.isBuffer(body)) return [body];
  if (ArrayBuffer.isView(body)) return [Buffer.from(body.buffer, body.byteOffset, body.byteLength)];
  if (body instanceof ArrayBuffer) return [Buffer.from(body)];
  throw new Error("the in-process store transport takes string or byte bodies only");
}

/** The part of a Node ServerResponse that the embedded server's handler uses. */
class InMemoryResponse {
  statusCode = 200;
  finished = false;
  private readonly headers: Record<string, string> = {};

  constructor(private readonly done: (status: number, headers: Record<string, string>, text: string) => void) {}

  setHeader(name: string, value: string | number | readonly string[]): this {
    this.headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
    return this;
  }

  getHeader(name: string): string | undefined {
    return this.headers[name.toLowerCase()];
  }

  end(body?: string | Buffer): this {
    if (this.finished) return this;
    this.finished = true;
    this.done(this.statusCode, this.headers, body === undefined ? "" : body.toString());
    return this;
  }
}
