import { handleKey, isApproved, normaliseHandle, type Account } from '../domain/account';
import type { CouncilConfig, Election, Severity } from '../domain/config';
import { ValidationError, type ValidationIssue } from '../domain/errors';
import { FINDING_STATUSES, RULE_IDS, type RuleId } from '../domain/finding';
import { isPostFinding, ruleTitle } from '../detectors/catalogue';
import { addDays, daysBetween, describePreElectionPeriod, formatLocal, isCalendarDate, isoWeekOf, localDate, monthLabel, nextMonth, periodLabel, shortDate, type DatePeriod, type IsoWeek } from '../domain/calendar';
import type { Platform } from '../domain/post';
import type { FindingEvent, ScanRun, StoredFinding } from '../domain/records';
import { SEVERITIES_HIGH_FIRST } from '../rendering/display';
import type { CouncilStore, FindingStatus } from '../store/audit-store';

/** What the Full Council report reads from the store. */
export type ReportSource = Pick<
  CouncilStore,
  'listFindingsDetectedIn' | 'listOpenFindings' | 'listFindingEvents' | 'listScanRuns' | 'listAccounts'
> &
  Partial<Pick<CouncilStore, 'getChainHead'>>;

/** An account's hash-chain head when the report was made: minuted, it fixes the record in time. */
export interface ChainHeadRow {
  platform: string;
  handle: string;
  /** How many versions the chain holds (the head's number). */
  seq: number;
  chainHash: string;
}

/** Calendar dates (YYYY-MM-DD), both inclusive, in the council's time zone. */
export type ReportPeriod = DatePeriod;

/** Longest period one report covers: each ISO week in it costs two store queries. */
export const MAX_REPORT_DAYS = 5 * 366;

/** Periods up to this many days are charted per ISO week, longer ones per calendar month. */
export const WEEKLY_CHART_MAX_DAYS = 92;

/** A report period that is not two dates in order: names the field, the value and what was expected. */
export class ReportPeriodError extends ValidationError {}

/** A finding as the report shows it: the stored finding with its dates in the council's time zone. */
export interface ReportFinding extends StoredFinding {
  /** Calendar date of `detectedAt` in the council's time zone. */
  detectedOn: string;
  detectedLocal: string;
  postedLocal?: string;
}

export interface OpenItem extends ReportFinding {
  /** Whole days from detection to the report's generation. */
  ageDays: number;
}

export type SeverityCounts = Record<Severity, number>;

export interface RuleSeverityRow extends SeverityCounts {
  rule: RuleId;
  title: string;
  total: number;
}

export interface AccountSummary {
  platform: Platform;
  /** As registered, else as first seen in a scan run or a finding. */
  handle: string;
  displayName?: string;
  /** In the account registry; false for an account only seen in findings (an impostor, say). */
  registered: boolean;
  approved: boolean;
  scanRuns: number;
  failedRuns: number;
  /** Posts newly captured (new or edited) and run through every rule: Σ postsNew of the period's runs. */
  postsChecked: number;
  /** Distinct posts with at least one post-level finding (every rule but unapproved-account). */
  postsWithFindings: number;
  /** (postsChecked − postsWithFindings) / postsChecked; null when no post was checked. */
  shareWithoutFindings: number | null;
  findings: number;
  bySeverity: SeverityCounts;
  /** Rules in the rulebook's order; only rules with findings. */
  byRule: RuleSeverityRow[];
}

export interface TimeBucket {
  /** `2027-W05` or `2027-02`. */
  id: string;
  label: string;
  /** The bucket's dates, clipped to the report period. */
  from: string;
  to: string;
  total: number;
  bySeverity: SeverityCounts;
}

export interface DurationStats {
  count: number;
  /** Days (fractional) from detection to the first resolved/dismissed event; null when count is 0. */
  medianDays: number | null;
  meanDays: number | null;
}

export interface TimeToResolve {
  /** Findings of the period with a resolved or dismissed event in their audit trail (the first one counts). */
  closed: DurationStats;
  resolved: DurationStats;
  dismissed: DurationStats;
  /** Findings of the period still open or acknowledged. */
  stillOpen: number;
  /** Closed findings whose audit trail records no closing event, so no duration can be given. */
  closedWithoutTrail: number;
}

