import type { AccountSummary, ReportFacts } from './build-report';
import { foiRecord, type FoiRecord } from './render-csv';

/**
 * The report as JSON for a Freedom of Information answer: the counts, and the findings with the same
 * masked fields as the CSV export. Account display names, audit-trail names and notes, location
 * offsets and remediation text are left out; open items and pre-election findings are given by id.
 */
export interface ReportJson {
  council: string;
  timezone: string;
  period: ReportFacts['period'];
  generatedAt: string;
  summary: ReportFacts['summary'];
  /** Accounts as in the report, without display names (personal accounts may carry a person's name). */
  accounts: Omit<AccountSummary, 'displayName'>[];
  overTime: ReportFacts['overTime'];
  timeToResolve: ReportFacts['timeToResolve'];
  dismissedByRule: ReportFacts['dismissedByRule'];
  preElection: {
    pollingDay: string;
    preElectionStart: string;
    overlap: ReportFacts['preElection'][number]['overlap'];
    postsChecked: number;
    findings: number;
    bySeverity: ReportFacts['summary']['bySeverity'];
    byRule: ReportFacts['summary']['byRule'];
    findingIds: string[];
  }[];
  openItems: { id: string; rule: string; severity: string; status: string; detectedAt: string; ageDays: number }[];
  findings: FoiRecord[];
}

export function reportJson(facts: ReportFacts): ReportJson {
  return {
    council: facts.council,
    timezone: facts.timezone,
    period: facts.period,
    generatedAt: facts.generatedAt,
    summary: facts.summary,
    accounts: facts.accounts.map((a) => ({
      platform: a.platform,
      handle: a.handle,
      registered: a.registered,
      approved: a.approved,
      scanRuns: a.scanRuns,
      failedRuns: a.failedRuns,
      postsChecked: a.postsChecked,
      postsWithFindings: a.postsWithFindings,
      shareWithoutFindings: a.shareWithoutFindings,
      findings: a.findings,
      bySeverity: a.bySeverity,
      byRule: a.byRule,
    })),
    overTime: facts.overTime,
    timeToResolve: facts.timeToResolve,
    dismissedByRule: facts.dismissedByRule,
    preElection: facts.preElection.map((p) => ({
      pollingDay: p.election.pollingDay,
      preElectionStart: p.election.preElectionStart,
      overlap: p.overlap,
      postsChecked: p.postsChecked,
      findings: p.findings,
      bySeverity: p.bySeverity,
      byRule: p.byRule,
      findingIds: p.findingIds,
    })),
    openItems: facts.openItems.map((f) => ({ id: f.id, rule: f.rule, severity: f.severity, status: f.status, detectedAt: f.detectedAt, ageDays: f.ageDays })),
    findings: facts.findings.map(foiRecord),
  };
}

export function renderReportJson(facts: ReportFacts): string {
  return `${JSON.stringify(reportJson(facts), null, 2)}\n`;
}
