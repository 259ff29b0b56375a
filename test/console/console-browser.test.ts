import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../shared/browser/browser';
import { createConsole } from '../../shared/console/app';
import { Sealer } from '../../shared/console/session';
import { calendarMonth, isoWeekOf, localDate } from '../../shared/domain/calendar';
import { loadCouncilConfig } from '../../shared/domain/load-config';
import { startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { seedMembers, SEEDED_USERS, startLocalConsole } from '../../shared/local/local-console';
import { buildReportFacts } from '../../shared/report/build-report';
import { dismissFinding } from '../../shared/review/review-finding';
import type { AuditStore } from '../../shared/store/audit-store';
import { HARBOURNE, reviewStore } from '../review/review-store';
import { makeFinding } from '../store/store-fixtures';
import { HOSTILE } from './console-fixtures';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

const CLERK_EMAIL = 'clerk@harbourne-tc.example';
const COUNCILLOR_EMAIL = 'councillor@harbourne-tc.example';

let dynamo: LocalDynamoDb;
let store: AuditStore;
let local: Awaited<ReturnType<typeof startLocalConsole>>;
let browser: Browser;
const now = new Date();
const week = isoWeekOf(now, 'Europe/London').id;
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();

/** Harbourne's findings this month: one the end-to-end test dismisses, one reviewed by keyboard, more to list. */
const TO_DISMISS = makeFinding({ id: 'f-e2e-phone', detectedAt: hoursAgo(2), detectedWeek: week, evidence: 'ring Kim on 07700 900***' });
const BY_KEYBOARD = makeFinding({ id: 'f-keyboard', postId: '444', rule: 'risky-link', severity: 'medium', evidence: 'bit.ly/k3yb0ard', detectedAt: hoursAgo(3), detectedWeek: week, postUrl: 'https://mastodon.social/@harbournetc/444' });
const OTHER = makeFinding({ id: 'f-other', postId: '555', severity: 'low', rule: 'copyright-attribution', evidence: 'photo by someone', detectedAt: hoursAgo(4), detectedWeek: week, postUrl: 'https://mastodon.social/@harbournetc/555' });

beforeAll(async () => {
  dynamo = await startDynalite();
  ({ store } = await reviewStore(dynamo, now.toISOString()));
  const council = store.forCouncil(HARBOURNE.id);
  await council.putCouncilConfig(await loadCouncilConfig('examples/harbourne-tc/council.config.json'));
  for (const f of [TO_DISMISS, BY_KEYBOARD, OTHER, { ...HOSTILE, detectedAt: hoursAgo(5), detectedWeek: week }]) await council.putFinding(f);
  await seedMembers(store, SEEDED_USERS, now);
  // One suppression in force, so that the Suppressions page is checked with its table and its form.
  await dismissFinding({ store }, { userId: CLERK_EMAIL, name: 'Alex Morgan', memberships: { [HARBOURNE.id]: 'town-clerk' } }, { councilId: HARBOURNE.id, findingId: HOSTILE.id, reason: 'Quoted from a resident, already removed.', suppress: true });
  local = await startLocalConsole({ store, log: () => {} });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await local?.close();
  await dynamo?.stop();
});

/**
 * A browser context of its own (its own cookies: one person); axe is injected as a script, which the
 * console's CSP would (rightly) refuse. Contexts are left to close with the browser: the Lambda build
 * of Chromium runs as a single process, which closing a context can bring down.
 */
async function newContext(options: { forAxe?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({ bypassCSP: options.forAxe === true });
}

async function signIn(page: Page, email: string, start = '/sign-in'): Promise<void> {
  await page.goto(`${local.url}${start}`);
  await page.fill('input[name="login"]', email);
  await page.fill('input[name="password"]', 'any password');
  await Promise.all([page.waitForURL((url) => url.href.startsWith(local.url)), page.click('button[type="submit"]')]);
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  // Browser-side code as text: the tests are type-checked without the DOM library.
  const violations = await page.evaluate<string[]>(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_22_AA)} } }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`,
  );
  return violations;
}

/** Presses Tab until the focused element satisfies `wanted` (text or name), at most `limit` times. */
async function tabTo(page: Page, wanted: (el: { tag: string; text: string; name: string; id: string }) => boolean, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate<{ tag: string; text: string; name: string; id: string }>(
      `(() => { const el = document.activeElement; return { tag: el.tagName.toLowerCase(), text: (el.textContent || '').trim(), name: el.name || '', id: el.id }; })()`,
    );
    if (wanted(focused)) return;
  }
  throw new Error('the element was not reached with the Tab key');
}

describe('the console in a real browser', { timeout: 240_000 }, () => {
  it('has no WCAG 2.2 AA violation (axe-core) on any page, signed in or out', async () => {
    const context = await newContext({ forAxe: true });
    const page = await context.newPage();
    const results: Record<string, string[]> = {};
    const check = async (name: string) => {
      expect(await page.locator('h1').count(), `${name}: one h1`).toBe(1);
      results[name] = await axeViolations(page);
    };
    await page.goto(`${local.url}/`);
    await check('start (signed out)');
    await page.goto(`${local.url}/signed-out`);
    await check('signed out');
    await page.goto(`${local.url}/auth/callback?code=x&state=y`);
    await check('sign-in did not finish');
    await page.goto(`${local.url}/no/such/page`);
    await check('404 (signed out)');

    await signIn(page, CLERK_EMAIL);
    await check('findings list');
    await page.goto(`${local.url}/councils/harbourne-tc/findings?severity=high&status=open&week=${week}`);
    await check('findings list, filtered');
    await page.goto(`${local.url}/councils/harbourne-tc/findings?severity=urgent`);
    await check('findings list, bad filter (error summary)');
    await page.goto(`${local.url}/councils/harbourne-tc/findings/${OTHER.id}`);
    await check('a finding');
    await Promise.all([page.waitForURL('**/dismiss'), page.click('form[action$="/dismiss"] button')]);
    await check('a finding, refused form (error summary)');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${local.url}/councils/harbourne-tc/findings/${HOSTILE.id}`);
    await check('a finding from a hostile post');
    expect(dialogs).toEqual([]);
    expect(await page.locator('main img').count()).toBe(0);
    await page.goto(`${local.url}/councils/harbourne-tc/suppressions`);
    await check('suppressions');
    await page.goto(`${local.url}/councils/ashby-pc/findings`);
    await check('404 (signed in)');
    await page.goto(`${local.url}/sign-out`);
    await check('sign out');
    await page.goto(`${local.url}/councils/harbourne-tc/findings/${OTHER.id}`);
    await page.evaluate(`for (const input of document.querySelectorAll('input[name="_csrf"]')) input.value = 'forged'`);
    await Promise.all([page.waitForURL('**/acknowledge'), page.click('form[action$="/acknowledge"] button')]);
    await check('403 (form expired)');

    // The 500 page, from a console whose store fails, shown at the console's address.
    const broken = createConsole({
      store: { getCouncil: () => Promise.reject(new Error('down')), forCouncil: () => { throw new Error('down'); } } as unknown as AuditStore,
      signIn: { issuerUrl: local.issuer, clientId: 'x', redirectUri: `${local.url}/auth/callback`, postLogoutRedirectUri: `${local.url}/signed-out` },
      sessionSecret: 'x'.repeat(40),
      baseUrl: local.url,
      log: () => {},
    });
    const sealer = new Sealer('x'.repeat(40));
    const cookie = `council-audit-session=${sealer.seal('session', { sid: 's', email: CLERK_EMAIL, name: 'Alex Morgan', council: 'harbourne-tc', operator: false, expiresAt: Math.floor(Date.now() / 1000) + 600 })}`;
    const failed = await broken({ method: 'GET', path: '/councils/harbourne-tc/findings', query: new URLSearchParams(), headers: { cookie }, body: '' });
    expect(failed.status).toBe(500);
    await page.goto(`${local.url}/signed-out`);
    await page.setContent(String(failed.body));
    await check('500');

    const councillor = await newContext({ forAxe: true });
    const councillorPage = await councillor.newPage();
    await signIn(councillorPage, COUNCILLOR_EMAIL, `/councils/harbourne-tc/findings/${OTHER.id}`);
    results['a finding (councillor)'] = await axeViolations(councillorPage);
    // A form the councillor's page does not offer, posted with their own CSRF token.
    await councillorPage.evaluate(`(() => {
      const form = document.createElement('form');
      form.method = 'post';
      form.action = '/councils/harbourne-tc/findings/${OTHER.id}/dismiss';
      form.append(document.querySelector('input[name="_csrf"]').cloneNode());
      form.append(Object.assign(document.createElement('input'), { name: 'reason', value: 'not a problem' }));
      document.body.append(form);
      form.submit();
    })()`);
    await councillorPage.waitForSelector('h1:has-text("You cannot do this")');
    results['403 (role refused)'] = await axeViolations(councillorPage);

    console.log(`axe-core ${WCAG_22_AA.join(', ')}:\n${Object.entries(results).map(([name, v]) => `  ${name}: ${v.length ? v.join('; ') : 'no violations'}`).join('\n')}`);
    expect(results).toEqual(Object.fromEntries(Object.keys(results).map((k) => [k, []])));
  });

  it('lets a finding be reviewed with the keyboard alone', async () => {
    const context = await newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    // The console's pages only (the local provider's login page asks for a web font it cannot reach offline).
    page.on('console', (message) => {
      if (message.type() === 'error' && page.url().startsWith(local.url)) problems.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await signIn(page, CLERK_EMAIL);
    // The stylesheet and govuk-frontend's scripts load under the CSP: no refusal, no error.
    expect(await page.evaluate<string>('document.body.className')).toContain('govuk-frontend-supported');
    expect(await page.evaluate<string>("getComputedStyle(document.querySelector('.govuk-button')).backgroundColor")).not.toBe('rgba(0, 0, 0, 0)');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.textContent')).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    await tabTo(page, (el) => el.tag === 'a' && el.text === 'Risky link');
    await Promise.all([page.waitForURL(`**/findings/${BY_KEYBOARD.id}`), page.keyboard.press('Enter')]);
    await tabTo(page, (el) => el.id === 'resolve-outcome');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate<string>('document.activeElement.value')).toBe('post-edited');
    await tabTo(page, (el) => el.id === 'resolve-note');
    await page.keyboard.type('Replaced the short link with the full address.');
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Resolve');
    await Promise.all([page.waitForURL(/done=resolved/), page.keyboard.press('Enter')]);
    expect(await page.textContent('.govuk-notification-banner')).toContain('Finding resolved');
    expect(await page.textContent('.moj-timeline')).toContain('Resolved: post edited');
    expect((await store.forCouncil(HARBOURNE.id).getFinding(BY_KEYBOARD.id))?.status).toBe('resolved');
    expect(problems).toEqual([]);
  });

  it('end to end: the Town Clerk dismisses a finding, which leaves the list, shows in its trail and is counted in the month\'s report; a councillor is refused', async () => {
    const config = await loadCouncilConfig('examples/harbourne-tc/council.config.json');
    const month = calendarMonth(localDate(new Date(TO_DISMISS.detectedAt), 'Europe/London').slice(0, 7));
    const before = await buildReportFacts(store.forCouncil(HARBOURNE.id), config, month, new Date());

    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, CLERK_EMAIL);
    expect(await page.locator(`a[href$="/findings/${TO_DISMISS.id}"]`).count()).toBe(1);
    await page.click(`a[href$="/findings/${TO_DISMISS.id}"]`);
    await page.fill('#dismiss-reason', 'It is the published number of the community hall.');
    await Promise.all([page.waitForURL(/done=dismissed/), page.click('form[action$="/dismiss"] button')]);
    expect(await page.textContent('.moj-timeline')).toContain('Dismissed as a false alarm');
    expect(await page.textContent('.moj-timeline')).toContain('Alex Morgan');
    expect(await page.textContent('.moj-timeline')).toContain('It is the published number of the community hall.');
    await page.goto(`${local.url}/councils/harbourne-tc/findings`);
    expect(await page.locator(`a[href$="/findings/${TO_DISMISS.id}"]`).count()).toBe(0);

    const after = await buildReportFacts(store.forCouncil(HARBOURNE.id), config, month, new Date());
    expect(after.timeToResolve.dismissed.count).toBe(before.timeToResolve.dismissed.count + 1);
    const row = (facts: typeof after) => facts.dismissedByRule.find((r) => r.rule === TO_DISMISS.rule)?.dismissed ?? 0;
    expect(row(after)).toBe(row(before) + 1);

    const councillor = await newContext();
    const councillorPage = await councillor.newPage();
    await signIn(councillorPage, COUNCILLOR_EMAIL, `/councils/harbourne-tc/findings/${OTHER.id}`);
    expect(await councillorPage.locator('form[action$="/dismiss"]').count()).toBe(0);
    const response = await councillorPage.request.post(`${local.url}/councils/harbourne-tc/findings/${OTHER.id}/dismiss`, {
      form: { _csrf: (await councillorPage.getAttribute('input[name="_csrf"]', 'value'))!, reason: 'not a problem' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain('you cannot review findings');
    expect((await store.forCouncil(HARBOURNE.id).getFinding(OTHER.id))?.status).toBe('open');
  });
});