export interface DismissedRow {
  rule: RuleId;
  title: string;
  findings: number;
  dismissed: number;
  /** dismissed / findings: the false-positive signal for the rule. */
  share: number;
}

export interface PreElectionSummary {
  election: Election;
  /** `29 March – 6 May 2027 (Europe/London)` */
  description: string;
  /** The part of the pre-election period inside the report period. */
  overlap: ReportPeriod;
  /** Posts checked by scans that started in the overlap. */
  postsChecked: number;
  findings: number;
  bySeverity: SeverityCounts;
  byRule: RuleSeverityRow[];
  /** Ids of the findings, judged by the post's date (the detection date when the platform gave none). */
  findingIds: string[];
}

export interface ReportSummary {
  findings: number;
  bySeverity: SeverityCounts;
  /** Current status of the period's findings. */
  byStatus: Record<FindingStatus, number>;
  byRule: RuleSeverityRow[];
  accountsScanned: number;
  scanRuns: number;
  failedRuns: number;
  postsChecked: number;
  postsWithFindings: number;
  shareWithoutFindings: number | null;
  /** Open or acknowledged findings detected up to the period's end (any earlier period included). */
  stillOpen: number;
}

/** The counts a period is compared on. */
export interface PeriodCounts {
  period: ReportPeriod & { label: string };
  findings: number;
  bySeverity: SeverityCounts;
  checks: number;
  postsChecked: number;
}

export interface ReportComparison {
  /** The period before, as long as this one (for a month, the same days of the month before). */
  previous: PeriodCounts;
  /** The same dates a year before, when anything was recorded then. */
  yearBefore?: PeriodCounts;
}

/** Everything the Full Council report says, computed once; the renderers only lay it out. */
export interface ReportFacts {
  council: string;
  timezone: string;
  /**
   * `to` is the last day reported on: the period's last day, or the day the report was made when that
   * is earlier (`toDate`: `1–6 December 2026 (to date)`). `requestedTo` is the last day asked for.
   */
  period: ReportPeriod & { label: string; days: number; toDate: boolean; requestedTo: string };
  comparison: ReportComparison;
  generatedAt: string;
  generatedLocal: string;
  summary: ReportSummary;
  accounts: AccountSummary[];
  overTime: { granularity: 'week' | 'month'; buckets: TimeBucket[] };
  timeToResolve: TimeToResolve;
  dismissedByRule: DismissedRow[];
  preElection: PreElectionSummary[];
  /** Open or acknowledged findings detected up to the period's end, most serious and oldest first. */
  openItems: OpenItem[];
  /** The period's findings: open and acknowledged first (most serious, then oldest), then resolved, then dismissed. */
  findings: ReportFinding[];
  /** Each registered account's hash-chain head (when the store keeps chains), by platform and handle. */
  chainHeads?: ChainHeadRow[];
}

const DAY_MS = 86_400_000;
const EVENT_READS_AT_ONCE = 8;

/**
 * The Full Council report, primary course:
 * 1. check the period (two dates in order, not longer than MAX_REPORT_DAYS);
 * 2. read the findings and scan runs of every ISO week the period overlaps and keep those whose
 *    local date (council time zone) falls inside it;
 * 3. read each finding's audit trail for the time to resolve;
 * 4. count per account, per rule, per week or month, per pre-election period; list what is still open.
 */
