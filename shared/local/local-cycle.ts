import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Context, SQSEvent } from 'aws-lambda';
import { createHandler as createDispatchHandler } from '../../functions/scan-dispatch/create-handler';
import { createHandler as createScanHandler } from '../../functions/scan-account/create-handler';
import { createHandler as createDigestHandler } from '../../functions/weekly-digest/create-handler';
import { FileSourceConnector } from '../connectors/file/file-source';
import { oneConnectorForAll } from '../connectors/registry';
import { parseCouncilConfig, type Severity } from '../domain/config';
import { parseCouncil, parseCouncilId } from '../domain/council';
import { isoWeekOf, localDate } from '../domain/calendar';
import { sesMailer } from '../email/ses-mailer';
import { FolderReportStorage } from '../report/folder-storage';
import { storeCouncilReport } from '../report/monthly-report';
import type { RuleId } from '../domain/finding';
import type { ScanRequest, ScanQueue } from '../queue/scan-queue';
import { DEFAULT_RETENTION_DAYS } from '../runtime/environment';
import { dynamoDbStore } from '../store/dynamodb-store';
import { startDynalite, ensureTable } from './dynalite';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './local-aws';
import { LOCAL_TABLE } from './open-store';
import { startSesLocal } from './ses-local';

/** The id the example council is registered under. */
export const EXAMPLE_COUNCIL_ID = 'harbourne-tc';

export interface LocalCycleOptions {
  /** The id the council is registered under (default EXAMPLE_COUNCIL_ID). */
  councilId?: string;
  configPath: string;
  postsPath: string;
  /** Where dynalite keeps its data between runs. */
  dataDir: string;
  /** Where the digest is written. */
  outDir: string;
  digestFrom?: string;
  digestTo?: string;
  now?: () => Date;
}

export interface LocalCycleSummary {
  council: string;
  councilName: string;
  accountsScanned: number;
  captureFailures: { account: string; error: string }[];
  postsSeen: number;
  postsNew: number;
  findingsNew: number;
  /** This week's findings in the store, by rule and by severity. */
  byRule: Partial<Record<RuleId, number>>;
  bySeverity: Record<Severity, number>;
  week: string;
  digest: { status: string; html: string; text: string };
  /** This month's Full Council report for the example data. */
  report: { pdf: string; html: string };
}

/**
 * The embedded local twin of the scheduled scan, primary course:
 * 1. start dynalite (data under `dataDir`) and create the table from the same key design as the CDK stack;
 * 2. start aws-ses-v2-local;
 * 3. register the council, store its configuration and register its accounts;
 * 4. run the real handlers: dispatch (into an in-process queue), scan every account (as one SQS
 *    batch), and the weekly digest for the current week, sent through the SES API;
 * 5. store this month's Full Council report (HTML and PDF, printed by headless Chromium) in `outDir`,
 *    for the digest to link to;
 * 6. write the digest that SES received to `outDir`, and return the figures.
 */
