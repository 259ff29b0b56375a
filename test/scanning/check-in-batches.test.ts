// The rules run one after another over a batch of posts (scan-account, detectAll, the bench): each post must
// get exactly the findings, in the same order, that it gets checked alone, account-level ones included.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../shared/evaluation/corpus';
import { DetectionEngine } from '../../shared/scanning/run-detectors';

const councils = ['tune2', 'held'].flatMap((part) => readCorpus(join(__dirname, '../fixtures/corpus-unseen', part)));

describe('checking posts in batches', () => {
  it.each([1, 7, 256])('gives each of seven hundred posts the findings it gets alone (batches of %i)', (batch) => {
    let compared = 0;
    for (const council of councils) {
      const alone = new DetectionEngine(council.config);
      const expected = council.posts.map((post) => alone.checkPost(post));
      const batched = [...new DetectionEngine(council.config).checkInBatches(council.posts, batch)];
      expect(batched.map(([post]) => post.id)).toEqual(council.posts.map((post) => post.id));
      expect(batched.map(([, findings]) => findings)).toEqual(expected);
      compared += expected.flat().length;
    }
    // The corpus raises hundreds of findings, account-level ones among them: the comparison is not of empties.
    expect(compared).toBeGreaterThan(300);
  });

  it('raises an account-level finding once, for the first post of the account, across batches', () => {
    const council = councils.find((c) => c.labels.unapprovedAccounts.length > 0)!;
    const findings = [...new DetectionEngine(council.config).checkInBatches(council.posts, 3)].flatMap(([, found]) => found);
    const perAccount = findings.filter((f) => f.rule === 'unapproved-account').map((f) => f.account.toLowerCase());
    expect(perAccount.length).toBeGreaterThan(0);
    expect(new Set(perAccount).size).toBe(perAccount.length);
  });
});
