// Scores the detectors against labelled corpora: npm run eval -- [corpus dir ...] [--verbose] [--min-f1 0.95]
// With no folder given: the rulebook's sample beside the checkout (../shared/corpus) when it is there, then each
// part of the project's own unseen corpus, so a fresh clone scores something too.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mergeLabels, readCorpus } from '../shared/evaluation/corpus';
import { scoreFindings } from '../shared/evaluation/score';
import { detectAll } from '../shared/scanning/run-detectors';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { verbose: { type: 'boolean', short: 'v', default: false }, 'min-f1': { type: 'string' } },
});
const minF1 = values['min-f1'] === undefined ? undefined : Number(values['min-f1']);

const SAMPLE = '../shared/corpus';
const UNSEEN = 'test/fixtures/corpus-unseen';

function defaultCorpora(): string[] {
  const parts = readdirSync(UNSEEN, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(UNSEEN, entry.name))
    .sort();
  return [...(existsSync(SAMPLE) ? [SAMPLE] : []), ...parts];
}

// Each folder is one corpus: a council's config.json, posts.jsonl and labels.json, or one subfolder per council.
for (const dir of (positionals.length ? positionals : defaultCorpora()).map((path) => resolve(path))) {
  const councils = readCorpus(dir);
  const posts = councils.flatMap((council) => council.posts);
  const findings = councils.flatMap((council) => detectAll(council.config, council.posts));
  const scores = scoreFindings(posts, findings, mergeLabels(councils));
  report(dir, councils.map((council) => `${council.name} ${council.posts.length}`), posts.length, findings, scores);
  if (minF1 !== undefined && scores.some((s) => s.f1 < minF1)) {
    console.error(`some rule scored below F1 ${minF1} in ${dir}`);
    process.exitCode = 1;
  }
}

function report(dir: string, councils: string[], postCount: number, findings: ReturnType<typeof detectAll>, scores: ReturnType<typeof scoreFindings>): void {
  const pct = (x: number) => x.toFixed(3);
  console.log(`\ncorpus: ${dir} (${postCount} posts, ${findings.length} findings${councils.length > 1 ? `; councils: ${councils.join(', ')}` : ''})\n`);
  console.log(`${'rule'.padEnd(26)} ${'TP'.padStart(3)} ${'FP'.padStart(3)} ${'FN'.padStart(3)}  precision  recall     F1`);
  for (const s of scores) {
    console.log(
      `${s.rule.padEnd(26)} ${String(s.truePositives).padStart(3)} ${String(s.falsePositives).padStart(3)} ${String(s.falseNegatives).padStart(3)}  ${pct(s.precision).padStart(9)} ${pct(s.recall).padStart(7)} ${pct(s.f1).padStart(6)}`,
    );
    if (s.falsePositiveIds.length) console.log(`${''.padEnd(28)}false positives: ${s.falsePositiveIds.join(' ')}`);
    if (s.falseNegativeIds.length) console.log(`${''.padEnd(28)}missed: ${s.falseNegativeIds.join(' ')}`);
  }
  const macro = scores.reduce((sum, s) => sum + s.f1, 0) / scores.length;
  const total = (count: (s: (typeof scores)[number]) => number) => scores.reduce((sum, s) => sum + count(s), 0);
  const [tp, fp, fn] = [total((s) => s.truePositives), total((s) => s.falsePositives), total((s) => s.falseNegatives)];
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const micro = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  console.log(`\nmicro over all rules: precision ${pct(precision)}, recall ${pct(recall)}, F1 ${pct(micro)}`);
  console.log(`macro F1 over ${scores.length} rules: ${pct(macro)}; lowest: ${pct(Math.min(...scores.map((s) => s.f1)))}`);

  if (values.verbose) {
    console.log('\nfindings:');
    for (const f of findings) console.log(`  ${f.postId ?? '-'} ${f.rule} [${f.severity}] ${f.evidence} — ${f.reason}`);
  }
}
