// One benchmark for "Lean and fast" (issue #9): each figure on its own line, with its unit and target.
//
//   npm run bench -- [--only engine,check,help,bundles,big-post,feed,console] [--posts 100000]
//                    [--big-post-mb 1,2,4,10] [--feed-items 50000]
//
// `--only per-rule` gives each rule's throughput alone. The whole bench, child processes included, is
// pinned to one core with taskset where the machine has it, so every figure is a one-core figure.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { scanFeed, type FeedScan } from '../shared/connectors/feeds/feed-scan';
import { websiteEntryToPost } from '../shared/connectors/feeds/to-post';
import { parseCouncilConfig } from '../shared/domain/config';
import type { Post } from '../shared/domain/post';
import { DETECTORS } from '../shared/detectors/index';
import { DetectionEngine, type EngineOptions } from '../shared/scanning/run-detectors';
import { formatNumber, median, printFigure, printHeading, runProcess, timed, timedAsync, type ProcessRun } from './lib/bench-report';
import { generatePosts, phoneNumberText } from './lib/generate-posts';
import { buildBundle, coldImportMs, deployedFunctions, handlerFolders } from './lib/lambda-bundles';
import { generateRssFeed, servingFeed } from './lib/rss-feed';

if (process.platform === 'linux' && !process.env.BENCH_PINNED && spawnSync('taskset', ['--version']).status === 0) {
  const child = spawnSync('taskset', ['-c', '0', process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_PINNED: '1' },
  });
  process.exit(child.status ?? 1);
}

const SECTIONS = ['engine', 'check', 'help', 'bundles', 'big-post', 'feed', 'console'] as const;
const EXTRA_SECTIONS = ['per-rule'] as const;
type Section = (typeof SECTIONS)[number] | (typeof EXTRA_SECTIONS)[number];

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: SECTIONS.join(',') },
    posts: { type: 'string', default: '100000' },
    'big-post-mb': { type: 'string', default: '1,2,4,10' },
    'feed-items': { type: 'string', default: '50000' },
  },
});
const only = values.only.split(',').map((s) => s.trim()) as Section[];
const unknown = only.filter((s) => ![...SECTIONS, ...EXTRA_SECTIONS].includes(s));
if (unknown.length > 0) throw new Error(`unknown section ${unknown.join(', ')}: choose from ${[...SECTIONS, ...EXTRA_SECTIONS].join(', ')}`);
const postCount = Number(values.posts);
const bigPostSizesMb = values['big-post-mb'].split(',').map(Number);
const feedItems = Number(values['feed-items']);

const root = fileURLToPath(new URL('../', import.meta.url));
const benchDir = join(root, '.local', 'bench');
// The example council: the generated posts come from its approved accounts.
const CONFIG = 'examples/harbourne-tc/council.config.json';
const config = parseCouncilConfig(JSON.parse(readFileSync(join(root, CONFIG), 'utf8')));
let generated: Post[] | undefined;
const posts = () => (generated ??= generatePosts(postCount));
const MiB = 1024 * 1024;
const mib = (bytes: number) => `${formatNumber(bytes / MiB, 1)} MiB`;

/** The rules over the first `limit` posts, registered accounts included. */
function checkPosts(detectors = DETECTORS, limit = posts().length, options: EngineOptions = {}): { seconds: number; findings: number } {
  const engine = new DetectionEngine(config, detectors, options);
  const { seconds, result: findings } = timed(() => {
    let findings = engine.checkRegisteredAccounts().length;
    // As scan-account runs them: the rules one after another over batches of posts.
    for (const [, found] of engine.checkInBatches(posts().slice(0, limit))) findings += found.length;
    return findings;
  });
  return { seconds, findings };
}

async function engineSection(): Promise<void> {
  printHeading('The rules in-process');
  checkPosts(DETECTORS, Math.min(10_000, postCount)); // warm-up: let the JIT compile the hot paths
  const rounds = [checkPosts(), checkPosts(), checkPosts()];
  const best = rounds.reduce((a, b) => (a.seconds < b.seconds ? a : b));
  printFigure({
    label: 'all rules in-process, one core',
    value: postCount / best.seconds,
    unit: 'posts/s',
    target: { atLeast: 60_000 },
    detail: `best of 3 over ${formatNumber(postCount)} generated posts after a warm-up; ${formatNumber((best.seconds * 1e6) / postCount, 1)} µs/post, ${formatNumber(best.findings)} findings; heap used ${mib(process.memoryUsage().heapUsed)} holding the posts`,
  });
  // What the wording model costs: the same posts with the rules' patterns alone.
  const alone = [checkPosts(DETECTORS, postCount, { wording: null }), checkPosts(DETECTORS, postCount, { wording: null })];
  const bestAlone = alone.reduce((a, b) => (a.seconds < b.seconds ? a : b));
  printFigure({
    label: 'all rules, patterns alone (no wording model)',
    value: postCount / bestAlone.seconds,
    unit: 'posts/s',
    detail: `best of 2; ${formatNumber((bestAlone.seconds * 1e6) / postCount, 1)} µs/post, ${formatNumber(bestAlone.findings)} findings: the model adds ${formatNumber(((best.seconds - bestAlone.seconds) * 1e6) / postCount, 1)} µs/post and ${formatNumber(best.findings - bestAlone.findings)} findings`,
  });
}

