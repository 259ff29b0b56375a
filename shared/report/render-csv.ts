import { maskEmail, maskKeeping } from '../detectors/text/mask';
import type { ReportFacts, ReportFinding } from './build-report';

/*
 * The findings of a report as a file the council can release in answer to a Freedom of Information
 * request. Evidence is stored masked; as a second line of defence against a recogniser that let
 * something through, digit runs long enough to be a phone or account number and plain email
 * addresses left in the free-text columns are masked again here. No location offsets, post text or
 * audit-trail names are exported.
 */

/** The columns of the export, in order; the JSON export uses the same fields. */
export const FOI_FIELDS = [
  'id',
  'rule',
  'severity',
  'status',
  'account',
  'platform',
  'postId',
  'postUrl',
  'postedAt',
  'detectedAt',
  'evidence',
  'reason',
  'clause',
] as const;

export type FoiField = (typeof FOI_FIELDS)[number];
export type FoiRecord = Record<FoiField, string>;

/** The fields of a finding that may be released, with personal data masked. */
export function foiRecord(finding: ReportFinding): FoiRecord {
  return {
    id: finding.id,
    rule: finding.rule,
    severity: finding.severity,
    status: finding.status,
    account: finding.account,
    platform: finding.platform,
    postId: finding.postId ?? '',
    postUrl: finding.postUrl ?? '',
    postedAt: finding.postedAt ?? '',
    detectedAt: finding.detectedAt,
    evidence: maskStray(finding.evidence),
    reason: maskStray(finding.reason),
    clause: finding.clause,
  };
}

/** Nine or more digits, possibly grouped by spaces, dots or hyphens: a phone, bank or identity number. */
const LONG_NUMBER = /\+?\d(?:[ .-]?\d){8,}/g;
/** An email address not preceded by `@` (a fediverse handle `@name@instance` is not an email). */
const EMAIL = /(?<![@\w.+-])[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;

/** Masks any long number or email address a detector left unmasked; masked evidence passes unchanged. */
export function maskStray(value: string): string {
  return value.replace(LONG_NUMBER, (n) => maskKeeping(n, 6)).replace(EMAIL, (e) => maskEmail(e));
}

/**
 * RFC 4180: CRLF line ends, a header row, fields quoted when they hold a comma, quote or line break,
 * quotes doubled. A UTF-8 byte order mark comes first so that spreadsheet programs read the masking
 * dots and accented names as UTF-8.
 */
export function renderReportCsv(facts: ReportFacts): string {
  const lines = [FOI_FIELDS.map(csvCell).join(',')];
  for (const finding of facts.findings) {
    const record = foiRecord(finding);
    lines.push(FOI_FIELDS.map((field) => csvCell(record[field])).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * One field. A value a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, or a tab or carriage
 * return first) gets a leading apostrophe, so a hostile post cannot run a formula on the clerk's machine.
 */
export function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
