/**
 * The Expression of Interest form, end to end through the Microsoft 365 Agents Playground in
 * headless Chromium: a person types `interest`, fills in the whole form with one mistake, sends
 * it, sees the form come back in place with the mistake beside its field and everything else
 * still filled in, corrects it and sends it again.
 *
 * Tagged @e2e: `mocha --grep @e2e --invert` skips it. Needs /usr/bin/chromium. Screenshots go to
 * test-artifacts/interest-form-error.png and test-artifacts/interest-form-confirmation.png.
 *
 * Two things the Playground does that shape the test:
 * - its number box (Fluent SpinButton) clamps a typed value to the input's min/max when it loses
 *   focus, so typing "5" days a week becomes 4.5 and is never sent; the mistake made here is
 *   "4.3", which is within 1 to 4.5 but not in half days, so only the app can catch it;
 * - its built-in people have ids that are not Entra ids, so the line manager is given by email
 *   address (demo-people.test.ts picks one with the people picker, set up as `npm run dev`).
 */
import assert from "node:assert/strict";
import { formatUkDate } from "../../src/domain/dates";
import { inMonths } from "../support/forms";
import {
  cardCount,
  clickCardButton,
  lastCard,
  normalise,
  screenshotCard,
  sendMessage,
  settle,
  usePlaygroundSuite,
  waitForCard,
  waitForNewCard,
} from "./playground";
import { chooseOptions, fieldText, inputControl, inputLabel, inputValue, pickDate, setToggle, typeInto } from "./playground-inputs";

const DAYS = "Days per week, if part-time";
const DAYS_MESSAGE = "Days per week must be in whole or half days, like 2 or 2.5";

