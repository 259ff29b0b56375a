import type { PostDetector } from './detector';

// Placeholder until the rule is written: it finds nothing.
export const personalData: PostDetector = {
  meta: {
    id: 'personal-data',
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
