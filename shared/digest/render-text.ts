import { ruleTitle } from '../detectors/catalogue';
import { platformTitle } from '../domain/post';
import { describeSeverityCounts, SEVERITIES_HIGH_FIRST, tidy, webLink } from '../rendering/display';
import {
  RESPONSE_TIMES,
  type DigestFacts,
  type DigestReportLink,
  type PostItem,
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
  lines.push(sinceLastWeekWording(facts));
  lines.push('');

  if (facts.newPosts.length > 0) {
    lines.push(`NEW THIS WEEK (${countOf(facts.newPosts.length, 'item')})`, `  ${responseTimesWording()}`);
    facts.newPosts.forEach((item, i) => lines.push('', ...postItemLines(i + 1, item)));
    lines.push('');
  }

  if (facts.unapprovedAccounts.length > 0) {
    lines.push(`ACCOUNTS POSTING AS THE COUNCIL WITHOUT APPROVAL (${facts.unapprovedAccounts.length})`);
    for (const account of facts.unapprovedAccounts) lines.push('', ...unapprovedLines(account));
    lines.push('');
  }

  if (facts.earlierPosts.length > 0) {
    lines.push(`STILL OPEN FROM EARLIER WEEKS (${countOf(facts.earlierPosts.length, 'item')})`);
    facts.earlierPosts.forEach((item, i) => lines.push('', ...postItemLines(i + 1, item)));
    lines.push('');
  }

  if (facts.rules.length > 0) {
    lines.push(RULES_HEADING.toUpperCase());
    for (const rule of facts.rules) lines.push('', `  ${rule.title}`, `     ${tidy(rule.clause)}`);
    lines.push('');
  }

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

  if (facts.failingCaptures.length > 0) {
    lines.push(`ACCOUNTS THAT COULD NOT BE READ (${facts.failingCaptures.length})`);
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
    ['New this week', h.newFindings === 0 ? 'nothing' : `${countOf(h.newFindings, 'finding')} (${describeSeverityCounts(h.bySeverity)}) in ${countOf(facts.newPosts.length + newUnapproved(facts), 'item')}`],
    ['Accounts checked', `${h.accountsScanned} (${countOf(h.scanRuns, 'check')} this week)`],
    ['Posts read', `${h.postsChecked} new or edited ${h.postsChecked === 1 ? 'post' : 'posts'} read against every rule`],
    [
      'Accounts that could not be read',
      h.captureFailed ? `${failingAccounts} (${countOf(h.failedRuns, 'failed check')})` : 'none',
    ],
    ['Still open from earlier weeks', String(h.openFromEarlierWeeks)],
  ];
}

/** Unapproved accounts found (again) this week: each is one item. */
function newUnapproved(facts: DigestFacts): number {
  return facts.unapprovedAccounts.filter((a) => a.lastDetectedWeek === facts.week.id).length;
}

export const RULES_HEADING = "The rules behind this week's items";

/** `2 items`, `1 item` */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** How soon each severity is due, as every digest states it. */
export function responseTimesWording(): string {
  const parts = SEVERITIES_HIGH_FIRST.map((s) => `${s} ${RESPONSE_TIMES[s].wording}`);
  return `Please deal with each item by its due date: ${parts.join(', ')} of being found (working days are Monday to Friday; bank holidays are not counted).`;
}

/** `Since last week: of the 4 items found in 2026-W49, 2 resolved, 1 dismissed, 1 still open.` */
export function sinceLastWeekWording(facts: DigestFacts): string {
  const s = facts.sinceLastWeek;
  const automatic = automaticWording(s.automatic);
  if (s.raised === 0) return `Since last week: nothing new was found in week ${s.week}.${automatic}`;
  const byItself = s.resolvedAutomatically ? ` (${s.resolvedAutomatically} of them by itself, no one acting)` : '';
  return `Since last week: of the ${countOf(s.raised, 'finding')} raised in week ${s.week}, ${s.resolved} resolved${byItself}, ${s.dismissed} dismissed, ${s.stillOpen} still open.${automatic}`;
}

