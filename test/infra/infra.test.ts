import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import Ajv from "ajv";
import { parse as parseYaml } from "yaml";
import { checkStoreForProduction, ENV_VARIABLES, parseConfig } from "../../src/config";
import { fromRoot } from "../../src/paths";
import { CONTAINERS, CONTAINER_DEFINITIONS } from "../../src/store/store";
import { CONTAINERS_JSON, containerDefinitionsJson } from "../../scripts/write-container-definitions";

/**
 * The infrastructure files, checked offline. No Bicep compiler installs from npm or Debian
 * without downloading a binary, so the Bicep is checked structurally: the resources and settings
 * the issue lists, and the Cosmos containers read from the JSON the code writes.
 */
const bicep = readFileSync(fromRoot("infra", "main.bicep"), "utf8");
/** The Bicep without comments, so that a commented-out line proves nothing. */
const code = bicep.replace(/^\s*\/\/.*$/gm, "").replace(/\s\/\/ .*$/gm, "");

/** Index of the quote that closes the Bicep string opening at `start` (Bicep escapes with a backslash). */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === "'") return i;
  }
  assert.fail(`unterminated string at ${start}`);
}

/** The body of a resource declaration (from its opening brace to the matching close). */
function resourceBody(type: string): string {
  const at = code.search(new RegExp(`resource \\w+ '${type.replace(/[/.]/g, "\\$&")}@[\\w-]+' = [{\\[]`));
  assert.ok(at >= 0, `the Bicep declares a ${type}`);
  const open = code.slice(at).search(/[{[]/) + at;
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const ch = code[i];
    if (ch === "'") i = stringEnd(code, i);
    else if (ch === "{" || ch === "[") depth++;
    else if (ch === "}" || ch === "]") if (--depth === 0) return code.slice(open, i + 1);
  }
  assert.fail(`unbalanced braces in ${type}`);
}

describe("infrastructure (infra/, m365agents.yml)", () => {
  describe("Cosmos containers: one source of truth", () => {
    it("infra/cosmos-containers.json is what the code defines (run npm run infra:containers after changing a container)", () => {
      assert.equal(readFileSync(CONTAINERS_JSON, "utf8"), containerDefinitionsJson());
    });

    it("defines every container the store uses, partitioned on /pk", () => {
      const written = JSON.parse(readFileSync(CONTAINERS_JSON, "utf8")) as { id: string; partitionKeyPath: string }[];
      assert.deepEqual(written.map((c) => c.id).sort(), Object.values(CONTAINERS).sort());
      for (const c of written) assert.equal(c.partitionKeyPath, CONTAINER_DEFINITIONS[c.id as keyof typeof CONTAINERS].partitionKeyPath);
    });

    it("the Bicep creates its containers from that file and no others", () => {
      const load = /var (\w+) = loadJsonContent\('cosmos-containers\.json'\)/.exec(code);
      assert.ok(load, "the Bicep reads cosmos-containers.json");
      const body = resourceBody("Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers");
      assert.match(body, new RegExp(`^\\[\\s*for (\\w+) in ${load[1]}:`), "one container per entry of the file");
      const item = /for (\w+) in/.exec(body)![1]!;
      for (const field of ["id", "partitionKeyPath", "indexingPolicy", "defaultTtl"]) assert.match(body, new RegExp(`\\b${item}\\.${field}\\b`), `uses ${field}`);
      assert.equal(code.match(/'Microsoft\.DocumentDB\/databaseAccounts\/sqlDatabases\/containers@/g)?.length, 1, "no container declared by hand");
    });
  });

  describe("the Bicep", () => {
    it("has balanced braces and brackets, and every parameter without a default is given by the parameters file", () => {
      let depth = 0;
      for (let i = 0; i < code.length; i++) {
        const ch = code[i];
        if (ch === "'") i = stringEnd(code, i);
        else if (ch === "{" || ch === "[" || ch === "(") depth++;
        else if (ch === "}" || ch === "]" || ch === ")") assert.ok(--depth >= 0, `unbalanced at ${i}`);
      }
      assert.equal(depth, 0);
      const params = [...code.matchAll(/^param (\w+) (\w+)( = .*)?$/gm)].map((m) => ({ name: m[1]!, type: m[2]!, defaulted: Boolean(m[3]) }));
      const given = JSON.parse(readFileSync(fromRoot("infra", "main.parameters.json"), "utf8")).parameters as Record<string, { value: unknown }>;
      for (const name of Object.keys(given)) assert.ok(params.some((p) => p.name === name), `${name} is a parameter of the Bicep`);
      for (const p of params.filter((p) => !p.defaulted)) assert.ok(p.name in given, `${p.name} is given`);
      for (const p of params) if (p.name in given && typeof given[p.name]!.value !== "string") assert.equal(typeof given[p.name]!.value, p.type === "int" ? "number" : "boolean", p.name);
    });

    it("declares the identity, Azure Bot with the Teams channel, Linux App Service, Cosmos DB and Application Insights as the issue lists", () => {
      resourceBody("Microsoft.ManagedIdentity/userAssignedIdentities");
      const bot = resourceBody("Microsoft.BotService/botServices");
      assert.match(bot, /kind: 'azurebot'/);
      assert.match(bot, /msaAppType: 'UserAssignedMSI'/);
      assert.match(bot, /msaAppMSIResourceId: identity\.id/);
      assert.match(bot, /endpoint: 'https:\/\/\$\{webApp\.properties\.defaultHostName\}\/api\/messages'/);
      assert.match(resourceBody("Microsoft.BotService/botServices/channels"), /channelName: 'MsTeamsChannel'/);
      const plan = resourceBody("Microsoft.Web/serverfarms");
      assert.match(plan, /reserved: true/);
      assert.match(plan, /capacity: instanceCount/);
      assert.match(code, /@minValue\(2\)\s*@maxValue\(10\)[^]*?param instanceCount int/);
      const site = resourceBody("Microsoft.Web/sites");
      for (const re of [/linuxFxVersion: 'NODE\|24-lts'/, /alwaysOn: true/, /httpsOnly: true/, /healthCheckPath: '\/healthz'/, /type: 'UserAssigned'/]) assert.match(site, re);
      const cosmos = resourceBody("Microsoft.DocumentDB/databaseAccounts");
      assert.match(cosmos, /disableLocalAuth: true/);
      assert.match(cosmos, /backupPolicy: \{\s*type: 'Continuous'/);
      const role = resourceBody("Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments");
      assert.match(code, /cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'/);
      assert.match(role, /principalId: identity\.properties\.principalId/);
      assert.match(resourceBody("Microsoft.Insights/components"), /WorkspaceResourceId: logs\.id/);
      resourceBody("Microsoft.OperationalInsights/workspaces");
    });

    it("gives the app settings the app reads, no secrets, and they make a configuration that starts in identity mode", () => {
      const site = resourceBody("Microsoft.Web/sites");
      const settings = Object.fromEntries([...site.matchAll(/\{ name: '(\w+)', value: ([^}]+?) \}/g)].map((m) => [m[1]!, m[2]!.trim()]));
      const appOnly = ["WEBSITE_RUN_FROM_PACKAGE", "SCM_DO_BUILD_DURING_DEPLOYMENT"];
      for (const name of Object.keys(settings)) if (!appOnly.includes(name)) assert.ok(ENV_VARIABLES.includes(name), `${name} is read by src/config.ts`);
      for (const secret of ["COSMOS_KEY", "COSMOS_CONNECTION_STRING", "MICROSOFT_APP_PASSWORD"]) assert.ok(!(secret in settings), `no ${secret}`);
      // Stand-in values for the Bicep expressions, then parse as the app would.
      const sample: Record<string, string> = {
        "identity.properties.clientId": "11111111-2222-3333-4444-555555555555",
        "identity.properties.tenantId": "66666666-7777-8888-9999-000000000000",
        "cosmos.properties.documentEndpoint": "https://acct.documents.azure.com:443/",
        "appInsights.properties.ConnectionString": "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://example.invalid/",
        cosmosDatabaseName: "secondments",
        teamsAppId: "22222222-3333-4444-5555-666666666666",
        programmeTeamAadIds: "",
        programmeTeamEmail: "team@example.gov.uk",
        "graphInstallForUsers ? 'true' : 'false'": "false",
        teamsCatalogAppId: "",
      };
      const env = Object.fromEntries(
        Object.entries(settings).map(([k, v]) => [k, v.startsWith("'") ? v.slice(1, -1).replace(/\$\{resourceBaseName\}/, "demo") : sample[v] ?? assert.fail(`no sample for ${v}`)]),
      );
      const config = parseConfig(env);
      assert.equal(config.cosmos.kind, "identity");
      assert.equal(config.bot.appType, "UserAssignedMSI");
      assert.equal(config.cosmos.kind === "identity" && config.cosmos.clientId, config.bot.appId, "Cosmos uses the bot's managed identity");
      assert.ok(config.telemetry.connectionString);
      checkStoreForProduction(config);
    });
  });

  describe("m365agents.yml", () => {
    const project = parseYaml(readFileSync(fromRoot("m365agents.yml"), "utf8")) as Record<string, { uses: string; with?: Record<string, unknown> }[]> & { version: string };

    it("is valid against the Microsoft 365 Agents Toolkit's published schema (shipped in @microsoft/m365agentstoolkit-cli)", () => {
      const schemaFile = require.resolve(`@microsoft/m365agentstoolkit-cli/resource/yaml-schema/${project.version}/yaml.schema.json`);
      const ajv = new Ajv({ allErrors: true, strict: false });
      const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, "utf8")));
      assert.ok(validate(project), ajv.errorsText(validate.errors));
    });

    it("provisions, deploys and publishes with the steps the issue lists, pointing at files that exist", () => {
      const uses = (stage: string) => project[stage]!.map((a) => a.uses);
      for (const step of ["teamsApp/create", "arm/deploy", "teamsApp/validateManifest", "teamsApp/zipAppPackage", "teamsApp/update"]) assert.ok(uses("provision").includes(step), `provision ${step}`);
      assert.ok(uses("deploy").includes("azureAppService/zipDeploy"));
      assert.ok(uses("publish").includes("teamsApp/publishAppPackage"));
      const paths = JSON.stringify(project).match(/"\.\/[^"$]+\.(bicep|json)"/g) ?? [];
      assert.ok(paths.length >= 3);
      for (const p of paths) assert.ok(existsSync(fromRoot(JSON.parse(p))), `${p} exists`);
      const scripts = JSON.parse(readFileSync(fromRoot("package.json"), "utf8")).scripts as Record<string, string>;
      for (const a of project.deploy!) if (a.uses === "cli/runNpmCommand") {
        const run = /^run ([\w:-]+)/.exec(String(a.with!.args));
        if (run) assert.ok(scripts[run[1]!], `npm script ${run[1]} exists`);
      }
    });

    it("every ${{VARIABLE}} it and the parameters file use is listed in env/.env.dev", () => {
      const known = new Set(
        readFileSync(fromRoot("env", ".env.dev"), "utf8").split("\n").map((l) => /^([A-Z0-9_]+)=/.exec(l)?.[1]).filter(Boolean),
      );
      const builtIn = new Set(["TEAMSFX_ENV", "AZURE_SUBSCRIPTION_ID", "AZURE_RESOURCE_GROUP_NAME", "AAD_APP_ACCESS_AS_USER_PERMISSION_ID"]);
      const text = ["m365agents.yml", "infra/main.parameters.json", "infra/aad.manifest.json", "manifest/manifest.json"].map((f) => readFileSync(fromRoot(f), "utf8")).join("\n");
      for (const [, name] of text.matchAll(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g)) assert.ok(known.has(name!) || builtIn.has(name!), `${name} is in env/.env.dev`);
    });
  });
});
