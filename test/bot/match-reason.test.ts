import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { hostCard, secondeeCard, type World } from "../../bot/handlers/match-cards";
import type { Match } from "../../src/domain/match";
import { DEMO_TENANT_ID, demoAppEnv } from "../../src/demo/people";
import { exportFor } from "../../src/privacy/export";
import { CONTAINERS, type ContainerName } from "../../src/store/store";
import { action, cardText, walk, type Card } from "../support/cards";
import { interestInput, roleInput } from "../support/forms";
import { apiCall, devSignIn } from "../support/tab";
import { demoPerson, onlyCard, person, personalChat, type Chat, type Person, type TestBot, startTestBot } from "../support/teams";

const CARD = "application/vnd.microsoft.card.adaptive";
/** Ana's reason, and the vacancy holder's: each a phrase found nowhere else. */
const ANA_REASON = "The hours would not work with my caring responsibilities ZQ-7731.";
const HOST_REASON = "We need someone with more housing experience ZQ-4410.";

/**
 * Why someone does not go ahead with a match is theirs: the secondee's reason goes to the
 * programme team only (never the role's channel), the vacancy holder's to their channel and the
 * programme team (never the secondee), each prompt says so, and erasure removes the person's own.
 */
describe("a reason for not going ahead with a match: who sees it, and erasure", function () {
  this.timeout(90_000);
  let bot: TestBot;
  const tom = demoPerson("programmeTeam");
  const ana = demoPerson("secondee");
  const demo = (name: string): Person => ({ ...person(name), tenantId: DEMO_TENANT_ID });
  const vic = demo("Vic Osei");
  const ben = demo("Ben Ade");
  const housing: Chat = { id: "19:housing-reason@thread.tacv2", type: "channel", team: { id: "19:housing-team-reason@thread.tacv2", name: "Housing" }, channel: { id: "19:housing-reason@thread.tacv2", name: "General" } };

  const cardsIn = (conversationId: string): Card[] =>
    bot.connector.to(conversationId).filter((s) => s.body.attachments?.[0]?.contentType === CARD).map((s) => s.body.attachments[0].content);
  const chatOf = (p: Person) => bot.connector.created.find((c) => c.memberId === p.aadObjectId)?.conversationId;
  const everythingTo = (conversationId: string) => JSON.stringify(bot.connector.to(conversationId).map((s) => s.body));
  /** The box a "do not go ahead" button opens, as JSON (its words and the reason field's label). */
  const promptOf = (c: Card, title: string): string => {
    let text = "";
    walk(c, (n) => {
      if (n.type === "Action.ShowCard" && n.title === title) text = JSON.stringify(n.card);
    });
    return text;
  };

  async function released(who: Person): Promise<void> {
    const manager = demo(`Manager of ${who.name}`);
    await bot.teams.press(personalChat(who), who, VERBS.submitInterest, interestInput({ fullName: who.name, skillsOffered: "data-analysis,statistics", lineManagerId: manager.aadObjectId, lineManagerEmail: "" }));
    await bot.connector.waitFor(() => Boolean(chatOf(manager)) && cardsIn(chatOf(manager)!).length > 0, 10_000);
    const agree = action(cardsIn(chatOf(manager)!)[0]!, "Agree to release");
    await bot.teams.press({ id: chatOf(manager)!, type: "personal" }, manager, agree.verb, agree.data);
  }

  /** The programme team confirms `who` for the role titled `role` (the Programme tab's suggestions, the same verb); returns the match id. */
  async function confirmed(who: Person, role: string): Promise<string> {
    const res = await apiCall(bot.app.url, await devSignIn(bot.app.url, "programmeTeam"), "GET", `/api/programme/roles/${encodeURIComponent(await roleIdOf(role))}`);
    const confirm = action(res.json.suggestions.card, `Confirm ${who.name}`);
    await bot.teams.press(personalChat(tom), tom, confirm.verb, confirm.data);
    const mine = () => cardsIn(personalChat(who).id).find((c) => cardText(c).includes(`possible match: ${role}`));
    await bot.connector.waitFor(() => Boolean(mine()), 10_000);
    return String(action(mine()!, "I want to go ahead").data.matchId);
  }
  /** Everything the programme team member was sent in a 1:1 chat. */
  const toTom = (): string => JSON.stringify([personalChat(tom).id, chatOf(tom)].filter((c): c is string => Boolean(c)).flatMap((c) => bot.connector.to(c).map((s) => s.body)));

  const roleIdOf = async (title: string): Promise<string> => {
    const { resources } = await bot.app.store.container("people").items.query<{ id: string; details: { form: { title: string } } }>("SELECT * FROM c WHERE c.type = 'role'").fetchAll();
    return resources.find((r) => r.details.form.title === title)!.id;
  };
  const programmeTab = async (title: string): Promise<string> => {
    const res = await apiCall(bot.app.url, await devSignIn(bot.app.url, "programmeTeam"), "GET", `/api/programme/roles/${encodeURIComponent(await roleIdOf(title))}`);
    assert.equal(res.status, 200);
    return res.raw;
  };
  const stored = async (): Promise<string> => {
    const all: unknown[] = [];
    for (const name of Object.keys(CONTAINERS) as ContainerName[]) all.push(...(await bot.app.store.container(name).items.query("SELECT * FROM c").fetchAll()).resources);
    return JSON.stringify(all);
  };

  before(async () => {
    bot = await startTestBot(demoAppEnv());
    await bot.teams.say(personalChat(tom), tom, "hello");
    await bot.teams.say(housing, vic, "<at>Secondments</at> help");
    await bot.teams.press(housing, vic, VERBS.submitRole, roleInput());
    await released(ana);
  });
  after(async () => {
    await bot.stop();
  });

  it("tells Ana only the programme team will see her reason; the channel is told plainly, without it", async () => {
    const matchId = await confirmed(ana, "Housing data analyst");
    const anaCard = cardsIn(personalChat(ana).id).find((c) => /possible match: Housing data analyst/.test(cardText(c)))!;
    assert.match(promptOf(anaCard, "I do not want to go ahead"), /Why not\?/);
    assert.match(promptOf(anaCard, "I do not want to go ahead"), /Only you and the programme team will see your reason/);
    assert.match(promptOf(anaCard, "I do not want to go ahead"), /that you decided not to go ahead, but not why/);

    const declined = await bot.teams.press(personalChat(ana), ana, VERBS.secondeeDeclines, { matchId, reason: ANA_REASON });
    assert.match(cardText(declined), /We have recorded that you do not want to go ahead/);
    assert.ok(cardText(declined).includes(ANA_REASON), "Ana sees her own reason on her card");

    // The posted channel card is replaced, and the channel gets a note: neither has her reason.
    const posted = (await bot.app.store.container("outbox").item(`match-notification:${matchId}`, `match-notification:${matchId}`).read()).resource;
    const replaced = () => bot.connector.to(housing.id).filter((s) => s.method === "PUT" && s.activityId === posted.activityId);
    await bot.connector.waitFor(() => replaced().some((s) => /Ana Jones decided not to go ahead\. Both stay available for other matches\./.test(cardText(s.body.attachments[0].content))), 10_000);
    await bot.connector.waitFor(() => bot.connector.to(housing.id).some((s) => /Ana Jones has decided not to go ahead/.test(s.body.text ?? "")), 10_000);
    assert.ok(!everythingTo(housing.id).includes("caring responsibilities"), "nothing sent to the channel has her reason");
    const refreshed = await bot.teams.press(housing, vic, VERBS.refreshMatch, { matchId, view: "host" });
    assert.match(cardText(refreshed), /Ana Jones decided not to go ahead/);
    assert.ok(!JSON.stringify(refreshed).includes("caring responsibilities"), "nor the card a channel member refreshes");
    const vicMatches = await bot.teams.press(personalChat(vic), vic, VERBS.myMatches);
    assert.match(cardText(vicMatches), /Not going ahead/);
    assert.ok(!JSON.stringify(vicMatches).includes("caring responsibilities"), "nor the vacancy holder's own list of matches");

    // The programme team sees it: in their 1:1 chat and in the Programme tab.
    await bot.connector.waitFor(() => toTom().includes(ANA_REASON), 10_000);
    assert.ok((await programmeTab("Housing data analyst")).includes(ANA_REASON), "the Programme tab shows the programme team her reason");
  });

  it("shows the vacancy holder's reason in their channel and to the programme team, never to the secondee", async () => {
    await bot.teams.press(housing, vic, VERBS.submitRole, roleInput({ title: "Statistician" }));
    await released(ben);
    const matchId = await confirmed(ben, "Statistician");
    const notification = () => cardsIn(housing.id).filter((c) => /Possible match for Statistician: Ben Ade/.test(cardText(c))).at(-1);
    await bot.connector.waitFor(() => Boolean(notification()), 10_000);
    const prompt = promptOf(notification()!, "Not suitable");
    assert.match(prompt, /Everyone in this channel and the programme team will see your reason/);
    assert.match(prompt, /We will tell Ben Ade that your team decided not to go ahead, but not why/);

    const declined = await bot.teams.press(housing, vic, VERBS.hostDeclines, { matchId, reason: HOST_REASON });
    assert.ok(cardText(declined).includes(HOST_REASON), "the channel's card shows the team's own reason");
    const benCard = await bot.teams.press(personalChat(ben), ben, VERBS.refreshMatch, { matchId, view: "secondee" });
    assert.match(cardText(benCard), /The team decided not to go ahead\. You stay available for other matches\./);
    assert.ok(!JSON.stringify(benCard).includes("housing experience"), "Ben's card does not quote the team");
    await bot.connector.waitFor(() => bot.connector.to(personalChat(ben).id).some((s) => /has decided not to go ahead/.test(s.body.text ?? "")), 10_000);
    assert.ok(!everythingTo(personalChat(ben).id).includes("housing experience"), "nothing sent to Ben quotes the team");
    assert.ok(!JSON.stringify(await bot.teams.press(personalChat(ben), ben, VERBS.myMatches)).includes("housing experience"), "nor his list of matches");
    await bot.connector.waitFor(() => toTom().includes(HOST_REASON), 10_000);
  });

  it("puts Ana's reason in her export while it exists, and erasing her data removes it everywhere", async () => {
    const data = await exportFor(bot.app.store, { tenantId: DEMO_TENANT_ID, aadObjectId: ana.aadObjectId }, new Date());
    const hers = data.matches.find((m) => (m.role as { title?: string }).title === "Housing data analyst");
    assert.ok(hers, "her match is in her export");
    assert.equal(hers.yourSide, "secondee");
    assert.deepEqual({ ...(hers.yourAnswer as Record<string, unknown>), at: undefined }, { proceed: false, reason: ANA_REASON, at: undefined }, "her export has her reason");

    const ask = onlyCard(await bot.teams.say(personalChat(ana), ana, "delete my data"));
    const yes = action(ask, "Yes, delete my data");
    assert.match(cardText(await bot.teams.press(personalChat(ana), ana, yes.verb, yes.data)), /Your data has been deleted/);

    assert.ok(!(await stored()).includes("caring responsibilities"), "no container holds her reason (match, messages kept for others)");
    assert.ok((await stored()).includes(HOST_REASON), "the vacancy holder's reason about someone else is untouched");
    const tab = await programmeTab("Housing data analyst");
    assert.ok(!tab.includes("caring responsibilities"), "the Programme tab no longer shows it");
    assert.match(tab, /Not going ahead: \(removed: the person asked for their data to be erased\)/);
    assert.doesNotMatch(tab, /Ana Jones/);
    const { resources } = await bot.app.store.container("matches").items.query("SELECT * FROM c").fetchAll();
    const refreshed = await Promise.all(resources.map((m: { id: string }) => bot.teams.press(housing, vic, VERBS.refreshMatch, { matchId: m.id, view: "host" })));
    assert.ok(!JSON.stringify(refreshed).includes("caring responsibilities"), "nor any channel card as it stands");
    assert.ok(!JSON.stringify(await bot.teams.press(personalChat(vic), vic, VERBS.myMatches)).includes("caring responsibilities"));
  });

  it("says who will see the reason in Welsh too, and the channel's Welsh card has no trace of it", () => {
    const w = { state: { role: () => undefined, candidate: () => undefined } } as unknown as World;
    const open: Match = {
      type: "match",
      opening: { id: "role-1", ownerKey: "t:vic", title: "Dadansoddwr data", organisation: "Cyngor", channelConversationId: housing.id },
      candidate: { tenantId: "t", aadObjectId: "ana", key: "t:ana", name: "Ana Jones" },
      status: "meeting",
      confirmedBy: { aadObjectId: "tom" },
      confirmedAt: "2026-12-01T09:00:00Z",
      outcomes: {},
      explanation: "",
    };
    const prompt = (c: Card, title: RegExp) => {
      let text = "";
      walk(c, (n) => {
        if (n.type === "Action.ShowCard" && title.test(String(n.title))) text = JSON.stringify(n.card);
      });
      return text;
    };
    assert.match(prompt(secondeeCard(open, w, "cy"), /Dydw i ddim eisiau bwrw ymlaen/), /Dim ond chi a thîm y rhaglen fydd yn gweld eich rheswm/);
    assert.match(prompt(hostCard(open, w, "cy"), /^Dydyn ni ddim eisiau bwrw ymlaen$/), /Bydd pawb yn y sianel hon a thîm y rhaglen yn gweld eich rheswm\. Byddwn ni'n dweud wrth Ana Jones/);
    const closed: Match = { ...open, status: "closed", outcomes: { secondee: { proceed: false, reason: ANA_REASON, at: "2026-12-02T09:00:00Z" } }, closedReason: ANA_REASON, closedBy: "secondee", closedAt: "2026-12-02T09:00:00Z" };
    const channel = hostCard(closed, w, "cy");
    assert.match(cardText(channel), /Penderfynodd Ana Jones beidio â bwrw ymlaen/);
    assert.ok(!JSON.stringify(channel).includes("caring"), "no reason on the channel's card");
    assert.ok(cardText(secondeeCard(closed, w, "cy")).includes(ANA_REASON), "Ana still sees her own");
  });
});
