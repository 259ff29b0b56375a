// `npm run console:screenshots`: the console as the README shows it. Runs the console over the local
// store (as `npm run console` does, preparing the example data if needed), signs in as Harbourne's
// Town Clerk through the local provider in headless Chromium, and saves the findings list and one
// finding to docs/console-findings.png and docs/console-finding.png.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { withBrowser } = await import('../shared/browser/browser');
const { runLocalCycle, EXAMPLE_COUNCILS } = await import('../shared/local/local-cycle');
const { openStore } = await import('../shared/local/open-store');
const { seedMembers, startLocalConsole, SEEDED_USERS } = await import('../shared/local/local-console');

let opened = await openStore({});
if ((await opened.store.listCouncils()).length === 0) {
  await opened.close();
  await runLocalCycle({ councils: EXAMPLE_COUNCILS, dataDir: '.local', outDir: 'out' });
  opened = await openStore({});
}
await seedMembers(opened.store, SEEDED_USERS, new Date());
const local = await startLocalConsole({ store: opened.store });
try {
  await mkdir('docs', { recursive: true });
  await withBrowser(async (browser) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${local.url}/sign-in`);
    await page.fill('input[name="login"]', SEEDED_USERS[0]!.email);
    await page.fill('input[name="password"]', 'any password');
    await Promise.all([page.waitForURL((url) => url.href.startsWith(local.url)), page.click('button[type="submit"]')]);
    const list = join('docs', 'console-findings.png');
    await page.screenshot({ path: list, fullPage: true });
    console.log(`${page.url()} → ${list}`);
    const first = page.locator('main table a.govuk-link').first();
    if ((await first.count()) === 0) throw new Error('the findings list is empty: nothing to show of a finding');
    await Promise.all([page.waitForURL(/\/findings\/[^/?]+$/), first.click()]);
    const finding = join('docs', 'console-finding.png');
    await page.screenshot({ path: finding, fullPage: true });
    console.log(`${page.url()} → ${finding}`);
  });
} finally {
  await local.close();
  await opened.close();
}
