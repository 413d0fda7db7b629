import type { Locator, Page } from "playwright-core";
import { lastCard, normalise } from "./playground";

// ---------------------------------------------------------------------------------------------
// Filling in form cards
//
// The Playground renders Adaptive Card inputs with Fluent UI: each input's label is a
// <label class="ac-richTextBlock"> (with " *" appended when required) and the control points back
// at it with aria-labelledby. The card's own input ids (e.g. "town") are not in the DOM, so inputs
// are found by their label, inside the newest card. Every helper types, clicks and picks as a
// person would, and fails with what the card shows.

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The label element of the input labelled `label` (required mark ignored) in the newest card. */
export async function inputLabel(page: Page, label: string): Promise<Locator> {
  const card = await lastCard(page);
  // The label is only the label (a mistake's message is a text of its own under the input).
  const found = card.locator("label.ac-richTextBlock").filter({ hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*\\*?\\s*$`) });
  const n = await found.count();
  if (n !== 1) {
    const labels = await card.locator("label.ac-richTextBlock").allInnerTexts().catch(() => []);
    throw new Error(`${n === 0 ? "No" : `${n}`} input labelled ${JSON.stringify(label)} in the newest card. Labels: ${labels.map((l) => JSON.stringify(normalise(l))).join(", ")}`);
  }
  return found;
}

/** The control(s) labelled `label`: the input, the radio group, or every checkbox of a group. */
export async function inputControl(page: Page, label: string): Promise<Locator> {
  const lab = await inputLabel(page, label);
  const id = await lab.getAttribute("id");
  const card = await lastCard(page);
  const byRef = id ? card.locator(`[aria-labelledby~="${id}"]`) : undefined;
  if (byRef && (await byRef.count()) > 0) return byRef;
  const forId = await lab.getAttribute("for");
  if (forId) {
    const byFor = card.locator(`[id="${forId}"]`);
    if ((await byFor.count()) > 0) return byFor;
  }
  throw new Error(`The label ${JSON.stringify(label)} is not tied to any control (no aria-labelledby or for= target).`);
}

/**
 * The whole field labelled `label`: the card's Container around the input, which also holds the
 * field's hint and any error message beside it.
 */
export async function fieldContainer(page: Page, label: string): Promise<Locator> {
  const lab = await inputLabel(page, label);
  return lab.locator("xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' ac-container ')][1]");
}

/** The visible text of the field labelled `label`: label, value shown as text, hint and error. */
export async function fieldText(page: Page, label: string): Promise<string> {
  return normalise(await (await fieldContainer(page, label)).innerText({ timeout: 2_000 }));
}

/** Click into a text, multi-line or number input, clear it and type `value`, then Tab away. */
export async function typeInto(page: Page, label: string, value: string): Promise<void> {
  const control = (await inputControl(page, label)).first();
  await control.scrollIntoViewIfNeeded();
  await control.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Backspace");
  if (value) await page.keyboard.type(value);
  await page.keyboard.press("Tab");
}

/** What the input labelled `label` holds now (its text, or for a date the formatted date). */
export async function inputValue(page: Page, label: string): Promise<string> {
  return (await inputControl(page, label)).first().inputValue({ timeout: 2_000 });
}

/**
 * Choose options in the choice set labelled `label`, as a person would: a drop-down (compact) is
 * opened and the options clicked in its list, closing it after a multi-select; expanded choice
 * sets get their radio button or check boxes clicked. Options already ticked are left ticked.
 */
export async function chooseOptions(page: Page, label: string, options: string | string[]): Promise<void> {
  const wanted = Array.isArray(options) ? options : [options];
  const control = await inputControl(page, label);
  const first = control.first();
  const role = await first.getAttribute("role");
  const type = await first.getAttribute("type");
  if (role === "combobox") {
    await first.scrollIntoViewIfNeeded();
    if ((await first.getAttribute("aria-expanded")) !== "true") await first.click();
    const listId = await first.getAttribute("aria-controls");
    if (!listId) throw new Error(`The drop-down ${JSON.stringify(label)} did not open (no aria-controls).`);
    const list = page.locator(`[id="${listId}"]`);
    const multi = (await list.getAttribute("role")) === "menu" || (await list.getAttribute("aria-multiselectable")) === "true";
    for (const want of wanted) {
      const option = list.locator('[role="option"], [role="menuitemcheckbox"]').filter({ hasText: new RegExp(`^\\s*${escapeRegExp(want)}\\s*$`) });
      if ((await option.count()) === 0) {
        const shown = await list.locator('[role="option"], [role="menuitemcheckbox"]').allInnerTexts();
        throw new Error(`The drop-down ${JSON.stringify(label)} has no option ${JSON.stringify(want)}. It offers: ${shown.map((s) => JSON.stringify(s.trim())).join(", ")}`);
      }
      if ((await option.first().getAttribute("aria-checked")) === "true" || (await option.first().getAttribute("aria-selected")) === "true") {
        if (multi) continue;
      }
      await option.first().click();
    }
    if ((await first.getAttribute("aria-expanded")) === "true") await page.keyboard.press("Escape");
    return;
  }
  if (role === "radiogroup") {
    for (const want of wanted) await first.getByRole("radio", { name: want, exact: true }).check();
    return;
  }
  if (type === "checkbox") {
    for (const want of wanted) {
      const box = control.and(page.locator(`[aria-label="${want.replace(/["\\]/g, "\\$&")}"]`));
      if ((await box.count()) === 0) throw new Error(`The check boxes ${JSON.stringify(label)} have no option ${JSON.stringify(want)}.`);
      await box.first().check();
    }
    return;
  }
  throw new Error(`The input labelled ${JSON.stringify(label)} is not a choice set (role=${role}, type=${type}).`);
}

