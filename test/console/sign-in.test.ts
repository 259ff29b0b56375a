import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { pushCouncilConfig } from '../../shared/configuration/push-config';
import { seedMembers, SEEDED_USERS, startLocalConsole } from '../../shared/local/local-console';
import { FolderReportStorage } from '../../shared/report/folder-storage';
import { monthlyReportKeys } from '../../shared/report/monthly-report';
import { HARBOURNE, reviewStore } from '../review/review-store';
import { makeFinding } from '../store/store-fixtures';
import { CookieJar, request, signInThroughProvider } from './provider-session';

let dynamo: LocalDynamoDb;
let local: Awaited<ReturnType<typeof startLocalConsole>>;
let store: Awaited<ReturnType<typeof reviewStore>>['store'];
let reportsFolder: string;
/** January's report as `npm start` stores it in its folder, and what a period's PDF prints as. */
const STORED_PDF = new TextEncoder().encode('%PDF-1.7 Harbourne, January 2026 (stored)');
const PRINTED_PDF = new TextEncoder().encode('%PDF-1.7 printed for a period');

beforeAll(async () => {
  dynamo = await startDynalite();
  ({ store } = await reviewStore(dynamo, new Date().toISOString()));
  await seedMembers(store, SEEDED_USERS, new Date());
  await store.forCouncil(HARBOURNE.id).putFinding(makeFinding({ id: 'f-sign-in' }));
  await pushCouncilConfig(store, HARBOURNE.id, { council: { name: HARBOURNE.name } }, { by: 'setup', clock: () => new Date() });
  reportsFolder = await mkdtemp(join(tmpdir(), 'local-console-reports-'));
  const reports = new FolderReportStorage(reportsFolder);
  const keys = monthlyReportKeys(HARBOURNE.id, '2026-01');
  await reports.put(keys.pdf, STORED_PDF, 'application/pdf');
  await store.forCouncil(HARBOURNE.id).recordReport({ month: '2026-01', key: keys.pdf, htmlKey: keys.html, generatedAt: '2026-02-01T07:00:00.000Z' });
  local = await startLocalConsole({ store, log: () => {}, reports, renderPdf: async () => PRINTED_PDF });
});

afterAll(async () => {
  await local?.close();
  await dynamo?.stop();
  if (reportsFolder) await rm(reportsFolder, { recursive: true, force: true });
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

  it('serves the reports stored in the local folder, and prints a period\'s report to PDF', async () => {
    const jar = new CookieJar();
    await signInThroughProvider(jar, local.url, 'councillor@harbourne-tc.example');
    const page = await (await request(jar, `${local.url}/councils/harbourne-tc/reports`)).text();
    expect(page).toContain('href="/councils/harbourne-tc/reports/2026-01/pdf"');
    expect(page).toMatch(/name="format" type="radio" value="pdf"/);

    const stored = await request(jar, `${local.url}/councils/harbourne-tc/reports/2026-01/pdf`);
    expect(stored.status).toBe(200);
    expect(stored.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await stored.arrayBuffer())).toEqual(Buffer.from(STORED_PDF));

    const printed = await request(jar, `${local.url}/councils/harbourne-tc/reports/period?from.day=1&from.month=1&from.year=2026&to.day=31&to.month=3&to.year=2026&format=pdf`);
    expect(printed.status).toBe(200);
    expect(Buffer.from(await printed.arrayBuffer())).toEqual(Buffer.from(PRINTED_PDF));
  });

  it('refuses a callback without the sign-in it answers (a forged or replayed code)', async () => {
    const response = await request(new CookieJar(), `${local.url}/auth/callback?code=forged&state=forged`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Sign-in did not finish');
  });
});
