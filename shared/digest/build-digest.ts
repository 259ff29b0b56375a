import { SEVERITIES, type CouncilConfig, type Election, type Severity } from '../domain/config';
import { RULE_IDS, type RuleId } from '../domain/finding';
import { ruleLevel, ruleTitle } from '../detectors/catalogue';
import type { Platform } from '../domain/post';
import type { ScanRun, StoredFinding } from '../domain/records';
import { addDays, describePreElectionPeriod, formatLocal, isoWeekOf, localDate, monthLabel, weekLabel, type IsoWeek } from '../domain/calendar';
import { handleKey } from '../domain/account';
import { SEVERITIES_HIGH_FIRST, webLink } from '../rendering/display';
import type { CouncilStore } from '../store/audit-store';

/** How close (in days) a pre-election period must be to a week for the digest to warn about it. */
export const PRE_ELECTION_WARNING_DAYS = 14;

/** How many ISO weeks, ending with the digest week, the findings trend covers. */
export const TREND_WEEKS = 12;

/** What the weekly digest reads from the store. */
export type DigestSource = Pick<CouncilStore, 'listFindingsDetectedIn' | 'listOpenFindings' | 'listScanRuns'>;

/** A finding as the digest shows it: the stored finding plus its dates in the council's time zone. */
export interface DigestFinding extends StoredFinding {
  /** `Tue 2 Feb 2027, 10:15`, in the council's time zone; absent when the platform gave no date. */
  postedLocal?: string;
  detectedLocal: string;
}

export interface RuleGroup {
  rule: RuleId;
  title: string;
  findings: DigestFinding[];
}

export interface SeverityGroup {
  severity: Severity;
  rules: RuleGroup[];
}

/** An account that posts as the council without recorded approval (from unapproved-account findings). */
export interface UnapprovedAccount {
  platform: Platform;
  account: string;
  /** The finding's evidence: handle, display name, profile link. */
  evidence: string;
  reason: string;
  remediation: string;
  postUrl?: string;
  firstDetectedWeek: string;
  lastDetectedWeek: string;
  /** How many unapproved-account findings (new this week or still open) name it. */
  findings: number;
  dueBy: string;
  dueLocal: string;
  overdue: boolean;
  reviewUrl?: string;
}

/** An account whose capture failed at least once in the week. */
export interface FailingCapture {
  platform: Platform;
  handle: string;
  failedRuns: number;
  totalRuns: number;
  lastError?: string;
  lastFailedLocal: string;
  /** True when the account's latest run of the week succeeded after the failures. */
  recovered: boolean;
}

export interface PreElectionNotice {
  election: Election;
  /** `29 March – 6 May 2027 (Europe/London)` */
  period: string;
  /** `in-period`: the week overlaps the period; `upcoming`: it starts within PRE_ELECTION_WARNING_DAYS of the week's end. */
  status: 'in-period' | 'upcoming';
  /** For `upcoming`: days from the week's Sunday to the period's first day. */
  daysUntilStart?: number;
}

/**
 * `findings`: new findings this week. `all-clear`: none, and every capture succeeded.
 * `capture-failed`: none found, but some accounts could not be checked. `not-scanned`: no scan ran.
 */
export type DigestVerdict = 'findings' | 'all-clear' | 'capture-failed' | 'not-scanned';

export interface DigestHeadline {
  newFindings: number;
  bySeverity: Record<Severity, number>;
  /** Distinct accounts (platform + handle) with at least one scan run in the week, failed or not. */
  accountsScanned: number;
  scanRuns: number;
  /** Posts newly captured (new or edited) and run through every rule: Σ postsNew of the week's runs. */
  postsChecked: number;
  /** Posts the platforms returned, including ones already checked in earlier runs: Σ postsFetched. */
  postsSeen: number;
  captureFailed: boolean;
  failedRuns: number;
  openFromEarlierWeeks: number;
}

/** New findings detected in one ISO week (whatever their status now), and how many of them are high severity. */
export interface WeekFindings {
  week: string;
  count: number;
  high: number;
}

/** Where the latest monthly Full Council report can be read: the console's reports page, or a time-limited download link. */
export interface ReportLink {
  /** `2026-10` */
  month: string;
  url: string;
  /** When the link stops working (ISO 8601); absent for a link that does not expire (the console's reports page). */
  expiresAt?: string;
}

