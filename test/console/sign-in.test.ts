import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { seedMembers, SEEDED_USERS, startLocalConsole } from '../../shared/local/local-console';
import { HARBOURNE, reviewStore } from '../review/review-store';
import { makeFinding } from '../store/store-fixtures';
import { CookieJar, request, signInThroughProvider } from './provider-session';

let dynamo: LocalDynamoDb;
let local: Awaited<ReturnType<typeof startLocalConsole>>;
let store: Awaited<ReturnType<typeof reviewStore>>['store'];

beforeAll(async () => {
  dynamo = await startDynalite();
  ({ store } = await reviewStore(dynamo, new Date().toISOString()));
  await seedMembers(store, SEEDED_USERS, new Date());
  await store.forCouncil(HARBOURNE.id).putFinding(makeFinding({ id: 'f-sign-in' }));
  local = await startLocalConsole({ store, log: () => {} });
});

afterAll(async () => {
  await local?.close();
  await dynamo?.stop();
});

describe('signing in through an OpenID Connect provider (oidc-provider, as Cognito locally)', () => {
  it('signs the Town Clerk in with PKCE, to their council\'s findings, in a sealed HttpOnly SameSite=Lax cookie', async () => {
    const jar = new CookieJar();
    const start = await request(jar, `${local.url}/sign-in`);
    expect(start.status).toBe(303);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin).toBe(local.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    const signInCookie = start.headers.getSetCookie().find((c) => c.startsWith('council-audit-sign-in='))!;
    expect(signInCookie).toMatch(/HttpOnly/);
    expect(signInCookie).toMatch(/SameSite=Lax/);

    const landed = await signInThroughProvider(new CookieJar(), local.url, 'clerk@harbourne-tc.example');
    expect(landed.url).toBe(`${local.url}/councils/harbourne-tc/findings`);
    const page = await landed.response.text();
    expect(page).toContain('Alex Morgan');
    expect(page).toContain('f-sign-in');
  });

  it('returns to the page asked for, and gives the councillor read-only access', async () => {
    const jar = new CookieJar();
    const landed = await signInThroughProvider(jar, local.url, 'councillor@harbourne-tc.example', `/councils/harbourne-tc/findings/f-sign-in`);
    expect(landed.url).toBe(`${local.url}/councils/harbourne-tc/findings/f-sign-in`);
    const page = await landed.response.text();
    expect(page).not.toContain('/dismiss"');
    const session = jar.get('council-audit-session')!;
    expect(session).toBeDefined();
    // The sealed cookie does not show who is signed in.
    expect(Buffer.from(session.replace(/\./g, ''), 'base64url').toString('latin1')).not.toContain('councillor@');
  });

  it('returns only to a page of the console, never to another site named in returnTo', async () => {
    for (const returnTo of ['//evil.example/phish', 'https://evil.example/', '/\\evil.example']) {
      const landed = await signInThroughProvider(new CookieJar(), local.url, 'clerk@harbourne-tc.example', `/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
      expect(landed.url).toBe(`${local.url}/councils/harbourne-tc/findings`);
    }
  });

  it('signs the operator in to no council\'s findings', async () => {
    const jar = new CookieJar();
    const landed = await signInThroughProvider(jar, local.url, 'operator@council-audit.example');
    expect(landed.url).toBe(`${local.url}/`);
    expect((await request(jar, `${local.url}/councils/harbourne-tc/findings`)).status).toBe(404);
  });

  it('signs out: clears the session and goes to the provider\'s end-session page', async () => {
    const jar = new CookieJar();
    const landed = await signInThroughProvider(jar, local.url, 'admin@harbourne-tc.example');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await landed.response.text())![1]!;
    const out = await request(jar, `${local.url}/sign-out`, { form: { _csrf: csrf } });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toContain(`${local.issuer}/session/end`);
    expect(jar.get('council-audit-session')).toBeUndefined();
    const after = await request(jar, `${local.url}/councils/harbourne-tc/findings`);
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toMatch(/^\/sign-in\?/);
  });

  it('refuses a callback without the sign-in it answers (a forged or replayed code)', async () => {
    const response = await request(new CookieJar(), `${local.url}/auth/callback?code=forged&state=forged`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Sign-in did not finish');
  });
});
