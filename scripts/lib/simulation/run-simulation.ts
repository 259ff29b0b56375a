// The simulation, primary course:
// 1. read each function's memory (and the fixed resources) from the CDK app;
// 2. start dynalite in child processes (whole councils in each, one process a core), the table from the stack's key
//    design, the store on a client metered for capacity units; the platform replay servers; SES local;
// 3. register N councils with their configuration and accounts, through the store;
// 4. run the real handlers: dispatch → in-process queue → scan-account in SQS batches of 5, five
//    invocations at a time (each its own handler, as each Lambda instance is); then the same cycle again
//    (nothing new: the steady state of 730 hourly scans a month); the weekly digest for every council;
//    the monthly report for a sample of councils (headless Chromium takes seconds each);
// 5. return what each phase cost: wall time, invocations and their durations, capacity units, writes per
//    partition, platform requests, log bytes, messages and report bytes.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SQSEvent } from 'aws-lambda';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createHandler as createDispatchHandler } from '../../../functions/scan-dispatch/create-handler';
import { createHandler as createScanHandler, HOST_WAIT_MS } from '../../../functions/scan-account/create-handler';
import { createHandler as createDigestHandler } from '../../../functions/weekly-digest/create-handler';
import { createHandler as createReportHandler } from '../../../functions/monthly-report/create-handler';
import { pushCouncilConfig } from '../../../shared/configuration/push-config';
import { ledgerHostBudget } from '../../../shared/connectors/http/host-budget';
import { platformRegistry } from '../../../shared/connectors/platforms';
import { isoWeekOf } from '../../../shared/domain/calendar';
import { parseCouncil } from '../../../shared/domain/council';
import { sesMailer } from '../../../shared/email/ses-mailer';
import { lambdaContext, sqsRecord } from '../../../shared/local/in-process-lambda';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../shared/local/local-aws';
import type { ScanQueue, ScanRequest } from '../../../shared/queue/scan-queue';
import { FolderReportStorage } from '../../../shared/report/folder-storage';
import { DEFAULT_RETENTION_DAYS } from '../../../shared/runtime/environment';
import { logger } from '../../../shared/runtime/logger';
import { DynamoDbHostLedger } from '../../../shared/store/dynamodb-host-budget';
import { DynamoDbAuditStore } from '../../../shared/store/dynamodb-store';
import { mapConcurrently } from '../../../shared/tenancy/each-council';
import { readDeployedStack, type DeployedStack } from './deployed-stack';
import { startDynaliteShards } from './dynalite-shards';
import { hottestPartition, meterDynamoDb, newPhase } from './dynamodb-meter';
import { generateFleet, type ScannedPlatform, type SimCouncil } from './fleet';
import { startPlatformReplay } from './platform-replay';

export interface SimulationOptions {
  councils: number;
  /** The repository root (for the CDK app and the example configuration). */
  root: string;
  /** Each platform answer waits this long: a platform API's round trip from eu-west-2. */
  platformLatencyMs?: number;
  /** Records per scan-account invocation (the stack's SQS batchSize). */
  batchSize?: number;
  /** scan-account invocations at once (the stack's maxConcurrency). */
  scanConcurrency?: number;
  /** dynalite processes, each holding whole councils (default 2, one a core). */
  dynaliteProcesses?: number;
  /** Councils whose monthly report is printed (Chromium); 0 for none. */
  reportSample?: number;
  seed?: number;
  /** Progress lines (not counted as log bytes). */
  progress?: (line: string) => void;
  /** Read once by the caller when several simulations run (tests). */
  deployed?: DeployedStack;
}

export interface PhaseFigures {
  wallSeconds: number;
  invocations: number;
  /** Wall-clock milliseconds of each invocation, as its handler took them here. */
  durationMs: { total: number; mean: number; max: number };
  readUnits: number;
  writeUnits: number;
  indexWriteUnits: number;
  /** Bytes of the items this phase's puts stored (index copies and per-item overhead included). */
  storedBytes: number;
  /** Write units by kind of item (sort key prefix), index copies and failed conditions apart. */
  writesByKind: Record<string, number>;
  dynamoRequests: Record<string, number>;
  hottestPartition: { partition: string; writeUnits: number; share: number; partitions: number };
  /** Bytes the handlers logged (Powertools JSON lines), before Lambda's own lines. */
  logBytes: number;
  platformRequests: number;
}

export interface ScanPhaseFigures extends PhaseFigures {
  accountsScanned: number;
  captureFailures: number;
  postsFetched: number;
  postsNew: number;
  findingsNew: number;
  /** SQS messages queued by dispatch (one per account). */
  messages: number;
}

