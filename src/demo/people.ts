/**
 * The demo people: made-up members of a made-up tenant, shaped like Teams users (Entra object ids
 * that are GUIDs, names, work emails), and the Microsoft 365 Agents Playground configuration that
 * lets you act as each of them. `npm run dev` and the end-to-end tests both use this module, so the
 * tests run the app set up exactly as a developer tries it.
 *
 * Plain data and functions only: nothing here talks to Teams, the Playground or the store.
 */

/** A person as the Playground describes them (its config file's User). */
export interface PlaygroundUser {
  /**
   * The channel account id (what `from.id` carries). Teams sends an opaque "29:…" id here; the
   * demo people use their Entra object id instead, because the Playground's people picker hands
   * back this id where Teams hands back the Entra object id (see DEMO_PEOPLE).
   */
  id: string;
  name: string;
  aadObjectId: string;
  email: string;
}

/** What the Playground's config file describes: one tenant, the signed-in user, five others, one team. */
export interface PlaygroundTenant {
  tenantId: string;
  bot: { id: string; name: string };
  /** The person signed in to the Playground's UI: the only one a browser can act as. */
  currentUser: PlaygroundUser;
  /** Exactly five (the Playground's schema says so); they are in its group chat and its team. */
  users: PlaygroundUser[];
  personalChatId: string;
  groupChat: { id: string; name: string };
  team: { id: string; name: string; aadGroupId: string; channels: Array<{ id: string; name: string }> };
}

/** The tenant as the Playground's `.m365agentsplayground.yml` (JSON is YAML; schema version 0.1.1). */
export function playgroundConfigYaml(t: PlaygroundTenant): string {
  if (t.users.length !== 5) throw new Error(`the Playground wants exactly 5 users besides the signed-in one, not ${t.users.length}`);
  const user = (u: PlaygroundUser) => {
    const [givenName = u.name, ...rest] = u.name.split(" ");
    return { id: u.id, name: u.name, userPrincipleName: u.email, aadObjectId: u.aadObjectId, givenName, surname: rest.join(" ") || givenName, email: u.email };
  };
  return JSON.stringify(
    {
      version: "0.1.1",
      tenantId: t.tenantId,
      bot: t.bot,
      currentUser: user(t.currentUser),
      users: t.users.map(user),
      personalChat: { id: t.personalChatId },
      groupChat: t.groupChat,
      team: t.team,
    },
    null,
    2,
  );
}

/** The parts people play in the demo, in the order their Playgrounds get ports. */
export const DEMO_ROLES = ["secondee", "lineManager", "vacancyHolder", "hostLineManager", "programmeTeam"] as const;
export type DemoRole = (typeof DEMO_ROLES)[number];

export interface DemoPerson extends PlaygroundUser {
  role: DemoRole | "colleague";
  /** What they do in the demo, for the start-up message and the README. */
  part: string;
}

/** A made-up Entra-style id: every demo id begins de30de30-. */
export const demoGuid = (n: number): string => `de30de30-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

function person(n: number, name: string, role: DemoPerson["role"], part: string): DemoPerson {
  const aadObjectId = demoGuid(n);
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@example.gov.uk`;
  return { id: aadObjectId, aadObjectId, name, email, role, part };
}

/**
 * Six made-up people (the Playground wants the signed-in person and exactly five others).
 * Their channel ids are their Entra object ids: the Playground's people picker returns a person's
 * channel id, and Teams' returns their Entra object id, so this is what makes picking a line
 * manager in the Playground send what Teams would send.
 */
export const DEMO_PEOPLE: Readonly<Record<DemoRole | "colleague", DemoPerson>> = {
  secondee: person(0x101, "Ana Jones", "secondee", "wants a secondment"),
  lineManager: person(0x102, "Ben Carter", "lineManager", "Ana's line manager, who agrees to release her"),
  vacancyHolder: person(0x103, "Priya Shah", "vacancyHolder", "offers a role from the Housing Team's channel"),
  hostLineManager: person(0x104, "Grace Lee", "hostLineManager", "will manage the secondee in the host team"),
  programmeTeam: person(0x105, "Tom Okafor", "programmeTeam", "runs the programme: pipeline, matches and agreements"),
  colleague: person(0x106, "Sam Patel", "colleague", "a colleague, with no Playground of their own"),
};

const EVERYONE: readonly DemoPerson[] = Object.values(DEMO_PEOPLE);

/** The demo tenant, team and bot: the same in every demo Playground. */
export const DEMO_TENANT_ID = demoGuid(0x1);
export const DEMO_BOT = { id: `28:${demoGuid(0x11)}`, name: "Secondments" };
export const DEMO_TEAM: PlaygroundTenant["team"] = {
  id: `19:${demoGuid(0x42)}@thread.tacv2`,
  name: "Housing Team",
  aadGroupId: demoGuid(0x31),
  channels: [{ id: `19:${demoGuid(0x43)}@thread.tacv2`, name: "Vacancies" }],
};

/** Each person's 1:1 chat with the bot: fixed, so the app's stored chats stay valid across restarts. */
export const demoPersonalChatId = (p: PlaygroundUser): string => `a:demo-chat-${p.aadObjectId}`;

/** The Playground tenant as `as` sees it: signed in as them, with the other five demo people. */
export function demoTenantFor(as: DemoRole): PlaygroundTenant {
  const me = DEMO_PEOPLE[as];
  return {
    tenantId: DEMO_TENANT_ID,
    bot: DEMO_BOT,
    currentUser: me,
    users: EVERYONE.filter((p) => p.aadObjectId !== me.aadObjectId),
    personalChatId: demoPersonalChatId(me),
    groupChat: { id: `19:${demoGuid(0x41)}@thread.v2`, name: "Demo group chat" },
    team: DEMO_TEAM,
  };
}

/** What the tabs' development sign-in knows each demo person by: their part, a key of DEMO_PEOPLE. */
export type DemoKey = keyof typeof DEMO_PEOPLE;

/** Every demo person with their key, in DEMO_PEOPLE's order: who the development sign-in offers. */
export const DEMO_SIGN_IN: ReadonlyArray<{ key: DemoKey; person: DemoPerson }> = (Object.keys(DEMO_PEOPLE) as DemoKey[]).map((key) => ({ key, person: DEMO_PEOPLE[key] }));

/** The demo person with this key, or undefined for anything else (including "toString" and friends). */
export function demoPersonByKey(key: string): DemoPerson | undefined {
  return DEMO_SIGN_IN.find((d) => d.key === key)?.person;
}

/** The app's settings for the demo: the demo programme-team member is the programme team. */
export function demoAppEnv(): Record<string, string> {
  return { PROGRAMME_TEAM_AAD_IDS: DEMO_PEOPLE.programmeTeam.aadObjectId };
}
