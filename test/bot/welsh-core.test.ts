import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { action, cardText, walk, type Card } from "../support/cards";
import { interestInput, roleInput } from "../support/forms";
import { onlyCard, onlyText, person, personalChat, startTestBot, type Chat, type TestBot } from "../support/teams";

const CARD = "application/vnd.microsoft.card.adaptive";
const WELSH = { locale: "cy-GB" };

/** Every label, choice title, placeholder and button title on a card. */
const formWords = (card: unknown): string => [...JSON.stringify(card).matchAll(/"(?:label|title|placeholder|errorMessage)":"([^"]*)"/g)].map((m) => m[1]).join("\n");
/** Every title of every button on a card, in order. */
const buttons = (card: unknown): string[] => [...JSON.stringify(card).matchAll(/"type":"Action\.Execute","title":"([^"]*)"/g)].map((m) => m[1]!);
/** Fact titles and values, as "title: value" lines. */
function facts(card: Card): string[] {
  const out: string[] = [];
  walk(card, (n) => {
    if (n.type === "FactSet") for (const f of n.facts ?? []) out.push(`${f.title}: ${f.value}`);
  });
  return out;
}
/** The words a person reads on a card, each on its own line. */
const words = (card: Card) => `${cardText(card)}\n${formWords(card)}\n${facts(card).join("\n")}`;

/** English that must not be left on a Welsh card (whole lines or obvious phrases). */
function assertNoEnglish(card: Card, phrases: readonly string[]): void {
  const all = words(card);
  for (const p of phrases) assert.ok(!all.includes(p), `English left on the Welsh card: ${p}`);
}