export interface SimulationResult {
  generatedAt: string;
  councils: number;
  accounts: number;
  accountsByPlatform: Partial<Record<ScannedPlatform, number>>;
  postsInWeek: number;
  settings: { platformLatencyMs: number; batchSize: number; scanConcurrency: number; seed: number; logLevel: string; dynaliteProcesses: number };
  machine: { node: string; cpus: number };
  deployed: DeployedStack;
  totalWallSeconds: number;
  phases: {
    register: PhaseFigures;
    dispatchFirst: PhaseFigures;
    scanFirst: ScanPhaseFigures;
    dispatchSteady: PhaseFigures;
    scanSteady: ScanPhaseFigures;
    digest: PhaseFigures & { messages: number; messageBytes: number };
    report: PhaseFigures & { sampled: number; reportBytes: number; error?: string };
  };
}

const SIM_TOKEN = 'simulated-token-not-a-secret-0000';

export async function runSimulation(options: SimulationOptions): Promise<SimulationResult> {
  const started = Date.now();
  const progress = options.progress ?? (() => {});
  const latencyMs = options.platformLatencyMs ?? 100;
  const batchSize = options.batchSize ?? 5;
  const scanConcurrency = options.scanConcurrency ?? 5;
  const seed = options.seed ?? 20261207;
  const deployed = options.deployed ?? (await readDeployedStack(options.root));
  const now = new Date();
  // The deployed functions log at INFO (cdk.json logLevel): the log bytes and the scan outcomes come from
  // those lines. Powertools sets its level again from POWERTOOLS_LOG_LEVEL at every invocation.
  const logLevel = logger.getLevelName();
  if (logLevel !== 'INFO') throw new Error(`the simulation needs the handlers to log at INFO, as deployed: POWERTOOLS_LOG_LEVEL is ${logLevel}`);

  const dynalite = await startDynaliteShards(options.root, options.dynaliteProcesses ?? 2);
  const replay = await startPlatformReplay({ latencyMs });
  const ses = await startCountingSes();
  const reportDir = mkdtempSync(join(tmpdir(), 'council-audit-simulation-'));
  const logs = captureStdout();
  try {
    const clientAt = (port: number) => new DynamoDBClient({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: `http://127.0.0.1:${port}`, maxAttempts: 10 });
    const tableName = 'council-audit-simulation';
    const raw = clientAt(dynalite.ports[0]!);
    await dynalite.route(raw, tableName, clientAt);
    const meter = meterDynamoDb(raw);
    const client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
    const store = new DynamoDbAuditStore({ client, tableName });

    const fleet = generateFleet({ councils: options.councils, now, seed, rssBaseUrl: replay.baseUrls.rss });
    const accounts = fleet.flatMap((c) => c.accounts);
    replay.serve(accounts);
    const example = JSON.parse(readFileSync(join(options.root, 'examples/harbourne-tc/council.config.json'), 'utf8')) as Record<string, unknown>;

    const phase = async <T>(name: string, run: (time: <R>(work: () => Promise<R>) => Promise<R>) => Promise<T>): Promise<{ figures: PhaseFigures; value: T }> => {
      meter.phase = name;
      const platformBefore = sumRequests(replay.requests);
      const logBefore = logs.bytes;
      const durations: number[] = [];
      const time = async <R>(work: () => Promise<R>): Promise<R> => {
        const t = performance.now();
        try {
          return await work();
        } finally {
          durations.push(performance.now() - t);
        }
      };
      const t0 = performance.now();
      const value = await run(time);
      const wallSeconds = (performance.now() - t0) / 1000;
      const units = meter.phases.get(name) ?? newPhase();
      const total = durations.reduce((a, b) => a + b, 0);
      const figures: PhaseFigures = {
        wallSeconds,
        invocations: durations.length,
        durationMs: { total, mean: durations.length ? total / durations.length : 0, max: durations.length ? Math.max(...durations) : 0 },
        readUnits: units.readUnits,
        writeUnits: units.writeUnits,
        indexWriteUnits: units.indexWriteUnits,
        storedBytes: units.storedBytes,
        writesByKind: units.writesByKind,
        dynamoRequests: units.requests,
        hottestPartition: hottestPartition(units),
        logBytes: logs.bytes - logBefore,
        platformRequests: sumRequests(replay.requests) - platformBefore,
      };
      progress(`${name}: ${wallSeconds.toFixed(1)} s`);
      return { figures, value };
    };

    // 3. Councils, configurations and accounts, as an operator would store them.
    const register = await phase('register', async () => {
      await mapConcurrently(fleet, 8, async (council) => registerCouncil(store, council, example, replay.baseUrls, now));
    });

    // 4. Two scan cycles: the first reads a week of posts, the second finds nothing new.
    // Every scan takes its requests from the hosts' budget in the table, as deployed (its writes are metered).
    const hostBudget = ledgerHostBudget(new DynamoDbHostLedger({ client, tableName }), { maxWaitMs: HOST_WAIT_MS });
    const connectors = platformRegistry({ token: async () => SIM_TOKEN, allowLoopback: true, hostBudget });
    const scanCycle = async (label: string) => {
      const queued: ScanRequest[] = [];
      const queue: ScanQueue = { send: async (requests) => void queued.push(...requests) };
      const dispatch = await phase(`dispatch-${label}`, async (time) => {
        const handler = createDispatchHandler({ store, queue });
        await time(() => handler({}, lambdaContext('scan-dispatch', 'simulation', sized(deployed, 'scan-dispatch'))));
      });
      const batches: ScanRequest[][] = [];
      for (let i = 0; i < queued.length; i += batchSize) batches.push(queued.slice(i, i + batchSize));
      const scanned = await phase(`scan-${label}`, async (time) => {
        // One handler per Lambda instance: an instance serves one invocation at a time.
        const instances = Array.from({ length: scanConcurrency }, () => createScanHandler({ store, connectors, retentionDays: DEFAULT_RETENTION_DAYS }));
        let next = 0;
        let failures = 0;
        await Promise.all(
          instances.map(async (handler) => {
            while (next < batches.length) {
              const batch = batches[next++]!;
              const event: SQSEvent = { Records: batch.map((request) => sqsRecord(request, 'simulation')) };
              const result = await time(() => handler(event, lambdaContext('scan-account', 'simulation', sized(deployed, 'scan-account'))));
              failures += result.batchItemFailures.length;
            }
          }),
        );
        if (failures > 0) throw new Error(`${failures} scan request(s) failed in the ${label} cycle: see the log`);
      });
      const runs = logs.lines().filter((line) => line.message === 'account scanned');
      const sum = (field: string) => runs.reduce((n, line) => n + Number(line[field] ?? 0), 0);
      const scan: ScanPhaseFigures = {
        ...scanned.figures,
        accountsScanned: runs.length,
        captureFailures: runs.filter((line) => line.outcome !== 'ok').length,
        postsFetched: sum('postsFetched'),
        postsNew: sum('postsNew'),
        findingsNew: sum('findingsNew'),
        messages: queued.length,
      };
      logs.forget();
      return { dispatch: dispatch.figures, scan };
    };
    const first = await scanCycle('first');
    const steady = await scanCycle('steady');

    // The weekly digest of this week, as deployed: council-jobs queues one message per council, and the
    // digest function takes them in batches of ten (DIGEST_BATCH_SIZE in the stack).
    const mailer = sesMailer({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: ses.endpoint });
    const digest = await phase('digest', async (time) => {
      const handler = createDigestHandler({ store, mailer, from: 'council-audit@simulation.example' });
      const week = isoWeekOf(now, 'Europe/London').id;
      for (let i = 0; i < fleet.length; i += 10) {
        const event: SQSEvent = { Records: fleet.slice(i, i + 10).map((council) => sqsRecord({ council: council.id, week }, 'simulation')) };
        const result = await time(() => handler(event, lambdaContext('weekly-digest', 'simulation', sized(deployed, 'weekly-digest'))));
        const failed = result && 'batchItemFailures' in result ? (result.batchItemFailures?.length ?? 0) : 0;
        if (failed > 0) throw new Error(`${failed} digest(s) failed: see the log`);
      }
    });
    logs.forget();

    // The monthly report for a sample (Chromium): one invocation per council, so its time is per council.
    const sample = fleet.slice(0, Math.min(options.reportSample ?? 3, fleet.length));
    let reportError: string | undefined;
    const report = await phase('report', async (time) => {
      const handler = createReportHandler({ store, reports: new FolderReportStorage(reportDir) });
      for (const council of sample) {
        try {
          await time(() => handler({ council: council.id, month: now.toISOString().slice(0, 7) }, lambdaContext('monthly-report', 'simulation', sized(deployed, 'monthly-report'))));
        } catch (error) {
          reportError = error instanceof Error ? error.message : String(error);
          break;
        }
      }
    });
    const reportBytes = reportError ? 0 : folderBytes(reportDir);

    const byPlatform: Partial<Record<ScannedPlatform, number>> = {};
    for (const account of accounts) byPlatform[account.platform] = (byPlatform[account.platform] ?? 0) + 1;
    return {
      generatedAt: now.toISOString(),
      councils: fleet.length,
      accounts: accounts.length,
      accountsByPlatform: byPlatform,
      postsInWeek: accounts.reduce((n, a) => n + a.posts.length, 0),
      settings: { platformLatencyMs: latencyMs, batchSize, scanConcurrency, seed, logLevel, dynaliteProcesses: dynalite.ports.length },
      machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
      deployed,
      totalWallSeconds: (Date.now() - started) / 1000,
      phases: {
        register: register.figures,
        dispatchFirst: first.dispatch,
        scanFirst: first.scan,
        dispatchSteady: steady.dispatch,
        scanSteady: steady.scan,
        digest: { ...digest.figures, messages: ses.messages, messageBytes: ses.bytes },
        report: { ...report.figures, sampled: reportError ? 0 : sample.length, reportBytes, ...(reportError ? { error: reportError } : {}) },
      },
    };
  } finally {
    logs.restore();
    rmSync(reportDir, { recursive: true, force: true });
    await ses.stop();
    await replay.close();
    await dynalite.stop();
  }
}

