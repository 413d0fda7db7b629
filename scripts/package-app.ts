/**
 * Builds the Teams app package, build/appPackage.zip, from manifest/:
 *
 *   1. reads the configuration (loadConfig) for the Teams app id, the bot id and the bot domain
 *   2. fills the ${{...}} placeholders in manifest/manifest.json
 *   3. validates the filled manifest against its JSON schema, offline, with the schema bundled in
 *      @microsoft/app-manifest (never fetched), and checks the two icons
 *   4. writes manifest.json, color.png and outline.png to the root of the zip
 *
 * Usage: npm run package [-- --allow-placeholder] [-- --out path/to/appPackage.zip]
 *
 * Without MICROSOFT_APP_ID the package is useless in Teams, so packaging stops unless
 * --allow-placeholder is given, which uses the all-zero bot id (for checking the package only).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import { AppManifestUtils, type AppManifest } from "@microsoft/app-manifest";
import JSZip from "jszip";
import { PNG } from "pngjs";
import { ConfigError, loadConfig, type Config } from "../src/config";
import { fromRoot } from "../src/paths";

/**
 * Teams app id used when TEAMS_APP_ID is not set. Local only: fine for sideloading into a
 * developer tenant; set TEAMS_APP_ID to your own GUID for any shared or production tenant.
 */
export const LOCAL_TEAMS_APP_ID = "652b1e3a-a5cb-4f34-8245-d00533a38286";

/** Bot id used with --allow-placeholder. The package validates, but Teams cannot reach a bot. */
export const PLACEHOLDER_BOT_ID = "00000000-0000-0000-0000-000000000000";

export const MANIFEST_DIR = fromRoot("manifest");
export const DEFAULT_OUT = fromRoot("build", "appPackage.zip");

/** The files at the root of the package, in this order. */
export const PACKAGE_FILES = ["manifest.json", "color.png", "outline.png"] as const;

export interface PlaceholderValues {
  TEAMS_APP_ID: string;
  BOT_ID: string;
  /** Host name only, such as abc.devtunnels.ms. When undefined, the list entry that uses it is dropped. */
  BOT_DOMAIN?: string | undefined;
}

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export class PackageError extends Error {
  override name = "PackageError";
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const WHOLE_PLACEHOLDER = /^\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}$/;

