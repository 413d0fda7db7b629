import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/**
 * The house rules on what may import what (docs: README "Layout"), checked on the sources: each
 * rule names a folder and the folders of the app it may import from. Packages are not checked
 * here, except that botbuilder and restify stay inside bot/.
 */
const ROOT = resolve(__dirname, "..", "..");

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** Every module a source file imports (import … from, import(), require(), export … from). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^import\s+)["']([^"']+)["']/gm)].map((m) => m[1]!);
}

/** The app folder or top module (e.g. "src/store", "src/log", "cards") a relative import lands in; undefined for a package. */
function folderOf(file: string, spec: string): string | undefined {
  if (!spec.startsWith(".")) return undefined;
  const target = relative(ROOT, resolve(ROOT, dirname(file), spec));
  const parts = target.split("/");
  // src/<folder> or src/<module> (a file such as src/log.ts is named without its extension).
  return parts[0] === "src" && parts.length > 1 ? `src/${parts[1]}` : parts[0]!;
}

function violations(dir: string, allowed: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of sources(dir)) {
    for (const spec of importsOf(file)) {
      const folder = folderOf(file, spec);
      if (folder !== undefined && folder !== dir && !allowed.includes(folder)) found.push(`${file} imports ${spec} (${folder})`);
    }
  }
  return found;
}

describe("layers: what may import what", () => {
  it("nothing in src/ uses botbuilder, restify or bot/ (a later port swaps bot/ alone)", () => {
    const found = sources("src").flatMap((file) =>
      importsOf(file)
        .filter((spec) => /^(botbuilder|botframework-|restify)/.test(spec) || folderOf(file, spec) === "bot")
        .map((spec) => `${file} imports ${spec}`),
    );
    assert.deepEqual(found, []);
  });

  it("cards/ holds data: templates, view models and verbs, importing nothing of the app", () => {
    assert.deepEqual(violations("cards", []), []);
  });

  it("the domain core imports only itself and the catalogue of words", () => {
    assert.deepEqual(violations("src/domain", ["src/i18n"]), []);
  });

  it("matching imports only the domain and the words", () => {
    assert.deepEqual(violations("src/matching", ["src/domain", "src/i18n"]), []);
  });

  it("the store imports only the domain, the words, settings, logs and telemetry", () => {
    assert.deepEqual(violations("src/store", ["src/domain", "src/i18n", "src/config", "src/log", "src/telemetry"]), []);
  });

  it("the checks can fail: a file that imports upwards is reported", () => {
    const file = "src/store/example.ts";
    assert.equal(folderOf(file, "../matching/engine"), "src/matching");
    assert.equal(folderOf(file, "../log"), "src/log");
    assert.equal(folderOf("cards/index.ts", "../src/i18n"), "src/i18n");
    assert.equal(folderOf(file, "@azure/cosmos"), undefined);
  });
});
