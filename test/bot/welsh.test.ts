import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { VERBS } from "../../cards";
import { cardText } from "../support/cards";
import { onlyCard, person, personalChat, startTestBot, type TestBot } from "../support/teams";

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
    assert.deepEqual(buttons(card).sort(), ["English", "Cynnig rôl", "Fy nghynllun 7 cam", "Gofyn cwestiwn", "Mynegi diddordeb"].sort());
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
