import type { Council } from '../domain/council';
import { isStaleDigestClaim, type DigestRecord } from '../domain/records';
import type { DigestRequest, JobQueue, ReportRequest } from '../queue/council-jobs';
import type { AuditStore } from '../store/audit-store';
import { mapConcurrently } from '../tenancy/each-council';
import { digestWeekDue, reportMonthDue } from './due-work';

export interface QueueDueWorkDeps {
  store: Pick<AuditStore, 'listCouncils' | 'forCouncil'>;
  digests: JobQueue<DigestRequest>;
  reports: JobQueue<ReportRequest>;
  now: Date;
  /** How many councils' records are read at once (two small reads each, at most). */
  concurrency?: number;
}

/**
 * What council-jobs logs, as an error, for each digest found stuck `sending` past its lease. The
 * stack's metric filter counts the line (StaleDigestClaims) and alarms: a sender died mid-send, and
 * someone should check the week went out once.
 */
export const STALE_DIGEST_MESSAGE = 'weekly digest stuck in sending past its lease';

export interface DueWork {
  councils: number;
  digests: DigestRequest[];
  reports: ReportRequest[];
  /** Digests left `sending` past their lease (their sender died): queued again, and to be alarmed on. */
  staleDigests: Array<{ council: string; record: DigestRecord }>;
}

/**
 * The hourly tick, primary course:
 * 1. list the registered councils;
 * 2. for each, the digest week and the report month due now by its own schedule (due-work.ts);
 * 3. read only those: a digest is still due unless it is recorded as sending or sent (a failed one is
 *    due again, and so is one left sending past its lease, which is also reported as stale), a report
 *    unless that month's or a later one is stored;
 * 4. queue one message per council and kind, so each council's work runs, and fails, on its own.
 *
 * Queuing the same work twice is harmless: the digest is claimed once, and the report consumer skips
 * a month already stored.
 */
export async function queueDueWork(deps: QueueDueWorkDeps): Promise<DueWork> {
  const { store, now } = deps;
  const councils = await store.listCouncils();
  const due = await mapConcurrently(councils, deps.concurrency ?? 16, async (council: Council) => {
    const view = store.forCouncil(council.id);
    const week = digestWeekDue(council, now);
    const month = reportMonthDue(council, now);
    const [digest, latest] = await Promise.all([week ? view.getDigest(week) : undefined, month ? view.latestReport() : undefined]);
    const stale = digest !== undefined && isStaleDigestClaim(digest, now);
    return {
      digest: week && (digest === undefined || digest.status === 'failed' || stale) ? { council: council.id, week } : undefined,
      report: month && !(latest && latest.month >= month) ? { council: council.id, month } : undefined,
      stale: stale ? { council: council.id, record: digest } : undefined,
    };
  });
  const digests = due.flatMap((d) => (d.digest ? [d.digest] : []));
  const staleDigests = due.flatMap((d) => (d.stale ? [d.stale] : []));
  const reports = due.flatMap((d) => (d.report ? [d.report] : []));
  // Both kinds are queued even if one queue refuses; the first failure is then thrown for the scheduler to retry.
  const sent = await Promise.allSettled([digests.length > 0 && deps.digests.send(digests), reports.length > 0 && deps.reports.send(reports)]);
  const failed = sent.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return { councils: councils.length, digests, reports, staleDigests };
}
