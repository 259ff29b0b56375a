import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SQSEvent } from 'aws-lambda';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler as createCouncilJobs } from '../../functions/council-jobs/create-handler';
import { createHandler as createMonthlyReport } from '../../functions/monthly-report/create-handler';
import { sesMailer } from '../../shared/email/ses-mailer';
import { ensureTable, startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { lambdaContext, sqsRecord } from '../../shared/local/in-process-lambda';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../shared/local/local-aws';
import { startSesLocal, type SesLocal } from '../../shared/local/ses-local';
import type { JobQueue, ReportRequest } from '../../shared/queue/council-jobs';
import { FolderReportStorage } from '../../shared/report/folder-storage';
import { dynamoDbStore, type DynamoDbAuditStore } from '../../shared/store/dynamodb-store';
import { storedFinding } from '../digest/digest-fixtures';
import { testConfig } from '../support/fixtures';
import { HARBOURNE } from '../support/scan-fixtures';

const RECIPIENTS = ['chair@harbourne-tc.example', 'cllr.moreton@harbourne-tc.example', 'clerk@harbourne-tc.example'];
const FROM = 'council-audit@audit-host.example';
const CONSOLE = 'https://audit.harbourne-tc.example';
/** 1 December 2026, 07:00 in London (UTC in winter): the report on November is due. */
const FIRST_OF_DECEMBER = '2026-12-01T07:00:00Z';

/** What pdfjs reads from a PDF: its page count and the text of every page. */
async function readPdf(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const document = await getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false }).promise;
  try {
    const texts: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const content = await (await document.getPage(n)).getTextContent();
      texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    }
    return { pages: document.numPages, text: texts.join('\n') };
  } finally {
    await document.destroy();
  }
}

describe('councillors receive the report: the tick on the 1st, the report queue, the monthly-report function, SES', { timeout: 240_000 }, () => {
  let dynamo: LocalDynamoDb;
  let ses: SesLocal;
  let store: DynamoDbAuditStore;
  let folder: string;

  beforeAll(async () => {
    [dynamo, ses] = await Promise.all([startDynalite(), startSesLocal()]);
    await ses.clear();
    await ensureTable(dynamo.client, 'report-email');
    store = dynamoDbStore({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: dynamo.endpoint, tableName: 'report-email' });
    folder = await mkdtemp(join(tmpdir(), 'council-audit-report-email-'));
    // Harbourne, listing three report recipients, with three findings in November 2026 (one resolved).
    await store.putCouncil(HARBOURNE);
    const council = store.forCouncil(HARBOURNE.id);
    await council.putCouncilConfig(testConfig({ reportRecipients: RECIPIENTS }));
    for (const finding of [
      storedFinding({ id: 'nov-10', detectedAt: '2026-11-10T09:00:00Z', detectedWeek: '2026-W46', postedAt: '2026-11-10T08:00:00Z' }),
      storedFinding({ id: 'nov-18', severity: 'medium', rule: 'risky-link', detectedAt: '2026-11-18T09:00:00Z', detectedWeek: '2026-W47', postedAt: '2026-11-18T08:00:00Z' }),
      storedFinding({ id: 'nov-25', severity: 'low', rule: 'copyright-attribution', status: 'resolved', detectedAt: '2026-11-25T09:00:00Z', detectedWeek: '2026-W48', postedAt: '2026-11-25T08:00:00Z' }),
    ]) {
      await council.putFinding(finding);
    }
  });

  afterAll(async () => {
    await Promise.all([dynamo?.stop(), ses?.stop()]);
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  const reportFunction = () =>
    createMonthlyReport({
      store,
      reports: new FolderReportStorage(folder),
      mail: { mailer: sesMailer({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: ses.endpoint }), from: FROM, consoleUrl: CONSOLE },
      clock: () => new Date('2026-12-01T07:05:00Z'),
    });

  it("emails November's report on 1 December to the council's report recipients: the PDF attached (at most 3 A4 pages) and the reports page linked; a redelivered request sends nothing more", async () => {
    // Prepare: the tick on the 1st queues the month just ended.
    const queued: ReportRequest[] = [];
    const reports: JobQueue<ReportRequest> = { send: async (requests) => void queued.push(...requests) };
    await createCouncilJobs({ store, digests: { send: async () => undefined }, reports, clock: () => new Date(FIRST_OF_DECEMBER) })({}, lambdaContext('council-jobs', 'test'));
    expect(queued).toEqual([{ council: HARBOURNE.id, month: '2026-11' }]);
    const event: SQSEvent = { Records: queued.map((request) => sqsRecord(request, 'test')) };

    // Act: the report queue delivers the request, then delivers it again (at-least-once).
    const first = await reportFunction()(event, lambdaContext('monthly-report', 'test'));
    const again = await reportFunction()(event, lambdaContext('monthly-report', 'test'));

    // Assess: one email, to the recipients the configuration lists
    expect(first.batchItemFailures).toEqual([]);
    expect(first.reports).toMatchObject([{ council: HARBOURNE.id, month: '2026-11', email: 'sent' }]);
    expect(again).toMatchObject({ reports: [], batchItemFailures: [] });
    const mails = await ses.readMails();
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.messageId).toBe(first.reports[0]!.messageId);
    expect(mail.from).toBe(FROM);
    expect([...mail.destination.to].sort()).toEqual([...RECIPIENTS].sort());
    expect(mail.subject).toBe('Harbourne Town Council: social media compliance report for November 2026');

    // the report attached, as a PDF a councillor can print: November's, at most 3 A4 pages
    const pdfs = mail.attachments.filter((a) => a.contentType === 'application/pdf');
    expect(pdfs.map((a) => [a.filename, a.contentDisposition])).toEqual([['council-audit-report-2026-11.pdf', 'attachment']]);
    const pdf = await readPdf(new Uint8Array(Buffer.from(pdfs[0]!.content, 'base64')));
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    expect(pdf.pages).toBeLessThanOrEqual(3);
    expect(pdf.text).toContain('Harbourne Town Council');
    expect(pdf.text).toContain('November 2026');

    // and the console's reports page, which does not expire, in both parts
    const reportsPage = `${CONSOLE}/councils/${HARBOURNE.id}/reports`;
    expect(mail.body.text).toContain(reportsPage);
    expect(mail.body.html).toContain(`href="${reportsPage}"`);
    expect(mail.body.text).toContain('does not expire');
    expect(mail.body.text).toMatch(/3 findings \(1 high, 1 medium, 1 low\)/);
    expect(await store.forCouncil(HARBOURNE.id).getReportEmail('2026-11')).toMatchObject({ status: 'sent', messageId: mail.messageId, attempts: 1 });
  });

  it('does not email the month again when an operator remakes it by invoking the function directly', async () => {
    // Act
    const remade = await reportFunction()({ council: HARBOURNE.id, month: '2026-11' }, lambdaContext('monthly-report', 'test'));

    // Assess: the report is made again; its email is the one already sent
    expect(remade.reports).toMatchObject([{ council: HARBOURNE.id, month: '2026-11', email: 'already-sent' }]);
    expect(await ses.readMails()).toHaveLength(1);
  });
});
