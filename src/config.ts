import { existsSync, readFileSync } from "node:fs";
import { isAbsolute } from "node:path";
import { parseEnv } from "node:util";
import { z } from "zod";
import { fromRoot } from "./paths";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalText = z.preprocess(emptyToUndefined, z.string().trim().optional());
const optionalGuid = z.preprocess(emptyToUndefined, z.string().trim().regex(GUID, "must be a GUID").optional());

/** The environment variables the app reads. Documented in env/.env.example. */
const EnvSchema = z
  .object({
    PORT: z.preprocess(emptyToUndefined, z.coerce.number().int("must be a whole number").min(0).max(65535).default(3978)),
    HOST: z.preprocess(emptyToUndefined, z.string().default("127.0.0.1")),
    LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(["debug", "info", "warn", "error", "silent"]).default("info")),

    MICROSOFT_APP_ID: optionalGuid,
    MICROSOFT_APP_PASSWORD: optionalText,
    MICROSOFT_APP_TENANT_ID: optionalGuid,
    MICROSOFT_APP_TYPE: z.preprocess(
      emptyToUndefined,
      z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"]).default("MultiTenant"),
    ),

    COSMOS_ENDPOINT: z.preprocess(emptyToUndefined, z.url({ message: "must be a URL such as https://myaccount.documents.azure.com:443/" }).optional()),
    COSMOS_KEY: optionalText,
    COSMOS_CONNECTION_STRING: optionalText,
    COSMOS_DATABASE: z.preprocess(
      emptyToUndefined,
      z.string().regex(/^[A-Za-z0-9_-]{1,255}$/, "must be 1 to 255 letters, digits, - or _").default("secondments"),
    ),
    DATA_DIR: z.preprocess(emptyToUndefined, z.string().default(".data")),
    /** Client id of the user-assigned managed identity used for Cosmos (and Graph) when no key is set. */
    AZURE_CLIENT_ID: optionalGuid,
    ALLOW_EMBEDDED_STORE_IN_PRODUCTION: z.preprocess(emptyToUndefined, z.enum(["true", "false"], { message: "must be true or false" }).default("false")),

    APPLICATIONINSIGHTS_CONNECTION_STRING: z.preprocess(
      emptyToUndefined,
      z.string().regex(/InstrumentationKey=[^;]+/i, "must look like InstrumentationKey=...;IngestionEndpoint=...").optional(),
    ),
    /** Instance-lifetime settings for a graceful stop (App Service gives 30 s after SIGTERM). */
    SHUTDOWN_GRACE_MS: z.preprocess(emptyToUndefined, z.coerce.number().int("must be a whole number").min(0).max(120_000).default(25_000)),

    GRAPH_INSTALL_FOR_USERS: z.preprocess(emptyToUndefined, z.enum(["true", "false"], { message: "must be true or false" }).default("false")),
    GRAPH_BASE_URL: z.preprocess(emptyToUndefined, z.url({ message: "must be a URL such as https://graph.microsoft.com/v1.0" }).default("https://graph.microsoft.com/v1.0")),
    TEAMS_CATALOG_APP_ID: optionalText,

    PROGRAMME_TEAM_AAD_IDS: z.preprocess(
      (v) => (typeof v === "string" ? v.split(",").map((s) => s.trim()).filter(Boolean) : v ?? []),
      z.array(z.string().regex(GUID, "must be a comma-separated list of AAD object ids (GUIDs)")),
    ),
    PROGRAMME_TEAM_EMAIL: z.preprocess(
      emptyToUndefined,
      z.email({ message: "must be an email address" }).default("secondmentexpertise@cabinetoffice.gov.uk"),
    ),

    DEFAULT_DURATION_CAP_MONTHS: z.preprocess(
      emptyToUndefined,
      z.coerce.number().int("must be a whole number of months").min(1, "must be at least 1").max(120, "must be 120 or less").default(24),
    ),
    ORGANISATION_DURATION_CAPS: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(
          /^\s*[^=;]+=\s*\d{1,3}\s*(;\s*[^=;]+=\s*\d{1,3}\s*)*;?\s*$/,
          "must look like Organisation name=18;Other organisation=12",
        )
        .optional(),
    ),

    // People's data: how long closed records are kept before they are erased or anonymised.
    RETENTION_MONTHS: z.preprocess(
      emptyToUndefined,
      z.coerce.number().int("must be a whole number of months").min(1, "must be at least 1").max(120, "must be 120 or less").default(12),
    ),

    TEAMS_APP_ID: optionalGuid,
    BOT_DOMAIN: optionalText,

    // Tabs (single sign-on)
    TAB_TENANT_IDS: z.preprocess(
      (v) => (typeof v === "string" ? v.split(",").map((s) => s.trim()).filter(Boolean) : v ?? []),
      z.array(z.string().regex(GUID, "must be a comma-separated list of tenant ids (GUIDs)")),
    ),
    TAB_JWKS_URL: z.preprocess(
      emptyToUndefined,
      z.url({ message: "must be a URL" }).default("https://login.microsoftonline.com/common/discovery/v2.0/keys"),
    ),
    TAB_SERVICE_URL: z.preprocess(emptyToUndefined, z.url({ message: "must be a URL" }).default("https://smba.trafficmanager.net/teams/")),
  })
  .superRefine((env, ctx) => {
    if (env.MICROSOFT_APP_TYPE !== "UserAssignedMSI" && env.MICROSOFT_APP_ID && !env.MICROSOFT_APP_PASSWORD) {
      ctx.addIssue({ code: "custom", path: ["MICROSOFT_APP_PASSWORD"], message: "is required when MICROSOFT_APP_ID is set" });
    }
    if (env.MICROSOFT_APP_ID && env.MICROSOFT_APP_TYPE === "SingleTenant" && !env.MICROSOFT_APP_TENANT_ID) {
      ctx.addIssue({ code: "custom", path: ["MICROSOFT_APP_TENANT_ID"], message: "is required when MICROSOFT_APP_TYPE is SingleTenant" });
    }
    if (env.GRAPH_INSTALL_FOR_USERS === "true" && !env.TEAMS_CATALOG_APP_ID) {
      ctx.addIssue({ code: "custom", path: ["TEAMS_CATALOG_APP_ID"], message: "is required when GRAPH_INSTALL_FOR_USERS is true (the app's id in your organisation's app catalogue)" });
    }
    if (env.COSMOS_CONNECTION_STRING && !/AccountEndpoint=[^;]+;AccountKey=[^;]+/i.test(env.COSMOS_CONNECTION_STRING)) {
      ctx.addIssue({ code: "custom", path: ["COSMOS_CONNECTION_STRING"], message: "must look like AccountEndpoint=...;AccountKey=...;" });
    }
  });

