import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for the Bot Connector service (what Teams runs) on 127.0.0.1. It records every
 * activity the bot sends and can answer as Teams does when it is unhappy: 429 with Retry-After,
 * or 403 when the bot is not in the conversation.
 */
export interface SentActivity {
  method: string;
  path: string;
  conversationId: string;
  /** The activity id being replied to or updated, when the URL names one. */
  activityId?: string;
  body: Record<string, any>;
  at: number;
}

export type Fault = { status: 429; retryAfterSeconds?: number } | { status: 403 | 404 | 500 | 503 };

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.end(JSON.stringify(body));
}

export class ConnectorStandIn {
  readonly sent: SentActivity[] = [];
  private server: Server | undefined;
  private readonly faults = new Map<string, Fault[]>();
  /** Profiles Teams would return for GET /v3/conversations/{id}/members/{memberId}. */
  readonly members = new Map<string, Record<string, unknown>>();
  private readonly waiters = new Set<() => void>();
  private counter = 0;
  url = "";

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** The next `count` sends to this conversation fail with `fault`. */
  failNext(conversationId: string, fault: Fault, count = 1): void {
    const list = this.faults.get(conversationId) ?? [];
    for (let i = 0; i < count; i++) list.push(fault);
    this.faults.set(conversationId, list);
  }

  to(conversationId: string): SentActivity[] {
    return this.sent.filter((s) => s.conversationId === conversationId);
  }

  /** Wait until `predicate` holds for what was sent; fails after `timeoutMs` with what was seen. */
  async waitFor(predicate: (sent: SentActivity[]) => boolean, timeoutMs = 5000): Promise<void> {
    if (predicate(this.sent)) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`connector stand-in: condition not met in ${timeoutMs} ms; saw ${JSON.stringify(this.sent.map((s) => s.body.text ?? s.body.attachments?.[0]?.contentType))}`));
      }, timeoutMs);
      const check = () => {
        if (predicate(this.sent)) {
          clearTimeout(timer);
          this.waiters.delete(check);
          resolve();
        }
      };
      this.waiters.add(check);
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", this.url);
    const member = /^\/v3\/conversations\/[^/]+\/members\/([^/]+)$/.exec(url.pathname);
    if (member && req.method === "GET") {
      const profile = this.members.get(decodeURIComponent(member[1]!));
      if (profile) reply(res, 200, profile);
      else reply(res, 404, { error: { code: "MemberNotFoundInConversation" } });
      return;
    }
    const m = /^\/v3\/conversations\/([^/]+)(?:\/activities(?:\/([^/]+))?)?\/?$/.exec(url.pathname);
    if (!m) {
      reply(res, 404, { error: { code: "NotFound" } });
      return;
    }
    const conversationId = decodeURIComponent(m[1]!);
    const fault = this.faults.get(conversationId)?.shift();
    if (fault) {
      const headers: Record<string, string> = {};
      if (fault.status === 429 && fault.retryAfterSeconds !== undefined) headers["retry-after"] = String(fault.retryAfterSeconds);
      const code = fault.status === 403 ? "BotNotInConversationRoster" : fault.status === 429 ? "TooManyRequests" : "ServiceError";
      reply(res, fault.status, { error: { code, message: code } }, headers);
      return;
    }
    const body = raw ? (JSON.parse(raw) as Record<string, any>) : {};
    this.sent.push({
      method: req.method ?? "",
      path: url.pathname,
      conversationId,
      ...(m[2] ? { activityId: decodeURIComponent(m[2]) } : {}),
      body,
      at: Date.now(),
    });
    reply(res, 200, { id: `sent-${++this.counter}` });
    for (const w of [...this.waiters]) w();
  }
}
