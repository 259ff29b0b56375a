import { describe, expect, it } from 'vitest';
import { costLine, monthlyBill, monthlyUsage, ratesFromSimulation, scansPerMonth, type MonthlyUsage, type Prices, type UsageRates } from '../../scripts/lib/cost/cost-model';
import type { PhaseFigures, SimulationResult } from '../../scripts/lib/simulation/run-simulation';

const WEEKS = 365 / 7 / 12;

/** Round prices, so that every expected figure below can be worked out on paper. */
const PRICES: Prices = {
  region: 'eu-west-2',
  read: '2026-12-07',
  source: 'test prices',
  lambda: { requestsPerMillion: 0.2, gbSecond: { arm64: 0.00001, x86_64: 0.00002 } },
  dynamodb: { writeRequestUnitsPerMillion: 1, readRequestUnitsPerMillion: 0.1, storageGbMonth: 0.3 },
  sqs: { requestsPerMillion: 0.4 },
  ses: { messagesPerThousand: 0.1, attachmentGb: 0.12 },
  s3: { standardStorageGbMonth: 0.02, putRequestsPerThousand: 0.005 },
  scheduler: { invocationsPerMillion: 1 },
  secretsManager: { secretMonth: 0.4, apiCallsPerTenThousand: 0.05 },
  kms: { keyMonth: 1 },
  cloudwatch: { logsIngestedGb: 0.5, logsStoredGbMonth: 0.03, standardAlarmMonth: 0.1 },
  apiGateway: { httpRequestsPerMillion: 1 },
  cognito: { monthlyActiveUser: 0.01 },
};

function phase(fields: Partial<PhaseFigures> & { total?: number; mean?: number }): PhaseFigures {
  return {
    wallSeconds: 1,
    invocations: 1,
    durationMs: { total: fields.total ?? 0, mean: fields.mean ?? 0, max: fields.mean ?? 0 },
    readUnits: 0,
    writeUnits: 0,
    indexWriteUnits: 0,
    storedBytes: 0,
    writesByKind: {},
    dynamoRequests: {},
    hottestPartition: { partition: '', writeUnits: 0, share: 0, partitions: 0 },
    logBytes: 0,
    platformRequests: 0,
    ...fields,
  };
}

const scanCounts = { captureFailures: 0, postsNew: 0, findingsNew: 0, messages: 30 };

/** Ten councils, three accounts each, 70 posts a week per council; each figure a round number. */
const SIMULATION: SimulationResult = {
  generatedAt: '2026-12-07T01:00:00.000Z',
  councils: 10,
  accounts: 30,
  accountsByPlatform: { facebook: 10, rss: 10, x: 10 },
  postsInWeek: 700,
  settings: { platformLatencyMs: 100, batchSize: 5, scanConcurrency: 5, seed: 1, logLevel: 'INFO', dynaliteProcesses: 2 },
  machine: { node: 'v20', cpus: 2 },
  deployed: {
    functions: {
      'scan-dispatch': { memoryMb: 256, architecture: 'arm64', timeoutSeconds: 300 },
      'scan-account': { memoryMb: 512, architecture: 'arm64', timeoutSeconds: 120 },
      'weekly-digest': { memoryMb: 1024, architecture: 'arm64', timeoutSeconds: 300 },
      'monthly-report': { memoryMb: 2048, architecture: 'x86_64', timeoutSeconds: 120 },
    },
    resources: { alarms: 6, schedules: 3, kmsKeys: 1, secrets: 1, queues: 3, polledQueues: 1, logGroups: 4 },
    scanSchedule: 'rate(1 hour)',
    retentionDays: 400,
    logRetentionDays: 90,
  },
  totalWallSeconds: 10,
  phases: {
    register: phase({}),
    dispatchFirst: phase({ total: 100, mean: 100, readUnits: 5 }),
    // The first cycle: the steady cycle's cost plus, per post, 10 ms, 4 write units and 2,000 bytes.
    scanFirst: { ...phase({ invocations: 6, total: 10_000, mean: 10_000 / 6, readUnits: 60, writeUnits: 90 + 700 * 4, storedBytes: 30_000 + 700 * 2_000 }), ...scanCounts, accountsScanned: 30, postsFetched: 700 },
    dispatchSteady: phase({ total: 100, mean: 100, readUnits: 5, logBytes: 400 }),
    // Per account scan: 2 read units, 3 write units, 1,000 bytes; 500 ms per invocation of 5 scans.
    scanSteady: { ...phase({ invocations: 6, total: 3_000, mean: 500, readUnits: 60, writeUnits: 90, storedBytes: 30_000, logBytes: 2_400 }), ...scanCounts, accountsScanned: 30, postsFetched: 0 },
    digest: { ...phase({ total: 1_000, mean: 1_000, readUnits: 50, writeUnits: 20, logBytes: 1_000 }), messages: 10, messageBytes: 500_000 },
    report: { ...phase({ invocations: 2, total: 4_000, mean: 2_000, readUnits: 10, writeUnits: 4, logBytes: 200 }), sampled: 2, reportBytes: 600_000 },
  },
};