async function perRuleSection(): Promise<void> {
  printHeading('Each rule alone, in-process');
  for (const detector of DETECTORS) {
    checkPosts([detector], Math.min(5_000, postCount));
    const { seconds } = checkPosts([detector]);
    printFigure({ label: detector.meta.id, value: postCount / seconds, unit: 'posts/s', detail: `${formatNumber((seconds * 1e6) / postCount, 2)} µs/post, one run` });
  }
}

/** check's and openredaction's wall-clock times on the same posts file, each in a process of its own. */
async function checkSection(): Promise<void> {
  printHeading('council-audit check, whole process, beside openredaction on the same posts');
  mkdirSync(benchDir, { recursive: true });
  const writePosts = (name: string, list: readonly Post[]) => {
    const file = join(benchDir, name);
    writeFileSync(file, `${list.map((p) => JSON.stringify(p)).join('\n')}\n`);
    return file;
  };
  const file = writePosts(`posts-${postCount}.jsonl`, posts());
  const warmUp = writePosts('posts-warm-up.jsonl', posts().slice(0, 100));
  const check = (input: string) => runProcess(process.execPath, ['bin/council-audit.mjs', 'check', '--config', CONFIG, '--format', 'jsonl', input], { cwd: root });
  const openredaction = (input: string) => runProcess(process.execPath, [join(root, 'scripts/lib/openredaction-check.mjs'), input], { cwd: root });

  // Untimed runs first, so that neither pays for a cold file cache.
  check(warmUp);
  openredaction(warmUp);
  const ours = finished('check', check(file), [0, 1]); // 1: findings at or above --fail-on
  const theirs = finished('openredaction', openredaction(file), [0]);
  const rss = (run: ProcessRun) => (run.peakRssMiB === undefined ? '' : `, peak RSS ${formatNumber(run.peakRssMiB, 0)} MiB`);
  printFigure({
    label: `check, ${formatNumber(postCount)} posts, whole process`,
    value: ours.seconds,
    unit: 's',
    digits: 1,
    detail: `all rules; node bin/council-audit.mjs check --config ${CONFIG} --format jsonl; ${reportedCounts(ours)}${rss(ours)}`,
  });
  printFigure({
    label: `openredaction (GDPR preset), same posts`,
    value: theirs.seconds,
    unit: 's',
    digits: 1,
    detail: `personal data alone; detect() on each post's text; ${reportedCounts(theirs)}${rss(theirs)}`,
  });
  printFigure({
    label: "check's speed-up over openredaction",
    value: theirs.seconds / ours.seconds,
    unit: '×',
    digits: 2,
    target: { atLeast: 10 },
    detail: "openredaction's time over check's; one run each, wall clock from spawn to exit, start-up included",
  });
}

function finished(name: string, run: ProcessRun, statuses: readonly number[]): ProcessRun {
  if (run.status === null || !statuses.includes(run.status)) throw new Error(`${name} exited with ${run.status}:\n${run.stderr}`);
  return run;
}

/** "posts checked: N, findings: M", as both print it on standard error. */
const reportedCounts = (run: ProcessRun) => /posts checked: \d+, findings: \d+/.exec(run.stderr)?.[0] ?? 'no totals printed';

async function helpSection(): Promise<void> {
  printHeading('council-audit start-up');
  const help = () => finished('council-audit --help', runProcess(process.execPath, ['bin/council-audit.mjs', '--help'], { cwd: root }, { peakRss: false }), [0]).seconds * 1000;
  help(); // untimed: a warm file cache
  const runs = [help(), help(), help(), help(), help()];
  printFigure({
    label: 'council-audit --help, spawn to exit',
    value: median(runs),
    unit: 'ms',
    target: { atMost: 150 },
    detail: `median of 5 runs after an untimed one, best ${formatNumber(Math.min(...runs))} ms; node bin/council-audit.mjs --help`,
  });
}