describe("Expression of Interest form in the Agents Playground @e2e", function () {
  this.timeout(60_000);
  this.slow(30_000);

  // Starts the app, the Playground and Chromium; prints diagnostics on failure; stops them all.
  const suite = usePlaygroundSuite();

  it("sends the form with a mistake, shows it beside the field keeping every answer, then accepts the correction", async () => {
    const page = suite.page;
    const availableFrom = inMonths(2);

    await waitForCard(page, "Welcome to Secondments");
    await settle(page);
    const before = await cardCount(page);
    await sendMessage(page, "interest");
    await waitForNewCard(page, before, ["Express interest in a secondment", "About you", "Your line manager"]);

    // Filled in from what Teams knows about the person.
    assert.notEqual(await inputValue(page, "Full name"), "", "full name filled in from Teams");
    assert.match(await inputValue(page, "Work email address"), /@/, "email filled in from Teams");
    assert.equal(await inputValue(page, "Language for messages"), "English");

    // About you
    await chooseOptions(page, "Type of organisation you work for", "Central government department");
    await typeInto(page, "Organisation name", "Department for Education");
    await typeInto(page, "Profession", "Policy");
    await chooseOptions(page, "Grade or band", "Higher Executive Officer (HEO)");
    // Where you work
    await chooseOptions(page, "Region", "Yorkshire and the Humber");
    await typeInto(page, "Town or city", "Leeds");
    await chooseOptions(page, "How you could work (optional)", ["Hybrid (some time in the office, some at home)", "Willing to travel"]);
    // Skills
    await chooseOptions(page, "Skills you can offer", ["Policy development", "Stakeholder engagement"]);
    await chooseOptions(page, "Skills you want to develop", "Data analysis");
    await typeInto(page, "Other skills you want to develop", "Local government finance");
    // The secondment you want: part-time, with the one mistake in days a week.
    await chooseOptions(page, "Types of secondment", ["Short-term (around 12 weeks)", "Part-time"]);
    await chooseOptions(page, "Working pattern", "Part-time");
    await typeInto(page, DAYS, "4.3");
    await typeInto(page, "Your preferred arrangement (optional)", "Tuesdays to Thursdays");
    await pickDate(page, "Available from", availableFrom);
    await typeInto(page, "Shortest secondment you would consider, in months", "3");
    await typeInto(page, "Longest secondment you would consider, in months", "12");
    // Your contract
    await chooseOptions(page, "Contract type", "Permanent");
    await chooseOptions(page, "Security clearance you hold", "Baseline Personnel Security Standard (BPSS)");
    // Support you need
    await typeInto(page, "Reasonable adjustments (optional)", "I use a screen reader");
    // Your line manager: by email address (see the note at the top).
    await typeInto(page, "Or enter their work email address", "sam.lee@example.gov.uk");
    await setToggle(page, "Permission");

    assert.equal(await inputValue(page, DAYS), "4.3", "the number box kept what was typed");
    assert.notEqual(await inputValue(page, "Available from"), "", "a date was picked");

    // Send: the invoke response replaces the form in place.
    const cardsBefore = await cardCount(page);
    await clickCardButton(page, "Send");
    await waitForCard(page, ["There is a problem", DAYS_MESSAGE]);
    await settle(page);
    assert.equal(await cardCount(page), cardsBefore, "the form was replaced in place, not added");

    const card = await lastCard(page);
    const summary = card.locator(".ac-container").filter({ hasText: /^\s*There is a problem/ }).last();
    assert.deepEqual(
      (await summary.innerText()).split("\n").map((l) => l.trim()).filter((l) => l && l !== "There is a problem"),
      [DAYS_MESSAGE],
      "the summary lists the one mistake",
    );
    assert.ok((await fieldText(page, DAYS)).includes(DAYS_MESSAGE), `the message is beside the days field: ${await fieldText(page, DAYS)}`);
    // GOV.UK's order, as far as a card allows: the label alone, then the box, then the message (then the hint).
    assert.equal(normalise(await (await inputLabel(page, DAYS)).innerText()).replace(/\s*\*$/, ""), DAYS, "the label is only the label");
    const daysBox = (await inputControl(page, DAYS)).first();
    const readOn = await daysBox.evaluate((box) => {
      const texts = Array.from(document.querySelectorAll(".ac-textBlock, label"));
      return texts.find((t) => box.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING)?.textContent?.trim() ?? "";
    });
    assert.equal(readOn, DAYS_MESSAGE, "the first text after the box is its message");
    assert.ok(!(await fieldText(page, "Town or city")).includes("must"), "no message beside a right answer");

    // Everything typed, chosen and ticked is still there.
    assert.equal(await inputValue(page, "Town or city"), "Leeds");
    assert.equal(await inputValue(page, "Organisation name"), "Department for Education");
    assert.equal(await inputValue(page, "Type of organisation you work for"), "Central government department");
    assert.equal(await inputValue(page, "Grade or band"), "Higher Executive Officer (HEO)");
    assert.equal(await inputValue(page, "Region"), "Yorkshire and the Humber");
    assert.equal(await inputValue(page, "Skills you can offer"), "Policy development, Stakeholder engagement");
    assert.equal(await inputValue(page, "Other skills you want to develop"), "Local government finance");
    assert.equal(await inputValue(page, DAYS), "4.3");
    assert.equal(await inputValue(page, "Reasonable adjustments (optional)"), "I use a screen reader");
    assert.equal(await inputValue(page, "Or enter their work email address"), "sam.lee@example.gov.uk");
    assert.notEqual(await inputValue(page, "Available from"), "");
    const pattern = (await inputControl(page, "Working pattern")).first();
    assert.equal(await pattern.getByRole("radio", { name: "Part-time", exact: true }).isChecked(), true, "part-time still chosen");
    const types = await inputControl(page, "Types of secondment");
    assert.equal(await types.and(page.locator('[aria-label="Part-time"]')).isChecked(), true, "part-time secondment still ticked");
    assert.equal(await types.and(page.locator('[aria-label="Long-term"]')).isChecked(), false);
    assert.equal(await (await inputControl(page, "Permission")).first().isChecked(), true, "permission still ticked");

    await screenshotCard(page, "interest-form-error");

    // Correct the days and send again.
    await typeInto(page, DAYS, "3");
    await clickCardButton(page, "Send");
    const done = await waitForCard(page, ["My expression of interest", "Thank you. We have your expression of interest."]);
    await settle(page);
    assert.equal(await cardCount(page), cardsBefore, "the confirmation replaced the form in place");
    const shown = await done.innerText();
    for (const fact of [
      "Department for Education", "Central government department",
      "Leeds, Yorkshire and the Humber",
      "Part-time, 3 days a week (Tuesdays to Thursdays)",
      formatUkDate(availableFrom),
      "3 months to 12 months",
      "sam.lee@example.gov.uk",
    ]) {
      assert.ok(shown.includes(fact), `the confirmation shows ${JSON.stringify(fact)}:\n${shown}`);
    }

    await screenshotCard(page, "interest-form-confirmation");
  });
});
