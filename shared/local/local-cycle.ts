import { constants } from 'node:fs';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { SQSEvent } from 'aws-lambda';
import { createHandler as createDispatchHandler } from '../../functions/scan-dispatch/create-handler';
import { createHandler as createScanHandler } from '../../functions/scan-account/create-handler';
import { createHandler as createDigestHandler } from '../../functions/weekly-digest/create-handler';
import { FileSourceConnector } from '../connectors/file/file-source';
import { reconcileAccount } from '../evidence/reconcile';
import { oneConnectorForAll } from '../connectors/registry';
import type { CouncilConfig, Severity } from '../domain/config';
import { CouncilAuditError } from '../domain/errors';
import { readConfigJson } from '../domain/load-config';
import { pushCouncilConfig, validatePush } from '../configuration/push-config';
import { parseCouncil, parseCouncilId, type CouncilId } from '../domain/council';
import { addDays, isoWeekOf, localDate } from '../domain/calendar';
import { sesMailer } from '../email/ses-mailer';
import { FolderReportStorage } from '../report/folder-storage';
import { deliverCouncilReport } from '../report/report-email';
import type { RuleId } from '../domain/finding';
import type { ScanRequest, ScanQueue } from '../queue/scan-queue';
import { DEFAULT_RETENTION_DAYS } from '../runtime/environment';
import { dynamoDbStore } from '../store/dynamodb-store';
import { startDynalite, ensureTable } from './dynalite';
import { lambdaContext, sqsRecord } from './in-process-lambda';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './local-aws';
import { LOCAL_TABLE } from './open-store';
import { startSesLocal } from './ses-local';

/** The example councils `npm start` runs: a town council, and a parish council configured differently. */
export const EXAMPLE_COUNCILS: readonly LocalCouncil[] = [
  { id: 'harbourne-tc', configPath: 'examples/harbourne-tc/council.config.json', postsPath: 'examples/harbourne-tc/posts.jsonl' },
  { id: 'little-stowbury-pc', configPath: 'examples/little-stowbury-pc/council.config.json', postsPath: 'examples/little-stowbury-pc/posts.jsonl' },
];

/** One council of a local cycle: its id, its configuration file and the posts its accounts "publish". */
export interface LocalCouncil {
  id: string;
  configPath: string;
  /** JSON Lines of posts in the canonical shape (see examples/); each account reads its own from here. */
  postsPath: string;
  /** Who receives its digest; default the first email address among its published contacts. */
  digestTo?: string;
}

export interface LocalCycleOptions {
  councils: readonly LocalCouncil[];
  /** Where dynalite keeps its data between runs. */
  dataDir: string;
  /** Where each council's digest is written (under `<outDir>/<council id>/`) and the reports stored. */
  outDir: string;
  digestFrom?: string;
  now?: () => Date;
}

export interface CouncilCycleSummary {
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
  /** What reconciliation noticed: posts gone from the file, edits, findings that resolved themselves. */
  reconciled: { deleted: number; edited: number; resolved: string[] };
  week: string;
  digest: { status: string; to: string[]; html: string; text: string };
  /** This month's Full Council report for the council. */
  report: { pdf: string; html: string };
  /**
   * The report's email to the council's report recipients: `sent` (and written to out/<council>/ with
   * its attachment as received), `already-sent` by an earlier run this month, or `no-recipients`.
   */
  reportEmail: { status: 'sent' | 'already-sent' | 'no-recipients'; to: string[]; html?: string; text?: string; attachment?: string };
}

/** How far back the local twin reconciles: its posts file is the whole of each account, dated up to months back. */
const LOCAL_RECONCILE_DAYS = 3660;

/** Who the local twin's configuration pushes are recorded as made by. */
const PUSHED_BY = 'npm start (the local twin)';

/** A local cycle's councils are refused before anything runs: a bad file or id named, nothing stored. */
export class LocalCycleError extends CouncilAuditError {}

/**
 * The embedded local twin of the scheduled scan, primary course:
 * 1. read and validate every council's configuration (a refused one is named, and nothing runs);
 * 2. start dynalite (data under `dataDir`) and create the table from the same key design as the CDK
 *    stack, and start aws-ses-v2-local;
 * 3. register each council, store its configuration and register its accounts;
 * 4. run the real handlers: dispatch (into an in-process queue), scan every account of each council (as
 *    one SQS batch per council, each council's posts read from its own file), reconcile each account
 *    with its file (a post no longer in it is deleted), and each council's weekly digest for the
 *    current week, sent through the SES API to its own recipients;
 * 5. store each council's report for this month (HTML, and PDF printed by headless Chromium) in
 *    `outDir`, for its digest to link to, and email it to the council's report recipients through the
 *    SES API (once a month, as on the 1st in AWS);
 * 6. write each digest SES received to `outDir/<council id>/`, and return each council's figures.
 */