async function registerCouncil(
  store: DynamoDbAuditStore,
  council: SimCouncil,
  example: Record<string, unknown>,
  baseUrls: Record<ScannedPlatform, string>,
  now: Date,
): Promise<void> {
  const registeredAt = now.toISOString();
  // A feed's handle is its URL; every other platform's API is on its replay server.
  const approvedAccounts = council.accounts.map((a) => ({
    platform: a.platform,
    handle: a.handle,
    ...(a.platform === 'rss' ? {} : { baseUrl: baseUrls[a.platform] }),
    approvedBy: 'Town Clerk',
    approvedOn: '2026-01-05',
  }));
  await store.putCouncil(parseCouncil({ id: council.id, name: council.name, digestTo: [`clerk@${council.domain}`], registeredAt }));
  // As an operator would: `config push`, which registers and approves the accounts in the registry.
  await pushCouncilConfig(
    store,
    council.id,
    {
      ...example,
      council: { name: council.name, aliases: [], domains: [council.domain] },
      approvedAccounts,
      publishedContacts: ['01632 960001', `clerk@${council.domain}`],
      councillors: [],
      attributionExempt: [council.name],
    },
    { by: 'simulation', clock: () => now },
  );
}

/**
 * A stand-in for the SES v2 API that counts what it is sent (SendEmail requests and their bytes: the
 * raw MIME message, base64 in JSON, when the digest has its inline chart) and answers with a message id.
 * The real SES mailer sends to it; nothing is parsed or kept, so the machine's time goes to the handlers.
 */
