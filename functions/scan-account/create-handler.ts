import middy from '@middy/core';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import type { ConnectorRegistry } from '../../shared/connectors/registry';
import { AccountNotFoundError, CouncilAuditError, ScanDeferredError } from '../../shared/domain/errors';
import { ScanRequestSchema, type DiscoveryRequest, type ReconcileRequest, type RescanRequest, type ScanRequest } from '../../shared/queue/scan-queue';
import type { Platform } from '../../shared/domain/post';
import { reconcileAccount } from '../../shared/evidence/reconcile';
import { rescanCouncil } from '../../shared/evidence/rescan';
import { jsonText, parseRecord, sqsRecordSchema } from '../../shared/queue/sqs-record';
import { environmentSchema } from '../../shared/runtime/environment';
import { logger } from '../../shared/runtime/logger';
import { discoverForCouncil, type CouncilDiscoveryDeps } from '../../shared/scanning/discover-council';
import { scanAccount } from '../../shared/scanning/scan-account';
import { CouncilNotConfiguredError, type AuditStore } from '../../shared/store/audit-store';

/** What the deployed function reads at cold start (handler.ts). */
export const ENVIRONMENT = environmentSchema(['TABLE_NAME', 'RETENTION_DAYS', 'AWS_REGION'], ['PLATFORM_SECRET_ARN', 'DYNAMODB_ENDPOINT']);

/**
 * The longest a request waits for its host inside this function: a pacing gap or a short pause. A
 * longer wait defers the scan (see createHandler) rather than keep the function billed asleep.
 */
export const HOST_WAIT_MS = 5_000;

export interface ScanAccountHandlerDeps {
  /** Every council's records: each request is scanned in its own council's view. */
  store: Pick<AuditStore, 'forCouncil'>;
  connectors: ConnectorRegistry;
  /** The platforms' account search, for the weekly impostor discovery; without it a discovery request fails. */
  discovery?: Pick<CouncilDiscoveryDeps, 'searches' | 'baseUrlOf' | 'deferOn'>;
  /** How long captured posts are kept, in days. */
  retentionDays: number;
  /** Days back each platform is reconciled, when not RECONCILE_WINDOW_DAYS (the local twin's file has no platform's limits). */
  reconcileWindowDays?: (platform: Platform) => number;
  clock?: () => Date;
}

/**
 * One SQS record, one account of one council (or one council's impostor discovery, an account's
 * reconciliation with its platform, or a council's rescan after a change of rules), in that
 * council's view of the store. Powertools'
 * batch processor checks each body against ScanRequestSchema: a malformed message fails alone, with
 * the field named in the log. A capture failure is recorded on the
 * scan run by the use case and is not an error here; a storage failure fails the record alone
 * (partial batch response), so SQS retries it and, in the end, parks it on the dead-letter queue.
 *
 * A deferred scan (ScanDeferredError: the platform's host asks every scan to wait longer than the host
 * budget's few seconds) is failed the same way, on purpose: the function returns at once instead of
 * being billed to sleep, and SQS delivers the request again when its visibility timeout ends (six times
 * the function's timeout, 12 minutes), by when a throttled host's window (5 minutes for Mastodon and
 * Bluesky, 15 for X) has mostly passed. Nothing was captured, so nothing is lost or recorded as a failed
 * capture. A host closed through three deliveries leaves the request on the dead-letter queue, with its
 * alarm, while the next hourly dispatch queues the account afresh.
 */
