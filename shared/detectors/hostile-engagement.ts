import type { PostDetector } from './detector';

// Placeholder until the rule is written: it finds nothing.
export const hostileEngagement: PostDetector = {
  meta: {
    id: 'hostile-engagement',
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
