import { maskEmail, maskKeeping } from '../detectors/text/mask';
import { RULE_SENSITIVITY, type Sensitivity } from '../domain/finding';
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

/** What stands in a released record for evidence and reasons that are withheld, by why. */
export const WITHHELD: Record<Sensitivity, string> = {
  'special-category': '[withheld: special category personal data (UK GDPR article 9)]',
  'criminal-offence': '[withheld: criminal offence data (UK GDPR article 10)]',
  child: '[withheld: personal data of a child]',
  confidential: '[withheld: information the council had not made public]',
};

/**
 * The fields of a finding that may be released: personal data masked, the evidence and reason of a
 * sensitive finding withheld (its rule, severity and dates still count), no control or bidirectional
 * characters (which could disguise a value in a spreadsheet), and a post link only when it is a web
 * address (never `javascript:` or `data:`).
 */
export function foiRecord(finding: ReportFinding): FoiRecord {
  const sensitivity = finding.sensitivity ?? RULE_SENSITIVITY[finding.rule];
  const withheld = sensitivity ? WITHHELD[sensitivity] : undefined;
  return {
    id: plain(finding.id),
    rule: finding.rule,
    severity: finding.severity,
    status: finding.status,
    account: plain(finding.account),
    platform: finding.platform,
    postId: plain(finding.postId ?? ''),
    postUrl: webAddress(finding.postUrl),
    postedAt: plain(finding.postedAt ?? ''),
    detectedAt: finding.detectedAt,
    evidence: withheld ?? plain(maskStray(finding.evidence)),
    reason: withheld ?? plain(maskStray(finding.reason)),
    clause: finding.clause,
  };
}

/** Control characters (C0 but tab and line breaks, DEL, C1) and bidirectional controls. */
// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function plain(value: string): string {
  return value.replace(HIDDEN, '');
}

function webAddress(url: string | undefined): string {
  if (url === undefined) return '';
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? plain(parsed.href) : '';
  } catch {
    return '';
  }
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
