import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { CATALOGUES, formatDate, LANGS, langFromLocale, placeholders, t } from "../../src/i18n";
import { AREAS } from "../../src/i18n/catalogues";
import { projectRoot as ROOT } from "../../src/paths";

/** Every file the app's words can be referenced from: code and card templates (not tests, not the catalogues). */
function sources(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (name !== "locales" && name !== "node_modules") visit(p);
      } else if (/\.(ts|json)$/.test(name) && !name.endsWith(".d.ts")) {
        out.push({ path: p, text: readFileSync(p, "utf8") });
      }
    }
  };
  for (const dir of ["bot", "src", "cards", "scripts"]) visit(join(ROOT, dir));
  return out;
}

/**
 * The keys code and templates refer to: a quoted key ("welcome.title"), a template binding
 * (${t.welcome.title}), or a template literal whose fixed parts match (`planStep.${n}.title`).
 */
function referenced(keys: string[]): Set<string> {
  const used = new Set<string>();
  const files = sources();
  const patterns: RegExp[] = [];
  for (const f of files) {
    for (const m of f.text.matchAll(/`([^`]*\$\{[^`]*)`/g)) {
      const literal = m[1]!;
      const first = literal.split("${")[0]!;
      // Only literals that start like a key ("planStep.", "plan.status."): not `${a}.${b}`.
      if (!/^[A-Za-z][A-Za-z0-9]*\./.test(first)) continue;
      const re = literal
        .split(/\$\{[^}]*\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
        .join("[A-Za-z0-9.-]+");
      patterns.push(new RegExp(`^${re}$`));
    }
  }
  const all = files.map((f) => f.text).join("\n");
  const templates = files.filter((f) => f.path.endsWith(".json")).map((f) => f.text).join("\n");
  for (const key of keys) {
    const quoted = new RegExp(`["'\`]${key.replace(/\./g, "\\.")}["'\`]`);
    const bound = new RegExp(`(?:\\$\\{|\\$root\\.)t\\.${key.replace(/\./g, "\\.")}(?![A-Za-z0-9_.])`);
    if (quoted.test(all) || bound.test(templates) || patterns.some((p) => p.test(key))) used.add(key);
  }
  return used;
}

describe("message catalogues", () => {
  const en = Object.keys(CATALOGUES["en-GB"]).sort();
  const cy = Object.keys(CATALOGUES.cy).sort();

  it("English and Welsh have exactly the same keys", () => {
    assert.deepEqual(
      en.filter((k) => !cy.includes(k)),
      [],
      "keys missing from cy.json",
    );
    assert.deepEqual(
      cy.filter((k) => !en.includes(k)),
      [],
      "keys missing from en-GB.json",
    );
  });

  it("each key lives in one area file, the same area in both languages", () => {
    const seen = new Map<string, string>();
    for (const [area, messages] of Object.entries(AREAS["en-GB"])) {
      for (const key of Object.keys(messages)) {
        assert.ok(!seen.has(key), `${key} is in both ${seen.get(key)}.json and ${area}.json`);
        seen.set(key, area);
      }
      const cyKeys = Object.keys((AREAS.cy as Record<string, object>)[area] ?? {}).sort();
      assert.deepEqual(cyKeys, Object.keys(messages).sort(), `cy/${area}.json and en-GB/${area}.json have different keys`);
    }
    assert.deepEqual(Object.keys(AREAS.cy).sort(), Object.keys(AREAS["en-GB"]).sort(), "both languages have the same area files");
    const onDisk = (lang: string) => readdirSync(join(ROOT, "src/i18n/locales", lang)).map((f) => f.replace(/\.json$/, "")).sort();
    assert.deepEqual(onDisk("en-GB"), Object.keys(AREAS["en-GB"]).sort(), "an area file on disk is not loaded by src/i18n/catalogues.ts");
    assert.deepEqual(onDisk("cy"), Object.keys(AREAS.cy).sort(), "an area file on disk is not loaded by src/i18n/catalogues.ts");
  });

  it("every message uses the same placeholders in both languages, and every message parses", () => {
    for (const key of en) {
      assert.deepEqual(placeholders(CATALOGUES.cy[key]!), placeholders(CATALOGUES["en-GB"][key]!), `placeholders differ for ${key}`);
      for (const lang of LANGS) {
        const values = Object.fromEntries(placeholders(CATALOGUES[lang][key]!).map((p) => [p, p === "status" ? "todo" : 2]));
        assert.doesNotThrow(() => t(lang, key, values), `${lang} ${key} does not format`);
      }
    }
  });

  it("no message is empty, and no Welsh message is the English one copied (bar names)", () => {
    const same = new Set(["lang.switchButton"]);
    for (const key of en) {
      assert.ok(CATALOGUES["en-GB"][key]!.trim() && CATALOGUES.cy[key]!.trim(), `${key} is empty`);
      if (CATALOGUES.cy[key] === CATALOGUES["en-GB"][key] && !same.has(key) && /\s/.test(CATALOGUES.cy[key]!)) assert.fail(`${key} is not translated`);
    }
  });

  it("every key is used by code or a card template, and every key used exists", () => {
    const used = referenced(en);
    assert.deepEqual(
      en.filter((k) => !used.has(k)),
      [],
      "keys nothing refers to",
    );
    const bound = new Set<string>();
    for (const f of sources().filter((x) => x.path.endsWith(".json"))) for (const m of f.text.matchAll(/(?:\$\{|\$root\.)t\.([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)/g)) bound.add(m[1]!);
    assert.deepEqual(
      [...bound].filter((k) => !en.includes(k)),
      [],
      "card templates name keys the catalogue lacks",
    );
  });

  it("the unused-key check can fail: a key nothing mentions is reported", () => {
    assert.equal(referenced(["nobody.refersTo.this"]).size, 0);
    assert.ok(referenced(["welcome.title", "planStep.3.list2.item.4"]).size === 2);
  });

  it("unknown keys throw rather than showing a key to a person", () => {
    assert.throws(() => t("cy", "no.such.key"), /No message "no.such.key" in the cy catalogue/);
  });

  it("plurals and placeholders follow each language's rules", () => {
    assert.equal(t("en-GB", "plan.progress", { done: 1, total: 7 }), "1 of 7 steps done");
    assert.equal(t("cy", "plan.progress", { done: 1, total: 7 }), "1 o 7 cam wedi'u cwblhau");
    assert.equal(t("cy", "plan.notice.changed", { step: 2, status: "doing" }), "Rydyn ni wedi nodi bod cam 2 ar waith.");
  });

  it("Welsh says \"gydag\" before a name that starts with a vowel, and \"gyda\" otherwise", () => {
    const next = (name: string) => t("cy", "match.status.notified.host", { name, saidYes: false });
    assert.match(next("Ana Jones"), /sgwrs anffurfiol gydag Ana Jones\./);
    assert.match(next("Ifan Rhys"), /gydag Ifan Rhys\./);
    assert.match(next("Gwen Morgan"), /sgwrs anffurfiol gyda Gwen Morgan\./);
    assert.match(t("cy", "businessCase.alreadyShared", { named: "yes", who: "Eleri Hughes", date: "1 Mai 2027" }), /gydag Eleri Hughes ar 1 Mai 2027/);
    assert.match(t("cy", "businessCase.alreadyShared", { named: "no", who: "", date: "1 Mai 2027" }), /gyda'ch rheolwr llinell/);
  });

  it("dates read naturally in both languages, through one function", () => {
    assert.equal(formatDate("cy", "2027-03-01"), "1 Mawrth 2027");
    assert.equal(formatDate("en-GB", "2027-03-01"), "1 March 2027");
    assert.equal(formatDate("cy", new Date("2027-12-31T23:30:00Z")), "31 Rhagfyr 2027");
    const months = Array.from({ length: 12 }, (_, i) => formatDate("cy", `2027-${String(i + 1).padStart(2, "0")}-15`).split(" ")[1]);
    assert.deepEqual(months, ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"]);
  });

  it("Teams locales cy and cy-GB mean Welsh; others mean no preference", () => {
    assert.equal(langFromLocale("cy-GB"), "cy");
    assert.equal(langFromLocale("cy"), "cy");
    assert.equal(langFromLocale("en-GB"), undefined);
    assert.equal(langFromLocale("cs-CZ"), undefined);
    assert.equal(langFromLocale(undefined), undefined);
  });
});
