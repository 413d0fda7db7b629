import assert from "node:assert/strict";
import JSZip from "jszip";
import sinon from "sinon";
import { checkLanguageFiles, fillManifest, packageApp, PackageError, readSources, type PlaceholderValues } from "../../scripts/package-app";

const VALUES: PlaceholderValues = { TEAMS_APP_ID: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", BOT_ID: "11111111-2222-4333-8444-555555555555", BOT_DOMAIN: "abc.devtunnels.ms" };

describe("Teams app manifest in Welsh", () => {
  let fetchStub: sinon.SinonStub;
  beforeEach(() => {
    fetchStub = sinon.stub(globalThis, "fetch").rejects(new Error("network access in a test"));
  });
  afterEach(() => {
    assert.equal(fetchStub.callCount, 0, "nothing may be fetched");
    fetchStub.restore();
  });

  it("names English (en-GB) as the default and a Welsh file, and the package carries it", async () => {
    const { zip, manifest } = await packageApp(VALUES);
    const info = manifest["localizationInfo"] as { defaultLanguageTag: string; additionalLanguages: { languageTag: string; file: string }[] };
    assert.equal(info.defaultLanguageTag.toLowerCase(), "en-gb");
    assert.deepEqual(info.additionalLanguages, [{ languageTag: "cy", file: "cy.json" }]);
    const files = await JSZip.loadAsync(zip);
    const cy = JSON.parse(await files.file("cy.json")!.async("string")) as Record<string, string>;
    assert.equal(cy["name.short"], "Secondiadau");
    assert.match(cy["description.full"]!, /rheolwr llinell/);
    assert.match(cy["description.short"]!, /secondiad/);
  });

  it("refuses a Welsh file that breaks the Localization schema, or leaves a name out", async () => {
    const sources = readSources();
    const manifest = fillManifest(sources.template, VALUES);
    const tooLong = { ...JSON.parse(sources.languages!["cy.json"]!), "name.short": "x".repeat(31) };
    const bad = await checkLanguageFiles(manifest, { "cy.json": JSON.stringify(tooLong) });
    assert.ok(bad.problems.some((p) => /cy\.json/.test(p) && /name\.short/.test(p)), bad.problems.join("\n"));
    const { ["description.full"]: _gone, ...partial } = JSON.parse(sources.languages!["cy.json"]!);
    const missing = await checkLanguageFiles(manifest, { "cy.json": JSON.stringify(partial) });
    assert.ok(missing.problems.some((p) => /description\.full/.test(p)), missing.problems.join("\n"));
    await assert.rejects(packageApp(VALUES, { ...sources, languages: {} }), (e: unknown) => e instanceof PackageError && /cy\.json \(cy\) is named in localizationInfo/.test(e.message));
  });
});
