import { FullBatchFailureError } from '@aws-lambda-powertools/batch';
import { SendEmailCommand, SESv2Client, TooManyRequestsException } from '@aws-sdk/client-sesv2';
import type { SQSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandler, reportMailOf } from '../../functions/monthly-report/create-handler';
import { SesMailer } from '../../shared/email/ses-mailer';
import { lambdaContext, sqsRecord } from '../../shared/local/in-process-lambda';
import type { ReportStorage } from '../../shared/report/report-storage';
import { logger } from '../../shared/runtime/logger';
import { testConfig } from '../support/fixtures';
import { MemoryAuditStore } from '../support/memory-store';
import { HARBOURNE } from '../support/scan-fixtures';

// Printing is tested with Chromium in test/report; here SES fails, and the claim is what is tested.
vi.mock('../../shared/report/render-pdf', () => ({ renderReportPdf: async () => new TextEncoder().encode('%PDF-1.7\n%%EOF\n') }));

const ses = mockClient(SESv2Client);
afterEach(() => {
  ses.reset();
  vi.restoreAllMocks();
});

const RECIPIENTS = ['chair@harbourne-tc.example', 'clerk@harbourne-tc.example'];
const storage: ReportStorage = { put: async () => undefined, linkTo: async (key) => `https://reports.example/${key}` };
const throttled = () => new TooManyRequestsException({ message: 'Too many requests', $metadata: {} });

async function councilStore(recipients: string[]): Promise<MemoryAuditStore> {
  const store = new MemoryAuditStore();
  await store.putCouncil(HARBOURNE);
  await store.forCouncil(HARBOURNE.id).putCouncilConfig(testConfig({ reportRecipients: recipients }));
  return store;
}

function reportFunction(store: MemoryAuditStore) {
  return createHandler({
    store,
    reports: storage,
    mail: { mailer: new SesMailer(new SESv2Client({ region: 'eu-west-2', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } })), from: 'council-audit@audit-host.example' },
    clock: () => new Date('2026-12-01T07:05:00Z'),
  });
}

const november = (): SQSEvent => ({ Records: [sqsRecord({ council: HARBOURNE.id, month: '2026-11' }, 'test')] });

describe('the monthly report email when SES fails', () => {
  it('releases the claim when SES throttles, so the queue retry sends it once, and a later redelivery sends nothing', async () => {
    // Prepare: SES throttles the first send and accepts the next
    const store = await councilStore(RECIPIENTS);
    ses.on(SendEmailCommand).rejectsOnce(throttled()).resolves({ MessageId: 'ses-report-0001' });
    vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const event = november();

    // Act: the first delivery, SQS's retry of the failed record, and a stray redelivery
    // (a batch whose every record failed fails the invocation: SQS then delivers it again)
    const failed = await reportFunction(store)(event, lambdaContext('monthly-report', 'test')).catch((error: unknown) => error);
    const afterFailure = await store.forCouncil(HARBOURNE.id).getReportEmail('2026-11');
    const retried = await reportFunction(store)(event, lambdaContext('monthly-report', 'test'));
    const redelivered = await reportFunction(store)(event, lambdaContext('monthly-report', 'test'));

    // Assess: the failed record goes back to SQS, its claim released (failed, not sending)
    expect(failed).toBeInstanceOf(FullBatchFailureError);
    expect(afterFailure).toMatchObject({ status: 'failed', attempts: 1, error: expect.stringContaining('TooManyRequestsException') });
    // the report itself was stored before the email failed
    expect((await store.forCouncil(HARBOURNE.id).latestReport())?.month).toBe('2026-11');
    // the retry sends it
    expect(retried).toMatchObject({ batchItemFailures: [], reports: [{ month: '2026-11', email: 'sent', messageId: 'ses-report-0001' }] });
    expect(await store.forCouncil(HARBOURNE.id).getReportEmail('2026-11')).toMatchObject({ status: 'sent', attempts: 2, messageId: 'ses-report-0001' });
    // and nothing after: two attempts in all, one of them accepted
    expect(redelivered).toEqual({ reports: [], batchItemFailures: [] });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(2);
    const input = ses.commandCalls(SendEmailCommand)[1]!.args[0].input;
    expect(input.Destination?.ToAddresses).toEqual(RECIPIENTS);
    expect(input.Content?.Raw?.Data).toBeDefined();
  });

  it('stores the report and sends nothing when the configuration lists no report recipients', async () => {
    const store = await councilStore([]);

    const result = await reportFunction(store)(november(), lambdaContext('monthly-report', 'test'));

    expect(result).toMatchObject({ batchItemFailures: [], reports: [{ month: '2026-11', email: 'no-recipients' }] });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
    expect(await store.forCouncil(HARBOURNE.id).getReportEmail('2026-11')).toBeUndefined();
  });

  it('sends nothing when a claim taken by another delivery is still within its lease', async () => {
    // Prepare: another instance claimed November's email a minute ago and is sending it
    const store = await councilStore(RECIPIENTS);
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-report-0002' });
    await reportFunction(store)({ council: HARBOURNE.id, month: '2026-11' }, lambdaContext('monthly-report', 'test'));
    await store.forCouncil(HARBOURNE.id).claimReportEmail('2026-12', '2027-01-01T07:04:00Z');

    // Act: the queue delivers December's request while that claim holds
    const result = await createHandler({
      store,
      reports: storage,
      mail: { mailer: new SesMailer(new SESv2Client({ region: 'eu-west-2', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } })), from: 'council-audit@audit-host.example' },
      clock: () => new Date('2027-01-01T07:05:00Z'),
    })({ Records: [sqsRecord({ council: HARBOURNE.id, month: '2026-12' }, 'test')] }, lambdaContext('monthly-report', 'test'));

    // Assess: December is stored, its email left to the instance that claimed it
    expect(result.reports).toMatchObject([{ month: '2026-12', email: 'already-sent' }]);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
  });

  it('mails only when the deployment names a sender, and links the console when it has one', () => {
    const mailer = () => new SesMailer(new SESv2Client({ region: 'eu-west-2' }));
    expect(reportMailOf({}, mailer)).toBeUndefined();
    expect(reportMailOf({ DIGEST_FROM: 'council-audit@audit-host.example' }, mailer)).toEqual({ mailer: expect.any(SesMailer), from: 'council-audit@audit-host.example' });
    expect(reportMailOf({ DIGEST_FROM: 'council-audit@audit-host.example', CONSOLE_URL: 'https://audit.example' }, mailer)).toMatchObject({ consoleUrl: 'https://audit.example' });
  });
});
