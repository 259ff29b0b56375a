import { parseCouncilConfig, type CouncilConfig } from '../../shared/domain/config';
import type { Post } from '../../shared/domain/post';

/**
 * A fictional council for tests, independent of any corpus: Harbourne Town Council.
 * Phone numbers are from Ofcom's drama ranges; email addresses are on `.example` domains.
 */
export const COUNCIL_INPUT = {
  council: { name: 'Harbourne Town Council', aliases: ['Harbourne TC', 'HTC'] },
  timezone: 'Europe/London',
  approvedAccounts: [
    { platform: 'mastodon', handle: '@harbournetc@mastodon.social', approvedBy: 'Town Clerk', approvedOn: '2025-04-01' },
    { platform: 'bluesky', handle: '@harbournetc.bsky.social', approvedBy: 'Town Clerk', approvedOn: '2025-04-01' },
    { platform: 'facebook', handle: '@HarbourneTownCouncil', approvedBy: 'Town Clerk', approvedOn: '2024-01-10' },
  ],
  publishedContacts: ['01632 960001', 'clerk@harbourne-tc.example', 'HB4 7QT'],
  councillors: [
    { name: 'Alice Moreton', handles: ['@cllralicemoreton@mastodon.social'] },
    { name: 'Raj Bhatt', handles: ['@rajbhatt.bsky.social'] },
  ],
  elections: [{ pollingDay: '2027-05-06', preElectionStart: '2027-03-29' }],
  attributionExempt: ['Harbourne Town Council'],
};

export function testConfig(overrides: Partial<Record<keyof CouncilConfig, unknown>> = {}): CouncilConfig {
  return parseCouncilConfig({ ...structuredClone(COUNCIL_INPUT), ...overrides });
}

let counter = 0;

/** A canonical post from the council's approved Mastodon account, outside any pre-election period. */
export function makePost(fields: Partial<Post> = {}): Post {
  counter += 1;
  return {
    id: `t-${counter}`,
    platform: 'mastodon',
    account: '@harbournetc@mastodon.social',
    accountName: 'Harbourne Town Council',
    createdAt: '2026-02-03T10:00:00Z',
    text: '',
    url: `https://mastodon.social/@harbournetc/${100000 + counter}`,
    ...fields,
  };
}
