// The monthly AWS bill of one deployment serving N councils, from what the simulation measured.
//
// Two steps, each a pure function: `ratesFromSimulation` turns the simulation's figures into usage per
// council per month plus usage per deployment per month (what does not grow with councils: the hourly
// dispatch, the schedules, the alarms, the secret, the key, the queue's idle polling); `monthlyUsage`
// scales that to N councils; `monthlyBill` prices it. Free tiers are not applied anywhere.
import type { SimulationResult } from '../simulation/run-simulation';

/** What one month of the deployment uses: the quantities each line of the bill is priced on. */
export interface MonthlyUsage {
  councils: number;
  lambda: LambdaUsage[];
  dynamoDb: { readUnits: number; writeUnits: number; storedGb: number };
  sqsRequests: number;
  ses: { messages: number; dataGb: number };
  s3: { storedGb: number; putRequests: number };
  schedulerInvocations: number;
  secretsManager: { secrets: number; apiCalls: number };
  kmsKeys: number;
  cloudWatch: { logsIngestedGb: number; logsStoredGb: number; alarms: number };
}

export interface LambdaUsage {
  name: string;
  architecture: 'arm64' | 'x86_64';
  invocations: number;
  gbSeconds: number;
  /** False for a function the cost model assumes but the stack does not deploy yet. */
  measured: boolean;
}

/** Usage that grows with councils (per council) and usage one deployment has whatever its size. */
export interface UsageRates {
  perCouncil: Omit<MonthlyUsage, 'councils'>;
  perDeployment: Omit<MonthlyUsage, 'councils'>;
}

/** The model's assumptions, each printed by `npm run cost`. */
export const ASSUMPTIONS = {
  /** 8,760 hours a year over 12 months. */
  hoursPerMonth: 730,
  /** 365 days a year over 7, over 12 months. */
  weeksPerMonth: 365 / 7 / 12,
  /** Days a month, on average. */
  daysPerMonth: 365 / 12,
  /** Lambda's own lines per invocation in JSON log format (platform.start and platform.report). */
  platformLogBytesPerInvocation: 600,
  /** Lambda polls an SQS event source with 5 long polls (20 s) at all times, even when the queue is empty. */
  idleSqsPollers: 5,
  longPollSeconds: 20,
  /** Records, findings, scan runs and reports are kept: storage is priced as it stands a year in. */
  monthsOfHistory: 12,
  /** A monthly report's time when no report could be printed here (headless Chromium missing). */
  reportMsWithoutSample: 5_000,
  /**
   * Weekly impostor discovery runs in scan-account, one request per council a week: the council's
   * name (the simulated councils have no aliases) searched on Bluesky and on mastodon.social.
   */
  discoverySearchesPerCouncil: 2,
  /** Discovery's own work per council besides waiting on the searches. */
  discoveryCpuMsPerCouncil: 20,
  /**
   * council-jobs runs every hour and reads each council's digest record once its slot has passed,
   * until the week ends: taken as every hour of the month (an upper bound), half a read unit each.
   */
  councilJobsReadUnitsPerCouncilPerTick: 0.5,
  /** Digest requests are queued and taken in tens; report requests one at a time. */
  digestBatchSize: 10,
} as const;

const GB = 1024 ** 3;

/** How many times a month the scan schedule fires: `rate(1 hour)` is 730. */
export function scansPerMonth(expression: string): number {
  const rate = /^rate\((\d+)\s+(minute|minutes|hour|hours|day|days)\)$/.exec(expression.trim());
  if (!rate) return ASSUMPTIONS.hoursPerMonth; // a cron expression: taken as hourly
  const every = Number(rate[1]);
  const unit = rate[2]!.replace(/s$/, '');
  const hours = unit === 'minute' ? every / 60 : unit === 'hour' ? every : every * 24;
  return ASSUMPTIONS.hoursPerMonth / hours;
}

