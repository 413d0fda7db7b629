/**
 * Bot Framework authentication that keeps the clients it makes for talking back to Teams.
 *
 * Stock CloudAdapter builds a new ConnectorClient and a new UserTokenClient for every incoming
 * activity and every proactive message, and each one builds a fresh HTTP pipeline: about 0.2 ms of
 * CPU per turn, as much as the bot's own store read. The clients hold nothing
 * about a turn (their credentials cache and renew their own token), so one client per bot app id,
 * service URL and audience serves every turn, as the .NET Bot Framework adapter keeps them.
 * Everything else (checking the caller's token, the caller id) is the stock behaviour.
 */
import { ConfigurationBotFrameworkAuthentication, type Activity } from "botbuilder";
import {
  AuthenticationConstants,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from "botframework-connector";

/** More service URLs than Teams has regions; the least recently used client goes first. */
const KEPT_LIMIT = 64;

/** Clients by key, at most KEPT_LIMIT; a client that could not be made is not kept. */
class KeptClients<T> {
  private readonly kept = new Map<string, Promise<T>>();

  get(key: string, make: () => Promise<T>): Promise<T> {
    const found = this.kept.get(key);
    if (found) {
      this.kept.delete(key);
      this.kept.set(key, found);
      return found;
    }
    const made = make();
    this.kept.set(key, made);
    made.catch(() => {
      if (this.kept.get(key) === made) this.kept.delete(key);
    });
    if (this.kept.size > KEPT_LIMIT) this.kept.delete(this.kept.keys().next().value!);
    return made;
  }
}

/** The bot's own app id in the caller's claims, read as botbuilder reads it. */
function botAppId(claims: ClaimsIdentity): string {
  return claims.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claims.getClaimValue(AuthenticationConstants.AppIdClaim) ?? "";
}

class KeptConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly clients: KeptClients<ConnectorClient>,
    private readonly prepare: (client: ConnectorClient) => ConnectorClient,
  ) {
    super();
  }

  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.clients.get(JSON.stringify([this.appId, serviceUrl, audience ?? ""]), async () => this.prepare(await this.inner.create(serviceUrl, audience)));
  }
}

export class KeptClientsAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new KeptClients<ConnectorClient>();
  private readonly userTokens = new KeptClients<UserTokenClient>();

  /** Adjust a new connector client once, before it is kept (the proactive port turns off retries). */
  protected prepareConnector(client: ConnectorClient): ConnectorClient {
    return client;
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    return result.connectorFactory ? { ...result, connectorFactory: this.kept(result.connectorFactory, result.claimsIdentity) } : result;
  }

  override createConnectorFactory(claims: ClaimsIdentity): ConnectorFactory {
    return this.kept(super.createConnectorFactory(claims), claims);
  }

  override createUserTokenClient(claims: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokens.get(botAppId(claims), () => super.createUserTokenClient(claims));
  }

  private kept(factory: ConnectorFactory, claims: ClaimsIdentity): ConnectorFactory {
    return new KeptConnectorFactory(factory, botAppId(claims), this.connectors, (client) => this.prepareConnector(client));
  }
}
