import { createHash } from 'node:crypto';
import { RULES_VERSION } from '../detectors/meta';
import type { AccountScanRequest, DiscoveryRequest, ReconcileRequest, RescanRequest, ScanQueue, ScanRequest } from '../queue/scan-queue';
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

/** The hours of a day: each council's reconciliation has one of them. */
export const RECONCILE_SLOTS = 24;

/**
 * The hour of the day (UTC) in which a council's accounts are reconciled with their platforms: fixed
 * by its id (another hash than discovery's), so each council is reconciled once a day and a platform
 * sees a 24th of the fleet's listings an hour.
 */
export function reconcileSlot(councilId: string): number {
  return createHash('sha256').update(`reconcile\u0000${councilId}`).digest().readUInt32BE(0) % RECONCILE_SLOTS;
}

export interface ReconcileDispatch {
  councils: number;
  reconciles: ReconcileRequest[];
  rescans: RescanRequest[];
}

/**
 * Reconciliation dispatch (the hourly reconciliation schedule's `{ "task": "reconcile" }`), primary course:
 * 1. for every registered council, the rules version its stored posts were last checked with: when it
 *    is not the deployed RULES_VERSION (a deploy changed the rules, or the council is new), claim the
 *    deployed one (a conditional write: of concurrent dispatches one wins) and queue one rescan;
 * 2. for each council whose hour of the day this is (or every council, `everyCouncil`), one
 *    reconciliation request per account not paused.
 * A rescan that cannot be queued gives its claim back, so the next tick queues it; one council's
 * failure does not stop the others (forEachCouncil), and the run then fails naming it.
 */
export async function dispatchReconcile(
  deps: { store: Pick<AuditStore, 'getCouncil' | 'listCouncils' | 'forCouncil'>; queue: ScanQueue },
  options: { now: Date; everyCouncil?: boolean; rulesVersion?: string },
): Promise<ReconcileDispatch> {
  const rulesVersion = options.rulesVersion ?? RULES_VERSION;
  const hour = options.now.getUTCHours();
  const at = options.now.toISOString();
  const outcomes = await forEachCouncil(deps.store, 'reconciliation dispatch', async (council) => {
    const view = deps.store.forCouncil(council.id);
    const rescans: RescanRequest[] = [];
    // A read first: on all but the first tick after a deploy, no write is made at all.
    if ((await view.getRulesVersion()) !== rulesVersion && (await view.claimRulesVersion(rulesVersion, at))) {
      const rescan: RescanRequest = { kind: 'rescan', councilId: council.id, rulesVersion };
      try {
        await deps.queue.send([rescan]);
      } catch (error) {
        await view.releaseRulesVersion(rulesVersion, at);
        throw error;
      }
      rescans.push(rescan);
    }
    const reconciles: ReconcileRequest[] = [];
    if (options.everyCouncil === true || reconcileSlot(council.id) === hour) {
      for (const account of await view.listAccounts()) {
        if (account.status !== 'paused') reconciles.push({ kind: 'reconcile', councilId: council.id, platform: account.platform, handle: account.handle });
      }
      await deps.queue.send(reconciles);
    }
    return { rescans, reconciles };
  }, { concurrency: 8 });
  const done = outcomes.flatMap((o) => (o.ok ? [o.value] : []));
  return { councils: outcomes.length, reconciles: done.flatMap((d) => d.reconciles), rescans: done.flatMap((d) => d.rescans) };
}
