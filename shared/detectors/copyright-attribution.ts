import type { PostDetector } from './detector';

// Placeholder until the rule is written: it finds nothing.
export const copyrightAttribution: PostDetector = {
  meta: {
    id: 'copyright-attribution',
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
