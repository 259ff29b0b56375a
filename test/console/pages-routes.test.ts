import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleResponse } from '../../shared/console/http';
import type { Principal } from '../../shared/domain/roles';
import { startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { ADMIN, ASHBY_CLERK, CLERK, COUNCILLOR, OPERATOR } from '../review/review-store';
import { consoleWorld, h1, text } from './console-fixtures';
import { APPROVED, H, IMPOSTOR, PDF, pagesWorld, snapshot, UNAPPROVED } from './pages-fixtures';

let dynamo: LocalDynamoDb;

beforeAll(async () => {
  dynamo = await startDynalite();
});

afterAll(async () => {
  await dynamo.stop();
});

type Who = 'clerk' | 'admin' | 'councillor' | 'operator' | 'outsider';
const PEOPLE: Record<Who, Principal> = { clerk: CLERK, admin: ADMIN, councillor: COUNCILLOR, operator: OPERATOR, outsider: ASHBY_CLERK };

interface RouteCase {
  method: 'GET' | 'POST';
  path: string;
  form?: Record<string, string>;
  /** The table of who does what, written out here rather than read from the route table. */
  allowed: readonly Who[];
}

const C = `/councils/${H}`;
const CLERK_ADMIN: readonly Who[] = ['clerk', 'admin'];
const MEMBERS: readonly Who[] = ['clerk', 'admin', 'councillor'];

const ROUTES: RouteCase[] = [
  { method: 'GET', path: `${C}/accounts`, allowed: MEMBERS },
  { method: 'GET', path: `${C}/accounts/register`, allowed: CLERK_ADMIN },
  { method: 'POST', path: `${C}/accounts/register`, form: { platform: 'x', handle: 'HarbourneTC' }, allowed: CLERK_ADMIN },
  { method: 'POST', path: `${C}/accounts/approve`, form: { platform: UNAPPROVED.platform, handle: UNAPPROVED.handle }, allowed: ['clerk'] },
  { method: 'POST', path: `${C}/accounts/pause`, form: { platform: APPROVED.platform, handle: APPROVED.handle }, allowed: CLERK_ADMIN },
  { method: 'POST', path: `${C}/accounts/resume`, form: { platform: UNAPPROVED.platform, handle: UNAPPROVED.handle }, allowed: CLERK_ADMIN },
  { method: 'GET', path: `${C}/accounts/remove?platform=${APPROVED.platform}&handle=${encodeURIComponent(APPROVED.handle)}`, allowed: CLERK_ADMIN },
  { method: 'POST', path: `${C}/accounts/remove`, form: { platform: APPROVED.platform, handle: APPROVED.handle }, allowed: CLERK_ADMIN },
  { method: 'POST', path: `${C}/accounts/impostors/${IMPOSTOR.id}/confirm`, form: {}, allowed: CLERK_ADMIN },
  { method: 'POST', path: `${C}/accounts/impostors/${IMPOSTOR.id}/dismiss`, form: { reason: 'The allotment society’s own account.' }, allowed: CLERK_ADMIN },
  { method: 'GET', path: `${C}/settings`, allowed: CLERK_ADMIN },
  { method: 'POST', path: `${C}/settings`, form: { 'council.name': 'Harbourne Town Council', 'council.aliases': 'Harbourne TC\nHTC', digestTo: 'clerk@harbourne-tc.example' }, allowed: CLERK_ADMIN },
  { method: 'GET', path: `${C}/people`, allowed: ['clerk'] },
  { method: 'POST', path: `${C}/people/invite`, form: { email: 'jo.new@harbourne-tc.example', name: 'Jo New', role: 'councillor' }, allowed: ['clerk'] },
  { method: 'POST', path: `${C}/people/role`, form: { email: COUNCILLOR.userId, role: 'admin' }, allowed: ['clerk'] },
  { method: 'POST', path: `${C}/people/remove`, form: { email: COUNCILLOR.userId }, allowed: ['clerk'] },
  { method: 'GET', path: `${C}/reports`, allowed: MEMBERS },
  { method: 'GET', path: `${C}/reports/period?from.day=1&from.month=1&from.year=2026&to.day=31&to.month=1&to.year=2026&format=csv`, allowed: MEMBERS },
  { method: 'GET', path: `${C}/reports/2026-01/pdf`, allowed: MEMBERS },
];

function send(world: Awaited<ReturnType<typeof pagesWorld>>, route: RouteCase, as?: Principal, csrf?: string): Promise<ConsoleResponse> {
  return route.method === 'GET' ? world.client.get(route.path, as) : world.client.post(route.path, route.form ?? {}, as, csrf);
}

describe('the accounts, settings, people and reports pages, route by route and role by role', () => {
  it.each(ROUTES.map((route) => [`${route.method} ${route.path.split('?')[0]}`, route] as const))('%s: allowed to exactly those the issue’s table names', async (_name, route) => {
    // Prepare: one world for those refused (they must change nothing), a fresh one for each allowed.
    const refusedWorld = await pagesWorld(dynamo);
    const before = await snapshot(refusedWorld);

    for (const who of Object.keys(PEOPLE) as Who[]) {
      if (route.allowed.includes(who)) {
        // Act and Assess: the page (200) or done (303), and something changed.
        const world = await pagesWorld(dynamo);
        const unchanged = await snapshot(world);
        const response = await send(world, route, PEOPLE[who]);
        expect(response.status, `${who}: ${text(response).slice(0, 300)}`).toBe(route.method === 'GET' ? 200 : 303);
        if (route.method === 'POST') expect(await snapshot(world), who).not.toBe(unchanged);
        continue;
      }
      // A member whose role does not allow it → 403 saying so; anyone else → the 404 a council that
      // does not exist gives, with nothing of the council shown.
      const response = await send(refusedWorld, route, PEOPLE[who]);
      const member = who !== 'operator' && who !== 'outsider';
      const expected = member ? 403 : 404;
      expect(response.status, who).toBe(expected);
      if (expected === 404) expect(text(response)).not.toContain(IMPOSTOR.evidence);
    }
    expect(await snapshot(refusedWorld)).toBe(before);
  });

  it.each(ROUTES.filter((r) => r.method === 'POST').map((r) => [r.path, r] as const))('refuses POST %s without the session’s CSRF token, changing nothing', async (_path, route) => {
    const world = await pagesWorld(dynamo);
    const before = await snapshot(world);
    const who = PEOPLE[route.allowed[0]!];
    for (const csrf of ['none', 'forged-token', world.client.sessionFor(COUNCILLOR).csrf]) {
      const response = await send(world, route, who, csrf);
      expect(response.status).toBe(403);
      expect(h1(response)).toBe('This form has expired');
    }
    expect(await snapshot(world)).toBe(before);
  });

  it('sends someone signed out to sign in, from every page', async () => {
    const world = await pagesWorld(dynamo);
    for (const route of ROUTES) {
      const response = await send(world, route);
      expect(response.status).toBe(303);
      expect(response.headers.location).toMatch(/^\/sign-in/);
    }
  });
});

describe('accounts page', () => {
  it('shows each account with its state and approval, and the impostor with how to report it', async () => {
    const world = await pagesWorld(dynamo);
    await world.store.forCouncil(H).recordScanRun({
      runId: 'r1', platform: 'mastodon', handle: APPROVED.handle, startedAt: '2026-02-09T06:00:00Z', finishedAt: '2026-02-09T06:00:01Z',
      week: '2026-W07', outcome: 'failed', postsFetched: 0, postsNew: 0, findingsNew: 0, error: 'HTTP 503 from mastodon.social',
    });
    const body = text(await world.client.get(`${C}/accounts`, CLERK));
    expect(body).toContain('Awaiting approval');
    expect(body).toContain('by Alex Morgan on 2026-01-06');
    expect(body).toMatch(/Capture failing[\s\S]*Failing since at least Mon 9 Feb 2026, 06:00[\s\S]*HTTP 503 from mastodon.social/);
    expect(body).toContain('How to report it to Bluesky');
    expect(body).toContain('Misleading account');
    // Only the Town Clerk sees the approve button.
    expect(body).toContain('/accounts/approve"');
    expect(text(await world.client.get(`${C}/accounts`, ADMIN))).not.toContain('/accounts/approve"');
    const councillor = text(await world.client.get(`${C}/accounts`, COUNCILLOR));
    expect(councillor).not.toContain('method="post" action="/councils/harbourne-tc/accounts');
  });

  it('asks before removing an account, saying its approval is forgotten', async () => {
    const world = await pagesWorld(dynamo);
    const list = text(await world.client.get(`${C}/accounts`, ADMIN));
    const href = /href="([^"]*\/accounts\/remove\?platform=mastodon[^"]*)"/.exec(list)?.[1]?.replaceAll('&amp;', '&');
    const page = await world.client.get(href!, ADMIN);
    expect(h1(page)).toBe(`Remove ${APPROVED.handle} on Mastodon?`);
    expect(text(page)).toContain('its approval is forgotten');
    expect(await world.store.forCouncil(H).listAccounts()).toHaveLength(2);
    const gone = await world.client.get(`${C}/accounts/remove?platform=x&handle=nobody`, ADMIN);
    expect(gone.status).toBe(409);
  });

  it('refuses an admin approving an account (403), changing nothing', async () => {
    const world = await pagesWorld(dynamo);
    const response = await world.client.post(`${C}/accounts/approve`, { platform: UNAPPROVED.platform, handle: UNAPPROVED.handle }, ADMIN);
    expect(response.status).toBe(403);
    expect(text(response)).toContain('As an admin you cannot approve accounts.');
    expect((await world.store.forCouncil(H).getAccount(UNAPPROVED.platform, UNAPPROVED.handle))?.approvedBy).toBeUndefined();
  });

  it('approves in the Town Clerk’s name', async () => {
    const world = await pagesWorld(dynamo);
    const response = await world.client.post(`${C}/accounts/approve`, { platform: UNAPPROVED.platform, handle: UNAPPROVED.handle }, CLERK);
    expect(response.headers.location).toBe(`${C}/accounts?done=approve`);
    expect(await world.store.forCouncil(H).getAccount(UNAPPROVED.platform, UNAPPROVED.handle)).toMatchObject({ approvedBy: CLERK.name });
    expect(text(await world.client.get(response.headers.location!, CLERK))).toContain('Account approved.');
  });

  it('names the field and value of a handle its platform would not have, keeping what was typed, and registers nothing', async () => {
    const world = await pagesWorld(dynamo);
    const before = await snapshot(world);
    const response = await world.client.post(`${C}/accounts/register`, { platform: 'x', handle: 'https://x.com/HarbourneTC', displayName: '<b>Harbourne</b>' }, ADMIN);
    expect(response.status).toBe(400);
    const body = text(response);
    expect(body).toContain('<title>Error: Register an account');
    expect(body).toContain('href="#handle"');
    expect(body).toContain('Handle &quot;https://x.com/HarbourneTC&quot;: expected the page or user name, not a URL');
    expect(body).toContain('value="&lt;b&gt;Harbourne&lt;/b&gt;"');
    expect((await world.client.post(`${C}/accounts/register`, { handle: 'x' }, ADMIN)).status).toBe(400);
    expect(await snapshot(world)).toBe(before);
  });

  it('links an impostor candidate the council runs after all to the register form, filled in', async () => {
    const world = await pagesWorld(dynamo);
    const list = text(await world.client.get(`${C}/accounts`, ADMIN));
    const href = /href="([^"]*\/accounts\/register\?[^"]*)"/.exec(list)?.[1]?.replaceAll('&amp;', '&');
    expect(href).toBe(`${C}/accounts/register?platform=bluesky&handle=${encodeURIComponent(IMPOSTOR.account)}`);
    const form = text(await world.client.get(href!, ADMIN));
    expect(form).toMatch(/value="bluesky" checked/);
    expect(form).toContain(`value="${IMPOSTOR.account}"`);
  });

  it('needs a reason to mark an impostor candidate as not the council', async () => {
    const world = await pagesWorld(dynamo);
    const response = await world.client.post(`${C}/accounts/impostors/${IMPOSTOR.id}/dismiss`, { reason: ' ' }, CLERK);
    expect(response.status).toBe(400);
    expect(text(response)).toContain('Why it is not the council: is required');
    expect((await world.store.forCouncil(H).getFinding(IMPOSTOR.id))?.status).toBe('open');
  });

  it('confirms an impostor, keeping it listed as confirmed with how to report it', async () => {
    const world = await pagesWorld(dynamo);
    await world.client.post(`${C}/accounts/impostors/${IMPOSTOR.id}/confirm`, {}, ADMIN);
    const body = text(await world.client.get(`${C}/accounts`, ADMIN));
    expect(body).toContain('Confirmed impostor');
    expect(body).not.toContain(`/impostors/${IMPOSTOR.id}/confirm`);
    expect((await world.client.post(`${C}/accounts/impostors/${IMPOSTOR.id}/confirm`, {}, ADMIN)).status).toBe(409);
  });
});

describe('settings page', () => {
  it('saves through a new configuration version in the editor’s name', async () => {
    const world = await pagesWorld(dynamo);
    const page = text(await world.client.get(`${C}/settings`, ADMIN));
    expect(page).toContain('Version 1, saved by setup');
    const response = await world.client.post(`${C}/settings`, { 'council.name': 'Harbourne Town Council', 'council.aliases': 'Harbourne TC\nHTC', 'council.wards': 'Quayside', 'councillors[0].name': 'Alice Moreton', 'councillors[0].ward': 'Quayside', digestTo: 'clerk@harbourne-tc.example' }, ADMIN);
    expect(response.headers.location).toBe(`${C}/settings?saved=2`);
    const version = await world.store.forCouncil(H).getConfigVersion();
    expect(version).toMatchObject({ version: 2, by: `${ADMIN.name} (${ADMIN.userId})` });
    expect(version!.config.councillors).toEqual([{ name: 'Alice Moreton', handles: [], ward: 'Quayside' }]);
    expect(text(await world.client.get(response.headers.location!, ADMIN))).toContain('Settings saved as version 2');
  });

  it('lets a clerk keep a rule to its own checks, switching its second opinion off from the form', async () => {
    const world = await pagesWorld(dynamo);
    const box = /<input class="govuk-checkboxes__input" id="rules-offensive-language-wordingModel"[^>]*>/;
    expect(box.exec(text(await world.client.get(`${C}/settings`, CLERK)))?.[0]).toContain(' checked');
    const form = { 'council.name': 'Harbourne Town Council', 'council.wards': 'Quayside', 'councillors[0].name': 'Alice Moreton', 'councillors[0].ward': 'Quayside', digestTo: 'clerk@harbourne-tc.example' };
    const offered = Object.fromEntries(['personal-data', 'offensive-language'].flatMap((rule) => [[`rules.${rule}.enabled`, 'true'], [`rules.${rule}.wordingModelOffered`, 'true']]));
    const response = await world.client.post(`${C}/settings`, { ...form, ...offered, 'rules.personal-data.wordingModel': 'true' }, CLERK);
    expect(response.status).toBe(303);
    const rules = (await world.store.forCouncil(H).getConfigVersion())!.config.rules;
    expect(rules['offensive-language']).toEqual({ enabled: true, wordingModel: false });
    expect(rules['personal-data']).toBeUndefined();
    expect(box.exec(text(await world.client.get(`${C}/settings`, CLERK)))?.[0]).not.toContain(' checked');
  });

  it('lists every bad value in the error summary by field and value, shows the form as typed, and changes nothing', async () => {
    const world = await pagesWorld(dynamo);
    const before = await snapshot(world);
    const response = await world.client.post(
      `${C}/settings`,
      {
        'council.name': '',
        'council.aliases': '<script>alert(1)</script>',
        'elections[0].pollingDay.day': '31',
        'elections[0].pollingDay.month': '2',
        'elections[0].pollingDay.year': '2027',
        'rules.personal-data.severity': 'extreme',
        digestTo: 'clerk@harbourne-tc.example\nnot an address',
      },
      CLERK,
    );
    expect(response.status).toBe(400);
    const body = text(response);
    const summary = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(body)?.[0] ?? '';
    expect(summary).toContain('href="#council-name"');
    expect(summary).toContain('Election 1: polling day &quot;31/2/2027&quot;: must be a real date');
    expect(summary).toContain('Personal data: severity &quot;extreme&quot;');
    expect(summary).toContain('Weekly digest recipients &quot;not an address&quot;: expected an email address');
    expect(body).toContain('id="elections-0-pollingDay-day"');
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).not.toContain('<script>alert(1)</script>');
    expect(await snapshot(world)).toBe(before);
  });
});

