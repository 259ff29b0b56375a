import type { ReportLink } from '../digest/build-digest';
import type { CouncilId } from '../domain/council';
import { webLink } from '../rendering/display';
import type { CouncilStore } from '../store/audit-store';
import type { ReportStorage } from './report-storage';

/**
 * How long the digest's link to the Full Council report works. A pre-signed link stops working when
 * the credentials that signed it expire, and a Lambda signs with its role's session: a longer promise
 * than this would be broken. The digest says when it expires.
 */
export const REPORT_LINK_SECONDS = 12 * 60 * 60;

/** A link to the newest stored Full Council report, if there is one. */
export async function latestReportLink(store: Pick<CouncilStore, 'latestReport'>, storage: ReportStorage, now: Date): Promise<ReportLink | undefined> {
  const report = await store.latestReport();
  if (!report) return undefined;
  return {
    month: report.month,
    url: await storage.linkTo(report.key, REPORT_LINK_SECONDS),
    expiresAt: new Date(now.getTime() + REPORT_LINK_SECONDS * 1000).toISOString(),
  };
}

/**
 * The console's page of a council's reports, `<console>/councils/<id>/reports`: every month's report,
 * behind the console's sign-in, so the link never expires. Undefined when the console's address is not
 * an http(s) address.
 */
export function consoleReportsUrl(consoleUrl: string, councilId: CouncilId): string | undefined {
  const base = webLink(consoleUrl);
  return base === undefined ? undefined : `${base.replace(/\/+$/, '')}/councils/${encodeURIComponent(councilId)}/reports`;
}

/**
 * A link to the newest stored report through the console's reports page (which does not expire), if
 * there is a report and the console's address is a web address.
 */
export async function consoleReportLink(store: Pick<CouncilStore, 'latestReport' | 'councilId'>, consoleUrl: string): Promise<ReportLink | undefined> {
  const url = consoleReportsUrl(consoleUrl, store.councilId);
  if (url === undefined) return undefined;
  const report = await store.latestReport();
  return report ? { month: report.month, url } : undefined;
}
