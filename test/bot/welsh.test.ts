import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { VERBS } from "../../cards";
import { cardText, errorSummary, fieldError } from "../support/cards";
import { interestInput } from "../support/forms";
import { onlyCard, person, personalChat, startTestBot, type TestBot } from "../support/teams";

const CARD = "application/vnd.microsoft.card.adaptive";
/** Every label, choice title and placeholder on a form card. */
const formWords = (card: unknown): string => [...JSON.stringify(card).matchAll(/"(?:label|title|placeholder|errorMessage)":"([^"]*)"/g)].map((m) => m[1]).join("\n");

const WELSH = { locale: "cy-GB" };
/** Every title of every button on a card, in order. */
const buttons = (card: unknown): string[] => [...JSON.stringify(card).matchAll(/"type":"Action\.Execute","title":"([^"]*)"/g)].map((m) => m[1]!);

describe("Cymraeg: who gets which language (over HTTP)", () => {
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot();
  });
  after(async () => {
    await bot.stop();
  });

  it("a new person whose Teams is in Welsh (cy-GB) gets the Welsh welcome, with a switch to English", async () => {
    const gwen = person("Gwen Morgan");
    const card = onlyCard(await bot.teams.say(personalChat(gwen), gwen, "helo", WELSH));
    const text = cardText(card);
    assert.match(text, /Croeso i Secondiadau/);
    assert.match(text, /caniatâd eich rheolwr llinell/);
    assert.doesNotMatch(text, /Welcome to Secondments|line manager/);
    assert.deepEqual(buttons(card).sort(), ["English", "Cynnig rôl", "Fy nghynllun 7 cam", "Gofyn cwestiwn", "Mynegi diddordeb", "Sut rydyn ni'n defnyddio eich gwybodaeth"].sort());
  });

  it("Welsh greetings (shwmae, shwmai, sut mae) get the welcome, as helo does", async () => {
    for (const greeting of ["helo", "shwmae", "Shwmae!", "shwmai", "sut mae", "Sut mae?"]) {
      const gwen = person(`Gwen ${greeting}`);
      const card = onlyCard(await bot.teams.say(personalChat(gwen), gwen, greeting, WELSH));
      assert.match(cardText(card), /Croeso i Secondiadau/, greeting);
      assert.doesNotMatch(cardText(card), /Gofynnoch chi:|You asked:/, greeting);
    }
  });

  it("a Welsh greeting from someone who has not chosen a language gets the Welsh welcome, even from an English Teams (as diolch does)", async () => {
    for (const greeting of ["shwmae", "sut mae", "Sut mae?"]) {
      const sam = person(`Sam ${greeting}`);
      const card = onlyCard(await bot.teams.say(personalChat(sam), sam, greeting));
      assert.match(cardText(card), /Croeso i Secondiadau/, greeting);
      assert.doesNotMatch(cardText(card), /Welcome to Secondments/, greeting);
      // Nothing is stored: their next "hello" is answered in English.
      assert.match(cardText(onlyCard(await bot.teams.say(personalChat(sam), sam, "hello"))), /Welcome to Secondments/, greeting);
    }
  });

  it("the same message from an English Teams gets the English welcome, with a switch to Cymraeg", async () => {
    const sam = person("Sam Hill");
    const card = onlyCard(await bot.teams.say(personalChat(sam), sam, "hello"));
    assert.match(cardText(card), /Welcome to Secondments/);
    assert.ok(buttons(card).includes("Cymraeg"));
  });

  it("the plan, a step and a status change are in Welsh", async () => {
    const gwen = person("Gwen Morgan");
    const chat = personalChat(gwen);
    const plan = onlyCard(await bot.teams.say(chat, gwen, "cynllun", WELSH));
    const text = cardText(plan);
    assert.match(text, /Eich cynllun 7 cam/);
    assert.match(text, /0 o 7 cam wedi'u cwblhau/);
    assert.match(text, /\*\*Cam 3\*\*: Dod o hyd i sefydliad lletyol/);
    assert.match(text, /I'w wneud/);
    assert.ok(buttons(plan).includes("Dechrau cam 1"));

    const step = await bot.teams.press(chat, gwen, VERBS.openStep, { step: 3 }, WELSH);
    const stepText = cardText(step);
    assert.match(stepText, /Cam 3 o 7/);
    assert.match(stepText, /Gallech chi:/);
    assert.match(stepText, /Yng Nghymru/);
    assert.match(stepText, /Iechyd Cyhoeddus Cymru/);
    assert.doesNotMatch(stepText, /You could|Find a host/);

    const after = await bot.teams.press(chat, gwen, VERBS.setStepStatus, { step: 3, status: "doing" }, WELSH);
    assert.match(cardText(after), /Rydyn ni wedi nodi bod cam 3 ar waith\./);
    assert.ok(buttons(after).includes("Parhau â cham 3"));
  });

  it("the interest form is in Welsh: labels, choices, hints and buttons", async () => {
    const gwen = person("Gwen Morgan");
    const form = await bot.teams.press(personalChat(gwen), gwen, VERBS.startInterest, {}, WELSH);
    const words = cardText(form) + "\n" + formWords(form);
    assert.match(words, /Mynegi diddordeb mewn secondiad/);
    assert.match(words, /Enw llawn/);
    assert.match(words, /Y math o sefydliad rydych chi'n gweithio iddo/);
    assert.match(words, /Awdurdod lleol/);
    assert.match(words, /Tymor byr \(tua 12 wythnos\)/);
    assert.match(words, /Dadansoddi data/);
    assert.match(words, /Rydw i wedi gofyn i fy rheolwr llinell am ganiatâd i gymryd rhan/);
    assert.deepEqual(buttons(form).sort(), ["Anfon", "Canslo"]);
    for (const english of ["Full name", "Local authority", "Data analysis", "Send", "There is a problem", "Region"]) {
      assert.ok(!words.split("\n").includes(english), `English left on the Welsh form: ${english}`);
    }
  });

  it("a form sent with mistakes comes back with the errors in Welsh", async () => {
    const gwen = person("Gwen Morgan");
    const back = await bot.teams.press(personalChat(gwen), gwen, VERBS.submitInterest, interestInput({ fullName: "", town: "x".repeat(81), shortestDurationMonths: "70" }), WELSH);
    const words = cardText(back) + "\n" + formWords(back);
    assert.match(words, /Mae problem/);
    assert.match(words, /Rhowch eich enw llawn/);
    assert.match(words, /Tref neu ddinas: rhaid i'r ateb fod yn 80 nod neu lai/);
    assert.match(words, /Y secondiad byrraf: rhaid i'r ateb fod rhwng 1 a 60 mis/);
    // Each message under its own field, and one line each under "Mae problem" at the top.
    assert.equal(fieldError(back, "fullName"), "Rhowch eich enw llawn");
    assert.equal(fieldError(back, "town"), "Tref neu ddinas: rhaid i'r ateb fod yn 80 nod neu lai");
    assert.deepEqual(errorSummary(back), ["Rhowch eich enw llawn", "Tref neu ddinas: rhaid i'r ateb fod yn 80 nod neu lai", fieldError(back, "shortestDurationMonths")]);
    assert.match(words, /o dan bob un o'r meysydd/);
    assert.doesNotMatch(words, /Enter your full name|must be/);
  });

  it("a Welsh speaker who sends the form gets the confirmation and their record in Welsh", async () => {
    const gwen = person("Gwen Morgan");
    const manager = person("Huw Davies");
    const sent = await bot.teams.press(personalChat(gwen), gwen, VERBS.submitInterest, interestInput({ fullName: gwen.name, lineManagerId: manager.aadObjectId, lineManagerEmail: "", availableFrom: "2027-03-01", secondmentTypes: "short-term", language: "cy" }), WELSH);
    const text = cardText(sent) + "\n" + JSON.stringify(sent);
    assert.match(text, /Diolch. Mae eich datganiad o ddiddordeb gennym/);
    assert.match(text, /Rydyn ni wedi gofyn i'ch rheolwr llinell gytuno i'ch rhyddhau/);
    assert.match(text, /Fy natganiad o ddiddordeb/);
    assert.match(text, /"title":"Ar gael o","value":"1 Mawrth 2027"/);
    assert.match(text, /Yn aros am y rheolwr llinell/);
    assert.deepEqual(buttons(sent).sort(), ["Dewislen", "Newid", "Tynnu'n ôl"]);
  });

  it("'Language for messages' on the form is the person's language setting: changing it there switches the bot, and 'Change' shows the one in use", async () => {
    const rhys = person("Rhys Evans");
    const manager = person("Nia Hughes");
    await bot.teams.say(personalChat(rhys), rhys, "cymraeg");
    // He opens the form in Welsh, so it comes filled in with Welsh; he picks English instead.
    const form = await bot.teams.press(personalChat(rhys), rhys, VERBS.startInterest, {});
    assert.match(JSON.stringify(form), /"id":"language"[^}]*"value":"cy"/);
    const sent = await bot.teams.press(personalChat(rhys), rhys, VERBS.submitInterest, interestInput({ fullName: rhys.name, lineManagerId: manager.aadObjectId, lineManagerEmail: "", language: "en" }));
    assert.match(cardText(sent), /Thank you/, "answered in the language he chose");
    assert.match(cardText(onlyCard(await bot.teams.say(personalChat(rhys), rhys, "plan"))), /Your 7-step plan/, "and the bot stays in it");
    // He switches back to Welsh by typing; the form to change his details then shows Welsh.
    await bot.teams.say(personalChat(rhys), rhys, "cymraeg");
    const change = await bot.teams.press(personalChat(rhys), rhys, VERBS.startInterest, {});
    assert.match(JSON.stringify(change), /"id":"language"[^}]*"value":"cy"/);
  });

  it("a release request goes to a line manager in the language they chose, whatever the secondee's", async () => {
    const sam = person("Sam Hill");
    const eleri = person("Eleri Price");
    // Eleri (the manager) chose Welsh; Sam writes in English.
    await bot.teams.say(personalChat(eleri), eleri, "Cymraeg");
    const confirmation = await bot.teams.press(personalChat(sam), sam, VERBS.submitInterest, interestInput({ fullName: sam.name, lineManagerId: eleri.aadObjectId, lineManagerEmail: "", availableFrom: "2027-03-01", secondmentTypes: "short-term" }));
    assert.match(cardText(confirmation), /Thank you. We have your expression of interest/, "Sam's own confirmation stays in English");
    // Eleri has a 1:1 chat with the bot already, so the request goes there.
    const isRequest = (x: { body: any }) => x.body.attachments?.[0]?.contentType === CARD && /Sam Hill/.test(JSON.stringify(x.body.attachments[0].content));
    await bot.connector.waitFor(() => bot.connector.to(personalChat(eleri).id).some(isRequest));
    const request = bot.connector.to(personalChat(eleri).id).find(isRequest)!.body.attachments[0].content;
    const text = cardText(request);
    assert.match(text, /A gaiff Sam Hill fynd ar secondiad\?/);
    assert.match(text, /Beth mae cytuno'n ei olygu/);
    assert.match(JSON.stringify(request), /"title":"Ar gael o","value":"1 Mawrth 2027"/);
    assert.match(JSON.stringify(request), /"value":"Tymor byr \(tua 12 wythnos\)"/);
    assert.ok(buttons(request).includes("Cytuno i ryddhau"));
    assert.doesNotMatch(text, /go on a secondment|What agreeing means/);
  });
});

describe("Cymraeg: questions asked in Welsh are answered in Welsh", () => {
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot();
  });
  after(async () => {
    await bot.stop();
  });

  it("answers a Welsh question in Welsh, even for someone who chose English, with a button to see it in English", async () => {
    const sam = person("Sam Hill");
    const chat = personalChat(sam);
    await bot.teams.say(chat, sam, "English");
    const answer = onlyCard(await bot.teams.say(chat, sam, "Oes angen caniatâd fy rheolwr llinell arnaf i gymryd rhan?"));
    const text = cardText(answer);
    assert.match(text, /Caniatâd gan eich rheolwr llinell/);
    assert.match(text, /Eich sefydliad cartref sy'n penderfynu/);
    assert.ok(buttons(answer).includes("Gweld yn Saesneg"));
    const english = JSON.stringify(answer).match(/"title":"Gweld yn Saesneg","verb":"([^"]+)","data":(\{[^}]*\})/)!;
    const inEnglish = await bot.teams.press(chat, sam, english[1]!, JSON.parse(english[2]!));
    assert.match(cardText(inEnglish), /Permission from your line manager/);
    assert.match(cardText(inEnglish), /Your home organisation decides/);
  });

  it("the question prompt from the Welsh menu is in Welsh", async () => {
    const gwen = person("Gwen Morgan");
    const card = await bot.teams.press(personalChat(gwen), gwen, VERBS.askPrompt, {}, WELSH);
    assert.match(cardText(card) + formWords(card), /Gofyn cwestiwn[\s\S]*Eich cwestiwn/);
    assert.deepEqual(buttons(card).sort(), ["Dewislen", "Gofyn"]);
  });

  it("finds Welsh answers through mutated words, and answers English questions in English", async () => {
    const gwen = person("Gwen Morgan");
    const chat = personalChat(gwen);
    const match = onlyCard(await bot.teams.say(chat, gwen, "Oes sicrwydd y caf fy mharu â rôl?", WELSH));
    assert.match(cardText(match), /Dim sicrwydd o baru/);
    const extend = onlyCard(await bot.teams.say(chat, gwen, "Alla i ymestyn fy secondiad?", WELSH));
    assert.match(cardText(extend), /Ymestyn secondiad/);
    const english = onlyCard(await bot.teams.say(chat, gwen, "Can my secondment be extended?", WELSH));
    assert.match(cardText(english), /Extending a secondment/, "an English question gets the English answer, even from a Welsh Teams");
  });
});

describe("Cymraeg: a chosen language sticks across a restart", () => {
  let dataDir: string;
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), "secondment-welsh-"));
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it("a Welsh-locale person who types English keeps English after the app restarts, and can switch back", async () => {
    const rhys = person("Rhys Jones");
    const chat = personalChat(rhys);
    const first = await startTestBot({ DATA_DIR: dataDir });
    try {
      const switched = onlyCard(await first.teams.say(chat, rhys, "English", WELSH));
      assert.match(cardText(switched), /You will now see this app in English/);
      assert.match(cardText(switched), /Welcome to Secondments/);
    } finally {
      await first.stop();
    }
    const second = await startTestBot({ DATA_DIR: dataDir });
    try {
      // Teams still says cy-GB, but the stored choice wins.
      const plan = onlyCard(await second.teams.say(chat, rhys, "plan", WELSH));
      assert.match(cardText(plan), /Your 7-step plan/);
      const back = await second.teams.press(chat, rhys, VERBS.setLanguage, { lang: "cy" });
      assert.match(cardText(back), /Byddwch nawr yn gweld yr ap hwn yn Gymraeg/);
      const menu = onlyCard(await second.teams.say(chat, rhys, "help"));
      assert.match(cardText(menu), /Croeso i Secondiadau/, "Welsh now, even from an English Teams");
    } finally {
      await second.stop();
    }
  });

  it("refuses a language the app does not have, naming the field", async () => {
    const bot = await startTestBot({ DATA_DIR: dataDir });
    try {
      const ana = person("Ana Bell");
      const card = await bot.teams.press(personalChat(ana), ana, VERBS.setLanguage, { lang: "fr" });
      assert.match(cardText(card), /lang must be cy or en-GB/);
    } finally {
      await bot.stop();
    }
  });
});