export function createHandler(deps: ScanAccountHandlerDeps) {
  const processor = new LoggedBatchProcessor(EventType.SQS, { parser: parseRecord, schema: sqsRecordSchema(jsonText(ScanRequestSchema)), logger });

  const discover = async (request: DiscoveryRequest) => {
    if (!deps.discovery) throw new CouncilAuditError('this scan function has no account search wired for discovery');
    let result;
    try {
      result = await discoverForCouncil({
        store: deps.store.forCouncil(request.councilId),
        // A host asking every caller to wait defers the whole discovery, as it defers a scan (below).
        deferOn: (error) => error instanceof ScanDeferredError,
        ...deps.discovery,
        ...(deps.clock ? { clock: deps.clock } : {}),
      });
    } catch (error) {
      if (error instanceof ScanDeferredError) {
        logger.info('discovery deferred', { council: request.councilId, retryAt: error.retryAt?.toISOString(), reason: error.message });
        throw error;
      }
      if (error instanceof CouncilNotConfiguredError) {
        // Registered but not configured yet (or removed since dispatch): no name to search for, nothing to retry.
        logger.warn('council not configured, so not searched for', { council: request.councilId });
        return;
      }
      throw error;
    }
    // Failed searches are capture failures recorded for the digest, not errors: retrying the record would not help them.
    logger.info('impostors searched for', { council: request.councilId, ...result });
  };

  const reconcile = async (request: ReconcileRequest) => {
    try {
      const result = await reconcileAccount({ ...deps, store: deps.store.forCouncil(request.councilId), ...(deps.reconcileWindowDays ? { windowDays: deps.reconcileWindowDays } : {}) }, request);
      logger.info('account reconciled', {
        council: request.councilId,
        platform: result.platform,
        account: result.handle,
        listed: result.listed,
        complete: result.complete,
        ...(result.incomplete ? { incomplete: result.incomplete } : {}),
        deleted: result.deleted.length,
        edited: result.edited.length,
        resolved: result.resolved.length,
        raised: result.raised.length,
        purged: result.purged.length,
      });
    } catch (error) {
      if (error instanceof ScanDeferredError) {
        logger.info('reconciliation deferred', { council: request.councilId, platform: request.platform, account: request.handle, retryAt: error.retryAt?.toISOString(), reason: error.message });
        throw error;
      }
      if (error instanceof AccountNotFoundError || error instanceof CouncilNotConfiguredError) {
        logger.warn('account no longer registered, so not reconciled', { council: request.councilId, platform: request.platform, account: request.handle });
        return;
      }
      throw error;
    }
  };

  const rescan = async (request: RescanRequest) => {
    try {
      const clock = deps.clock ?? (() => new Date());
      const result = await rescanCouncil(deps.store.forCouncil(request.councilId), { now: clock() });
      logger.info('council rescanned after a change of rules', { council: request.councilId, rulesVersion: result.rulesVersion, postsChecked: result.postsChecked, raised: result.raised.length, withdrawn: result.withdrawn.length });
    } catch (error) {
      if (error instanceof CouncilNotConfiguredError) {
        logger.warn('council not configured, so not rescanned', { council: request.councilId });
        return;
      }
      throw error;
    }
  };

  const scanRecord = async (record: { body: ScanRequest }) => {
    const request = record.body;
    if (request.kind === 'discover') return discover(request);
    if (request.kind === 'reconcile') return reconcile(request);
    if (request.kind === 'rescan') return rescan(request);
    try {
      const run = await scanAccount({ ...deps, store: deps.store.forCouncil(request.councilId) }, request);
      logger.info('account scanned', {
        council: request.councilId,
        platform: run.platform,
        account: run.handle,
        outcome: run.outcome,
        postsFetched: run.postsFetched,
        postsNew: run.postsNew,
        findingsNew: run.findingsNew,
      });
    } catch (error) {
      if (error instanceof ScanDeferredError) {
        logger.info('scan deferred', { council: request.councilId, platform: request.platform, account: request.handle, retryAt: error.retryAt?.toISOString(), reason: error.message });
        throw error;
      }
      if (error instanceof AccountNotFoundError) {
        // Unregistered between dispatch and scan: nothing to scan, nothing to retry.
        logger.warn('account no longer registered', { council: request.councilId, platform: request.platform, account: request.handle });
        return;
      }
      throw error;
    }
  };

  return middy(async (event: SQSEvent, context: Context) => processPartialResponse(event, scanRecord, processor, { context })).use(
    injectLambdaContext(logger),
  );
}

/** Says why a record failed (a malformed body names its field), before SQS retries it or parks it on the dead-letter queue. */
class LoggedBatchProcessor extends BatchProcessor {
  override failureHandler(record: SQSRecord, error: Error) {
    // A deferral is the queue doing its job (logged as such above), not a failure to alarm anyone.
    if (!(error instanceof ScanDeferredError)) logger.error('scan request failed', { messageId: record.messageId, error: `${error.name}: ${error.message}` });
    return super.failureHandler(record, error);
  }

  /**
   * A batch whose every record failed fails the invocation (Powertools' FullBatchFailureError), and the
   * function's error alarm goes off: right for a storage outage, wrong for a batch of scans deferred
   * by a busy host, which are reported for redelivery like any partial failure.
   */
  override entireBatchFailed(): boolean {
    return super.entireBatchFailed() && !this.errors.some((error) => error instanceof ScanDeferredError);
  }
}
