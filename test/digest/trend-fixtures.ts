import type { StoredFinding } from '../../shared/domain/records';
import { addDays, parseIsoWeek } from '../../shared/domain/calendar';
import type { ReportLink } from '../../shared/digest/build-digest';
import { storedFinding, WEEK } from './digest-fixtures';

/** A finding detected on the Tuesday of an ISO week. */
function detectedIn(week: string, fields: Partial<StoredFinding> = {}): StoredFinding {
  const tuesday = addDays(parseIsoWeek(week).monday, 1);
  return storedFinding({ detectedWeek: week, detectedAt: `${tuesday}T11:00:00Z`, postedAt: `${tuesday}T10:15:00Z`, ...fields });
}

/**
 * A quarter of Harbourne's findings, across the turn of the year (2026 has a week 53): quiet weeks,
 * busy ones, dismissed and acknowledged findings (still counted in the week they were detected), and
 * findings just outside the 12 weeks that end with 2027-W05.
 */
export function quarterOfFindings(): { inRange: StoredFinding[]; outside: StoredFinding[] } {
  const inRange: StoredFinding[] = [
    detectedIn('2026-W47', { severity: 'low', rule: 'copyright-attribution', reason: 'a photo without credit' }),
    detectedIn('2026-W49', { severity: 'high', rule: 'personal-data' }),
    detectedIn('2026-W49', { severity: 'medium', rule: 'risky-link', reason: 'a shortened link', status: 'dismissed' }),
    detectedIn('2026-W51', { severity: 'high', rule: 'offensive-language', reason: 'a swear word in a reply' }),
    detectedIn('2026-W51', { severity: 'high', rule: 'personal-data', status: 'acknowledged' }),
    detectedIn('2026-W51', { severity: 'low', rule: 'copyright-attribution' }),
    detectedIn('2026-W53', { severity: 'medium', rule: 'hostile-engagement', reason: 'a dismissive reply to a resident' }),
    detectedIn('2027-W02', { severity: 'high', rule: 'confidential-information', reason: 'mentions an exempt agenda item' }),
    detectedIn('2027-W03', { severity: 'low', rule: 'risky-link' }),
    detectedIn('2027-W03', { severity: 'low', rule: 'risky-link' }),
    detectedIn(WEEK.id, { severity: 'high', rule: 'personal-data' }),
    detectedIn(WEEK.id, { severity: 'medium', rule: 'risky-link', reason: 'links to a URL shortener that hides where it leads' }),
    detectedIn(WEEK.id, { severity: 'low', rule: 'copyright-attribution', reason: 'a press photo used without credit' }),
  ];
  const outside: StoredFinding[] = [
    detectedIn('2026-W46', { severity: 'high', rule: 'personal-data', reason: 'a finding from before the 12 weeks', status: 'resolved' }),
    detectedIn('2027-W06', { severity: 'high', rule: 'personal-data', reason: 'a finding from the week after' }),
  ];
  return { inRange, outside };
}

/** The 12 weeks ending with 2027-W05, written out by hand. */
export const TREND_WEEK_IDS = [
  '2026-W47', '2026-W48', '2026-W49', '2026-W50', '2026-W51', '2026-W52',
  '2026-W53', '2027-W01', '2027-W02', '2027-W03', '2027-W04', '2027-W05',
];

/** A presigned link to January's Full Council report, valid for a week after the digest. */
export const REPORT_LINK: ReportLink = {
  month: '2027-01',
  url: 'https://reports.harbourne-tc.example/reports/2027-01/report.pdf?X-Amz-Expires=604800&X-Amz-Signature=abc123',
  expiresAt: '2027-02-15T07:00:00Z',
};
