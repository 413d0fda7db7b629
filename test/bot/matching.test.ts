import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { personKey } from "../../src/domain/person";
import { matchId } from "../../src/domain/match";
import { action, cardText, type Card } from "../support/cards";
import { interestInput, roleInput } from "../support/forms";
import { person, personalChat, startTestBot, TENANT, type Chat, type Person, type TestBot } from "../support/teams";

const CARD = "application/vnd.microsoft.card.adaptive";

describe("matching people to roles, through the bot", function () {
  this.timeout(60_000);
  let bot: TestBot;
  const pat = person("Pat Programme");
  const vic = person("Vic Osei");
  const housing: Chat = { id: "19:housing-match@thread.tacv2", type: "channel", team: { id: "19:housing-team2@thread.tacv2", name: "Housing" }, channel: { id: "19:housing-match@thread.tacv2", name: "General" } };

  before(async () => {
    bot = await startTestBot({ PROGRAMME_TEAM_AAD_IDS: pat.aadObjectId });
    await bot.teams.say(housing, vic, "<at>Secondments</at> help");
    await bot.teams.press(housing, vic, VERBS.submitRole, roleInput());
  });
  after(async () => {
    await bot.stop();
  });

  const cardsIn = (conversationId: string): Card[] =>
    bot.connector.to(conversationId).filter((s) => s.body.attachments?.[0]?.contentType === CARD).map((s) => s.body.attachments[0].content);
  const chatOf = (p: Person) => bot.connector.created.find((c) => c.memberId === p.aadObjectId)?.conversationId;

  /** A released candidate: interest sent, line manager agrees. */
  async function released(who: Person, overrides: Record<string, unknown> = {}): Promise<void> {
    const manager = person(`Manager of ${who.name}`);
    await bot.teams.press(personalChat(who), who, VERBS.submitInterest, interestInput({ fullName: who.name, skillsOffered: "data-analysis,statistics", lineManagerId: manager.aadObjectId, lineManagerEmail: "", adjustments: "I use a screen reader", ...overrides }));
    await bot.connector.waitFor(() => Boolean(chatOf(manager)) && cardsIn(chatOf(manager)!).length > 0, 10_000);
    const agree = action(cardsIn(chatOf(manager)!)[0]!, "Agree to release");
    await bot.teams.press({ id: chatOf(manager)!, type: "personal" }, manager, agree.verb, agree.data);
  }

  async function suggestionsFor(name: string, role = "Housing data analyst"): Promise<Card> {
    const fits = (c: Card) => cardText(c).includes(role) && JSON.stringify(c).includes(`Confirm ${name}`);
    await bot.connector.waitFor(() => Boolean(chatOf(pat)) && cardsIn(chatOf(pat)!).some(fits), 10_000);
    return cardsIn(chatOf(pat)!).filter(fits).at(-1)!;
  }

  it("suggests a released person to the programme team only, with an explanation; nobody else is told", async () => {
    const ana = person("Ana Jones");
    await released(ana);
    const suggestions = await suggestionsFor("Ana Jones");
    const text = cardText(suggestions);
    assert.match(text, /Suggested matches/);
    assert.match(text, /Housing data analyst/);
    assert.match(text, /data analysis/i);
    assert.doesNotMatch(JSON.stringify(suggestions), /screen reader/, "adjustments are never shown");
    assert.equal(cardsIn(housing.id).filter((c) => /Possible match/.test(cardText(c))).length, 0, "the channel has heard nothing");
  });

  it("lets only the programme team confirm; confirming tells the channel and the person", async () => {
    const suggestions = await suggestionsFor("Ana Jones");
    const confirm = action(suggestions, "Confirm Ana Jones");
    const stranger = person("Stan Ger");
    const refused = await bot.teams.post(bot.teams.activity(personalChat(stranger), stranger, { type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb: confirm.verb, data: confirm.data } } }));
    assert.match(refused.body.value, /Only the programme team can confirm matches/);

    const done = await bot.teams.press({ id: chatOf(pat)!, type: "personal" }, pat, confirm.verb, confirm.data);
    assert.match(cardText(done), /Confirmed Ana Jones/);
    assert.doesNotMatch(cardText(done), /Nobody else has been told|Nobody has been told/, "after confirming, the card no longer says nobody was told");
    await bot.connector.waitFor(() => cardsIn(housing.id).some((c) => /Possible match for Housing data analyst: Ana Jones/.test(cardText(c))), 10_000);
    const notification = cardsIn(housing.id).find((c) => /Possible match/.test(cardText(c)))!;
    assert.doesNotMatch(JSON.stringify(notification), /screen reader/, "never adjustments in the channel");
    action(notification, "I'll arrange the informal chat");
    const candidateKey = String(confirm.data.candidateKey);
    const anaChat = `a:personal-${candidateKey.split(":")[1]}`;
    await bot.connector.waitFor(() => cardsIn(anaChat).some((c) => /You have a possible match: Housing data analyst/.test(cardText(c))), 10_000);
    const anaCard = cardsIn(anaChat).find((c) => /possible match/.test(cardText(c)))!;
    assert.match(cardText(anaCard), /It is not an interview/);
    // Written to Ana, not about her.
    assert.match(cardText(anaCard), /Skills the role needs that you offer/);
    assert.doesNotMatch(cardText(anaCard), /\b(they|their|them)\b/i);
    assert.deepEqual(anaCard.refresh.userIds, [`29:${candidateKey.split(":")[1]}`], "refresh names Ana by her Teams user id, not her Entra id");
  });

  it("says a match was already confirmed, by whom and when, when an older Confirm button is pressed again", async () => {
    const suggestions = cardsIn(chatOf(pat)!).filter((c) => JSON.stringify(c).includes("Confirm Ana Jones"))[0]!;
    const confirm = action(suggestions, "Confirm Ana Jones");
    const again = await bot.teams.press({ id: chatOf(pat)!, type: "personal" }, pat, confirm.verb, confirm.data);
    assert.doesNotMatch(cardText(again), /no longer a suitable match/);
    assert.match(cardText(again), /This match was already confirmed by Pat Programme on \d{1,2} [A-Z][a-z]+ \d{4}\./);
  });

  it("lets only the vacancy holder act in the channel; both going ahead moves the match on", async () => {
    const notification = cardsIn(housing.id).find((c) => /Possible match/.test(cardText(c)))!;
    const arrange = action(notification, "I'll arrange the informal chat");
    const nosy = person("Nosy Neighbour");
    const refused = await bot.teams.press(housing, nosy, arrange.verb, arrange.data);
    assert.match(cardText(refused), /Only the vacancy holder for this role, or the programme team, can do this/);
    const m0 = (await bot.app.store.container("matches").item(String(arrange.data.matchId), String(arrange.data.matchId)).read()).resource;
    assert.equal(m0.status, "notified");

    const arranged = await bot.teams.press(housing, vic, arrange.verb, arrange.data);
    assert.match(cardText(arranged), /Vic Osei is arranging the informal chat/);
    assert.match(cardText(arranged), /Thank you\. You are arranging the informal chat/);
    assert.ok(arranged.refresh.userIds.includes(vic.id), "Vic's view refreshes, by his Teams user id");
    assert.ok(arranged.refresh.userIds.every((id: string) => id.startsWith("29:")), "refresh.userIds holds only Teams user ids");
    // Everyone else in the channel sees it too: the posted card is replaced.
    const posted = (await bot.app.store.container("outbox").item(`match-notification:${m0.id}`, `match-notification:${m0.id}`).read()).resource;
    const replaced = () => bot.connector.to(housing.id).filter((s) => s.method === "PUT" && s.activityId === posted.activityId);
    await bot.connector.waitFor(() => replaced().some((s) => /Vic Osei is arranging the informal chat/.test(cardText(s.body.attachments[0].content))), 10_000);
    assert.equal(action(replaced().at(-1)!.body.attachments[0].content, "We want to go ahead").verb, VERBS.hostProceeds);

    const yes = action(arranged, "We want to go ahead");
    const hostSaid = await bot.teams.press(housing, vic, yes.verb, yes.data);
    assert.match(cardText(hostSaid), /Thank you\. We have recorded that your team wants to go ahead/);
    assert.match(cardText(hostSaid), /Waiting for Ana Jones/);
    assert.doesNotMatch(cardText(hostSaid), /is arranging the informal chat/);
    await bot.connector.waitFor(() => replaced().some((s) => /Waiting for Ana Jones/.test(cardText(s.body.attachments[0].content))), 10_000);

    const key = m0.candidate.key as string;
    const ana = { id: `29:${m0.candidate.aadObjectId}`, aadObjectId: m0.candidate.aadObjectId, name: "Ana Jones" };
    const anaCard = cardsIn(personalChat(ana).id).find((c) => /possible match/.test(cardText(c)))!;
    const go = action(anaCard, "I want to go ahead");
    const sentBefore = bot.connector.to(personalChat(ana).id).length;
    const after = await bot.teams.press(personalChat(ana), ana, go.verb, go.data);
    assert.match(cardText(after), /Thank you\. We have recorded that you want to go ahead/);
    assert.match(cardText(after), /You and the team both want to go ahead/);
    await bot.connector.waitFor(() => replaced().some((s) => /Both sides want to go ahead/.test(cardText(s.body.attachments[0].content))), 10_000);
    // Ana hears once about the secondment (her secondment card, not a card and a text saying the
    // same), and, because she told us about reasonable adjustments, is asked whether to share them.
    await bot.connector.waitFor(() => bot.connector.to(personalChat(ana).id).length >= sentBefore + 2, 10_000);
    await new Promise((r) => setTimeout(r, 500));
    const toAna = bot.connector.to(personalChat(ana).id).slice(sentBefore);
    const texts = toAna.map((s) => (s.body.attachments?.[0] ? cardText(s.body.attachments[0].content) : s.body.text));
    assert.equal(toAna.length, 2, `two messages, got ${JSON.stringify(texts)}`);
    assert.equal(texts.filter((t) => /Secondment: Housing data analyst/.test(t)).length, 1);
    assert.equal(texts.filter((t) => /Share your reasonable adjustments with the host\?/.test(t)).length, 1);
    await bot.connector.waitFor(() => bot.connector.to(housing.id).some((s) => /arrives in their 1:1 chat/.test(s.body.text ?? "")), 10_000);
    const m1 = (await bot.app.store.container("matches").item(m0.id, m0.id).read()).resource;
    assert.equal(m1.status, "agreeing");
    const plan = (await bot.app.store.container("people").item("plan", key).read()).resource;
    assert.equal(plan.steps["5"].status, "doing", "plan step 5 opens");
    assert.equal(plan.steps["3"].status, "done", "step 3 (find a host) is done: both sides want to go ahead");
    const mine = await bot.teams.press(personalChat(ana), ana, VERBS.myMatches);
    assert.match(cardText(mine), /Going ahead/);
  });

  it("refreshes each side's card as it stands, for the people it was sent to only", async () => {
    const notification = cardsIn(housing.id).find((c) => /Possible match/.test(cardText(c)))!;
    assert.equal(notification.refresh.action.verb, VERBS.refreshMatch);
    const nosy = person("Nosy Neighbour");
    const inChannel = await bot.teams.press(housing, nosy, VERBS.refreshMatch, notification.refresh.action.data);
    assert.match(cardText(inChannel), /Both sides want to go ahead/, "a channel member sees the current state");
    const outsider = await bot.teams.post(bot.teams.activity(personalChat(nosy), nosy, { type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb: VERBS.refreshMatch, data: { ...notification.refresh.action.data, view: "secondee" } } } }));
    assert.match(String(outsider.body.value), /Only the people this match was sent to can see it/);
  });

  it("closes a match either side declines, never proposes that pair again, and keeps both in the pool", async () => {
    // A second role, so the first one (now going ahead) is out of the way.
    await bot.teams.press(housing, vic, VERBS.submitRole, roleInput({ title: "Statistician" }));
    const ben = person("Ben Ade");
    await released(ben);
    const suggestions = await suggestionsFor("Ben Ade", "Statistician");
    const confirm = action(suggestions, "Confirm Ben Ade");
    await bot.teams.press({ id: chatOf(pat)!, type: "personal" }, pat, confirm.verb, confirm.data);
    await bot.connector.waitFor(() => cardsIn(personalChat(ben).id).some((c) => /possible match/.test(cardText(c))), 10_000);
    const benCard = cardsIn(personalChat(ben).id).find((c) => /possible match/.test(cardText(c)))!;
    const ref = { matchId: matchId(String(confirm.data.openingId), personKey({ tenantId: TENANT, aadObjectId: ben.aadObjectId })) };

    const noReason = await bot.teams.press(personalChat(ben), ben, VERBS.secondeeDeclines, { ...ref, reason: "  " });
    assert.match(cardText(noReason), /Enter a reason/);
    const declined = await bot.teams.press(personalChat(ben), ben, VERBS.secondeeDeclines, { ...ref, reason: "The commute is too long." });
    assert.match(cardText(declined), /Not going ahead: The commute is too long\./);
    assert.ok(benCard, "Ben was told about the match");

    const m = (await bot.app.store.container("matches").item(ref.matchId, ref.matchId).read()).resource;
    assert.equal(m.status, "closed");
    await bot.connector.waitFor(() => bot.connector.to(chatOf(pat)!).some((s) => /is not going ahead/.test(s.body.text ?? "") && /commute/.test(s.body.text ?? "")), 10_000);

    // Both back in the pool: a third role brings Ben back as a suggestion, and the declined pair never returns.
    await bot.teams.press(housing, vic, VERBS.submitRole, roleInput({ title: "Data scientist" }));
    const again = await suggestionsFor("Ben Ade", "Data scientist");
    assert.match(cardText(again), /Data scientist/);
    const { resources } = await bot.app.store.container("matches").items.query("SELECT * FROM c").fetchAll();
    assert.equal(resources.filter((r: { id: string }) => r.id === ref.matchId).length, 1);
    // A new person who fits the Statistician role brings fresh suggestions for it: Ben is listed as
    // not going ahead, with no Confirm button.
    await released(person("Cal Dunn"));
    const fresh = await suggestionsFor("Cal Dunn", "Statistician");
    assert.match(cardText(fresh), /Not going ahead: The commute is too long\./);
    assert.doesNotMatch(JSON.stringify(fresh), /Confirm Ben Ade/, "the declined pair is not suggested again");
  });

  it("proposes a job swap between two people who each offer their own role for exchange, confirmed together", async () => {
    const kim = person("Kim Rowe");
    const lee = person("Lee Shaw");
    await bot.teams.press(housing, kim, VERBS.submitRole, roleInput({ title: "Kim's policy role", secondmentTypes: "exchange" }));
    await bot.teams.press(housing, lee, VERBS.submitRole, roleInput({ title: "Lee's analyst role", secondmentTypes: "exchange" }));
    await released(kim, { secondmentTypes: "exchange" });
    await released(lee, { secondmentTypes: "exchange" });
    const swapCard = async () => {
      await bot.connector.waitFor(() => cardsIn(chatOf(pat)!).some((c) => /Job swap: .*Kim Rowe|Job swap: .*Lee Shaw/.test(cardText(c))), 10_000);
      return cardsIn(chatOf(pat)!).filter((c) => /Job swap/.test(cardText(c))).at(-1)!;
    };
    const swap = await swapCard();
    assert.match(cardText(swap), /Kim Rowe into Lee's analyst role/);
    assert.match(cardText(swap), /Lee Shaw into Kim's policy role/);
    const confirm = action(swap, "Confirm this swap");
    const done = await bot.teams.press({ id: chatOf(pat)!, type: "personal" }, pat, confirm.verb, confirm.data);
    assert.match(cardText(done), /Confirmed the job swap/);
    for (const who of [kim, lee]) {
      await bot.connector.waitFor(() => cardsIn(personalChat(who).id).some((c) => /You have a possible match/.test(cardText(c))), 10_000);
    }
    const { resources } = await bot.app.store.container("matches").items.query("SELECT * FROM c WHERE c.status = 'notified'").fetchAll();
    const swapMatches = resources.filter((m: { candidate: { name: string } }) => ["Kim Rowe", "Lee Shaw"].includes(m.candidate.name));
    assert.equal(swapMatches.length, 2, "one match each way");
  });

  it("shows no empty grade and profession line for a confirmed person who has since been erased", async () => {
    await bot.teams.press(housing, vic, VERBS.submitRole, roleInput({ title: "Housing policy adviser" }));
    const eve = person("Eve Hart");
    await released(eve);
    const confirm = action(await suggestionsFor("Eve Hart", "Housing policy adviser"), "Confirm Eve Hart");
    const confirmed = await bot.teams.press({ id: chatOf(pat)!, type: "personal" }, pat, confirm.verb, confirm.data);
    assert.match(cardText(confirmed), /Confirmed Eve Hart/);
    assert.ok(cardText(confirmed).split("\n").some((line) => /^Higher Executive Officer \(HEO\), Policy$/.test(line)), "grade and profession under the name while known");

    const said = await bot.teams.say(personalChat(eve), eve, "delete my data");
    const ask = said.flatMap((x) => x.body.attachments ?? []).map((a: { content: Card }) => a.content).find((c: Card) => JSON.stringify(c).includes("Yes, delete my data"))!;
    const yes = action(ask, "Yes, delete my data");
    assert.match(cardText(await bot.teams.press(personalChat(eve), eve, yes.verb, yes.data)), /Your data has been deleted/);

    // Someone new who fits brings fresh suggestions for the role; Eve's confirmed match is still listed.
    await released(person("Gil Moss"));
    const fresh = await suggestionsFor("Gil Moss", "Housing policy adviser");
    const lines = cardText(fresh).split("\n");
    assert.doesNotMatch(JSON.stringify(fresh), /Eve Hart/);
    assert.ok(lines.some((line) => /^Confirmed: informal chat to arrange \(confirmed by/.test(line)), "the erased person's match is still shown, with its stage");
    assert.deepEqual(lines.filter((line) => /^\s*,|,\s*$/.test(line)), [], "no line of only a comma, or starting or ending with one");
  });
});