export interface DigestReportLink extends ReportLink {
  /** `October 2026`; the month as given when it is not `YYYY-MM`. */
  monthLabel: string;
  /** `expiresAt` in the council's time zone; absent when it is not a date. */
  expiresLocal?: string;
  /** True when the link had already expired when the digest was generated. */
  expired: boolean;
}

export interface DigestOptions {
  reportLink?: ReportLink;
  /** The deployment's console (`https://audit.example`): each item then links to its page there; absent, no links. */
  consoleUrl?: string;
  /** The council's id, for the console links. */
  councilId?: string;
}

/**
 * How soon an item should be dealt with, by severity, counted from the day it was found (in the
 * council's time zone). Working days are Monday to Friday; bank holidays are not taken into account.
 */
export const RESPONSE_TIMES: Record<Severity, { days: number; workingDays: boolean; wording: string }> = {
  high: { days: 1, workingDays: true, wording: 'by the next working day' },
  medium: { days: 3, workingDays: true, wording: 'within 3 working days' },
  low: { days: 7, workingDays: false, wording: 'within 7 days' },
};

/** The date (YYYY-MM-DD) an item of `severity` found on `foundOn` (YYYY-MM-DD) is due by. */
export function dueDate(foundOn: string, severity: Severity): string {
  const { days, workingDays } = RESPONSE_TIMES[severity];
  if (!workingDays) return addDays(foundOn, days);
  let date = foundOn;
  for (let left = days; left > 0; ) {
    date = addDays(date, 1);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return date;
}

/** One post and everything found in it: what the Town Clerk deals with as one item. */
export interface PostItem {
  platform: Platform;
  account: string;
  postUrl?: string;
  postedLocal?: string;
  detectedLocal: string;
  /** The most serious of its findings. */
  severity: Severity;
  /** YYYY-MM-DD, from the most serious finding's severity and the day the first was found. */
  dueBy: string;
  /** `Tue 8 Dec 2026` */
  dueLocal: string;
  /** True when the due date had passed when the digest was made. */
  overdue: boolean;
  /** High first, then in the rulebook's order. */
  findings: DigestFinding[];
  /** What to do, each step once (several findings of one post often ask the same). */
  actions: string[];
  /** The item's page in the console, when the deployment has one. */
  reviewUrl?: string;
}

/** A rule that this week's items break, with its clause, stated once. */
export interface RuleBehind {
  rule: RuleId;
  title: string;
  clause: string;
}

/** What became of last week's new findings by the time this digest was made. */
export interface SinceLastWeek {
  week: string;
  raised: number;
  resolved: number;
  /** Of `resolved`, how many the system resolved (post deleted or edited, rules changed), not a person; absent when none. */
  resolvedAutomatically?: number;
  dismissed: number;
  stillOpen: number;
  /**
   * Findings of the last TREND_WEEKS weeks that resolved themselves during this digest's week, by why
   * (see AUTOMATIC_RESOLUTIONS); absent when none did.
   */
  automatic?: { postDeleted: number; postEdited: number; rulesChanged: number };
}

/** Everything the weekly email says, computed once; the HTML and text renderers only lay it out. */
export interface DigestFacts {
  council: string;
  timezone: string;
  /** `label`: `Mon 1 Feb – Sun 7 Feb 2027`. */
  week: Pick<IsoWeek, 'id' | 'monday' | 'sunday'> & { label: string };
  generatedAt: string;
  /** `generatedAt` in the council's time zone. */
  generatedLocal: string;
  verdict: DigestVerdict;
  subject: string;
  headline: DigestHeadline;
  /** High first, then medium, then low; within a severity, rules in the rulebook's order. */
  newFindings: SeverityGroup[];
  openFromEarlierWeeks: DigestFinding[];
  /** This week's new findings, one item per post (unapproved accounts are listed on their own), most serious first. */
  newPosts: PostItem[];
  /** Findings still open from earlier weeks, one item per post, most serious first. */
  earlierPosts: PostItem[];
  /** Each rule behind the items listed, once, in the rulebook's order. */
  rules: RuleBehind[];
  sinceLastWeek: SinceLastWeek;
  unapprovedAccounts: UnapprovedAccount[];
  failingCaptures: FailingCapture[];
  preElection: PreElectionNotice[];
  /** The TREND_WEEKS weeks ending with this one, oldest first. */
  trend: WeekFindings[];
  reportLink?: DigestReportLink;
}

/** Reads the week's findings and scan runs and states what the Town Clerk needs to know. */
export async function buildDigestFacts(store: DigestSource, config: CouncilConfig, week: IsoWeek, now: Date, options: DigestOptions = {}): Promise<DigestFacts> {
  const timezone = config.timezone;
  const earlierWeeks = trendWeeks(week).slice(0, -1);
  const [detected, open, runs, earlierDetected] = await Promise.all([
    store.listFindingsDetectedIn(week.id),
    store.listOpenFindings(),
    store.listScanRuns(week.id),
    Promise.all(earlierWeeks.map((id) => store.listFindingsDetectedIn(id))),
  ]);
  const newFindings = detected.filter((f) => f.detectedWeek === week.id).map((f) => forDigest(f, timezone)).sort(byRuleThenDate);
  const earlier = open.filter((f) => f.detectedWeek < week.id).map((f) => forDigest(f, timezone)).sort(bySeverityThenAge);

  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, newFindings.filter((f) => f.severity === s).length])) as Record<Severity, number>;
  const failingCaptures = failingCapturesOf(runs, timezone);
  const failedRuns = runs.filter((r) => r.outcome === 'failed').length;
  const headline: DigestHeadline = {
    newFindings: newFindings.length,
    bySeverity,
    // A failed search of impostor discovery is a capture failure, but not an account.
    accountsScanned: new Set(runs.filter((r) => r.query === undefined).map((r) => handleKey(r.platform, r.handle))).size,
    scanRuns: runs.length,
    postsChecked: sum(runs.map((r) => r.postsNew)),
    postsSeen: sum(runs.map((r) => r.postsFetched)),
    captureFailed: failedRuns > 0,
    failedRuns,
    openFromEarlierWeeks: earlier.length,
  };
  const links: ItemLinks = { timezone, today: localDate(now, timezone), ...consoleOf(options) };
  const verdict: DigestVerdict =
    newFindings.length > 0 ? 'findings' : runs.length === 0 ? 'not-scanned' : failedRuns > 0 ? 'capture-failed' : 'all-clear';

  return {
    council: config.council.name,
    timezone,
    week: { id: week.id, monday: week.monday, sunday: week.sunday, label: weekLabel(week) },
    generatedAt: now.toISOString(),
    generatedLocal: formatLocal(now.toISOString(), timezone),
    verdict,
    subject: subjectOf(config.council.name, week.id, verdict, headline, failingCaptures.length),
    headline,
    newFindings: SEVERITIES_HIGH_FIRST.map((severity) => ({
      severity,
      rules: RULE_IDS.map((rule) => ({
        rule,
        title: ruleTitle(rule),
        findings: newFindings.filter((f) => f.severity === severity && f.rule === rule),
      })).filter((g) => g.findings.length > 0),
    })).filter((g) => g.rules.length > 0),
    openFromEarlierWeeks: earlier,
    newPosts: postItems(newFindings, links),
    earlierPosts: postItems(earlier, links),
    rules: rulesBehind([...newFindings, ...earlier]),
    sinceLastWeek: sinceLastWeekOf(earlierWeeks.at(-1) ?? week.id, earlierDetected.at(-1) ?? [], automaticallyResolvedIn(week.id, [...earlierDetected.flat(), ...detected], timezone)),
    unapprovedAccounts: unapprovedAccountsOf([...newFindings, ...earlier], links),
    failingCaptures,
    preElection: preElectionNotices(config.elections, week, timezone),
    trend: [...earlierWeeks, week.id].map((id, i) => weekFindings(id, i < earlierWeeks.length ? earlierDetected[i]! : detected)),
    ...(options.reportLink ? { reportLink: reportLinkOf(options.reportLink, now, timezone) } : {}),
  };
}