describe("Cymraeg: roles, records, business case and the bot's own messages (over HTTP)", function () {
  this.timeout(60_000);
  let bot: TestBot;
  /** Nia chose Welsh with the switch; Gwen's Teams is in Welsh (cy-GB) and she never chose. */
  const nia = person("Nia Hughes");
  const gwen = person("Gwen Morgan");
  const housing: Chat = {
    id: "19:tai-cyffredinol@thread.tacv2",
    type: "channel",
    team: { id: "19:tai-team@thread.tacv2", name: "Tai" },
    channel: { id: "19:tai-cyffredinol@thread.tacv2", name: "Cyffredinol" },
  };
  before(async () => {
    bot = await startTestBot();
    // The app is in a team channel, so the role form from a chat offers it.
    const someone = person("Iolo Rees");
    await bot.teams.say(housing, someone, "<at>Secondments</at> help");
  });
  after(async () => {
    await bot.stop();
  });

  it("a person who chose Welsh gets the Role Matching form in Welsh: labels, hints, choices, grades and buttons", async () => {
    const chat = personalChat(nia);
    await bot.teams.say(chat, nia, "Cymraeg");
    // No Welsh locale on this message: the stored preference decides.
    const form = await bot.teams.press(chat, nia, VERBS.startRole);
    const all = words(form);
    assert.match(all, /Cynnig rôl i secondai/);
    assert.match(all, /Teitl y rôl/);
    assert.match(all, /Beth fydd y secondai yn ei gyflawni/);
    assert.match(all, /Y radd isaf/);
    assert.match(all, /Swyddog Gweithredol Uwch \(HEO\)/, "grades keep their abbreviations");
    assert.match(all, /Llywodraeth leol: Graddfa 1 i 3/);
    assert.match(all, /Heddlu: Rhingyll/);
    assert.match(all, /Mae modd gwneud y rôl yn rhan-amser/);
    assert.match(all, /Dadansoddi data/);
    assert.match(all, /Sianel ar gyfer negeseuon am barau/);
    assert.match(all, /Tai: Cyffredinol/, "the channel keeps its Teams name");
    assert.match(JSON.stringify(form), /"errorMessage":"Rhowch deitl y rôl"/, "Teams' own required message is Welsh too");
    assert.deepEqual(buttons(form).sort(), ["Anfon", "Canslo"]);
    assertNoEnglish(form, ["Role title", "Offer a role", "Lowest grade", "Higher Executive Officer", "Local government", "Police:", "Send", "Cancel", "Select the"]);
  });

  it("a role sent with mistakes comes back with Welsh messages; a good one gives My roles and the withdraw card in Welsh", async () => {
    const chat = personalChat(nia);
    const bad = await bot.teams.press(chat, nia, VERBS.submitRole, roleInput({ title: "", gradeMin: "cs-g7", gradeMax: "cs-heo", durationMonths: "30", notificationChannel: housing.id }));
    const badWords = words(bad);
    assert.match(badWords, /Mae problem/);
    assert.match(badWords, /Rhowch deitl y rôl/);
    assert.match(badWords, /Rhaid i'r radd isaf fod yr un fath â'r radd uchaf, neu'n is na hi/);
    assert.match(badWords, /Hyd: rhaid i'r ateb fod yn 24 mis neu lai/);
    assert.doesNotMatch(badWords, /must be|Enter the role title|Lowest grade/);

    const sent = await bot.teams.press(chat, nia, VERBS.submitRole, roleInput({ notificationChannel: housing.id }));
    const mine = words(sent);
    assert.match(mine, /Diolch\. Mae eich rôl gennym\. Byddwn ni'n postio parau posibl yn Tai: Cyffredinol/);
    assert.match(mine, /Fy rolau/);
    // A sent role reads as the Programme tab reads it: open (no secondment takes its opening yet).
    assert.match(mine, /Ar agor/);
    assert.match(mine, /Mae parau'n mynd i: Tai: Cyffredinol/);
    assert.match(mine, /Hyd: 6 mis/);
    assert.match(mine, /Yn dechrau: \d{1,2} (Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr) \d{4}/);
    assert.deepEqual(buttons(sent), ["Newid", "Tynnu'n ôl", "Cynnig rôl", "Dewislen"]);
    assertNoEnglish(sent, ["My roles", "Sent", "Matches go to", "months", "Change", "Withdraw", "Menu"]);

    const withdraw = action(sent, "Tynnu'n ôl");
    const ask = await bot.teams.press(chat, nia, withdraw.verb, withdraw.data);
    assert.match(cardText(ask), /Tynnu'r rôl “Housing data analyst” yn ôl\?/);
    assert.deepEqual(buttons(ask), ["Ie, tynnu'r rôl yn ôl", "Na, ei chadw"]);
    const yes = action(ask, "Ie, tynnu'r rôl yn ôl");
    const done = await bot.teams.press(chat, nia, yes.verb, yes.data);
    assert.match(cardText(done), /Rydych chi wedi tynnu'r rôl yn ôl\./);
    assert.match(cardText(done), /Wedi'i thynnu'n ôl/);
  });

  it("the same role card is English for someone who did not choose Welsh", async () => {
    const sam = person("Sam Hill");
    const sent = await bot.teams.press(personalChat(sam), sam, VERBS.submitRole, roleInput({ notificationChannel: housing.id }));
    assert.match(cardText(sent), /Thank you\. We have your role/);
    assert.match(facts(sent).join("\n"), /Length: 6 months/);
    assert.match(facts(sent).join("\n"), /Grade: Higher Executive Officer \(HEO\) to Grade 7 \(G7\)/);
  });

  it("a Welsh speaker's business case: the form, a form error, and the shared record are in Welsh", async () => {
    const chat = personalChat(gwen);
    const form = onlyCard(await bot.teams.say(chat, gwen, "achos busnes", WELSH));
    const formText = words(form);
    assert.match(formText, /Eich achos busnes/);
    assert.match(formText, /Pam rydych chi eisiau mynd ar secondiad\?/);
    assert.match(formText, /Gall pob ateb fod hyd at 2,000 nod/);
    assert.deepEqual(buttons(form), ["Rhannu gyda fy rheolwr llinell", "Cadw drafft", "Dewislen"]);

    // Sharing with one answer too short: the error names the field, in Welsh, and keeps the answers.
    const short = await bot.teams.press(chat, gwen, VERBS.shareBusinessCase, { reason: "Dysgu.", skillsToGain: "", offerToHost: "", benefitOnReturn: "", jobCover: "" }, WELSH);
    const shortText = words(short);
    assert.match(shortText, /Mae problem/);
    assert.match(shortText, /Y rheswm dros y secondiad: rhaid i'r ateb fod yn 20 nod neu fwy\. Dywedwch ychydig mwy\./);
    assert.match(shortText, /Rhowch sut bydd eich swydd yn cael ei chyflenwi tra byddwch chi i ffwrdd/);
    assert.match(JSON.stringify(short), /"value":"Dysgu\."/, "what was typed is kept");
    assertNoEnglish(short, ["must be", "Enter how", "There is a problem"]);

    // An empty draft is refused in Welsh too.
    const empty = await bot.teams.press(chat, gwen, VERBS.saveBusinessCase, {}, WELSH);
    assert.match(words(empty), /Rhowch o leiaf un ateb cyn i chi gadw drafft/);

    // No line manager yet: saved as a draft, with a Welsh warning.
    const saved = await bot.teams.press(
      chat,
      gwen,
      VERBS.shareBusinessCase,
      {
        reason: "Rydw i eisiau dysgu sut mae cyngor yn defnyddio data tai.",
        skillsToGain: "Modelu galw a gweithio gyda chynghorwyr lleol.",
        offerToHost: "Pum mlynedd o brofiad polisi a chysylltiadau da.",
        benefitOnReturn: "Bydd ein tîm yn deall sut mae polisi'n glanio'n lleol.",
        jobCover: "Bydd Sam yn camu i fyny a bydd y gwaith achos yn cael ei rannu.",
      },
      WELSH,
    );
    assert.match(words(saved), /Dydyn ni ddim wedi rhannu eich achos busnes, oherwydd dydyn ni ddim yn gwybod pwy yw eich rheolwr llinell/);
    assert.match(words(saved), /Rydyn ni wedi cadw eich atebion fel drafft\. Mae cam 4 eich cynllun ar waith\./);
  });

  it("a business case shared with a line manager who chose Welsh reaches them in Welsh, while the secondee's own card stays English", async () => {
    const sam = person("Sam Hill");
    const eleri = person("Eleri Price");
    await bot.teams.say(personalChat(eleri), eleri, "Cymraeg");
    // Sam (English) names Eleri; she agrees to release him, so her name is known.
    await bot.teams.press(personalChat(sam), sam, VERBS.submitInterest, interestInput({ fullName: sam.name, lineManagerId: eleri.aadObjectId, lineManagerEmail: "" }));
    const isCard = (s: { body: any }) => s.body.attachments?.[0]?.contentType === CARD;
    const isRequest = (s: { body: any }) => isCard(s) && /A gaiff Sam Hill fynd ar secondiad/.test(JSON.stringify(s.body.attachments[0].content));
    await bot.connector.waitFor(() => bot.connector.to(personalChat(eleri).id).some(isRequest));
    const request = bot.connector.to(personalChat(eleri).id).find(isRequest)!.body.attachments[0].content;
    const agree = action(request, "Cytuno i ryddhau");
    await bot.teams.press(personalChat(eleri), eleri, agree.verb, agree.data);

    const answers = {
      reason: "I want to learn how a local council uses housing data to plan its services.",
      skillsToGain: "Modelling demand, working with councillors and explaining data to the public.",
      offerToHost: "Five years of policy experience and good links with the department's analysts.",
      benefitOnReturn: "Our team will understand how national housing policy lands in local areas.",
      jobCover: "Sam Lee will act up into my role, and the casework will be shared across the team.",
    };
    const shared = await bot.teams.press(personalChat(sam), sam, VERBS.shareBusinessCase, answers);
    assert.match(cardText(shared), /We have sent your business case to Eleri Price/, "Sam's own card stays in English");

    const isCase = (s: { body: any }) => isCard(s) && /Achos busnes gan Sam Hill/.test(JSON.stringify(s.body.attachments[0].content));
    await bot.connector.waitFor(() => bot.connector.to(personalChat(eleri).id).some(isCase));
    const sent = bot.connector.to(personalChat(eleri).id).find(isCase)!.body;
    assert.equal(sent.summary, "Achos busnes gan Sam Hill");
    const managerCard = sent.attachments[0].content;
    const text = cardText(managerCard);
    assert.match(text, /Mae Sam Hill wedi ysgrifennu achos busnes ar gyfer secondiad a'i rannu gyda chi, fel eu rheolwr llinell, ar \d{1,2} \S+ \d{4}\./);
    assert.match(text, /Pam maen nhw eisiau secondiad/);
    assert.match(text, /I want to learn how a local council uses housing data/, "the answers stay as Sam wrote them");
    assert.doesNotMatch(text, /Business case from|Why they want/);
  });

  it("the bot's own messages are Welsh: a near-miss command, a refused button, a message with no text", async () => {
    const chat = personalChat(gwen);
    // "cynlun" is one letter from "cynllun": the bot takes it as that command (there is no separate "did you mean").
    const plan = onlyCard(await bot.teams.say(chat, gwen, "cynlun", WELSH));
    assert.match(cardText(plan), /Eich cynllun 7 cam/);
    const roles = onlyCard(await bot.teams.say(chat, gwen, "fy rolau", WELSH));
    assert.match(cardText(roles), /Fy rolau/);

    const refused = await bot.teams.press(chat, gwen, VERBS.withdrawInterest, { version: "x" }, WELSH);
    assert.match(cardText(refused), /Anfonodd y botwm hwnnw rywbeth na allaf ei ddefnyddio \(version: rhaid iddo fod yn rhif\)\. Dyma'r ddewislen\./);
    const refusedRole = await bot.teams.press(chat, gwen, VERBS.editRole, { roleId: 42 }, WELSH);
    assert.match(cardText(refusedRole), /\(roleId: math anghywir o werth\)/);

    assert.equal(onlyText(await bot.teams.say(chat, gwen, "", WELSH)), "Dim ond testun rydw i'n gallu ei ddarllen. Teipiwch gwestiwn, neu teipiwch **cymorth** i weld beth rydw i'n gallu ei wneud.");
    assert.match(onlyText(await bot.teams.say(chat, gwen, "pam ".repeat(200), WELSH)), /Mae'r neges honno'n rhy hir i mi\. Gofynnwch eich cwestiwn mewn 500 nod neu lai\./);
  });

  it("withdrawing an expression of interest is in Welsh", async () => {
    const chat = personalChat(gwen);
    const ask = await bot.teams.press(chat, gwen, VERBS.withdrawInterest, {}, WELSH);
    assert.match(cardText(ask), /Tynnu eich datganiad o ddiddordeb yn ôl\?/);
    assert.deepEqual(buttons(ask), ["Ie, ei dynnu'n ôl", "Na, ei gadw"]);
    const none = await bot.teams.press(chat, gwen, VERBS.confirmWithdrawInterest, {}, WELSH);
    assert.match(cardText(none), /Does gennych chi ddim datganiad o ddiddordeb i'w dynnu'n ôl\./);
  });
});

describe("Cymraeg: the apology when a turn fails (over HTTP)", () => {
  it("a message from a Welsh Teams gets the store-outage card in Welsh, with the reference", async () => {
    const bot = await startTestBot();
    try {
      const gwen = person("Gwen Morgan");
      await bot.app.store.close(); // the store stops answering: not even her stored choice can be read
      const card = onlyCard(await bot.teams.say(personalChat(gwen), gwen, "cynllun", WELSH));
      const text = cardText(card);
      assert.match(text, /Mae'n ddrwg gennym, mae problem gyda'r gwasanaeth/);
      assert.match(text, /Rhowch gynnig arall arni ymhen ychydig funudau/);
      assert.match(text, /rhowch y cyfeirnod [0-9A-F]{8}\./);
      assert.deepEqual(buttons(card), ["Dewislen"]);
      assert.doesNotMatch(text, /Sorry|try again|reference/);
    } finally {
      await bot.stop();
    }
  });
});