export async function runLocalCycle(options: LocalCycleOptions): Promise<CouncilCycleSummary[]> {
  const now = options.now ?? (() => new Date());
  const councils = await readCouncils(options.councils, now);
  const dynamo = await startDynalite({ path: join(options.dataDir, 'dynamodb') });
  const ses = await startSesLocal();
  try {
    await ensureTable(dynamo.client, LOCAL_TABLE);
    const queued: ScanRequest[] = [];
    const queue: ScanQueue = { send: async (requests) => void queued.push(...requests) };
    const local = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
    const store = dynamoDbStore({ ...local, endpoint: dynamo.endpoint, tableName: LOCAL_TABLE, clock: now });
    const reports = new FolderReportStorage(options.outDir);
    const registeredAt = now().toISOString();

    for (const { id, config, input, configPath, digestTo } of councils) {
      await store.putCouncil(parseCouncil({ id, name: config.council.name, digestTo: [digestTo], registeredAt }));
      // As an operator would: the configuration's next version, its accounts registered and approved
      // in the account registry (a second run finds it unchanged and writes nothing).
      await pushCouncilConfig(store, id, input, { by: PUSHED_BY, clock: now, source: configPath });
    }

    // Dispatch serves every council in the store: one previewed earlier is queued too, but only this
    // run's councils have posts to read, so only their requests are scanned.
    await createDispatchHandler({ store, queue })({}, lambdaContext('scan-dispatch', 'local'));
    const mailer = sesMailer({ ...local, endpoint: ses.endpoint });
    const from = options.digestFrom ?? 'council-audit@council-audit.example';
    const digestHandler = createDigestHandler({
      store,
      mailer,
      from,
      reports,
      clock: now,
    });

    const summaries: CouncilCycleSummary[] = [];
    for (const { id, config, postsPath, digestTo, shiftDays } of councils) {
      const council = store.forCouncil(id);
      const batch: SQSEvent = { Records: queued.filter((r) => r.councilId === id).map((request) => sqsRecord(request, 'local')) };
      const connectors = oneConnectorForAll(new FileSourceConnector(resolve(postsPath), { shiftDays }));
      const scanned = await createScanHandler({ store, connectors, retentionDays: DEFAULT_RETENTION_DAYS, clock: now })(batch, lambdaContext('scan-account', 'local'));
      if (scanned.batchItemFailures.length > 0) {
        throw new LocalCycleError(`${scanned.batchItemFailures.length} account scan(s) of ${id} failed; see the log above`);
      }
      // Reconciliation, as the daily schedule runs it: each account's posts listed again (here the
      // whole file, which has no platform's window), so a post taken out of the file since the last
      // run is noticed deleted and its findings resolve themselves.
      const reconciled = { deleted: 0, edited: 0, resolved: [] as string[] };
      for (const account of await council.listAccounts()) {
        if (account.status === 'paused') continue;
        const result = await reconcileAccount({ store: council, connectors, retentionDays: DEFAULT_RETENTION_DAYS, clock: now, windowDays: () => LOCAL_RECONCILE_DAYS }, account);
        reconciled.deleted += result.deleted.length;
        reconciled.edited += result.edited.length;
        reconciled.resolved.push(...result.resolved);
      }

      // This month's Full Council report, stored where the digest can link to it.
      const month = localDate(now(), config.timezone).slice(0, 7);
      const { report, email } = await deliverCouncilReport({ store: council, storage: reports, month, now: now(), mail: { mailer, from } });

      const week = isoWeekOf(now(), config.timezone);
      const { digests } = await digestHandler({ council: id, week: week.id }, lambdaContext('weekly-digest', 'local'));
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

      const folder = join(options.outDir, id);
      await mkdir(folder, { recursive: true });
      const stem = join(folder, `digest-${week.id}`);
      const paths = { html: `${stem}.html`, text: `${stem}.txt` };
      const mail = (await ses.readMails()).find((m) => m.subject.includes(week.id) && m.destination.to.includes(digestTo));
      if (mail) {
        await writeFile(paths.html, mail.body.html ?? '');
        await writeFile(paths.text, mail.body.text ?? '');
      }

      const reportEmail: CouncilCycleSummary['reportEmail'] = { status: email?.status ?? 'no-recipients', to: [...config.reportRecipients] };
      const sentReport = email?.status === 'sent' ? (await ses.readMails()).find((m) => m.messageId === email.messageId) : undefined;
      if (sentReport) {
        const reportStem = join(folder, `report-email-${month}`);
        await writeFile((reportEmail.html = `${reportStem}.html`), sentReport.body.html ?? '');
        await writeFile((reportEmail.text = `${reportStem}.txt`), sentReport.body.text ?? '');
        const pdf = sentReport.attachments.find((a) => a.contentType === 'application/pdf');
        if (pdf) await writeFile((reportEmail.attachment = `${reportStem}.pdf`), Buffer.from(pdf.content, 'base64'));
      }

      summaries.push({
        council: id,
        councilName: config.council.name,
        accountsScanned: thisCycle.length,
        captureFailures: thisCycle.filter((r) => r.outcome === 'failed').map((r) => ({ account: `${r.platform}:${r.handle}`, error: r.error ?? '' })),
        postsSeen: thisCycle.reduce((n, r) => n + r.postsFetched, 0),
        postsNew: thisCycle.reduce((n, r) => n + r.postsNew, 0),
        findingsNew: thisCycle.reduce((n, r) => n + r.findingsNew, 0),
        byRule,
        bySeverity,
        week: week.id,
        reconciled,
        digest: { status: digest.status, to: [digestTo], ...paths },
        report: { pdf: join(options.outDir, report.record.key), html: join(options.outDir, report.record.htmlKey ?? report.record.key) },
        reportEmail,
      });
    }
    return summaries;
  } finally {
    await ses.stop();
    await dynamo.stop();
  }
}