/** The ids of the TREND_WEEKS ISO weeks ending with `week`, oldest first. */
export function trendWeeks(week: Pick<IsoWeek, 'monday'>): string[] {
  // Each Monday at noon UTC is in the same ISO week whatever the zone: the id only depends on the date.
  return Array.from({ length: TREND_WEEKS }, (_, i) => isoWeekOf(`${addDays(week.monday, (i - TREND_WEEKS + 1) * 7)}T12:00:00Z`, 'UTC').id);
}

function weekFindings(week: string, detected: readonly StoredFinding[]): WeekFindings {
  const inWeek = detected.filter((f) => f.detectedWeek === week);
  return { week, count: inWeek.length, high: inWeek.filter((f) => f.severity === 'high').length };
}

function reportLinkOf(link: ReportLink, now: Date, timezone: string): DigestReportLink {
  if (link.expiresAt === undefined) return { month: link.month, url: link.url, monthLabel: monthLabel(link.month), expired: false };
  const expires = Date.parse(link.expiresAt);
  return {
    month: link.month,
    url: link.url,
    expiresAt: link.expiresAt,
    monthLabel: monthLabel(link.month),
    ...(Number.isNaN(expires) ? {} : { expiresLocal: formatLocal(link.expiresAt, timezone) }),
    expired: !Number.isNaN(expires) && expires <= now.getTime(),
  };
}

