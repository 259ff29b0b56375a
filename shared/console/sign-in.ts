import type * as OpenIdClient from 'openid-client';
import { CouncilAuditError } from '../domain/errors';

/**
 * Signing in through an OpenID Connect provider, the same code in AWS (Cognito's managed login) and
 * locally (oidc-provider in `npm run console`): the authorization code flow with PKCE (openid-client),
 * then the ID token verified against the provider's JWKS with aws-jwt-verify.
 */
export interface SignInSettings {
  /** The provider's issuer: `https://cognito-idp.eu-west-2.amazonaws.com/<pool id>`, or the local provider's. */
  issuerUrl: string;
  clientId: string;
  /** For a confidential client (Cognito app client with a secret); absent for a public one. */
  clientSecret?: string;
  /** The console's `/auth/callback`, as registered with the provider. */
  redirectUri: string;
  /** Where the provider sends the person after signing out: the console's signed-out start page. */
  postLogoutRedirectUri: string;
  /**
   * The provider's sign-out page when its discovery document names none (Cognito's managed login:
   * `https://<domain>/logout`, given `client_id` and `logout_uri`).
   */
  logoutUrl?: string;
}

/** Who the provider says signed in, from the verified ID token. */
export interface SignedInIdentity {
  email: string;
  name: string;
  council?: string;
  operator: boolean;
  idToken: string;
}

/** A sign-in that cannot be completed: the person is asked to start again; the cause is logged, never shown. */
export class SignInError extends CouncilAuditError {}

export interface SignInStart {
  url: string;
  codeVerifier: string;
  state: string;
  nonce: string;
}

export interface OidcClient {
  start(): Promise<SignInStart>;
  finish(callbackUrl: URL, checks: { codeVerifier: string; state: string; nonce: string }): Promise<SignedInIdentity>;
  signOutUrl(idToken: string | undefined): Promise<string>;
}

/** An OIDC client that discovers the provider on first use (once per Lambda instance). */
export function oidcClient(settings: SignInSettings): OidcClient {
  let configuration: Promise<{ oidc: typeof OpenIdClient; config: OpenIdClient.Configuration; verifier: { verify(token: string): Promise<Record<string, unknown>> } }> | undefined;
  const load = () => {
    configuration ??= discover(settings).catch((error: unknown) => {
      configuration = undefined;
      throw error;
    });
    return configuration;
  };
  return {
    async start() {
      const { oidc, config } = await load();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: 'openid email profile',
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url: url.href, codeVerifier, state, nonce };
    },
    async finish(callbackUrl, checks) {
      const { oidc, config, verifier } = await load();
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.id_token;
      if (!idToken) throw new SignInError('the provider returned no ID token');
      const claims = await verifier.verify(idToken);
      return identityOf(claims, idToken);
    },
    async signOutUrl(idToken) {
      const { oidc, config } = await load();
      if (config.serverMetadata().end_session_endpoint) {
        return oidc.buildEndSessionUrl(config, {
          post_logout_redirect_uri: settings.postLogoutRedirectUri,
          client_id: settings.clientId,
          ...(idToken ? { id_token_hint: idToken } : {}),
        }).href;
      }
      if (settings.logoutUrl) {
        const url = new URL(settings.logoutUrl);
        url.searchParams.set('client_id', settings.clientId);
        url.searchParams.set('logout_uri', settings.postLogoutRedirectUri);
        return url.href;
      }
      return settings.postLogoutRedirectUri;
    },
  };
}

/**
 * Discovers the provider and makes the ID-token verifier. openid-client and aws-jwt-verify are loaded
 * here, on the first sign-in, not when the console starts: most requests carry a session already.
 */
async function discover(settings: SignInSettings) {
  const [oidc, { JwtRsaVerifier }, { SimpleJwksCache }] = await Promise.all([import('openid-client'), import('aws-jwt-verify'), import('aws-jwt-verify/jwk')]);
  const issuer = new URL(settings.issuerUrl);
  // Plain http only for a provider on this machine (the local one); anything else must be https.
  const local = issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
  const config = await oidc.discovery(
    issuer,
    settings.clientId,
    { redirect_uris: [settings.redirectUri] },
    settings.clientSecret ? oidc.ClientSecretBasic(settings.clientSecret) : oidc.None(),
    local ? { execute: [oidc.allowInsecureRequests] } : {},
  );
  const jwksUri = config.serverMetadata().jwks_uri;
  if (!jwksUri) throw new SignInError(`the provider ${settings.issuerUrl} publishes no JWKS`);
  // The JWKS is fetched with the platform's fetch, which (unlike aws-jwt-verify's https-only
  // default) also reaches the local provider over http.
  const jwksCache = new SimpleJwksCache({
    fetcher: {
      fetch: async (uri: string) => {
        const response = await fetch(uri, { signal: AbortSignal.timeout(5000) });
        if (!response.ok) throw new SignInError(`the provider's JWKS answered ${response.status}`);
        return response.arrayBuffer();
      },
    },
  });
  const verifier = JwtRsaVerifier.create({ issuer: config.serverMetadata().issuer, audience: settings.clientId, jwksUri, tokenUse: undefined } as never, { jwksCache });
  return { oidc, config, verifier: verifier as unknown as { verify(token: string): Promise<Record<string, unknown>> } };
}

/**
 * The identity in Cognito's claims: `email` (lower case) and `name`, the council in `custom:council`,
 * and the operator by the `operator` group in `cognito:groups`.
 */
export function identityOf(claims: Record<string, unknown>, idToken: string): SignedInIdentity {
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new SignInError('the ID token carries no email address');
  const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 120) : email;
  const council = typeof claims['custom:council'] === 'string' && claims['custom:council'] ? claims['custom:council'] : undefined;
  const groups = claims['cognito:groups'];
  const operator = Array.isArray(groups) && groups.includes('operator');
  return { email, name, ...(council ? { council } : {}), operator, idToken };
}
