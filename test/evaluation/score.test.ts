import { describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/domain/finding';
import { microScore, scoreFindings } from '../../shared/evaluation/score';
import { makePost } from '../support/fixtures';

const finding = (rule: Finding['rule'], postId: string, account = '@a'): Finding => ({
  id: `${rule}:${postId}`, rule, severity: 'low', postId, account, platform: 'mastodon', evidence: 'e', reason: 'r', clause: 'c', remediation: 'x',
});

describe('scoring against labels', () => {
  const posts = ['p1', 'p2', 'p3', 'p4'].map((id) => makePost({ id }));
  const labels = { posts: { p1: ['risky-link'], p2: ['risky-link'], p3: [], p4: [] }, unapprovedAccounts: ['@impostor'] };

  it('counts a post once per rule and computes precision, recall and F1', () => {
    const findings = [finding('risky-link', 'p1'), finding('risky-link', 'p1'), finding('risky-link', 'p3')];
    const score = scoreFindings(posts, findings, labels).find((s) => s.rule === 'risky-link')!;
    expect(score).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 1, falsePositiveIds: ['p3'], falseNegativeIds: ['p2'] });
    expect(score.precision).toBeCloseTo(1 / 2);
    expect(score.recall).toBeCloseTo(1 / 2);
    expect(score.f1).toBeCloseTo(1 / 2);
  });

  it('scores unapproved-account per handle, ignoring case and a leading @', () => {
    const score = scoreFindings(posts, [finding('unapproved-account', 'p1', 'IMPOSTOR')], labels).find((s) => s.rule === 'unapproved-account')!;
    expect(score.f1).toBe(1);
  });

  it('scores a rule with nothing expected and nothing found as perfect, and one with only false alarms as zero', () => {
    const scores = scoreFindings(posts, [finding('offensive-language', 'p4')], labels);
    expect(scores.find((s) => s.rule === 'political-content')!.f1).toBe(1);
    expect(scores.find((s) => s.rule === 'offensive-language')!.precision).toBe(0);
  });

  it('pools every rule for the micro figures, and names the lowest rule', () => {
    // risky-link: 1 TP, 1 FP, 1 FN; unapproved-account: 1 FN; offensive-language: 1 FP; the rest perfect and empty.
    const findings = [finding('risky-link', 'p1'), finding('risky-link', 'p3'), finding('offensive-language', 'p4')];
    const micro = microScore(scoreFindings(posts, findings, labels));
    expect(micro).toMatchObject({ truePositives: 1, falsePositives: 2, falseNegatives: 2 });
    expect(micro.precision).toBeCloseTo(1 / 3);
    expect(micro.recall).toBeCloseTo(1 / 3);
    expect(micro.f1).toBeCloseTo(1 / 3);
    expect(['unapproved-account', 'offensive-language']).toContain(micro.lowest.rule);
    expect(micro.lowest.f1).toBe(0);
  });
});