/**
 * Each bundle's targets: 300 KiB and 150 ms for the functions of issue #9; the console (issue #11)
 * renders whole pages, GOV.UK markup and sign-in included, and has its own: 400 KB and 200 ms.
 */
const BUNDLE_TARGETS: Record<string, { kib: number; importMs: number }> = { console: { kib: 400, importMs: 200 } };
const DEFAULT_BUNDLE_TARGETS = { kib: 300, importMs: 150 };

async function bundlesSection(): Promise<void> {
  printHeading('Lambda bundles (as CDK bundles them)');
  const deployed = await deployedFunctions(root);
  const outdir = join(benchDir, 'bundles');
  rmSync(outdir, { recursive: true, force: true });
  for (const name of handlerFolders(root)) {
    const fn = deployed.get(name);
    const file = await buildBundle(root, name, outdir, fn?.bundling);
    const bytes = statSync(file).size;
    const targets = BUNDLE_TARGETS[name] ?? DEFAULT_BUNDLE_TARGETS;
    const note = fn ? `externals ${fn.bundling.external.join(', ')}` : 'not in the stack: default bundling, no environment';
    printFigure({ label: `${name} bundle, minified`, value: bytes / 1024, unit: 'KiB', target: { atMost: targets.kib }, detail: `${formatNumber(bytes)} bytes, source map apart; ${note}` });
    const imports = [1, 2, 3].map(() => coldImportMs(file, fn?.environment ?? {}));
    printFigure({
      label: `${name} bundle, cold import`,
      value: Math.min(...imports),
      unit: 'ms',
      target: { atMost: targets.importMs },
      detail: `best of 3, each a fresh node importing the bundle with the function's environment${fn?.environment.NODE_OPTIONS ? ` (NODE_OPTIONS=${fn.environment.NODE_OPTIONS})` : ''}; node's own start-up apart`,
    });
  }
}

async function bigPostSection(): Promise<void> {
  printHeading('One very long post: nothing but phone numbers');
  const engine = new DetectionEngine(config);
  for (const post of generatePosts(2_000)) engine.checkPost(post); // warm-up
  for (const mb of bigPostSizesMb) {
    const text = phoneNumberText(mb * MiB);
    const post: Post = { id: `big-${mb}`, platform: 'facebook', account: '@HarbourneTownCouncil', createdAt: '2026-03-10T12:00:00Z', text };
    const { seconds, result: findings } = timed(() => engine.checkPost(post));
    printFigure({
      label: `${mb} MB post, in-process`,
      value: seconds,
      unit: 's',
      digits: 2,
      ...(mb === 10 ? { target: { atMost: 3 } } : {}),
      detail: `${formatNumber(text.length)} characters (07700 900000 to 900999 over and over), ${formatNumber(findings.length)} findings, ${formatNumber(seconds / mb, 2)} s per MB; one run`,
    });
  }
}

async function feedSection(): Promise<void> {
  printHeading('A very long RSS feed, through scanFeed');
  const url = 'https://www.harbourne-tc.example/news/feed.xml';
  const scanOf = (feed: ReturnType<typeof generateRssFeed>): FeedScan => ({
    http: servingFeed(url, feed.xml),
    url,
    source: { platform: 'rss', account: url, accountName: 'Harbourne Town Council news' },
    now: feed.now,
    toPost: websiteEntryToPost,
  });
  const small = scanOf(generateRssFeed(1_000)); // warm-up
  await scanFeed(small, (await scanFeed(small, undefined)).cursor);

  const feed = generateRssFeed(feedItems);
  const scan = scanOf(feed);
  const first = await timedAsync(() => scanFeed(scan, undefined));
  const again = await timedAsync(() => scanFeed(scan, first.result.cursor));
  const remembered = (JSON.parse(first.result.cursor ?? '{"seen":[]}') as { seen: string[] }).seen.length;
  const shape = `${formatNumber(feed.items)} items, ${formatNumber(feed.duplicates)} repeating an earlier guid, ${mib(feed.xml.length)} of XML`;
  printFigure({
    label: `${formatNumber(feed.items)}-item feed, first scan`,
    value: first.seconds,
    unit: 's',
    digits: 2,
    target: { atMost: 1 },
    detail: `${shape}; parse, de-duplicate, cursor: ${first.result.posts.length} posts (the first-scan bound), ${formatNumber(remembered)} entries remembered; one run`,
  });
  printFigure({
    label: `${formatNumber(feed.items)}-item feed, next scan`,
    value: again.seconds,
    unit: 's',
    digits: 2,
    target: { atMost: 1 },
    detail: `the same feed with the first scan's cursor: ${again.result.posts.length} new posts; one run`,
  });
}

