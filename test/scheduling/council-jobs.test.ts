import { randomUUID } from 'node:crypto';
import type { Context, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandler as createCouncilJobs } from '../../functions/council-jobs/create-handler';
import { STALE_DIGEST_MESSAGE } from '../../shared/scheduling/queue-due-work';
import { createHandler as createMonthlyReport } from '../../functions/monthly-report/create-handler';
import { createHandler as createWeeklyDigest } from '../../functions/weekly-digest/create-handler';
import type { Council } from '../../shared/domain/council';
import { sesMailer } from '../../shared/email/ses-mailer';
import { ensureTable, startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../shared/local/local-aws';
import { startSesLocal, type SesLocal } from '../../shared/local/ses-local';
import type { DigestRequest, JobQueue, ReportRequest } from '../../shared/queue/council-jobs';
import type { ReportStorage } from '../../shared/report/report-storage';
import { logger } from '../../shared/runtime/logger';
import { dynamoDbStore, type DynamoDbAuditStore } from '../../shared/store/dynamodb-store';
import { testConfig } from '../support/fixtures';

// Printing is tested in test/report; here the report's month, council and storage are what matter.
vi.mock('../../shared/report/render-pdf', () => ({ renderReportPdf: async () => new TextEncoder().encode('%PDF-1.7\n%%EOF\n') }));

const context = { functionName: 'test', awsRequestId: 'req-1', getRemainingTimeInMillis: () => 60_000 } as unknown as Context;

/** Three councils in three time zones, and one registered but never configured; all registered on Thursday 5 November 2026. */
const REGISTERED = '2026-11-05T09:00:00Z';
const HARBOURNE: Council = { id: 'harbourne-tc', name: 'Harbourne Town Council', digestTo: ['clerk@harbourne-tc.example'], registeredAt: REGISTERED };
const STOW: Council = {
  id: 'stow-pc',
  name: 'Stow Parish Council',
  digestTo: ['clerk@stow-parish.example', 'chair@stow-parish.example'],
  registeredAt: REGISTERED,
  digestDay: 'monday',
  digestTime: '08:00',
  timezone: 'America/New_York',
};
const ASHBY: Council = { id: 'ashby-pc', name: 'Ashby Parish Council', digestTo: ['clerk@ashby-parish.example'], registeredAt: REGISTERED, digestDay: 'friday', digestTime: '16:30', timezone: 'Pacific/Auckland' };
const UNCONFIGURED: Council = { id: 'unconfigured-pc', name: 'Unconfigured Parish Council', digestTo: ['clerk@unconfigured-parish.example'], registeredAt: REGISTERED };

/** A queue held in memory, as SQS would hold it between the tick and the consumer. */
class HeldQueue<T> implements JobQueue<T> {
  messages: T[] = [];
  async send(requests: readonly T[]): Promise<void> {
    this.messages.push(...requests);
  }
  /** Everything queued so far, as the batch Lambda would receive, and the queue emptied. */
  drain(): SQSEvent {
    const event: SQSEvent = { Records: this.messages.map((body) => sqsRecord(JSON.stringify(body))) };
    this.messages = [];
    return event;
  }
}

function sqsRecord(body: string): SQSEvent['Records'][number] {
  const messageId = randomUUID();
  return {
    messageId,
    receiptHandle: messageId,
    body,
    attributes: { ApproximateReceiveCount: '1', SentTimestamp: '1795420800000', SenderId: 'AIDAEXAMPLE', ApproximateFirstReceiveTimestamp: '1795420800001' },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:eu-west-2:111111111111:council-jobs',
    awsRegion: 'eu-west-2',
  };
}

class KeysOnly implements ReportStorage {
  readonly keys: string[] = [];
  async put(key: string): Promise<void> {
    this.keys.push(key);
  }
  async linkTo(key: string): Promise<string> {
    return `https://reports.example/${key}`;
  }
}

describe("each council's digest and report, on its own schedule, through the tick, the queues and the real handlers", () => {
  let dynamo: LocalDynamoDb;
  let ses: SesLocal;
  let tableCount = 0;
  let store: DynamoDbAuditStore;
  let digests: HeldQueue<DigestRequest>;
  let reports: HeldQueue<ReportRequest>;

  beforeAll(async () => {
    [dynamo, ses] = await Promise.all([startDynalite(), startSesLocal()]);
  });
  afterAll(async () => {
    await Promise.all([dynamo?.stop(), ses?.stop()]);
  });

  beforeEach(async () => {
    // Prepare: a table of its own per test, the four councils, three of them configured
    const tableName = `council-jobs-${(tableCount += 1)}`;
    await ensureTable(dynamo.client, tableName);
    store = dynamoDbStore({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: dynamo.endpoint, tableName });
    for (const council of [HARBOURNE, STOW, ASHBY, UNCONFIGURED]) await store.putCouncil(council);
    for (const council of [HARBOURNE, STOW, ASHBY]) await store.forCouncil(council.id).putCouncilConfig(testConfig({ council: { name: council.name } }));
    digests = new HeldQueue();
    reports = new HeldQueue();
    await ses.clear();
  });

  const tickAt = (instant: string) => createCouncilJobs({ store, digests, reports, clock: () => new Date(instant) })({}, context);
  const digestAt = (instant: string) =>
    createWeeklyDigest({
      store,
      mailer: sesMailer({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: ses.endpoint }),
      from: 'council-audit@audit-host.example',
      clock: () => new Date(instant),
    });
  const mailsTo = async () => (await ses.readMails()).map((mail) => ({ to: mail.destination.to, subject: mail.subject })).sort((a, b) => (a.to[0]! < b.to[0]! ? -1 : 1));

  it('queues at 08:00 UTC on a winter Monday only the councils whose Monday 08:00 it is, and sends each digest to its own recipients', async () => {
    // Act: the tick at 08:00 in London (03:00 in New York, 21:00 in Auckland)
    const tick = await tickAt('2026-11-23T08:00:00Z');
    const queued = [...digests.messages];
    const quiet = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const consumed = await digestAt('2026-11-23T08:01:00Z')(digests.drain(), context);
    quiet.mockRestore();

    // Assess
    expect(tick).toEqual({ councils: 4, digests: 2, reports: 0, staleDigests: 0 });
    expect(queued).toEqual([
      { council: 'harbourne-tc', week: '2026-W47' },
      { council: 'unconfigured-pc', week: '2026-W47' },
    ]);
    expect(consumed.digests.map((d) => [d.council, d.week, d.status])).toEqual([['harbourne-tc', '2026-W47', 'sent']]);
    expect(await mailsTo()).toEqual([{ to: ['clerk@harbourne-tc.example'], subject: expect.stringContaining('2026-W47') }]);
  });

  it('fails only the record of the council whose digest fails, so SQS retries that one alone', async () => {
    // Prepare
    await tickAt('2026-11-23T08:00:00Z');
    const event = digests.drain();
    const unconfigured = event.Records.find((r) => r.body.includes('unconfigured-pc'))!;
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);

    // Act
    const consumed = await digestAt('2026-11-23T08:01:00Z')(event, context);

    // Assess
    expect(consumed.batchItemFailures).toEqual([{ itemIdentifier: unconfigured.messageId }]);
    expect(JSON.stringify(logged.mock.calls)).toContain('the configuration of council unconfigured-pc has not been stored yet');
    logged.mockRestore();
    expect((await mailsTo()).map((m) => m.to)).toEqual([['clerk@harbourne-tc.example']]);
  });

  it('queues New York at its own 08:00, catches up Auckland after its Friday ticks were missed, and never queues a digest already sent', async () => {
    // Prepare: London's digest sent at 08:00 UTC
    await tickAt('2026-11-23T08:00:00Z');
    const quiet = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    await digestAt('2026-11-23T08:01:00Z')(digests.drain(), context);

    // Act: 13:00 UTC is 08:00 in New York
    const tick = await tickAt('2026-11-23T13:00:00Z');
    const queued = [...digests.messages];
    await digestAt('2026-11-23T13:01:00Z')(digests.drain(), context);
    // Every tick from Friday 16:30 in Auckland to Sunday 21:00 there missed: the next one catches up
    const sunday = await tickAt('2026-11-29T08:00:00Z');
    const sundayQueued = [...digests.messages];
    await digestAt('2026-11-29T08:01:00Z')(digests.drain(), context);
    quiet.mockRestore();

    // Assess
    expect(tick.digests).toBe(2);
    expect(queued).toEqual([
      { council: 'stow-pc', week: '2026-W47' },
      { council: 'unconfigured-pc', week: '2026-W47' },
    ]);
    expect(sundayQueued).toEqual([
      { council: 'ashby-pc', week: '2026-W47' },
      { council: 'unconfigured-pc', week: '2026-W47' },
    ]);
    expect(sunday.digests).toBe(2);
    const mails = await mailsTo();
    expect(mails.map((m) => m.to)).toEqual([['clerk@ashby-parish.example'], ['clerk@harbourne-tc.example'], ['clerk@stow-parish.example', 'chair@stow-parish.example']]);
    for (const mail of mails) expect(mail.subject).toContain('2026-W47');
    expect(await store.forCouncil(STOW.id).getDigest('2026-W47')).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('sends a digest queued twice (by two ticks before the first was consumed) once', async () => {
    await tickAt('2026-11-23T08:00:00Z');
    await tickAt('2026-11-23T09:00:00Z');
    const event = digests.drain();
    const harbourneRecords = event.Records.filter((r) => r.body.includes('harbourne-tc'));
    const quiet = vi.spyOn(logger, 'error').mockImplementation(() => undefined);

    const consumed = await digestAt('2026-11-23T09:05:00Z')({ Records: harbourneRecords }, context);
    quiet.mockRestore();

    expect(harbourneRecords).toHaveLength(2);
    expect(consumed.digests.map((d) => d.status)).toEqual(['sent', 'already-sent']);
    expect(await mailsTo()).toHaveLength(1);
  });

  it('queues on the 1st only the reports due in each council\'s own time zone and not yet stored, and stores each once', async () => {
    // Prepare: Ashby's November report is already stored
    await store.forCouncil(ASHBY.id).recordReport({ month: '2026-11', key: 'reports/ashby-pc/2026-11/council-audit-report-2026-11.pdf', generatedAt: '2026-11-30T18:05:00Z' });
    const storage = new KeysOnly();
    const monthlyReport = createMonthlyReport({ store, reports: storage, clock: () => new Date('2026-12-01T07:05:00Z') });
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);

    // Act: 07:00 on 1 December in London, 02:00 in New York, 20:00 in Auckland; then the same tick again before the queue is consumed
    const tick = await tickAt('2026-12-01T07:00:00Z');
    const queued = [...reports.messages];
    await tickAt('2026-12-01T07:00:00Z');
    const event = reports.drain();
    const consumed = await monthlyReport(event, context);

    // Assess
    expect(tick.reports).toBe(2);
    expect(queued).toEqual([
      { council: 'harbourne-tc', month: '2026-11' },
      { council: 'unconfigured-pc', month: '2026-11' },
    ]);
    expect(consumed.reports.map((r) => [r.council, r.month])).toEqual([['harbourne-tc', '2026-11']]);
    expect(storage.keys.sort()).toEqual(['reports/harbourne-tc/2026-11/council-audit-report-2026-11.html', 'reports/harbourne-tc/2026-11/council-audit-report-2026-11.pdf']);
    const unconfigured = event.Records.filter((r) => r.body.includes('unconfigured-pc')).map((r) => ({ itemIdentifier: r.messageId }));
    expect(consumed.batchItemFailures).toEqual(unconfigured);
    expect(JSON.stringify(logged.mock.calls)).toContain('the configuration of council unconfigured-pc has not been stored yet');
    logged.mockRestore();
    expect((await store.forCouncil(HARBOURNE.id).latestReport())?.month).toBe('2026-11');
    expect((await store.forCouncil(STOW.id).latestReport())).toBeUndefined();
  });

  it('still takes an operator\'s direct invocation for one council and week, or one council and month', async () => {
    const storage = new KeysOnly();

    const digest = await digestAt('2026-11-23T10:00:00Z')({ council: 'stow-pc', week: '2026-W46' }, context);
    const report = await createMonthlyReport({ store, reports: storage, clock: () => new Date('2026-12-01T10:00:00Z') })({ council: 'ashby-pc', month: '2026-10' }, context);

    expect(digest.digests).toEqual([{ council: 'stow-pc', week: '2026-W46', status: 'sent', messageId: expect.any(String) }]);
    expect((await mailsTo()).map((m) => m.to)).toEqual([['clerk@stow-parish.example', 'chair@stow-parish.example']]);
    expect(report.reports.map((r) => [r.council, r.month])).toEqual([['ashby-pc', '2026-10']]);
  });

  it('drops, without retrying, the request of a council taken off the registry after the tick queued it', async () => {
    await tickAt('2026-11-23T08:00:00Z');
    await store.removeCouncil(HARBOURNE.id);
    const event = digests.drain();
    const quiet = vi.spyOn(logger, 'error').mockImplementation(() => undefined);

    const consumed = await digestAt('2026-11-23T08:01:00Z')(event, context);
    quiet.mockRestore();

    const unconfigured = event.Records.filter((r) => r.body.includes('unconfigured-pc')).map((r) => ({ itemIdentifier: r.messageId }));
    expect(consumed.batchItemFailures).toEqual(unconfigured);
    expect(consumed.digests).toEqual([]);
    expect(await mailsTo()).toEqual([]);
  });

  it('refuses a malformed message on its own, naming the field, and sends the rest of the batch', async () => {
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const bad = sqsRecord(JSON.stringify({ council: 'stow-pc', week: 'last week' }));
    const good = sqsRecord(JSON.stringify({ council: 'harbourne-tc', week: '2026-W47' }));

    const consumed = await digestAt('2026-11-23T10:00:00Z')({ Records: [bad, good] }, context);

    expect(consumed.batchItemFailures).toEqual([{ itemIdentifier: bad.messageId }]);
    expect(JSON.stringify(logged.mock.calls)).toContain('body.week: expected an ISO week such as 2026-W05');
    logged.mockRestore();
    expect((await mailsTo()).map((m) => m.to)).toEqual([['clerk@harbourne-tc.example']]);
  });

  it('takes over a digest whose sender died after claiming it, once the claim\'s lease has passed, and logs it for the alarm', async () => {
    // Prepare: the tick queued Harbourne's digest; its sender claimed the week at 08:01 and died
    await tickAt('2026-11-23T08:00:00Z');
    digests.drain();
    expect(await store.forCouncil(HARBOURNE.id).claimDigest('2026-W47', '2026-11-23T08:01:00Z')).toBe(true);
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);

    // Act: a tick within the lease, then the next hourly tick, and its queue consumed
    const within = await tickAt('2026-11-23T08:10:00Z');
    const withinQueued = digests.drain().Records.map((r) => JSON.parse(r.body) as DigestRequest);
    const loggedWithin = logged.mock.calls.length;
    const after = await tickAt('2026-11-23T09:00:00Z');
    const afterQueued = digests.drain();
    const consumed = await digestAt('2026-11-23T09:01:00Z')({ Records: afterQueued.Records.filter((r) => r.body.includes('harbourne-tc')) }, context);

    // Assess: left alone while the claim may still be sending; then reported, queued again and sent
    expect(within.staleDigests).toBe(0);
    expect(withinQueued.map((r) => r.council)).toEqual(['unconfigured-pc']);
    expect(loggedWithin).toBe(0);
    expect(after.staleDigests).toBe(1);
    expect(logged.mock.calls).toContainEqual([STALE_DIGEST_MESSAGE, expect.objectContaining({ council: 'harbourne-tc', week: '2026-W47', leaseUntil: '2026-11-23T08:16:00.000Z' })]);
    logged.mockRestore();
    expect(consumed.digests.map((d) => [d.council, d.status])).toEqual([['harbourne-tc', 'sent']]);
    expect(await mailsTo()).toEqual([{ to: ['clerk@harbourne-tc.example'], subject: expect.stringContaining('2026-W47') }]);
    expect(await store.forCouncil(HARBOURNE.id).getDigest('2026-W47')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('re-sends a week already sent only when the operator forces it, naming council and week', async () => {
    // Prepare: Stow's week 46 sent
    await digestAt('2026-11-23T10:00:00Z')({ council: 'stow-pc', week: '2026-W46' }, context);

    // Act
    const again = await digestAt('2026-11-23T11:00:00Z')({ council: 'stow-pc', week: '2026-W46' }, context);
    const forced = await digestAt('2026-11-23T11:05:00Z')({ council: 'stow-pc', week: '2026-W46', force: true }, context);
    const everyone = digestAt('2026-11-23T11:10:00Z')({ force: true }, context);

    // Assess
    expect(again.digests.map((d) => d.status)).toEqual(['already-sent']);
    expect(forced.digests.map((d) => d.status)).toEqual(['sent']);
    await expect(everyone).rejects.toThrow('council and week are required with force');
    expect(await mailsTo()).toHaveLength(2);
    expect(await store.forCouncil(STOW.id).getDigest('2026-W46')).toMatchObject({ status: 'sent', attempts: 2 });
  });
});