function subjectOf(council: string, week: string, verdict: DigestVerdict, headline: DigestHeadline, failingAccounts: number): string {
  const prefix = `Council Audit: ${council}, week ${week} — `;
  const accounts = `${failingAccounts} ${failingAccounts === 1 ? 'account' : 'accounts'}`;
  let summary: string;
  switch (verdict) {
    case 'findings': {
      const n = headline.newFindings;
      const high = headline.bySeverity.high;
      summary = `${n} new ${n === 1 ? 'finding' : 'findings'}${high > 0 ? ` (${high} high)` : ''}`;
      if (headline.captureFailed) summary += `, ${accounts} not captured`;
      break;
    }
    case 'all-clear':
      summary = 'all clear';
      break;
    case 'capture-failed':
      summary = `no new findings, but ${accounts} could not be captured`;
      break;
    case 'not-scanned':
      summary = 'no scans ran';
      break;
  }
  // A subject is one header line: a council name with a line break must not start another header.
  return (prefix + summary).replace(/[\r\n\t]+/g, ' ');
}

function forDigest(finding: StoredFinding, timezone: string): DigestFinding {
  const posted = finding.postedAt && !Number.isNaN(Date.parse(finding.postedAt)) ? formatLocal(finding.postedAt, timezone) : undefined;
  return { ...finding, ...(posted ? { postedLocal: posted } : {}), detectedLocal: formatLocal(finding.detectedAt, timezone) };
}

function failingCapturesOf(runs: readonly ScanRun[], timezone: string): FailingCapture[] {
  const byAccount = new Map<string, ScanRun[]>();
  for (const run of runs) {
    const key = handleKey(run.platform, run.handle);
    byAccount.set(key, [...(byAccount.get(key) ?? []), run]);
  }
  const failing: FailingCapture[] = [];
  for (const accountRuns of byAccount.values()) {
    const ordered = [...accountRuns].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || a.runId.localeCompare(b.runId));
    const failed = ordered.filter((r) => r.outcome === 'failed');
    const lastFailed = failed.at(-1);
    if (!lastFailed) continue;
    failing.push({
      platform: lastFailed.platform,
      handle: lastFailed.handle,
      failedRuns: failed.length,
      totalRuns: ordered.length,
      ...(lastFailed.error === undefined ? {} : { lastError: lastFailed.error }),
      lastFailedLocal: formatLocal(lastFailed.startedAt, timezone),
      recovered: ordered.at(-1)!.outcome === 'ok',
    });
  }
  return failing.sort((a, b) => Number(a.recovered) - Number(b.recovered) || b.failedRuns - a.failedRuns || a.handle.localeCompare(b.handle));
}

interface ItemLinks {
  timezone: string;
  /** YYYY-MM-DD when the digest is made, in the council's time zone. */
  today: string;
  /** `https://audit.example/councils/harbourne-tc`, when the deployment has a console. */
  consoleBase?: string;
}

function consoleOf(options: DigestOptions): { consoleBase?: string } {
  const base = webLink(options.consoleUrl);
  if (base === undefined || options.councilId === undefined) return {};
  return { consoleBase: `${base.replace(/\/+$/, '')}/councils/${encodeURIComponent(options.councilId)}` };
}

function reviewUrlOf(links: ItemLinks, finding: DigestFinding): { reviewUrl?: string } {
  return links.consoleBase === undefined ? {} : { reviewUrl: `${links.consoleBase}/findings/${encodeURIComponent(finding.id)}` };
}