/**
 * The council's console (issue #11): the findings list of a council with 10,000 open findings,
 * rendered by the handler (route, session, authorise, index query, filters and counts, grouping,
 * HTML) over a store answering from memory, so the figure is the console's own work; and the
 * console's bundle, built with the functions' bundling, weighed and imported cold.
 */
async function consoleSection(): Promise<void> {
  printHeading('Console');
  const { createConsole } = await import('../shared/console/app');
  const { Sealer } = await import('../shared/console/session');
  const { listConsoleAssets, assetManifest } = await import('../shared/console/assets');
  const { isoWeekOf } = await import('../shared/domain/calendar');
  const { RULE_IDS, RULE_TITLES } = await import('../shared/domain/finding');
  type StoredFinding = import('../shared/domain/records').StoredFinding;
  type AuditStore = import('../shared/store/audit-store').AuditStore;
  const now = new Date('2026-12-07T10:00:00Z');
  const count = 10_000;
  const severities = ['high', 'medium', 'low'] as const;
  const findings: StoredFinding[] = Array.from({ length: count }, (_, i) => {
    const detectedAt = new Date(now.getTime() - i * 3_600_000).toISOString();
    const rule = RULE_IDS[i % RULE_IDS.length]!;
    return {
      id: `f-bench-${i}`,
      rule,
      severity: severities[i % 3]!,
      postId: String(Math.floor(i / 2)),
      account: `@account${i % 12}@mastodon.social`,
      platform: 'mastodon',
      postUrl: `https://mastodon.social/@account${i % 12}/${Math.floor(i / 2)}`,
      postedAt: detectedAt,
      evidence: `evidence ${i}: call 07700 900***`,
      reason: RULE_TITLES[rule],
      clause: 'Social media policy 4c',
      remediation: 'Edit the post.',
      status: i % 5 === 0 ? 'acknowledged' : 'open',
      detectedAt,
      detectedWeek: isoWeekOf(detectedAt, 'Europe/London').id,
    };
  });
  const council = { id: 'harbourne-tc', name: 'Harbourne Town Council', digestTo: ['clerk@harbourne-tc.example'], registeredAt: '2026-01-01T00:00:00Z' };
  const member = { userId: 'clerk@harbourne-tc.example', name: 'Alex Morgan', role: 'town-clerk' as const, addedBy: 'bench', addedAt: '2026-01-01T00:00:00Z' };
  const store = {
    getCouncil: () => Promise.resolve(council),
    forCouncil: () => ({ councilId: council.id, getMember: () => Promise.resolve(member), listOpenFindings: () => Promise.resolve(findings), listFindingsDetectedIn: (w: string) => Promise.resolve(findings.filter((f) => f.detectedWeek === w)) }),
  } as unknown as AuditStore;
  const assets = listConsoleAssets(root);
  const secret = 'bench-session-secret-of-at-least-32-characters';
  const handler = createConsole({
    store,
    signIn: { issuerUrl: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_bench', clientId: 'bench', redirectUri: 'https://audit.example/auth/callback', postLogoutRedirectUri: 'https://audit.example/' },
    sessionSecret: secret,
    baseUrl: 'https://audit.example',
    clock: () => now,
    assets: { manifest: assetManifest(assets), files: assets },
  });
  const cookie = `__Host-council-audit-session=${new Sealer(secret).seal('session', { sid: 'bench', email: member.userId, name: member.name, council: council.id, operator: false, expiresAt: Math.floor(now.getTime() / 1000) + 3600 })}`;
  const render = async (query: string) => {
    const started = performance.now();
    const response = await handler({ method: 'GET', path: '/councils/harbourne-tc/findings', query: new URLSearchParams(query), headers: { cookie }, body: '' });
    if (response.status !== 200) throw new Error(`the findings list answered ${response.status}`);
    return { ms: performance.now() - started, bytes: String(response.body).length };
  };
  for (let i = 0; i < 3; i += 1) await render(''); // warm-up
  for (const [label, query] of [
    ['all open', ''],
    ['filtered (high, one rule)', `severity=high&rule=${RULE_IDS[0]}`],
  ] as const) {
    const runs: { ms: number; bytes: number }[] = [];
    for (let i = 0; i < 15; i += 1) runs.push(await render(query));
    printFigure({
      label: `findings list, ${formatNumber(count)} open findings, ${label}`,
      value: median(runs.map((r) => r.ms)),
      unit: 'ms',
      target: { atMost: 100 },
      detail: `median of 15 after 3 untimed; the handler end to end (session, authorise, filters and counts over all ${formatNumber(count)}, grouping by post, one page of 25 posts, ${formatNumber(runs[0]!.bytes / 1024)} KiB of HTML); the store answers from memory`,
    });
  }

  const outdir = join(benchDir, 'console');
  rmSync(outdir, { recursive: true, force: true });
  const outfile = join(outdir, 'index.mjs');
  const { build } = await import('esbuild');
  const { functionBundling } = await import('../infra/constructs/bundling');
  // The console's composition as a function would make it: createConsole over the DynamoDB store.
  const entry = `import { createConsole } from './shared/console/app';
import { dynamoDbStore } from './shared/store/dynamodb-store';
export const handler = createConsole({
  store: dynamoDbStore({ region: 'eu-west-2', tableName: 'bench' }),
  signIn: { issuerUrl: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_bench', clientId: 'bench', redirectUri: 'https://audit.example/auth/callback', postLogoutRedirectUri: 'https://audit.example/' },
  sessionSecret: 'bench-session-secret-of-at-least-32-characters',
  baseUrl: 'https://audit.example',
  assets: { manifest: ${JSON.stringify(assetManifest(assets))} },
});`;
  await build({ ...functionBundling(), stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'console-entry.ts' }, bundle: true, outfile, logLevel: 'warning' });
  const bytes = statSync(outfile).size;
  printFigure({ label: 'console bundle, minified', value: bytes / 1024, unit: 'KiB', target: { atMost: 400 }, detail: `${formatNumber(bytes)} bytes, source map apart; createConsole over the DynamoDB store, the AWS SDK external (the runtime's); the pages are TypeScript, no template files` });
  const imports = [1, 2, 3].map(() => coldImportMs(outfile, {}));
  printFigure({ label: 'console bundle, cold import', value: Math.min(...imports), unit: 'ms', target: { atMost: 200 }, detail: 'best of 3, each a fresh node importing the bundle (and so building the handler); node\'s own start-up apart' });
  // The same, with the AWS SDK's DynamoDB client loaded first and untimed (Lambda's runtime provides it, and every function loads it): the console's own share.
  const sdkFirst = `await import('@aws-sdk/client-dynamodb'); await import('@aws-sdk/lib-dynamodb'); const started = performance.now(); await import(${JSON.stringify(pathToFileURL(outfile).href)}); process.stdout.write(String(performance.now() - started));`;
  const own = [1, 2, 3].map(() => Number(execFileSync(process.execPath, ['--input-type=module', '-e', sdkFirst], { cwd: root, encoding: 'utf8', env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } })));
  printFigure({ label: 'console bundle, cold import, AWS SDK apart', value: Math.min(...own), unit: 'ms', target: { atMost: 200 }, detail: 'best of 3: the DynamoDB client imported first, untimed; then the bundle' });
  const assetBytes = assets.reduce((sum, a) => sum + a.body.length, 0);
  printFigure({ label: 'console static assets', value: assetBytes / 1024, unit: 'KiB', detail: `${assets.length} files (${assets.map((a) => a.path.replace('/assets/', '')).join(', ')}), served from S3 with a year's cache` });
}