async function startCountingSes(): Promise<{ endpoint: string; messages: number; bytes: number; stop(): Promise<void> }> {
  const counts = { messages: 0, bytes: 0 };
  const server = createServer((req, res) => {
    let size = 0;
    req.on('data', (chunk: Buffer) => (size += chunk.length));
    req.on('end', () => {
      if (req.method === 'POST' && req.url?.startsWith('/v2/email/outbound-emails')) {
        counts.messages += 1;
        counts.bytes += size;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ MessageId: `simulation-${counts.messages}` }));
      } else {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"not found"}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get messages() {
      return counts.messages;
    },
    get bytes() {
      return counts.bytes;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The handlers' log lines (Powertools writes JSON to standard output), counted and kept off the screen. */
function captureStdout() {
  const write = process.stdout.write.bind(process.stdout);
  let bytes = 0;
  let kept: string[] = [];
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    bytes += Buffer.byteLength(text);
    kept.push(text);
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  }) as typeof process.stdout.write;
  return {
    get bytes() {
      return bytes;
    },
    /** The JSON lines logged since the last forget(). */
    lines(): Record<string, unknown>[] {
      return kept
        .join('')
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as Record<string, unknown>];
          } catch {
            return [];
          }
        });
    },
    forget() {
      kept = [];
    },
    restore() {
      process.stdout.write = write;
    },
  };
}

function folderBytes(dir: string): number {
  let total = 0;
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) walk(full);
      else total += statSync(full).size;
    }
  };
  walk(dir);
  return total;
}

const sumRequests = (requests: Record<string, number>) => Object.values(requests).reduce((a, b) => a + b, 0);

/** A function's deployed memory and timeout, for its in-process context (128 MB, 60 s if unknown). */
function sized(deployed: DeployedStack, name: string): { memoryMb: number; timeoutSeconds: number } {
  return { memoryMb: deployed.functions[name]?.memoryMb ?? 128, timeoutSeconds: deployed.functions[name]?.timeoutSeconds ?? 60 };
}