describe('people page', () => {
  it('invites someone with a role, through the invitations port', async () => {
    const world = await pagesWorld(dynamo);
    const response = await world.client.post(`${C}/people/invite`, { email: 'Jo.New@harbourne-tc.example', name: 'Jo New', role: 'admin' }, CLERK);
    expect(response.headers.location).toBe(`${C}/people?done=invited`);
    expect(world.invitations.sent).toEqual([{ email: 'jo.new@harbourne-tc.example', name: 'Jo New', councilId: H }]);
    expect(text(await world.client.get(`${C}/people`, CLERK))).toContain('jo.new@harbourne-tc.example');
  });

  it('names a bad email address or a missing role, sending nothing', async () => {
    const world = await pagesWorld(dynamo);
    const bad = text(await world.client.post(`${C}/people/invite`, { email: 'jo at harbourne', role: 'admin' }, CLERK));
    expect(bad).toContain('Email address &quot;jo at harbourne&quot;: expected an email address');
    const noRole = text(await world.client.post(`${C}/people/invite`, { email: 'jo@harbourne-tc.example' }, CLERK));
    expect(noRole).toContain('Role: choose what they may do');
    expect(world.invitations.sent).toEqual([]);
  });

  it('keeps the last Town Clerk, saying why', async () => {
    const world = await pagesWorld(dynamo);
    const before = await snapshot(world);
    const response = await world.client.post(`${C}/people/role`, { email: CLERK.userId, role: 'councillor' }, CLERK);
    expect(response.status).toBe(409);
    expect(text(response)).toContain('is the only Town Clerk of council harbourne-tc');
    expect((await world.client.post(`${C}/people/remove`, { email: CLERK.userId }, CLERK)).status).toBe(409);
    expect(await snapshot(world)).toBe(before);
  });
});

