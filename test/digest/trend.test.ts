import { describe, expect, it } from 'vitest';
import { buildDigestFacts, TREND_WEEKS, trendWeeks } from '../../shared/digest/build-digest';
import { testConfig } from '../support/fixtures';
import { NOW, scanRun, storeWith, WEEK } from './digest-fixtures';
import { quarterOfFindings, REPORT_LINK, TREND_WEEK_IDS } from './trend-fixtures';

describe('findings trend of the weekly digest', () => {
  it('covers the 12 ISO weeks ending with the digest week, across the turn of the year', () => {
    expect(TREND_WEEKS).toBe(12);
    expect(trendWeeks(WEEK)).toEqual(TREND_WEEK_IDS);
  });

  it('counts, for each week, the findings the store holds as detected in it, and the high ones', async () => {
    // Prepare
    const { inRange, outside } = quarterOfFindings();
    const store = await storeWith([...inRange, ...outside], [scanRun()]);

    // Act
    const facts = await buildDigestFacts(store, testConfig(), WEEK, NOW);

    // Assess
    expect(facts.trend.map((w) => w.week)).toEqual(TREND_WEEK_IDS);
    for (const week of facts.trend) {
      const detected = inRange.filter((f) => f.detectedWeek === week.week);
      expect(week, week.week).toEqual({ week: week.week, count: detected.length, high: detected.filter((f) => f.severity === 'high').length });
    }
    expect(facts.trend.reduce((n, w) => n + w.count, 0)).toBe(inRange.length);
    expect(facts.trend.at(-1)!.count).toBe(facts.headline.newFindings);
    expect(facts.trend.at(-1)!.high).toBe(facts.headline.bySeverity.high);
  });

  it('gives twelve empty weeks for a council with no findings yet', async () => {
    const store = await storeWith([], [scanRun()]);

    const facts = await buildDigestFacts(store, testConfig(), WEEK, NOW);

    expect(facts.trend).toEqual(TREND_WEEK_IDS.map((week) => ({ week, count: 0, high: 0 })));
  });
});

describe('report link of the weekly digest', () => {
  it('carries the latest Full Council report link, with its month and expiry in the council time zone', async () => {
    const store = await storeWith([], [scanRun()]);

    const facts = await buildDigestFacts(store, testConfig(), WEEK, NOW, { reportLink: REPORT_LINK });

    expect(facts.reportLink).toEqual({ ...REPORT_LINK, monthLabel: 'January 2027', expiresLocal: 'Mon 15 Feb 2027, 07:00', expired: false });
  });

  it('notes a link that had expired before the digest was generated', async () => {
    const store = await storeWith([], [scanRun()]);

    const facts = await buildDigestFacts(store, testConfig(), WEEK, NOW, { reportLink: { ...REPORT_LINK, expiresAt: '2027-02-01T09:00:00Z' } });

    expect(facts.reportLink).toMatchObject({ expired: true, expiresLocal: 'Mon 1 Feb 2027, 09:00' });
  });

  it('has no report link when none is given', async () => {
    const store = await storeWith([], [scanRun()]);

    const facts = await buildDigestFacts(store, testConfig(), WEEK, NOW);

    expect(facts).not.toHaveProperty('reportLink');
  });
});