const RUN: Record<Section, () => Promise<void>> = {
  engine: engineSection,
  'per-rule': perRuleSection,
  check: checkSection,
  help: helpSection,
  bundles: bundlesSection,
  'big-post': bigPostSection,
  feed: feedSection,
  console: consoleSection,
};

const started = Date.now();
const commit = execFileSync('git', ['describe', '--always', '--dirty'], { cwd: root, encoding: 'utf8' }).trim();
console.log(`council-audit bench, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${commit}, Node ${process.version} on ${platform()} ${arch()}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} CPUs)`);
console.log(
  process.env.BENCH_PINNED
    ? 'Pinned to core 0 with taskset, child processes too: every figure is a one-core figure.'
    : 'Not pinned to a core (no taskset here): figures may use more than one core.',
);
// Whatever else the machine is running shares that core: the load says how far to trust the figures.
console.log(`Load average ${loadavg().map((n) => formatNumber(n, 2)).join(', ')} (1, 5, 15 min) on ${cpus().length} CPUs.`);
for (const section of [...SECTIONS, ...EXTRA_SECTIONS].filter((s) => only.includes(s))) {
  try {
    await RUN[section]();
  } catch (error) {
    // One broken section should not hide the others' figures.
    process.exitCode = 1;
    console.log(`${section} FAILED: ${(error as Error).message}`);
  }
}
console.log(`\nbench took ${formatNumber((Date.now() - started) / 1000)} s`);