describe('scansPerMonth', () => {
  it('counts 730 hourly scans, twice that half-hourly, and a thirtieth of a month daily', () => {
    expect(scansPerMonth('rate(1 hour)')).toBe(730);
    expect(scansPerMonth('rate(30 minutes)')).toBe(1460);
    expect(scansPerMonth('rate(2 hours)')).toBe(365);
    expect(scansPerMonth('rate(1 day)')).toBeCloseTo(730 / 24, 9);
  });
});

describe('ratesFromSimulation', () => {
  const { perCouncil, perDeployment } = ratesFromSimulation(SIMULATION);
  const scans = 730 * 3; // hourly, three accounts
  const posts = 70 * WEEKS;

  it('prices a council scan by the steady cycle and each new post by what the first cycle spent beyond it', () => {
    const scan = perCouncil.lambda.find((l) => l.name === 'scan-account')!;
    expect(scan.invocations).toBeCloseTo(scans / 5, 9);
    // 438 invocations of 500 ms, and 10 ms per post, at 0.5 GB.
    expect(scan.gbSeconds).toBeCloseTo(((scans / 5) * 500 + posts * 10) / 1000 * 0.5, 6);
    // ...plus weekly discovery: two searches (a host-budget write each) and a scan's 2 read units; and
    // council-jobs' half a read unit every hour.
    expect(perCouncil.dynamoDb.writeUnits).toBeCloseTo(scans * 3 + posts * 4 + (WEEKS * 20) / 10 + 4 / 2 + WEEKS * 2, 6);
    expect(perCouncil.dynamoDb.readUnits).toBeCloseTo(scans * 2 + (730 * 5) / 10 + (WEEKS * 50) / 10 + 10 / 2 + WEEKS * 2 + 730 * 0.5, 6);
  });

  it('shares the hourly dispatch, the weekly digest and the monthly report out by council', () => {
    const gbs = (name: string) => perCouncil.lambda.find((l) => l.name === name)!.gbSeconds;
    expect(gbs('scan-dispatch')).toBeCloseTo(730 * (100 / 10 / 1000) * 0.25, 9);
    expect(gbs('weekly-digest')).toBeCloseTo(WEEKS * (1000 / 10 / 1000) * 1, 9);
    expect(gbs('monthly-report')).toBeCloseTo((2000 / 1000) * 2, 9);
    // The hourly scan dispatch and the hourly discovery tick; council-jobs every hour.
    expect(perDeployment.lambda.find((l) => l.name === 'scan-dispatch')!.invocations).toBe(730 + 730);
    expect(perDeployment.lambda.find((l) => l.name === 'council-jobs')!.invocations).toBe(730);
    // A digest is a tenth of an invocation (batches of ten); a report is one.
    expect(perCouncil.lambda.find((l) => l.name === 'weekly-digest')!.invocations).toBeCloseTo(WEEKS / 10, 9);
    expect(perCouncil.lambda.find((l) => l.name === 'monthly-report')!.invocations).toBe(1);
    // Discovery: 2 searches of 100 ms and 20 ms of work, weekly, at scan-account's 0.5 GB.
    expect(gbs('discovery (in scan-account)')).toBeCloseTo(WEEKS * 0.22 * 0.5, 9);
  });

  it('keeps posts for the retention period and scan runs for the year of history', () => {
    const GB = 1024 ** 3;
    const postBytesPerMonth = posts * 2000;
    const runBytesPerMonth = scans * 1000;
    expect(perCouncil.dynamoDb.storedGb).toBeCloseTo((postBytesPerMonth * 12 + runBytesPerMonth * 12) / GB, 9);
    expect(perCouncil.s3.storedGb).toBeCloseTo((300_000 * 12) / GB, 12);
  });

  it('counts each scan request sent in tens and received and deleted in fives, and the idle polling once', () => {
    // Scan and discovery requests in tens and fives; digests sent and taken in tens; a report sent in tens, taken alone.
    expect(perCouncil.sqsRequests).toBeCloseTo((scans + WEEKS) * (1 / 10 + 2 / 5) + WEEKS * (3 / 10) + (1 / 10 + 2), 9);
    expect(perDeployment.sqsRequests).toBe(5 * 3 * 60 * 730);
    expect(perCouncil.ses.messages).toBeCloseTo(WEEKS, 9);
    expect(perDeployment.cloudWatch.alarms).toBe(6);
    expect(perDeployment.secretsManager.secrets).toBe(1);
  });
});

