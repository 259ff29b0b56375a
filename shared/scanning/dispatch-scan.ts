import type { AccountScanRequest, DiscoveryRequest, ScanQueue, ScanRequest } from '../queue/scan-queue';
import type { AuditStore } from '../store/audit-store';
import { forEachCouncil } from '../tenancy/each-council';

export interface DispatchResult<R extends ScanRequest = AccountScanRequest> {
  councils: number;
  requests: R[];
}

/**
 * Dispatch, primary course: for every registered council, list its registered accounts, leave out
 * the paused ones, and queue one scan request per account, naming the council. Accounts not yet
 * approved are scanned too: their posts are what the unapproved-account rule reports on.
 * Extension: a council whose accounts cannot be listed or queued does not stop the others; the run
 * then fails naming it, and the scheduler runs it again (a repeated request is harmless).
 */
export async function dispatchScan(deps: { store: Pick<AuditStore, 'getCouncil' | 'listCouncils' | 'forCouncil'>; queue: ScanQueue }): Promise<DispatchResult> {
  const outcomes = await forEachCouncil(deps.store, 'scan dispatch', async (council) => {
    const accounts = await deps.store.forCouncil(council.id).listAccounts();
    const requests = accounts.filter((a) => a.status !== 'paused').map((a): AccountScanRequest => ({ councilId: council.id, platform: a.platform, handle: a.handle }));
    await deps.queue.send(requests);
    return requests;
  }, { concurrency: 8 });
  return { councils: outcomes.length, requests: outcomes.flatMap((o) => (o.ok ? o.value : [])) };
}

/**
 * Discovery dispatch (the weekly schedule's `{ "task": "discover" }`): one discovery request per
 * registered council, so that each council's searches run, fail and retry on their own.
 */
export async function dispatchDiscovery(deps: { store: Pick<AuditStore, 'listCouncils'>; queue: ScanQueue }): Promise<DispatchResult<DiscoveryRequest>> {
  const councils = await deps.store.listCouncils();
  const requests = councils.map((council): DiscoveryRequest => ({ kind: 'discover', councilId: council.id }));
  await deps.queue.send(requests);
  return { councils: councils.length, requests };
}
