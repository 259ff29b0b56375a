// Scores the detectors against labelled corpora: npm run eval -- [corpus dir ...] [--verbose] [--min-f1 0.95]
// With no folder given: the rulebook's sample beside the checkout (../shared/corpus) when it is there, then each
// part of the project's own unseen corpus, so a fresh clone scores something too.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CouncilAuditError } from '../shared/domain/errors';
import { HELD_BACK_MARKER, isHeldBack, mergeLabels, readCorpus, type LabelledCouncil } from '../shared/evaluation/corpus';
import { microScore, scoreFindings, type MicroScore } from '../shared/evaluation/score';
import { detectAll } from '../shared/scanning/run-detectors';

const USAGE = `Usage: npm run eval -- [corpus folder ...] [--verbose] [--min-f1 0.95]

Scores the rules against labelled corpora: precision, recall and F1 per rule for each folder (a council's
config.json, posts.jsonl and labels.json, or one subfolder per council). With no folder: the rulebook's sample
beside the checkout (../shared/corpus) when it is there, then each part of test/fixtures/corpus-unseen.
  --min-f1 <x>   exit 1 when any rule of any folder scores below F1 x (0 to 1)
`;

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { verbose: { type: 'boolean', short: 'v', default: false }, 'min-f1': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
} catch (error) {
  process.stderr.write(`npm run eval: ${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const minF1 = values['min-f1'] === undefined ? undefined : Number(values['min-f1']);
if (minF1 !== undefined && !(minF1 >= 0 && minF1 <= 1)) {
  process.stderr.write(`npm run eval: --min-f1 "${values['min-f1']}" is not an F1: expected a number from 0 to 1\n`);
  process.exit(2);
}

const pct = (x: number) => x.toFixed(3);
/** A corpus labelled all clean: precision and recall say nothing of it, its false alarms say it all. */
const allClean = (micro: MicroScore) => micro.truePositives + micro.falseNegatives === 0;

const SAMPLE = '../shared/corpus';
const UNSEEN = 'test/fixtures/corpus-unseen';

function defaultCorpora(): string[] {
  const parts = readdirSync(UNSEEN, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(UNSEEN, entry.name))
    .sort();
  // A held-back part is scored only when named: a run with no folder must not show its misses.
  for (const part of parts.filter(isHeldBack)) console.log(`${part}: held back, not scored (see its ${HELD_BACK_MARKER}; name the folder to score it)`);
  return [...(existsSync(SAMPLE) ? [SAMPLE] : []), ...parts.filter((part) => !isHeldBack(part))];
}

const summary: { dir: string; posts: number; micro: MicroScore }[] = [];

// Each folder is one corpus: a council's config.json, posts.jsonl and labels.json, or one subfolder per council.
for (const dir of (positionals.length ? positionals : defaultCorpora()).map((path) => resolve(path))) {
  const councils = readOrExit(dir);
  const posts = councils.flatMap((council) => council.posts);
  const findings = councils.flatMap((council) => detectAll(council.config, council.posts));
  const scores = scoreFindings(posts, findings, mergeLabels(councils));
  report(dir, councils.map((council) => `${council.name} ${council.posts.length}`), posts.length, findings, scores);
  summary.push({ dir, posts: posts.length, micro: microScore(scores) });
  if (minF1 !== undefined && scores.some((s) => s.f1 < minF1)) {
    console.error(`some rule scored below F1 ${minF1} in ${dir}`);
    process.exitCode = 1;
  }
}

/** A corpus folder, or a clear message naming what is wrong with it and exit code 2: never a stack trace. */
function readOrExit(dir: string): LabelledCouncil[] {
  try {
    return readCorpus(dir);
  } catch (error) {
    if (!(error instanceof CouncilAuditError)) throw error;
    process.stderr.write(`npm run eval: ${error.message}\n`);
    process.exit(2);
  }
}

function report(dir: string, councils: string[], postCount: number, findings: ReturnType<typeof detectAll>, scores: ReturnType<typeof scoreFindings>): void {
  console.log(`\ncorpus: ${dir} (${postCount} posts, ${findings.length} findings${councils.length > 1 ? `; councils: ${councils.join(', ')}` : ''})\n`);
  console.log(`${'rule'.padEnd(26)} ${'TP'.padStart(3)} ${'FP'.padStart(3)} ${'FN'.padStart(3)}  precision  recall     F1`);
  for (const s of scores) {
    console.log(
      `${s.rule.padEnd(26)} ${String(s.truePositives).padStart(3)} ${String(s.falsePositives).padStart(3)} ${String(s.falseNegatives).padStart(3)}  ${pct(s.precision).padStart(9)} ${pct(s.recall).padStart(7)} ${pct(s.f1).padStart(6)}`,
    );
    if (s.falsePositiveIds.length) console.log(`${''.padEnd(28)}false positives: ${s.falsePositiveIds.join(' ')}`);
    if (s.falseNegativeIds.length) console.log(`${''.padEnd(28)}missed: ${s.falseNegativeIds.join(' ')}`);
  }
  const micro = microScore(scores);
  if (allClean(micro)) {
    const alarmed = new Set(scores.flatMap((s) => s.falsePositiveIds));
    console.log(`\nevery post is labelled clean: ${alarmed.size} of ${postCount} posts raised a false alarm`);
    return;
  }
  console.log(`\nmicro over all rules: precision ${pct(micro.precision)}, recall ${pct(micro.recall)}, F1 ${pct(micro.f1)}`);
  console.log(`macro F1 over ${scores.length} rules: ${pct(micro.macroF1)}; lowest: ${pct(micro.lowest.f1)}`);

  if (values.verbose) {
    console.log('\nfindings:');
    for (const f of findings) console.log(`  ${f.postId ?? '-'} ${f.rule} [${f.severity}] ${f.evidence} — ${f.reason}`);
  }
}

if (summary.length > 1) {
  const name = (dir: string) => relative(process.cwd(), dir) || dir;
  const width = Math.max(6, ...summary.map((row) => name(row.dir).length));
  console.log(`\n${'corpus'.padEnd(width)}  posts  precision  recall     F1  lowest rule`);
  for (const { dir, posts, micro } of summary) {
    if (allClean(micro)) {
      console.log(`${name(dir).padEnd(width)} ${String(posts).padStart(6)}  all clean: ${micro.falsePositives} false alarm${micro.falsePositives === 1 ? '' : 's'}`);
      continue;
    }
    console.log(`${name(dir).padEnd(width)} ${String(posts).padStart(6)}  ${pct(micro.precision).padStart(9)} ${pct(micro.recall).padStart(7)} ${pct(micro.f1).padStart(6)}  ${micro.lowest.f1 < 1 ? `${micro.lowest.rule} ${pct(micro.lowest.f1)}` : '-'}`);
  }
}