export async function buildReportFacts(store: ReportSource, config: CouncilConfig, requested: ReportPeriod, now: Date): Promise<ReportFacts> {
  checkReportPeriod(requested);
  const timezone = config.timezone;
  // A period that has not ended is reported to date: no future days, no empty future weeks.
  const today = localDate(now, timezone);
  const toDate = requested.to > today && requested.from <= today;
  const period: ReportPeriod = { from: requested.from, to: toDate ? today : requested.to };
  const inPeriod = (date: string) => date >= period.from && date <= period.to;
  const weeks = weeksOverlapping(period).map((w) => w.id);

  const [weeklyFindings, weeklyRuns, open, registry] = await Promise.all([
    Promise.all(weeks.map((w) => store.listFindingsDetectedIn(w))),
    Promise.all(weeks.map((w) => store.listScanRuns(w))),
    store.listOpenFindings(),
    store.listAccounts(),
  ]);

  const findings = uniqueById(weeklyFindings.flat())
    .map((f) => forReport(f, timezone))
    .filter((f) => inPeriod(f.detectedOn))
    .sort(byStatusThenSeverity);
  const runs = weeklyRuns.flat().filter((r) => inPeriod(localDate(new Date(r.startedAt), timezone)));
  const events = await eventsOf(store, findings);

  const openItems = uniqueById(open)
    .map((f) => forReport(f, timezone))
    .filter((f) => f.detectedOn <= period.to)
    .map((f) => ({ ...f, ageDays: Math.max(0, Math.floor((now.getTime() - Date.parse(f.detectedAt)) / DAY_MS)) }))
    .sort(bySeverityThenAge);

  const accounts = accountSummaries(registry, runs, findings);
  const chainHeads = store.getChainHead ? await chainHeadsOf(store.getChainHead.bind(store), registry) : undefined;
  const postsChecked = sum(accounts.map((a) => a.postsChecked));
  const postsWithFindings = sum(accounts.map((a) => a.postsWithFindings));
  const days = daysBetween(period.from, period.to) + 1;
  const [previous, yearBefore] = await Promise.all([countsOf(store, previousPeriod(period), timezone), countsOf(store, yearBeforePeriod(period), timezone)]);

  return {
    council: config.council.name,
    timezone,
    period: { from: period.from, to: period.to, label: `${compactPeriodLabel(period)}${toDate ? ' (to date)' : ''}`, days, toDate, requestedTo: requested.to },
    comparison: { previous, ...(yearBefore.findings + yearBefore.checks > 0 ? { yearBefore } : {}) },
    generatedAt: now.toISOString(),
    generatedLocal: formatLocal(now.toISOString(), timezone),
    summary: {
      findings: findings.length,
      bySeverity: severityCounts(findings),
      byStatus: Object.fromEntries(FINDING_STATUSES.map((s) => [s, findings.filter((f) => f.status === s).length])) as Record<FindingStatus, number>,
      byRule: ruleRows(findings),
      accountsScanned: new Set(runs.map((r) => handleKey(r.platform, r.handle))).size,
      scanRuns: runs.length,
      failedRuns: runs.filter((r) => r.outcome === 'failed').length,
      postsChecked,
      postsWithFindings,
      shareWithoutFindings: shareWithout(postsChecked, postsWithFindings),
      stillOpen: openItems.length,
    },
    accounts,
    overTime: findingsOverTime(findings, period, days),
    timeToResolve: timeToResolve(findings, events),
    dismissedByRule: dismissedByRule(findings),
    preElection: preElectionSummaries(config.elections, period, findings, runs, timezone),
    openItems,
    findings,
    ...(chainHeads ? { chainHeads } : {}),
  };
}

async function chainHeadsOf(getChainHead: NonNullable<ReportSource['getChainHead']>, registry: readonly { platform: Platform; handle: string }[]): Promise<ChainHeadRow[]> {
  const rows: ChainHeadRow[] = [];
  for (const account of registry) {
    const head = await getChainHead(account.platform, account.handle);
    if (head) rows.push({ platform: account.platform, handle: account.handle, seq: head.seq, chainHash: head.chainHash });
  }
  return rows.sort((a, b) => `${a.platform} ${a.handle}`.localeCompare(`${b.platform} ${b.handle}`));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `1–6 December 2026`, `1 December 2026`, `28 November – 6 December 2026`, `1 December 2026 – 6 January 2027`. */
export function compactPeriodLabel(period: ReportPeriod): string {
  const [fy, fm, fd] = period.from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = period.to.split('-').map(Number) as [number, number, number];
  if (period.from === period.to) return `${fd} ${MONTHS[fm - 1]} ${fy}`;
  if (fy === ty && fm === tm) return `${fd}–${td} ${MONTHS[tm - 1]} ${ty}`;
  return periodLabel(period);
}

/**
 * The period to compare with: for a period starting on the 1st (a month, or a month to date), the same
 * days of the month before (clipped to its end); otherwise the as many days just before.
 */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  if (period.from.endsWith('-01') && period.from.slice(0, 7) === period.to.slice(0, 7)) {
    const [year, month] = period.from.split('-').map(Number) as [number, number];
    const before = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
    const lastDay = addDays(`${period.from.slice(0, 7)}-01`, -1);
    const to = `${before}-${period.to.slice(8)}`;
    return { from: `${before}-01`, to: isCalendarDate(to) && to <= lastDay ? to : lastDay };
  }
  const days = daysBetween(period.from, period.to) + 1;
  return { from: addDays(period.from, -days), to: addDays(period.from, -1) };
}

