import { decodeHTML } from 'entities';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportFacts, type ReportFacts } from '../../shared/report/build-report';
import { renderReportHtml } from '../../shared/report/render-html';
import { MemoryCouncilStore } from '../support/memory-store';
import { config, fillQuarter, FULL_PHONE, HOSTILE, NOW, QUARTER } from './report-fixtures';

let facts: ReportFacts;
let html: string;

beforeAll(async () => {
  let clock = new Date('2027-03-01T00:00:00Z');
  const store = new MemoryCouncilStore({ clock: () => clock });
  await fillQuarter(store, (at) => (clock = at));
  facts = await buildReportFacts(store, config(), QUARTER, NOW);
  html = renderReportHtml(facts);
});

/** The text of the document's <h2> headings. */
function headings(doc: string): string[] {
  return [...doc.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => decodeHTML(m[1]!));
}

describe('renderReportHtml', () => {
  it('has a heading for each section of the report', () => {
    expect(headings(html)).toEqual([
      'Summary',
      'Findings in the period (9)',
      'Still open from before the period (1)',
      'Pre-election period',
      'Accounts',
      'Findings over time',
      'Time to resolve',
      'Record of captured posts',
      'Links',
    ]);
    expect(html).toContain('Harbourne Town Council');
    expect(html).toContain('1 March – 31 May 2027');
  });

  it('is a self-contained A4 document: inline styles and SVG, no scripts, nothing remote', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toMatch(/@page \{ size: A4; margin: [^}]+\}/);
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(img|link|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).not.toMatch(/<[a-z][^>]*\ssrc=/i);
    expect(html).not.toMatch(/<[a-z][^>]*\shref="(?!https?:)/i);
  });

  it('draws one bar segment per severity with findings in each week, and labels the weeks', () => {
    const segments = [...html.matchAll(/<rect [^>]*><title>([^<]*)<\/title><\/rect>/g)].map((m) => decodeHTML(m[1]!));
    const expected = facts.overTime.buckets.flatMap((b) =>
      (['high', 'medium', 'low'] as const).filter((s) => b.bySeverity[s] > 0).map((s) => `${b.label}: ${b.bySeverity[s]} ${s}`),
    );

    expect(segments).toEqual(expected);
    expect(html).toContain('Week from 1 Mar');
  });

  it('escapes every string from posts and accounts', () => {
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain(decodeSafe(HOSTILE.displayName));
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).not.toContain(FULL_PHONE);
  });

  it('says so when the period has no findings, no pre-election period and nothing open', async () => {
    const empty = renderReportHtml(await buildReportFacts(new MemoryCouncilStore(), config(), { from: '2027-01-01', to: '2027-01-31' }, NOW));

    expect(empty).toContain('No findings in the period.');
    expect(empty).toContain("No pre-election period falls within this report's period.");
    expect(empty).not.toContain('Still open from before the period');
    expect(empty).toContain('<svg');
  });
});

/** The escaped form the renderer must produce for a display name. */
function decodeSafe(value: string): string {
  return value.replace(/[&<>"'`]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
