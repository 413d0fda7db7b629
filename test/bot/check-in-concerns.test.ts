import assert from "node:assert/strict";
import sinon from "sinon";
import { VERBS } from "../../cards";
import { recordCheckInSent } from "../../src/domain/secondment";
import type { SecondmentStore } from "../../src/store/secondments";
import { cardText } from "../support/cards";
import { whileTimeFlows } from "../support/drain";
import { must, seedSecondment, startSecondmentBot } from "../support/secondments";
import { person, personalChat, type Person, type TestBot } from "../support/teams";

/**
 * Concerns raised in a keeping-in-touch check-in reach someone who can act: the secondee's go to
 * their home line manager; the home line manager's go to the programme team, saying only that
 * there are concerns and whom to ask (what they typed may hold health details, so it stays put).
 */
describe("concerns raised in a check-in", function () {
  this.timeout(60_000);
  let clock: sinon.SinonFakeTimers;
  let bot: TestBot;
  let secondments: SecondmentStore;
  const pat = person("Pat Programme");

  before(async () => {
    ({ clock, bot, secondments } = await startSecondmentBot("2027-03-01T10:00:00Z", pat));
  });
  after(async () => {
    await bot.stop();
    clock.restore();
  });

  const textsTo = (p: Person): string[] => {
    const chat = bot.connector.created.find((c) => c.memberId === p.aadObjectId)?.conversationId ?? personalChat(p).id;
    return bot.connector.to(chat).map((s) => String(s.body.text ?? ""));
  };

  async function activeWithCheckIn(): Promise<{ ana: Person; sam: Person; sid: string }> {
    const ana = person("Ana Jones");
    const sam = person("Sam Lee");
    const vic = person("Vic Osei");
    const sid = await seedSecondment({ secondments, serviceUrl: bot.connector.url, ana, sam, vic, status: "active" });
    await secondments.update(sid, (current) => ({ next: must(recordCheckInSent(current!, 1, "2027-03-01", new Date())), result: undefined }));
    return { ana, sam, sid };
  }

  it("a home line manager's concerns go to the programme team, without what they wrote", async () => {
    const { sam, sid } = await activeWithCheckIn();
    const said = await bot.teams.press(personalChat(sam), sam, VERBS.answerCheckIn, { secondmentId: sid, n: 1, going: "concerns", issues: "Ana has been off sick with anxiety for two weeks.", changes: "", forReturn: "" });
    assert.match(cardText(said), /Check-in 1: thank you/);
    await whileTimeFlows(clock, () => bot.connector.waitFor(() => textsTo(pat).some((t) => /concerns/.test(t)), 10_000));
    const note = textsTo(pat).find((t) => /concerns/.test(t))!;
    assert.match(note, /Sam Lee/);
    assert.match(note, /Ana Jones/);
    assert.match(note, /check-in 1/);
    assert.match(note, /Homes England/, "which secondment");
    assert.doesNotMatch(note, /anxiety|off sick|two weeks/, "what the manager wrote stays with the check-in");
    assert.equal(textsTo(sam).filter((t) => /concerns/.test(t)).length, 0, "the manager is not told about their own concerns");
  });

  it("a secondee's concerns still go to their home line manager, not the programme team", async () => {
    const before = textsTo(pat).length;
    const { ana, sam, sid } = await activeWithCheckIn();
    await bot.teams.press(personalChat(ana), ana, VERBS.answerCheckIn, { secondmentId: sid, n: 1, going: "concerns", issues: "The workload is too high.", changes: "", forReturn: "" });
    await whileTimeFlows(clock, () => bot.connector.waitFor(() => textsTo(sam).some((t) => /raised concerns in check-in 1/.test(t)), 10_000));
    assert.equal(textsTo(pat).length, before, "nothing to the programme team");
  });
});