/** The same dates a year before (29 February becomes 28 February). */
export function yearBeforePeriod(period: ReportPeriod): ReportPeriod {
  const back = (date: string) => {
    const candidate = `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;
    return isCalendarDate(candidate) ? candidate : addDays(`${candidate.slice(0, 8)}01`, 27);
  };
  return { from: back(period.from), to: back(period.to) };
}

async function countsOf(store: ReportSource, period: ReportPeriod, timezone: string): Promise<PeriodCounts> {
  const weeks = weeksOverlapping(period).map((w) => w.id);
  const [weeklyFindings, weeklyRuns] = await Promise.all([
    Promise.all(weeks.map((w) => store.listFindingsDetectedIn(w))),
    Promise.all(weeks.map((w) => store.listScanRuns(w))),
  ]);
  const inPeriod = (date: string) => date >= period.from && date <= period.to;
  const findings = uniqueById(weeklyFindings.flat()).filter((f) => inPeriod(localDate(new Date(f.detectedAt), timezone)));
  const runs = weeklyRuns.flat().filter((r) => inPeriod(localDate(new Date(r.startedAt), timezone)));
  return {
    period: { ...period, label: compactPeriodLabel(period) },
    findings: findings.length,
    bySeverity: severityCounts(findings),
    checks: runs.length,
    postsChecked: sum(runs.map((r) => r.postsNew)),
  };
}

/** Throws a ReportPeriodError naming `from` / `to` and the value when the period is not usable. */
export function checkReportPeriod(period: ReportPeriod): void {
  const issues: ValidationIssue[] = [];
  for (const [field, value] of [['from', period.from], ['to', period.to]] as const) {
    if (!isCalendarDate(value)) issues.push({ field, value: JSON.stringify(value), message: 'expected a date as YYYY-MM-DD' });
  }
  if (issues.length === 0 && period.from > period.to) {
    issues.push({ field: 'from', value: JSON.stringify(period.from), message: `is after the period's last day ${JSON.stringify(period.to)}` });
  }
  if (issues.length === 0 && daysBetween(period.from, period.to) + 1 > MAX_REPORT_DAYS) {
    issues.push({ field: 'to', value: JSON.stringify(period.to), message: `the period is longer than ${MAX_REPORT_DAYS} days: make one report per year` });
  }
  if (issues.length > 0) throw new ReportPeriodError('invalid report period', issues);
}

/** The ISO weeks containing any date of the period (the dates are already local, so judged in UTC). */
function weeksOverlapping(period: ReportPeriod): IsoWeek[] {
  const weeks: IsoWeek[] = [];
  for (let week = isoWeekOf(`${period.from}T12:00:00Z`, 'UTC'); week.monday <= period.to; week = isoWeekOf(`${addDays(week.monday, 7)}T12:00:00Z`, 'UTC')) {
    weeks.push(week);
  }
  return weeks;
}

function forReport(finding: StoredFinding, timezone: string): ReportFinding {
  const posted = finding.postedAt !== undefined && !Number.isNaN(Date.parse(finding.postedAt)) ? formatLocal(finding.postedAt, timezone) : undefined;
  return {
    ...finding,
    detectedOn: localDate(new Date(finding.detectedAt), timezone),
    detectedLocal: formatLocal(finding.detectedAt, timezone),
    ...(posted === undefined ? {} : { postedLocal: posted }),
  };
}

async function eventsOf(store: ReportSource, findings: readonly ReportFinding[]): Promise<Map<string, FindingEvent[]>> {
  const events = new Map<string, FindingEvent[]>();
  // A few at a time: a year's report must not fire hundreds of queries at once at the table.
  for (let i = 0; i < findings.length; i += EVENT_READS_AT_ONCE) {
    const batch = findings.slice(i, i + EVENT_READS_AT_ONCE);
    const trails = await Promise.all(batch.map((f) => store.listFindingEvents(f.id)));
    batch.forEach((f, j) => events.set(f.id, trails[j]!));
  }
  return events;
}

