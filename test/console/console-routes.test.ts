import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleResponse } from '../../shared/console/http';
import { ROUTES } from '../../shared/console/routes';
import { cookieNames, Sealer, setCookie } from '../../shared/console/session';
import { isOperatorAction, roleAllows, roleIn } from '../../shared/domain/roles';
import type { Principal } from '../../shared/domain/roles';
import { startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { ADMIN, ASHBY, ASHBY_CLERK, CLERK, COUNCILLOR, HARBOURNE, OPERATOR } from '../review/review-store';
import { ASHBY_FINDING, consoleWorld, h1, HARBOURNE_LINK, HARBOURNE_PHONE, HOSTILE, SESSION_SECRET, text } from './console-fixtures';

let dynamo: LocalDynamoDb;

beforeAll(async () => {
  dynamo = await startDynalite();
});

afterAll(async () => {
  await dynamo.stop();
});

const H = HARBOURNE.id;
const findingPath = (id: string, council = H) => `/councils/${council}/findings/${id}`;

/** Each review action with a form that it accepts. */
const ACTIONS: [string, Record<string, string>][] = [
  ['acknowledge', { note: 'Sam is on it.' }],
  ['resolve', { outcome: 'post-deleted' }],
  ['dismiss', { reason: 'It is the published office number.' }],
];

function expectSecurityHeaders(response: ConsoleResponse): void {
  const csp = response.headers['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(response.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['referrer-policy']).toBeDefined();
}

describe('the console, route by route and role by role', () => {
  it('shows the Town Clerk the open findings, most severe first, grouped by post, with filter counts', async () => {
    const { client } = await consoleWorld(dynamo);
    const response = await client.get(`/councils/${H}/findings`, CLERK);
    expect(response.status).toBe(200);
    expect(h1(response)).toBe('Findings');
    const body = text(response);
    expect(body).toContain('Harbourne Town Council');
    const order = [HARBOURNE_PHONE, HARBOURNE_LINK, HOSTILE].map((f) => body.indexOf(`/findings/${f.id}"`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(body).toMatch(/High \(1\)/);
    expect(body).toMatch(/Medium \(1\)/);
    expect(body).not.toContain(ASHBY_FINDING.evidence);
    expect(body.match(/<h1/g)).toHaveLength(1);
    expect(body).toContain('class="govuk-skip-link"');
  });

  it('filters by severity, and names a bad filter value in the error summary', async () => {
    const { client } = await consoleWorld(dynamo);
    const high = text(await client.get(`/councils/${H}/findings?severity=high`, CLERK));
    expect(high).toContain(HARBOURNE_PHONE.id);
    expect(high).not.toContain(`/findings/${HARBOURNE_LINK.id}"`);
    const bad = await client.get(`/councils/${H}/findings?severity=urgent`, CLERK);
    expect(bad.status).toBe(400);
    expect(text(bad)).toContain('govuk-error-summary');
    expect(text(bad)).toContain('Severity &quot;urgent&quot;');
    expect(text(bad)).toContain('href="#filter-severity"');
  });

  it.each<[string, Principal]>([
    ['Town Clerk', CLERK],
    ['admin', ADMIN],
    ['councillor', COUNCILLOR],
  ])('lets the %s read a finding with its masked evidence', async (_role, who) => {
    const { client } = await consoleWorld(dynamo);
    const response = await client.get(findingPath(HARBOURNE_PHONE.id), who);
    expect(response.status).toBe(200);
    expect(text(response)).toContain(HARBOURNE_PHONE.evidence);
    expect(text(response)).toContain(HARBOURNE_PHONE.clause);
  });

  it('shows the councillor no review forms, and refuses every action with a 403 that says what the role cannot do', async () => {
    const { client, store } = await consoleWorld(dynamo);
    const page = text(await client.get(findingPath(HARBOURNE_PHONE.id), COUNCILLOR));
    expect(page).not.toContain('/dismiss"');
    for (const [action, form] of [...ACTIONS, ['reopen', { reason: 'x' }] as [string, Record<string, string>]]) {
      const response = await client.post(`${findingPath(HARBOURNE_PHONE.id)}/${action}`, form, COUNCILLOR);
      expect(response.status).toBe(403);
      expect(text(response)).toContain('As a councillor you can read this council&#39;s findings and reports, but you cannot review findings.');
    }
    expect((await store.forCouncil(H).getFinding(HARBOURNE_PHONE.id))?.status).toBe('open');
    expect(await store.forCouncil(H).listFindingEvents(HARBOURNE_PHONE.id)).toEqual([]);
  });

  it.each(ACTIONS)('lets the Town Clerk and the admin %s a finding, recorded with their name', async (action, form) => {
    for (const who of [CLERK, ADMIN]) {
      const { client, store } = await consoleWorld(dynamo);
      const response = await client.post(`${findingPath(HARBOURNE_PHONE.id)}/${action}`, form, who);
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe(`${findingPath(HARBOURNE_PHONE.id)}?done=${action === 'dismiss' ? 'dismissed' : `${action.replace(/e$/, '')}ed`}`);
      const [event] = await store.forCouncil(H).listFindingEvents(HARBOURNE_PHONE.id);
      expect(event).toMatchObject({ action, by: who.userId, byName: who.name });
      const page = text(await client.get(findingPath(HARBOURNE_PHONE.id), who));
      expect(page).toContain(`${who.name} (${who.userId})`);
    }
  });

  it('gives the Town Clerk of another council the same 404 for a finding they guess as for one that does not exist, reading or changing', async () => {
    const { client, store } = await consoleWorld(dynamo);
    const missing = await client.get(findingPath('f-no-such-finding'), CLERK);
    expect(missing.status).toBe(404);
    const guessed = [
      await client.get(findingPath(HARBOURNE_PHONE.id), ASHBY_CLERK),
      await client.get(`/councils/${H}/findings`, ASHBY_CLERK),
      await client.post(`${findingPath(HARBOURNE_PHONE.id)}/dismiss`, { reason: 'not ours' }, ASHBY_CLERK),
      // Ashby's own finding asked for through Harbourne's address, by Harbourne's clerk.
      await client.get(findingPath(ASHBY_FINDING.id), CLERK),
      await client.get(findingPath(HARBOURNE_PHONE.id, 'no-such-council'), CLERK),
    ];
    for (const response of guessed) {
      expect(response.status).toBe(404);
      expect(h1(response)).toBe(h1(missing));
      expect(text(response)).not.toContain(HARBOURNE.name);
      expect(text(response)).not.toContain(ASHBY.name);
    }
    expect((await store.forCouncil(H).getFinding(HARBOURNE_PHONE.id))?.status).toBe('open');
  });

  it('shows the operator, who is no member, no council findings', async () => {
    const { client } = await consoleWorld(dynamo);
    for (const path of [`/councils/${H}/findings`, findingPath(HARBOURNE_PHONE.id), `/councils/${H}/suppressions`]) {
      const response = await client.get(path, OPERATOR);
      expect(response.status).toBe(404);
      expect(text(response)).not.toContain(HARBOURNE_PHONE.evidence);
    }
  });

  it('sends someone not signed in to sign in, and back afterwards', async () => {
    const { client } = await consoleWorld(dynamo);
    const response = await client.get(`/councils/${H}/findings?severity=high`);
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`/sign-in?returnTo=${encodeURIComponent(`/councils/${H}/findings?severity=high`)}`);
    const post = await client.post(`${findingPath(HARBOURNE_PHONE.id)}/dismiss`, { reason: 'x' });
    expect(post.status).toBe(303);
    expect(post.headers.location).toBe('/sign-in');
  });

  it.each([
    ['missing', 'none'],
    ['wrong', 'forged-token'],
  ])('refuses a POST whose CSRF token is %s, changing nothing', async (_case, csrf) => {
    const { client, store } = await consoleWorld(dynamo);
    for (const [action, form] of ACTIONS) {
      const response = await client.post(`${findingPath(HARBOURNE_PHONE.id)}/${action}`, form, CLERK, csrf);
      expect(response.status).toBe(403);
      expect(h1(response)).toBe('This form has expired');
    }
    // Another person's token is refused too: the token is bound to the session.
    const adminToken = client.sessionFor(ADMIN).csrf;
    expect((await client.post(`${findingPath(HARBOURNE_PHONE.id)}/dismiss`, { reason: 'x' }, CLERK, adminToken)).status).toBe(403);
    expect((await store.forCouncil(H).getFinding(HARBOURNE_PHONE.id))?.status).toBe('open');
    expect(await store.forCouncil(H).listFindingEvents(HARBOURNE_PHONE.id)).toEqual([]);
  });

  it('puts a CSRF token bound to the session in every form', async () => {
    const { client } = await consoleWorld(dynamo);
    const body = text(await client.get(findingPath(HARBOURNE_PHONE.id), CLERK));
    const forms = body.match(/<form[^>]*method="post"[\s\S]*?<\/form>/g) ?? [];
    expect(forms.length).toBeGreaterThanOrEqual(4);
    for (const form of forms) expect(form).toContain(`name="_csrf" value="${client.sessionFor(CLERK).csrf}"`);
  });

  it('puts the security headers on every response, errors and redirects included', async () => {
    const { client } = await consoleWorld(dynamo);
    const responses = [
      await client.get('/'),
      await client.get(`/councils/${H}/findings`, CLERK),
      await client.get(`/councils/${H}/findings`),
      await client.get(findingPath('nope'), CLERK),
      await client.post(`${findingPath(HARBOURNE_PHONE.id)}/dismiss`, { reason: 'x' }, COUNCILLOR),
      await client.post(`${findingPath(HARBOURNE_PHONE.id)}/dismiss`, { reason: 'x' }, CLERK, 'none'),
      await client.get('/no/such/page'),
      await client.get('/signed-out'),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 303, 404, 403, 403, 404, 200]);
    for (const response of responses) expectSecurityHeaders(response);
  });

  it('shows a 500 page without a stack when the store fails', async () => {
    const { client, store } = await consoleWorld(dynamo);
    const failing = client.handler;
    store.forCouncil = () => {
      throw new Error('DynamoDB is down at /var/task/index.mjs:1:2');
    };
    const response = await failing({ method: 'GET', path: `/councils/${H}/findings`, query: new URLSearchParams(), headers: { cookie: client.sessionFor(CLERK).cookie }, body: '' });
    expect(response.status).toBe(500);
    expect(text(response)).not.toContain('/var/task');
    expect(text(response)).not.toContain('DynamoDB is down');
    expectSecurityHeaders(response);
  });

  it('renders a hostile post inert: no script, no javascript: link, no bidirectional override', async () => {
    const { client } = await consoleWorld(dynamo);
    for (const path of [`/councils/${H}/findings`, findingPath(HOSTILE.id)]) {
      const body = text(await client.get(path, CLERK));
      expect(body).not.toMatch(/<script(?![^>]*type="module" src="\/assets\/)/);
      expect(body).not.toContain('<img src=x');
      expect(body).not.toContain('javascript:');
      expect(body).not.toContain('\u202E');
      expect(body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    }
  });

  it('names the field and says why when a dismissal has no reason, changing nothing', async () => {
    const { client, store } = await consoleWorld(dynamo);
    const response = await client.post(`${findingPath(HARBOURNE_PHONE.id)}/dismiss`, { reason: '   ' }, CLERK);
    expect(response.status).toBe(400);
    const body = text(response);
    expect(body).toContain('<title>Error: ');
    expect(body).toContain('href="#dismiss-reason"');
    expect(body).toContain('Reason: is required to dismiss a finding');
    expect((await store.forCouncil(H).getFinding(HARBOURNE_PHONE.id))?.status).toBe('open');
  });

  it('dismisses with "don\'t raise this again", lists the suppression, and lifts it', async () => {
    const { client, store } = await consoleWorld(dynamo);
    await client.post(`${findingPath(HARBOURNE_PHONE.id)}/dismiss`, { reason: 'Published office number.', suppress: 'yes' }, CLERK);
    const [suppression] = await store.forCouncil(H).listSuppressions();
    expect(suppression).toMatchObject({ findingId: HARBOURNE_PHONE.id, createdByName: CLERK.name });
    const list = text(await client.get(`/councils/${H}/suppressions`, CLERK));
    expect(list).toContain('Published office number.');
    expect(list).toContain(`/suppressions/${suppression!.id}/lift`);
    expect(text(await client.get(`/councils/${H}/suppressions`, COUNCILLOR))).not.toContain('/lift"');
    expect((await client.post(`/councils/${H}/suppressions/${suppression!.id}/lift`, {}, COUNCILLOR)).status).toBe(403);
    const lifted = await client.post(`/councils/${H}/suppressions/${suppression!.id}/lift`, {}, CLERK);
    expect(lifted.status).toBe(303);
    expect((await store.forCouncil(H).listSuppressions())[0]).toMatchObject({ liftedBy: CLERK.userId });
  });

  it('names each platform as people do (Mastodon, not mastodon) on the list, a finding, its filters and the suppressions', async () => {
    const { client } = await consoleWorld(dynamo);
    await client.post(`${findingPath(HARBOURNE_PHONE.id)}/dismiss`, { reason: 'Published office number.', suppress: 'yes' }, CLERK);
    const accountFilter = `mastodon:${HARBOURNE_PHONE.account}`;
    const pages = [
      text(await client.get(`/councils/${H}/findings?status=dismissed&week=${HARBOURNE_PHONE.detectedWeek}&account=${encodeURIComponent(accountFilter)}`, CLERK)),
      text(await client.get(findingPath(HARBOURNE_PHONE.id), CLERK)),
      text(await client.get(`/councils/${H}/suppressions`, CLERK)),
    ];
    for (const page of pages) {
      expect(page).toContain(' on Mastodon');
      expect(page).not.toMatch(/ on mastodon\b/);
    }
    // The account filter and its selected tag read "<account> on Mastodon", not "mastodon:<account>".
    expect(pages[0]).toContain(`${HARBOURNE_PHONE.account} on Mastodon (`);
    expect(pages[0]).not.toContain(`>${accountFilter} (`);
  });

  it('takes a member removed from the store out at once, whatever their session says', async () => {
    const { client, store } = await consoleWorld(dynamo);
    await store.forCouncil(H).removeMember(ADMIN.userId);
    expect((await client.get(`/councils/${H}/findings`, ADMIN)).status).toBe(404);
  });

  it('checks every route of the table for every role: allowed, refused (403) or not found (404)', async () => {
    const { client, store } = await consoleWorld(dynamo);
    await client.post(`${findingPath(HARBOURNE_LINK.id)}/dismiss`, { reason: 'A known link shortener of the council.', suppress: 'yes' }, CLERK);
    const [suppression] = await store.forCouncil(H).listSuppressions();
    const values: Record<string, string> = { council: H, id: HARBOURNE_PHONE.id };
    const people: [string, Principal][] = [
      ['Town Clerk', CLERK],
      ['admin', ADMIN],
      ['councillor', COUNCILLOR],
      ['Town Clerk of another council', ASHBY_CLERK],
      ['operator', OPERATOR],
    ];
    const seen: string[] = [];
    for (const route of ROUTES) {
      for (const [who, principal] of people) {
        const path = route.path.replace(/:(\w+)/g, (_m, name: string) => (route.path.includes('/suppressions/') && name === 'id' ? suppression!.id : (values[name] ?? 'x')));
        // Each attempt finds the suppression in force, whoever lifted it before.
        if (route.path.includes('/suppressions/')) await store.forCouncil(H).putSuppression({ ...suppression!, liftedAt: undefined, liftedBy: undefined, liftedByName: undefined });
        const response = route.method === 'GET' ? await client.get(path, principal) : await client.post(path, {}, principal);
        const role = roleIn(principal, H);
        // An operator action is the operator's alone: anyone else gets the 404 of a page that does not
        // exist, except a member of the council in the path, who is told only the operator may (403).
        const expected = isOperatorAction(route.action)
          ? principal.operator === true
            ? 'allowed'
            : route.path.includes(':council') && role !== undefined
              ? 403
              : 404
          : role === undefined
            ? 404
            : roleAllows(role, route.action)
              ? 'allowed'
              : 403;
        seen.push(`${route.method} ${route.path} as ${who}: ${expected === 'allowed' ? (response.status === 403 || response.status === 404 ? response.status : 'allowed') : response.status}`);
        if (expected === 'allowed') expect([403, 404], `${route.method} ${path} as ${who}`).not.toContain(response.status);
        else expect(response.status, `${route.method} ${path} as ${who}`).toBe(expected);
        expectSecurityHeaders(response);
      }
    }
    expect(seen.length).toBe(ROUTES.length * people.length);
    // The operator's routes are in the table, and the operator is allowed each and refused every council page.
    expect(ROUTES.filter((r) => isOperatorAction(r.action)).map((r) => `${r.method} ${r.path}`)).toEqual(['GET /operator/councils', 'POST /operator/councils', 'POST /councils/:council/town-clerk']);
    expect(seen.filter((line) => line.endsWith('as operator: allowed'))).toEqual(seen.filter((line) => / \/(operator|councils\/:council\/town-clerk)/.test(line) && line.includes('as operator')));
  });

  it('starts the signed-in operator at a page linking to the councils, where they add a council and invite its Town Clerk', async () => {
    const { client, store } = await consoleWorld(dynamo);
    const start = await client.get('/', OPERATOR);
    expect(start.status).toBe(200);
    expect(text(start)).toContain('href="/operator/councils"');
    const councils = await client.get('/operator/councils', OPERATOR);
    expect(councils.status).toBe(200);
    expect(h1(councils)).toBe('Councils');
    expect(text(councils)).toContain(HARBOURNE.name);
    expect(text(councils)).not.toContain(HARBOURNE_PHONE.evidence);

    const added = await client.post('/operator/councils', { name: 'Stowbury Parish Council', councilId: 'stowbury-pc', digestTo: 'clerk@stowbury-pc.example', clerkEmail: 'clerk@stowbury-pc.example', clerkName: 'Robin Hale' }, OPERATOR);
    expect(added.status).toBe(303);
    expect(added.headers.location).toBe('/operator/councils?done=added');
    expect((await store.getCouncil('stowbury-pc'))?.name).toBe('Stowbury Parish Council');
    expect((await store.forCouncil('stowbury-pc').getMember('clerk@stowbury-pc.example'))?.role).toBe('town-clerk');

    // A Town Clerk has no operator's page, and is told only the operator invites a council's Town Clerk.
    expect((await client.get('/operator/councils', CLERK)).status).toBe(404);
    const invite = await client.post(`/councils/${H}/town-clerk`, { email: 'next.clerk@harbourne-tc.example' }, CLERK);
    expect(invite.status).toBe(403);
    expect(text(invite)).toContain('Only the operator may invite a council&#39;s first Town Clerk.');
    expect(await store.forCouncil(H).getMember('next.clerk@harbourne-tc.example')).toBeUndefined();
    // A signed-in member's start is still their council's findings.
    expect((await client.get('/', CLERK)).headers.location).toBe(`/councils/${H}/findings`);
  });

  it('sends a tampered, expired or another purpose\'s cookie to sign in', async () => {
    const { client, clock } = await consoleWorld(dynamo);
    const sealer = new Sealer(SESSION_SECRET);
    const base = { sid: 's', email: CLERK.userId, name: CLERK.name, council: H, operator: false };
    const expired = sealer.seal('session', { ...base, expiresAt: Math.floor(clock().getTime() / 1000) - 1 });
    const signInState = sealer.seal('sign-in', { ...base, expiresAt: Math.floor(clock().getTime() / 1000) + 600 });
    const good = client.sessionFor(CLERK).cookie.split('=')[1]!;
    const tampered = `${good.slice(0, -2)}${good.endsWith('A') ? 'B' : 'A'}${good.slice(-1)}`;
    const otherSecret = new Sealer('another-secret-of-at-least-32-characters!').seal('session', { ...base, expiresAt: Math.floor(clock().getTime() / 1000) + 600 });
    for (const value of [expired, signInState, tampered, otherSecret, 'not-a-cookie']) {
      const response = await client.handler({ method: 'GET', path: `/councils/${H}/findings`, query: new URLSearchParams(), headers: { cookie: `council-audit-session=${value}` }, body: '' });
      expect(response.status).toBe(303);
      expect(response.headers.location).toMatch(/^\/sign-in/);
    }
  });

  it('names its cookies __Host- and marks them Secure on https', () => {
    const https = cookieNames('https://audit.example');
    expect(https.session).toBe('__Host-council-audit-session');
    const cookie = setCookie(https, https.session, 'v', 3600);
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Domain=');
  });

  it('serves each asset with a content-hashed name, its type and a year\'s cache', async () => {
    const { client } = await consoleWorld(dynamo);
    const page = text(await client.get('/'));
    const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(page)![1]!;
    const script = /<script type="module" src="([^"]+)"/.exec(page)![1]!;
    expect(stylesheet).toMatch(/^\/assets\/console-[0-9a-f]{12}\.css$/);
    const css = await client.get(stylesheet);
    expect(css.headers['content-type']).toContain('text/css');
    expect(css.headers['cache-control']).toContain('max-age=31536000');
    expect(text(css)).not.toContain('GDS Transport');
    expect(text(css)).not.toContain('govuk-crest');
    const js = await client.get(script);
    expect(js.headers['content-type']).toContain('javascript');
    expect(text(js)).toContain('initAll');
    expect((await client.get('/assets/console-000000000000.css')).status).toBe(404);
  });
});
