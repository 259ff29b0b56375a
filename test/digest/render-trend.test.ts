import { decodeHTML } from 'entities';
import { describe, expect, it } from 'vitest';
import { buildDigestFacts } from '../../shared/digest/build-digest';
import { renderDigestHtml } from '../../shared/digest/render-html';
import { renderDigestText } from '../../shared/digest/render-text';
import { testConfig } from '../support/fixtures';
import { busyWeek, collapse, NOW, scanRun, storeWith, visibleText, WEEK } from './digest-fixtures';
import { quarterOfFindings, REPORT_LINK, TREND_WEEK_IDS } from './trend-fixtures';

async function digestOfAQuarter(reportLink = REPORT_LINK) {
  const { inRange, outside } = quarterOfFindings();
  const { runs } = busyWeek();
  const store = await storeWith([...inRange, ...outside], runs);
  const facts = await buildDigestFacts(store, testConfig(), WEEK, NOW, { reportLink });
  return { inRange, facts, html: renderDigestHtml(facts), text: renderDigestText(facts) };
}

/** The trend table of the HTML part: its rows' header and cells, as a reader sees them. */
function trendTable(html: string): Map<string, string[]> {
  const table = /<img src="cid:findings-chart"[^>]*>(?:<div[^>]*>)?<table[^>]*>(.*?)<\/table>/s.exec(html);
  expect(table, 'a table right under the chart').not.toBeNull();
  const rows = new Map<string, string[]>();
  for (const [, row] of table![1]!.matchAll(/<tr>(.*?)<\/tr>/gs)) {
    const cells = [...row!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((m) => decodeHTML(m[1]!.replace(/<[^>]*>/g, '')).trim());
    rows.set(cells[0]!, cells.slice(1));
  }
  return rows;
}

describe('digest trend and report link in both parts', () => {
  it('give the same counts per week, the same findings and the same report link in HTML and plain text', async () => {
    // Prepare
    const { inRange, facts, html, text } = await digestOfAQuarter();
    const thisWeek = inRange.filter((f) => f.detectedWeek === WEEK.id);
    const perWeek = TREND_WEEK_IDS.map((week) => {
      const detected = inRange.filter((f) => f.detectedWeek === week);
      return { week, count: detected.length, high: detected.filter((f) => f.severity === 'high').length };
    });

    // Act
    const shown = { html: visibleText(html), text: collapse(text) };
    const table = trendTable(html);

    // Assess: counts per week, from the fixture, in the HTML table under the chart and the text lines.
    expect(table.get('Week')).toEqual(TREND_WEEK_IDS.map((w) => `W${w.slice(-2)}`));
    expect(table.get('New findings')).toEqual(perWeek.map((w) => String(w.count)));
    expect(table.get('of which high')).toEqual(perWeek.map((w) => String(w.high)));
    for (const w of perWeek) {
      expect(text).toMatch(new RegExp(`^  ${w.week}: ${w.count === 0 ? 'none' : w.high > 0 ? `${w.count} \\(${w.high} high\\)` : w.count}( |$)`, 'm'));
    }
    const total = inRange.length;
    const high = inRange.filter((f) => f.severity === 'high').length;
    for (const [name, body] of Object.entries(shown)) {
      const says = (fact: string) => expect(body, `${name} should say ${fact}`).toContain(fact);
      says(`${total} new findings in 2026-W47 – 2027-W05 (${high} high). This week ${thisWeek.length};`);
      says(`New this week${name === 'text' ? ':' : ''} ${thisWeek.length} findings (`);
      for (const f of thisWeek) says(f.reason);
      says('The Full Council report for January 2027');
      says(REPORT_LINK.url);
      says('This link expires on Mon 15 Feb 2027, 07:00 (Europe/London).');
      expect(body).not.toContain('a finding from before the 12 weeks');
      expect(body).not.toContain('a finding from the week after');
    }
    expect(facts.trend.map((w) => w.count)).toEqual(perWeek.map((w) => w.count));
  });

  it('links the report from the HTML, with the URL escaped, and describes the chart in its alt text', async () => {
    const { facts, html } = await digestOfAQuarter();

    expect(html).toContain(`<a href="${REPORT_LINK.url.replaceAll('&', '&#38;')}"`);
    const alt = decodeHTML(/<img src="cid:findings-chart" alt="([^"]*)" width="600" height="120"/.exec(html)![1]!);
    for (const w of facts.trend) expect(alt).toContain(w.week);
    expect(alt).toContain('2027-W05 3 (1 high)');
  });

  it('shows a report link that is not a web address as inert text, and a hostile month as text', async () => {
    const hostile = { month: '<img src=x onerror=alert(1)>', url: 'javascript:alert(document.cookie)', expiresAt: 'soon"><script>alert(1)</script>' };
    const { html, text } = await digestOfAQuarter(hostile);

    expect(html).not.toContain('href="javascript:');
    expect(html).not.toMatch(/<script|<img src=x/i);
    const shown = visibleText(html);
    expect(shown).toContain(`The Full Council report for ${hostile.month}: ${hostile.url} (not a web address, not linked)`);
    expect(shown).toContain(`This link expires at ${hostile.expiresAt}.`);
    expect(collapse(text)).toContain(`${hostile.url} (not a web address)`);
    expect(collapse(text)).toContain(`This link expires at ${hostile.expiresAt}.`);
  });

  it('says in both parts when the report link has already expired', async () => {
    const { html, text } = await digestOfAQuarter({ ...REPORT_LINK, expiresAt: '2027-02-01T09:00:00Z' });

    for (const body of [visibleText(html), collapse(text)]) expect(body).toContain('This link expired on Mon 1 Feb 2027, 09:00 (Europe/London); ask for a new one.');
  });

  it('leaves the report section out when there is no report, but still shows the trend', async () => {
    const store = await storeWith([], [scanRun()]);
    const facts = await buildDigestFacts(store, testConfig(), WEEK, NOW);

    for (const body of [visibleText(renderDigestHtml(facts)), collapse(renderDigestText(facts))]) {
      expect(body).not.toMatch(/Full Council report/i);
      expect(body).toContain('0 new findings in 2026-W47 – 2027-W05 (0 high). This week 0; on average 0 a week in the 11 weeks before.');
    }
  });
});
