import type { Severity } from '../../domain/config';
import type { Finding, RuleId } from '../../domain/finding';
import type { Post } from '../../domain/post';

export const FORMATS = ['table', 'jsonl', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** What `council-audit report` writes: html or pdf for Full Council, csv or json for a Freedom of Information answer. */
export const REPORT_FORMATS = ['html', 'pdf', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface CheckSummary {
  councilName: string;
  timezone: string;
  postsChecked: number;
  postsWithFindings: number;
  malformedLines: number;
  bySeverity: Record<Severity, number>;
  byRule: Partial<Record<RuleId, number>>;
  failOn: Severity;
  /** True when something at or above `failOn` was found. */
  failed: boolean;
}

/**
 * Turns findings into text as they are found: a chunk per post, so output streams with the input.
 * Writers are pure: the command does the writing.
 */
export interface FindingFormatter {
  start(): string;
  /** Account-level findings for registered accounts, before any post. */
  registeredAccounts(findings: readonly Finding[]): string;
  post(post: Post, findings: readonly Finding[]): string;
  end(summary: CheckSummary): string;
}
