import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../shared/browser/browser';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { consoleListener, listen } from '../../shared/console/node-server';
import type { Principal } from '../../shared/domain/roles';
import { startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { ADMIN, CLERK, COUNCILLOR, OPERATOR } from '../review/review-store';
import { H, IMPOSTOR, pagesWorld } from './pages-fixtures';

/**
 * The accounts, settings, people, reports and operator pages in headless Chromium, each checked by
 * axe-core against WCAG 2.2 A and AA, as they first show and as they show a refused form.
 */

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let dynamo: LocalDynamoDb;
let browser: Browser;
let server: { url: string; http: Server; close(): Promise<void> };
let world: Awaited<ReturnType<typeof pagesWorld>>;

beforeAll(async () => {
  dynamo = await startDynalite();
  world = await pagesWorld(dynamo);
  const http = createServer(consoleListener(world.handler));
  await listen(http, 0);
  server = { http, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, close: () => new Promise((resolve) => http.close(() => resolve())) };
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await dynamo?.stop();
});

/** A page signed in as someone (their session cookie as sign-in sets it); axe is injected past the CSP. */
async function signedIn(as: Principal): Promise<Page> {
  // One context per person, kept until the browser closes: Lambda's Chromium runs as a single
  // process, and closing a context there can take the browser with it.
  let context = contexts.get(as.userId);
  if (!context) {
    context = await browser.newContext({ bypassCSP: true });
    const [name, value] = world.client.sessionFor(as).cookie.split(/=(.*)/s) as [string, string];
    await context.addCookies([{ name, value, url: server.url }]);
    contexts.set(as.userId, context);
  }
  return context.newPage();
}

const contexts = new Map<string, BrowserContext>();

interface AxeResult {
  violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
}

/** axe-core's WCAG 2.2 A/AA violations on the page as it is now, as `rule: targets` lines. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe;
    return axe.run((globalThis as unknown as { document: unknown }).document, { runOnly: { type: 'tag', values: tags } });
  }, WCAG);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function checked(page: Page): Promise<{ violations: string[]; h1s: number; status?: number }> {
  return { violations: await violations(page), h1s: await page.locator('h1').count() };
}

const PAGES: [string, Principal, string][] = [
  ['accounts, as the Town Clerk', CLERK, `/councils/${H}/accounts`],
  ['accounts, as a councillor', COUNCILLOR, `/councils/${H}/accounts`],
  ['register an account', ADMIN, `/councils/${H}/accounts/register`],
  ['remove an account?', ADMIN, `/councils/${H}/accounts/remove?platform=mastodon&handle=%40harbournetc%40mastodon.social`],
  ['settings', CLERK, `/councils/${H}/settings`],
  ['people', CLERK, `/councils/${H}/people`],
  ['reports', COUNCILLOR, `/councils/${H}/reports`],
  ['the operator\'s start', OPERATOR, '/'],
  ['councils, as the operator', OPERATOR, '/operator/councils'],
];

describe('accessibility of the accounts, settings, people and reports pages', { timeout: 180_000 }, () => {
  it('finds a violation where there is one (the check is live)', async () => {
    const page = await signedIn(CLERK);
    await page.goto(`${server.url}/councils/${H}/accounts`);
    await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { querySelector(s: string): { insertAdjacentHTML(where: string, markup: string): void } } }).document;
      doc.querySelector('main').insertAdjacentHTML('beforeend', '<input type="text" name="unlabelled">');
    });
    expect((await violations(page)).join('\n')).toMatch(/^label /m);
    await page.close();
  });

  it.each(PAGES)('%s: no axe violation, one h1', async (_name, who, path) => {
    const page = await signedIn(who);
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.status()).toBe(200);
    expect(await checked(page)).toEqual({ violations: [], h1s: 1 });
    await page.close();
  });

  it('register an account with a bad handle: the error summary takes focus, no axe violation', async () => {
    const page = await signedIn(ADMIN);
    await page.goto(`${server.url}/councils/${H}/accounts/register`);
    await page.getByLabel('X', { exact: true }).check();
    await page.getByLabel('Handle, page name or feed address').fill('https://x.com/HarbourneTC');
    await page.getByRole('button', { name: 'Register' }).click();
    await expect.poll(() => page.title()).toMatch(/^Error: Register an account/);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Handle "https://x.com/HarbourneTC"');
    expect(await checked(page)).toEqual({ violations: [], h1s: 1 });
    // The summary's link lands on the field, by keyboard alone.
    await page.locator('.govuk-error-summary a').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id)).toBe('handle');
    await page.close();
  });

  it('settings with bad values: every one in the error summary, no axe violation', async () => {
    const page = await signedIn(CLERK);
    await page.goto(`${server.url}/councils/${H}/settings`);
    await page.locator('#council-name').fill('');
    await page.locator('#elections-0-pollingDay-day').fill('31');
    await page.locator('#elections-0-pollingDay-month').fill('2');
    await page.locator('#elections-0-pollingDay-year').fill('2027');
    await page.locator('#digestTo').fill('not an address');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.title()).toMatch(/^Error: Settings/);
    const listed = await page.locator('.govuk-error-summary li').allTextContents();
    expect(listed.map((line) => line.split(/[ :]/)[0])).toEqual(['Council', 'Election', 'Election', 'Weekly']);
    expect(listed.join('\n')).toMatch(/polling day "31\/2\/2027": must be a real date[\s\S]*pre-election period starts: is missing[\s\S]*"not an address"/);
    expect(await checked(page)).toEqual({ violations: [], h1s: 1 });
    await page.close();
  });

  it('marking an impostor as not the council without a reason: no axe violation', async () => {
    const page = await signedIn(CLERK);
    await page.goto(`${server.url}/councils/${H}/accounts`);
    await page.getByRole('button', { name: `Mark as not the council ${IMPOSTOR.account}` }).click();
    await expect.poll(() => page.title()).toMatch(/^Error: Accounts/);
    expect(await checked(page)).toEqual({ violations: [], h1s: 1 });
    await page.close();
  });

  it('people with a bad address, and reports with a period out of order: no axe violation', async () => {
    const page = await signedIn(CLERK);
    await page.goto(`${server.url}/councils/${H}/people`);
    await page.getByLabel('Email address').fill('jo at harbourne');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => page.title()).toMatch(/^Error: People/);
    expect(await checked(page)).toEqual({ violations: [], h1s: 1 });

    await page.goto(`${server.url}/councils/${H}/reports`);
    for (const [id, value] of [['from-day', '1'], ['from-month', '3'], ['from-year', '2026'], ['to-day', '1'], ['to-month', '2'], ['to-year', '2026']]) await page.locator(`#${id}`).fill(value!);
    await page.getByRole('button', { name: 'Download the report' }).click();
    await expect.poll(() => page.title()).toMatch(/^Error: Reports/);
    expect(await checked(page)).toEqual({ violations: [], h1s: 1 });
    await page.close();
  });

  it('adding a council with bad values: every one in the error summary, no axe violation', async () => {
    const page = await signedIn(OPERATOR);
    await page.goto(`${server.url}/operator/councils`);
    await page.getByLabel('Council id').fill('Not An Id!');
    await page.getByLabel('Town Clerk’s email address', { exact: true }).fill('clerk at stowbury');
    await page.getByRole('button', { name: 'Add the council and invite its Town Clerk' }).click();
    await expect.poll(() => page.title()).toMatch(/^Error: Councils/);
    expect(await page.locator('.govuk-error-summary li').count()).toBeGreaterThanOrEqual(2);
    expect(await checked(page)).toEqual({ violations: [], h1s: 1 });
    await page.close();
  });
});
