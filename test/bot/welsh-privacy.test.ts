import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { WELSH_FAQ } from "../../src/faq/knowledge-cy";
import { action, cardText } from "../support/cards";
import { onlyCard, onlyText, person, personalChat, startTestBot, type TestBot } from "../support/teams";

/** Every title of every button on a card. */
const buttons = (card: unknown): string[] => [...JSON.stringify(card).matchAll(/"type":"Action\.Execute"[^{}]*?"title":"([^"]*)"/g)].map((m) => m[1]!);
const FILE_CONSENT = "application/vnd.microsoft.teams.card.file.consent";

/**
 * Cymraeg for people's data and the knowledge base, over /api/messages: a person who chose Welsh
 * gets the privacy notice, the export summary, the erasure question and its outcome, and the
 * equality questions in Welsh; a programme team member who chose Welsh gets the unanswered
 * questions in Welsh. The English words must not show through.
 */
describe("Cymraeg: people's data and the knowledge base (over HTTP)", function () {
  this.timeout(60_000);
  let bot: TestBot;
  const nia = person("Nia Rhys");
  const pat = person("Pat Programme");

  before(async () => {
    bot = await startTestBot({ PROGRAMME_TEAM_AAD_IDS: pat.aadObjectId, RETENTION_MONTHS: "12" });
    // Both choose Welsh by typing it, as anyone can; their Teams is in English.
    for (const p of [nia, pat]) assert.match(cardText(onlyCard(await bot.teams.say(personalChat(p), p, "Cymraeg"))), /Croeso i Secondiadau/);
  });
  after(async () => {
    await bot?.stop();
  });

  it("the privacy notice is in Welsh, with its buttons", async () => {
    const card = onlyCard(await bot.teams.say(personalChat(nia), nia, "preifatrwydd"));
    const text = cardText(card);
    assert.match(text, /Sut rydyn ni'n defnyddio eich gwybodaeth/);
    assert.match(text, /Tan 12 mis ar ôl i chi dynnu eich diddordeb yn ôl/);
    assert.match(text, /rheolwr llinell/);
    assert.match(text, /Swyddfa'r Comisiynydd Gwybodaeth/);
    assert.doesNotMatch(text, /How we use|line manager|Your rights/);
    assert.deepEqual(buttons(card), ["Cael copi o fy nata", "Dileu fy nata", "Cwestiynau cydraddoldeb (dewisol)"]);
    // The English command shows the same notice, still in her language.
    assert.match(cardText(onlyCard(await bot.teams.say(personalChat(nia), nia, "privacy"))), /Eich hawliau/);
  });

  it("the export summary and the file Teams offers are in Welsh", async () => {
    const summary = onlyCard(await bot.teams.say(personalChat(nia), nia, "allforio fy nata"));
    const text = cardText(summary);
    assert.match(text, /Eich data/);
    assert.match(text, /Datganiad o ddiddordeb/);
    assert.match(text, /Sgyrsiau gyda'r bot/);
    assert.doesNotMatch(text, /Your data|Expression of interest|Chats with the bot/);
    await bot.connector.waitFor((sent) => sent.some((s) => s.body.attachments?.[0]?.contentType === FILE_CONSENT), 15_000);
    const offer = bot.connector.sent.find((s) => s.body.attachments?.[0]?.contentType === FILE_CONSENT)!;
    assert.match(offer.body.attachments[0].content.description, /^Copi o bopeth/);
    // She declines the file: told so in Welsh.
    await bot.teams.post(bot.teams.activity(personalChat(nia), nia, { type: "invoke", name: "fileConsent/invoke", value: { type: "fileUpload", action: "decline", context: { export: "mine" } } }));
    await bot.connector.waitFor((sent) => sent.some((s) => s.body.text === "Wnes i ddim cadw'r ffeil. Mae'r crynodeb uchod yn dal i fod ar gael i chi ei ddarllen."), 5_000);
  });

  it("the equality questions, an answer the form refuses, and the thanks are in Welsh", async () => {
    const form = await bot.teams.press(personalChat(nia), nia, VERBS.openEquality);
    assert.match(cardText(form), /Cwestiynau cydraddoldeb \(dewisol\)/);
    assert.match(JSON.stringify(form), /Mae'n well gen i beidio â dweud/);
    assert.doesNotMatch(JSON.stringify(form), /Prefer not to say|Send my answers/);
    const bad = await bot.teams.press(personalChat(nia), nia, VERBS.submitEquality, { age: "ninety" });
    assert.match(cardText(bad), /Oedran: dewiswch un o'r atebion/);
    const done = await bot.teams.press(personalChat(nia), nia, VERBS.submitEquality, { age: "25-to-34" });
    assert.match(cardText(done), /Diolch/);
    assert.match(cardText(done), /dileu fy nata/);
  });

  it("the equality report, totals only, is in Welsh for a programme team member who chose Welsh", async () => {
    for (const [i, p] of ["Un", "Dau", "Tri", "Pedwar", "Pump"].map((n) => person(`Person ${n}`)).entries()) {
      await bot.teams.press(personalChat(p), p, VERBS.submitEquality, { age: "35-to-49", religion: i === 0 ? "buddhist" : "no-religion" });
    }
    const report = cardText(onlyCard(await bot.teams.say(personalChat(pat), pat, "adroddiad cydraddoldeb")));
    assert.match(report, /Monitro cydraddoldeb: cyfansymiau/);
    assert.match(report, /Pobl a atebodd: 6\./, "Nia's answers and the five others");
    assert.match(report, /35 i 49: 5/);
    assert.match(report, /Bwdhydd: llai na 5/, "a count of 1 is hidden");
    assert.match(report, /Mae'n well gen i beidio â dweud: 6/);
    assert.doesNotMatch(report, /People who answered|fewer than|Prefer not to say/);
  });

  it("asks before deleting, in Welsh, and says what it deleted in Welsh", async () => {
    const ask = onlyCard(await bot.teams.say(personalChat(nia), nia, "dileu fy nata"));
    const text = cardText(ask);
    assert.match(text, /Dileu eich data/);
    assert.match(text, /Byddaf yn dileu \d+ (cofnod|gofnod|chofnod) amdanoch chi/);
    assert.match(text, /Does dim modd dadwneud hyn/);
    assert.doesNotMatch(text, /Delete your data|You cannot undo/);
    assert.deepEqual(buttons(ask), ["Ydw, dilëwch fy nata", "Canslo"]);
    const yes = action(ask, "Ydw, dilëwch fy nata");
    const done = await bot.teams.press(personalChat(nia), nia, yes.verb, yes.data);
    assert.match(cardText(done), /Mae eich data wedi'i ddileu/);
    assert.match(cardText(done), /Rydw i wedi dileu \d+/);
  });

  it("a programme team member who chose Welsh gets the unanswered questions in Welsh", async () => {
    const kim = person("Kim Varga");
    await bot.teams.say(personalChat(kim), kim, "who signs my timesheets on secondment?");
    const list = onlyCard(await bot.teams.say(personalChat(pat), pat, "cwestiynau heb eu hateb"));
    const text = cardText(list);
    assert.match(text, /Cwestiynau na allwn eu hateb/);
    assert.match(text, /"who signs my timesheets on secondment\?"/, "the question as it was asked");
    assert.match(text, /Gofynnwyd unwaith, y tro diwethaf ar \d{1,2} (Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr) \d{4}/);
    assert.doesNotMatch(text, /Questions I could not answer|Asked once|last on/);
    assert.ok(buttons(list).includes("Ychwanegu at gofnod") && buttons(list).includes("Ysgrifennu ateb") && buttons(list).includes("Dewislen"));

    // Adding it to an entry: the entries with a Welsh version are listed by their Welsh titles.
    const add = action(list, "Ychwanegu at gofnod");
    const addForm = JSON.stringify(await bot.teams.press(personalChat(pat), pat, add.verb, add.data));
    assert.match(addForm, /"label":"Y cofnod sy'n ei ateb"/);
    const welsh = WELSH_FAQ[0]!;
    assert.ok(addForm.includes(`"title":${JSON.stringify(welsh.topic)},"value":"${welsh.id}"`), `the entry ${welsh.id} by its Welsh title`);

    // Writing an answer: the form, and a mistake in it, in Welsh.
    const write = action(list, "Ysgrifennu ateb");
    const form = await bot.teams.press(personalChat(pat), pat, write.verb, write.data);
    assert.match(cardText(form), /Ysgrifennu ateb/);
    assert.match(JSON.stringify(form), /"label":"Teitl byr"/);
    const bad = await bot.teams.press(personalChat(pat), pat, VERBS.kbAddAnswer, { questionId: write.data.questionId, question: "timesheets?", topic: "Timesheets", answer: "Too short." });
    assert.match(cardText(bad), /Ateb: rhaid iddo fod o leiaf 20 nod\./);
    // Someone outside the team is told, in their language, that they cannot.
    assert.equal(onlyText(await bot.teams.say(personalChat(nia), nia, "cwestiynau heb eu hateb")), "Dim ond tîm y rhaglen sy'n gallu gweld a newid y sylfaen wybodaeth.");
  });
});
