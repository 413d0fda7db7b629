import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import { VERBS } from "../../cards";
import { TabAuth } from "../../bot/tab-auth";
import { parseConfig } from "../../src/config";
import { cardText } from "../support/cards";
import { startTestBot, TENANT, type TestBot } from "../support/teams";

/**
 * The tab API trusts only a verified Entra ID access token. A JWKS server on 127.0.0.1 publishes the
 * test signing key; tokens are signed here as Entra ID would sign them, then spoiled one way each.
 */
const APP_ID = "11111111-2222-4333-8444-555555555555";
const DOMAIN = "tab.example.gov.uk";
const OTHER_TENANT = "99999999-8888-4777-8666-555555555555";
const OID = "0a0b0c0d-0000-4000-8000-00000000abcd";
const NOW = () => Math.floor(Date.now() / 1000);

interface KeyPair {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

async function keyPair(kid: string): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" } };
}

type Claims = Record<string, unknown>;

function goodClaims(over: Claims = {}): Claims {
  const now = NOW();
  return {
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    aud: `api://${DOMAIN}/${APP_ID}`,
    tid: TENANT,
    oid: OID,
    scp: "access_as_user",
    name: "Ana Jones",
    preferred_username: "ana.jones@example.gov.uk",
    iat: now - 60,
    nbf: now - 60,
    exp: now + 3600,
    ...over,
  };
}

async function sign(key: KeyPair, claims: Claims): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: key.kid, typ: "JWT" }).sign(key.privateKey);
}

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");

