import type { PostDetector } from './detector';

// Placeholder until the rule is written: it finds nothing.
export const politicalContent: PostDetector = {
  meta: {
    id: 'political-content',
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
