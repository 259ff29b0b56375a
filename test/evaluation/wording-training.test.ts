import { describe, expect, it } from 'vitest';
import { postFeatures, probability, trainRule, type TrainingExample, type TrainingOptions } from '../../shared/evaluation/wording-training';
import { makePost } from '../support/fixtures';

const OPTIONS: TrainingOptions = { bits: 14, epochs: 15, l2: 1e-3, rate: 0.5, seeds: [1, 2] };

function example(text: string, rules: string[]): TrainingExample {
  const post = makePost({ text });
  return { id: post.id, council: 'a', ...postFeatures(post, OPTIONS.bits), rules: new Set(rules) };
}

// Confidential wording against ordinary notices: the breach is said by "hush" and "leak", never by the topic.
const EXAMPLES = [
  ...['budget', 'depot', 'tender', 'staffing', 'pavilion', 'allotments'].flatMap((topic) => [
    example(`Hush hush: the ${topic} decision is not to leak before Friday`, ['confidential-information']),
    example(`The ${topic} decision is published in the minutes on Friday`, []),
    example(`Come to the ${topic} meeting on Friday, all welcome`, []),
  ]),
];

describe('trainRule', () => {
  it('learns which words mark a breach, and scores a new post by them', () => {
    const weights = trainRule(EXAMPLES, 'confidential-information', OPTIONS);
    const breach = example('Hush: the cemetery decision must not leak', []);
    const clean = example('The cemetery decision is in the minutes', []);
    expect(probability(weights, breach.buckets)).toBeGreaterThan(0.8);
    expect(probability(weights, clean.buckets)).toBeLessThan(0.2);
  });

  it('gives the same weights every time for the same posts: the shipped model is reproducible', () => {
    const a = trainRule(EXAMPLES, 'confidential-information', OPTIONS);
    const b = trainRule(EXAMPLES, 'confidential-information', OPTIONS);
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    expect(a.some((w) => w !== 0)).toBe(true);
  });

  it('learns nothing for a rule no example breaches', () => {
    const weights = trainRule(EXAMPLES, 'risky-link', OPTIONS);
    expect(probability(weights, example('Hush: do not leak', []).buckets)).toBeLessThan(0.5);
  });

  it('with naive Bayes scaling, learns the same breach, and lets a telling word weigh more under the same penalty', () => {
    const plain = trainRule(EXAMPLES, 'confidential-information', OPTIONS);
    const scaled = trainRule(EXAMPLES, 'confidential-information', { ...OPTIONS, nb: 1 });
    expect(probability(scaled, example('Hush: the cemetery decision must not leak', []).buckets)).toBeGreaterThan(0.8);
    expect(probability(scaled, example('The cemetery decision is in the minutes', []).buckets)).toBeLessThan(0.2);
    // A word's own bucket: the one its post has beyond an empty post's (the bias).
    const bias = example('', []).buckets;
    const bucket = (word: string) => example(word, []).buckets.find((b) => !bias.includes(b))!;
    // "hush" comes only in breaches, "minutes" only in clean notices: both are read as telling, so weigh more.
    expect(scaled[bucket('hush')]!).toBeGreaterThan(plain[bucket('hush')]! * 1.2);
    expect(scaled[bucket('minutes')]!).toBeLessThan(plain[bucket('minutes')]! * 1.2);
  });
});
