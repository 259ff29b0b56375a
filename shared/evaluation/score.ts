import { RULE_IDS, type Finding, type RuleId } from '../domain/finding';
import type { Post } from '../domain/post';
import { normaliseHandle } from '../domain/account';
import { ruleLevel } from '../detectors/catalogue';

/** Expected findings in the corpus format: post-level rules per post id, and unapproved handles. */
export interface Labels {
  posts: Record<string, string[]>;
  unapprovedAccounts: string[];
}

export interface RuleScore {
  rule: RuleId;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
  /** Post ids (or handles, for an account-level rule) wrongly flagged and wrongly missed. */
  falsePositiveIds: string[];
  falseNegativeIds: string[];
}

/**
 * Scores findings against labels, per rule. A post counts once per rule, however many findings it
 * has; an account-level rule (its meta's `level`) is scored per account handle.
 */
export function scoreFindings(posts: readonly Post[], findings: readonly Finding[], labels: Labels): RuleScore[] {
  return RULE_IDS.map((rule) => {
    const [expected, actual] =
      ruleLevel(rule) === 'account'
        ? [
            new Set(labels.unapprovedAccounts.map(normaliseHandle)),
            new Set(findings.filter((f) => f.rule === rule).map((f) => normaliseHandle(f.account))),
          ]
        : [
            new Set(posts.filter((p) => labels.posts[p.id]?.includes(rule)).map((p) => p.id)),
            new Set(findings.filter((f) => f.rule === rule && f.postId !== undefined).map((f) => f.postId!)),
          ];
    return score(rule, expected, actual);
  });
}

function score(rule: RuleId, expected: Set<string>, actual: Set<string>): RuleScore {
  const falsePositiveIds = [...actual].filter((id) => !expected.has(id)).sort();
  const falseNegativeIds = [...expected].filter((id) => !actual.has(id)).sort();
  const truePositives = actual.size - falsePositiveIds.length;
  const precision = actual.size === 0 ? (expected.size === 0 ? 1 : 0) : truePositives / actual.size;
  const recall = expected.size === 0 ? 1 : truePositives / expected.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    rule,
    truePositives,
    falsePositives: falsePositiveIds.length,
    falseNegatives: falseNegativeIds.length,
    precision,
    recall,
    f1,
    falsePositiveIds,
    falseNegativeIds,
  };
}

/** All rules' counts pooled: micro precision, recall and F1, and the lowest rule F1 beside them. */
export interface MicroScore extends Pick<RuleScore, 'truePositives' | 'falsePositives' | 'falseNegatives' | 'precision' | 'recall' | 'f1'> {
  macroF1: number;
  lowest: RuleScore;
}

export function microScore(scores: readonly RuleScore[]): MicroScore {
  const total = (count: (s: RuleScore) => number) => scores.reduce((sum, s) => sum + count(s), 0);
  const [truePositives, falsePositives, falseNegatives] = [total((s) => s.truePositives), total((s) => s.falsePositives), total((s) => s.falseNegatives)];
  const lowest = scores.reduce((a, b) => (b.f1 < a.f1 ? b : a));
  return { truePositives, falsePositives, falseNegatives, ...fromCounts(truePositives, falsePositives, falseNegatives), macroF1: total((s) => s.f1) / scores.length, lowest };
}

/** Precision, recall and F1 from counts; with nothing predicted precision is 1, with nothing expected recall is 1. */
export function fromCounts(truePositives: number, falsePositives: number, falseNegatives: number): { precision: number; recall: number; f1: number } {
  const precision = truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives);
  const recall = truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
