import type { TokenCredential } from "@azure/identity";
import type { Logger } from "../log";

/**
 * Installs the Teams app for a person through Microsoft Graph, so that the bot can message someone
 * who never opened the app (a line manager asked to approve, a vacancy holder told of a match).
 * Needs the application permission TeamsAppInstallation.ReadWriteSelfForUser.All with admin
 * consent, and the app's id in the organisation's app catalogue. Teams then sends the bot an
 * installationUpdate, which stores the 1:1 chat; the outbox's next attempt uses it.
 */
export type InstallResult =
  | { kind: "installed" }
  | { kind: "already-installed" }
  /** No permission (403/401): keep telling people what to do instead. */
  | { kind: "forbidden" }
  | { kind: "throttled"; retryAfterMs: number }
  /** Anything else (5xx, network): try again later. */
  | { kind: "error"; status: number };

export interface AppInstaller {
  install(target: { tenantId: string; aadObjectId: string }): Promise<InstallResult>;
}

export interface GraphInstallerOptions {
  /** e.g. https://graph.microsoft.com/v1.0 (a local stand-in in tests). */
  baseUrl: string;
  /** The app's id in the organisation's app catalogue (not the manifest id). */
  catalogAppId: string;
  credential: TokenCredential;
  log: Logger;
  timeoutMs?: number;
}

const GRAPH_SCOPE = "https://graph.microsoft.com/.default";
const DEFAULT_RETRY_MS = 10_000;

export class GraphAppInstaller implements AppInstaller {
  constructor(private readonly opts: GraphInstallerOptions) {}

  async install(target: { tenantId: string; aadObjectId: string }): Promise<InstallResult> {
    const { baseUrl, catalogAppId, credential, log } = this.opts;
    let status = 0;
    let retryAfter: string | null = null;
    try {
      const token = await credential.getToken(GRAPH_SCOPE);
      if (!token) return { kind: "forbidden" };
      const res = await fetch(`${baseUrl}/users/${encodeURIComponent(target.aadObjectId)}/teamwork/installedApps`, {
        method: "POST",
        headers: { authorization: `Bearer ${token.token}`, "content-type": "application/json" },
        body: JSON.stringify({ "teamsApp@odata.bind": `${baseUrl}/appCatalogs/teamsApps/${encodeURIComponent(catalogAppId)}` }),
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 15_000),
      });
      status = res.status;
      retryAfter = res.headers.get("retry-after");
      await res.arrayBuffer().catch(() => undefined);
    } catch (err) {
      log.warn("Graph install request failed", { err: err as Error });
      return { kind: "error", status: 0 };
    }
    if (status === 201 || status === 200 || status === 204) return { kind: "installed" };
    if (status === 409) return { kind: "already-installed" };
    if (status === 401 || status === 403) return { kind: "forbidden" };
    if (status === 429) return { kind: "throttled", retryAfterMs: retryAfterMs(retryAfter) };
    return { kind: "error", status };
  }
}

/**
 * The app's credential for Graph (client credentials): the bot's app id and secret when it has
 * them, else the managed identity (AZURE_CLIENT_ID), else DefaultAzureCredential.
 */
export async function graphCredential(c: { appId?: string | undefined; appPassword?: string | undefined; tenantId?: string | undefined; clientId?: string | undefined }): Promise<TokenCredential> {
  const identity = await import("@azure/identity");
  if (c.appId && c.appPassword && c.tenantId) return new identity.ClientSecretCredential(c.tenantId, c.appId, c.appPassword);
  return c.clientId ? new identity.ManagedIdentityCredential({ clientId: c.clientId }) : new identity.DefaultAzureCredential();
}

/** Retry-After in seconds (or an HTTP date), in milliseconds; 10 s when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (!header) return DEFAULT_RETRY_MS;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? DEFAULT_RETRY_MS : Math.max(0, at - now);
}