/** ` Resolved by themselves this week, no one acting: 2 whose post was deleted on its platform, 1 cured by an edit.` */
function automaticWording(automatic: DigestFacts['sinceLastWeek']['automatic']): string {
  if (!automatic) return '';
  const parts = [
    automatic.postDeleted > 0 ? `${automatic.postDeleted} whose post was deleted on its platform` : '',
    automatic.postEdited > 0 ? `${automatic.postEdited} cured by an edit of the post` : '',
    automatic.rulesChanged > 0 ? `${automatic.rulesChanged} no longer raised by the updated rules` : '',
  ].filter(Boolean);
  const total = automatic.postDeleted + automatic.postEdited + automatic.rulesChanged;
  return ` ${total === 1 ? 'One finding' : `${total} findings`} resolved ${total === 1 ? 'itself' : 'themselves'} this week, no one acting: ${parts.join(', ')}.`;
}

/** `Due by Tue 8 Dec 2026` or `Overdue: was due by …` */
export function dueWording(item: { dueLocal: string; overdue: boolean }): string {
  return item.overdue ? `Overdue: was due by ${item.dueLocal}` : `Due by ${item.dueLocal}`;
}

/** A post link as printed: a web address tidied (no doubled slashes), anything else marked. */
export function shownLink(url: string): string {
  return webLink(url) ?? `${tidy(url)} (not a web address)`;
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

/** `This link expires on Mon 15 Feb 2027, 07:00 (Europe/London).` — or says that it already has, or that it does not expire (the console). */
export function reportExpiryWording(link: DigestReportLink, timezone: string): string {
  if (link.expiresAt === undefined) return "This link does not expire: every month's report is kept there.";
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
      return 'All clear: nothing new found this week, and every account was read.';
    case 'capture-failed':
      return 'Nothing new found this week, but not every account could be read: see the accounts that could not be read.';
    case 'not-scanned':
      return 'No checks ran this week, so nothing was read. Please ask whoever runs Council Audit to look at the schedule.';
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

function postItemLines(n: number, item: PostItem): string[] {
  return [
    `  ${n}. [${item.severity.toUpperCase()}] ${tidy(item.account)} on ${tidy(platformTitle(item.platform))}${item.postedLocal ? `, posted ${item.postedLocal}` : ''}`,
    `     ${dueWording(item)} (found ${item.detectedLocal})`,
    ...field('Post', item.postUrl === undefined ? undefined : shownLink(item.postUrl)),
    ...item.findings.flatMap((f) => [
      `     - ${ruleTitle(f.rule)} (${f.severity}${f.status === 'open' ? '' : `, ${f.status}`}): ${tidy(f.reason)}`,
      `       Evidence: ${tidy(f.evidence)}`,
    ]),
    ...field('What to do', item.actions.map(tidy).join(' ')),
    ...field('Review it', item.reviewUrl),
  ];
}

function unapprovedLines(a: UnapprovedAccount): string[] {
  return [
    `  - ${tidy(a.account)} on ${tidy(platformTitle(a.platform))} (first found in week ${a.firstDetectedWeek})`,
    `     ${dueWording(a)}`,
    ...field('Account', tidy(a.evidence)),
    ...field('A post from it', a.postUrl === undefined ? undefined : shownLink(a.postUrl)),
    ...field('Why', tidy(a.reason)),
    ...field('What to do', tidy(a.remediation)),
    ...field('Review it', a.reviewUrl),
  ];
}

function failingLines(c: FailingCapture): string[] {
  return [
    `  - ${tidy(c.handle)} on ${tidy(platformTitle(c.platform))}: ${failingSummary(c)}`,
    ...field('Last error', c.lastError === undefined ? 'not recorded' : tidy(c.lastError)),
  ];
}

/** `2 of 3 runs failed; last failure Tue 2 Feb 2027, 06:00; still failing` */
export function failingSummary(c: FailingCapture): string {
  return `${c.failedRuns} of ${countOf(c.totalRuns, 'check')} failed; last failure ${c.lastFailedLocal}; ${c.recovered ? 'the latest check succeeded' : 'still failing'}`;
}

function field(label: string, value: string | undefined): string[] {
  return value === undefined ? [] : [`     ${label}: ${value}`];
}