export async function runLocalCycle(options: LocalCycleOptions): Promise<LocalCycleSummary> {
  const now = options.now ?? (() => new Date());
  const councilId = parseCouncilId(options.councilId ?? EXAMPLE_COUNCIL_ID);
  const config = parseCouncilConfig(JSON.parse(await readFile(options.configPath, 'utf8')));
  const digestTo = options.digestTo ?? config.publishedContacts.find((c) => c.includes('@')) ?? 'clerk@council.example';
  const dynamo = await startDynalite({ path: join(options.dataDir, 'dynamodb') });
  const ses = await startSesLocal();
  try {
    await ensureTable(dynamo.client, LOCAL_TABLE);
    const queued: ScanRequest[] = [];
    const queue: ScanQueue = { send: async (requests) => void queued.push(...requests) };
    const local = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
    const store = dynamoDbStore({ ...local, endpoint: dynamo.endpoint, tableName: LOCAL_TABLE, clock: now });
    const council = store.forCouncil(councilId);
    const reports = new FolderReportStorage(options.outDir);

    const registeredAt = now().toISOString();
    await store.putCouncil(parseCouncil({ id: councilId, name: config.council.name, digestTo: [digestTo], registeredAt }));
    await council.putCouncilConfig(config);
    for (const account of config.approvedAccounts) {
      if (await council.getAccount(account.platform, account.handle)) continue;
      await council.putAccount({ ...account, status: 'active', registeredAt });
    }

    await createDispatchHandler({ store, queue })({}, lambdaContext('scan-dispatch'));
    const batch: SQSEvent = { Records: queued.map((request) => sqsRecord(request)) };
    const connectors = oneConnectorForAll(new FileSourceConnector(resolve(options.postsPath)));
    const scanned = await createScanHandler({ store, connectors, retentionDays: DEFAULT_RETENTION_DAYS, clock: now })(batch, lambdaContext('scan-account'));
    if (scanned.batchItemFailures.length > 0) {
      throw new Error(`${scanned.batchItemFailures.length} account scan(s) failed; see the log above`);
    }

    // This month's Full Council report for the example data, stored where the digest can link to it.
    const month = localDate(now(), config.timezone).slice(0, 7);
    const report = await storeCouncilReport({ store: council, storage: reports, month, now: now() });

    const week = isoWeekOf(now(), config.timezone);
    const { digests } = await createDigestHandler({
      store,
      mailer: sesMailer({ ...local, endpoint: ses.endpoint }),
      from: options.digestFrom ?? 'council-audit@harbourne-tc.example',
      reports,
      clock: now,
    })({ council: councilId, week: week.id }, lambdaContext('weekly-digest'));
    const digest = digests[0]!;

    const runs = await council.listScanRuns(week.id);
    const thisCycle = runs.filter((r) => r.startedAt >= registeredAt);
    const findings = await council.listFindingsDetectedIn(week.id);
    const byRule: Partial<Record<RuleId, number>> = {};
    const bySeverity: Record<Severity, number> = { low: 0, medium: 0, high: 0 };
    for (const f of findings) {
      byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
      bySeverity[f.severity] += 1;
    }

    await mkdir(options.outDir, { recursive: true });
    const stem = join(options.outDir, `digest-${week.id}`);
    const paths = { html: `${stem}.html`, text: `${stem}.txt` };
    const mail = (await ses.readMails()).find((m) => m.subject.includes(week.id));
    if (mail) {
      await writeFile(paths.html, mail.body.html ?? '');
      await writeFile(paths.text, mail.body.text ?? '');
    }

    return {
      council: councilId,
      councilName: config.council.name,
      accountsScanned: thisCycle.length,
      captureFailures: thisCycle.filter((r) => r.outcome === 'failed').map((r) => ({ account: `${r.platform}:${r.handle}`, error: r.error ?? '' })),
      postsSeen: thisCycle.reduce((n, r) => n + r.postsFetched, 0),
      postsNew: thisCycle.reduce((n, r) => n + r.postsNew, 0),
      findingsNew: thisCycle.reduce((n, r) => n + r.findingsNew, 0),
      byRule,
      bySeverity,
      week: week.id,
      digest: { status: digest.status, ...paths },
      report: { pdf: join(options.outDir, report.record.key), html: join(options.outDir, report.record.htmlKey ?? report.record.key) },
    };
  } finally {
    await ses.stop();
    await dynamo.stop();
  }
}

function sqsRecord(request: ScanRequest): SQSEvent['Records'][number] {
  const messageId = randomUUID();
  return {
    messageId,
    receiptHandle: messageId,
    body: JSON.stringify(request),
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: String(Date.now()),
      SenderId: 'local',
      ApproximateFirstReceiveTimestamp: String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:eu-west-2:000000000000:local-scan-queue',
    awsRegion: 'eu-west-2',
  };
}

function lambdaContext(name: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `local-${name}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-2:000000000000:function:local-${name}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/local/${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 60_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
