import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { hasMessage, LANGS } from "../../src/i18n";
import { projectRoot } from "../../src/paths";

/** The Programme tab's page formats its words from the catalogue: every key it names exists in both languages. */
describe("Programme tab: every word the page uses is in the catalogue", () => {
  const dir = join(projectRoot, "src", "tab");
  const files = readdirSync(dir).filter((f) => /^programme.*\.ts$/.test(f));

  it("names only keys of the programme area that exist in en-GB and cy", () => {
    const keys = new Set<string>();
    for (const f of files) for (const m of readFileSync(join(dir, f), "utf8").matchAll(/"(programme\.[A-Za-z0-9.-]+)"/g)) keys.add(m[1]!);
    assert.ok(keys.size > 80, `found ${keys.size} keys`);
    const missing = [...keys].filter((k) => LANGS.some((lang) => !hasMessage(lang, k)));
    assert.deepEqual(missing, []);
  });

  it("has no English sentence typed into the page's code", () => {
    for (const f of files) {
      const code = readFileSync(join(dir, f), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      // A quoted string of three or more words starting with a capital is a sentence someone typed.
      const sentences = [...code.matchAll(/"([A-Z][a-z']+(?: [a-z'A-Z]+){2,}[^"]*)"/g)].map((m) => m[1]);
      assert.deepEqual(sentences, [], f);
    }
  });
});
