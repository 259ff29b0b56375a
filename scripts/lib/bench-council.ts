/** The fictional council the benchmark's generated posts belong to. */
export const COUNCIL = {
  council: { name: 'Harbourne Town Council', aliases: ['Harbourne TC', 'HTC'] },
  timezone: 'Europe/London',
  approvedAccounts: [
    { platform: 'mastodon', handle: '@harbournetc@mastodon.social', approvedBy: 'Town Clerk', approvedOn: '2025-04-01' },
    { platform: 'bluesky', handle: '@harbournetc.bsky.social', approvedBy: 'Town Clerk', approvedOn: '2025-04-01' },
    { platform: 'facebook', handle: '@HarbourneTownCouncil', approvedBy: 'Town Clerk', approvedOn: '2024-01-10' },
  ],
  publishedContacts: ['01632 960001', 'clerk@harbourne-tc.example', 'HB4 7QT'],
  councillors: [{ name: 'Alice Moreton', handles: ['@cllralicemoreton@mastodon.social'] }],
  elections: [{ pollingDay: '2026-05-07', preElectionStart: '2026-03-30' }],
  attributionExempt: ['Harbourne Town Council'],
};
