import type { Detector } from './detector';
import { confidentialInformation } from './confidential-information';
import { copyrightAttribution } from './copyright-attribution';
import { hostileEngagement } from './hostile-engagement';
import { offensiveLanguage } from './offensive-language';
import { personalData } from './personal-data';
import { politicalContent } from './political-content';
import { riskyLink } from './risky-link';
import { unapprovedAccount } from './unapproved-account';

/** Every rule of the rulebook, in the rulebook's order. */
export const DETECTORS: readonly Detector[] = [
  personalData,
  copyrightAttribution,
  politicalContent,
  unapprovedAccount,
  offensiveLanguage,
  confidentialInformation,
  riskyLink,
  hostileEngagement,
];

/**
 * The version of the rules: raise it whenever a detector's logic, word lists or thresholds change, so
 * that every finding says which rules raised it and `council-audit rescan` knows what it re-checks with.
 */
export const RULES_VERSION = '2026-12-07';
