import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Role } from '../domain/roles';

/**
 * A real OpenID Connect provider in this process (oidc-provider), standing in for the Cognito user
 * pool locally, so that the console's sign-in is the same code here as in AWS: authorization code
 * with PKCE, an ID token signed with an RSA key, its claims shaped as Cognito's (`email`, `name`,
 * `custom:council`, `cognito:groups`). Its own development login page asks for the email address;
 * any password is accepted (it is a local stand-in: nothing it guards is real).
 */
export interface LocalUser {
  email: string;
  name: string;
  /** The `custom:council` claim. */
  council?: string;
  /** Their role in that council (seeded as a member record by the caller). */
  role?: Role;
  /** The `cognito:groups` claim: `operator` for the hosting organisation. */
  groups?: string[];
}

export interface LocalProviderOptions {
  users: readonly LocalUser[];
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  port?: number;
}

export async function startLocalProvider(options: LocalProviderOptions): Promise<{ issuer: string; close(): Promise<void> }> {
  process.env.NODE_ENV ??= 'development';
  const { default: Provider } = await import('oidc-provider');
  // The handler is set once the provider exists: its issuer holds the port, known after listening.
  const answer: { callback?: (req: IncomingMessage, res: ServerResponse) => void } = {};
  const server: Server = createServer((req, res) => answer.callback!(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const byEmail = new Map(options.users.map((u) => [u.email.toLowerCase(), u]));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'local-console', alg: 'RS256', use: 'sig' };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        post_logout_redirect_uris: [options.postLogoutRedirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk] },
    pkce: { required: () => true },
    scopes: ['openid', 'email', 'profile'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'custom:council', 'cognito:groups'] },
    // The ID token carries the claims, as Cognito's does (the console reads no userinfo).
    conformIdTokenClaims: false,
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Session: 8 * 3600, Grant: 8 * 3600 },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    async findAccount(_ctx, id) {
      const user = byEmail.get(id.trim().toLowerCase());
      if (!user) return undefined;
      return {
        accountId: user.email,
        claims: () => ({
          sub: user.email,
          email: user.email,
          email_verified: true,
          name: user.name,
          ...(user.council ? { 'custom:council': user.council } : {}),
          ...(user.groups?.length ? { 'cognito:groups': user.groups } : {}),
        }),
      };
    },
    // The console is the provider's own first-party client: no consent screen.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) {
        const existing = await ctx.oidc.provider.Grant.find(grantId);
        if (existing) return existing;
      }
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile');
      grant.addOIDCClaims(['email', 'email_verified', 'name', 'custom:council', 'cognito:groups']);
      await grant.save();
      return grant;
    },
  });
  answer.callback = provider.callback();
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
