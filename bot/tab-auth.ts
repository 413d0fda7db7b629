import { randomBytes } from "node:crypto";
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload } from "jose";
import type { Request } from "restify";
import { z } from "zod";
import type { Config } from "../src/config";
import type { PersonId } from "../src/domain/person";
import { DEMO_TENANT_ID, demoPersonByKey } from "../src/demo/people";
import { DEFAULT_LANG, isLang, langFromLocale, t, type Lang } from "../src/i18n";

/**
 * Who is calling the tab API. Only ever built from a verified token: an Entra ID access token the
 * page got with teams-js getAuthToken(), or (local development only) a development session token
 * this process signed itself.
 */
export interface TabIdentity {
  person: PersonId;
  /** Display name and email from the verified token, used only to prefill forms. */
  name?: string;
  email?: string;
  dev: boolean;
}

/** Why a sign-in was refused: a key of the "errors.tab.*" messages (tabProblemText puts it in words). */
export const TAB_PROBLEMS = ["signIn", "notSetUp", "notChecked", "missingClaim", "otherOrganisation", "wrongIssuer", "noScope", "signInAgain", "devEnded"] as const;
export type TabProblem = (typeof TAB_PROBLEMS)[number];

export type TabAuthResult = { ok: true; identity: TabIdentity } | { ok: false; problem: TabProblem };

/**
 * The language of a request from someone not (yet) known: ?lang=, else the ?locale= the page passes,
 * else the browser's Accept-Language; undefined when none of them says.
 */
export function requestLang(req: Pick<Request, "url" | "header">): Lang | undefined {
  const query = new URL(req.url ?? "/", "http://localhost").searchParams;
  for (const asked of [query.get("lang"), query.get("locale"), String(req.header("accept-language") ?? "").split(",")[0]]) {
    const v = asked?.trim();
    if (!v) continue;
    if (isLang(v)) return v;
    if (/^[A-Za-z]{2,3}(?:[-_;]|$)/.test(v)) return langFromLocale(v) ?? DEFAULT_LANG;
  }
  return undefined;
}

/** A tab error before (or without) sign-in: in `lang` when known, else English and Welsh together. */
export function tabErrorText(key: string, lang: Lang | undefined): string {
  return lang ? t(lang, key) : `${t("en-GB", key)} / ${t("cy", key)}`;
}

/** Why the sign-in was refused, in words (see tabErrorText). */
export const tabProblemText = (problem: TabProblem, lang: Lang | undefined): string => tabErrorText(`errors.tab.${problem}`, lang);

const SCOPE = "access_as_user";
const ENTRA_ISSUER = (tid: string) => `https://login.microsoftonline.com/${tid}/v2.0`;
const DEV_ISSUER = "urn:secondments:dev-sign-in";
const DEV_AUDIENCE = "urn:secondments:tab";
/** A development session lasts a working day. */
const DEV_SESSION = "8h";

/** The claims we rely on, checked after the signature, dates, issuer and audience are. */
const EntraClaims = z.looseObject({
  tid: z.string().min(1).max(100),
  oid: z.string().min(1).max(100),
  scp: z.string().max(2000),
  name: z.string().max(256).optional(),
  preferred_username: z.string().max(256).optional(),
});

const DevClaims = z.looseObject({ sub: z.string().min(1).max(40) });

function bearerOf(header: string | undefined): string | undefined {
  const m = /^Bearer ([A-Za-z0-9._~+/=-]{10,8192})$/.exec(header?.trim() ?? "");
  return m?.[1];
}

/**
 * Verifies tab bearer tokens. Keys come from the tenant's published JWKS (jose caches them and fetches
 * again when a token names a key id it has not seen). Built once at start-up.
 */
export class TabAuth {
  private readonly jwks: ReturnType<typeof createRemoteJWKSet> | undefined;
  private readonly devSecret: Uint8Array | undefined;
  readonly clientId: string | undefined;
  readonly audiences: string[];
  readonly tenants: ReadonlySet<string>;