/** Turn "https://abc.devtunnels.ms/api/messages" or "abc.devtunnels.ms" into "abc.devtunnels.ms". */
export function normaliseDomain(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const host = value.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/[/?#].*$/, "").toLowerCase();
  return host === "" ? undefined : host;
}

/** Work out the placeholder values from the configuration. Throws PackageError (one line) if unusable. */
export function placeholderValues(config: Config, options: { allowPlaceholder?: boolean } = {}): PlaceholderValues {
  const botId = config.bot.appId ?? (options.allowPlaceholder ? PLACEHOLDER_BOT_ID : undefined);
  if (!botId) {
    throw new PackageError(
      "MICROSOFT_APP_ID is not set: set it in env/.env.local (or the environment) to your bot's app id, " +
        "or pass --allow-placeholder to build a package that Teams cannot use.",
    );
  }
  return {
    TEAMS_APP_ID: config.teamsApp.id ?? LOCAL_TEAMS_APP_ID,
    BOT_ID: botId,
    BOT_DOMAIN: normaliseDomain(config.teamsApp.botDomain),
  };
}

/**
 * Fill the ${{NAME}} placeholders in a manifest template (a JSON string or a parsed object).
 * Returns a new object; the template is not changed. An array item that is exactly one placeholder
 * whose value is undefined is dropped (so "validDomains": ["${{BOT_DOMAIN}}"] becomes []).
 * Throws PackageError naming any placeholder that has no value anywhere else.
 */
export function fillManifest(template: string | Json, values: PlaceholderValues): Record<string, Json> {
  const parsed: Json = withoutTabsIfNoDomain(typeof template === "string" ? (JSON.parse(template) as Json) : template, values);
  const lookup = values as unknown as Record<string, string | undefined>;
  const missing = new Set<string>();

  const fillString = (s: string): string =>
    s.replace(PLACEHOLDER, (match, name: string) => {
      const v = lookup[name];
      if (v === undefined) {
        missing.add(name);
        return match;
      }
      return v;
    });

  const walk = (node: Json): Json => {
    if (typeof node === "string") return fillString(node);
    if (Array.isArray(node)) {
      return node
        .filter((item) => {
          const m = typeof item === "string" ? WHOLE_PLACEHOLDER.exec(item) : null;
          return !(m && lookup[m[1]!] === undefined);
        })
        .map(walk);
    }
    if (node !== null && typeof node === "object") {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    }
    return node;
  };

  const filled = walk(parsed);
  if (missing.size > 0) {
    throw new PackageError(`The manifest uses placeholders with no value: ${[...missing].join(", ")}`);
  }
  if (filled === null || typeof filled !== "object" || Array.isArray(filled)) {
    throw new PackageError("The manifest template must be a JSON object");
  }
  return filled;
}

/**
 * The tabs are served from BOT_DOMAIN and sign in with an Entra app exposed on it: without the
 * domain, the package leaves out the tabs that need it and webApplicationInfo (a chat-only app).
 */
function withoutTabsIfNoDomain(manifest: Json, values: PlaceholderValues): Json {
  if (values.BOT_DOMAIN !== undefined || manifest === null || typeof manifest !== "object" || Array.isArray(manifest)) return manifest;
  const uses = (node: Json) => JSON.stringify(node).includes("${{BOT_DOMAIN}}");
  const out: Record<string, Json> = { ...manifest };
  if (Array.isArray(out["staticTabs"])) {
    const kept = out["staticTabs"].filter((tab) => !uses(tab));
    // A "conversations" tab alone adds nothing: drop the list when no real tab is left.
    if (kept.some((tab) => (tab as Record<string, Json>)["entityId"] !== "conversations")) out["staticTabs"] = kept;
    else delete out["staticTabs"];
  }
  if (Array.isArray(out["configurableTabs"])) {
    const kept = out["configurableTabs"].filter((tab) => !uses(tab));
    if (kept.length) out["configurableTabs"] = kept;
    else delete out["configurableTabs"];
  }
  if (out["webApplicationInfo"] !== undefined && uses(out["webApplicationInfo"])) delete out["webApplicationInfo"];
  return out;
}

/** Placeholders left in a manifest, such as "${{BOT_ID}}" (none, once filled). */
export function remainingPlaceholders(manifest: Json): string[] {
  return [...JSON.stringify(manifest).matchAll(PLACEHOLDER)].map((m) => m[0]);
}

/**
 * Path of the copy of a Teams manifest schema bundled in @microsoft/app-manifest, or undefined if
 * the URL names a schema the library does not bundle (v1.18, or a version newer than the library).
 */
export function bundledSchemaPath(schemaUrl: string): string | undefined {
  const match = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/(v[0-9]+\.[0-9]+|vDevPreview)\/MicrosoftTeams\.schema\.json$/i.exec(
    schemaUrl,
  );
  if (!match) return undefined;
  const packageDir = dirname(require.resolve("@microsoft/app-manifest/package.json"));
  const file = join(packageDir, "build", "json-schemas", "teams", match[1]!, "MicrosoftTeams.schema.json");
  return existsSync(file) ? file : undefined;
}

/**
 * Validate a manifest against the JSON schema its $schema names, offline: the schema is read from
 * the copy bundled in @microsoft/app-manifest and passed in, so the library never fetches it.
 * Returns the problems found (an empty list means valid). Also reports leftover placeholders.
 */
export async function validateManifest(manifest: Record<string, Json>): Promise<string[]> {
  const schemaUrl = manifest["$schema"];
  if (typeof schemaUrl !== "string") return ["/$schema is missing: it must name a Teams manifest schema"];
  const schemaFile = bundledSchemaPath(schemaUrl);
  if (!schemaFile) {
    return [`/$schema ${schemaUrl} is not bundled in @microsoft/app-manifest, so it cannot be checked offline`];
  }
  const schema = JSON.parse(readFileSync(schemaFile, "utf8")) as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest, schema);
  const leftovers = remainingPlaceholders(manifest).map((p) => `placeholder ${p} was not filled`);
  return [...errors, ...leftovers];
}

