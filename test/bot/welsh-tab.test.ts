import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { cardText } from "../support/cards";
import { interestInput } from "../support/forms";
import { demoPerson, onlyCard, personalChat, startTestBot, type TestBot } from "../support/teams";
import { devSignIn } from "../support/tab";

/**
 * Cymraeg in the "My secondment" tab, over HTTP: the tab API answers in the person's language
 * (their stored choice, else the Teams locale the page passes, else English), and the tab's
 * "Cymraeg / English" switch runs the chat's own verb, so the chat answers in the same language.
 */
describe("Cymraeg: the My secondment tab and its language switch (over HTTP)", function () {
  this.timeout(30_000);
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot();
  });
  after(async () => {
    await bot.stop();
  });

  const signIn = (id: string): Promise<string> => devSignIn(bot.app.url, id);
  const me = async (token: string, query = "") => {
    const res = await fetch(`${bot.app.url}/api/tab/me${query}`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200);
    return (await res.json()) as { lang: string; sections: { id: string; title: string; reply: { kind: string; card: unknown } }[] };
  };
  const press = async (token: string, verb: string, data: Record<string, unknown>) => {
    const res = await fetch(`${bot.app.url}/api/tab/action`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ verb, data }) });
    return { status: res.status, json: (await res.json()) as { reply?: { kind: string; card: unknown }; error?: string } };
  };

  it("follows the Teams locale the page passes until the person chooses", async () => {
    const token = await signIn("lineManager");
    const english = await me(token);
    assert.equal(english.lang, "en-GB");
    assert.equal(english.sections[0]!.title, "Your 7-step plan");
    const welsh = await me(token, "?locale=cy-GB");
    assert.equal(welsh.lang, "cy");
    assert.deepEqual(welsh.sections.map((s) => s.title), ["Eich cynllun 7 cam", "Eich diddordeb ac ateb eich rheolwr llinell", "Eich parau", "Eich achos busnes", "Eich secondiad", "Sut rydyn ni'n defnyddio eich gwybodaeth"]);
    assert.match(cardText(welsh.sections[0]!.reply.card as never), /0 o 7 cam wedi'u cwblhau/);
    // Nonsense in the locale is ignored, not trusted.
    assert.equal((await me(token, "?locale=%3Cscript%3E")).lang, "en-GB");
  });

  it("switching to Cymraeg in the tab shows the tab in Welsh, and the chat then answers in Welsh; and back", async () => {
    const ana = demoPerson("secondee");
    const token = await signIn("secondee");
    // Her Teams is in English, and so is the chat, until she switches.
    assert.match(cardText(onlyCard(await bot.teams.say(personalChat(ana), ana, "hello"))), /Welcome to Secondments/);

    const switched = await press(token, VERBS.setLanguage, { lang: "cy" });
    assert.equal(switched.status, 200);
    const tab = await me(token);
    assert.equal(tab.lang, "cy");
    assert.equal(tab.sections[0]!.title, "Eich cynllun 7 cam");
    assert.match(cardText(tab.sections[0]!.reply.card as never), /Eich cynllun 7 cam/);
    assert.doesNotMatch(JSON.stringify(tab.sections), /Your 7-step plan|steps done/);

    // The chat, with Teams still saying en-GB, now answers in Welsh: one stored choice.
    const chat = onlyCard(await bot.teams.say(personalChat(ana), ana, "hello"));
    assert.match(cardText(chat), /Croeso i Secondiadau/);
    assert.doesNotMatch(cardText(chat), /Welcome to Secondments/);
    // Her data from the tab is described in Welsh as well.
    const file = await fetch(`${bot.app.url}/api/tab/my-data`, { headers: { authorization: `Bearer ${token}` } });
    assert.match(((await file.json()) as { about: string }).about, /^Popeth y mae ap Teams/);

    // Back to English from the tab: both follow again.
    assert.equal((await press(token, VERBS.setLanguage, { lang: "en-GB" })).status, 200);
    assert.equal((await me(token, "?locale=cy-GB")).lang, "en-GB", "a stored choice wins over the Teams locale");
    assert.match(cardText(onlyCard(await bot.teams.say(personalChat(ana), ana, "hello"))), /Welcome to Secondments/);
  });

  it("a request waiting for a line manager is titled and drawn in the manager's language", async () => {
    const ana = demoPerson("secondee");
    const ben = demoPerson("lineManager");
    await bot.teams.press(personalChat(ana), ana, VERBS.submitInterest, interestInput({ fullName: ana.name, lineManagerId: ben.aadObjectId, lineManagerEmail: "" }));
    const tab = await me(await signIn("lineManager"), "?locale=cy-GB");
    const waiting = tab.sections.find((s) => s.id.startsWith("request-"));
    assert.ok(waiting, "Ben's tab shows Ana's request");
    assert.equal(waiting.title, "Yn aros amdanoch chi: cais Ana Jones");
    assert.match(cardText(waiting.reply.card as never), /A gaiff Ana Jones fynd ar secondiad\?/);
    assert.match(JSON.stringify(waiting.reply.card), /"title":"Cytuno i ryddhau"/);
  });

  it("draws the matches and business case cards in Welsh, and answers its buttons and errors in Welsh", async () => {
    const token = await signIn("hostLineManager");
    const tab = await me(token, "?locale=cy-GB");
    const section = (id: string) => cardText(tab.sections.find((x) => x.id === id)!.reply.card as never);
    assert.match(section("matches"), /Parau ar fy nghyfer/);
    assert.match(section("matches"), /Does gennych chi ddim parau eto/);
    assert.doesNotMatch(section("matches"), /My matches|You have no matches/);
    assert.match(section("business-case"), /Eich achos busnes/);
    assert.doesNotMatch(section("business-case"), /Your business case/);

    // A button pressed in the tab answers in the page's Teams locale too.
    const pressed = await fetch(`${bot.app.url}/api/tab/action?locale=cy-GB`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ verb: VERBS.myMatches, data: {} }),
    }).then((r) => r.json() as Promise<{ reply: { card: unknown } }>);
    assert.match(cardText(pressed.reply.card as never), /Parau ar fy nghyfer/);

    // Errors a person may read: before sign-in in the language the page asks for; after, in theirs.
    const noToken = await fetch(`${bot.app.url}/api/tab/me?locale=cy-GB`).then(async (r) => ({ status: r.status, json: (await r.json()) as { error: string } }));
    assert.equal(noToken.status, 401);
    assert.equal(noToken.json.error, "Mewngofnodwch i ddefnyddio'r tab hwn.");
    const missing = await fetch(`${bot.app.url}/api/tab/secondments/secondment-${"0".repeat(32)}?locale=cy-GB`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { error: string }).error, "Heb ei ganfod.");
    const bad = await fetch(`${bot.app.url}/api/tab/action?locale=cy-GB`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ verb: 7 }) });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { error: string }).error, "Anfonodd y tab rywbeth na allwn ei ddefnyddio (verb: rhaid iddo fod yn destun).");
    // Nobody known and no language asked for: both languages.
    const anon = await fetch(`${bot.app.url}/api/tab/me`, { headers: { "accept-language": "" } }).then((r) => r.json() as Promise<{ error: string }>);
    assert.equal(anon.error, "Sign in to use this tab. / Mewngofnodwch i ddefnyddio'r tab hwn.");
  });

  it("refuses a language the app does not have, naming the field", async () => {
    const token = await signIn("vacancyHolder");
    const bad = await press(token, VERBS.setLanguage, { lang: "fr" });
    assert.match(cardText(bad.json.reply!.card as never), /lang must be cy or en-GB/);
    assert.equal((await me(token)).lang, "en-GB");
  });
});
