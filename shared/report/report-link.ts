import type { ReportLink } from '../digest/build-digest';
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