function accountSummaries(registry: readonly Account[], runs: readonly ScanRun[], findings: readonly ReportFinding[]): AccountSummary[] {
  const rows = new Map<string, AccountSummary & { posts: Set<string> }>();
  const row = (platform: Platform, handle: string) => {
    const key = handleKey(platform, handle);
    let existing = rows.get(key);
    if (!existing) {
      existing = {
        platform,
        handle,
        registered: false,
        approved: false,
        scanRuns: 0,
        failedRuns: 0,
        postsChecked: 0,
        postsWithFindings: 0,
        shareWithoutFindings: null,
        findings: 0,
        bySeverity: zeroSeverities(),
        byRule: [],
        posts: new Set(),
      };
      rows.set(key, existing);
    }
    return existing;
  };
  for (const account of registry) {
    const r = row(account.platform, account.handle);
    r.registered = true;
    r.approved = isApproved(account);
    if (account.displayName !== undefined) r.displayName = account.displayName;
  }
  for (const run of runs) {
    const r = row(run.platform, run.handle);
    r.scanRuns += 1;
    if (run.outcome === 'failed') r.failedRuns += 1;
    r.postsChecked += run.postsNew;
  }
  const findingsByAccount = new Map<string, ReportFinding[]>();
  for (const finding of findings) {
    const r = row(finding.platform, finding.account);
    r.findings += 1;
    r.bySeverity[finding.severity] += 1;
    if (isPostLevel(finding)) r.posts.add(finding.postId!);
    const key = handleKey(finding.platform, finding.account);
    findingsByAccount.set(key, [...(findingsByAccount.get(key) ?? []), finding]);
  }
  return [...rows.entries()]
    .map(([key, { posts, ...r }]) => {
      const postsWithFindings = posts.size;
      return { ...r, postsWithFindings, shareWithoutFindings: shareWithout(r.postsChecked, postsWithFindings), byRule: ruleRows(findingsByAccount.get(key) ?? []) };
    })
    .sort((a, b) => Number(b.registered) - Number(a.registered) || a.platform.localeCompare(b.platform) || normaliseHandle(a.handle).localeCompare(normaliseHandle(b.handle)));
}

/** A finding about a post's content; an account-level rule's findings are about an account. */
function isPostLevel(finding: StoredFinding): boolean {
  return isPostFinding(finding);
}

function shareWithout(postsChecked: number, postsWithFindings: number): number | null {
  if (postsChecked === 0) return null;
  // A post checked before the period can have a finding detected in it (a late edit): never below 0.
  return Math.max(0, postsChecked - postsWithFindings) / postsChecked;
}

function findingsOverTime(findings: readonly ReportFinding[], period: ReportPeriod, days: number): ReportFacts['overTime'] {
  const granularity = days <= WEEKLY_CHART_MAX_DAYS ? 'week' : 'month';
  const buckets: TimeBucket[] = [];
  if (granularity === 'week') {
    for (const week of weeksOverlapping(period)) {
      const from = maxDate(week.monday, period.from);
      const to = minDate(week.sunday, period.to);
      buckets.push(bucket(week.id, `Week from ${shortDate(from)}`, from, to, findings));
    }
  } else {
    for (let month = period.from.slice(0, 7); month <= period.to.slice(0, 7); month = nextMonth(month)) {
      const from = maxDate(`${month}-01`, period.from);
      const to = minDate(addDays(`${nextMonth(month)}-01`, -1), period.to);
      buckets.push(bucket(month, monthLabel(month), from, to, findings));
    }
  }
  return { granularity, buckets };
}

function bucket(id: string, label: string, from: string, to: string, findings: readonly ReportFinding[]): TimeBucket {
  const inside = findings.filter((f) => f.detectedOn >= from && f.detectedOn <= to);
  return { id, label, from, to, total: inside.length, bySeverity: severityCounts(inside) };
}

function timeToResolve(findings: readonly ReportFinding[], events: Map<string, FindingEvent[]>): TimeToResolve {
  const resolved: number[] = [];
  const dismissed: number[] = [];
  let closedWithoutTrail = 0;
  for (const finding of findings) {
    // Like the statuses, the trail is read as it stands when the report is made.
    const closing = (events.get(finding.id) ?? []).find((e) => e.status === 'resolved' || e.status === 'dismissed');
    if (closing) {
      const daysTaken = Math.max(0, Date.parse(closing.at) - Date.parse(finding.detectedAt)) / DAY_MS;
      (closing.status === 'resolved' ? resolved : dismissed).push(daysTaken);
    } else if (finding.status === 'resolved' || finding.status === 'dismissed') {
      closedWithoutTrail += 1;
    }
  }
  return {
    closed: stats([...resolved, ...dismissed]),
    resolved: stats(resolved),
    dismissed: stats(dismissed),
    stillOpen: findings.filter((f) => f.status === 'open' || f.status === 'acknowledged').length,
    closedWithoutTrail,
  };
}