function dueOf(links: ItemLinks, severity: Severity, detectedAt: string): Pick<PostItem, 'dueBy' | 'dueLocal' | 'overdue'> {
  const dueBy = dueDate(localDate(new Date(detectedAt), links.timezone), severity);
  return { dueBy, dueLocal: dayLabel(dueBy), overdue: dueBy < links.today };
}

/** `2026-12-08` → `Tue 8 Dec 2026` */
export function dayLabel(date: string): string {
  return formatLocal(`${date}T12:00:00Z`, 'UTC').replace(/, \d\d:\d\d$/, '');
}

/** Findings grouped by post (an account-level rule's findings are left out: they have their own list). */
function postItems(findings: readonly DigestFinding[], links: ItemLinks): PostItem[] {
  const byPost = new Map<string, DigestFinding[]>();
  for (const f of findings) {
    if (ruleLevel(f.rule) === 'account') continue;
    const key = f.postId !== undefined ? `${handleKey(f.platform, f.account)} ${f.postId}` : f.postUrl !== undefined ? `url ${f.postUrl}` : `finding ${f.id}`;
    byPost.set(key, [...(byPost.get(key) ?? []), f]);
  }
  const items = [...byPost.values()].map((group): PostItem => {
    const ordered = [...group].sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule));
    const first = ordered[0]!;
    const earliest = group.reduce((a, b) => (Date.parse(b.detectedAt) < Date.parse(a.detectedAt) ? b : a));
    return {
      platform: first.platform,
      account: first.account,
      ...(first.postUrl === undefined ? {} : { postUrl: first.postUrl }),
      ...(first.postedLocal === undefined ? {} : { postedLocal: first.postedLocal }),
      detectedLocal: earliest.detectedLocal,
      severity: first.severity,
      ...dueOf(links, first.severity, earliest.detectedAt),
      findings: ordered,
      actions: stepsOnce(ordered.map((f) => f.remediation)),
      ...reviewUrlOf(links, first),
    };
  });
  return items.sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || a.dueBy.localeCompare(b.dueBy) || instantOf(a.findings[0]!) - instantOf(b.findings[0]!));
}

/** `Delete the post now`, with what may follow it before the next step: `(…)`, `,`, `and`, `:`. */
const DELETE_NOW = /^Delete the post now(?: \([^)]*\))?(?:,| and|:)?\s*/;

/**
 * What to do about one post, each step once: the most serious finding's remediation first; a later one
 * that again begins "Delete the post now" keeps only what it adds, and a sentence already said is not
 * said again (two findings of one post often ask the same: delete it, tell the Data Protection Officer).
 */
