import type { PostDetector } from './detector';

// Placeholder until the rule is written: it finds nothing.
export const confidentialInformation: PostDetector = {
  meta: {
    id: 'confidential-information',
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
