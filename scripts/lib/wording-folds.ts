// Cross-validation of the wording model, a few left-out councils at a time, over worker threads: each fold trains
// on its own and is seeded, so spreading the folds over threads gives the same probabilities, byte for byte, in
// half the time on two cores (training went from 3 to 7 minutes as the corpus grew, inside CI's 15).
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { RuleId } from '../../shared/domain/finding';
import { shapeAllows } from '../../shared/detectors/wording/features';
import { probability, prune, trainRule, type TrainingExample } from '../../shared/evaluation/wording-training';

interface FoldsJob {
  examples: TrainingExample[];
  /** Each fold, the councils it leaves out together. */
  folds: string[][];
  rules: readonly RuleId[];
  keep: number;
}

/** Each left-out council's posts: the probability of each rule, by a model trained on every other council. */
export type HeldOut = Map<string, Record<string, number>>;

function scoreFolds({ examples, folds, rules, keep }: FoldsJob, done: (fold: string) => void): [string, Record<string, number>][] {
  const scored: [string, Record<string, number>][] = [];
  for (const fold of folds) {
    const out = new Set(fold);
    const train = examples.filter((e) => !out.has(e.council));
    const test = examples.filter((e) => out.has(e.council));
    const byPost = test.map((e) => [e.id, {}] as [string, Record<string, number>]);
    for (const rule of rules) {
      const weights = prune(trainRule(train, rule), keep);
      test.forEach((e, i) => (byPost[i]![1][rule] = shapeAllows(rule, e.shape) ? probability(weights, e.buckets) : 0));
    }
    scored.push(...byPost);
    done(fold.join(', '));
  }
  return scored;
}

/** Every fold scored, the folds dealt out in turn to one worker per core (at most `threads`). */
export async function crossValidate(job: FoldsJob, threads = availableParallelism()): Promise<HeldOut> {
  const count = Math.max(1, Math.min(threads, job.folds.length));
  const shares = Array.from({ length: count }, (_, t) => job.folds.filter((_, i) => i % count === t));
  const results = await Promise.all(
    shares.map(
      (folds) =>
        new Promise<[string, Record<string, number>][]>((resolve, reject) => {
          // The worker runs this file as TypeScript: tsx's hooks are registered in it first (Node 20 does not
          // apply the parent's to a worker's entry point).
          const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
          const worker = new Worker(boot, { eval: true, workerData: { ...job, folds } });
          worker.on('message', (message: { fold?: string; scored?: [string, Record<string, number>][] }) => {
            if (message.fold !== undefined) process.stderr.write(`left out ${message.fold}\n`);
            if (message.scored !== undefined) resolve(message.scored);
          });
          worker.on('error', reject);
          worker.on('exit', (code) => code !== 0 && reject(new Error(`a cross-validation worker stopped with exit code ${code}`)));
        }),
    ),
  );
  // In the folds' own order, whichever worker finished first: the same map every run.
  const heldOut: HeldOut = new Map();
  const byId = new Map(results.flat());
  const order = job.folds.flat();
  for (const council of order) for (const e of job.examples) if (e.council === council) heldOut.set(e.id, byId.get(e.id)!);
  return heldOut;
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.postMessage({ scored: scoreFolds(workerData as FoldsJob, (fold) => port.postMessage({ fold })) });
}
