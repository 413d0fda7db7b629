import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { VERBS } from "../../cards";
import { action, cardText, type Card } from "../support/cards";
import { interestInput, roleInput } from "../support/forms";
import { safeId } from "../../src/store/conversations";
import { onlyCard, person, personalChat, startTestBot, TENANT, type Chat, type Person, type TestBot } from "../support/teams";

const CARD = "application/vnd.microsoft.card.adaptive";
/** Every title of every button on a card. */
const buttons = (card: unknown): string[] => [...JSON.stringify(card).matchAll(/"type":"Action\.(?:Execute|ShowCard)","title":"([^"]*)"/g)].map((m) => m[1]!);

/**
 * Issue 16, part 2: a team channel's cards go in the channel's language, which its vacancy holder
 * chooses (default English); a person's match card goes in their own language. Over HTTP, with the
 * real store, across a restart.
 */
describe("Cymraeg in a team channel: the channel's language and the secondee's", function () {
  this.timeout(120_000);
  let dataDir: string;
  const pat = person("Pat Programme");
  const vic = person("Vic Osei");
  const nosy = person("Nosy Neighbour");
  const gwen = person("Gwen Morgan");
  const tai: Chat = { id: "19:tai-cymraeg@thread.tacv2", type: "channel", team: { id: "19:tai-team@thread.tacv2", name: "Tai" }, channel: { id: "19:tai-cymraeg@thread.tacv2", name: "Cyffredinol" } };
  const env = () => ({ DATA_DIR: dataDir, PROGRAMME_TEAM_AAD_IDS: pat.aadObjectId });

  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), "secondment-channel-lang-"));
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  const cardsIn = (bot: TestBot, conversationId: string): Card[] =>
    bot.connector.to(conversationId).filter((s) => s.body.attachments?.[0]?.contentType === CARD).map((s) => s.body.attachments[0].content);
  const chatOf = (bot: TestBot, p: Person) => bot.connector.created.find((c) => c.memberId === p.aadObjectId)?.conversationId;

  it("only the vacancy holder can switch the channel to Welsh; the welcome card offers the switch", async () => {
    const bot = await startTestBot(env());
    try {
      const welcome = onlyCard(await bot.teams.say(tai, vic, "<at>Secondments</at> help"));
      assert.match(cardText(welcome), /Secondments is now in this team/);
      assert.ok(buttons(welcome).includes("Cymraeg"), "the English channel card offers Cymraeg");
      await bot.teams.press(tai, vic, VERBS.submitRole, roleInput());

      // Someone in the channel who holds no role here cannot change it, by button or by typing.
      const refused = await bot.teams.press(tai, nosy, VERBS.setLanguage, { lang: "cy" });
      assert.match(cardText(refused), /Only the vacancy holder of a role linked to this channel/);
      assert.match(cardText(refused), /This channel gets its cards in English/);
      assert.match(cardText(onlyCard(await bot.teams.say(tai, nosy, "<at>Secondments</at> Cymraeg"))), /Only the vacancy holder of a role linked to this channel/);
      const stillEnglish = onlyCard(await bot.teams.say(tai, nosy, "<at>Secondments</at> help"));
      assert.match(cardText(stillEnglish), /Secondments is now in this team/);
      const stored = () => bot.app.store.container("conversations").item(`lang:${safeId(tai.id)}`, TENANT).read();
      assert.equal((await stored()).resource, undefined, "nothing stored for the channel");

      // A bad value is refused by the schema, naming the field.
      assert.match(cardText(await bot.teams.press(tai, vic, VERBS.setLanguage, { lang: "fr" })), /lang must be cy or en-GB/);

      // The vacancy holder types Cymraeg: the channel's card comes back in Welsh, with the switch back.
      const welsh = onlyCard(await bot.teams.say(tai, vic, "<at>Secondments</at> Cymraeg"));
      assert.match(cardText(welsh), /Bydd y sianel hon nawr yn cael ei chardiau yn Gymraeg/);
      assert.match(cardText(welsh), /Mae Secondiadau bellach yn y tîm hwn/);
      assert.deepEqual(buttons(welsh).sort(), ["Cynnig rôl", "English"]);
      assert.doesNotMatch(cardText(welsh), /Secondments is now in this team|Offer a role below/);
      assert.match(cardText(welsh), /gyda'r geiriau "cynnig rôl"/, "the Welsh welcome names the Welsh command");
      assert.doesNotMatch(cardText(welsh), /offer a role/i);
      const roleForm = onlyCard(await bot.teams.say(tai, vic, "<at>Secondments</at> cynnig rôl"));
      // (The form itself is in Vic's own language: he fills it in.)
      assert.match(cardText(roleForm), /Offer a role for a secondee/, "the Welsh command it names works in the channel");
      assert.equal((await stored()).resource?.lang, "cy", "the choice is stored with the channel");
      // Vic's own chats stay in his language: the switch in a channel is the channel's.
      const menu = onlyCard(await bot.teams.say(personalChat(vic), vic, "help"));
      assert.match(cardText(menu), /Welcome to Secondments/);
    } finally {
      await bot.stop();
    }
  });

  it("after a restart the channel is still Welsh, and a Welsh-preference secondee gets their card in Welsh", async () => {
    const bot = await startTestBot(env());
    try {
      // A new instance reads the channel's choice from the store.
      const welcome = onlyCard(await bot.teams.say(tai, vic, "<at>Secondments</at> help"));
      assert.match(cardText(welcome), /Mae Secondiadau bellach yn y tîm hwn/);

      // Gwen chose Welsh for herself; her line manager did not.
      await bot.teams.say(personalChat(gwen), gwen, "Cymraeg");
      const manager = person("Huw Davies");
      await bot.teams.press(personalChat(gwen), gwen, VERBS.submitInterest, interestInput({ fullName: gwen.name, skillsOffered: "data-analysis,statistics", lineManagerId: manager.aadObjectId, lineManagerEmail: "", adjustments: "I use a screen reader", language: "cy" }));
      await bot.connector.waitFor(() => Boolean(chatOf(bot, manager)) && cardsIn(bot, chatOf(bot, manager)!).length > 0, 10_000);
      const agree = action(cardsIn(bot, chatOf(bot, manager)!)[0]!, "Agree to release");
      await bot.teams.press({ id: chatOf(bot, manager)!, type: "personal" }, manager, agree.verb, agree.data);

      // The programme team reads suggestions in their own language (English here).
      const fits = (c: Card) => JSON.stringify(c).includes("Confirm Gwen Morgan");
      await bot.connector.waitFor(() => Boolean(chatOf(bot, pat)) && cardsIn(bot, chatOf(bot, pat)!).some(fits), 10_000);
      const suggestions = cardsIn(bot, chatOf(bot, pat)!).filter(fits).at(-1)!;
      assert.match(cardText(suggestions), /Suggested matches/);
      const confirm = action(suggestions, "Confirm Gwen Morgan");
      await bot.teams.press({ id: chatOf(bot, pat)!, type: "personal" }, pat, confirm.verb, confirm.data);

      // The channel's card is in Welsh, and never shows adjustments.
      await bot.connector.waitFor(() => cardsIn(bot, tai.id).some((c) => /Pâr posibl ar gyfer/.test(cardText(c))), 10_000);
      const channelCard = cardsIn(bot, tai.id).find((c) => /Pâr posibl ar gyfer/.test(cardText(c)))!;
      const channelText = cardText(channelCard);
      assert.match(channelText, /Pâr posibl ar gyfer Housing data analyst: Gwen Morgan/);
      assert.match(channelText, /Pam rydyn ni wedi awgrymu hyn/);
      assert.match(channelText, /Sgiliau sydd eu hangen ar y rôl ac sydd ganddyn nhw: Dadansoddi data/);
      assert.match(channelText, /deiliad y swydd wag yn trefnu sgwrs anffurfiol gyda Gwen Morgan/);
      assert.deepEqual(buttons(channelCard).sort(), ["Adnewyddu", "Anfon", "Ddim yn addas", "Fe wna i drefnu'r sgwrs anffurfiol"]);
      assert.doesNotMatch(channelText, /Possible match|Why we suggested|Skills the role needs/);
      assert.match(JSON.stringify(channelCard), /"title":"Gradd","value":"Swyddog Gweithredol Uwch \(HEO\)"/, "the grade is named in Welsh");
      assert.doesNotMatch(JSON.stringify(channelCard), /Higher Executive Officer|Grade 7 \(G7\)/, "no English grade names");
      assert.doesNotMatch(JSON.stringify(channelCard), /screen reader/);

      // Gwen's own card is in Welsh, written to her.
      const gwenChat = personalChat(gwen).id;
      await bot.connector.waitFor(() => cardsIn(bot, gwenChat).some((c) => /Mae gennych chi bâr posibl/.test(cardText(c))), 10_000);
      const gwenCard = cardsIn(bot, gwenChat).find((c) => /Mae gennych chi bâr posibl/.test(cardText(c)))!;
      assert.match(cardText(gwenCard), /Mae gennych chi bâr posibl: Housing data analyst/);
      assert.match(cardText(gwenCard), /Nid cyfweliad yw hwn/);
      assert.match(cardText(gwenCard), /Sgiliau sydd eu hangen ar y rôl ac sydd gennych chi/);
      assert.doesNotMatch(cardText(gwenCard), /possible match|ganddyn nhw/i);
      assert.doesNotMatch(JSON.stringify(gwenCard), /Higher Executive Officer/);
      assert.ok(buttons(gwenCard).includes("Rydw i eisiau bwrw ymlaen"));

      // The vacancy holder acts on the channel card: the answer and the replaced card stay Welsh.
      const arrange = action(channelCard, "Fe wna i drefnu'r sgwrs anffurfiol");
      const arranged = await bot.teams.press(tai, vic, arrange.verb, arrange.data);
      assert.match(cardText(arranged), /Diolch\. Rydych chi'n trefnu'r sgwrs anffurfiol/);
      assert.match(cardText(arranged), /Mae Vic Osei yn trefnu'r sgwrs anffurfiol/);
      // Someone else pressing it is told, in the channel's language, that they cannot.
      const refused = await bot.teams.press(tai, nosy, VERBS.hostProceeds, arrange.data);
      assert.match(cardText(refused), /Dim ond deiliad y swydd wag ar gyfer y rôl hon/);

      // Gwen says no: a reason is required (in Welsh), then the channel hears in Welsh.
      const no = action(gwenCard, "Anfon");
      assert.ok(buttons(gwenCard).includes("Dydw i ddim eisiau bwrw ymlaen"));
      assert.equal(no.verb, VERBS.secondeeDeclines);
      const empty = await bot.teams.press(personalChat(gwen), gwen, no.verb, { ...no.data, reason: "  " });
      assert.match(cardText(empty), /Rhowch reswm/);
      const m0 = (await bot.app.store.container("matches").item(String(no.data.matchId), String(no.data.matchId)).read()).resource;
      assert.equal(m0.status, "meeting", "nothing changed without a reason");
      const said = await bot.teams.press(personalChat(gwen), gwen, no.verb, { ...no.data, reason: "Mae'r daith yn rhy hir" });
      assert.match(cardText(said), /Diolch\. Rydyn ni wedi nodi nad ydych chi eisiau bwrw ymlaen/);
      assert.match(cardText(said), /Ddim yn mynd yn ei flaen: Mae'r daith yn rhy hir/);
      await bot.connector.waitFor(() => bot.connector.to(tai.id).some((s) => /Mae Gwen Morgan wedi penderfynu peidio â bwrw ymlaen/.test(s.body.text ?? "")), 10_000);
      // The programme team hears in English, their language.
      await bot.connector.waitFor(() => bot.connector.to(chatOf(bot, pat)!).some((s) => /The match of Gwen Morgan with Housing data analyst/.test(s.body.text ?? "")), 10_000);
    } finally {
      await bot.stop();
    }
  });
});
