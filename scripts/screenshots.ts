// `npm run screenshots`: renders what npm start wrote (the digest and the report) in headless Chromium
// and saves full-page screenshots to out/screenshots/, to look at them as a person would.
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withBrowser } from '../shared/browser/browser';
import { EXAMPLE_COUNCILS } from '../shared/local/local-cycle';

const out = 'out';
const council = EXAMPLE_COUNCILS[0]!.id;
const digests = (await readdir(join(out, council)).catch(() => [])).filter((f) => /^digest-.*\.html$/.test(f)).sort();
const reportsDir = join(out, 'reports', council);
const months = (await readdir(reportsDir).catch(() => [])).sort();
const targets = [
  ...(digests.length
    ? [
        { file: join(out, council, digests.at(-1)!), shot: 'digest.png', width: 1280 },
        // As a Town Clerk reads it on a phone.
        { file: join(out, council, digests.at(-1)!), shot: 'digest-375.png', width: 375 },
      ]
    : []),
  ...(months.length ? [{ file: join(reportsDir, months.at(-1)!, `council-audit-report-${months.at(-1)}.html`), shot: 'report.png', width: 900 }] : []),
];
if (targets.length === 0) {
  console.error('nothing to show: run npm start first');
  process.exitCode = 2;
} else {
  await mkdir(join(out, 'screenshots'), { recursive: true });
  await withBrowser(async (browser) => {
    for (const { file, shot, width } of targets) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, javaScriptEnabled: false });
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      await page.setContent(await readFile(file, 'utf8'));
      const path = join(out, 'screenshots', shot);
      await page.screenshot({ path, fullPage: true });
      console.log(`${file} → ${path}`);
    }
  });
}
