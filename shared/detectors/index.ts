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

export { RULES_VERSION } from './meta';
