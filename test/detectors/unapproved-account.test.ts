import { describe, expect, it } from 'vitest';
import { unapprovedAccount } from '../../shared/detectors/unapproved-account';
import { detectAll } from '../../shared/scanning/run-detectors';
import { COUNCIL_INPUT, makePost, testConfig } from '../support/fixtures';
import { testDetector } from '../support/test-detector';

const APPROVED = COUNCIL_INPUT.approvedAccounts;

/** A post from some other account; the display name and permalink are the account's own. */
const from = (account: string, accountName: string | undefined, platform = 'mastodon', text = 'Lovely day on the prom.') => ({
  account,
  accountName,
  platform: platform as 'mastodon',
  text,
  url: `https://social.example/${account.replace(/^@/, '')}/1`,
});

/** Another council with a short alias, for whole-word matching: Selbourne Town Council ("STC"). */
const SELBOURNE = {
  council: { name: 'Selbourne Town Council', aliases: ['Selbourne TC', 'STC'] },
  approvedAccounts: [{ platform: 'mastodon', handle: '@selbournetc@mastodon.social', approvedBy: 'Town Clerk', approvedOn: '2025-01-01' }],
};

testDetector(unapprovedAccount, {
  valid: [
    { name: "the council's approved account posting", post: 'Bin collections move to Tuesday next week.' },
    { name: 'an approved account written with different capitals', post: { account: '@HarbourneTC@Mastodon.Social', text: 'Hello' } },
    { name: "an approved Facebook page", post: from('@HarbourneTownCouncil', 'Harbourne Town Council', 'facebook') },
    { name: "a private resident's account that mentions the council", post: from('@janeholt@mastodon.social', 'Jane Holt', 'mastodon', 'Thanks Harbourne Town Council for the new benches! @harbournetc@mastodon.social') },
    { name: 'a local club that shares the place name', post: from('@harbournesailing.bsky.social', 'Harbourne Sailing Club', 'bluesky') },
    { name: 'a local club whose handle starts with the place name', post: from('@harbourne_bowls', 'Harbourne Bowls Club', 'instagram') },
    { name: 'a short alias as part of another word ("nightclub" holds "htc")', post: from('@nightclubnews', 'Nightclub News', 'instagram') },
    { name: 'a short alias inside a longer handle ("westcountry" holds "stc")', post: from('@westcountrywalks', 'West Country Walks', 'instagram'), config: SELBOURNE },
    { name: "a configured councillor's personal account", post: from('@rajbhatt.bsky.social', 'Raj Bhatt (Harbourne TC)', 'bluesky') },
    { name: "a councillor's personal account that names the council", post: from('@samellis', 'Cllr Sam Ellis, Harbourne Town Council', 'x') },
    { name: 'an account with no name that does not speak for the council', post: from('@quaycafe', undefined, 'instagram', 'Fresh scones today, next to the Harbourne Town Council offices.') },
    { name: 'a registered account whose handle carries the place name', post: 'Bins', config: { approvedAccounts: [...APPROVED, { platform: 'instagram', handle: '@harbourne_beachhuts', approvedBy: 'Town Clerk', approvedOn: '2025-06-01' }] } },
    {
      name: "a configured councillor's own account, registered and approved: it names its councillor, so it is not anonymous",
      post: 'Bins',
      config: { approvedAccounts: [...APPROVED, { platform: 'bluesky', handle: '@rajbhatt.bsky.social', displayName: 'Cllr Raj Bhatt (Quay ward)', approvedBy: 'Town Clerk', approvedOn: '2025-06-01' }] },
    },
    { name: 'a registered account with an identifying display name', post: 'Bins', config: { approvedAccounts: [...APPROVED, { platform: 'youtube', handle: '@UCx81Kq0', displayName: 'Harbourne Town Council meetings', approvedBy: 'Town Clerk', approvedOn: '2025-06-01' }] } },
    { name: "a resident thanking the council on behalf of a group that isn't the council", post: from('@quaysidefriends', 'Quayside Friends', 'facebook', 'On behalf of the Quayside Friends, thank you Harbourne Town Council!') },
  ],
  invalid: [
    {
      name: 'an account whose handle carries an alias',
      post: from('@harbournetc_events@mastodon.social', 'Harbourne TC Events'),
      expect: { severity: 'high', evidence: '@harbournetc_events@mastodon.social ("Harbourne TC Events") on mastodon, https://mastodon.social/@harbournetc_events', reason: "not one of the council's approved accounts" },
      count: 1,
    },
    { name: 'a short alias as a whole word of the handle', post: from('@htc_beachhuts', 'Beach Huts', 'instagram'), expect: { reason: '"htc"', evidence: 'https://social.example/htc_beachhuts/1' } },
    { name: 'a short alias as a camelCase word of the handle', post: from('@HTCBeachHuts', 'Beach Huts', 'x'), expect: { reason: 'its handle @HTCBeachHuts' } },
    { name: 'a short alias followed by a year', post: from('@htc2026', undefined, 'instagram'), expect: { reason: '"htc"' } },
    { name: 'a short alias of another council as a whole word', post: from('@stc_beachhuts', 'Beach Huts', 'instagram'), config: SELBOURNE, expect: { reason: '"stc"' } },
    { name: 'the council name in the display name only', post: from('@beachhuts2026', 'Harbourne Town Council Beach Huts', 'instagram'), expect: { reason: 'display name "Harbourne Town Council Beach Huts"' } },
    { name: "the approved handle on a platform it was not approved for", post: from('@harbournetc', 'Harbourne Town Council', 'x'), expect: { reason: "not one of the council's approved accounts on x" } },
    { name: 'a derived form of the name ("Harbourne Council")', post: from('@HarbourneCouncil', undefined, 'facebook'), expect: { reason: 'harbournecouncil' } },
    { name: 'an impostor on Bluesky, with its profile address', post: from('@harbournetowncouncil.bsky.social', 'Harbourne Town Council', 'bluesky'), expect: { evidence: 'https://bsky.app/profile/harbournetowncouncil.bsky.social' } },
    { name: 'a watchdog account carrying the council name', post: from('@harbournetcwatch', 'Harbourne TC Watch', 'x'), expect: { reason: 'presents as the council' } },
    {
      name: 'a registered account without approvedBy or approvedOn',
      post: 'Bins',
      config: { approvedAccounts: [...APPROVED, { platform: 'youtube', handle: '@HarbourneTownCouncil' }] },
      expect: { severity: 'high', evidence: '@HarbourneTownCouncil on youtube', reason: 'not recorded: who approved it or when' },
      count: 1,
    },
    { name: 'a registered account without approvedOn', post: 'Bins', config: { approvedAccounts: [...APPROVED, { platform: 'instagram', handle: '@harbournetc', approvedBy: 'Town Clerk' }] }, expect: { reason: '(not recorded: when)' } },
    {
      name: 'a registered account that is anonymous',
      post: 'Bins',
      config: { approvedAccounts: [...APPROVED, { platform: 'instagram', handle: '@beachhutbookings', approvedBy: 'Town Clerk', approvedOn: '2025-06-01' }] },
      expect: { reason: 'anonymous', evidence: '@beachhutbookings on instagram' },
    },
    { name: 'an unregistered anonymous account posting on behalf of the council', post: from('@hutkeys', undefined, 'instagram', 'Posting on behalf of Harbourne Town Council: hut keys can be collected from Monday.'), expect: { reason: 'anonymous' } },
    { name: 'an anonymous account signed by the Town Clerk', post: from('@hutkeys2', 'Hut keys', 'instagram', 'Hut keys can be collected from Monday.\n— Town Clerk'), expect: { reason: "on the council's behalf" } },
  ],
});

describe('unapproved-account across a scan', () => {
  it('raises an account once however many posts it makes', () => {
    // Prepare
    const posts = [1, 2, 3].map((n) => makePost({ ...from('@htc_events@mastodon.social', 'HTC Events'), id: `p${n}` }));
    // Act
    const findings = detectAll(testConfig(), posts, [unapprovedAccount]);
    // Assess
    expect(findings.map((f) => [f.account, f.postId])).toEqual([['@htc_events@mastodon.social', 'p1']]);
  });

  it('raises a registered account up front, before it posts', () => {
    const config = testConfig({ approvedAccounts: [...APPROVED, { platform: 'x', handle: '@harbournetc' }] });
    const findings = detectAll(config, [], [unapprovedAccount]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ account: '@harbournetc', platform: 'x', severity: 'high' });
    expect(findings[0]!.postId).toBeUndefined();
  });
});