function stepsOnce(remediations: readonly string[]): string[] {
  const said = new Set<string>();
  let deleting = false;
  const steps: string[] = [];
  for (const remediation of remediations) {
    const rest = deleting ? remediation.replace(DELETE_NOW, '') : remediation;
    if (DELETE_NOW.test(remediation)) deleting = true;
    const sentences = rest
      .split(/(?<=[.!?])\s+/)
      .map((sentence) => sentence.trim())
      .filter((sentence) => /\w/.test(sentence) && !said.has(sentence.toLowerCase()));
    for (const sentence of sentences) said.add(sentence.toLowerCase());
    if (sentences.length > 0) steps.push(capitalised(sentences.join(' ')));
  }
  return steps;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function rulesBehind(findings: readonly DigestFinding[]): RuleBehind[] {
  return RULE_IDS.flatMap((rule) => {
    const first = findings.find((f) => f.rule === rule);
    return first ? [{ rule, title: ruleTitle(rule), clause: first.clause }] : [];
  });
}

function sinceLastWeekOf(week: string, detected: readonly StoredFinding[], automatic: SinceLastWeek['automatic']): SinceLastWeek {
  const raised = detected.filter((f) => f.detectedWeek === week);
  const count = (status: StoredFinding['status']) => raised.filter((f) => f.status === status).length;
  const byItself = raised.filter((f) => f.status === 'resolved' && f.resolvedAutomatically !== undefined).length;
  return {
    week,
    raised: raised.length,
    resolved: count('resolved'),
    ...(byItself > 0 ? { resolvedAutomatically: byItself } : {}),
    dismissed: count('dismissed'),
    stillOpen: count('open') + count('acknowledged'),
    ...(automatic ? { automatic } : {}),
  };
}

/** The findings (of those given) the system resolved during `week` or since, by why; undefined when none. */
function automaticallyResolvedIn(week: string, findings: readonly StoredFinding[], timezone: string): SinceLastWeek['automatic'] {
  const counts = { postDeleted: 0, postEdited: 0, rulesChanged: 0 };
  const seen = new Set<string>();
  for (const f of findings) {
    if (seen.has(f.id) || f.status !== 'resolved' || f.resolvedAutomatically === undefined || f.statusChangedAt === undefined) continue;
    if (isoWeekOf(f.statusChangedAt, timezone).id < week) continue;
    seen.add(f.id);
    if (f.resolvedAutomatically === 'post-deleted') counts.postDeleted += 1;
    else if (f.resolvedAutomatically === 'post-edited') counts.postEdited += 1;
    else if (f.resolvedAutomatically === 'rules-changed') counts.rulesChanged += 1;
  }
  return counts.postDeleted + counts.postEdited + counts.rulesChanged > 0 ? counts : undefined;
}

function severityRank(severity: Severity): number {
  return SEVERITIES_HIGH_FIRST.indexOf(severity);
}

function unapprovedAccountsOf(findings: readonly DigestFinding[], links: ItemLinks): UnapprovedAccount[] {
  const accounts = new Map<string, UnapprovedAccount>();
  for (const f of findings) {
    if (ruleLevel(f.rule) !== 'account') continue;
    const key = handleKey(f.platform, f.account);
    const seen = accounts.get(key);
    if (seen) {
      seen.findings += 1;
      if (f.detectedWeek > seen.lastDetectedWeek) seen.lastDetectedWeek = f.detectedWeek;
      if (f.detectedWeek < seen.firstDetectedWeek) {
        seen.firstDetectedWeek = f.detectedWeek;
        Object.assign(seen, dueOf(links, f.severity, f.detectedAt));
      }
      continue;
    }
    accounts.set(key, {
      platform: f.platform,
      account: f.account,
      evidence: f.evidence,
      reason: f.reason,
      remediation: f.remediation,
      ...(f.postUrl === undefined ? {} : { postUrl: f.postUrl }),
      firstDetectedWeek: f.detectedWeek,
      lastDetectedWeek: f.detectedWeek,
      findings: 1,
      ...dueOf(links, f.severity, f.detectedAt),
      ...reviewUrlOf(links, f),
    });
  }
  return [...accounts.values()].sort((a, b) => a.platform.localeCompare(b.platform) || a.account.localeCompare(b.account));
}

/** Elections whose pre-election period the week overlaps, or which start within the warning window after it. */
export function preElectionNotices(elections: readonly Election[], week: Pick<IsoWeek, 'monday' | 'sunday'>, timezone: string): PreElectionNotice[] {
  const notices: PreElectionNotice[] = [];
  for (const election of elections) {
    const period = describePreElectionPeriod(election, timezone);
    if (election.preElectionStart <= week.sunday && election.pollingDay >= week.monday) {
      notices.push({ election, period, status: 'in-period' });
    } else if (election.preElectionStart > week.sunday && election.preElectionStart <= addDays(week.sunday, PRE_ELECTION_WARNING_DAYS)) {
      const daysUntilStart = Math.round((Date.parse(election.preElectionStart) - Date.parse(week.sunday)) / 86_400_000);
      notices.push({ election, period, status: 'upcoming', daysUntilStart });
    }
  }
  return notices.sort((a, b) => a.election.preElectionStart.localeCompare(b.election.preElectionStart));
}

function instantOf(finding: StoredFinding): number {
  const posted = finding.postedAt === undefined ? Number.NaN : Date.parse(finding.postedAt);
  return Number.isNaN(posted) ? Date.parse(finding.detectedAt) : posted;
}

function byRuleThenDate(a: DigestFinding, b: DigestFinding): number {
  return instantOf(a) - instantOf(b) || a.id.localeCompare(b.id);
}

function bySeverityThenAge(a: DigestFinding, b: DigestFinding): number {
  return SEVERITIES_HIGH_FIRST.indexOf(a.severity) - SEVERITIES_HIGH_FIRST.indexOf(b.severity) || Date.parse(a.detectedAt) - Date.parse(b.detectedAt) || a.id.localeCompare(b.id);
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