/**
 * Check the icons against Teams' rules, which the schema does not cover: color.png 192×192,
 * outline.png 32×32, and the outline white on a transparent background.
 */
export function checkIcons(color: Buffer, outline: Buffer): string[] {
  const problems: string[] = [];
  const read = (name: string, data: Buffer): PNG | undefined => {
    try {
      return PNG.sync.read(data);
    } catch (e) {
      problems.push(`${name} is not a readable PNG: ${(e as Error).message}`);
      return undefined;
    }
  };
  const c = read("color.png", color);
  if (c && (c.width !== 192 || c.height !== 192)) problems.push(`color.png must be 192×192, not ${c.width}×${c.height}`);
  const o = read("outline.png", outline);
  if (o) {
    if (o.width !== 32 || o.height !== 32) problems.push(`outline.png must be 32×32, not ${o.width}×${o.height}`);
    let notWhite = 0;
    let transparent = 0;
    for (let i = 0; i < o.data.length; i += 4) {
      const alpha = o.data[i + 3]!;
      if (alpha === 0) transparent++;
      else if (o.data[i] !== 255 || o.data[i + 1] !== 255 || o.data[i + 2] !== 255) notWhite++;
    }
    if (notWhite > 0) problems.push(`outline.png must be white on transparent: ${notWhite} pixels are another colour`);
    if (transparent === 0) problems.push("outline.png must have a transparent background");
  }
  return problems;
}

export interface PackageContents {
  manifest: Record<string, Json>;
  color: Buffer;
  outline: Buffer;
  /** Translations named in localizationInfo.additionalLanguages, by file name (cy.json). */
  languages?: Record<string, Record<string, Json>>;
}

/** Sources: the manifest template, the icons, and every other .json in the folder (language files). */
export interface PackageSources {
  template: string;
  color: Buffer;
  outline: Buffer;
  languages?: Record<string, string>;
}

/**
 * The bundled Localization schemas have a few patternProperties (for activity types, which this
 * app does not use) that are not valid Unicode regular expressions, so the validator cannot compile
 * them. Drop just those: keys they would have allowed are then refused, which is stricter.
 */
function withoutBrokenPatterns(node: Json): Json {
  if (Array.isArray(node)) return node.map(withoutBrokenPatterns);
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "patternProperties" && v !== null && typeof v === "object" && !Array.isArray(v)) {
      out[k] = Object.fromEntries(
        Object.entries(v)
          .filter(([pattern]) => {
            try {
              new RegExp(pattern, "u");
              return true;
            } catch {
              return false;
            }
          })
          .map(([pattern, schema]) => [pattern, withoutBrokenPatterns(schema)]),
      );
    } else out[k] = withoutBrokenPatterns(v);
  }
  return out;
}

/**
 * The language files the manifest names, parsed and checked against the bundled Localization
 * schema of the manifest's version (offline). Returns the files and the problems found.
 */
export async function checkLanguageFiles(
  manifest: Record<string, Json>,
  files: Record<string, string>,
): Promise<{ languages: Record<string, Record<string, Json>>; problems: string[] }> {
  const info = manifest["localizationInfo"] as { additionalLanguages?: { languageTag: string; file: string }[] } | undefined;
  const languages: Record<string, Record<string, Json>> = {};
  const problems: string[] = [];
  const manifestSchema = typeof manifest["$schema"] === "string" ? bundledSchemaPath(manifest["$schema"]) : undefined;
  const schemaFile = manifestSchema?.replace(/MicrosoftTeams\.schema\.json$/, "MicrosoftTeams.Localization.schema.json");
  for (const { languageTag, file } of info?.additionalLanguages ?? []) {
    const text = files[file];
    if (text === undefined) {
      problems.push(`${file} (${languageTag}) is named in localizationInfo but is not in the manifest folder`);
      continue;
    }
    let parsed: Record<string, Json>;
    try {
      parsed = JSON.parse(text) as Record<string, Json>;
    } catch (e) {
      problems.push(`${file} is not valid JSON: ${(e as Error).message}`);
      continue;
    }
    if (!schemaFile || !existsSync(schemaFile)) {
      problems.push(`${file}: no bundled Localization schema to check it against`);
    } else {
      const schema = withoutBrokenPatterns(JSON.parse(readFileSync(schemaFile, "utf8")) as Json) as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
      const errors = await AppManifestUtils.validateAgainstSchema(parsed as unknown as AppManifest, schema);
      problems.push(...errors.map((e) => `${file}: ${e}`));
    }
    // The schema lets a translation leave a name out; Teams then shows English. Ours must not.
    for (const key of ["name.short", "name.full", "description.short", "description.full"]) {
      if (typeof parsed[key] !== "string" || !(parsed[key] as string).trim()) problems.push(`${file}: ${key} is missing`);
    }
    languages[file] = parsed;
  }
  return { languages, problems };
}

