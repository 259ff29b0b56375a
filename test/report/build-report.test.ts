import { beforeEach, describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../shared/domain/finding';
import type { StoredFinding } from '../../shared/domain/records';
import { buildReportFacts, ReportPeriodError, type ReportFacts } from '../../shared/report/build-report';
import { MemoryCouncilStore } from '../support/memory-store';
import { scanRun, storedFinding } from '../digest/digest-fixtures';
import {
  BLUESKY,
  config,
  FACEBOOK,
  FEED,
  FINDINGS,
  fillQuarter,
  IMPOSTOR,
  IN_QUARTER,
  londonDate,
  MASTODON,
  NOW,
  QUARTER,
  RUNS,
  STATUS_CHANGES,
} from './report-fixtures';

const DAY = 86_400_000;

/** What the store holds for each finding now: the fixture, with its last status change applied. */
function currentStatus(f: StoredFinding): StoredFinding['status'] {
  return STATUS_CHANGES.filter(([id]) => id === f.id).at(-1)?.[1] ?? f.status;
}

const inQuarter = (date: string) => date >= QUARTER.from && date <= QUARTER.to;
const quarterFindings = () => FINDINGS.filter((f) => inQuarter(londonDate(f.detectedAt)));
const quarterRuns = () => RUNS.filter((r) => inQuarter(londonDate(r.startedAt)));

describe('buildReportFacts', () => {
  let store: MemoryCouncilStore;
  let facts: ReportFacts;

  beforeEach(async () => {
    // Prepare
    let clock = new Date('2027-03-01T00:00:00Z');
    store = new MemoryCouncilStore({ clock: () => clock });
    await fillQuarter(store, (at) => (clock = at));

    // Act
    facts = await buildReportFacts(store, config(), QUARTER, NOW);
  });

  it('takes the findings detected in the period by the date in Europe/London', () => {
    // 23:30 UTC on 31 May (00:30 BST on 1 June) is out; 22:30 UTC (23:30 BST) is in; 28 Feb 23:30 GMT is out.
    expect(facts.findings.map((f) => f.id).sort()).toEqual([...IN_QUARTER].sort());
    expect(quarterFindings().map((f) => f.id).sort()).toEqual([...IN_QUARTER].sort());
    expect(facts.findings.map((f) => f.id)).not.toContain('h-after');
    expect(facts.findings.map((f) => f.id)).not.toContain('i-before');
    expect(facts.findings.find((f) => f.id === 'g-offensive')?.detectedOn).toBe('2027-05-31');
  });

  it('counts the findings by severity, status and rule as the store holds them', () => {
    const held = quarterFindings();

    expect(facts.summary.findings).toBe(held.length);
    for (const severity of ['low', 'medium', 'high'] as const) {
      expect(facts.summary.bySeverity[severity]).toBe(held.filter((f) => f.severity === severity).length);
    }
    for (const status of ['open', 'acknowledged', 'resolved', 'dismissed'] as const) {
      expect(facts.summary.byStatus[status]).toBe(held.filter((f) => currentStatus(f) === status).length);
    }
    for (const rule of RULE_IDS) {
      const ofRule = held.filter((f) => f.rule === rule);
      const row = facts.summary.byRule.find((r) => r.rule === rule);
      if (ofRule.length === 0) expect(row).toBeUndefined();
      else expect(row).toMatchObject({ total: ofRule.length, high: ofRule.filter((f) => f.severity === 'high').length, low: ofRule.filter((f) => f.severity === 'low').length });
    }
  });

  it('counts scans and posts checked from the scan runs that started in the period', () => {
    const runs = quarterRuns();

    expect(facts.summary.scanRuns).toBe(runs.length);
    expect(facts.summary.failedRuns).toBe(runs.filter((r) => r.outcome === 'failed').length);
    expect(facts.summary.postsChecked).toBe(runs.reduce((n, r) => n + r.postsNew, 0));
    expect(facts.summary.postsChecked).toBe(39);
    expect(facts.summary.accountsScanned).toBe(new Set(runs.map((r) => `${r.platform}:${r.handle}`)).size);
  });

  it('gives each account its posts checked, share of posts without findings and findings by rule and severity', () => {
    for (const [platform, handle] of [['mastodon', MASTODON], ['bluesky', BLUESKY], ['facebook', FACEBOOK]] as const) {
      const posts = quarterRuns().filter((r) => r.handle === handle).reduce((n, r) => n + r.postsNew, 0);
      const findings = quarterFindings().filter((f) => f.account === handle);
      const postsWithFindings = new Set(findings.filter((f) => f.rule !== 'unapproved-account' && f.postId).map((f) => f.postId)).size;
      const row = facts.accounts.find((a) => a.platform === platform && a.handle === handle);

      expect(row).toMatchObject({ registered: true, approved: true, postsChecked: posts, postsWithFindings, findings: findings.length });
      expect(row!.shareWithoutFindings).toBeCloseTo((posts - postsWithFindings) / posts, 10);
      expect(row!.byRule.reduce((n, r) => n + r.total, 0)).toBe(findings.length);
    }
    // Two findings on one Mastodon post (p4) count it once: 30 posts, 4 with findings (p1, p2, p4, p7).
    expect(facts.accounts.find((a) => a.handle === MASTODON)).toMatchObject({ postsChecked: 30, postsWithFindings: 4 });
    expect(facts.accounts.find((a) => a.handle === MASTODON)!.shareWithoutFindings).toBeCloseTo(26 / 30, 10);
    expect(facts.accounts.find((a) => a.handle === MASTODON)!.byRule.find((r) => r.rule === 'personal-data')).toMatchObject({ high: 2, total: 2 });
  });

  it('lists a registered account that was never scanned, and an impostor that is not registered', () => {
    expect(facts.accounts.find((a) => a.handle === FEED)).toMatchObject({ registered: true, approved: false, scanRuns: 0, postsChecked: 0, shareWithoutFindings: null, findings: 0 });
    expect(facts.accounts.find((a) => a.handle === IMPOSTOR)).toMatchObject({ platform: 'x', registered: false, postsChecked: 0, postsWithFindings: 0, findings: 1 });
  });

  it('charts the findings per ISO week for a quarter, every finding in the week of its London date', () => {
    expect(facts.overTime.granularity).toBe('week');
    expect(facts.overTime.buckets[0]).toMatchObject({ id: '2027-W09', from: '2027-03-01' });
    expect(facts.overTime.buckets.at(-1)).toMatchObject({ id: '2027-W22', from: '2027-05-31', to: '2027-05-31' });
    expect(facts.overTime.buckets).toHaveLength(14);
    for (const bucket of facts.overTime.buckets) {
      const inside = quarterFindings().filter((f) => londonDate(f.detectedAt) >= bucket.from && londonDate(f.detectedAt) <= bucket.to);
      expect(bucket.total, bucket.id).toBe(inside.length);
      expect(bucket.bySeverity.high + bucket.bySeverity.medium + bucket.bySeverity.low).toBe(bucket.total);
    }
    expect(facts.overTime.buckets.reduce((n, b) => n + b.total, 0)).toBe(facts.summary.findings);
  });

  it('charts per month for a period longer than a quarter', async () => {
    const half = await buildReportFacts(store, config(), { from: '2027-01-15', to: '2027-06-30' }, NOW);

    expect(half.overTime.granularity).toBe('month');
    expect(half.overTime.buckets.map((b) => b.id)).toEqual(['2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06']);
    expect(half.overTime.buckets[0]).toMatchObject({ from: '2027-01-15', to: '2027-01-31' });
    expect(half.overTime.buckets.find((b) => b.id === '2027-02')!.total).toBe(1); // i-before, 28 February
    expect(half.overTime.buckets.find((b) => b.id === '2027-06')!.total).toBe(1); // h-after, 1 June in London
  });

  it('measures time to resolve from detection to the first resolved or dismissed event of the audit trail', async () => {
    const resolved: number[] = [];
    const dismissed: number[] = [];
    for (const f of quarterFindings()) {
      const closing = store.findingEvents(f.id).find((e) => e.status === 'resolved' || e.status === 'dismissed');
      if (closing) (closing.status === 'resolved' ? resolved : dismissed).push((Date.parse(closing.at) - Date.parse(f.detectedAt)) / DAY);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

    // a-phone 2 days, j-hostile 3 (its first resolution, not its second), g-offensive half a day.
    expect(resolved.sort()).toEqual([0.5, 2, 3]);
    expect(dismissed.sort()).toEqual([1, 5]);
    expect(facts.timeToResolve.resolved).toEqual({ count: 3, medianDays: 2, meanDays: mean(resolved) });
    expect(facts.timeToResolve.dismissed).toEqual({ count: 2, medianDays: 3, meanDays: 3 });
    expect(facts.timeToResolve.closed.count).toBe(5);
    expect(facts.timeToResolve.closed.medianDays).toBe(2);
    expect(facts.timeToResolve.closed.meanDays).toBeCloseTo(mean([...resolved, ...dismissed]), 10);
    expect(facts.timeToResolve.closedWithoutTrail).toBe(1); // k-confidential, stored as dismissed
    expect(facts.timeToResolve.stillOpen).toBe(quarterFindings().filter((f) => ['open', 'acknowledged'].includes(currentStatus(f))).length);
  });

  it('gives, per rule, how many findings were dismissed as false positives and what share', () => {
    for (const row of facts.dismissedByRule) {
      const ofRule = quarterFindings().filter((f) => f.rule === row.rule);
      const dismissedCount = ofRule.filter((f) => currentStatus(f) === 'dismissed').length;
      expect(row).toMatchObject({ findings: ofRule.length, dismissed: dismissedCount });
      expect(row.share).toBeCloseTo(dismissedCount / ofRule.length, 10);
    }
    expect(facts.dismissedByRule.find((r) => r.rule === 'risky-link')).toMatchObject({ findings: 2, dismissed: 2, share: 1 });
    expect(facts.dismissedByRule.find((r) => r.rule === 'personal-data')).toMatchObject({ findings: 2, dismissed: 0, share: 0 });
    expect(facts.dismissedByRule.map((r) => r.rule)).toEqual(RULE_IDS.filter((rule) => quarterFindings().some((f) => f.rule === rule)));
  });

  it('says what happened in the pre-election period, judged by the date of the post', () => {
    const { pollingDay, preElectionStart } = config().elections[0]!;
    const inElection = quarterFindings().filter((f) => {
      const date = londonDate(f.postedAt ?? f.detectedAt);
      return date >= preElectionStart && date <= pollingDay;
    });

    expect(facts.preElection).toHaveLength(1);
    const [period] = facts.preElection;
    expect(period!.overlap).toEqual({ from: '2027-03-29', to: '2027-05-06' });
    expect(period!.findingIds.sort()).toEqual(inElection.map((f) => f.id).sort());
    expect(period!.findingIds.sort()).toEqual(['d-politics', 'e-phone', 'f-impostor', 'j-hostile']);
    expect(period!.byRule.find((r) => r.rule === 'political-content')).toMatchObject({ high: 1, total: 1 });
    expect(period!.postsChecked).toBe(quarterRuns().filter((r) => londonDate(r.startedAt) >= '2027-03-29' && londonDate(r.startedAt) <= '2027-05-06').reduce((n, r) => n + r.postsNew, 0));
  });

  it('has no pre-election section for a period that does not overlap one', async () => {
    const january = await buildReportFacts(store, config(), { from: '2027-01-01', to: '2027-01-31' }, NOW);

    expect(january.preElection).toEqual([]);
    expect(january.summary.findings).toBe(0);
    expect(january.summary.shareWithoutFindings).toBeNull();
  });

  it('lists the items still open: open or acknowledged, detected up to the end of the period, most serious first', async () => {
    const open = (await store.listOpenFindings()).filter((f) => londonDate(f.detectedAt) <= QUARTER.to);

    expect(facts.openItems.map((f) => f.id).sort()).toEqual(open.map((f) => f.id).sort());
    expect(facts.openItems.map((f) => f.id)).toEqual(['d-politics', 'e-phone', 'f-impostor', 'i-before']);
    expect(facts.summary.stillOpen).toBe(4);
    expect(facts.openItems.find((f) => f.id === 'i-before')!.ageDays).toBe(Math.floor((NOW.getTime() - Date.parse('2027-02-28T23:30:00Z')) / DAY));
  });

  it('reads every ISO week the period overlaps, across a year boundary', async () => {
    const winter = new MemoryCouncilStore();
    // Friday 1 January 2027 is in ISO week 2026-W53.
    await winter.putFinding(storedFinding({ id: 'new-year', detectedAt: '2027-01-01T10:00:00Z', detectedWeek: '2026-W53' }));
    await winter.recordScanRun(scanRun({ runId: 'ny', startedAt: '2027-01-01T06:00:00Z', week: '2026-W53', postsNew: 7 }));

    const report = await buildReportFacts(winter, config(), { from: '2027-01-01', to: '2027-01-01' }, NOW);

    expect(report.findings.map((f) => f.id)).toEqual(['new-year']);
    expect(report.summary.postsChecked).toBe(7);
    expect(report.period).toMatchObject({ days: 1, label: '1 January 2027' });
  });

  it('refuses a period that is not two dates in order, naming the option and the value', async () => {
    await expect(buildReportFacts(store, config(), { from: '2027-02-30', to: '2027-03-31' }, NOW)).rejects.toThrow('from = "2027-02-30": expected a date as YYYY-MM-DD');
    await expect(buildReportFacts(store, config(), { from: '2027-04-01', to: '2027-03-31' }, NOW)).rejects.toThrow(ReportPeriodError);
    await expect(buildReportFacts(store, config(), { from: '2027-04-01', to: '2027-03-31' }, NOW)).rejects.toThrow('from = "2027-04-01": is after the period\'s last day "2027-03-31"');
    await expect(buildReportFacts(store, config(), { from: '2000-01-01', to: '2027-03-31' }, NOW)).rejects.toThrow('longer than');
  });
});
