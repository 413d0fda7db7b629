import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { DEMO_TENANT_ID, demoAppEnv } from "../../src/demo/people";
import { reminderSlot } from "../../src/programme/stuck";
import { action, cardText, type Card } from "../support/cards";
import { interestInput } from "../support/forms";
import { demoPerson, person, personalChat, startTestBot, type Person, type TestBot } from "../support/teams";
import { apiCall, devSignIn } from "../support/tab";

/**
 * "Send a reminder" in the Programme tab, under fake time over Christmas 2026: at most one reminder
 * per item per WORKING day in England and Wales. Friday 25 December is Christmas Day, Saturday 26
 * and Sunday 27 are the weekend, and Monday 28 December is the substitute Boxing Day bank holiday,
 * so a reminder pressed on any of those days counts against Tuesday 29 December.
 */
describe("programme: stuck-item reminders, one per working day (fake time)", function () {
  this.timeout(60_000);
  let bot: TestBot;
  let clock = new Date("2026-12-24T10:00:00Z");
  const tom = demoPerson("programmeTeam");
  const demo = (name: string): Person => ({ ...person(name), tenantId: DEMO_TENANT_ID });
  const cai = demo("Cai Rees");
  const manager = demo("Gwen Morgan");
  let token = "";

  const call = (method: "GET" | "POST", path: string, body?: unknown) => apiCall(bot.app.url, token, method, path, body);
  const remindOn = async (instant: string) => {
    clock = new Date(instant);
    const items = (await call("GET", "/api/programme/stuck")).json.items as any[];
    const release = items.find((i) => i.kind === "release")!;
    return (await call("POST", "/api/programme/stuck/remind", { id: release.id })).json as { sent: boolean; message: string };
  };
  const queued = async () =>
    (await bot.app.store.container("outbox").items.query<{ id: string; activity: { attachments: { content: Card }[] } }>("SELECT c.id, c.activity FROM c WHERE c.purpose = 'programme-reminder'").fetchAll()).resources;

  before(async () => {
    bot = await startTestBot(demoAppEnv(), undefined, { now: () => clock, schedulerPollMs: 60_000 });
    // The line manager reads Welsh: the reminder goes to them in Welsh, whatever the team member reads.
    await bot.teams.press(personalChat(manager), manager, VERBS.setLanguage, { lang: "cy" });
    await bot.teams.press(personalChat(cai), cai, VERBS.submitInterest, interestInput({ fullName: "Cai Rees", availableFrom: "2027-06-01", lineManagerId: manager.aadObjectId, lineManagerEmail: "" }));
    token = await devSignIn(bot.app.url, "programmeTeam");
    await bot.teams.say(personalChat(tom), tom, "hello");
  });
  after(async () => {
    await bot?.stop();
  });

  it("knows which working day a reminder counts against", () => {
    assert.deepEqual(reminderSlot("2026-12-24"), { day: "2026-12-24", next: "2026-12-29" }, "Thursday: the next working day is after Christmas, the weekend and Boxing Day's substitute");
    assert.deepEqual(reminderSlot("2026-12-25"), { day: "2026-12-29", next: "2026-12-30" }, "Christmas Day counts against Tuesday");
    assert.deepEqual(reminderSlot("2026-12-26"), { day: "2026-12-29", next: "2026-12-30" }, "Saturday too");
    assert.deepEqual(reminderSlot("2026-12-28"), { day: "2026-12-29", next: "2026-12-30" }, "and the substitute bank holiday");
    assert.deepEqual(reminderSlot("2027-01-08"), { day: "2027-01-08", next: "2027-01-11" }, "an ordinary Friday: next is Monday");
  });

  it("sends once on Thursday, once for the holiday-and-weekend stretch, once on Wednesday", async () => {
    const thursday = await remindOn("2026-12-24T10:00:00Z");
    assert.equal(thursday.sent, true);
    const again = await remindOn("2026-12-24T16:30:00Z");
    assert.equal(again.sent, false);
    assert.equal(again.message, "A reminder about this has already been sent for this working day. You can send another on 29 December 2026.");

    assert.equal((await remindOn("2026-12-25T11:00:00Z")).sent, true, "Christmas Day counts against Tuesday 29th, which has had none");
    for (const day of ["2026-12-26T09:00:00Z", "2026-12-27T09:00:00Z", "2026-12-28T09:00:00Z", "2026-12-29T09:00:00Z"]) {
      const r = await remindOn(day);
      assert.equal(r.sent, false, day);
      assert.match(r.message, /another on 30 December 2026/, day);
    }
    assert.equal((await remindOn("2026-12-30T09:00:00Z")).sent, true, "Wednesday is a new working day");

    const sent = await queued();
    assert.deepEqual(sent.map((m) => m.id.split(":")[2]).sort(), ["2026-12-24", "2026-12-29", "2026-12-30"]);
    // Each is the request card itself, with the reminder on it, in the line manager's language.
    for (const m of sent) {
      const card = m.activity.attachments[0].content;
      assert.match(cardText(card), /Nodyn atgoffa gan dîm y rhaglen secondiadau: mae Cai Rees wedi gofyn/, "in the line manager's language");
      assert.ok(action(card, "Cytuno i ryddhau"), "with the Welsh button to agree");
    }
    const audit = (await call("GET", "/api/programme/audit")).json.entries.filter((e: any) => e.action === "reminder");
    assert.equal(audit.length, 3, "only the reminders sent are audited");
  });
});
