import type { PostDetector } from './detector';

// Placeholder until the rule is written: it finds nothing.
export const offensiveLanguage: PostDetector = {
  meta: {
    id: 'offensive-language',
    level: 'post',
    defaultSeverity: 'medium',
    description: 'TODO',
    clause: 'TODO',
    remediation: 'TODO',
  },
  detect() {
    return [];
  },
};
