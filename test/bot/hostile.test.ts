import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { INTEREST_FIELDS } from "../../src/domain/interest";
import { ROLE_FIELDS } from "../../src/domain/role";
import { cardText } from "../support/cards";
import { interestInput, roleInput } from "../support/forms";
import { person, personalChat, startTestBot, type Chat, type TestBot } from "../support/teams";

/** A small seeded generator (mulberry32), so every run sends the same 500 submissions. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fields every submission must get right, whatever else it says (so a wrong type there is always refused). */
const INTEREST_REQUIRED = ["fullName", "email", "organisationType", "organisationName", "profession", "grade", "region", "town", "secondmentTypes", "availableFrom", "contractType", "clearance", "permissionConfirmed"];
const ROLE_REQUIRED = ["title", "hostOrganisationType", "hostOrganisation", "team", "purpose", "deliverables", "gradeMin", "gradeMax", "region", "town", "secondmentTypes", "startDate", "durationMonths", "openings"];

const HOSTILE_VALUES: unknown[] = [
  null,
  42,
  -1,
  1e308,
  true,
  [],
  ["a", "b"],
  { nested: { deeper: "x" } },
  "",
  "   ",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "x".repeat(20_000),
  "2027-02-30",
  "2026-13-01",
  "31/12/2027",
  "tomorrow",
  "NaN",
  "-5",
  "4.75",
  "1e3",
  "\u0000\u0007bell",
  "👩🏽‍💻".repeat(500),
  "'; DROP TABLE people; --",
  "${$root.verbs.showPlan}",
  "not-a-choice",
  "cs-heo,not-a-grade",
];

/**
 * Breaks one to four fields of a valid form, and always at least one in a way no rule accepts
 * (a wrong type), so that no generated submission can be valid by chance.
 */
function hostile(next: () => number, valid: Record<string, unknown>, fields: readonly string[], required: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...valid };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  // Objects and arrays: numbers and booleans are fair text (cards may send them), these never are.
  const wrongTypes: unknown[] = [{ an: "object" }, ["array"], [], { toString: "nope" }];
  const more = Math.floor(next() * 4);
  for (let i = 0; i < more; i++) {
    const roll = next();
    if (roll < 0.6) out[pick(fields)] = pick(HOSTILE_VALUES);
    else if (roll < 0.8) delete out[pick(fields)];
    else out[pick(["__proto__", "constructor", "isAdmin", "status", "version2", "id", "pk", "_etag"])] = pick(HOSTILE_VALUES);
  }
  out[pick(required)] = pick(wrongTypes); // last, so nothing above can mend it
  return out;
}

describe("500 hostile form submissions through the bot", function () {
  this.timeout(120_000);
  let bot: TestBot;
  const eve = person("Eve Hacker");
  const channel: Chat = { id: "19:hostile@thread.tacv2", type: "channel", team: { id: "19:hostile-team@thread.tacv2", name: "Ops" } };

  before(async () => {
    bot = await startTestBot();
    await bot.teams.say(channel, eve, "<at>Secondments</at> help"); // the bot now knows the channel
  });
  after(async () => {
    await bot.stop();
  });

  it("none crashes the bot, each gets an answer, and nothing is stored", async () => {
    const next = random(20261123);
    const answers = new Map<string, number>();
    for (let i = 0; i < 500; i++) {
      const interest = i % 2 === 0;
      const data = interest ? hostile(next, interestInput(), INTEREST_FIELDS, INTEREST_REQUIRED) : hostile(next, roleInput(), ROLE_FIELDS, ROLE_REQUIRED);
      if (next() < 0.1) data.version = next() < 0.5 ? "abc" : -3;
      const card = await bot.teams.press(interest ? personalChat(eve) : channel, eve, interest ? VERBS.submitInterest : VERBS.submitRole, data);
      const text = cardText(card);
      const kind = /There is a problem/.test(text) ? "form with problems" : /sent something I cannot use/.test(text) ? "refused button data" : "other";
      assert.notEqual(kind, "other", `submission ${i} got an unexpected answer:\n${text.slice(0, 400)}`);
      answers.set(kind, (answers.get(kind) ?? 0) + 1);
    }
    const { resources } = await bot.app.store.container("people").items.query("SELECT c.id, c.type FROM c WHERE c.type = 'interest' OR c.type = 'role'").fetchAll();
    assert.deepEqual(resources, [], "no record was stored");
    assert.ok((answers.get("form with problems") ?? 0) > 400, `most answers are the form with its problems: ${JSON.stringify([...answers])}`);
    const health = await fetch(`${bot.app.url}/healthz`);
    assert.equal(health.status, 200, "the bot is still healthy");
  });
});