/** Tick (or untick) the toggle labelled `label`, by clicking it as a person would. */
export async function setToggle(page: Page, label: string, on = true): Promise<void> {
  const box = (await inputControl(page, label)).first();
  await box.scrollIntoViewIfNeeded();
  await box.setChecked(on);
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * Pick a date (YYYY-MM-DD) in the date input labelled `label` from its calendar, as a person would:
 * open it, step month by month to the right one and click the day. (The Playground's date picker
 * does not take typed dates.)
 */
export async function pickDate(page: Page, label: string, isoDate: string): Promise<void> {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`pickDate wants YYYY-MM-DD, not ${JSON.stringify(isoDate)}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const input = (await inputControl(page, label)).first();
  await input.scrollIntoViewIfNeeded();
  await input.click();
  const dialogId = await input.getAttribute("aria-controls");
  const calendar = dialogId ? page.locator(`[id="${dialogId}"]`) : page.getByRole("dialog", { name: "Calendar" }).last();
  await calendar.waitFor({ state: "visible" });
  const target = `${MONTHS[month - 1]} ${year}`;
  for (let i = 0; ; i++) {
    const shown = normalise((await calendar.locator("button[aria-live], button span[aria-live]").first().innerText().catch(() => "")) || "");
    const header = shown || (await calendar.locator("button").first().getAttribute("aria-label")) || "";
    if (header.includes(target)) break;
    const [shownMonth, shownYear] = header.split(" ");
    const ahead = Number(shownYear) * 12 + MONTHS.indexOf(shownMonth ?? "") < year * 12 + month - 1;
    if (i > 120 || !shownYear) throw new Error(`The calendar for ${JSON.stringify(label)} shows ${JSON.stringify(header)}; could not reach ${target}.`);
    await calendar.locator(`button[title^="${ahead ? "Next month" : "Previous month"}"]`).click();
  }
  await calendar.locator(`button[aria-label="${day}, ${MONTHS[month - 1]}, ${year}"]`).click();
  await calendar.waitFor({ state: "hidden" }).catch(() => undefined);
}
