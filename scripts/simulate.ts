// Scale, measured (issue #10): the real handlers over N simulated councils on the local twin.
//
//   npm run simulate -- --councils 1000 [--latency-ms 100] [--report-sample 3] [--seed 20261207]
//
// Prints each phase's figures and writes them all to out/simulation-<N>.json, which `npm run cost` reads.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { monthlyUsage, ratesFromSimulation, scansPerMonth } from './lib/cost/cost-model';
import { COUNCIL_SHARDS } from '../shared/store/keys';
import { formatNumber } from './lib/bench-report';
import { runSimulation, type PhaseFigures, type SimulationResult } from './lib/simulation/run-simulation';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { values } = parseArgs({
  options: {
    councils: { type: 'string', default: '100' },
    'latency-ms': { type: 'string', default: '100' },
    'report-sample': { type: 'string', default: '3' },
    seed: { type: 'string', default: '20261207' },
  },
});
const whole = (name: string, value: string, min: number) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be a whole number of at least ${min}, got ${JSON.stringify(value)}`);
    process.exit(2);
  }
  return n;
};
const councils = whole('councils', values.councils, 1);
const root = fileURLToPath(new URL('../', import.meta.url));

const result = await runSimulation({
  councils,
  root,
  platformLatencyMs: whole('latency-ms', values['latency-ms'], 0),
  reportSample: whole('report-sample', values['report-sample'], 0),
  seed: whole('seed', values.seed, 0),
  progress: (line) => process.stderr.write(`  ${line}\n`),
});
mkdirSync(join(root, 'out'), { recursive: true });
const file = join(root, 'out', `simulation-${councils}.json`);
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
printReport(result);
console.log(`\nfigures written to ${file.slice(root.length)}`);

function printReport(r: SimulationResult): void {
  const p = r.phases;
  const n = (x: number, digits = 0) => formatNumber(x, digits);
  console.log(
    `council-audit simulation: ${n(r.councils)} councils, ${n(r.accounts)} accounts (${Object.entries(r.accountsByPlatform)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}), ${n(r.postsInWeek)} posts in the week`,
  );
  console.log(
    `Node ${r.machine.node}, ${r.machine.cpus} CPUs; platform answers after ${r.settings.platformLatencyMs} ms; SQS batches of ${r.settings.batchSize}, ${r.settings.scanConcurrency} scan invocations at once; dynalite in ${r.settings.dynaliteProcesses} child processes (whole councils in each); the SES mailer sending to a counting SES endpoint`,
  );
  console.log(`\nwall time ${n(r.totalWallSeconds, 1)} s in all\n`);
  const rows: [string, PhaseFigures, string][] = [
    ['register councils', p.register, `${n(r.councils)} councils, their configuration and accounts`],
    ['dispatch, first cycle', p.dispatchFirst, `${n(p.scanFirst.messages)} scan requests queued`],
    ['scan, first cycle', p.scanFirst, `${n(p.scanFirst.postsFetched)} posts fetched, ${n(p.scanFirst.postsNew)} new, ${n(p.scanFirst.findingsNew)} findings, ${p.scanFirst.captureFailures} capture failures`],
    ['dispatch, steady', p.dispatchSteady, `${n(p.scanSteady.messages)} scan requests queued`],
    ['scan, steady (nothing new)', p.scanSteady, `${n(p.scanSteady.postsFetched)} posts fetched, ${p.scanSteady.captureFailures} capture failures`],
    ['weekly digest, all councils', p.digest, `${n(p.digest.messages)} emails, ${n(p.digest.messageBytes / Math.max(1, p.digest.messages) / 1024, 1)} KiB each`],
    [
      `monthly report, sample of ${p.report.sampled}`,
      p.report,
      p.report.error ? `not printed: ${p.report.error}` : `${n(p.report.reportBytes / Math.max(1, p.report.sampled) / 1024)} KiB stored per council (PDF and HTML)`,
    ],
  ];
  const header = ['phase', 'wall s', 'invocations', 'mean ms', 'RCU', 'WCU', 'platform req', 'log KiB', 'notes'];
  const table = rows.map(([name, f, note]) => [
    name,
    n(f.wallSeconds, 1),
    n(f.invocations),
    n(f.durationMs.mean),
    n(f.readUnits, 1),
    n(f.writeUnits),
    n(f.platformRequests),
    n(f.logBytes / 1024, 1),
    note,
  ]);
  printTable(header, table);

  const perScan = (f: PhaseFigures & { accountsScanned: number }) => ({
    reads: f.readUnits / Math.max(1, f.accountsScanned),
    writes: f.writeUnits / Math.max(1, f.accountsScanned),
    requests: f.platformRequests / Math.max(1, f.accountsScanned),
  });
  const first = perScan(p.scanFirst);
  const steady = perScan(p.scanSteady);
  console.log('\nPer account scan');
  printTable(
    ['', 'RCU', 'WCU', 'platform requests', 'posts'],
    [
      ['first scan (a week of posts)', n(first.reads, 2), n(first.writes, 2), n(first.requests, 2), n(p.scanFirst.postsFetched / Math.max(1, p.scanFirst.accountsScanned), 1)],
      ['steady state (nothing new)', n(steady.reads, 2), n(steady.writes, 2), n(steady.requests, 2), '0'],
    ],
  );
  console.log(
    `posts per second, first cycle: ${n(p.scanFirst.postsFetched / p.scanFirst.wallSeconds, 1)} (fetched, stored and checked; ${n(p.scanFirst.accountsScanned / p.scanFirst.wallSeconds, 1)} accounts/s); steady cycle ${n(p.scanSteady.accountsScanned / p.scanSteady.wallSeconds, 1)} accounts/s`,
  );

  console.log('\nWrites per partition (table pk, or index:pk), hottest partition');
  printTable(
    ['phase', 'partitions written', 'hottest', 'its WCU', 'its share'],
    (
      [
        ['scan, first cycle', p.scanFirst],
        ['scan, steady', p.scanSteady],
        ['weekly digest', p.digest],
        ['register councils', p.register],
      ] as const
    ).map(([name, f]) => [name, n(f.hottestPartition.partitions), f.hottestPartition.partition, n(f.hottestPartition.writeUnits), `${n(f.hottestPartition.share * 100, 2)} %`]),
  );

  console.log(
    `A council's even share of a phase's writes is 1/${n(r.councils)} = ${n(100 / r.councils, 2)} %; no council partition holds more than one council's items, and the councils list (registration only) is spread over ${COUNCIL_SHARDS} shards. ` +
      "A HOST# partition is a platform host's request budget, which every scan of that host shares by design: it is written once per request to the host, so its rate is capped by the host's own limit (at most 10 a second, the Bluesky AppView's), far below the 1,000 writes a second one partition takes.",
  );

  const S = scansPerMonth(r.deployed.scanSchedule);
  const MODELLED: Record<string, string> = {
    'discovery (in scan-account)': 'modelled: searches at the platform latency',
    'council-jobs': "modelled on dispatch's time",
  };
  const usage = monthlyUsage(ratesFromSimulation(r), r.councils);
  console.log(`\nLambda per council per month at ${n(r.councils)} councils (${r.deployed.scanSchedule}: ${n(S)} scans a month; memory from the CDK stack)`);
  printTable(
    ['function', 'memory MB', 'invocations', 'GB-seconds', ''],
    usage.lambda.map((l) => [
      l.name,
      n(r.deployed.functions[l.name === 'discovery (in scan-account)' ? 'scan-account' : l.name]?.memoryMb ?? 256),
      small(l.invocations / r.councils),
      small(l.gbSeconds / r.councils),
      l.measured ? '' : MODELLED[l.name] ?? 'not measured: no report printed',
    ]),
  );
  const total = usage.lambda.reduce((acc, l) => ({ inv: acc.inv + l.invocations, gbs: acc.gbs + l.gbSeconds }), { inv: 0, gbs: 0 });
  console.log(`in all: ${n(total.inv / r.councils, 2)} invocations and ${n(total.gbs / r.councils, 3)} GB-seconds per council per month`);
  console.log(
    `DynamoDB per council per month: ${n(usage.dynamoDb.readUnits / r.councils)} RCU, ${n(usage.dynamoDb.writeUnits / r.councils)} WCU, ${n((usage.dynamoDb.storedGb / r.councils) * 1024, 2)} MiB stored a year in`,
  );
  if (p.report.sampled > 0 && p.report.sampled < r.councils) {
    console.log(
      `The monthly report was printed for ${p.report.sampled} of ${n(r.councils)} councils (headless Chromium, ${n(p.report.durationMs.mean)} ms each): the other councils' report time is extrapolated from them.`,
    );
  }
}

/** Two decimals, or two significant figures below 1 (a weekly invocation shared by 1,000 councils). */
function small(x: number): string {
  return x >= 1 || x === 0 ? formatNumber(x, 2) : x.toPrecision(2);
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}
