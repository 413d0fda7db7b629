import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { newSecondment, type AgreementTerms, type Secondment } from "../../src/domain/secondment";
import { personKey } from "../../src/domain/person";
import { describeStuck, reminderMessages, stuckItems } from "../../src/programme/stuck";
import { SecondmentStore } from "../../src/store/secondments";
import { startTestBot, TENANT, type TestBot } from "../support/teams";

/** Agreements waiting for confirmations and overdue check-ins, read from the store, with fixed reminder ids. */
describe("programme: what is stuck", function () {
  this.timeout(30_000);
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot();
  });
  after(async () => {
    await bot.stop();
  });

  const secondment = (title: string, now: Date): Secondment => {
    const secondee = { tenantId: TENANT, aadObjectId: randomUUID() };
    const host = { tenantId: TENANT, aadObjectId: randomUUID() };
    return newSecondment({
      matchId: `match:role-${randomUUID()}:${personKey(secondee)}`,
      tenantId: TENANT,
      serviceUrl: bot.connector.url,
      opening: { id: `role-${randomUUID()}`, title, organisation: "Homes England", channelConversationId: "19:x@thread.tacv2" },
      secondee: { ...secondee, name: "Eira Price", key: personKey(secondee) },
      homeManager: { aadObjectId: randomUUID(), name: "Huw Lewis" },
      host: { aadObjectId: host.aadObjectId, name: "Nia Evans", key: personKey(host) },
      homeOrganisation: "Department for Education",
      capMonths: 12,
      now,
    });
  };

  it("lists an agreement waiting for two confirmations and a check-in overdue by working days, with who to remind", async () => {
    const store = new SecondmentStore(bot.app.store.container("secondments"));
    const created = new Date("2026-11-02T10:00:00Z");
    const agreeing: Secondment = { ...secondment("Policy lead", created), terms: { startDate: "2027-01-04", endDate: "2027-07-03" } as AgreementTerms, termsVersion: 1, confirmations: { host: { at: created.toISOString(), version: 1 } } };
    const active: Secondment = {
      ...secondment("Data analyst", created),
      status: "active",
      startedAt: created.toISOString(),
      checkIns: [
        { n: 1, date: "2026-11-09", sentAt: "2026-11-09T09:00:00Z", answers: { secondee: { going: "well", at: "2026-11-09T12:00:00Z" } } },
        { n: 2, date: "2026-12-01", sentAt: "2026-12-01T09:00:00Z", answers: {} },
      ],
    };
    await store.createOrGet(agreeing);
    await store.createOrGet(active);
    const c = bot.app.store;
    const items = await stuckItems(c.container("people"), c.container("matches"), c.container("secondments"), "2026-12-07");
    const agreement = items.find((i) => i.kind === "agreement")!;
    assert.deepEqual(describeStuck("en-GB", agreement.facts), { title: "Agreement for Eira Price: Policy lead", waitingOn: "Confirmation from the secondee and the home line manager" });
    assert.deepEqual(describeStuck("cy", agreement.facts), { title: "Cytundeb ar gyfer Eira Price: Policy lead", waitingOn: "Cadarnhad gan y secondai a'r rheolwr llinell cartref" });
    assert.equal(agreement.days, 35);
    assert.equal(agreement.recipients.length, 2);
    const checkIns = items.filter((i) => i.kind === "check-in");
    // Check-in 1 is overdue (sent 9 November, the home line manager has not answered); check-in 2 was
    // sent 1 December, and 5 working days later is 8 December: not overdue on 7 December.
    assert.deepEqual(checkIns.map((i) => describeStuck("en-GB", i.facts).title), ["Check-in 1: Eira Price, Data analyst"]);
    assert.equal(describeStuck("en-GB", checkIns[0]!.facts).waitingOn, "An answer from the home line manager");
    assert.equal(checkIns[0]!.days, 28);

    const monday = reminderMessages(agreement, "2026-12-07", bot.connector.url);
    assert.equal(monday.length, 2);
    assert.deepEqual(reminderMessages(agreement, "2026-12-07", bot.connector.url).map((m) => m.id), monday.map((m) => m.id), "the same ids all day");
    assert.notDeepEqual(reminderMessages(agreement, "2026-12-08", bot.connector.url).map((m) => m.id), monday.map((m) => m.id), "new ids the next day");
  });
});
