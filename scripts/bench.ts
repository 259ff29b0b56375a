// Engine throughput and memory: npm run bench -- [--posts 100000]
// Pinned to one core with taskset where the machine has it, so the figure is a one-core figure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseCouncilConfig } from '../shared/domain/config';
import { DETECTORS } from '../shared/detectors/index';
import { DetectionEngine } from '../shared/scanning/run-detectors';
import { generatePosts } from './lib/generate-posts';

if (process.platform === 'linux' && !process.env.BENCH_PINNED && spawnSync('taskset', ['--version']).status === 0) {
  const child = spawnSync('taskset', ['-c', '0', process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_PINNED: '1' },
  });
  process.exit(child.status ?? 1);
}

const { values } = parseArgs({ options: { posts: { type: 'string', default: '100000' } } });
const count = Number(values.posts);
// The example council: the generated posts come from its approved accounts.
const configPath = fileURLToPath(new URL('../examples/council.config.json', import.meta.url));
const config = parseCouncilConfig(JSON.parse(readFileSync(configPath, 'utf8')));
const posts = generatePosts(count);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

function run(detectors = DETECTORS, limit = posts.length): { seconds: number; findings: number } {
  const engine = new DetectionEngine(config, detectors);
  let findings = engine.checkRegisteredAccounts().length;
  const started = process.hrtime.bigint();
  for (let i = 0; i < limit; i++) findings += engine.checkPost(posts[i]!).length;
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, findings };
}

console.log(`council-audit bench: ${count} generated posts, Node ${process.version}, ${process.env.BENCH_PINNED ? 'pinned to one core' : 'not pinned'}`);
run(DETECTORS, Math.min(10_000, count)); // warm-up: let the JIT compile the hot paths

const rounds = [run(), run(), run()];
const best = rounds.reduce((a, b) => (a.seconds < b.seconds ? a : b));
console.log(`all rules:      ${Math.round(count / best.seconds).toLocaleString('en-GB')} posts/s (best of 3; ${best.findings} findings, ${(best.seconds * 1e6 / count).toFixed(1)} µs/post)`);

console.log('per rule (alone):');
for (const detector of DETECTORS) {
  run([detector], Math.min(5_000, count));
  const { seconds } = run([detector]);
  console.log(`  ${detector.meta.id.padEnd(26)} ${Math.round(count / seconds).toLocaleString('en-GB').padStart(12)} posts/s  ${(seconds * 1e6 / count).toFixed(2).padStart(6)} µs/post`);
}

const usage = process.memoryUsage();
console.log(`in-process memory: rss ${mb(usage.rss)}, heap used ${mb(usage.heapUsed)} (holding all ${count} posts in memory)`);

// Streaming: the CLI's peak memory should not grow with the length of its input.
const dir = mkdtempSync(join(tmpdir(), 'council-audit-bench-'));
try {
  const child = fileURLToPath(new URL('./lib/check-peak-memory.ts', import.meta.url));
  for (const n of [count, count * 4]) {
    const file = join(dir, `posts-${n}.jsonl`);
    writeFileSync(file, '');
    for (let offset = 0; offset < n; offset += count) {
      writeFileSync(file, generatePosts(Math.min(count, n - offset), offset + 1).map((p) => JSON.stringify(p)).join('\n') + '\n', { flag: 'a' });
    }
    const result = spawnSync(process.execPath, [...process.execArgv, child, configPath, file], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(result.stderr);
    console.log(`council-audit check, streaming ${n.toLocaleString('en-GB')} posts: ${result.stdout.trim()}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
