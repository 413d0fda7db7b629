import assert from "node:assert/strict";
import { Items } from "@azure/cosmos";
import sinon from "sinon";
import { startApp, type RunningApp } from "../../bot/app";
import { VERBS } from "../../cards";
import { parseConfig } from "../../src/config";
import { CONTAINERS, type ContainerName } from "../../src/store/store";
import { action, cardText, type Card } from "../support/cards";
import { interestInput, roleInput } from "../support/forms";
import { onlyCard, person, personalChat, startTestBot, type Chat, type Person, type TestBot } from "../support/teams";

const CARD = "application/vnd.microsoft.card.adaptive";
/** Each side's reason: phrases found nowhere else. */
const HOST_REASON = "We need someone with more housing experience QX-5521.";
const ANA_REASON = "The hours would not work with my caring responsibilities QX-9913.";
const MARKERS = /\[removed-on-erasure\]|\[person-who-left\]/;

/**
 * Messages kept for others after an erasure, over real HTTP: a note to the programme team quoting the
 * vacancy holder's reason is found by her erasure though it does not name her; a message still queued
 * goes out with plain words in its reader's language where the person's name and words were; and the
 * programme team's notice that her roles went is queued again when the erasure is repeated after a
 * store failure, and sent once.
 */
describe("erasure and the messages kept for others", function () {
  this.timeout(90_000);
  let bot: TestBot;
  let other: RunningApp | undefined;
  const pat = person("Pat Programme");
  const gwen = person("Gwen Rhaglen");
  const priya = person("Priya Vacancyholder");
  const vic = person("Vic Planner");
  const ana = person("Ana Candidate");
  const housing: Chat = { id: "19:housing-msgs@thread.tacv2", type: "channel", team: { id: "19:housing-team-msgs@thread.tacv2", name: "Housing" }, channel: { id: "19:housing-msgs@thread.tacv2", name: "General" } };
  const planning: Chat = { id: "19:planning-msgs@thread.tacv2", type: "channel", team: { id: "19:planning-team-msgs@thread.tacv2", name: "Planning" }, channel: { id: "19:planning-msgs@thread.tacv2", name: "General" } };

  const cardsIn = (conversationId: string): Card[] =>
    bot.connector.to(conversationId).filter((s) => s.body.attachments?.[0]?.contentType === CARD).map((s) => s.body.attachments[0].content);
  const chatOf = (p: Person) => bot.connector.created.find((c) => c.memberId === p.aadObjectId)?.conversationId;
  /** A person's 1:1 chat: the one they started, or the one the bot opened. */
  const chatsOf = (p: Person): string[] => [personalChat(p).id, chatOf(p)].filter((c): c is string => Boolean(c));
  const textsTo = (p: Person): string[] => bot.connector.sent.filter((s) => chatsOf(p).includes(s.conversationId)).map((s) => s.body.text).filter((x): x is string => typeof x === "string");
  const stored = async (name: ContainerName): Promise<string> => JSON.stringify((await bot.app.store.container(name).items.query("SELECT * FROM c").fetchAll()).resources);
  const storedAll = async (): Promise<string> => (await Promise.all((Object.keys(CONTAINERS) as ContainerName[]).map(stored))).join("\n");

  /** Pat confirms Ana for the role titled `role` from his suggestions; returns the match id from her card. */
  async function confirmAna(role: string): Promise<string> {
    const fits = (c: Card) => cardText(c).includes(role) && JSON.stringify(c).includes(`Confirm ${ana.name}`);
    await bot.connector.waitFor(() => Boolean(chatOf(pat)) && cardsIn(chatOf(pat)!).some(fits), 15_000);
    const confirm = action(cardsIn(chatOf(pat)!).filter(fits).at(-1)!, `Confirm ${ana.name}`);
    await bot.teams.press({ id: chatOf(pat)!, type: "personal" }, pat, confirm.verb, confirm.data);
    const hers = () => cardsIn(personalChat(ana).id).find((c) => cardText(c).includes(`possible match: ${role}`));
    await bot.connector.waitFor(() => Boolean(hers()), 15_000);
    return String(action(hers()!, "I want to go ahead").data.matchId);
  }

  async function deleteData(p: Person): Promise<string> {
    const ask = onlyCard(await bot.teams.say(personalChat(p), p, "delete my data"));
    return cardText(await bot.teams.press(personalChat(p), p, action(ask, "Yes, delete my data").verb, action(ask, "Yes, delete my data").data));
  }

  before(async () => {
    bot = await startTestBot({ PROGRAMME_TEAM_AAD_IDS: `${pat.aadObjectId},${gwen.aadObjectId}`, PROGRAMME_TEAM_EMAIL: "secondments@example.gov.uk" });
    assert.match(cardText(onlyCard(await bot.teams.say(personalChat(gwen), gwen, "Cymraeg"))), /Croeso i Secondiadau/);
    await bot.teams.say(housing, priya, "<at>Secondments</at> help");
    await bot.teams.press(housing, priya, VERBS.submitRole, roleInput());
    await bot.teams.press(housing, priya, VERBS.submitRole, roleInput({ title: "Tenancy policy lead" }));
    const manager = person("Manager of Ana");
    await bot.teams.press(personalChat(ana), ana, VERBS.submitInterest, interestInput({ fullName: ana.name, skillsOffered: "data-analysis,statistics", lineManagerId: manager.aadObjectId, lineManagerEmail: "" }));
    await bot.connector.waitFor(() => Boolean(chatOf(manager)) && cardsIn(chatOf(manager)!).length > 0, 15_000);
    const agree = action(cardsIn(chatOf(manager)!)[0]!, "Agree to release");
    await bot.teams.press({ id: chatOf(manager)!, type: "personal" }, manager, agree.verb, agree.data);
  });
  afterEach(() => sinon.restore());
  after(async () => {
    await other?.stop();
    await bot?.stop();
  });

  it("the notice that her roles went is sent once when her erasure is repeated after the store failed to queue it", async () => {
    // Priya turns Ana down, with a reason the programme team is told (the note does not name Priya).
    const matchId = await confirmAna("Housing data analyst");
    await bot.teams.press(housing, priya, VERBS.hostDeclines, { matchId, reason: HOST_REASON });
    await bot.connector.waitFor(() => textsTo(pat).some((x) => x.includes(HOST_REASON)), 15_000);

    // The store fails once, just as the programme team's notice is queued.
    const create = Items.prototype.create;
    let failed = 0;
    sinon.stub(Items.prototype, "create").callsFake(function (this: Items, body: { id?: string }, ...rest: unknown[]) {
      if (!failed && String(body?.id ?? "").startsWith("roles-gone:")) {
        failed++;
        return Promise.reject(Object.assign(new Error("Service Unavailable"), { code: 503 }));
      }
      return (create as (...a: unknown[]) => Promise<unknown>).call(this, body, ...rest) as never;
    });
    assert.match(await deleteData(priya), /Sorry, there is a problem with the service/);
    assert.equal(failed, 1, "the store failed at the notice");
    sinon.restore();

    const done = await deleteData(priya);
    assert.match(done, /Your data has been deleted/);
    assert.match(done, /Your roles are no longer offered: Housing data analyst, Tenancy policy lead\. I have told the programme team/);
    const notices = (p: Person) => textsTo(p).filter((x) => /Someone who offered roles asked for their data to be deleted|Mae rhywun a oedd yn cynnig rolau/.test(x));
    await bot.connector.waitFor(() => notices(pat).length > 0 && notices(gwen).length > 0, 15_000);
    assert.equal(notices(pat).length, 1, "Pat is told once");
    assert.match(notices(pat)[0]!, /- Housing data analyst \([^)]+\)[\s\S]*- Tenancy policy lead/);
    assert.equal(notices(gwen).length, 1, "Gwen is told once");
    assert.match(notices(gwen)[0]!, /^Mae rhywun a oedd yn cynnig rolau/, "in Welsh, her language");
    assert.deepEqual(bot.connector.duplicates(), []);
  });

  it("her erasure removes her reason from the programme team's note, which quotes her without naming her", async () => {
    const all = await storedAll();
    assert.ok(!all.includes("housing experience"), "no container holds her reason any more (messages kept for the programme team and the channel included)");
    assert.ok(!all.includes(priya.aadObjectId), "nor her id");
    const notes = JSON.parse(await stored("outbox")) as { purpose: string; activity: { text?: string }; target: { aadObjectId?: string } }[];
    const patNote = notes.find((m) => m.purpose === "match-closed" && m.target.aadObjectId === pat.aadObjectId);
    assert.ok(patNote, "the note to Pat is kept");
    assert.match(patNote.activity.text ?? "", /The vacancy holder said: "\[removed-on-erasure\]"/, "the copy kept has the marker where her words were");
  });

  it("a message still queued when the person's data is erased reaches its reader with plain words, in their language", async () => {
    await bot.teams.say(planning, vic, "<at>Secondments</at> help");
    await bot.teams.press(planning, vic, VERBS.submitRole, roleInput({ title: "Planning statistician" }));
    const matchId = await confirmAna("Planning statistician");
    await bot.connector.waitFor(() => bot.connector.to(planning.id).some((s) => JSON.stringify(s.body).includes("Possible match for Planning statistician")), 15_000);

    // Nothing is sent for a while (this instance's sender stops): Ana's answer and her erasure both happen meanwhile.
    await bot.app.dispatcher.stop();
    const sentBefore = bot.connector.sent.length;
    await bot.teams.press(personalChat(ana), ana, VERBS.secondeeDeclines, { matchId, reason: ANA_REASON });
    assert.match(await deleteData(ana), /Your data has been deleted/);
    const queued = await stored("outbox");
    assert.ok(!queued.includes("caring responsibilities") && !queued.includes(ana.name), "the queued copies no longer hold her words or name");

    // Another instance sends what is queued.
    other = await startApp(parseConfig({ PORT: "0", LOG_LEVEL: "silent", COSMOS_ENDPOINT: bot.app.store.endpoint, COSMOS_KEY: "local", PROGRAMME_TEAM_AAD_IDS: `${pat.aadObjectId},${gwen.aadObjectId}` }));
    // What others were sent from then on (Ana's own chat has the replies to her turns).
    const after = () => bot.connector.sent.slice(sentBefore).filter((s) => s.conversationId !== personalChat(ana).id);
    const noteTo = (p: Person) => after().find((s) => chatsOf(p).includes(s.conversationId) && /Planning statistician/.test(s.body.text ?? ""))?.body.text as string | undefined;
    await bot.connector.waitFor(() => Boolean(noteTo(pat) && noteTo(gwen)), 20_000);
    assert.equal(noteTo(pat), 'The match of A person who has left the programme with Planning statistician (Leeds City Council) is not going ahead. A person who has left the programme said: "(removed: the person asked for their data to be erased)" Both are available for other matches.');
    assert.match(noteTo(gwen)!, /^Nid yw'r pâr rhwng Rhywun sydd wedi gadael y rhaglen a'r rôl Planning statistician/);
    assert.ok(noteTo(gwen)!.includes("\"(wedi'i ddileu: gofynnodd y person i'w ddata gael ei ddileu)\""), "Gwen reads it in Welsh");
    await bot.connector.waitFor(() => after().some((s) => s.conversationId === planning.id && /has decided not to go ahead/.test(s.body.text ?? "")), 20_000);
    assert.match(after().filter((s) => s.conversationId === planning.id && typeof s.body.text === "string").at(-1)!.body.text, /^A person who has left the programme has decided not to go ahead with Planning statistician/);
    const sent = JSON.stringify(after().map((s) => s.body));
    assert.doesNotMatch(sent, MARKERS, "no one receives a marker");
    assert.ok(!sent.includes("caring responsibilities") && !sent.includes(ana.name), "nor her words or name");
  });
});
