import { decodeHTML } from 'entities';
import { describe, expect, it } from 'vitest';
import { calendarMonth, isoWeekOf } from '../../shared/domain/calendar';
import type { StoredFinding } from '../../shared/domain/records';
import { buildReportFacts, compactPeriodLabel, previousPeriod } from '../../shared/report/build-report';
import { renderReportHtml } from '../../shared/report/render-html';
import { MemoryCouncilStore } from '../support/memory-store';
import { config } from './report-fixtures';

/** Made on Sunday 6 December 2026, mid-month. */
const MID_DECEMBER = new Date('2026-12-06T10:00:00Z');

function finding(id: string, detectedAt: string, fields: Partial<StoredFinding> = {}): StoredFinding {
  return {
    id,
    rule: 'personal-data',
    severity: 'high',
    postId: `post-${id}`,
    account: '@harbournetc@mastodon.social',
    platform: 'mastodon',
    postUrl: `https://mastodon.social/@harbournetc/${id}`,
    evidence: `call 07700 9•• ••• (${id})`,
    reason: `a mobile number (${id})`,
    clause: 'Social Media Guide 3b.',
    remediation: 'Remove the number.',
    status: 'open',
    detectedAt,
    detectedWeek: isoWeekOf(detectedAt, 'Europe/London').id,
    ...fields,
  };
}

async function storeWith(findings: readonly StoredFinding[]): Promise<MemoryCouncilStore> {
  const store = new MemoryCouncilStore({ clock: () => MID_DECEMBER });
  for (const f of findings) {
    await store.putFinding({ ...f, status: 'open' });
    if (f.status !== 'open') await store.setFindingStatus(f.id, f.status, 'Town Clerk');
  }
  return store;
}

const visible = (html: string) => decodeHTML(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ');

describe('a report a councillor can table', () => {
  it('reads "1–6 December 2026 (to date)" when made mid-month, and charts no week after today', async () => {
    const store = await storeWith([finding('dec-2', '2026-12-02T10:00:00Z')]);

    const facts = await buildReportFacts(store, config(), calendarMonth('2026-12'), MID_DECEMBER);
    const html = renderReportHtml(facts);

    expect(facts.period).toMatchObject({ from: '2026-12-01', to: '2026-12-06', toDate: true, label: '1–6 December 2026 (to date)', days: 6 });
    expect(facts.overTime.buckets.map((b) => [b.from, b.to])).toEqual([['2026-12-01', '2026-12-06']]);
    expect(html).toContain('1–6 December 2026 (to date)');
    expect(html).not.toContain('31 December');
  });

  it('lists each finding of the period once, with its status now, open ones first: no separate list of open items', async () => {
    const store = await storeWith([
      finding('resolved-high', '2026-11-03T10:00:00Z', { status: 'resolved' }),
      finding('open-low', '2026-11-10T10:00:00Z', { severity: 'low' }),
      finding('dismissed-high', '2026-11-04T10:00:00Z', { status: 'dismissed' }),
      finding('acknowledged-high', '2026-11-20T10:00:00Z', { status: 'acknowledged' }),
      finding('open-high', '2026-11-25T10:00:00Z'),
      finding('october-open', '2026-10-20T10:00:00Z'),
    ]);

    const facts = await buildReportFacts(store, config(), calendarMonth('2026-11'), MID_DECEMBER);
    const html = renderReportHtml(facts);
    const shown = visible(html);

    expect(facts.findings.map((f) => f.id)).toEqual(['acknowledged-high', 'open-high', 'open-low', 'resolved-high', 'dismissed-high']);
    for (const f of facts.findings) expect(shown.split(`a mobile number (${f.id})`).length - 1, f.id).toBe(1);
    expect(shown).not.toMatch(/Items still open/);
    // A finding from before the period that is still open is listed once, on its own.
    expect(shown).toContain('Still open from before the period (1)');
    expect(shown.split('a mobile number (october-open)').length - 1).toBe(1);
  });

  it('compares the period with the one before, and with a year before only when anything was recorded then', async () => {
    const store = await storeWith([
      finding('nov-1', '2026-11-02T10:00:00Z'),
      finding('nov-2', '2026-11-05T10:00:00Z', { severity: 'medium' }),
      finding('nov-late', '2026-11-20T10:00:00Z'),
      finding('dec-1', '2026-12-03T10:00:00Z'),
    ]);

    const facts = await buildReportFacts(store, config(), calendarMonth('2026-12'), MID_DECEMBER);
    const html = renderReportHtml(facts);

    // Made on 6 December: compared with 1–6 November, not the whole of it.
    expect(facts.comparison.previous).toMatchObject({ period: { from: '2026-11-01', to: '2026-11-06', label: '1–6 November 2026' }, findings: 2, bySeverity: { high: 1, medium: 1, low: 0 } });
    expect(facts.comparison.yearBefore).toBeUndefined();
    expect(visible(html)).toContain('Compared with before (nothing was recorded a year before)');

    const lastYear = await storeWith([finding('dec-2025', '2025-12-04T10:00:00Z'), finding('dec-1', '2026-12-03T10:00:00Z')]);
    const withYear = await buildReportFacts(lastYear, config(), calendarMonth('2026-12'), MID_DECEMBER);
    expect(withYear.comparison.yearBefore).toMatchObject({ period: { from: '2025-12-01', to: '2025-12-06' }, findings: 1 });
    expect(visible(renderReportHtml(withYear))).toContain('1–6 December 2025');
    expect(previousPeriod({ from: '2027-03-01', to: '2027-03-31' })).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(previousPeriod({ from: '2027-03-10', to: '2027-03-19' })).toEqual({ from: '2027-02-28', to: '2027-03-09' });
    expect(compactPeriodLabel({ from: '2026-11-28', to: '2026-12-06' })).toBe('28 November – 6 December 2026');
  });

  it('prints link targets once, as numbered notes at the end, instead of account names as links', async () => {
    const store = await storeWith([
      finding('a', '2026-11-02T10:00:00Z'),
      finding('b', '2026-11-03T10:00:00Z', { rule: 'offensive-language', postId: 'post-a', postUrl: 'https://mastodon.social/@harbournetc/a' }),
      finding('c', '2026-11-04T10:00:00Z', { postUrl: 'javascript:alert(1)' }),
    ]);

    const html = renderReportHtml(await buildReportFacts(store, config(), calendarMonth('2026-11'), MID_DECEMBER));
    const shown = visible(html);

    // Two findings of one post share its note; the javascript: address gets none.
    expect([...html.matchAll(/<a [^>]*>([^<]*)<\/a>/g)].map((m) => m[1])).toEqual(['[1]', '[1]']);
    expect(shown).toContain('Links mastodon.social/@harbournetc/a Generated');
    expect(html).not.toContain('href="javascript:');
  });

  it('uses plain words: checks, not scan runs; weeks, not ISO weeks', async () => {
    const store = await storeWith([finding('a', '2026-11-02T10:00:00Z')]);
    await store.recordScanRun({
      runId: 'r1',
      platform: 'mastodon',
      handle: '@harbournetc@mastodon.social',
      startedAt: '2026-11-02T06:00:00Z',
      finishedAt: '2026-11-02T06:00:05Z',
      week: '2026-W45',
      outcome: 'ok',
      postsFetched: 3,
      postsNew: 3,
      findingsNew: 1,
    });

    const shown = visible(renderReportHtml(await buildReportFacts(store, config(), calendarMonth('2026-11'), MID_DECEMBER)));

    expect(shown).toContain('1 check');
    expect(shown).not.toMatch(/scan run|ISO week|\bW\d\d\b/i);
  });
});
