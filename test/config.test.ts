import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { ConfigError, durationCapFor, parseConfig } from "../src/config";
import { fromRoot } from "../src/paths";

describe("configuration", () => {
  it("defaults to port 3978 and the embedded store", () => {
    const c = parseConfig({});
    assert.equal(c.port, 3978);
    assert.equal(c.cosmos.kind, "embedded");
    assert.equal(c.bot.appId, undefined);
    assert.deepEqual(c.programmeTeam.aadObjectIds, []);
  });

  it("uses Azure Cosmos DB from an endpoint and key, or a connection string", () => {
    const a = parseConfig({ COSMOS_ENDPOINT: "https://acct.documents.azure.com:443/", COSMOS_KEY: "k==" });
    assert.deepEqual(a.cosmos, { kind: "remote", endpoint: "https://acct.documents.azure.com:443/", key: "k==", database: "secondments" });
    const b = parseConfig({ COSMOS_CONNECTION_STRING: "AccountEndpoint=https://b.documents.azure.com:443/;AccountKey=abc==;", COSMOS_DATABASE: "prog" });
    assert.deepEqual(b.cosmos, { kind: "remote", endpoint: "https://b.documents.azure.com:443/", key: "abc==", database: "prog" });
  });

  it("accepts tab sign-ins from the listed tenants, or else the app's own tenant", () => {
    const own = "11111111-2222-3333-4444-555555555555";
    assert.deepEqual(parseConfig({}).tab.tenantIds, []);
    assert.deepEqual(parseConfig({ MICROSOFT_APP_TENANT_ID: own }).tab.tenantIds, [own]);
    const listed = parseConfig({ MICROSOFT_APP_TENANT_ID: own, TAB_TENANT_IDS: "66666666-7777-8888-9999-000000000000, 77777777-7777-8888-9999-000000000000" });
    assert.deepEqual(listed.tab.tenantIds, ["66666666-7777-8888-9999-000000000000", "77777777-7777-8888-9999-000000000000"]);
    assert.equal(parseConfig({}).tab.jwksUrl, "https://login.microsoftonline.com/common/discovery/v2.0/keys");
    assert.throws(() => parseConfig({ TAB_TENANT_IDS: "contoso" }), (e: ConfigError) => e.variable === "TAB_TENANT_IDS");
    assert.throws(() => parseConfig({ TAB_JWKS_URL: "keys" }), (e: ConfigError) => e.variable === "TAB_JWKS_URL");
  });

  it("reads the programme team as a list of AAD object ids", () => {
    const c = parseConfig({ PROGRAMME_TEAM_AAD_IDS: " 11111111-2222-3333-4444-555555555555 ,66666666-7777-8888-9999-000000000000" });
    assert.equal(c.programmeTeam.aadObjectIds.length, 2);
  });

  it("reads organisation duration caps, matching names without regard to case or spacing", () => {
    const c = parseConfig({ ORGANISATION_DURATION_CAPS: "HM Treasury=18; Leeds  City Council = 12;" });
    assert.equal(durationCapFor(c, "hm treasury"), 18);
    assert.equal(durationCapFor(c, " Leeds City  council "), 12);
    assert.equal(durationCapFor(c, "Cabinet Office"), 24);
    assert.equal(durationCapFor(parseConfig({ DEFAULT_DURATION_CAP_MONTHS: "36" }), "Cabinet Office"), 36);
  });

  const bad: [Record<string, string>, string, RegExp][] = [
    [{ PORT: "eighty" }, "PORT", /number/],
    [{ PORT: "70000" }, "PORT", /65535/],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL", /debug/],
    [{ MICROSOFT_APP_ID: "not-a-guid" }, "MICROSOFT_APP_ID", /GUID/],
    [{ MICROSOFT_APP_ID: "11111111-2222-3333-4444-555555555555" }, "MICROSOFT_APP_PASSWORD", /required/],
    [{ MICROSOFT_APP_ID: "11111111-2222-3333-4444-555555555555", MICROSOFT_APP_PASSWORD: "x", MICROSOFT_APP_TYPE: "SingleTenant" }, "MICROSOFT_APP_TENANT_ID", /required/],
    [{ MICROSOFT_APP_TYPE: "Anything" }, "MICROSOFT_APP_TYPE", /MultiTenant/],
    [{ COSMOS_ENDPOINT: "not a url", COSMOS_KEY: "k" }, "COSMOS_ENDPOINT", /URL/],
    [{ COSMOS_CONNECTION_STRING: "nonsense" }, "COSMOS_CONNECTION_STRING", /AccountEndpoint/],
    [{ COSMOS_DATABASE: "has spaces" }, "COSMOS_DATABASE", /letters/],
    [{ PROGRAMME_TEAM_AAD_IDS: "alice,bob" }, "PROGRAMME_TEAM_AAD_IDS", /GUID/],
    [{ PROGRAMME_TEAM_EMAIL: "nobody" }, "PROGRAMME_TEAM_EMAIL", /email/],
    [{ ORGANISATION_DURATION_CAPS: "HM Treasury" }, "ORGANISATION_DURATION_CAPS", /Organisation name=18/],
    [{ DEFAULT_DURATION_CAP_MONTHS: "0" }, "DEFAULT_DURATION_CAP_MONTHS", /at least 1/],
  ];
  for (const [env, variable, why] of bad) {
    it(`refuses ${JSON.stringify(env)}, naming ${variable}`, () => {
      assert.throws(
        () => parseConfig(env),
        (err: unknown) => err instanceof ConfigError && err.variable === variable && why.test(err.message),
      );
    });
  }

  it("stops start-up with one line naming the bad variable", () => {
    const r = spawnSync(process.execPath, [fromRoot("dist", "bot", "main.js")], {
      env: { ...process.env, PORT: "not-a-port" },
      encoding: "utf8",
      timeout: 15_000,
    });
    assert.equal(r.status, 1);
    assert.equal(r.stderr.trim().split("\n").length, 1, `one line expected, got:\n${r.stderr}`);
    assert.match(r.stderr, /^Configuration error: PORT /);
  });

  it("commits no secrets: env files hold no passwords or keys", async () => {
    const { readFileSync } = await import("node:fs");
    for (const file of ["env/.env.local", "env/.env.example"]) {
      const text = readFileSync(fromRoot(file), "utf8");
      for (const name of ["MICROSOFT_APP_PASSWORD", "COSMOS_KEY", "COSMOS_CONNECTION_STRING"]) {
        const line = text.split("\n").find((l) => l.startsWith(`${name}=`));
        assert.ok(!line || line === `${name}=`, `${file} sets ${name}`);
      }
    }
  });
});
