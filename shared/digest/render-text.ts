import { RULE_TITLES } from '../domain/finding';
import { describeSeverityCounts, tidy, webLink } from '../rendering/display';
import {
  type DigestFacts,
  type DigestReportLink,
  type DigestFinding,
  type FailingCapture,
  type PreElectionNotice,
  type UnapprovedAccount,
  type WeekFindings,
} from './build-digest';

/** The plain-text part of the weekly digest: the same facts as the HTML part, for any mail client. */
export function renderDigestText(facts: DigestFacts): string {
  const lines: string[] = [];
  lines.push(`Council Audit — ${tidy(facts.council)}`);
  lines.push(`Weekly compliance digest for week ${facts.week.id} (${facts.week.label}, times in ${facts.timezone})`);
  lines.push('');

  for (const notice of facts.preElection) lines.push(preElectionWording(notice), '');

  lines.push('SUMMARY');
  for (const [label, value] of headlineRows(facts)) lines.push(`  ${label}: ${value}`);
  lines.push('');
  lines.push(verdictWording(facts));
  lines.push('');

  if (facts.reportLink) {
    const report = facts.reportLink;
    const target = webLink(report.url) === undefined ? `${tidy(report.url)} (not a web address)` : tidy(report.url);
    lines.push('FULL COUNCIL REPORT', `  ${reportLinkWording(report)}:`, `  ${target}`, `  ${reportExpiryWording(report, facts.timezone)}`, '');
  }

  if (facts.trend.length > 0) {
    lines.push(trendHeading(facts).toUpperCase(), `  ${trendSummary(facts)}`);
    for (const week of facts.trend) lines.push(`  ${week.week}: ${weekCountWording(week)}${week.week === facts.week.id ? '  <- this week' : ''}`);
    lines.push('');
  }

  if (facts.headline.newFindings > 0) {
    lines.push(`NEW FINDINGS THIS WEEK (${facts.headline.newFindings})`);
    let n = 0;
    for (const group of facts.newFindings) {
      lines.push('', `${group.severity.toUpperCase()} SEVERITY`);
      for (const rule of group.rules) {
        lines.push('', `  ${rule.title} (${rule.findings.length})`);
        for (const finding of rule.findings) lines.push('', ...findingLines(++n, finding));
      }
    }
    lines.push('');
  }

  if (facts.openFromEarlierWeeks.length > 0) {
    lines.push(`STILL OPEN FROM EARLIER WEEKS (${facts.openFromEarlierWeeks.length})`);
    for (const finding of facts.openFromEarlierWeeks) lines.push('', ...openFindingLines(finding));
    lines.push('');
  }

  if (facts.unapprovedAccounts.length > 0) {
    lines.push(`UNAPPROVED ACCOUNTS (${facts.unapprovedAccounts.length})`);
    for (const account of facts.unapprovedAccounts) lines.push('', ...unapprovedLines(account));
    lines.push('');
  }

  if (facts.failingCaptures.length > 0) {
    lines.push(`ACCOUNTS WHOSE CAPTURE FAILED (${facts.failingCaptures.length})`);
    for (const capture of facts.failingCaptures) lines.push('', ...failingLines(capture));
    lines.push('');
  }

  lines.push('--', `Sent by Council Audit on ${facts.generatedLocal} (${facts.timezone}). Evidence is shown with personal data masked.`);
  return `${lines.join('\n')}\n`;
}

/** The summary rows, shared with the HTML renderer so both say the same thing in the same words. */
export function headlineRows(facts: DigestFacts): [string, string][] {
  const h = facts.headline;
  const failingAccounts = facts.failingCaptures.length;
  return [
    ['New findings', h.newFindings === 0 ? '0' : `${h.newFindings} (${describeSeverityCounts(h.bySeverity)})`],
    ['Accounts scanned', `${h.accountsScanned} (${h.scanRuns} ${h.scanRuns === 1 ? 'scan run' : 'scan runs'})`],
    ['Posts checked', `${h.postsChecked} newly captured ${h.postsChecked === 1 ? 'post' : 'posts'} checked against every rule (${h.postsSeen} returned by the platforms)`],
    [
      'Capture failures',
      h.captureFailed
        ? `yes: ${h.failedRuns} failed ${h.failedRuns === 1 ? 'run' : 'runs'} on ${failingAccounts} ${failingAccounts === 1 ? 'account' : 'accounts'}`
        : 'none',
    ],
    ['Still open from earlier weeks', String(h.openFromEarlierWeeks)],
  ];
}

export function trendHeading(facts: DigestFacts): string {
  return `New findings per week, last ${facts.trend.length} ${facts.trend.length === 1 ? 'week' : 'weeks'}`;
}