const emptyUsage = (): Omit<MonthlyUsage, 'councils'> => ({
  lambda: [],
  dynamoDb: { readUnits: 0, writeUnits: 0, storedGb: 0 },
  sqsRequests: 0,
  ses: { messages: 0, dataGb: 0 },
  s3: { storedGb: 0, putRequests: 0 },
  schedulerInvocations: 0,
  secretsManager: { secrets: 0, apiCalls: 0 },
  kmsKeys: 0,
  cloudWatch: { logsIngestedGb: 0, logsStoredGb: 0, alarms: 0 },
});

/** Per-council and per-deployment monthly usage from one simulation's figures. */
export function ratesFromSimulation(sim: SimulationResult): UsageRates {
  const a = ASSUMPTIONS;
  const { phases, deployed, settings } = sim;
  const C = sim.councils;
  const S = scansPerMonth(deployed.scanSchedule);
  const W = a.weeksPerMonth;
  const B = settings.batchSize;
  const accountsPerCouncil = sim.accounts / C;
  const postsPerCouncil = (sim.postsInWeek / C) * W;
  const scansPerCouncil = S * accountsPerCouncil;
  const first = phases.scanFirst;
  const steady = phases.scanSteady;
  const perScan = (n: number) => n / Math.max(1, steady.accountsScanned);
  // What a new post costs beyond a scan that finds nothing: the first cycle less the steady one.
  const perPost = (firstValue: number, steadyValue: number) => Math.max(0, firstValue - steadyValue) / Math.max(1, first.postsFetched);
  const fn = (name: string) => deployed.functions[name] ?? { memoryMb: 128, architecture: 'arm64' as const, timeoutSeconds: 3 };
  const gbs = (name: string, ms: number) => (ms / 1000) * (fn(name).memoryMb / 1024);
  const sampled = phases.report.sampled;
  const reportMs = sampled > 0 ? phases.report.durationMs.total / sampled : a.reportMsWithoutSample;

  const perCouncil = emptyUsage();
  const perDeployment = emptyUsage();

  // Lambda: scans grow with accounts; dispatch, digest and report run once per schedule for all
  // councils, their time growing with councils.
  const scanInvocations = scansPerCouncil / B;
  const scanMs = scanInvocations * steady.durationMs.mean + postsPerCouncil * perPost(first.durationMs.total, steady.durationMs.total);
  const H = a.hoursPerMonth; // council-jobs and the discovery tick run every hour
  const discoveryMs = a.discoverySearchesPerCouncil * settings.platformLatencyMs + a.discoveryCpuMsPerCouncil;
  const scanAccount = fn('scan-account');
  perCouncil.lambda = [
    { name: 'scan-dispatch', architecture: fn('scan-dispatch').architecture, invocations: 0, gbSeconds: S * gbs('scan-dispatch', phases.dispatchSteady.durationMs.total / C), measured: true },
    { name: 'scan-account', architecture: scanAccount.architecture, invocations: scanInvocations, gbSeconds: gbs('scan-account', scanMs), measured: true },
    // Its tick is dispatch's work (a council list, a read per council): modelled on dispatch's time.
    { name: 'council-jobs', architecture: fn('council-jobs').architecture, invocations: 0, gbSeconds: H * gbs('council-jobs', phases.dispatchSteady.durationMs.total / C), measured: false },
    { name: 'weekly-digest', architecture: fn('weekly-digest').architecture, invocations: W / a.digestBatchSize, gbSeconds: W * gbs('weekly-digest', phases.digest.durationMs.total / C), measured: true },
    { name: 'monthly-report', architecture: fn('monthly-report').architecture, invocations: 1, gbSeconds: gbs('monthly-report', reportMs), measured: sampled > 0 },
    { name: 'discovery (in scan-account)', architecture: scanAccount.architecture, invocations: W / B, gbSeconds: W * gbs('scan-account', discoveryMs), measured: false },
  ];
  perDeployment.lambda = [
    // The hourly scan dispatch, and the hourly discovery tick (the councils whose hour of the week it is).
    { name: 'scan-dispatch', architecture: fn('scan-dispatch').architecture, invocations: S + H, gbSeconds: 0, measured: true },
    { name: 'council-jobs', architecture: fn('council-jobs').architecture, invocations: H, gbSeconds: 0, measured: false },
  ];

  // DynamoDB: each scan's reads and writes, each new post's, and the council's share of dispatch, digest and report.
  const reportUnits = (n: number) => (sampled > 0 ? n / sampled : 0);
  perCouncil.dynamoDb.readUnits =
    scansPerCouncil * perScan(steady.readUnits) +
    postsPerCouncil * perPost(first.readUnits, steady.readUnits) +
    (S * phases.dispatchSteady.readUnits) / C +
    (W * phases.digest.readUnits) / C +
    reportUnits(phases.report.readUnits) +
    H * a.councilJobsReadUnitsPerCouncilPerTick +
    // Discovery reads what a scan reads (the configuration and the account registry).
    W * perScan(steady.readUnits);
  perCouncil.dynamoDb.writeUnits =
    scansPerCouncil * perScan(steady.writeUnits) +
    postsPerCouncil * perPost(first.writeUnits, steady.writeUnits) +
    (W * phases.digest.writeUnits) / C +
    reportUnits(phases.report.writeUnits) +
    // Each search takes a slot from its host's budget: one write each.
    W * a.discoverySearchesPerCouncil;
  // Posts expire after the retention period; scan runs and findings are kept.
  const postBytesPerMonth = postsPerCouncil * perPost(first.storedBytes, steady.storedBytes);
  const runBytesPerMonth = scansPerCouncil * perScan(steady.storedBytes);
  const retentionMonths = Math.min(deployed.retentionDays / a.daysPerMonth, a.monthsOfHistory);
  perCouncil.dynamoDb.storedGb = (postBytesPerMonth * retentionMonths + runBytesPerMonth * a.monthsOfHistory) / GB;

  // SQS: each scan request is sent (in batches of 10), received and deleted (in batches of B).
  // So are discovery requests, weekly; digest requests are sent and taken in tens; report requests
  // are sent in tens and taken one at a time.
  perCouncil.sqsRequests = (scansPerCouncil + W) * (1 / 10 + 2 / B) + W * (3 / a.digestBatchSize) + (1 / 10 + 2);
  perDeployment.sqsRequests = deployed.resources.polledQueues * a.idleSqsPollers * (60 / a.longPollSeconds) * 60 * a.hoursPerMonth;

  perCouncil.ses = { messages: (W * phases.digest.messages) / C, dataGb: (W * phases.digest.messageBytes) / C / GB };

  const reportBytes = sampled > 0 ? phases.report.reportBytes / sampled : 0;
  perCouncil.s3 = { storedGb: (reportBytes * a.monthsOfHistory) / GB, putRequests: 2 };

  perDeployment.schedulerInvocations = S + H + H; // scans, council-jobs (digests and reports), discovery
  perDeployment.secretsManager = { secrets: deployed.resources.secrets, apiCalls: S * settings.scanConcurrency };
  perDeployment.kmsKeys = deployed.resources.kmsKeys;

  // Logs: what the handlers wrote here, plus Lambda's own lines per invocation.
  const platform = a.platformLogBytesPerInvocation;
  const scanLogPerInvocation = steady.logBytes / Math.max(1, steady.invocations) + platform;
  const councilLogBytes =
    scanInvocations * scanLogPerInvocation + (W * phases.digest.logBytes) / C + (sampled > 0 ? phases.report.logBytes / sampled : 0);
  const deploymentLogBytes = (S + H) * (phases.dispatchSteady.logBytes + platform) + H * platform;
  const logMonths = deployed.logRetentionDays / a.daysPerMonth;
  perCouncil.cloudWatch = { logsIngestedGb: councilLogBytes / GB, logsStoredGb: (councilLogBytes * logMonths) / GB, alarms: 0 };
  perDeployment.cloudWatch = { logsIngestedGb: deploymentLogBytes / GB, logsStoredGb: (deploymentLogBytes * logMonths) / GB, alarms: deployed.resources.alarms };

  return { perCouncil, perDeployment };
}

