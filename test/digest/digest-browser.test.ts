import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { withBrowser } from '../../shared/browser/browser';
import { buildDigestFacts } from '../../shared/digest/build-digest';
import { renderFindingsChart } from '../../shared/digest/chart';
import { renderDigestHtml } from '../../shared/digest/render-html';
import { testConfig } from '../support/fixtures';
import { busyWeek, NOW, storedFinding, storeWith, WEEK } from './digest-fixtures';
import { quarterOfFindings, REPORT_LINK } from './trend-fixtures';

const SCREENSHOT = join('out', 'screenshots', 'digest.png');

/** Post text that would run script if the digest did not escape it; each sets the flag or calls alert. */
const HOSTILE = {
  evidence: '<script>window.__injected = "script"; alert(1)</script>',
  reason: '<img src=x onerror="window.__injected = \'onerror\'; alert(1)">',
  account: '"><svg onload="window.__injected = \'svg\'">',
};

/** The flag the hostile text would set (the project's TypeScript has no DOM types: this runs in the page). */
const injectedFlag = () => (globalThis as { __injected?: string }).__injected;

/** A page with JavaScript on, where any alert or script we did not write is recorded, and no network. */
async function watchedPage(page: Page): Promise<{ dialogs: string[]; requests: string[] }> {
  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (!request.url().startsWith('data:')) requests.push(request.url());
  });
  await page.route('**/*', (route) => route.abort());
  return { dialogs, requests };
}

describe('weekly digest in a browser', () => {
  it('renders the chart and the counts, shows hostile post text as text, and runs none of it', { timeout: 120_000 }, async () => {
    // Prepare: a quarter of findings, this week's including hostile post text, and a report link.
    const { inRange } = quarterOfFindings();
    const { runs } = busyWeek();
    const store = await storeWith([...inRange, storedFinding(HOSTILE)], runs);
    const facts = await buildDigestFacts(store, testConfig(), WEEK, NOW, { reportLink: REPORT_LINK });
    const chart = renderFindingsChart(facts.trend);
    // The mail client resolves cid: from the MIME message; the browser is given the same PNG inline.
    const html = renderDigestHtml(facts).replaceAll('cid:findings-chart', `data:image/png;base64,${Buffer.from(chart.png).toString('base64')}`);
    await mkdir(join('out', 'screenshots'), { recursive: true });

    // Act
    const seen = await withBrowser(async (browser) => {
      // Control: the same machinery does record a script that is really there.
      const controlPage = await browser.newPage({ javaScriptEnabled: true });
      const controlWatch = await watchedPage(controlPage);
      await controlPage.setContent('<script>window.__injected = "control"; alert("control")</script>');
      const control = { flag: await controlPage.evaluate(injectedFlag), dialogs: controlWatch.dialogs };

      const page = await browser.newPage({ javaScriptEnabled: true, viewport: { width: 700, height: 900 } });
      const watched = await watchedPage(page);
      await page.setContent(html, { waitUntil: 'load' });
      const screenshot = await page.screenshot({ path: SCREENSHOT, fullPage: true });
      return {
        control,
        flag: await page.evaluate(injectedFlag),
        dialogs: watched.dialogs,
        requests: watched.requests,
        text: await page.innerText('body'),
        chart: await page.$eval('img[alt^="New findings per week"]', (img) => {
          const image = img as unknown as { complete: boolean; naturalWidth: number; naturalHeight: number };
          return { complete: image.complete, naturalWidth: image.naturalWidth, naturalHeight: image.naturalHeight };
        }),
        screenshot,
      };
    });

    // Assess: the control ran, the digest's hostile text did not.
    expect(seen.control).toEqual({ flag: 'control', dialogs: ['control'] });
    expect(seen.flag).toBeUndefined();
    expect(seen.dialogs).toEqual([]);
    expect(seen.requests).toEqual([]);

    // The chart decoded in the browser at its size.
    expect(seen.chart).toEqual({ complete: true, naturalWidth: chart.width, naturalHeight: chart.height });

    // The reader sees the headline counts and the hostile post text literally.
    const text = seen.text.replace(/\s+/g, ' ');
    const newThisWeek = facts.headline.newFindings;
    expect(newThisWeek).toBe(inRange.filter((f) => f.detectedWeek === WEEK.id).length + 1);
    expect(text).toContain(`New this week ${newThisWeek} findings (`);
    expect(text).toContain(`Accounts checked ${facts.headline.accountsScanned} (${facts.headline.scanRuns} checks this week)`);
    expect(text).toContain(`This week ${newThisWeek};`);
    for (const value of Object.values(HOSTILE)) expect(text).toContain(value);
    expect(text).toContain('The Full Council report for January 2027');

    // The screenshot is a real image of the page.
    const png = PNG.sync.read(seen.screenshot);
    expect(png.width).toBe(700);
    expect(png.height).toBeGreaterThan(900);
  });

  it('fits a phone: nothing runs off the side at 360 and 600 pixels wide', { timeout: 120_000 }, async () => {
    // Prepare: a busy quarter, long post links, the report link and a console to link to.
    const { inRange } = quarterOfFindings();
    const { runs } = busyWeek();
    const long = storedFinding({ postUrl: `https://www.facebook.com/HarbourneTownCouncil/posts/${'pfbid0'.repeat(20)}`, evidence: 'x'.repeat(120) });
    const store = await storeWith([...inRange, long], runs);
    const facts = await buildDigestFacts(store, testConfig(), WEEK, NOW, { reportLink: REPORT_LINK, consoleUrl: 'https://audit.example', councilId: 'harbourne-tc' });
    const chart = renderFindingsChart(facts.trend);
    const html = renderDigestHtml(facts).replaceAll('cid:findings-chart', `data:image/png;base64,${Buffer.from(chart.png).toString('base64')}`);
    await mkdir(join('out', 'screenshots'), { recursive: true });

    // Act
    const widths = await withBrowser(async (browser) => {
      const seen: { viewport: number; content: number }[] = [];
      const page = await browser.newPage({ javaScriptEnabled: true });
      await page.route('**/*', (route) => route.abort());
      for (const viewport of [360, 600]) {
        await page.setViewportSize({ width: viewport, height: 800 });
        await page.setContent(html, { waitUntil: 'load' });
        if (viewport === 360) await page.screenshot({ path: join('out', 'screenshots', 'digest-360.png'), fullPage: true });
        const content = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
        seen.push({ viewport, content });
      }
      return seen;
    });

    // Assess: the page is no wider than the screen.
    for (const { viewport, content } of widths) expect(content, `at ${viewport} px`).toBeLessThanOrEqual(viewport);
  });
});
