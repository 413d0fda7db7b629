import assert from "node:assert/strict";
import { startApp, type RunningApp } from "../../bot/app";
import { VERBS } from "../../cards";
import { parseConfig } from "../../src/config";
import { personKey } from "../../src/domain/person";
import { createLogger } from "../../src/log";
import { action, cardText } from "../support/cards";
import { interestInput } from "../support/forms";
import { onlyCard, person, personalChat, startTestBot, TENANT, type TestBot } from "../support/teams";

/**
 * An erasure deletes the change markers that name the person, so it writes one marker with no
 * name or id in it instead: every instance's matching drops the person at its next catch-up, not
 * at its hourly rebuild. Two app instances on one store; the person is erased through the first.
 */
describe("erasure reaches every instance's matching at its next catch-up", function () {
  this.timeout(60_000);
  let bot: TestBot;
  let other: RunningApp;
  const ana = person("Ana Erasedtwice");
  const bo = person("Bo Stays");
  const anaKey = personKey({ tenantId: TENANT, aadObjectId: ana.aadObjectId });
  const boKey = personKey({ tenantId: TENANT, aadObjectId: bo.aadObjectId });

  before(async () => {
    const log = createLogger("silent");
    bot = await startTestBot({}, log);
    const config = parseConfig({ PORT: "0", LOG_LEVEL: "silent", COSMOS_ENDPOINT: bot.app.store.endpoint, COSMOS_KEY: "local" });
    other = await startApp(config, { log, background: false });
  });
  after(async () => {
    await other.stop();
    await bot.stop();
  });

  it("drops the erased person from the other instance's pool, and the marker names nobody", async () => {
    await bot.teams.press(personalChat(ana), ana, VERBS.submitInterest, interestInput({ fullName: ana.name, email: "ana.erasedtwice@example.gov.uk" }));
    await bot.teams.press(personalChat(bo), bo, VERBS.submitInterest, interestInput({ fullName: bo.name, email: "bo.stays@example.gov.uk" }));
    const seen = await other.matching.current();
    assert.ok(seen.state.candidate(anaKey), "the other instance has Ana in its pool");
    assert.ok(seen.state.candidate(boKey));
    const rebuildsBefore = other.matching.stats.rebuilds;

    const ask = onlyCard(await bot.teams.say(personalChat(ana), ana, "delete my data"));
    const yes = action(ask, "Yes, delete my data");
    assert.match(cardText(await bot.teams.press(personalChat(ana), ana, yes.verb, yes.data)), /Your data has been deleted/);

    const after = await other.matching.current();
    assert.equal(after.state.candidate(anaKey), undefined, "gone from the other instance at its next catch-up");
    assert.ok(after.state.candidate(boKey), "everyone else stays");
    assert.equal(other.matching.stats.rebuilds, rebuildsBefore + 1, "by reading the pool again once, not by waiting for the hourly rebuild");
    assert.equal((await bot.app.matching.current()).state.candidate(anaKey), undefined, "and from the instance that erased her");
    // A later catch-up does not read everything again for the same marker.
    await other.matching.current();
    assert.equal(other.matching.stats.rebuilds, rebuildsBefore + 1);

    const { resources: markers } = await bot.app.store.container("changes").items.query("SELECT * FROM c").fetchAll();
    const text = JSON.stringify(markers).toLowerCase();
    for (const m of [ana.aadObjectId, anaKey, "erasedtwice", ana.id]) assert.ok(!text.includes(m.toLowerCase()), `no marker names Ana (${m})`);
    assert.equal(markers.filter((m) => m.reread === "erasure").length, 1, "one removal marker");
  });
});