/** `27 new findings in 2026-W46 – 2027-W05 (9 high). This week 6; on average 1.9 a week in the 11 weeks before.` */
export function trendSummary(facts: DigestFacts): string {
  const trend = facts.trend;
  const total = trend.reduce((n, w) => n + w.count, 0);
  const high = trend.reduce((n, w) => n + w.high, 0);
  const before = trend.filter((w) => w.week !== facts.week.id);
  const thisWeek = trend.find((w) => w.week === facts.week.id)?.count ?? 0;
  const average = before.length === 0 ? undefined : before.reduce((n, w) => n + w.count, 0) / before.length;
  const span = `${trend[0]!.week} – ${trend.at(-1)!.week}`;
  return (
    `${total} new ${total === 1 ? 'finding' : 'findings'} in ${span} (${high} high). This week ${thisWeek}` +
    (average === undefined ? '.' : `; on average ${formatAverage(average)} a week in the ${before.length} ${before.length === 1 ? 'week' : 'weeks'} before.`)
  );
}

/** `none`, `4` or `4 (1 high)`. */
export function weekCountWording(week: WeekFindings): string {
  return week.count === 0 ? 'none' : week.high > 0 ? `${week.count} (${week.high} high)` : String(week.count);
}

/** `The Full Council report for October 2026` */
export function reportLinkWording(link: DigestReportLink): string {
  return `The Full Council report for ${tidy(link.monthLabel)}`;
}

/** `This link expires on Mon 15 Feb 2027, 07:00 (Europe/London).` — or says that it already has. */
export function reportExpiryWording(link: DigestReportLink, timezone: string): string {
  const when = link.expiresLocal === undefined ? `at ${tidy(link.expiresAt)}` : `on ${link.expiresLocal} (${timezone})`;
  return link.expired ? `This link expired ${when}; ask for a new one.` : `This link expires ${when}.`;
}

function formatAverage(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

export function verdictWording(facts: DigestFacts): string {
  switch (facts.verdict) {
    case 'all-clear':
      return 'All clear: no new findings this week, and every account was captured.';
    case 'capture-failed':
      return 'No new findings this week, but not every account could be captured: see the accounts whose capture failed.';
    case 'not-scanned':
      return 'No scans ran this week, so nothing was checked. Check that the scheduled scans are running.';
    case 'findings':
      return `${facts.headline.newFindings} new ${facts.headline.newFindings === 1 ? 'finding needs' : 'findings need'} attention, most serious first.`;
  }
}

export function preElectionWording(notice: PreElectionNotice): string {
  const when =
    notice.status === 'in-period'
      ? `This week falls in the pre-election period ${notice.period} (polling day ${notice.election.pollingDay}).`
      : `The pre-election period ${notice.period} starts in ${notice.daysUntilStart} ${notice.daysUntilStart === 1 ? 'day' : 'days'} (polling day ${notice.election.pollingDay}).`;
  return `PRE-ELECTION PERIOD: ${when} Council accounts must not publish anything that could be seen as supporting a party, candidate or campaign; political-content findings are raised at high severity.`;
}

function findingLines(n: number, f: DigestFinding): string[] {
  return [
    `  ${n}. ${tidy(f.account)} on ${tidy(f.platform)} — ${f.postedLocal ? `posted ${f.postedLocal}` : `detected ${f.detectedLocal}`}${f.status === 'open' ? '' : ` [${f.status}]`}`,
    ...field('Post', f.postUrl === undefined ? undefined : tidy(f.postUrl)),
    ...field('Evidence', tidy(f.evidence)),
    ...field('Why', tidy(f.reason)),
    ...field('Clause', tidy(f.clause)),
    ...field('Action', tidy(f.remediation)),
  ];
}

function openFindingLines(f: DigestFinding): string[] {
  return [
    `  - [${f.severity}] ${RULE_TITLES[f.rule]} — ${tidy(f.account)} on ${tidy(f.platform)}, detected ${f.detectedLocal} (week ${f.detectedWeek}), ${f.status}`,
    ...field('Post', f.postUrl === undefined ? undefined : tidy(f.postUrl)),
    ...field('Evidence', tidy(f.evidence)),
    ...field('Why', tidy(f.reason)),
    ...field('Action', tidy(f.remediation)),
  ];
}

function unapprovedLines(a: UnapprovedAccount): string[] {
  return [
    `  - ${tidy(a.account)} on ${tidy(a.platform)} (first detected week ${a.firstDetectedWeek})`,
    ...field('Evidence', tidy(a.evidence)),
    ...field('Why', tidy(a.reason)),
    ...field('Action', tidy(a.remediation)),
  ];
}

function failingLines(c: FailingCapture): string[] {
  return [
    `  - ${tidy(c.handle)} on ${tidy(c.platform)}: ${failingSummary(c)}`,
    ...field('Last error', c.lastError === undefined ? 'not recorded' : tidy(c.lastError)),
  ];
}

/** `2 of 3 runs failed; last failure Tue 2 Feb 2027, 06:00; still failing` */
export function failingSummary(c: FailingCapture): string {
  return `${c.failedRuns} of ${c.totalRuns} ${c.totalRuns === 1 ? 'run' : 'runs'} failed; last failure ${c.lastFailedLocal}; ${c.recovered ? 'the latest run succeeded' : 'still failing'}`;
}

function field(label: string, value: string | undefined): string[] {
  return value === undefined ? [] : [`     ${label}: ${value}`];
}
