import { createConsole } from '../../shared/console/app';
import type { ConsoleDeps } from '../../shared/console/context';
import type { ConsoleHandler, ConsoleResponse } from '../../shared/console/http';
import { Sealer, type SessionData } from '../../shared/console/session';
import type { OidcClient } from '../../shared/console/sign-in';
import type { Principal } from '../../shared/domain/roles';
import type { LocalDynamoDb } from '../../shared/local/dynalite';
import type { DynamoDbAuditStore } from '../../shared/store/dynamodb-store';
import { makeFinding } from '../store/store-fixtures';
import { ADMIN, ASHBY, ASHBY_CLERK, CLERK, COUNCILLOR, HARBOURNE, reviewStore } from '../review/review-store';

/** The console over a dynalite store with two councils, their people and findings, and sessions made as sign-in makes them. */

export const SESSION_SECRET = 'a-test-session-secret-of-at-least-32-characters';
export const BASE_URL = 'http://127.0.0.1:8999';

/** Harbourne's open findings, and one of Ashby's (the id another council's clerk might guess). */
export const HARBOURNE_PHONE = makeFinding({ id: 'f-harbourne-phone', detectedAt: '2026-02-03T11:00:00Z', detectedWeek: '2026-W06' });
export const HARBOURNE_LINK = makeFinding({
  id: 'f-harbourne-link',
  rule: 'risky-link',
  severity: 'medium',
  postId: '222',
  postUrl: 'https://mastodon.social/@harbournetc/222',
  evidence: 'bit.ly/3xample',
  reason: 'a shortened link that hides where it goes',
  clause: 'Social media policy 6a: links',
  remediation: 'Replace the short link with the full address.',
  detectedAt: '2026-02-04T09:00:00Z',
  detectedWeek: '2026-W06',
});
/** A post written to attack the console: script, bidirectional override, a javascript: link. */
export const HOSTILE = makeFinding({
  id: 'f-hostile',
  rule: 'offensive-language',
  severity: 'low',
  postId: '333',
  account: '@evil<script>alert(1)</script>@mastodon.social',
  postUrl: 'javascript:alert(document.cookie)',
  evidence: '<script>alert("x")</script><img src=x onerror=alert(1)> \u202Egnp.exe',
  reason: 'rude words <b>bold</b>',
  detectedAt: '2026-02-02T09:00:00Z',
  detectedWeek: '2026-W06',
});
export const ASHBY_FINDING = makeFinding({ id: 'f-ashby-secret', account: '@ashbypc@mastodon.social', evidence: 'Ashby only', detectedWeek: '2026-W06' });

/** A stand-in provider for the handler tests, which make their sessions directly; sign-in itself is tested against oidc-provider. */
export const NO_PROVIDER: OidcClient = {
  start: () => Promise.resolve({ url: 'http://127.0.0.1:1/authorize?state=s', codeVerifier: 'v', state: 's', nonce: 'n' }),
  finish: () => Promise.reject(new Error('no provider in this test')),
  signOutUrl: () => Promise.resolve(`${BASE_URL}/signed-out`),
};

export async function consoleWorld(dynamo: LocalDynamoDb, overrides: Partial<ConsoleDeps> = {}) {
  const world = await reviewStore(dynamo);
  const store: DynamoDbAuditStore = world.store;
  const members: [string, Principal][] = [
    [HARBOURNE.id, CLERK],
    [HARBOURNE.id, ADMIN],
    [HARBOURNE.id, COUNCILLOR],
    [ASHBY.id, ASHBY_CLERK],
  ];
  for (const [councilId, p] of members) {
    await store.forCouncil(councilId).putMember({ userId: p.userId, name: p.name, role: p.memberships[councilId]!, addedBy: 'setup@example.test', addedAt: '2026-01-01T00:00:00Z' });
  }
  for (const f of [HARBOURNE_PHONE, HARBOURNE_LINK, HOSTILE]) await store.forCouncil(HARBOURNE.id).putFinding(f);
  await store.forCouncil(ASHBY.id).putFinding(ASHBY_FINDING);
  const handler = createConsole({
    store,
    signIn: { issuerUrl: 'http://127.0.0.1:1/', clientId: 'console', redirectUri: `${BASE_URL}/auth/callback`, postLogoutRedirectUri: `${BASE_URL}/signed-out` },
    sessionSecret: SESSION_SECRET,
    clock: world.clock,
    baseUrl: BASE_URL,
    oidc: NO_PROVIDER,
    log: () => {},
    ...overrides,
  });
  return { ...world, store, handler, client: new ConsoleClient(handler, world.clock) };
}

/** Requests to the handler as a browser would send them, signed in as someone or not. */
export class ConsoleClient {
  constructor(
    readonly handler: ConsoleHandler,
    private readonly clock: () => Date,
  ) {}

  /** The session cookie sign-in would set for this person (their `custom:council` the one they belong to). */
  sessionFor(principal: Principal, council = Object.keys(principal.memberships)[0]): { cookie: string; csrf: string } {
    const sealer = new Sealer(SESSION_SECRET);
    const session: SessionData = {
      sid: `sid-${principal.userId}`,
      email: principal.userId,
      name: principal.name,
      ...(council ? { council } : {}),
      operator: principal.operator === true,
      expiresAt: Math.floor(this.clock().getTime() / 1000) + 3600,
    };
    return { cookie: `council-audit-session=${sealer.seal('session', session)}`, csrf: sealer.csrfToken(session) };
  }

  get(path: string, as?: Principal): Promise<ConsoleResponse> {
    const url = new URL(path, BASE_URL);
    return this.handler({ method: 'GET', path: url.pathname, query: url.searchParams, headers: as ? { cookie: this.sessionFor(as).cookie } : {}, body: '' });
  }

  /** A form POST; `csrf: 'session'` (the default) sends the session's own token. */
  post(path: string, fields: Record<string, string>, as?: Principal, csrf: string | 'session' | 'none' = 'session'): Promise<ConsoleResponse> {
    const session = as ? this.sessionFor(as) : undefined;
    const form = new URLSearchParams(fields);
    if (csrf === 'session' && session) form.set('_csrf', session.csrf);
    else if (csrf !== 'none' && csrf !== 'session') form.set('_csrf', csrf);
    return this.handler({
      method: 'POST',
      path: path,
      query: new URLSearchParams(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(session ? { cookie: session.cookie } : {}) },
      body: form.toString(),
    });
  }
}

export function text(response: ConsoleResponse): string {
  return typeof response.body === 'string' ? response.body : Buffer.from(response.body).toString('utf8');
}

/** The page's h1 text. */
export function h1(response: ConsoleResponse): string | undefined {
  return /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(text(response))?.[1]?.replace(/<[^>]+>/g, '').trim();
}
