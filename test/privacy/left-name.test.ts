import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { renderCard } from "../../bot/render-card";
import { anonymiseText, identityOf, LEFT_MARKER, LEGACY_LEFT_NAME, readableLeft, readableLeftIn, REMOVED_MARKER } from "../../src/privacy/identity";
import { cardText } from "../support/cards";

describe("the name of a person who has left the programme, in each reader's language", () => {
  const who = identityOf({ tenantId: "t1", aadObjectId: "0000aaaa-1111-2222-3333-444455556666" }, { names: ["Ana Jones"] });

  it("erasure stores a marker, not English words", () => {
    const stored = anonymiseText("Possible match for Housing analyst: Ana Jones", who);
    assert.equal(stored, `Possible match for Housing analyst: ${LEFT_MARKER}`);
    assert.doesNotMatch(stored, /left the programme/);
  });

  it("each reader sees the marker in their own language, and old stored English too", () => {
    assert.equal(readableLeft(`Met ${LEFT_MARKER}.`, "en-GB"), "Met A person who has left the programme.");
    assert.equal(readableLeft(`Met ${LEFT_MARKER}.`, "cy"), "Met Rhywun sydd wedi gadael y rhaglen.");
    assert.equal(readableLeft(`Met ${LEGACY_LEFT_NAME}.`, "cy"), "Met Rhywun sydd wedi gadael y rhaglen.", "records erased before the marker");
    assert.equal(readableLeft(`Met ${LEGACY_LEFT_NAME}.`, "en-GB"), `Met ${LEGACY_LEFT_NAME}.`);
    assert.deepEqual(readableLeftIn({ a: [`"${LEFT_MARKER}"`] }, "cy"), { a: ['"Rhywun sydd wedi gadael y rhaglen"'] }, "JSON-safe");
    // Words an erased person wrote in a record others keep.
    assert.equal(readableLeft(REMOVED_MARKER, "cy"), "(wedi'i ddileu: gofynnodd y person i'w ddata gael ei ddileu)");
    assert.equal(readableLeft("(removed: the person asked for their data to be erased)", "cy"), "(wedi'i ddileu: gofynnodd y person i'w ddata gael ei ddileu)");
    assert.equal(readableLeft(REMOVED_MARKER, "en-GB"), "(removed: the person asked for their data to be erased)");
  });

  it("a card drawn from a stored record names them in the reader's language", () => {
    const model = {
      title: `Cancel the match with ${LEFT_MARKER}?`,
      paragraphs: [{ text: LEFT_MARKER }],
      confirm: { title: "Yes", verb: VERBS.showMenu, data: { who: LEFT_MARKER } },
      cancel: { title: "No", verb: VERBS.showMenu, data: {} },
    };
    const cy = cardText(renderCard("confirm", model, "cy"));
    assert.match(cy, /Rhywun sydd wedi gadael y rhaglen/);
    assert.ok(!JSON.stringify(renderCard("confirm", model, "cy")).includes(LEFT_MARKER), "no marker left anywhere in the card");
    assert.match(cardText(renderCard("confirm", model, "en-GB")), /A person who has left the programme/);
  });
});
