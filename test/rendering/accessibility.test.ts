import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../shared/browser/browser';
import { buildDigestFacts } from '../../shared/digest/build-digest';
import { renderFindingsChart } from '../../shared/digest/chart';
import { renderDigestHtml } from '../../shared/digest/render-html';
import { buildReportFacts } from '../../shared/report/build-report';
import { composeReportEmail } from '../../shared/report/report-email';
import { renderReportHtml } from '../../shared/report/render-html';
import { busyWeek, NOW, storedFinding, storeWith, WEEK } from '../digest/digest-fixtures';
import { quarterOfFindings, REPORT_LINK } from '../digest/trend-fixtures';
import { config, fillQuarter, NOW as REPORT_NOW, QUARTER } from '../report/report-fixtures';
import { testConfig } from '../support/fixtures';
import { MemoryCouncilStore } from '../support/memory-store';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: what a council's published documents are held to. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

let browser: Browser;
/** One page for every check: this Chromium build runs as one process, which ends with its last page. */
let page: Page;
let digestHtml: string;
let reportHtml: string;
let reportEmailHtml: string;

beforeAll(async () => {
  browser = await launchBrowser();
  // The report forbids every script by its Content-Security-Policy; axe is let in past it, nothing else.
  page = await (await browser.newContext({ bypassCSP: true })).newPage();
  await page.route('**/*', (route) => route.abort());

  // The digest as the Town Clerk gets it: a busy week, items from earlier weeks, the trend, the report
  // link, the console's review links and a failing account; the chart as the mail client shows it.
  const { inRange } = quarterOfFindings();
  const { runs } = busyWeek();
  const digestStore = await storeWith([...inRange, storedFinding({ status: 'acknowledged' })], runs);
  const digestFacts = await buildDigestFacts(digestStore, testConfig(), WEEK, NOW, { reportLink: REPORT_LINK, consoleUrl: 'https://audit.example', councilId: 'harbourne-tc' });
  const chart = renderFindingsChart(digestFacts.trend);
  digestHtml = renderDigestHtml(digestFacts).replaceAll('cid:findings-chart', `data:image/png;base64,${Buffer.from(chart.png).toString('base64')}`);

  // The Full Council report of a quarter with every section filled, and the email that carries a report.
  let clock = new Date('2027-03-01T00:00:00Z');
  const reportStore = new MemoryCouncilStore({ clock: () => clock });
  await fillQuarter(reportStore, (at) => (clock = at));
  const reportFacts = await buildReportFacts(reportStore, config(), QUARTER, REPORT_NOW);
  reportHtml = renderReportHtml(reportFacts);
  reportEmailHtml = composeReportEmail(reportFacts, { councilId: 'harbourne-tc', month: '2027-05', consoleUrl: 'https://audit.example' }).html;
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** axe-core's WCAG A and AA violations of `html`, shown at `width` pixels; nothing is fetched. */
async function violationsOf(html: string, width: number): Promise<AxeViolation[]> {
  await page.setViewportSize({ width, height: 900 });
  await page.setContent(html, { waitUntil: 'load' });
  await page.addScriptTag({ path: AXE });
  // Runs in the page (the project's TypeScript has no DOM types, hence the casts).
  return page.evaluate(
    async (values) =>
      (
        await (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe.run(
          (globalThis as unknown as { document: unknown }).document,
          { runOnly: { type: 'tag', values }, resultTypes: ['violations'] },
        )
      ).violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })),
    WCAG_AA,
  );
}

/** One line per violation, naming the rule and where, so a failure says what to fix. */
function described(violations: AxeViolation[]): string[] {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

describe('what people read, checked by axe-core against WCAG 2.2 A and AA', { timeout: 120_000 }, () => {
  it('finds nothing in the weekly digest, on a phone (375 px) or a desktop (1280 px)', async () => {
    for (const width of [375, 1280]) expect(described(await violationsOf(digestHtml, width)), `at ${width} px`).toEqual([]);
  });

  it('finds nothing in the Full Council report', async () => {
    expect(described(await violationsOf(reportHtml, 900))).toEqual([]);
  });

  it('finds nothing in the email that takes the report to the councillors', async () => {
    expect(described(await violationsOf(reportEmailHtml, 375))).toEqual([]);
  });

  it('does report a violation that is there (the check is not empty)', async () => {
    const broken = '<!DOCTYPE html><html><head><title>x</title></head><body><img src="data:image/png;base64,iVBORw0KGgo="><p style="color:#eeeeee;background:#ffffff">faint</p></body></html>';
    expect((await violationsOf(broken, 375)).map((v) => v.id).sort()).toEqual(expect.arrayContaining(['color-contrast', 'html-has-lang', 'image-alt']));
  });
});
