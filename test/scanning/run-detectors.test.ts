import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccountDetector } from '../../shared/detectors/detector';
import { DETECTORS } from '../../shared/detectors/index';
import { riskyLink } from '../../shared/detectors/risky-link';
import { DetectionEngine, detectAll, findingId } from '../../shared/scanning/run-detectors';
import { makePost, testConfig } from '../support/fixtures';

const alwaysAccount: AccountDetector = {
  meta: { ...riskyLink.meta, id: 'unapproved-account', level: 'account' },
  detect: (account) => [{ evidence: account.handle, reason: 'flagged for the test of the engine' }],
};

describe('the detection engine', () => {
  it('gives the same finding ids on every run, and different ids for different evidence', () => {
    const post = makePost({ id: 'p1', text: 'Links: https://bit.ly/a https://bit.ly/b' });
    const first = detectAll(testConfig(), [post], [riskyLink]);
    const second = detectAll(testConfig(), [structuredClone(post)], [riskyLink]);
    expect(first.map((f) => f.id)).toEqual(second.map((f) => f.id));
    expect(new Set(first.map((f) => f.id)).size).toBe(2);
  });

  it('makes a finding id of the first 20 hex digits of a SHA-256 of the rule, subject, place and evidence', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 4 }), (parts) => {
        const expected = createHash('sha256').update(['risky-link', ...parts].join('\u0000')).digest('hex').slice(0, 20);
        expect(findingId('risky-link', ...parts)).toBe(`risky-link:${expected}`);
      }),
      { numRuns: 300, seed: 51 },
    );
  });

  it('gives the same post on another platform a different id', () => {
    const a = detectAll(testConfig(), [makePost({ id: 'same', text: 'https://bit.ly/a' })], [riskyLink]);
    const b = detectAll(testConfig(), [makePost({ id: 'same', platform: 'bluesky', text: 'https://bit.ly/a' })], [riskyLink]);
    expect(a[0]!.id).not.toBe(b[0]!.id);
  });

  it('copies the post details a Town Clerk needs onto every finding', () => {
    const post = makePost({ text: 'https://bit.ly/x' });
    const [finding] = detectAll(testConfig(), [post], [riskyLink]);
    expect(finding).toMatchObject({
      rule: 'risky-link',
      postId: post.id,
      account: post.account,
      platform: post.platform,
      postUrl: post.url,
      postedAt: post.createdAt,
      clause: riskyLink.meta.clause,
    });
  });

  it('runs an account-level rule once per account, however it spells the handle', () => {
    const posts = [
      makePost({ account: '@Someone@example.social' }),
      makePost({ account: 'someone@example.social' }),
      makePost({ account: '@other@example.social' }),
    ];
    const findings = detectAll(testConfig({ approvedAccounts: [] }), posts, [alwaysAccount]);
    expect(findings.map((f) => f.account)).toEqual(['@Someone@example.social', '@other@example.social']);
    expect(findings[0]!.postId).toBe(posts[0]!.id);
  });

  it('checks registered accounts up front, and not again when they post', () => {
    const engine = new DetectionEngine(testConfig(), [alwaysAccount]);
    const upFront = engine.checkRegisteredAccounts();
    expect(upFront).toHaveLength(3);
    expect(engine.checkPost(makePost())).toEqual([]);
  });

  it('applies a severity set in the configuration', () => {
    const findings = detectAll(testConfig({ rules: { 'risky-link': { severity: 'high' } } }), [makePost({ text: 'https://bit.ly/x' })], [riskyLink]);
    expect(findings[0]!.severity).toBe('high');
  });

  it('runs every registered rule by default', () => {
    expect(new DetectionEngine(testConfig()).context.config.rules).toEqual({});
    expect(DETECTORS).toHaveLength(8);
  });
});
