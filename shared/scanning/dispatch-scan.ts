import type { ScanQueue, ScanRequest } from '../queue/scan-queue';
import type { AuditStore } from '../store/audit-store';

/**
 * Dispatch, primary course: list the registered accounts, leave out the paused ones, and queue one
 * scan request per account. Accounts not yet approved are scanned too: their posts are what the
 * unapproved-account rule reports on.
 */
export async function dispatchScan(deps: { store: Pick<AuditStore, 'listAccounts'>; queue: ScanQueue }): Promise<ScanRequest[]> {
  const accounts = await deps.store.listAccounts();
  const requests = accounts.filter((a) => a.status !== 'paused').map((a) => ({ platform: a.platform, handle: a.handle }));
  await deps.queue.send(requests);
  return requests;
}
