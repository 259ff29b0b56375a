import { describe, expect, it } from 'vitest';
import { buildDigestFacts, preElectionNotices } from '../../shared/digest/build-digest';
import { formatLocal } from '../../shared/domain/calendar';
import { SEVERITIES } from '../../shared/domain/config';
import { RULE_IDS } from '../../shared/domain/finding';
import { parseIsoWeek } from '../../shared/domain/calendar';
import { normaliseHandle } from '../../shared/domain/account';
import { testConfig } from '../support/fixtures';
import { busyWeek, NOW, scanRun, storedFinding, storeWith, WEEK } from './digest-fixtures';

describe('weekly digest facts', () => {
  it('counts what the store holds for the week, and nothing from other weeks', async () => {
    // Prepare
    const { findings, earlier, later, runs } = busyWeek();
    const store = await storeWith([...findings, ...earlier, ...later], runs);

    // Act
    const facts = await buildDigestFacts(store, testConfig(), WEEK, NOW);

    // Assess
    const weekRuns = runs.filter((r) => r.week === WEEK.id);
    const accounts = new Set(weekRuns.map((r) => `${r.platform} ${normaliseHandle(r.handle)}`));
    expect(facts.headline.newFindings).toBe(findings.length);
    for (const severity of SEVERITIES) {
      expect(facts.headline.bySeverity[severity]).toBe(findings.filter((f) => f.severity === severity).length);
    }
    expect(facts.headline.accountsScanned).toBe(accounts.size);
    expect(facts.headline.scanRuns).toBe(weekRuns.length);
    expect(facts.headline.postsChecked).toBe(weekRuns.reduce((n, r) => n + r.postsNew, 0));
    expect(facts.headline.postsSeen).toBe(weekRuns.reduce((n, r) => n + r.postsFetched, 0));
    expect(facts.headline.failedRuns).toBe(weekRuns.filter((r) => r.outcome === 'failed').length);
    expect(facts.headline.captureFailed).toBe(true);
    expect(facts.verdict).toBe('findings');
  });

  it('lists every new finding once, high severity first, then by rule in the rulebook order', async () => {
    const { findings, earlier, later, runs } = busyWeek();
    const store = await storeWith([...findings, ...earlier, ...later], runs);

    const facts = await buildDigestFacts(store, testConfig(), WEEK, NOW);

    const listed = facts.newFindings.flatMap((g) => g.rules.flatMap((r) => r.findings));
    expect(listed.map((f) => f.id).sort()).toEqual(findings.map((f) => f.id).sort());
    expect(facts.newFindings.map((g) => g.severity)).toEqual(['high', 'medium', 'low'].filter((s) => findings.some((f) => f.severity === s)));
    for (const group of facts.newFindings) {
      const ruleOrder = group.rules.map((r) => RULE_IDS.indexOf(r.rule));
      expect(ruleOrder).toEqual([...ruleOrder].sort((a, b) => a - b));
      for (const rule of group.rules) expect(rule.findings.every((f) => f.severity === group.severity && f.rule === rule.rule)).toBe(true);
    }
    const stored = findings.find((f) => f.rule === 'risky-link')!;
    expect(listed.find((f) => f.id === stored.id)).toMatchObject({
      account: stored.account,
      postUrl: stored.postUrl,
      evidence: stored.evidence,
      reason: stored.reason,
      clause: stored.clause,
      remediation: stored.remediation,
      postedLocal: 'Wed 3 Feb 2027, 09:00',
    });
  });

  it('carries findings still open from earlier weeks, but not dismissed ones or later weeks', async () => {
    const { findings, earlier, later, runs } = busyWeek();
    const store = await storeWith([...findings, ...earlier, ...later], runs);

    const facts = await buildDigestFacts(store, testConfig(), WEEK, NOW);

    const stillOpen = earlier.filter((f) => f.status === 'open' || f.status === 'acknowledged');
    expect(facts.openFromEarlierWeeks.map((f) => f.id).sort()).toEqual(stillOpen.map((f) => f.id).sort());
    expect(facts.headline.openFromEarlierWeeks).toBe(stillOpen.length);
    expect(facts.openFromEarlierWeeks[0]!.severity).toBe('high');
  });

  it('names the unapproved accounts and the accounts whose capture failed, with the last error', async () => {
    const { findings, runs } = busyWeek();
    const store = await storeWith(findings, runs);

    const facts = await buildDigestFacts(store, testConfig(), WEEK, NOW);

    const impostors = findings.filter((f) => f.rule === 'unapproved-account');
    expect(facts.unapprovedAccounts.map((a) => [a.platform, a.account])).toEqual(impostors.map((f) => [f.platform, f.account]));
    const failed = runs.filter((r) => r.week === WEEK.id && r.outcome === 'failed');
    const lastFailed = failed.sort((a, b) => a.startedAt.localeCompare(b.startedAt)).at(-1)!;
    expect(facts.failingCaptures).toEqual([
      {
        platform: lastFailed.platform,
        handle: lastFailed.handle,
        failedRuns: failed.length,
        totalRuns: runs.filter((r) => r.week === WEEK.id && r.platform === lastFailed.platform).length,
        lastError: lastFailed.error,
        lastFailedLocal: 'Sat 6 Feb 2027, 06:00',
        recovered: false,
      },
    ]);
  });

  it('notes an account whose capture failed and then recovered', async () => {
    const runs = [
      scanRun({ outcome: 'failed', error: 'timeout', postsFetched: 0, postsNew: 0 }),
      scanRun({ startedAt: '2027-02-04T06:00:00Z', finishedAt: '2027-02-04T06:00:03Z' }),
    ];
    const store = await storeWith([], runs);

    const facts = await buildDigestFacts(store, testConfig(), WEEK, NOW);

    expect(facts.failingCaptures).toMatchObject([{ failedRuns: 1, totalRuns: 2, recovered: true, lastError: 'timeout' }]);
    expect(facts.verdict).toBe('capture-failed');
  });

  it('gives an all-clear week when nothing new was found and every capture succeeded', async () => {
    const store = await storeWith([], [scanRun(), scanRun({ platform: 'bluesky', handle: '@harbournetc.bsky.social' })]);

    const facts = await buildDigestFacts(store, testConfig(), WEEK, NOW);

    expect(facts.verdict).toBe('all-clear');
    expect(facts.newFindings).toEqual([]);
    expect(facts.subject).toBe('Council Audit: Harbourne Town Council, week 2027-W05 — all clear');
  });

  it('does not call a week without any scan all clear', async () => {
    const store = await storeWith([]);

    const facts = await buildDigestFacts(store, testConfig(), WEEK, NOW);

    expect(facts.verdict).toBe('not-scanned');
    expect(facts.subject).toMatch(/no scans ran$/);
  });

  it('puts the count of new findings and of high ones in the subject', async () => {
    const findings = [storedFinding({ severity: 'high' }), storedFinding({ severity: 'medium' }), storedFinding({ severity: 'low' })];
    const store = await storeWith(findings, [scanRun()]);

    const facts = await buildDigestFacts(store, testConfig(), WEEK, NOW);

    expect(facts.subject).toBe('Council Audit: Harbourne Town Council, week 2027-W05 — 3 new findings (1 high)');
  });

  it('keeps a council name with a line break on one subject line', async () => {
    const store = await storeWith([], [scanRun()]);

    const facts = await buildDigestFacts(store, testConfig({ council: { name: 'Harbourne\r\nBcc: x@mailbox.example Town Council' } }), WEEK, NOW);

    expect(facts.subject).not.toMatch(/[\r\n]/);
  });

  it('shows dates in the council time zone (British Summer Time in summer)', () => {
    expect(formatLocal('2027-07-01T23:30:00Z', 'Europe/London')).toBe('Fri 2 Jul 2027, 00:30');
    expect(formatLocal('2027-01-01T23:30:00Z', 'Europe/London')).toBe('Fri 1 Jan 2027, 23:30');
  });
});

