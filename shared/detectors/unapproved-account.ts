import type { AccountDetector } from './detector';

// Placeholder until the rule is written: it finds nothing.
export const unapprovedAccount: AccountDetector = {
  meta: {
    id: 'unapproved-account',
    level: 'account',
    defaultSeverity: 'medium',
    description: 'TODO',
    clause: 'TODO',
    remediation: 'TODO',
  },
  detect() {
    return [];
  },
};
