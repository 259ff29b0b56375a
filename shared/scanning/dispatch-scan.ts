import { createHash } from 'node:crypto';
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

/** The hours of a week: each council's discovery has one of them. */
export const DISCOVERY_SLOTS = 168;

/**
 * The hour of the week (0 = Monday 00:00–01:00 UTC) in which a council is searched for: fixed by its
 * id, so each council is searched once a week and the councils are spread evenly over the week.
 */
export function discoverySlot(councilId: string): number {
  return createHash('sha256').update(councilId).digest().readUInt32BE(0) % DISCOVERY_SLOTS;
}

/** The hour of the week `now` falls in, in UTC (no summer time, so no hour is skipped or run twice). */
export function hourOfWeek(now: Date): number {
  return ((now.getUTCDay() + 6) % 7) * 24 + now.getUTCHours();
}

/**
 * Discovery dispatch (the hourly discovery schedule's `{ "task": "discover" }`): one discovery request
 * for each registered council whose hour of the week this is, so that each council's searches run,
 * fail and retry on their own, and a platform sees a few dozen councils' searches an hour rather
 * than every council's at once. `everyCouncil` (an operator's invocation) queues them all now.
 */
export async function dispatchDiscovery(
  deps: { store: Pick<AuditStore, 'listCouncils'>; queue: ScanQueue },
  options: { now: Date; everyCouncil?: boolean },
): Promise<DispatchResult<DiscoveryRequest>> {
  const hour = hourOfWeek(options.now);
  const councils = (await deps.store.listCouncils()).filter((council) => options.everyCouncil === true || discoverySlot(council.id) === hour);
  const requests = councils.map((council): DiscoveryRequest => ({ kind: 'discover', councilId: council.id }));
  await deps.queue.send(requests);
  return { councils: councils.length, requests };
}