/** Every environment variable the app reads (infra tests check the Bicep's app settings against it). */
export const ENV_VARIABLES: readonly string[] = Object.keys(EnvSchema.shape);

export type CosmosSettings =
  | { kind: "embedded"; dataDir: string; database: string }
  | { kind: "remote"; endpoint: string; key: string; database: string }
  /** No key: Microsoft Entra ID (managed identity, or the developer's Azure CLI sign-in). */
  | { kind: "identity"; endpoint: string; database: string; clientId: string | undefined };

export interface Config {
  port: number;
  host: string;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  bot: {
    appId: string | undefined;
    appPassword: string | undefined;
    tenantId: string | undefined;
    appType: "MultiTenant" | "SingleTenant" | "UserAssignedMSI";
  };
  cosmos: CosmosSettings;
  programmeTeam: { aadObjectIds: string[]; email: string };
  /** Longest secondment allowed, in months: per organisation (keys in lower case), else the default. */
  durationCaps: { defaultMonths: number; byOrganisation: Record<string, number> };
  teamsApp: { id: string | undefined; botDomain: string | undefined };
  /** Months after a record closes (withdrawn, closed, ended) before it is erased or anonymised. */
  retentionMonths: number;
  /** Tabs: the tenants whose sign-ins are accepted, where their keys are published, and the Bot
   * Connector URL for messages to people who have never chatted with the bot. */
  tab: { tenantIds: string[]; jwksUrl: string; serviceUrl: string };
  /** A single-instance trial may keep its data on local disk with an app id set. */
  allowEmbeddedStoreInProduction: boolean;
  telemetry: { connectionString: string | undefined };
  shutdownGraceMs: number;
  /** Install the app for people who do not have it (Graph TeamsAppInstallation.ReadWriteSelfForUser.All). */
  graph: { installForUsers: boolean; baseUrl: string; catalogAppId: string | undefined; clientId: string | undefined; tenantId: string | undefined };
}

export class ConfigError extends Error {
  constructor(readonly variable: string, readonly problem: string) {
    super(`${variable} ${problem}`);
    this.name = "ConfigError";
  }
}

function parseConnectionString(cs: string): { endpoint: string; key: string } {
  const parts = Object.fromEntries(
    cs.split(";").filter(Boolean).map((p) => {
      const i = p.indexOf("=");
      return [p.slice(0, i).trim().toLowerCase(), p.slice(i + 1).trim()];
    }),
  );
  return { endpoint: parts["accountendpoint"] ?? "", key: parts["accountkey"] ?? "" };
}

function parseCaps(raw: string | undefined): Record<string, number> {
  const caps: Record<string, number> = {};
  for (const part of (raw ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i < 0) continue;
    caps[normaliseOrganisation(part.slice(0, i))] = Number(part.slice(i + 1).trim());
  }
  return caps;
}

