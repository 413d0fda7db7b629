import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { personKey } from "../../src/domain/person";
import { action, cardText, type Card } from "../support/cards";
import { interestInput } from "../support/forms";
import { person, personalChat, startTestBot, TENANT, type Chat, type Person, type TestBot } from "../support/teams";

const CARD = "application/vnd.microsoft.card.adaptive";

describe("line managers release staff with one click", function () {
  this.timeout(30_000);
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot();
  });
  after(async () => {
    await bot.stop();
  });

  const approvalDoc = async (p: Person) =>
    (await bot.app.store.container("people").item("approval", personKey({ tenantId: TENANT, aadObjectId: p.aadObjectId })).read()).resource;

  /** The secondee sends their interest naming their manager; returns the manager's chat and the card they got. */
  /** `language`: what the form's "Language for messages" says (it comes filled in with the secondee's language). */
  async function askManager(secondee: Person, manager: Person, language: "en" | "cy" = "en"): Promise<{ chat: Chat; card: Card; confirmation: Card }> {
    const confirmation = await bot.teams.press(personalChat(secondee), secondee, VERBS.submitInterest, interestInput({ fullName: secondee.name, lineManagerId: manager.aadObjectId, lineManagerEmail: "", language }));
    await bot.connector.waitFor(() => bot.connector.created.some((c) => c.memberId === manager.aadObjectId));
    const conversationId = bot.connector.created.find((c) => c.memberId === manager.aadObjectId)!.conversationId;
    await bot.connector.waitFor((sent) => sent.some((s) => s.conversationId === conversationId && s.body.attachments?.[0]?.contentType === CARD));
    const card = bot.connector.to(conversationId).find((s) => s.body.attachments?.[0]?.contentType === CARD)!.body.attachments[0].content;
    return { chat: { id: conversationId, type: "personal" }, card, confirmation };
  }

  /** The value of the fact titled `title` on a card (a FactSet line). */
  const fact = (c: Card, title: string): string | undefined => {
    const found: string[] = [];
    const walk = (n: unknown): void => {
      if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === "object") {
        const o = n as Record<string, unknown>;
        if (o.type === "FactSet" && Array.isArray(o.facts)) for (const f of o.facts as { title: string; value: string }[]) if (f.title === title) found.push(f.value);
        Object.values(o).forEach(walk);
      }
    };
    walk(c);
    return found[0];
  };

  /** What the secondee was sent in their chat: each message's text, or its card's words. */
  const toSecondee = (p: Person) =>
    bot.connector
      .to(personalChat(p).id)
      .map((s) => s.body.text ?? (s.body.attachments?.[0]?.contentType === CARD ? cardText(s.body.attachments[0].content) : undefined))
      .filter(Boolean) as string[];

  it("sends the manager a card, and one click on Agree updates it in place and tells the secondee", async () => {
    const ana = person("Ana Jones");
    const sam = person("Sam Lee");
    const { chat, card, confirmation } = await askManager(ana, sam);
    assert.match(cardText(confirmation), /We have asked your line manager to agree to release you/);
    assert.match(cardText(card), /Can Ana Jones go on a secondment\?/);
    assert.match(cardText(card), /What agreeing means/);
    // Teams user ids (29:…) only, from stored 1:1 chats: Sam has never written to the bot, so Teams
    // has not told us his; an Entra id there would match nobody.
    assert.deepEqual(card.refresh.userIds, [ana.id]);
    assert.equal((await approvalDoc(ana)).status, "pending");
    // Chosen in the people picker: no name until the manager answers.
    assert.equal(fact(await bot.teams.press(personalChat(ana), ana, VERBS.showInterest), "Line manager"), "Chosen from Teams");

    const agree = action(card, "Agree to release");
    const updated = await bot.teams.press(chat, sam, agree.verb, agree.data);
    assert.match(cardText(updated), /Agreed by Sam Lee on \d{1,2} \w+ \d{4}\./);
    assert.equal(updated.actions?.length ?? 0, 0, "no buttons once answered");

    const stored = await approvalDoc(ana);
    assert.equal(stored.status, "approved");
    assert.equal(stored.decidedBy.aadObjectId, sam.aadObjectId);
    await bot.connector.waitFor(() => toSecondee(ana).some((t) => /Good news: Sam Lee agreed to release you/.test(t)));
    const plan = await bot.teams.press(personalChat(ana), ana, VERBS.showPlan);
    assert.match(cardText(plan), /2 of 7 steps done/);
    // Once Sam has answered, "My interest" names him.
    assert.equal(fact(await bot.teams.press(personalChat(ana), ana, VERBS.showInterest), "Line manager"), "Sam Lee");

    const refreshed = await bot.teams.press(chat, sam, VERBS.refreshApproval, agree.data);
    assert.match(cardText(refreshed), /Agreed by Sam Lee/);
  });

  it("lets nobody but the named manager decide: a stranger's click changes nothing", async () => {
    const ben = person("Ben Ade");
    const kay = person("Kay Moss");
    const { chat, card } = await askManager(ben, kay);
    const agree = action(card, "Agree to release");
    const stranger = person("Nosy Parker");
    const answer = await bot.teams.press(chat, stranger, agree.verb, agree.data);
    assert.match(cardText(answer), /Only Ben Ade's line manager can answer this request. Nothing has changed./);
    const self = await bot.teams.press(personalChat(ben), ben, agree.verb, agree.data);
    assert.match(cardText(self), /Only Ben Ade's line manager/);
    assert.equal((await approvalDoc(ben)).status, "pending");

    // A refresh shows the whole request: a stranger who sends its id learns nothing from it.
    const peek = await bot.teams.press(personalChat(stranger), stranger, VERBS.refreshApproval, agree.data);
    assert.doesNotMatch(cardText(peek), /Ben Ade|Can .* go on a secondment/);
    assert.match(cardText(peek), /NO-REQUEST/);
  });

  it("makes exactly one decision from 50 clicks at once", async () => {
    const cal = person("Cal Dunn");
    const lou = person("Lou Park");
    const { chat, card } = await askManager(cal, lou);
    const agree = action(card, "Agree to release");
    const clicks = Array.from({ length: 50 }, (_, i) =>
      bot.teams.press(chat, lou, i % 2 ? VERBS.approveRelease : VERBS.declineRelease, { ...agree.data, ...(i % 2 ? {} : { reason: `reason ${i}` }) }),
    );
    const answers = await Promise.all(clicks);
    const stored = await approvalDoc(cal);
    assert.ok(stored.status === "approved" || stored.status === "declined");
    const winners = answers.filter((a) => !/already answered/.test(cardText(a)));
    assert.equal(winners.length, 1, "one click decided; the other 49 were told it was already answered");
    const word = stored.status === "approved" ? "Agreed" : "Declined";
    for (const a of answers) assert.match(cardText(a), new RegExp(`${word} by`), "every card shows the one decision");
    await bot.app.dispatcher.drain(10_000);
    const outcomes = toSecondee(cal).filter((t) => /release you/.test(t));
    assert.equal(outcomes.length, 1, "the secondee is told once");
  });

  it("keeps a declined person's record with the reason, and tells them", async () => {
    const dee = person("Dee Hart");
    const max = person("Max Roe");
    const { chat, card } = await askManager(dee, max);
    const decline = action(card, "Decline");
    const updated = await bot.teams.press(chat, max, decline.verb, { ...decline.data, reason: "We are short-staffed until April." });
    assert.match(cardText(updated), /Declined by Max Roe/);
    assert.match(cardText(updated), /Reason: We are short-staffed until April\./);
    await bot.connector.waitFor(() => toSecondee(dee).some((t) => /did not agree to release you/.test(t) && /short-staffed/.test(t)));
    const mine = await bot.teams.press(personalChat(dee), dee, VERBS.showInterest);
    assert.match(cardText(mine), /Not released/);
    const interest = (await bot.app.store.container("people").item("interest", personKey({ tenantId: TENANT, aadObjectId: dee.aadObjectId })).read()).resource;
    assert.equal(interest.status, "submitted", "the interest itself is kept");
    assert.equal((await approvalDoc(dee)).reason, "We are short-staffed until April.");
  });

  it("tells the secondee plainly when the manager cannot be reached in Teams", async () => {
    const eli = person("Eli Ward");
    const gus = person("Gus Vale");
    bot.connector.unreachableUsers.add(gus.aadObjectId);
    await bot.teams.press(personalChat(eli), eli, VERBS.submitInterest, interestInput({ fullName: eli.name, lineManagerId: gus.aadObjectId, lineManagerEmail: "" }));
    await bot.connector.waitFor(() => toSecondee(eli).some((t) => /could not send your line manager a message in Teams/.test(t)), 10_000);
    assert.equal((await approvalDoc(eli)).status, "unreachable");
    const mine = await bot.teams.press(personalChat(eli), eli, VERBS.showInterest);
    assert.match(cardText(mine), /Line manager not reached/);
  });

  it("cannot ask a manager known only by email, and says what to do", async () => {
    const fay = person("Fay Hope");
    const confirmation = await bot.teams.press(personalChat(fay), fay, VERBS.submitInterest, interestInput({ fullName: fay.name, lineManagerId: "", lineManagerEmail: "boss@example.gov.uk" }));
    const said = cardText(confirmation);
    assert.match(said, /could not find your line manager in Teams from their email address, so we have not asked them yet/);
    // What to do next: check the address, and the manager answers the programme team by email.
    assert.match(said, /Check with them that the address is right/);
    assert.match(said, /email the programme team at secondmentexpertise@cabinetoffice\.gov\.uk/, "names the configured programme team address");
    // Not back to the control that just failed.
    assert.doesNotMatch(said, /'Find your line manager' box|choose them/);
    assert.equal((await approvalDoc(fay)).status, "unreachable");
    // "My expression of interest" says the same under "What to do" (a fact: title and value).
    const mine = JSON.stringify(await bot.teams.press(personalChat(fay), fay, VERBS.showInterest));
    assert.match(mine, /"title":"What to do","value":"We could not find your line manager in Teams from their email address[^"]*email the programme team at secondmentexpertise@cabinetoffice\.gov\.uk/);
    assert.doesNotMatch(mine, /'Find your line manager' box|choose them/);
  });

  it("tells a Welsh secondee in Welsh: a manager not reachable, on the confirmation, the interest card and by message; and the manager's answer", async () => {
    const wyn = person("Wyn Parri");
    await bot.teams.press(personalChat(wyn), wyn, VERBS.setLanguage, { lang: "cy" });
    // Known only by email: the advice is on the confirmation and under "What to do".
    const confirmation = cardText(await bot.teams.press(personalChat(wyn), wyn, VERBS.submitInterest, interestInput({ fullName: wyn.name, lineManagerId: "", lineManagerEmail: "boss@example.gov.uk", language: "cy" })));
    assert.match(confirmation, /Doedden ni ddim yn gallu dod o hyd i'ch rheolwr llinell yn Teams o'u cyfeiriad e-bost/);
    assert.match(confirmation, /anfon e-bost at dîm y rhaglen yn secondmentexpertise@cabinetoffice\.gov\.uk/);
    assert.doesNotMatch(confirmation, /We could not|line manager/);
    const mine = JSON.stringify(await bot.teams.press(personalChat(wyn), wyn, VERBS.showInterest));
    assert.match(mine, /Doedden ni ddim yn gallu dod o hyd i'ch rheolwr llinell/);
    assert.doesNotMatch(mine, /We could not find/);

    // Not installed for the manager: the message that follows is in Welsh too.
    const nia = person("Nia Bryn");
    const ned = person("Ned Bryn");
    await bot.teams.press(personalChat(nia), nia, VERBS.setLanguage, { lang: "cy" });
    bot.connector.unreachableUsers.add(ned.aadObjectId);
    await bot.teams.press(personalChat(nia), nia, VERBS.submitInterest, interestInput({ fullName: nia.name, lineManagerId: ned.aadObjectId, lineManagerEmail: "", language: "cy" }));
    await bot.connector.waitFor(() => toSecondee(nia).some((t) => /Doedden ni ddim yn gallu anfon neges at eich rheolwr llinell yn Teams/.test(t)), 10_000);
    assert.ok(!toSecondee(nia).some((t) => /could not send your line manager/.test(t)), "no English message");

    // A manager who answers: the secondee hears it in Welsh.
    const ifan = person("Ifan Rhys");
    const mair = person("Mair Huws");
    await bot.teams.press(personalChat(ifan), ifan, VERBS.setLanguage, { lang: "cy" });
    const { chat, card } = await askManager(ifan, mair, "cy");
    const agree = action(card, "Agree to release");
    await bot.teams.press(chat, mair, agree.verb, agree.data);
    await bot.connector.waitFor(() => toSecondee(ifan).some((t) => /^Newyddion da: cytunodd Mair Huws i'ch rhyddhau ar gyfer secondiad\./.test(t)));
    assert.ok(!toSecondee(ifan).some((t) => /Good news/.test(t)));
  });

  it("refuses a person naming themselves as their line manager, keeping the form", async () => {
    const hal = person("Hal Nye");
    const form = await bot.teams.press(personalChat(hal), hal, VERBS.submitInterest, interestInput({ fullName: hal.name, lineManagerId: hal.aadObjectId }));
    assert.match(cardText(form), /Choose your line manager, not yourself/);
  });
});
