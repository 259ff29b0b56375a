// Cost, modelled from the measurement (issue #10): the monthly AWS bill of one deployment serving N
// councils, from the newest out/simulation-*.json (a 20-council simulation is run first when there is none).
//
//   npm run cost -- --councils 10000 [--simulation out/simulation-1000.json]
//
// The last line is always `cost: $X.XX per council per month at N councils ($Y.YY a month in all)`.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatNumber } from './lib/bench-report';
import { ASSUMPTIONS, costLine, monthlyBill, monthlyUsage, ratesFromSimulation, scansPerMonth, type Prices } from './lib/cost/cost-model';
import { runSimulation, type SimulationResult } from './lib/simulation/run-simulation';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { values } = parseArgs({ options: { councils: { type: 'string', default: '1000' }, simulation: { type: 'string' } } });
const councils = Number(values.councils);
if (!Number.isInteger(councils) || councils < 1) {
  console.error(`--councils must be a whole number of at least 1, got ${JSON.stringify(values.councils)}`);
  process.exit(2);
}
const root = fileURLToPath(new URL('../', import.meta.url));
const prices = JSON.parse(readFileSync(new URL('./lib/cost/prices-eu-west-2.json', import.meta.url), 'utf8')) as Prices;

const { simulation, from } = await loadSimulation(values.simulation);
const rates = ratesFromSimulation(simulation);
const bill = monthlyBill(monthlyUsage(rates, councils), prices);

const n = (x: number, digits = 0) => formatNumber(x, digits);
console.log(`Monthly AWS bill of one deployment serving ${n(councils)} councils, ${prices.region} list prices read ${prices.read}`);
console.log(`Usage from ${from} (${n(simulation.councils)} councils simulated ${simulation.generatedAt.slice(0, 16).replace('T', ' ')} UTC), scaled to ${n(councils)} councils.\n`);
const rows = bill.lines.map((l) => [l.service, l.item, quantity(l.quantity), l.unit, `$${l.unitPrice}`, `$${l.cost.toFixed(4)}`]);
printTable(['service', 'item', 'quantity', 'unit', 'unit price', 'cost'], rows);
console.log(`\nin all $${bill.total.toFixed(2)} a month; per council $${bill.perCouncil.toFixed(4)}`);
const fixed = monthlyBill(monthlyUsage(rates, 0), prices).total;
console.log(`of which the deployment's own (alarms, key, secret, idle queue polling, schedules, hourly dispatch): about $${fixed.toFixed(2)} a month whatever the number of councils`);

console.log('\nAssumptions');
for (const line of [
  `Prices: ${prices.source}`,
  'Free tiers are not applied (Lambda, DynamoDB, SQS, Scheduler and CloudWatch all have some): a small deployment pays less than shown.',
  `Scans: ${simulation.deployed.scanSchedule} (${n(scansPerMonth(simulation.deployed.scanSchedule))} a month); a week is ${n(ASSUMPTIONS.weeksPerMonth, 3)} a month; digests weekly, reports monthly, discovery weekly.`,
  `Per council: ${n(simulation.accounts / simulation.councils, 2)} accounts and ${n((simulation.postsInWeek / simulation.councils) * ASSUMPTIONS.weeksPerMonth)} new posts a month, as simulated. A scan that finds nothing costs what the steady cycle measured; each new post what the first cycle measured beyond it.`,
  `Lambda time is the handlers' wall time measured here, with each platform answer delayed ${simulation.settings.platformLatencyMs} ms and ${simulation.settings.scanConcurrency} scan invocations sharing one event loop and a loaded 2-core machine: an upper bound on Lambda's billed time. Memory and architecture are the CDK stack's.`,
  `The monthly report's time is ${simulation.phases.report.sampled > 0 ? `the mean of ${simulation.phases.report.sampled} printed here (headless Chromium)` : `assumed (${ASSUMPTIONS.reportMsWithoutSample} ms): none could be printed`}; weekly impostor discovery (a request to scan-account per council) is modelled as ${ASSUMPTIONS.discoverySearchesPerCouncil} searches at the platform latency, each a write to its host's budget; council-jobs (the hourly tick that queues due digests and reports) as dispatch's time and ${ASSUMPTIONS.councilJobsReadUnitsPerCouncilPerTick} read unit per council every hour.`,
  `DynamoDB units are DynamoDB's rounding of the items written and read (dynalite's ReturnConsumedCapacity, plus index writes and writes refused by their condition); storage is priced a year in: posts for ${simulation.deployed.retentionDays} days (the stack's RETENTION_DAYS), scan runs, findings and reports kept.`,
  `S3: each council's report (PDF and HTML) kept ${ASSUMPTIONS.monthsOfHistory} months at Standard (the bucket moves them to Infrequent Access later: less). SES: every digest counted as attachment data in full.`,
  `SQS: each scan and discovery request sent in tens, received and deleted in batches of ${simulation.settings.batchSize}; digest requests in tens, report requests one at a time; Lambda's ${ASSUMPTIONS.idleSqsPollers} long polls of the queue when it is idle are a fixed ${n(rates.perDeployment.sqsRequests)} requests a month.`,
  `CloudWatch: the bytes the handlers logged here at INFO plus ${ASSUMPTIONS.platformLogBytesPerInvocation} bytes of Lambda's own lines per invocation, kept ${simulation.deployed.logRetentionDays} days; ${simulation.deployed.resources.alarms} alarms, ${simulation.deployed.resources.kmsKeys} KMS key and ${simulation.deployed.resources.secrets} secret shared by every council. API Gateway and Cognito (the console) are not deployed yet: 0.`,
]) {
  console.log(`- ${line}`);
}
console.log(`\n${costLine(bill)}`);

function quantity(x: number): string {
  if (x === 0) return '0';
  if (x >= 100) return n(x);
  if (x >= 1) return n(x, 2);
  return x.toPrecision(3);
}

async function loadSimulation(path: string | undefined): Promise<{ simulation: SimulationResult; from: string }> {
  const out = join(root, 'out');
  const file =
    path ??
    (existsSync(out)
      ? readdirSync(out)
          .filter((f) => /^simulation-\d+\.json$/.test(f))
          .map((f) => join(out, f))
          .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]
      : undefined);
  if (file) return { simulation: JSON.parse(readFileSync(file, 'utf8')) as SimulationResult, from: file.startsWith(root) ? file.slice(root.length) : file };
  console.error('No out/simulation-*.json yet: simulating 20 councils first (npm run simulate -- --councils 20)...');
  const simulation = await runSimulation({ councils: 20, root, progress: (line) => process.stderr.write(`  ${line}\n`) });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'simulation-20.json'), `${JSON.stringify(simulation, null, 2)}\n`);
  return { simulation, from: 'out/simulation-20.json (simulated just now)' };
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const numeric = new Set([2, 4, 5]);
  const line = (cells: string[]) => cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}