function stats(values: readonly number[]): DurationStats {
  if (values.length === 0) return { count: 0, medianDays: null, meanDays: null };
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { count: values.length, medianDays: median, meanDays: sum(values) / values.length };
}

function dismissedByRule(findings: readonly ReportFinding[]): DismissedRow[] {
  return RULE_IDS.map((rule) => {
    const ofRule = findings.filter((f) => f.rule === rule);
    const dismissed = ofRule.filter((f) => f.status === 'dismissed').length;
    return { rule, title: ruleTitle(rule), findings: ofRule.length, dismissed, share: ofRule.length === 0 ? 0 : dismissed / ofRule.length };
  }).filter((r) => r.findings > 0);
}

function preElectionSummaries(elections: readonly Election[], period: ReportPeriod, findings: readonly ReportFinding[], runs: readonly ScanRun[], timezone: string): PreElectionSummary[] {
  return elections
    .filter((e) => e.preElectionStart <= period.to && e.pollingDay >= period.from)
    .sort((a, b) => a.preElectionStart.localeCompare(b.preElectionStart))
    .map((election) => {
      const within = (date: string) => date >= election.preElectionStart && date <= election.pollingDay;
      const overlap = { from: maxDate(election.preElectionStart, period.from), to: minDate(election.pollingDay, period.to) };
      // What matters in a pre-election period is what the council published then: the post's date.
      const inElection = findings.filter((f) => within(f.postedAt !== undefined && !Number.isNaN(Date.parse(f.postedAt)) ? localDate(new Date(f.postedAt), timezone) : f.detectedOn));
      const runsInOverlap = runs.filter((r) => {
        const date = localDate(new Date(r.startedAt), timezone);
        return date >= overlap.from && date <= overlap.to;
      });
      return {
        election,
        description: describePreElectionPeriod(election, timezone),
        overlap,
        postsChecked: sum(runsInOverlap.map((r) => r.postsNew)),
        findings: inElection.length,
        bySeverity: severityCounts(inElection),
        byRule: ruleRows(inElection),
        findingIds: inElection.map((f) => f.id),
      };
    });
}

function ruleRows(findings: readonly StoredFinding[]): RuleSeverityRow[] {
  return RULE_IDS.map((rule) => {
    const ofRule = findings.filter((f) => f.rule === rule);
    return { rule, title: ruleTitle(rule), ...severityCounts(ofRule), total: ofRule.length };
  }).filter((r) => r.total > 0);
}

function severityCounts(findings: readonly StoredFinding[]): SeverityCounts {
  const counts = zeroSeverities();
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

function zeroSeverities(): SeverityCounts {
  return { low: 0, medium: 0, high: 0 };
}

function uniqueById(findings: readonly StoredFinding[]): StoredFinding[] {
  return [...new Map(findings.map((f) => [f.id, f])).values()];
}

function byDetection(a: ReportFinding, b: ReportFinding): number {
  return Date.parse(a.detectedAt) - Date.parse(b.detectedAt) || a.id.localeCompare(b.id);
}

const STATUS_ORDER: readonly FindingStatus[] = ['open', 'acknowledged', 'resolved', 'dismissed'];

/** Still open (open, acknowledged) first, then resolved, then dismissed; within each, most serious and oldest first. */
function byStatusThenSeverity(a: ReportFinding, b: ReportFinding): number {
  const rank = (f: ReportFinding) => (f.status === 'open' || f.status === 'acknowledged' ? 0 : STATUS_ORDER.indexOf(f.status));
  return rank(a) - rank(b) || bySeverityThenAge(a, b);
}

function bySeverityThenAge(a: ReportFinding, b: ReportFinding): number {
  return SEVERITIES_HIGH_FIRST.indexOf(a.severity) - SEVERITIES_HIGH_FIRST.indexOf(b.severity) || byDetection(a, b);
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
