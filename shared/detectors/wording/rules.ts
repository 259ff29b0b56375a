import type { RuleId } from '../../domain/finding';

/**
 * The rules the wording model may add to: the ones said in prose. Links and accounts are judged by their patterns
 * alone. Political content is read only where campaigning can be (`politicalContent.wordingApplies`): a model of
 * its wording read "a brilliant turnout" at a litter-pick as campaigning when it read every post. A module of its
 * own, so that the console's settings form can name them without bundling the model's weights.
 */
export const WORDING_RULES = [
  'personal-data',
  'copyright-attribution',
  'political-content',
  'offensive-language',
  'confidential-information',
  'hostile-engagement',
] as const satisfies readonly RuleId[];

export function isWordingRule(rule: RuleId): boolean {
  return (WORDING_RULES as readonly RuleId[]).includes(rule);
}