/** Organisation names are matched ignoring case and extra spaces. */
export function normaliseOrganisation(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

/** The duration cap for an organisation, in months. */
export function durationCapFor(config: Pick<Config, "durationCaps">, organisationName: string): number {
  return config.durationCaps.byOrganisation[normaliseOrganisation(organisationName)] ?? config.durationCaps.defaultMonths;
}

/**
 * Turn an environment into a typed Config. Throws ConfigError naming the first bad variable.
 * Pure: reads nothing but its argument.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const variable = String(issue.path[0] ?? "environment");
    throw new ConfigError(variable, issue.message.replace(/^Invalid input: /, ""));
  }
  const e = result.data;
  const remote = e.COSMOS_CONNECTION_STRING
    ? parseConnectionString(e.COSMOS_CONNECTION_STRING)
    : e.COSMOS_ENDPOINT && e.COSMOS_KEY
      ? { endpoint: e.COSMOS_ENDPOINT, key: e.COSMOS_KEY }
      : undefined;
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    bot: {
      appId: e.MICROSOFT_APP_ID,
      appPassword: e.MICROSOFT_APP_PASSWORD,
      tenantId: e.MICROSOFT_APP_TENANT_ID,
      appType: e.MICROSOFT_APP_TYPE,
    },
    cosmos: remote
      ? { kind: "remote", endpoint: remote.endpoint, key: remote.key, database: e.COSMOS_DATABASE }
      : e.COSMOS_ENDPOINT
        ? { kind: "identity", endpoint: e.COSMOS_ENDPOINT, database: e.COSMOS_DATABASE, clientId: e.AZURE_CLIENT_ID }
        : { kind: "embedded", dataDir: isAbsolute(e.DATA_DIR) ? e.DATA_DIR : fromRoot(e.DATA_DIR), database: e.COSMOS_DATABASE },
    programmeTeam: { aadObjectIds: e.PROGRAMME_TEAM_AAD_IDS, email: e.PROGRAMME_TEAM_EMAIL },
    durationCaps: { defaultMonths: e.DEFAULT_DURATION_CAP_MONTHS, byOrganisation: parseCaps(e.ORGANISATION_DURATION_CAPS) },
    teamsApp: { id: e.TEAMS_APP_ID, botDomain: e.BOT_DOMAIN },
    retentionMonths: e.RETENTION_MONTHS,
    tab: {
      tenantIds: e.TAB_TENANT_IDS.length ? e.TAB_TENANT_IDS : e.MICROSOFT_APP_TENANT_ID ? [e.MICROSOFT_APP_TENANT_ID] : [],
      jwksUrl: e.TAB_JWKS_URL,
      serviceUrl: e.TAB_SERVICE_URL,
    },
    allowEmbeddedStoreInProduction: e.ALLOW_EMBEDDED_STORE_IN_PRODUCTION === "true",
    telemetry: { connectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING },
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    graph: {
      installForUsers: e.GRAPH_INSTALL_FOR_USERS === "true",
      baseUrl: e.GRAPH_BASE_URL.replace(/\/+$/, ""),
      catalogAppId: e.TEAMS_CATALOG_APP_ID,
      clientId: e.AZURE_CLIENT_ID,
      tenantId: e.MICROSOFT_APP_TENANT_ID,
    },
  };
}

/**
 * A real tenant (an app id is set) with no Cosmos settings would keep its data on each instance's
 * own disk: two instances would each have their own. Refuse, unless asked for a single-instance trial.
 */
export function checkStoreForProduction(config: Config): void {
  if (config.bot.appId && config.cosmos.kind === "embedded" && !config.allowEmbeddedStoreInProduction) {
    throw new ConfigError(
      "COSMOS_ENDPOINT",
      "is required when MICROSOFT_APP_ID is set: without it each instance keeps its own data on local disk " +
        "(set ALLOW_EMBEDDED_STORE_IN_PRODUCTION=true only for a single-instance trial)",
    );
  }
}

/**
 * The environment the app runs with: values in env/.env.local (and in ENV_FILE, if set) fill in
 * whatever the process environment does not set. The process environment always wins.
 */
export function readEnvironment(processEnv: NodeJS.ProcessEnv = process.env): Record<string, string | undefined> {
  const files = [fromRoot("env", ".env.local")];
  if (processEnv.ENV_FILE) files.push(isAbsolute(processEnv.ENV_FILE) ? processEnv.ENV_FILE : fromRoot(processEnv.ENV_FILE));
  const fromFiles: Record<string, string> = {};
  for (const file of files) {
    if (!existsSync(file)) {
      if (file !== files[0]) throw new ConfigError("ENV_FILE", `names a file that does not exist: ${file}`);
      continue;
    }
    Object.assign(fromFiles, parseEnv(readFileSync(file, "utf8")));
  }
  return { ...fromFiles, ...processEnv };
}

/** Read and parse the configuration once, at start-up. */
export function loadConfig(processEnv: NodeJS.ProcessEnv = process.env): Config {
  return parseConfig(readEnvironment(processEnv));
}

/** For process entry points: the configuration, or one line naming the bad variable and exit 1. */
export function loadConfigOrExit(processEnv: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(processEnv);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}
