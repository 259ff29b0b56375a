// Scores the detectors against a labelled corpus: npm run eval -- [corpus dir] [--verbose] [--min-f1 0.95]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseCouncilConfig } from '../shared/domain/config';
import { parsePost } from '../shared/domain/post';
import { scoreFindings, type Labels } from '../shared/evaluation/score';
import { detectAll } from '../shared/scanning/run-detectors';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { verbose: { type: 'boolean', short: 'v', default: false }, 'min-f1': { type: 'string' } },
});
const dir = resolve(positionals[0] ?? '../shared/corpus');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

const config = parseCouncilConfig(JSON.parse(read('config.json')));
const posts = read('posts.jsonl')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => parsePost(JSON.parse(line)));
const labels = JSON.parse(read('labels.json')) as Labels;

const findings = detectAll(config, posts);
const scores = scoreFindings(posts, findings, labels);

const pct = (x: number) => x.toFixed(3);
console.log(`corpus: ${dir} (${posts.length} posts, ${findings.length} findings)\n`);
console.log(`${'rule'.padEnd(26)} ${'TP'.padStart(3)} ${'FP'.padStart(3)} ${'FN'.padStart(3)}  precision  recall     F1`);
for (const s of scores) {
  console.log(
    `${s.rule.padEnd(26)} ${String(s.truePositives).padStart(3)} ${String(s.falsePositives).padStart(3)} ${String(s.falseNegatives).padStart(3)}  ${pct(s.precision).padStart(9)} ${pct(s.recall).padStart(7)} ${pct(s.f1).padStart(6)}`,
  );
  if (s.falsePositiveIds.length) console.log(`${''.padEnd(28)}false positives: ${s.falsePositiveIds.join(' ')}`);
  if (s.falseNegativeIds.length) console.log(`${''.padEnd(28)}missed: ${s.falseNegativeIds.join(' ')}`);
}
const macro = scores.reduce((sum, s) => sum + s.f1, 0) / scores.length;
console.log(`\nmacro F1 over ${scores.length} rules: ${pct(macro)}; lowest: ${pct(Math.min(...scores.map((s) => s.f1)))}`);

if (values.verbose) {
  console.log('\nfindings:');
  for (const f of findings) console.log(`  ${f.postId ?? '-'} ${f.rule} [${f.severity}] ${f.evidence} — ${f.reason}`);
}

const minF1 = values['min-f1'] === undefined ? undefined : Number(values['min-f1']);
if (minF1 !== undefined && scores.some((s) => s.f1 < minF1)) {
  console.error(`some rule scored below F1 ${minF1}`);
  process.exitCode = 1;
}
