// `npm run screenshots`: renders what npm start wrote (the digest, the report and the email that takes the
// report to the councillors) in headless Chromium, saves full-page screenshots to out/screenshots/ to look
// at them as a person would, says how long each is (screens of a 375 × 667 phone; A4 pages of the PDF),
// and checks each with axe-core against WCAG 2.2 A and AA (exit code 1 when anything is found).
import { createRequire } from 'node:module';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { withBrowser } from '../shared/browser/browser';
import { EXAMPLE_COUNCILS } from '../shared/local/local-cycle';

const out = 'out';
const council = EXAMPLE_COUNCILS[0]!.id;
/** The phone a Town Clerk reads the digest on: 375 × 667 CSS pixels (one "screen"). */
const PHONE = { width: 375, height: 667 };
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const files = await readdir(join(out, council)).catch(() => [] as string[]);
const latest = (pattern: RegExp) => files.filter((f) => pattern.test(f)).sort().at(-1);
const digest = latest(/^digest-.*\.html$/);
const reportEmail = latest(/^report-email-.*\.html$/);
const reportsDir = join(out, 'reports', council);
const month = (await readdir(reportsDir).catch(() => [] as string[])).sort().at(-1);
const report = month ? join(reportsDir, month, `council-audit-report-${month}`) : undefined;

const targets = [
  ...(digest
    ? [
        { file: join(out, council, digest), shot: 'digest.png', width: 1280 },
        // As a Town Clerk reads it on a phone.
        { file: join(out, council, digest), shot: 'digest-375.png', width: PHONE.width },
      ]
    : []),
  ...(report ? [{ file: `${report}.html`, shot: 'report.png', width: 900 }] : []),
  // As a councillor opens the report's email on a phone.
  ...(reportEmail ? [{ file: join(out, council, reportEmail), shot: 'report-email-375.png', width: PHONE.width }] : []),
];

if (targets.length === 0) {
  console.error('nothing to show: run npm start first');
  process.exitCode = 2;
} else {
  await mkdir(join(out, 'screenshots'), { recursive: true });
  let violations = 0;
  await withBrowser(async (browser) => {
    // One context for the pictures (no scripts, as a mail client shows them) and one for axe (which is a
    // script, let in past the report's Content-Security-Policy). Pages stay open: this Chromium build runs
    // as one process, which ends with its last page.
    const pictures = await browser.newContext({ javaScriptEnabled: false });
    const checks = await browser.newContext({ bypassCSP: true });
    for (const context of [pictures, checks]) await context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    const [picture, check] = [await pictures.newPage(), await checks.newPage()];

    for (const { file, shot, width } of targets) {
      const html = await readFile(file, 'utf8');
      await picture.setViewportSize({ width, height: width === PHONE.width ? PHONE.height : 900 });
      await picture.setContent(html);
      const path = join(out, 'screenshots', shot);
      await picture.screenshot({ path, fullPage: true });
      const height = await picture.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document.documentElement.scrollHeight);
      const length = width === PHONE.width ? `, ${(height / PHONE.height).toFixed(1)} screens of a ${PHONE.width} × ${PHONE.height} phone` : '';
      console.log(`${file} → ${path} (${width} × ${height} px${length})`);

      await check.setViewportSize({ width, height: 900 });
      await check.setContent(html);
      await check.addScriptTag({ path: AXE });
      const found = await check.evaluate(
        async (values) =>
          (
            await (globalThis as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> } }).axe.run(
              (globalThis as unknown as { document: unknown }).document,
              { runOnly: { type: 'tag', values }, resultTypes: ['violations'] },
            )
          ).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`),
        WCAG_AA,
      );
      violations += found.length;
      console.log(found.length === 0 ? '  axe-core (WCAG 2.2 A and AA): no violations' : found.map((v) => `  axe-core: ${v}`).join('\n'));
    }
  });

  if (report) {
    const pdf = await getDocument({ data: new Uint8Array(await readFile(`${report}.pdf`)), isEvalSupported: false, useSystemFonts: false }).promise;
    console.log(`${report}.pdf: ${pdf.numPages} A4 ${pdf.numPages === 1 ? 'page' : 'pages'}`);
    await pdf.destroy();
  }
  if (violations > 0) process.exitCode = 1;
}