interface ReadCouncil {
  id: CouncilId;
  config: CouncilConfig;
  /** The configuration as read, for the push. */
  input: unknown;
  configPath: string;
  postsPath: string;
  digestTo: string;
  /** Whole days the example posts (and the elections) are moved by, so that the newest post is today's. */
  shiftDays: number;
}

/**
 * The example posts carry fixed dates; the local twin moves them by whole days so that the newest is
 * today (yesterday when its time of day has not come yet: never a post from the future), the others
 * keeping their spacing. `npm start` then always shows this week's posts in this week's digest.
 */
export function demoShiftDays(createdAt: readonly string[], now: Date): number {
  const newest = Math.max(...createdAt.map((c) => Date.parse(c)).filter((t) => !Number.isNaN(t)));
  if (!Number.isFinite(newest)) return 0;
  const days = Math.round((Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - Date.parse(new Date(newest).toISOString().slice(0, 10))) / 86_400_000);
  return newest + days * 86_400_000 > now.getTime() ? days - 1 : days;
}

/**
 * The configuration with its elections moved as its posts are, so that a post published in a
 * pre-election period still is: the examples' political-content findings stay what they were.
 */
export function shiftElections(input: unknown, days: number): unknown {
  if (days === 0 || typeof input !== 'object' || input === null || !Array.isArray((input as { elections?: unknown }).elections)) return input;
  const elections = (input as { elections: unknown[] }).elections.map((e) => {
    if (typeof e !== 'object' || e === null) return e;
    const election = { ...(e as Record<string, unknown>) };
    for (const field of ['pollingDay', 'preElectionStart']) {
      const value = election[field];
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) election[field] = addDays(value, days);
    }
    return election;
  });
  return { ...input, elections };
}

async function createdAtOf(postsPath: string): Promise<string[]> {
  const text = await readFile(postsPath, 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      try {
        const createdAt = (JSON.parse(line) as { createdAt?: unknown }).createdAt;
        return typeof createdAt === 'string' ? [createdAt] : [];
      } catch {
        return []; // the file source names the bad line when it reads it
      }
    });
}

/** Every council's id, configuration and posts file checked before the first write. */
async function readCouncils(councils: readonly LocalCouncil[], now: () => Date): Promise<ReadCouncil[]> {
  if (councils.length === 0) throw new LocalCycleError('no councils to run');
  const seen = new Set<string>();
  const read: ReadCouncil[] = [];
  for (const council of councils) {
    const id = parseCouncilId(council.id);
    if (seen.has(id)) throw new LocalCycleError(`council ${id} is named twice`);
    seen.add(id);
    try {
      await access(council.postsPath, constants.R_OK);
    } catch (error) {
      throw new LocalCycleError(`cannot read the posts of council ${id}: ${council.postsPath} (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
    }
    const shiftDays = demoShiftDays(await createdAtOf(council.postsPath), now());
    const input = shiftElections(await readConfigJson(council.configPath), shiftDays);
    const { config } = validatePush(input, PUSHED_BY, now, council.configPath);
    const digestTo = council.digestTo ?? config.publishedContacts.find((c) => c.includes('@')) ?? `clerk@${id}.example`;
    read.push({ id, config, input, configPath: council.configPath, postsPath: council.postsPath, digestTo, shiftDays });
  }
  return read;
}
