import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter';
import { type Activity, CallerIdConstants, type InvokeResponse, type TurnContext } from 'botbuilder';
import { CHANNEL_METADATA_URL, OpenIdKeys, verifyChannelToken } from './auth';

/** Longest one Bot Connector call (send, update, members) may take: a reply and an apology fit in the 15 s turn. */
export const CONNECTOR_TIMEOUT_MS = 6_000;

interface OperationClient {
  sendOperationRequest(args: { options?: Record<string, unknown> }, ...rest: unknown[]): Promise<unknown>;
}
interface ClientFactory {
  create(serviceUrl: string, audience?: string): Promise<unknown>;
}

/**
 * Every Bot Connector call (send, update, members) of a factory's clients gets CONNECTOR_TIMEOUT_MS. The SDK
 * leaves them without one, and its ConnectorFactoryImpl replaces any request policy given in the options,
 * so the timeout goes in per operation, where the client honours it.
 */
function withTimeout<F extends ClientFactory>(factory: F): F {
  return {
    ...factory,
    create: async (serviceUrl: string, audience?: string) => {
      const client = (await factory.create(serviceUrl, audience)) as OperationClient;
      const send = client.sendOperationRequest.bind(client);
      client.sendOperationRequest = (args, ...rest) => send({ ...args, options: { timeout: CONNECTOR_TIMEOUT_MS, ...(args.options ?? {}) } }, ...rest);
      return client;
    },
  };
}

/** What the bot's own tokens for the Bot Connector are for (public cloud), as botbuilder's channel check sets it. */
const CHANNEL_OAUTH_SCOPE = 'https://api.botframework.com';

export interface AdapterOptions {
  appId?: string;
  password?: string;
  type: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMsi';
  tenantId?: string;
  metadataUrl?: string;
}

/**
 * The CloudAdapter Opari runs on. Incoming tokens are checked by `auth.ts` before anything else (and before
 * the tenant gate), so `process` is split in two: `authenticate` (401 on any failure) and `run` (the turn
 * on an already trusted activity, returning its invoke response).
 */
export class OpariAdapter extends TeamsAdapter {
  private readonly keys: OpenIdKeys;

  constructor(private readonly opts: AdapterOptions) {
    super({
      MicrosoftAppId: opts.appId ?? '',
      MicrosoftAppPassword: opts.password ?? '',
      // Without an app id (local only) the adapter runs anonymous; the app type only matters with an identity.
      MicrosoftAppType: opts.appId ? opts.type : 'MultiTenant',
      MicrosoftAppTenantId: opts.tenantId ?? '',
    });
    this.keys = new OpenIdKeys(opts.metadataUrl ?? CHANNEL_METADATA_URL);
    // Proactive turns (continueConversation) and our own take their connector clients from here.
    const bfa = this.botFrameworkAuthentication;
    const createFactory = bfa.createConnectorFactory.bind(bfa);
    bfa.createConnectorFactory = (identity) => withTimeout(createFactory(identity));
  }

  /** The trusted identity of an activity: its verified token, or anonymous in local mode (no app id). */
  async authenticate(authHeader: string, activity: Activity) {
    if (!this.opts.appId) {
      const anonymous = await this.botFrameworkAuthentication.authenticateRequest(activity, '');
      return { ...anonymous, connectorFactory: anonymous.connectorFactory && withTimeout(anonymous.connectorFactory) };
    }
    await verifyChannelToken(authHeader, activity, { appId: this.opts.appId, keys: this.keys });
    // The same identity the adapter builds for its own proactive turns: our app id as audience.
    const claimsIdentity = this.createClaimsIdentity(this.opts.appId);
    return {
      audience: CHANNEL_OAUTH_SCOPE,
      callerId: CallerIdConstants.PublicAzureChannel,
      claimsIdentity,
      connectorFactory: this.botFrameworkAuthentication.createConnectorFactory(claimsIdentity),
    };
  }

  run(auth: Awaited<ReturnType<OpariAdapter['authenticate']>>, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}