  /** keyCooldownMs: the shortest gap between two fetches of the keys (jose's cooldown; tests use 0). */
  constructor(config: Config, options: { keyCooldownMs?: number } = {}) {
    this.clientId = config.bot.appId;
    this.tenants = new Set(config.tab.tenantIds.map((t) => t.toLowerCase()));
    this.audiences = this.clientId
      ? [this.clientId, ...(config.teamsApp.botDomain ? [`api://${config.teamsApp.botDomain}/${this.clientId}`] : [])]
      : [];
    this.jwks = this.clientId
      ? createRemoteJWKSet(new URL(config.tab.jwksUrl), { cooldownDuration: options.keyCooldownMs ?? 30_000, cacheMaxAge: 12 * 60 * 60_000, timeoutDuration: 5_000 })
      : undefined;
    // Development sign-in exists only when the app runs anonymously (no app id, loopback only).
    this.devSecret = this.clientId ? undefined : randomBytes(32);
  }

  /** True when the development sign-in may be offered. */
  get devSignIn(): boolean {
    return this.devSecret !== undefined;
  }

  async verify(authorization: string | undefined): Promise<TabAuthResult> {
    const token = bearerOf(authorization);
    if (!token) return { ok: false, problem: "signIn" };
    if (this.devSecret) return this.verifyDev(token);
    if (!this.jwks) return { ok: false, problem: "notSetUp" };
    try {
      const { payload } = await jwtVerify(token, this.jwks, {
        algorithms: ["RS256"],
        audience: this.audiences,
        clockTolerance: 60,
        requiredClaims: ["exp", "nbf", "iss", "aud", "tid", "oid"],
      });
      return this.entraIdentity(payload);
    } catch {
      return { ok: false, problem: "notChecked" };
    }
  }

  private entraIdentity(payload: JWTPayload): TabAuthResult {
    const claims = EntraClaims.safeParse(payload);
    if (!claims.success) return { ok: false, problem: "missingClaim" };
    const c = claims.data;
    const tid = c.tid.toLowerCase();
    if (!this.tenants.has(tid)) return { ok: false, problem: "otherOrganisation" };
    if (payload.iss !== ENTRA_ISSUER(c.tid)) return { ok: false, problem: "wrongIssuer" };
    if (!c.scp.split(" ").includes(SCOPE)) return { ok: false, problem: "noScope" };
    return {
      ok: true,
      identity: {
        person: { tenantId: c.tid, aadObjectId: c.oid },
        ...(c.name ? { name: c.name } : {}),
        ...(c.preferred_username?.includes("@") ? { email: c.preferred_username } : {}),
        dev: false,
      },
    };
  }

  private async verifyDev(token: string): Promise<TabAuthResult> {
    try {
      const { payload } = await jwtVerify(token, this.devSecret!, { algorithms: ["HS256"], issuer: DEV_ISSUER, audience: DEV_AUDIENCE });
      const claims = DevClaims.safeParse(payload);
      // The demo people of `npm run dev` (src/demo/people.ts): the same tenant and ids as in their Playgrounds.
      const demo = claims.success ? demoPersonByKey(claims.data.sub) : undefined;
      if (!demo) return { ok: false, problem: "signInAgain" };
      return { ok: true, identity: { person: { tenantId: DEMO_TENANT_ID, aadObjectId: demo.aadObjectId }, name: demo.name, email: demo.email, dev: true } };
    } catch {
      return { ok: false, problem: "devEnded" };
    }
  }

  /** A development session token for a demo person, or undefined when development sign-in is off. */
  async devToken(demoId: string): Promise<string | undefined> {
    if (!this.devSecret || !demoPersonByKey(demoId)) return undefined;
    return new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(demoId)
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(DEV_SESSION)
      .sign(this.devSecret);
  }
}