describe("tab sign-in: only a verified Entra ID token gets in", function () {
  this.timeout(30_000);
  let bot: TestBot;
  let jwks: Server;
  let jwksRequests = 0;
  let published: KeyPair;
  let unpublished: KeyPair;

  before(async () => {
    published = await keyPair("published-key");
    unpublished = await keyPair("unknown-key");
    jwks = createServer((_req, res) => {
      jwksRequests++;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ keys: [published.jwk] }));
    });
    await new Promise<void>((r) => jwks.listen(0, "127.0.0.1", r));
    bot = await startTestBot({
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: "test-secret",
      MICROSOFT_APP_TENANT_ID: TENANT,
      MICROSOFT_APP_TYPE: "SingleTenant",
      BOT_DOMAIN: DOMAIN,
      // A single test instance on the embedded store, as a one-instance trial would run.
      ALLOW_EMBEDDED_STORE_IN_PRODUCTION: "true",
      TAB_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/keys`,
    });
  });
  after(async () => {
    await bot?.stop();
    jwks?.closeAllConnections();
    await new Promise((r) => jwks?.close(r));
  });

  const call = async (token: string | undefined, path = "/api/tab/action", body: unknown = { verb: VERBS.setStepStatus, data: { step: 1, status: "done" } }) => {
    const res = await fetch(`${bot.app.url}${path}`, {
      method: path === "/api/tab/me" ? "GET" : "POST",
      headers: { ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}), "content-type": "application/json" },
      ...(path === "/api/tab/me" ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  const planText = async (token: string): Promise<string> => {
    const me = await call(token, "/api/tab/me");
    assert.equal(me.status, 200);
    const plan = me.body.sections.find((s: any) => s.id === "plan");
    return cardText(plan.reply.card);
  };

  it("refuses every spoiled token with 401 and changes nothing; only the good one marks the step", async () => {
    const now = NOW();
    const spoiled: Record<string, string | undefined> = {
      "no token": undefined,
      "not a bearer token": "",
      expired: await sign(published, goodClaims({ iat: now - 7200, nbf: now - 7200, exp: now - 600 })),
      "not yet valid": await sign(published, goodClaims({ nbf: now + 600 })),
      "wrong audience": await sign(published, goodClaims({ aud: `api://${DOMAIN}/99999999-2222-4333-8444-555555555555` })),
      "wrong issuer": await sign(published, goodClaims({ iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` })),
      "another tenant": await sign(published, goodClaims({ tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` })),
      "v1 issuer": await sign(published, goodClaims({ iss: `https://sts.windows.net/${TENANT}/` })),
      "unknown key": await sign(unpublished, goodClaims()),
      "alg none": `${b64({ alg: "none", typ: "JWT" })}.${b64(goodClaims())}.`,
      "missing scope": await sign(published, goodClaims({ scp: "User.Read" })),
      "no oid": await sign(published, goodClaims({ oid: undefined })),
      "tampered payload": (await sign(published, goodClaims())).replace(/\.[^.]+\./, `.${b64(goodClaims({ oid: "someone-else" }))}.`),
    };
    for (const [why, token] of Object.entries(spoiled)) {
      const res = await call(token);
      assert.equal(res.status, 401, `${why}: status`);
      assert.equal(typeof res.body.error, "string", `${why}: a short JSON error`);
      assert.ok(!("reply" in res.body) && !("sections" in res.body), `${why}: reveals nothing`);
      const me = await call(token, "/api/tab/me");
      assert.equal(me.status, 401, `${why}: reading refused too`);
    }

    const good = await sign(published, goodClaims());
    assert.match(await planText(good), /0 of 7 steps done/, "the spoiled tokens changed nothing");
    // The client id alone is also a valid audience.
    assert.match(await planText(await sign(published, goodClaims({ aud: APP_ID }))), /0 of 7 steps done/);

    const done = await call(good);
    assert.equal(done.status, 200);
    assert.match(cardText(done.body.reply.card), /Step 1 marked as done/);
    assert.match(await planText(good), /1 of 7 steps done/);
    assert.ok(jwksRequests >= 1, "keys came from the tenant's JWKS");
  });

  it("cannot be bypassed with the development sign-in when an app id is set", async () => {
    const config = await fetch(`${bot.app.url}/api/tab/config`).then((r) => r.json() as Promise<any>);
    assert.equal(config.devSignIn, false);
    assert.equal(config.demoPeople, undefined);
    const res = await fetch(`${bot.app.url}/api/tab/dev-sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ person: "secondee" }) });
    assert.equal(res.status, 401);
    assert.match(((await res.json()) as any).error, /Development sign-in is turned off/);
    // A token signed with a shared secret (as the development sign-in would) is refused.
    const hs = await new SignJWT(goodClaims()).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode("x".repeat(32)));
    assert.equal((await call(hs)).status, 401);
  });
});

describe("tab sign-in keys: cached, and fetched again for a key id not seen before", function () {
  this.timeout(20_000);
  let jwks: Server;
  let requests = 0;
  let keys: JWK[] = [];
  let auth: TabAuth;

  before(async () => {
    jwks = createServer((_req, res) => {
      requests++;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ keys }));
    });
    await new Promise<void>((r) => jwks.listen(0, "127.0.0.1", r));
    const config = parseConfig({
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: "test-secret",
      MICROSOFT_APP_TENANT_ID: TENANT,
      BOT_DOMAIN: DOMAIN,
      TAB_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/keys`,
    });
    auth = new TabAuth(config, { keyCooldownMs: 0 });
  });
  after(async () => {
    jwks.closeAllConnections();
    await new Promise((r) => jwks.close(r));
  });

  it("verifies many tokens with one fetch, then picks up a rotated key", async () => {
    const first = await keyPair("first");
    const second = await keyPair("second");
    keys = [first.jwk];
    for (let i = 0; i < 5; i++) {
      const r = await auth.verify(`Bearer ${await sign(first, goodClaims())}`);
      assert.ok(r.ok && r.identity.person.aadObjectId === OID && !r.identity.dev);
    }
    assert.equal(requests, 1, "keys cached");
    keys = [first.jwk, second.jwk];
    const rotated = await auth.verify(`Bearer ${await sign(second, goodClaims())}`);
    assert.ok(rotated.ok, "a new key id makes it fetch the keys again");
    assert.equal(requests, 2);
  });
});
