import type { Context } from 'aws-lambda';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler as createDispatch } from '../../functions/scan-dispatch/create-handler';
import { createHandler as createScan } from '../../functions/scan-account/create-handler';
import { oneConnectorForAll } from '../../shared/connectors/registry';
import type { Council } from '../../shared/domain/council';
import { RULES_VERSION } from '../../shared/detectors';
import { ensureTable, startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import type { ScanRequest } from '../../shared/queue/scan-queue';
import { contentHash } from '../../shared/scanning/scan-account';
import { dispatchReconcile, reconcileSlot } from '../../shared/scanning/dispatch-scan';
import { DynamoDbAuditStore } from '../../shared/store/dynamodb-store';
import { makePost, testConfig } from '../support/fixtures';
import { FixedConnector, HARBOURNE, MASTODON } from '../support/scan-fixtures';
import { sqsEvent } from '../support/sqs-event';

/*
 * The rescan after a deploy that changes the rules, on dynalite through the real dispatch and scan
 * handlers: reconciliation dispatch notices each council whose posts were checked with other rules,
 * queues one rescan for it however many dispatches run at once, and the scan function runs it.
 */

const context = { functionName: 'scan-dispatch', awsRequestId: 'req-1', getRemainingTimeInMillis: () => 60_000 } as unknown as Context;
const PARISH: Council = { id: 'harbourne-pc', name: 'Harbourne Parish Council', digestTo: ['clerk@harbourne-parish.example'], registeredAt: '2026-11-01T09:00:00Z' };
const NOW = new Date('2026-12-07T03:45:00Z');

describe('the rescan after a deploy that changes the rules', () => {
  let dynamo: LocalDynamoDb;
  let store: DynamoDbAuditStore;
  const queued: ScanRequest[] = [];
  const queue = { send: async (requests: readonly ScanRequest[]) => void queued.push(...requests) };
  const dispatch = () => createDispatch({ store, queue, clock: () => NOW })({ task: 'reconcile' }, context);
  const rescans = () => queued.filter((r) => r.kind === 'rescan');

  beforeAll(async () => {
    dynamo = await startDynalite();
    await ensureTable(dynamo.client, 'rescan-deploy');
    store = new DynamoDbAuditStore({ client: DynamoDBDocumentClient.from(dynamo.client, { marshallOptions: { removeUndefinedValues: true } }), tableName: 'rescan-deploy', clock: () => NOW });
    for (const council of [HARBOURNE, PARISH]) {
      await store.putCouncil(council);
      await store.forCouncil(council.id).putCouncilConfig(testConfig());
      await store.forCouncil(council.id).putAccount(MASTODON);
    }
    // The town's posts were checked with the rules of an earlier deploy; the parish's with today's.
    await store.forCouncil(HARBOURNE.id).claimRulesVersion('2026-11-01.1', '2026-11-01T09:00:00Z');
    await store.forCouncil(PARISH.id).claimRulesVersion(RULES_VERSION, '2026-11-01T09:00:00Z');
    // A post of the town's stored without its findings, as if the old rules had raised none.
    const post = makePost({ id: 'm-1', text: 'Lost cat: ring its owner on 07700 900562.' });
    await store.forCouncil(HARBOURNE.id).putPost('mastodon', MASTODON.handle, { post, contentHash: contentHash(post), capturedAt: '2026-12-01T09:00:00Z', expiresAt: 1_900_000_000 });
  }, 30_000);
  afterAll(() => dynamo.stop());

  it('queues one rescan, for the council whose rules changed, when three dispatches run at once', async () => {
    const results = await Promise.all([dispatch(), dispatch(), dispatch()]);

    expect(rescans()).toEqual([{ kind: 'rescan', councilId: HARBOURNE.id, rulesVersion: RULES_VERSION }]);
    expect(results.map((r) => (r as { rescans: number }).rescans).sort()).toEqual([0, 0, 1]);
    expect(await store.forCouncil(HARBOURNE.id).getRulesVersion()).toBe(RULES_VERSION);
  });

  it('lets one of many concurrent claims of a rules version win, whatever they read before', async () => {
    const council = store.forCouncil(PARISH.id);
    const claims = await Promise.all(Array.from({ length: 6 }, (_, i) => council.claimRulesVersion('2026-12-07.9', `2026-12-07T03:45:0${i}Z`)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    await council.claimRulesVersion(RULES_VERSION, '2026-12-07T03:46:00Z');
  });

  it('queues no rescan on the next ticks', async () => {
    await dispatch();
    await dispatch();
    expect(rescans()).toHaveLength(1);
  });

  it('runs the rescan in the scan function: the finding the new rules raise says a rescan found it', async () => {
    const scan = createScan({ store, connectors: oneConnectorForAll(new FixedConnector(new Map())), retentionDays: 90, clock: () => NOW });

    const result = await scan(sqsEvent(rescans()), context);

    expect(result.batchItemFailures).toEqual([]);
    const open = await store.forCouncil(HARBOURNE.id).listOpenFindings();
    expect(open.filter((f) => f.postId === 'm-1').map((f) => [f.rule, f.foundBy, f.rulesVersion])).toEqual([['personal-data', 'rescan', RULES_VERSION]]);
  });

  it('gives the claim back when the rescan cannot be queued, so the next tick queues it', async () => {
    await store.forCouncil(PARISH.id).claimRulesVersion('2027-01-01.1', '2026-12-01T09:00:00Z');
    const failing = { send: async () => Promise.reject(new Error('SQS is unavailable')) };

    await expect(dispatchReconcile({ store, queue: failing }, { now: NOW })).rejects.toThrow(/harbourne-pc/);
    expect(await store.forCouncil(PARISH.id).getRulesVersion()).not.toBe(RULES_VERSION);

    const { rescans: queuedNow } = await dispatchReconcile({ store, queue }, { now: NOW });
    expect(queuedNow).toEqual([{ kind: 'rescan', councilId: PARISH.id, rulesVersion: RULES_VERSION }]);
  });

  it("queues each council's reconciliation once a day, in its own hour, and every council's when asked", async () => {
    const hourOf = (id: string) => new Date(Date.UTC(2026, 11, 7, reconcileSlot(id), 45));
    for (const council of [HARBOURNE, PARISH]) {
      const { reconciles } = await dispatchReconcile({ store, queue }, { now: hourOf(council.id) });
      expect(reconciles.filter((r) => r.councilId === council.id)).toEqual([{ kind: 'reconcile', councilId: council.id, platform: 'mastodon', handle: MASTODON.handle }]);
    }
    const hours = Array.from({ length: 24 }, (_, h) => new Date(Date.UTC(2026, 11, 7, h, 45)));
    let total = 0;
    for (const now of hours) total += (await dispatchReconcile({ store, queue }, { now })).reconciles.length;
    expect(total).toBe(2);
    expect((await dispatchReconcile({ store, queue }, { now: NOW, everyCouncil: true })).reconciles).toHaveLength(2);
  });
});
