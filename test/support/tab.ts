import assert from "node:assert/strict";

/**
 * The tab API as the pages call it, for tests: the development sign-in (only without an app id)
 * and a JSON call with a bearer token.
 */
export async function devSignIn(baseUrl: string, person: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/tab/dev-sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ person }) });
  assert.equal(res.status, 200, `development sign-in as ${person}`);
  return ((await res.json()) as { token: string }).token;
}

export interface ApiAnswer {
  status: number;
  raw: string;
  /** The body as JSON, or undefined when it is empty or not JSON. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  headers: Headers;
}

export async function apiCall(baseUrl: string, token: string | undefined, method: "GET" | "POST", path: string, body?: unknown): Promise<ApiAnswer> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const raw = await res.text();
  let json: unknown;
  try {
    json = raw ? JSON.parse(raw) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, raw, json, headers: res.headers };
}
