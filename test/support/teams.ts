import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { startApp, type AppOptions, type RunningApp } from "../../bot/app";
import { parseConfig, type Config } from "../../src/config";
import { DEMO_PEOPLE, DEMO_TENANT_ID, type DemoKey } from "../../src/demo/people";
import { silentLogger, type Logger } from "../../src/log";
import { assertValidCard, type Card } from "./cards";
import { ConnectorStandIn, type SentActivity } from "./connector";

export const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
export const BOT = { id: "28:secondments-bot", name: "Secondments" };

export interface Person {
  id: string;
  aadObjectId: string;
  name: string;
  /** Their tenant, when not TENANT (the demo people of `npm run dev` have their own). */
  tenantId?: string;
}

export function person(name: string): Person {
  const aad = randomUUID();
  return { id: `29:${aad}`, aadObjectId: aad, name };
}

/**
 * A demo person of `npm run dev` (src/demo/people.ts) as this Teams stand-in sends them: the same
 * tenant and ids as in their Playground, so the tabs' development sign-in as `key` is this person.
 */
export function demoPerson(key: DemoKey): Person {
  const p = DEMO_PEOPLE[key];
  return { id: p.id, aadObjectId: p.aadObjectId, name: p.name, tenantId: DEMO_TENANT_ID };
}

export interface Chat {
  id: string;
  type: "personal" | "groupChat" | "channel";
  team?: { id: string; name?: string };
  channel?: { id: string; name?: string };
  /** The conversation's name, as Teams sends it for a channel other than General (the channel's name). */
  name?: string;
}

export const personalChat = (p: Person): Chat => ({ id: `a:personal-${p.aadObjectId}`, type: "personal" });

/**
 * Plays Teams' side of the conversation over real HTTP: posts Bot Framework activities to the
 * bot's /api/messages with serviceUrl pointing at the connector stand-in, which records replies.
 */
export class TeamsSimulator {
  private seq = 0;
  constructor(
    readonly botUrl: string,
    readonly connector: ConnectorStandIn,
  ) {}

  activity(chat: Chat, from: Person, fields: Record<string, unknown>): Record<string, unknown> {
    return {
      id: `act-${++this.seq}-${Date.now()}`,
      timestamp: new Date().toISOString(),
      channelId: "msteams",
      serviceUrl: this.connector.url,
      from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
      recipient: BOT,
      conversation: {
        id: chat.id,
        conversationType: chat.type,
        tenantId: from.tenantId ?? TENANT,
        ...(chat.type !== "personal" ? { isGroup: true } : {}),
        ...(chat.name ? { name: chat.name } : {}),
      },
      channelData: {
        tenant: { id: from.tenantId ?? TENANT },
        ...(chat.team ? { team: chat.team } : {}),
        ...(chat.channel ? { channel: chat.channel } : {}),
      },
      locale: "en-GB",
      ...fields,
    };
  }

  async post(body: unknown, contentType = "application/json"): Promise<{ status: number; body: any }> {
    const res = await fetch(`${this.botUrl}/api/messages`, {
      method: "POST",
      headers: { "content-type": contentType },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    const raw = await res.text();
    let parsed: unknown = raw;
    try {
      parsed = raw ? JSON.parse(raw) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed };
  }

  /** Send a text message and return what the bot sent back to this chat in that turn. */
  async say(chat: Chat, from: Person, text: string, extra: Record<string, unknown> = {}): Promise<SentActivity[]> {
    const before = this.connector.sent.length;
    const res = await this.post(this.activity(chat, from, { type: "message", text, ...extra }));
    if (res.status >= 300) throw new Error(`bot answered ${res.status}: ${JSON.stringify(res.body)}`);
    return this.connector.sent.slice(before).filter((s) => s.conversationId === chat.id);
  }

  /** Press an Action.Execute button: returns the card the bot answers the invoke with. */
  async press(chat: Chat, from: Person, verb: string, data: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Promise<Card> {
    const res = await this.post(
      this.activity(chat, from, {
        ...extra,
        type: "invoke",
        name: "adaptiveCard/action",
        value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" },
      }),
    );
    if (res.status !== 200) throw new Error(`invoke answered ${res.status}: ${JSON.stringify(res.body)}`);
    if (res.body?.type !== "application/vnd.microsoft.card.adaptive") {
      throw new Error(`invoke answered with ${res.body?.type}: ${JSON.stringify(res.body?.value)}`);
    }
    assertValidCard(res.body.value, `card answering ${verb}`);
    return res.body.value;
  }
}

/**
 * Press a button on a menu card (its data has keepCard: see cards/verbs.ts): the invoke is answered
 * with a line of text, and the answer arrives as one new message in the chat; returns its card.
 */
export async function pressMenu(teams: TeamsSimulator, chat: Chat, from: Person, verb: string, data: Record<string, unknown>): Promise<Card> {
  const before = teams.connector.sent.length;
  const res = await teams.post(teams.activity(chat, from, { type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" } }));
  if (res.status !== 200 || res.body?.type !== "application/vnd.microsoft.activity.message") throw new Error(`menu button answered ${res.status}: ${JSON.stringify(res.body)}`);
  return onlyCard(teams.connector.sent.slice(before).filter((s) => s.conversationId === chat.id));
}

/** The one card in a set of sent activities (validated as a 1.5 card on the way out). */
export function onlyCard(sent: SentActivity[]): Card {
  const cards = sent.flatMap((s) => (s.body.attachments ?? []).filter((a: any) => a.contentType === "application/vnd.microsoft.card.adaptive"));
  if (cards.length !== 1) throw new Error(`expected one card, got ${cards.length}: ${JSON.stringify(sent.map((s) => s.body.text ?? "(card)"))}`);
  assertValidCard(cards[0].content, "sent card");
  return cards[0].content;
}

export function onlyText(sent: SentActivity[]): string {
  if (sent.length !== 1 || typeof sent[0]!.body.text !== "string") {
    throw new Error(`expected one text reply, got ${JSON.stringify(sent.map((s) => s.body))}`);
  }
  return sent[0]!.body.text;
}

export interface TestBot {
  app: RunningApp;
  config: Config;
  connector: ConnectorStandIn;
  teams: TeamsSimulator;
  dataDir: string;
  stop(): Promise<void>;
}

/** A running bot on a free port with its own embedded store in a temp folder, and a connector stand-in. */
export async function startTestBot(env: Record<string, string> = {}, log: Logger = silentLogger, options: AppOptions = {}): Promise<TestBot> {
  const dataDir = mkdtempSync(join(tmpdir(), "secondment-test-"));
  const config = parseConfig({ PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "silent", ...env });
  const connector = await new ConnectorStandIn().start();
  const app = await startApp(config, { log, ...options });
  return {
    app,
    config,
    connector,
    dataDir,
    teams: new TeamsSimulator(app.url, connector),
    async stop() {
      await app.stop();
      await connector.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
