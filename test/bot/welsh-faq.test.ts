import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { cardActions, cardText } from "../support/cards";
import { onlyCard, onlyText, person, personalChat, startTestBot, type TestBot } from "../support/teams";

const WELSH = { locale: "cy-GB" };

/** Press the card's "Gweld yn Saesneg" button and return the card it brings. */
async function seeInEnglish(bot: TestBot, card: Parameters<typeof cardActions>[0], who: ReturnType<typeof person>) {
  const button = cardActions(card).find((a) => a.title === "Gweld yn Saesneg");
  assert.ok(button, "the Welsh answer offers it in English");
  return bot.teams.press(personalChat(who), who, button.verb, button.data);
}

describe("Cymraeg: the whole FAQ in Welsh (over HTTP, /api/messages)", () => {
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot();
  });
  after(async () => {
    await bot.stop();
  });

  // Entries first translated for issue 16 part 3: each Welsh question gets the Welsh answer,
  // and "Gweld yn Saesneg" shows the same entry in English.
  const cases: ReadonlyArray<readonly [string, RegExp, RegExp, RegExp]> = [
    ["Pwy sy'n talu fy nghyflog tra bydda i ar secondiad?", /Cyflog a threuliau/, /y sefydliad lletyol sy'n talu eich cyflog/, /Usually the host organisation pays your salary/],
    ["Rydw i ar gontract cyfnod penodol, alla i gymryd rhan?", /Contractau cyfnod penodol/, /all eich secondiad ddim parhau/, /cannot go on past the date your fixed-term contract ends/],
    ["Beth ddylai fy achos busnes ei gynnwys?", /Ysgrifennu achos busnes/, /sut bydd eich gwaith yn cael ei wneud tra byddwch chi i ffwrdd/, /how your work will be covered while you are away/],
    ["Pa sefydliadau yng Nghymru sy'n cynnig secondiadau?", /Sefydliadau a allai eich croesawu/, /Iechyd Cyhoeddus Cymru/, /Public Health Wales/],
    ["Pwy sy'n rheoli fy mherfformiad ar secondiad?", /Eich perfformiad tra byddwch ar secondiad/, /Eich sefydliad lletyol sy'n rheoli eich perfformiad/, /Your host organisation manages your performance/],
  ];
  for (const [question, topic, welshFact, englishFact] of cases) {
    it(`"${question}" is answered in Welsh, and in English at the press of a button`, async () => {
      const sam = person("Sam Hill");
      await bot.teams.say(personalChat(sam), sam, "English");
      const answer = onlyCard(await bot.teams.say(personalChat(sam), sam, question));
      const text = cardText(answer);
      assert.match(text, topic);
      assert.match(text, welshFact);
      assert.doesNotMatch(text, englishFact);
      assert.ok(cardActions(answer).some((a) => a.title === "👍 Roedd hyn o help"));
      const english = cardText(await seeInEnglish(bot, answer, sam));
      assert.match(english, englishFact);
      assert.doesNotMatch(english, welshFact);
    });
  }

  it("a Welsh off-topic question gets a Welsh decline, with the programme team's email", async () => {
    const gwen = person("Gwen Morgan");
    const card = onlyCard(await bot.teams.say(personalChat(gwen), gwen, "Sut mae'r tywydd yn Aberystwyth yfory?"));
    const text = cardText(card);
    assert.match(text, /Mae hynny y tu hwnt i'r hyn rydw i'n ei wybod/);
    assert.match(text, /Gofynnoch chi: "Sut mae'r tywydd yn Aberystwyth yfory\?"/);
    assert.match(text, /secondmentexpertise@cabinetoffice\.gov\.uk/);
    assert.doesNotMatch(text, /outside what I know|You asked/);
    assert.deepEqual(cardActions(card).map((a) => a.title), ["Gofyn cwestiwn arall", "Dewislen"]);
  });

  it("Welsh everyday questions outside the programme get a Welsh off-topic decline, with no topic buttons", async () => {
    const gwen = person("Gwen Morgan");
    for (const question of ["Allwch chi ddweud jôc wrtha i?", "Rydw i wedi anghofio cyfrinair fy ngliniadur gwaith", "Fydd hi'n heulog yn Abertawe dros y penwythnos?"]) {
      const card = onlyCard(await bot.teams.say(personalChat(gwen), gwen, question));
      assert.match(cardText(card), /Mae hynny y tu hwnt i'r hyn rydw i'n ei wybod/, question);
      assert.deepEqual(cardActions(card).map((a) => a.title), ["Gofyn cwestiwn arall", "Dewislen"], question);
    }
  });

  it("understands Welsh synonyms and mutations: 'gweithwyr dros dro', 'fy ngweithwyr'", async () => {
    const gwen = person("Gwen Morgan");
    const temp = onlyCard(await bot.teams.say(personalChat(gwen), gwen, "Ydy gweithwyr dros dro yn cael ymuno â'r rhaglen?"));
    assert.match(cardText(temp), /Contractau cyfnod penodol/);
    const pay = onlyCard(await bot.teams.say(personalChat(gwen), gwen, "Pwy sy'n talu cyflog fy ngweithwyr tra byddan nhw ar secondiad?"));
    assert.match(cardText(pay), /Cyflog a threuliau/);
  });

  it("a Welsh question the material does not cover gets a Welsh decline naming who can answer", async () => {
    const gwen = person("Gwen Morgan");
    const card = onlyCard(await bot.teams.say(personalChat(gwen), gwen, "Beth sy'n digwydd i fy mhensiwn pan fydda i ar secondiad?"));
    const text = cardText(card);
    assert.match(text, /Alla i ddim ateb hynny o ddeunydd y rhaglen/);
    assert.match(text, /Dydy deunydd y rhaglen ddim yn sôn am bensiynau\./);
    assert.match(text, /Gall eich tîm AD ddweud wrthych chi/);
  });

  it("an unclear Welsh question offers the closest Welsh topics, which open in Welsh", async () => {
    const gwen = person("Gwen Morgan");
    const chat = personalChat(gwen);
    const card = onlyCard(await bot.teams.say(chat, gwen, "rheolwr", WELSH));
    assert.match(cardText(card), /Ai un o'r rhain oedd gennych chi mewn golwg\?/);
    const topics = cardActions(card).filter((a) => a.verb === VERBS.openTopic);
    assert.ok(topics.length >= 1 && topics.length <= 3, JSON.stringify(topics));
    const opened = await bot.teams.press(chat, gwen, topics[0]!.verb, topics[0]!.data);
    assert.equal(opened.body[0].text, topics[0]!.title);
    assert.ok(cardActions(opened).some((a) => a.title === "Gweld yn Saesneg"));
  });

  it("feedback on a Welsh answer redraws it in Welsh, even for someone who chose English", async () => {
    const sam = person("Sam Hill");
    const chat = personalChat(sam);
    await bot.teams.say(chat, sam, "English");
    const answer = onlyCard(await bot.teams.say(chat, sam, "Alla i ymestyn fy secondiad?"));
    const helped = cardActions(answer).find((a) => a.title === "👍 Roedd hyn o help")!;
    const thanked = await bot.teams.press(chat, sam, helped.verb, helped.data);
    assert.match(cardText(thanked), /Diolch\. Mae eich adborth yn helpu tîm y rhaglen/);
    assert.match(cardText(thanked), /Ymestyn secondiad/);
  });

  it("thanks in Welsh get a Welsh reply, thanks in English an English one", async () => {
    const sam = person("Sam Hill");
    await bot.teams.say(personalChat(sam), sam, "English");
    assert.match(onlyText(await bot.teams.say(personalChat(sam), sam, "diolch")), /^Croeso\. Gofynnwch unrhyw beth arall/);
    assert.match(onlyText(await bot.teams.say(personalChat(sam), sam, "thanks")), /^You are welcome/);
  });
});