describe('monthlyUsage', () => {
  it("adds the councils' usage to the deployment's own", () => {
    const rates = ratesFromSimulation(SIMULATION);
    const usage = monthlyUsage(rates, 4);
    expect(usage.councils).toBe(4);
    expect(usage.sqsRequests).toBeCloseTo(657_000 + 4 * rates.perCouncil.sqsRequests, 6);
    expect(usage.lambda.find((l) => l.name === 'scan-dispatch')!.invocations).toBe(1460);
    expect(usage.lambda.find((l) => l.name === 'scan-account')!.invocations).toBeCloseTo(4 * 438, 9);
    expect(usage.cloudWatch.alarms).toBe(6);
  });
});

describe('monthlyBill', () => {
  const none: Omit<MonthlyUsage, 'councils' | 'lambda'> = {
    dynamoDb: { readUnits: 0, writeUnits: 0, storedGb: 0 },
    sqsRequests: 0,
    ses: { messages: 0, dataGb: 0 },
    s3: { storedGb: 0, putRequests: 0 },
    schedulerInvocations: 0,
    secretsManager: { secrets: 0, apiCalls: 0 },
    kmsKeys: 0,
    cloudWatch: { logsIngestedGb: 0, logsStoredGb: 0, alarms: 0 },
  };

  it('prices each line at its unit price and divides the total among the councils', () => {
    const usage: MonthlyUsage = {
      ...none,
      councils: 50,
      lambda: [
        { name: 'scan-account', architecture: 'arm64', invocations: 2_000_000, gbSeconds: 100_000, measured: true },
        { name: 'monthly-report', architecture: 'x86_64', invocations: 0, gbSeconds: 10_000, measured: true },
      ],
      dynamoDb: { readUnits: 10_000_000, writeUnits: 3_000_000, storedGb: 10 },
      sqsRequests: 5_000_000,
      secretsManager: { secrets: 1, apiCalls: 20_000 },
      kmsKeys: 1,
      cloudWatch: { logsIngestedGb: 2, logsStoredGb: 0, alarms: 6 },
    };
    // Lambda 0.40 + 1.00 + 0.20; DynamoDB 1.00 + 3.00 + 3.00; SQS 2.00; secret 0.40 + 0.10; key 1.00; logs 1.00; alarms 0.60.
    const expected = 0.4 + 1 + 0.2 + 1 + 3 + 3 + 2 + 0.4 + 0.1 + 1 + 1 + 0.6;
    const bill = monthlyBill(usage, PRICES);
    expect(bill.total).toBeCloseTo(expected, 9);
    expect(bill.perCouncil).toBeCloseTo(expected / 50, 9);
    expect(bill.lines.find((l) => l.item.startsWith('write request units'))!.cost).toBeCloseTo(3, 9);
    expect(bill.lines.find((l) => l.item.startsWith('monthly-report'))!.cost).toBeCloseTo(0.2, 9);
  });

  it('leaves the console (API Gateway, Cognito) at nothing until it is deployed', () => {
    const bill = monthlyBill({ ...none, councils: 1, lambda: [] } satisfies MonthlyUsage, PRICES);
    expect(bill.lines.filter((l) => l.service === 'API Gateway' || l.service === 'Cognito').map((l) => l.cost)).toEqual([0, 0]);
    expect(bill.total).toBe(0);
  });

  it('meets the targets with the model on these figures: under $5 for one council, under $0.10 each at 10,000', () => {
    const rates: UsageRates = ratesFromSimulation(SIMULATION);
    expect(monthlyBill(monthlyUsage(rates, 1), PRICES).total).toBeLessThan(5);
    expect(monthlyBill(monthlyUsage(rates, 10_000), PRICES).perCouncil).toBeLessThan(0.1);
  });
});

describe('costLine', () => {
  it('is the exact last line the issue asks for, in dollars and cents', () => {
    expect(costLine({ councils: 10000, total: 192.386, perCouncil: 0.0192386 })).toBe('cost: $0.02 per council per month at 10000 councils ($192.39 a month in all)');
    expect(costLine({ councils: 1, total: 2.3, perCouncil: 2.3 })).toBe('cost: $2.30 per council per month at 1 councils ($2.30 a month in all)');
  });

  it('matches the shape `cost: $X.XX per council per month at N councils ($Y.YY a month in all)`', () => {
    const bill = monthlyBill(monthlyUsage(ratesFromSimulation(SIMULATION), 100), PRICES);
    expect(costLine(bill)).toMatch(/^cost: \$\d+\.\d{2} per council per month at 100 councils \(\$\d+\.\d{2} a month in all\)$/);
  });
});
