import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { personKey } from "../../src/domain/person";
import { action, cardText, type Card } from "../support/cards";
import { interestInput, roleInput } from "../support/forms";
import { onlyCard, person, personalChat, startTestBot, TENANT, type Chat, type Person, type TestBot } from "../support/teams";

const CARD = "application/vnd.microsoft.card.adaptive";

/**
 * A vacancy holder's open roles live with her data. Before she confirms an erasure, the card names
 * them (and the match in progress that ends); afterwards the programme team is told which roles
 * went, without her name, and the person matched hears their match has ended. Over real HTTP.
 */
describe("erasing a vacancy holder's data: her roles are named first and the programme team is told", function () {
  this.timeout(60_000);
  let bot: TestBot;
  const pat = person("Pat Programme");
  const priya = person("Priya Vacancyholder");
  const ana = person("Ana Candidate");
  const housing: Chat = { id: "19:housing-erase@thread.tacv2", type: "channel", team: { id: "19:housing-team-erase@thread.tacv2", name: "Housing" }, channel: { id: "19:housing-erase@thread.tacv2", name: "General" } };

  const cardsIn = (conversationId: string): Card[] =>
    bot.connector.to(conversationId).filter((s) => s.body.attachments?.[0]?.contentType === CARD).map((s) => s.body.attachments[0].content);
  const textsIn = (conversationId: string): string[] => bot.connector.to(conversationId).map((s) => s.body.text).filter((x): x is string => typeof x === "string");
  const chatOf = (p: Person) => bot.connector.created.find((c) => c.memberId === p.aadObjectId)?.conversationId;
  const rolesOf = async (p: Person) =>
    (
      await bot.app.store
        .container("people")
        .items.query({ query: "SELECT * FROM c WHERE c.pk = @pk AND c.type = 'role'", parameters: [{ name: "@pk", value: personKey({ tenantId: TENANT, aadObjectId: p.aadObjectId }) }] })
        .fetchAll()
    ).resources;

  before(async () => {
    bot = await startTestBot({ PROGRAMME_TEAM_AAD_IDS: pat.aadObjectId, PROGRAMME_TEAM_EMAIL: "secondments@example.gov.uk" });
    await bot.teams.say(housing, priya, "<at>Secondments</at> help");
    await bot.teams.press(housing, priya, VERBS.submitRole, roleInput({ openings: "2" }));
    await bot.teams.press(housing, priya, VERBS.submitRole, roleInput({ title: "Tenancy policy lead", openings: "1" }));
    assert.equal((await rolesOf(priya)).length, 2);

    // Ana is released by her line manager, suggested for the first role and confirmed by Pat.
    const manager = person("Manager of Ana");
    await bot.teams.press(personalChat(ana), ana, VERBS.submitInterest, interestInput({ fullName: ana.name, skillsOffered: "data-analysis,statistics", lineManagerId: manager.aadObjectId, lineManagerEmail: "" }));
    await bot.connector.waitFor(() => Boolean(chatOf(manager)) && cardsIn(chatOf(manager)!).length > 0, 10_000);
    const agree = action(cardsIn(chatOf(manager)!)[0]!, "Agree to release");
    await bot.teams.press({ id: chatOf(manager)!, type: "personal" }, manager, agree.verb, agree.data);
    const fits = (c: Card) => cardText(c).includes("Housing data analyst") && JSON.stringify(c).includes(`Confirm ${ana.name}`);
    await bot.connector.waitFor(() => Boolean(chatOf(pat)) && cardsIn(chatOf(pat)!).some(fits), 10_000);
    const confirm = action(cardsIn(chatOf(pat)!).filter(fits).at(-1)!, `Confirm ${ana.name}`);
    await bot.teams.press({ id: chatOf(pat)!, type: "personal" }, pat, confirm.verb, confirm.data);
  });
  after(async () => {
    await bot?.stop();
  });

  it("names her open roles, the match that ends and how to keep a role before she confirms", async () => {
    const text = cardText(onlyCard(await bot.teams.say(personalChat(priya), priya, "delete my data")));
    assert.match(text, /Your open roles go too/);
    assert.match(text, /Housing data analyst \([^)]+\): 2 secondees, 1 match in progress\. Matches are posted in Housing: General\./);
    assert.match(text, /Tenancy policy lead \([^)]+\): 1 secondee\. Matches are posted in Housing: General\./);
    assert.match(text, /The match in progress for them will end\./);
    assert.match(text, /Their team's channel will get no more matches for them, and I will tell the programme team which roles went/);
    assert.match(text, /To keep a role, first ask a colleague to offer it again from the team's channel, or email the programme team at secondments@example\.gov\.uk/);
  });

  it("after erasing, tells the programme team which roles went (not who), closes the match and tells the person matched", async () => {
    const ask = onlyCard(await bot.teams.say(personalChat(priya), priya, "delete my data"));
    const yes = action(ask, "Yes, delete my data");
    const done = cardText(await bot.teams.press(personalChat(priya), priya, yes.verb, yes.data));
    assert.match(done, /Your data has been deleted/);
    assert.match(done, /Your roles are no longer offered: Housing data analyst, Tenancy policy lead\. I have told the programme team, so a colleague can offer them again\./);
    assert.equal((await rolesOf(priya)).length, 0, "the roles went with her data");

    const told = () => textsIn(chatOf(pat)!).find((x) => /Someone who offered roles asked for their data to be deleted/.test(x));
    await bot.connector.waitFor(() => Boolean(told()), 10_000);
    const notice = told()!;
    assert.match(notice, /- Housing data analyst \([^)]+\), 2 secondees, matches posted in Housing: General/);
    assert.match(notice, /- Tenancy policy lead \([^)]+\), 1 secondee, matches posted in Housing: General/);
    assert.match(notice, /1 match in progress for them has ended, and the person matched has been told\./);
    assert.match(notice, /To keep a role, ask someone in its team to offer it again/);
    for (const m of ["Priya", "Vacancyholder", priya.aadObjectId]) assert.ok(!notice.includes(m), `the notice does not name her (${m})`);

    const anaChat = personalChat(ana).id;
    await bot.connector.waitFor(() => textsIn(anaChat).some((x) => /The role Housing data analyst \([^)]+\) is no longer offered, so your match with it has ended/.test(x)), 10_000);
    const { resources: matches } = await bot.app.store.container("matches").items.query("SELECT * FROM c").fetchAll();
    const hers = matches.filter((m) => m.candidate?.aadObjectId === ana.aadObjectId);
    assert.equal(hers.length, 1);
    assert.equal(hers[0].status, "closed", "the match in progress for her role is closed");
    assert.equal(hers[0].closedNote, "role-erased");
    assert.ok(!JSON.stringify(hers[0]).includes(priya.aadObjectId), "and no longer names her");
  });

  it("says nothing about roles to someone who offers none", async () => {
    const bo = person("Bo Noroles");
    await bot.teams.say(personalChat(bo), bo, "help");
    const text = cardText(onlyCard(await bot.teams.say(personalChat(bo), bo, "delete my data")));
    assert.match(text, /Delete your data/);
    assert.doesNotMatch(text, /open roles|programme team which roles/);
  });

  it("in Welsh: names the roles before, and says they are no longer offered after", async () => {
    const wyn = person("Wyn Deiliad");
    const tai: Chat = { id: "19:tai-erase@thread.tacv2", type: "channel", team: { id: "19:tai-team@thread.tacv2", name: "Tai" }, channel: { id: "19:tai-erase@thread.tacv2", name: "Cyffredinol" } };
    assert.match(cardText(onlyCard(await bot.teams.say(personalChat(wyn), wyn, "Cymraeg"))), /Croeso i Secondiadau/);
    await bot.teams.say(tai, wyn, "<at>Secondments</at> help");
    await bot.teams.press(tai, wyn, VERBS.submitRole, roleInput({ title: "Dadansoddwr data tai", openings: "1" }));
    const ask = onlyCard(await bot.teams.say(personalChat(wyn), wyn, "dileu fy nata"));
    const text = cardText(ask);
    assert.match(text, /Bydd eich rolau agored yn mynd hefyd/);
    assert.match(text, /Dadansoddwr data tai \([^)]+\): 1 secondai\. Mae parau'n cael eu postio yn Tai: Cyffredinol\./);
    assert.match(text, /I gadw rôl, gofynnwch yn gyntaf i gydweithiwr ei chynnig eto o sianel y tîm/);
    assert.doesNotMatch(text, /Your open roles|To keep a role/);
    const yes = action(ask, "Ydw, dilëwch fy nata");
    const done = cardText(await bot.teams.press(personalChat(wyn), wyn, yes.verb, yes.data));
    assert.match(done, /Nid yw eich rôl yn cael ei chynnig mwyach: Dadansoddwr data tai\. Rydw i wedi dweud wrth dîm y rhaglen, fel y gall cydweithiwr ei chynnig eto\./);
  });
});