/** The usage of a deployment serving `councils` councils for a month. */
export function monthlyUsage(rates: UsageRates, councils: number): MonthlyUsage {
  const { perCouncil: c, perDeployment: d } = rates;
  const scale = (x: number, y: number) => y + councils * x;
  return {
    councils,
    // Every function either list names: the deployment's fixed share plus the councils' share.
    lambda: [...new Set([...d.lambda, ...c.lambda].map((l) => l.name))].map((name) => {
      const fixed = d.lambda.find((l) => l.name === name);
      const grows = c.lambda.find((l) => l.name === name);
      const line = (fixed ?? grows)!;
      return { ...line, invocations: scale(grows?.invocations ?? 0, fixed?.invocations ?? 0), gbSeconds: scale(grows?.gbSeconds ?? 0, fixed?.gbSeconds ?? 0) };
    }),
    dynamoDb: {
      readUnits: scale(c.dynamoDb.readUnits, d.dynamoDb.readUnits),
      writeUnits: scale(c.dynamoDb.writeUnits, d.dynamoDb.writeUnits),
      storedGb: scale(c.dynamoDb.storedGb, d.dynamoDb.storedGb),
    },
    sqsRequests: scale(c.sqsRequests, d.sqsRequests),
    ses: { messages: scale(c.ses.messages, d.ses.messages), dataGb: scale(c.ses.dataGb, d.ses.dataGb) },
    s3: { storedGb: scale(c.s3.storedGb, d.s3.storedGb), putRequests: scale(c.s3.putRequests, d.s3.putRequests) },
    schedulerInvocations: scale(c.schedulerInvocations, d.schedulerInvocations),
    secretsManager: { secrets: scale(c.secretsManager.secrets, d.secretsManager.secrets), apiCalls: scale(c.secretsManager.apiCalls, d.secretsManager.apiCalls) },
    kmsKeys: scale(c.kmsKeys, d.kmsKeys),
    cloudWatch: {
      logsIngestedGb: scale(c.cloudWatch.logsIngestedGb, d.cloudWatch.logsIngestedGb),
      logsStoredGb: scale(c.cloudWatch.logsStoredGb, d.cloudWatch.logsStoredGb),
      alarms: scale(c.cloudWatch.alarms, d.cloudWatch.alarms),
    },
  };
}

