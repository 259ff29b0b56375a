import type { RuleId } from '../domain/finding';
import type { Post } from '../domain/post';
import { seededRandom } from './seeded-random';
import { forEachFeatureOfHashes, ownProse, shapeOfHashes, TokenHashes, type WordingShape } from '../detectors/wording/features';

/** One labelled post as training sees it: its features' buckets and the rules it breaches. */
export interface TrainingExample {
  id: string;
  /** The council it belongs to: cross-validation leaves one council out at a time. */
  council: string;
  buckets: Uint32Array;
  shape: WordingShape;
  rules: ReadonlySet<string>;
  /** A case from one rule's tests: it says only whether that rule must find it, so it trains that rule alone. */
  only?: RuleId;
}

/** A post's distinct feature buckets in a table of 2^bits, and its shape. */
export function postFeatures(post: Post, bits: number): { buckets: Uint32Array; shape: WordingShape } {
  const mask = (1 << bits) - 1;
  const { hashes, length } = new TokenHashes().read(ownProse(post));
  const shape = shapeOfHashes(post, hashes, length);
  const seen = new Set<number>();
  forEachFeatureOfHashes(hashes, length, shape, (id) => seen.add(id & mask));
  return { buckets: Uint32Array.from(seen), shape };
}

export interface TrainingOptions {
  bits: number;
  epochs: number;
  /** L2 penalty per update: larger keeps weights small, so that no single word decides. */
  l2: number;
  /** AdaGrad's base step. */
  rate: number;
  /** One model per seed, their weights averaged: one order of the posts can make a rare word decisive, five rarely agree on it. */
  seeds: readonly number[];
  /**
   * Naive Bayes scaling (Wang and Manning 2012): each feature is read as its log-count ratio, how much more often
   * it comes in breaches than in clean posts (with this much added to each count), so the penalty lets a telling
   * word weigh more, cheaply, and a word common to both barely at all. Undefined: plain features.
   */
  nb?: number;
}

/**
 * Chosen by cross-validated micro F1 over the six rules, each council left out in turn: plain features 0.852;
 * naive Bayes scaling with 0.5, 1 and 2 added to each count 0.862, 0.869 and 0.859; then, at 1, a lighter
 * penalty 0.874 (1e-3, from 3e-3). In 20 folds: plain 0.848, this 0.873, a lighter penalty still (3e-4) 0.872.
 */
export const TRAINING: TrainingOptions = { bits: 17, epochs: 25, l2: 1e-3, rate: 0.5, seeds: [1, 2, 3, 4, 5], nb: 1 };

/**
 * Logistic regression for one rule over hashed features, by stochastic gradient descent with AdaGrad steps
 * and an L2 penalty, in a seeded order so the same examples always give the same weights. Written by hand:
 * it is thirty lines over typed arrays, and the npm classifiers (natural's, ml-logistic-regression) want a
 * vocabulary or a dense matrix and are many times slower on 2,000 posts × 260,000 features.
 */
export function trainRule(examples: readonly TrainingExample[], rule: RuleId, options: TrainingOptions = TRAINING): Float32Array {
  const average = new Float32Array(1 << options.bits);
  // What each example says of the rule, looked up once for the counts and every seed: 1 a breach, 0 not, -1 not for this rule.
  const label = Int8Array.from(examples, (e) => (e.only !== undefined && e.only !== rule ? -1 : e.rules.has(rule) ? 1 : 0));
  const ratios = options.nb === undefined ? undefined : logCountRatios(examples, label, options.bits, options.nb);
  // Each example's features' scales in the order of its buckets, read in step with them rather than looked up.
  const scales = examples.map((e) => (ratios === undefined ? new Float32Array(e.buckets.length).fill(1) : Float32Array.from(e.buckets, (b) => ratios[b]!)));
  for (const seed of options.seeds) {
    const weights = trainOnce(examples, label, options, seed, scales);
    for (let i = 0; i < weights.length; i++) if (weights[i] !== 0) average[i]! += weights[i]! / options.seeds.length;
  }
  // The weights of the scaled features, as weights of the plain ones the model reads.
  if (ratios !== undefined) for (let i = 0; i < average.length; i++) average[i]! *= ratios[i]!;
  return average;
}

/** Each bucket's log-count ratio for the rule; 1 for a bucket every post has (the bias), which must move freely. */
function logCountRatios(examples: readonly TrainingExample[], label: Int8Array, bits: number, alpha: number): Float32Array {
  const size = 1 << bits;
  const inBreaches = new Float64Array(size).fill(alpha);
  const inClean = new Float64Array(size).fill(alpha);
  let breaches = 0;
  let clean = 0;
  examples.forEach((e, k) => {
    if (label[k] === -1) return;
    const counts = label[k] === 1 ? inBreaches : inClean;
    if (label[k] === 1) breaches++;
    else clean++;
    for (let n = 0; n < e.buckets.length; n++) counts[e.buckets[n]!]! += 1;
  });
  let breachTotal = 0;
  let cleanTotal = 0;
  for (let i = 0; i < size; i++) {
    breachTotal += inBreaches[i]!;
    cleanTotal += inClean[i]!;
  }
  const ratios = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    const everywhere = inBreaches[i]! - alpha === breaches && inClean[i]! - alpha === clean;
    ratios[i] = everywhere ? 1 : Math.log(inBreaches[i]! / breachTotal / (inClean[i]! / cleanTotal));
  }
  return ratios;
}

function trainOnce(examples: readonly TrainingExample[], label: Int8Array, options: TrainingOptions, seed: number, scales: readonly Float32Array[]): Float32Array {
  const size = 1 << options.bits;
  const weights = new Float32Array(size);
  const squares = new Float32Array(size);
  const { l2, rate } = options;
  const order = Int32Array.from(examples, (_, i) => i);
  const random = seededRandom(seed);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const swap = order[i]!;
      order[i] = order[j]!;
      order[j] = swap;
    }
    for (let o = 0; o < order.length; o++) {
      const k = order[o]!;
      if (label[k] === -1) continue;
      const buckets = examples[k]!.buckets;
      const scale = scales[k]!;
      const gradient = probability(weights, buckets, scale) - label[k]!;
      for (let n = 0; n < buckets.length; n++) {
        const b = buckets[n]!;
        const g = gradient * scale[n]! + l2 * weights[b]!;
        squares[b]! += g * g;
        weights[b]! -= (rate * g) / Math.sqrt(squares[b]! + 1e-8);
      }
    }
  }
  return weights;
}

/** The weights as the model file keeps them (those smaller than `keep` dropped), so that what is measured is what ships. */
export function prune(weights: Float32Array, keep: number): Float32Array {
  for (let i = 0; i < weights.length; i++) if (Math.abs(weights[i]!) < keep) weights[i] = 0;
  return weights;
}

/** The model's probability of a breach for a post's buckets; with `scales`, each feature scaled as training reads it. */
export function probability(weights: Float32Array, buckets: Uint32Array, scales?: Float32Array): number {
  let z = 0;
  if (scales === undefined) for (let n = 0; n < buckets.length; n++) z += weights[buckets[n]!]!;
  else for (let n = 0; n < buckets.length; n++) z += weights[buckets[n]!]! * scales[n]!;
  return 1 / (1 + Math.exp(-z));
}