describe('reports page', () => {
  it('lists the monthly reports with a download in each format, at an address that does not expire', async () => {
    const world = await pagesWorld(dynamo);
    const body = text(await world.client.get(`${C}/reports`, COUNCILLOR));
    expect(body).toContain('January 2026');
    for (const format of ['html', 'pdf', 'csv', 'json']) expect(body).toContain(`href="${C}/reports/2026-01/${format}"`);
    expect(body).not.toMatch(/X-Amz-|Expires=/);
  });

  it('downloads the stored PDF as an attachment with the console’s security headers', async () => {
    const world = await pagesWorld(dynamo);
    const response = await world.client.get(`${C}/reports/2026-01/pdf`, COUNCILLOR);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="council-audit-report-harbourne-tc-2026-01.pdf"');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(Buffer.from(response.body as Uint8Array)).toEqual(Buffer.from(PDF));
    expect((await world.client.get(`${C}/reports/2025-12/pdf`, COUNCILLOR)).status).toBe(404);
    expect((await world.client.get(`${C}/reports/2026-01/docx`, COUNCILLOR)).status).toBe(400);
    expect(text(await world.client.get(`${C}/reports/2026-13/pdf`, COUNCILLOR))).toContain('The month &quot;2026-13&quot; is not a month');
  });

  it('says the council’s settings are missing, rather than failing, when a report is asked of a council with none', async () => {
    // Prepare: members and findings, but no configuration ever saved.
    const world = await consoleWorld(dynamo);
    const period = `${C}/reports/period?from.day=1&from.month=1&from.year=2026&to.day=31&to.month=1&to.year=2026&format=html`;

    // Act
    const asClerk = await world.client.get(period, CLERK);
    const asCouncillor = await world.client.get(period, COUNCILLOR);

    // Assess
    expect(asClerk.status).toBe(409);
    expect(h1(asClerk)).toBe('The council’s settings have not been saved yet');
    expect(text(asClerk)).toContain(`href="${C}/settings"`);
    expect(asCouncillor.status).toBe(409);
    expect(text(asCouncillor)).not.toContain(`href="${C}/settings"`);
    expect(text(asCouncillor)).toContain('Ask your council’s Town Clerk');
  });

  it('refuses a period out of order or too long, or dates that are not dates, by field and value', async () => {
    const world = await pagesWorld(dynamo);
    const period = (from: string, to: string, format = 'html') => {
      const [fd, fm, fy] = from.split('/');
      const [td, tm, ty] = to.split('/');
      return world.client.get(`${C}/reports/period?from.day=${fd}&from.month=${fm}&from.year=${fy}&to.day=${td}&to.month=${tm}&to.year=${ty}&format=${format}`, ADMIN);
    };
    const reversed = await period('1/3/2026', '1/2/2026');
    expect(reversed.status).toBe(400);
    expect(text(reversed)).toContain('From &quot;2026-03-01&quot;: is after the period&#39;s last day');
    expect(text(await period('1/1/2020', '1/3/2026'))).toContain('days: make one report per year');
    expect(text(await period('30/2/2026', '1/3/2026'))).toContain('From &quot;30/2/2026&quot;: enter a real date');
    expect(text(await period('1/2/2026', '1/3/2026', 'docx'))).toContain('Format &quot;docx&quot;');
    const ok = await period('1/1/2026', '31/1/2026', 'json');
    expect(ok.status).toBe(200);
    expect(JSON.parse(text(ok))).toMatchObject({ period: { from: '2026-01-01', to: '2026-01-31' } });
  });
});
