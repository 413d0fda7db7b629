import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { PNG } from "pngjs";
import sinon from "sinon";
import { parseConfig } from "../../src/config";
import { fromRoot } from "../../src/paths";
import { drawColorIcon, drawOutlineIcon } from "../../scripts/draw-icons";
import {
  LOCAL_TEAMS_APP_ID,
  PACKAGE_FILES,
  PLACEHOLDER_BOT_ID,
  PackageError,
  buildPackage,
  bundledSchemaPath,
  checkIcons,
  fillManifest,
  normaliseDomain,
  packageApp,
  placeholderValues,
  readSources,
  remainingPlaceholders,
  validateManifest,
  type Json,
  type PlaceholderValues,
} from "../../scripts/package-app";

const BOT_ID = "11111111-2222-4333-8444-555555555555";
const TEAMS_APP_ID = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
const VALUES: PlaceholderValues = { TEAMS_APP_ID, BOT_ID, BOT_DOMAIN: "abc.devtunnels.ms" };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests poke at parsed JSON
type Obj = Record<string, any>;

const template = readFileSync(fromRoot("manifest", "manifest.json"), "utf8");
const filled = (): Obj => fillManifest(template, VALUES);
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe("Teams app manifest", () => {
  let fetchStub: sinon.SinonStub;

  // Validation must be offline: any attempt to fetch a schema fails the test.
  beforeEach(() => {
    fetchStub = sinon.stub(globalThis, "fetch").rejects(new Error("network access in a test"));
  });
  afterEach(() => {
    assert.equal(fetchStub.callCount, 0, "nothing may be fetched");
    fetchStub.restore();
  });

  describe("schema validation (offline)", () => {
    it("uses a schema bundled in @microsoft/app-manifest", () => {
      const manifest = filled();
      assert.match(manifest.$schema, /\/teams\/v1\.(19|2[0-9]|3[0-9])\/MicrosoftTeams\.schema\.json$/);
      assert.ok(bundledSchemaPath(manifest.$schema), `${manifest.$schema} is bundled`);
      assert.equal(manifest.$schema, `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    });

    it("passes with no errors once filled", async () => {
      assert.deepEqual(await validateManifest(filled()), []);
    });

    it("passes with no errors when BOT_DOMAIN is not set", async () => {
      const manifest = fillManifest(template, { TEAMS_APP_ID, BOT_ID });
      assert.deepEqual(manifest.validDomains, []);
      assert.equal(manifest.staticTabs, undefined, "no tab without a domain to serve it from");
      assert.equal(manifest.configurableTabs, undefined);
      assert.equal(manifest.webApplicationInfo, undefined);
      assert.deepEqual(await validateManifest(manifest), []);
    });

    it("fails when the bot id is missing", async () => {
      const manifest = filled();
      delete manifest.bots[0].botId;
      const errors = await validateManifest(manifest);
      assert.ok(errors.some((e) => e.includes("botId")), errors.join("\n"));
    });

    it("fails when the bot id is not a GUID", async () => {
      const manifest = fillManifest(template, { ...VALUES, BOT_ID: "not-a-guid" });
      const errors = await validateManifest(manifest);
      assert.ok(errors.some((e) => e.startsWith("/bots/0/botId")), errors.join("\n"));
    });

    it("fails when manifestVersion does not match the schema", async () => {
      const manifest = filled();
      manifest.manifestVersion = "1.99";
      const errors = await validateManifest(manifest);
      assert.ok(errors.some((e) => e.startsWith("/manifestVersion")), errors.join("\n"));
    });

    it("fails, without fetching, when the schema is not bundled", async () => {
      const manifest = filled();
      manifest.$schema = "https://developer.microsoft.com/json-schemas/teams/v1.18/MicrosoftTeams.schema.json";
      const errors = await validateManifest(manifest);
      assert.equal(errors.length, 1);
      assert.match(errors[0]!, /not bundled/);
    });

    it("reports placeholders left unfilled", async () => {
      const manifest = filled();
      manifest.name.full = "Secondments ${{APP_NAME_SUFFIX}}";
      assert.ok((await validateManifest(manifest)).some((e) => e.includes("${{APP_NAME_SUFFIX}}")));
    });
  });

  describe("placeholders", () => {
    it("the template uses TEAMS_APP_ID, BOT_ID and BOT_DOMAIN", () => {
      const names = new Set(remainingPlaceholders(JSON.parse(template) as Json));
      assert.deepEqual([...names].sort(), ["${{BOT_DOMAIN}}", "${{BOT_ID}}", "${{TEAMS_APP_ID}}"]);
    });

    it("fills every placeholder", () => {
      const manifest = filled();
      assert.deepEqual(remainingPlaceholders(manifest), []);
      assert.equal(manifest.id, TEAMS_APP_ID);
      assert.equal(manifest.bots[0].botId, BOT_ID);
      assert.deepEqual(manifest.validDomains, ["abc.devtunnels.ms"]);
    });

    it("does not change the template object it is given", () => {
      const parsed = JSON.parse(template) as Json;
      const before = clone(parsed);
      fillManifest(parsed, VALUES);
      assert.deepEqual(parsed, before);
    });

    it("refuses a placeholder that has no value", () => {
      assert.throws(() => fillManifest({ id: "${{TEAMS_APP_ID}}", x: "${{NOPE}}" }, VALUES), (e: unknown) => {
        return e instanceof PackageError && /NOPE/.test(e.message);
      });
    });

    it("normalises BOT_DOMAIN to a host name", () => {
      assert.equal(normaliseDomain("https://Abc.devtunnels.ms/api/messages"), "abc.devtunnels.ms");
      assert.equal(normaliseDomain(" abc.devtunnels.ms "), "abc.devtunnels.ms");
      assert.equal(normaliseDomain(""), undefined);
      assert.equal(normaliseDomain(undefined), undefined);
    });
  });

  describe("values from configuration", () => {
    it("uses MICROSOFT_APP_ID, TEAMS_APP_ID and BOT_DOMAIN", () => {
      const config = parseConfig({
        MICROSOFT_APP_ID: BOT_ID,
        MICROSOFT_APP_PASSWORD: "secret",
        TEAMS_APP_ID,
        BOT_DOMAIN: "abc.devtunnels.ms",
      });
      assert.deepEqual(placeholderValues(config), VALUES);
    });

    it("falls back to the local-only Teams app id", () => {
      const config = parseConfig({ MICROSOFT_APP_ID: BOT_ID, MICROSOFT_APP_PASSWORD: "secret" });
      const values = placeholderValues(config);
      assert.equal(values.TEAMS_APP_ID, LOCAL_TEAMS_APP_ID);
      assert.equal(values.BOT_DOMAIN, undefined);
    });

    it("stops with one line naming MICROSOFT_APP_ID when it is not set", () => {
      const config = parseConfig({});
      assert.throws(() => placeholderValues(config), (e: unknown) => {
        return e instanceof PackageError && e.message.includes("MICROSOFT_APP_ID") && !e.message.includes("\n");
      });
    });

    it("uses the all-zero bot id with --allow-placeholder", async () => {
      const values = placeholderValues(parseConfig({}), { allowPlaceholder: true });
      assert.equal(values.BOT_ID, PLACEHOLDER_BOT_ID);
      assert.deepEqual(await validateManifest(fillManifest(template, values)), []);
    });
  });

  describe("content", () => {
    it("has a bot in personal, team and group chat scopes, without files", () => {
      const bot = filled().bots[0];
      assert.deepEqual([...bot.scopes].sort(), ["groupChat", "personal", "team"]);
      assert.equal(bot.supportsFiles, false);
    });

    it("lists the personal commands", () => {
      const personal = filled().bots[0].commandLists.find((l: Obj) => l.scopes.includes("personal"));
      const titles = personal.commands.map((c: Obj) => c.title);
      for (const t of ["help", "plan", "interest", "role"]) assert.ok(titles.includes(t), `personal command ${t}`);
      assert.ok(titles.some((t: string) => t.endsWith("?")), "a sample question");
      for (const c of personal.commands) assert.ok(c.description.length > 0);
    });

    it("lists help for team and group chat", () => {
      const lists = filled().bots[0].commandLists as Obj[];
      for (const scope of ["team", "groupChat"]) {
        const list = lists.find((l) => l.scopes.includes(scope));
        assert.ok(list, `a command list for ${scope}`);
        assert.deepEqual(list.commands.map((c: Obj) => c.title), ["help"]);
      }
    });

    it("has the My secondment personal tab beside the chat, with single sign-on on the bot's Entra app", () => {
      const manifest = filled();
      assert.deepEqual(manifest.staticTabs, [
        { entityId: "conversations", scopes: ["personal"] },
        { entityId: "my-secondment", name: "My secondment", contentUrl: "https://abc.devtunnels.ms/tab/personal?theme={theme}", scopes: ["personal"] },
        { entityId: "programme", name: "Programme", contentUrl: "https://abc.devtunnels.ms/tab/programme?theme={theme}", scopes: ["personal"] },
      ]);
      assert.deepEqual(manifest.webApplicationInfo, { id: BOT_ID, resource: `api://abc.devtunnels.ms/${BOT_ID}` });
      assert.deepEqual(manifest.validDomains, ["abc.devtunnels.ms"]);
    });

    it("offers the Programme workspace as a tab for the programme team's own channel", () => {
      assert.deepEqual(filled().configurableTabs, [
        { configurationUrl: "https://abc.devtunnels.ms/tab/programme?config=1&theme={theme}", canUpdateConfiguration: false, scopes: ["team"], context: ["channelTab"] },
      ]);
    });

    it("asks for identity and messageTeamMembers", () => {
      assert.deepEqual([...filled().permissions].sort(), ["identity", "messageTeamMembers"]);
    });

    it("names the developer and icons", () => {
      const manifest = filled();
      assert.equal(manifest.developer.name, "Secondments programme team");
      assert.deepEqual(manifest.icons, { color: "color.png", outline: "outline.png" });
      assert.match(manifest.accentColor, /^#[0-9A-F]{6}$/i);
    });
  });

  describe("icons", () => {
    const color = PNG.sync.read(readFileSync(fromRoot("manifest", "color.png")));
    const outline = PNG.sync.read(readFileSync(fromRoot("manifest", "outline.png")));

    it("color.png is 192×192", () => {
      assert.equal(color.width, 192);
      assert.equal(color.height, 192);
    });

    it("outline.png is 32×32, white on a transparent background", () => {
      assert.equal(outline.width, 32);
      assert.equal(outline.height, 32);
      let white = 0;
      let clear = 0;
      for (let i = 0; i < outline.data.length; i += 4) {
        const [r, g, b, a] = [outline.data[i], outline.data[i + 1], outline.data[i + 2], outline.data[i + 3]];
        assert.ok(a === 0 || a === 255, `alpha is 0 or 255 (pixel ${i / 4})`);
        if (a === 255) {
          assert.deepEqual([r, g, b], [255, 255, 255], `opaque pixel ${i / 4} is white`);
          white++;
        } else clear++;
      }
      // Corners are background; the symbol covers a fair part of the icon.
      for (const p of [0, 31, 32 * 31, 32 * 32 - 1]) assert.equal(outline.data[p * 4 + 3], 0, `corner ${p} is transparent`);
      assert.ok(white > 200 && clear > 200, `white ${white}, transparent ${clear}`);
    });

    it("pass the package's icon checks, which catch wrong icons", () => {
      const { color: c, outline: o } = readSources();
      assert.deepEqual(checkIcons(c, o), []);
      assert.ok(checkIcons(o, c).length >= 2, "swapped icons are caught");
    });

    it("are what scripts/draw-icons draws", () => {
      assert.ok(drawColorIcon().data.equals(color.data), "run node dist/scripts/draw-icons.js");
      assert.ok(drawOutlineIcon().data.equals(outline.data), "run node dist/scripts/draw-icons.js");
    });
  });

  describe("package", () => {
    it("holds exactly manifest.json, color.png and outline.png, at the root", async () => {
      const sources = readSources();
      const manifest = filled();
      const zip = await JSZip.loadAsync(await buildPackage({ manifest, color: sources.color, outline: sources.outline }));
      const names = Object.keys(zip.files).sort();
      assert.deepEqual(names, [...PACKAGE_FILES].sort());
      assert.ok(!Object.values(zip.files).some((f) => f.dir));
      assert.deepEqual(JSON.parse(await zip.file("manifest.json")!.async("string")), manifest);
      assert.ok((await zip.file("color.png")!.async("nodebuffer")).equals(sources.color));
      assert.ok((await zip.file("outline.png")!.async("nodebuffer")).equals(sources.outline));
    });

    it("packageApp fills, validates and zips the manifest in manifest/", async () => {
      const { zip, manifest } = await packageApp(VALUES);
      const files = await JSZip.loadAsync(zip);
      const inZip = JSON.parse(await files.file("manifest.json")!.async("string")) as Obj;
      assert.deepEqual(manifest, inZip);
      assert.equal(inZip.bots[0].botId, BOT_ID);
      assert.deepEqual(remainingPlaceholders(inZip), []);
    });

    it("packageApp refuses an invalid manifest", async () => {
      const sources = readSources();
      await assert.rejects(packageApp({ ...VALUES, BOT_ID: "nope" }, sources), (e: unknown) => {
        return e instanceof PackageError && /botId/.test(e.message);
      });
    });

    it("is the same bytes for the same inputs", async () => {
      const sources = readSources();
      const a = await buildPackage({ manifest: filled(), color: sources.color, outline: sources.outline });
      const b = await buildPackage({ manifest: filled(), color: sources.color, outline: sources.outline });
      assert.ok(a.equals(b));
    });
  });
});