/** Zip the filled manifest and the two icons, each at the root of the archive. Deterministic. */
export async function buildPackage(contents: PackageContents): Promise<Buffer> {
  const zip = new JSZip();
  const date = new Date(Date.UTC(2024, 0, 1)); // fixed, so the same inputs give the same bytes
  zip.file("manifest.json", JSON.stringify(contents.manifest, null, 2) + "\n", { date });
  zip.file("color.png", contents.color, { date });
  zip.file("outline.png", contents.outline, { date });
  for (const [file, content] of Object.entries(contents.languages ?? {})) zip.file(file, JSON.stringify(content, null, 2) + "\n", { date });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

/** Read the template and icons from a folder (manifest/ by default). */
export function readSources(dir: string = MANIFEST_DIR): PackageSources {
  const languages = Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith(".json") && f !== "manifest.json")
      .map((f) => [f, readFileSync(join(dir, f), "utf8")]),
  );
  return {
    template: readFileSync(join(dir, "manifest.json"), "utf8"),
    color: readFileSync(join(dir, "color.png")),
    outline: readFileSync(join(dir, "outline.png")),
    languages,
  };
}

/** Fill, validate and zip. Throws PackageError listing every problem found. */
export async function packageApp(
  values: PlaceholderValues,
  sources: PackageSources = readSources(),
): Promise<{ zip: Buffer; manifest: Record<string, Json> }> {
  const manifest = fillManifest(sources.template, values);
  const { languages, problems: languageProblems } = await checkLanguageFiles(manifest, sources.languages ?? {});
  const problems = [...(await validateManifest(manifest)), ...languageProblems, ...checkIcons(sources.color, sources.outline)];
  if (problems.length > 0) {
    throw new PackageError(`The app package is not valid:\n  ${problems.join("\n  ")}`);
  }
  return { zip: await buildPackage({ manifest, color: sources.color, outline: sources.outline, languages }), manifest };
}

export interface Options {
  allowPlaceholder: boolean;
  out: string;
}

export function parseArgs(argv: readonly string[]): Options {
  const options: Options = { allowPlaceholder: false, out: DEFAULT_OUT };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--allow-placeholder") options.allowPlaceholder = true;
    else if (arg === "--out" && argv[i + 1]) options.out = argv[++i]!;
    else if (arg.startsWith("--out=")) options.out = arg.slice("--out=".length);
    else throw new PackageError(`Unknown option ${arg}. Options: --allow-placeholder, --out <file>`);
  }
  if (!isAbsolute(options.out)) options.out = join(process.cwd(), options.out);
  return options;
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    const options = parseArgs(argv);
    const config = loadConfig();
    const values = placeholderValues(config, { allowPlaceholder: options.allowPlaceholder });
    const { zip } = await packageApp(values);
    mkdirSync(dirname(options.out), { recursive: true });
    writeFileSync(options.out, zip);
    if (values.BOT_ID === PLACEHOLDER_BOT_ID) {
      console.warn("Warning: the bot id is the all-zero placeholder; Teams cannot reach this bot.");
    }
    if (!config.teamsApp.id) console.warn(`Note: TEAMS_APP_ID is not set, so the local-only app id ${LOCAL_TEAMS_APP_ID} was used.`);
    if (!values.BOT_DOMAIN) console.warn("Note: BOT_DOMAIN is not set, so validDomains is empty and the package has no tab and no single sign-on.");
    console.log(options.out);
    return 0;
  } catch (e) {
    if (e instanceof PackageError || e instanceof ConfigError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