describe('pre-election notice', () => {
  // Harbourne's test configuration: pre-election period 29 March – 6 May 2027.
  const elections = testConfig().elections;

  it.each([
    ['2027-W10', []],
    ['2027-W11', ['upcoming']],
    ['2027-W12', ['upcoming']],
    ['2027-W13', ['in-period']],
    ['2027-W18', ['in-period']],
    ['2027-W19', []],
  ])('for week %s is %j', (week, expected) => {
    const notices = preElectionNotices(elections, parseIsoWeek(week), 'Europe/London');
    expect(notices.map((n) => n.status)).toEqual(expected);
  });

  it('says how many days remain before an upcoming period', () => {
    const [notice] = preElectionNotices(elections, parseIsoWeek('2027-W11'), 'Europe/London');
    // Week 11 ends on Sunday 21 March; the period starts on Monday 29 March.
    expect(notice).toMatchObject({ status: 'upcoming', daysUntilStart: 8, period: '29 March – 6 May 2027 (Europe/London)' });
  });

  it('is part of the facts of a week in the period', async () => {
    const store = await storeWith([], [scanRun({ week: '2027-W14' })]);

    const facts = await buildDigestFacts(store, testConfig(), parseIsoWeek('2027-W14'), NOW);

    expect(facts.preElection).toHaveLength(1);
    expect(facts.preElection[0]!.election).toEqual(elections[0]);
  });
});