export interface Prices {
  region: string;
  read: string;
  source: string;
  lambda: { requestsPerMillion: number; gbSecond: Record<'arm64' | 'x86_64', number> };
  dynamodb: { writeRequestUnitsPerMillion: number; readRequestUnitsPerMillion: number; storageGbMonth: number };
  sqs: { requestsPerMillion: number };
  ses: { messagesPerThousand: number; attachmentGb: number };
  s3: { standardStorageGbMonth: number; putRequestsPerThousand: number };
  scheduler: { invocationsPerMillion: number };
  secretsManager: { secretMonth: number; apiCallsPerTenThousand: number };
  kms: { keyMonth: number };
  cloudwatch: { logsIngestedGb: number; logsStoredGbMonth: number; standardAlarmMonth: number };
  apiGateway: { httpRequestsPerMillion: number };
  cognito: { monthlyActiveUser: number };
}

export interface BillLine {
  service: string;
  item: string;
  quantity: number;
  unit: string;
  /** Dollars per `unit`. */
  unitPrice: number;
  cost: number;
}

export interface Bill {
  councils: number;
  lines: BillLine[];
  total: number;
  perCouncil: number;
}

/** Prices a month's usage, line by line. */
export function monthlyBill(usage: MonthlyUsage, prices: Prices): Bill {
  const lines: BillLine[] = [];
  const line = (service: string, item: string, quantity: number, unit: string, unitPrice: number) =>
    lines.push({ service, item, quantity, unit, unitPrice, cost: quantity * unitPrice });

  const invocations = usage.lambda.reduce((n, l) => n + l.invocations, 0);
  line('Lambda', 'requests (all functions)', invocations / 1e6, 'million requests', prices.lambda.requestsPerMillion);
  for (const l of usage.lambda) {
    line('Lambda', `${l.name} duration (${l.architecture})${l.measured ? '' : ', modelled'}`, l.gbSeconds, 'GB-s', prices.lambda.gbSecond[l.architecture]);
  }
  line('DynamoDB', 'read request units (on demand)', usage.dynamoDb.readUnits / 1e6, 'million RRU', prices.dynamodb.readRequestUnitsPerMillion);
  line('DynamoDB', 'write request units (on demand)', usage.dynamoDb.writeUnits / 1e6, 'million WRU', prices.dynamodb.writeRequestUnitsPerMillion);
  line('DynamoDB', 'storage (table and indexes)', usage.dynamoDb.storedGb, 'GB-month', prices.dynamodb.storageGbMonth);
  line('SQS', 'requests (send, receive, delete, idle polling)', usage.sqsRequests / 1e6, 'million requests', prices.sqs.requestsPerMillion);
  line('SES', 'digest emails', usage.ses.messages / 1e3, 'thousand emails', prices.ses.messagesPerThousand);
  line('SES', 'digest data (HTML, text, inline chart)', usage.ses.dataGb, 'GB', prices.ses.attachmentGb);
  line('S3', 'report storage (Standard)', usage.s3.storedGb, 'GB-month', prices.s3.standardStorageGbMonth);
  line('S3', 'report PUT requests', usage.s3.putRequests / 1e3, 'thousand requests', prices.s3.putRequestsPerThousand);
  line('EventBridge Scheduler', 'schedule invocations', usage.schedulerInvocations / 1e6, 'million invocations', prices.scheduler.invocationsPerMillion);
  line('Secrets Manager', 'secrets', usage.secretsManager.secrets, 'secret-month', prices.secretsManager.secretMonth);
  line('Secrets Manager', 'API calls', usage.secretsManager.apiCalls / 1e4, '10,000 calls', prices.secretsManager.apiCallsPerTenThousand);
  line('KMS', 'customer managed keys', usage.kmsKeys, 'key-month', prices.kms.keyMonth);
  line('CloudWatch', 'log ingestion', usage.cloudWatch.logsIngestedGb, 'GB', prices.cloudwatch.logsIngestedGb);
  line('CloudWatch', 'log storage', usage.cloudWatch.logsStoredGb, 'GB-month', prices.cloudwatch.logsStoredGbMonth);
  line('CloudWatch', 'alarms (standard resolution)', usage.cloudWatch.alarms, 'alarm-month', prices.cloudwatch.standardAlarmMonth);
  line('API Gateway', 'console requests (not deployed yet)', 0, 'million requests', prices.apiGateway.httpRequestsPerMillion);
  line('Cognito', 'console users (not deployed yet)', 0, 'monthly active user', prices.cognito.monthlyActiveUser);

  const total = lines.reduce((n, l) => n + l.cost, 0);
  return { councils: usage.councils, lines, total, perCouncil: total / usage.councils };
}

/** The last line `npm run cost` prints. */
export function costLine(bill: Pick<Bill, 'councils' | 'total' | 'perCouncil'>): string {
  return `cost: $${bill.perCouncil.toFixed(2)} per council per month at ${bill.councils} councils ($${bill.total.toFixed(2)} a month in all)`;
}
