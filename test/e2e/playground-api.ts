import { DEMO_PEOPLE, type PlaygroundTenant, type PlaygroundUser } from "../../src/demo/people";
import type { Playground } from "../../scripts/playground";

// ---------------------------------------------------------------------------------------------
// The Playground's mock tenant and its internal API

// The people and the config file are shared with `npm run dev` (src/demo/people.ts).
export { playgroundConfigYaml, type PlaygroundTenant, type PlaygroundUser } from "../../src/demo/people";

const guid = (n: number) => `0c0ffee0-5ec0-4d00-8000-${n.toString(16).padStart(12, "0")}`;
const mockUser = (n: number, name: string): PlaygroundUser => {
  const aadObjectId = guid(n);
  const [given = name] = name.split(" ");
  return { id: `29:${aadObjectId}`, name, aadObjectId, email: `${given.toLowerCase()}@example.gov.uk` };
};

/**
 * The Playground's built-in people (Alex Wilber signed in; Megan, Adele, Isaiah, Patti, Lynne), but
 * with ids shaped like Teams': AAD object ids that are GUIDs and `29:` channel ids. (The built-in
 * config's AAD ids, e.g. 00000000-0000-0000-0000-0000000000020, have 13 digits in the last group,
 * so the app rightly refuses them as a line manager's id.) `users` may be replaced, five of them.
 */
export function mockTenant(overrides: Partial<PlaygroundTenant> = {}): PlaygroundTenant {
  return {
    tenantId: guid(0x1),
    bot: { id: `28:${guid(0x11)}`, name: "Test Bot" },
    currentUser: mockUser(0x20, "Alex Wilber"),
    users: ["Megan Bowen", "Adele Vance", "Isaiah Langer", "Patti Fernandez", "Lynne Robbins"].map((n, i) => mockUser(0x21 + i, n)),
    personalChatId: `a:${guid(0x40)}`,
    groupChat: { id: `19:${guid(0x41)}@thread.v2`, name: "Group Chat" },
    team: { id: `19:${guid(0x42)}@thread.tacv2`, name: "My Team", aadGroupId: guid(0x31), channels: [{ id: `19:${guid(0x43)}@thread.tacv2`, name: "Announcements" }] },
    ...overrides,
  };
}


async function playgroundApi(pg: Playground, method: "GET" | "POST", path: string, body?: unknown): Promise<{ status: number; text: string }> {
  const res = await fetch(new URL(path, pg.url), {
    method,
    signal: AbortSignal.timeout(10_000),
    ...(body !== undefined ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, text: await res.text() };
}

/** The Playground's own view of its tenant (GET /_internal/v1/config): current user, users, chats. */
export async function playgroundTenantConfig(pg: Playground): Promise<{
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  personalChat: { id: string };
}> {
  const res = await playgroundApi(pg, "GET", "/_internal/v1/config");
  if (res.status !== 200) throw new Error(`GET /_internal/v1/config answered ${res.status}: ${res.text.slice(0, 500)}`);
  return (JSON.parse(res.text) as { config: Awaited<ReturnType<typeof playgroundTenantConfig>> }).config;
}

/** The Playground's template for a custom activity in a conversation (serviceUrl, ids, recipient…). */
export async function customActivityTemplate(pg: Playground, conversationId: string): Promise<Record<string, unknown>> {
  const res = await playgroundApi(pg, "GET", `/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(conversationId)}`);
  if (res.status !== 200) throw new Error(`the custom activity template for ${conversationId} answered ${res.status}: ${res.text.slice(0, 500)}`);
  return JSON.parse(res.text) as Record<string, unknown>;
}

/**
 * Have the Playground post an activity to the bot, as its "Mock an Activity" menu does
 * (POST /_internal/v1/customActivities). It answers 200 at once and posts afterwards; the bot's
 * answer (for an invoke, its body) is not returned — watch for what the bot does instead.
 */
export async function sendCustomActivity(pg: Playground, activity: Record<string, unknown>): Promise<void> {
  const res = await playgroundApi(pg, "POST", "/_internal/v1/customActivities", activity);
  if (res.status !== 200) throw new Error(`POST /_internal/v1/customActivities answered ${res.status}: ${res.text.slice(0, 500)}`);
}

/**
 * Open a 1:1 chat between the bot and a person in the Playground through its connector
 * (POST {serviceUrl}/v3/conversations, as a bot does) and return its id. The Playground keys 1:1
 * chats by the member id given: the signed-in user's channel id gives back the chat shown in its UI;
 * any other id makes a new chat that the UI never shows (its chat list is fixed at start-up).
 */
export async function openPersonalChat(pg: Playground, tenant: { tenantId: string; bot: { id: string } }, memberId: string): Promise<string> {
  const res = await playgroundApi(pg, "POST", "/_connector/v3/conversations", {
    isGroup: false,
    bot: { id: tenant.bot.id },
    members: [{ id: memberId }],
    tenantId: tenant.tenantId,
    channelData: { tenant: { id: tenant.tenantId } },
  });
  if (res.status !== 201) throw new Error(`createConversation for ${memberId} answered ${res.status}: ${res.text.slice(0, 500)}`);
  return (JSON.parse(res.text) as { id: string }).id;
}

/** The secondee in the end-to-end tests: the demo secondee of `npm run dev` (src/demo/people.ts), with no browser of her own here. */
export const ANA: PlaygroundUser = DEMO_PEOPLE.secondee;

/** The Playground's people with Teams-shaped ids; Ana takes Lynne Robbins' place. */
export function tenantWithAna(): ReturnType<typeof mockTenant> {
  const t = mockTenant();
  return mockTenant({ users: [...t.users.slice(0, 4), ANA] });
}
