import { createHash } from 'node:crypto';
import type { Account } from '../../shared/domain/account';
import { isoWeekOf } from '../../shared/domain/calendar';
import type { Post } from '../../shared/domain/post';
import type { ScanRun, StoredFinding, StoredPost } from '../../shared/domain/records';
import type { ReportPeriod } from '../../shared/report/build-report';
import type { CouncilStore } from '../../shared/store/audit-store';
import { testConfig } from '../support/fixtures';

/*
 * Spring 2027 at Harbourne Town Council (fictional): a quarter that contains the pre-election period
 * for the 6 May 2027 election and the change to British Summer Time on 28 March. Phone numbers are
 * from Ofcom's drama range, addresses on `.example`.
 */

export const TIMEZONE = 'Europe/London';
export const QUARTER: ReportPeriod = { from: '2027-03-01', to: '2027-05-31' };
/** The report is made on 2 June 2027. */
export const NOW = new Date('2027-06-02T08:00:00Z');
export const config = () => testConfig();

/** The resident's number as posted; only its masked form may ever leave the store. */
export const FULL_PHONE = '07700 900123';
export const MASKED_PHONE_EVIDENCE = 'call Sam on 07700 9•• •••';

export const MASTODON = '@harbournetc@mastodon.social';
export const BLUESKY = '@harbournetc.bsky.social';
export const FACEBOOK = '@HarbourneTownCouncil';
export const IMPOSTOR = '@harbourne_tc_events';
export const FEED = 'https://www.harbourne-tc.example/feed.xml';

/** Hostile strings a post or a display name could carry into the report. */
export const HOSTILE = {
  evidence: '<script>alert("x")</script>, "quoted"\nsecond line',
  reason: '=HYPERLINK("https://evil.example","click")',
  postUrl: 'javascript:alert(1)',
  displayName: '<img src=x onerror=alert(1)>Harbourne',
};

/** The calendar date of an instant in London, worked out here without the code under test. */
export function londonDate(instant: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIMEZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

function finding(fields: Partial<StoredFinding> & Pick<StoredFinding, 'id' | 'detectedAt'>): StoredFinding {
  return {
    rule: 'personal-data',
    severity: 'high',
    account: MASTODON,
    platform: 'mastodon',
    evidence: MASKED_PHONE_EVIDENCE,
    reason: "a mobile number that is not one of the council's published contacts",
    clause: 'Social Media Guide 3b: do not publish personal data without consent.',
    remediation: 'Remove the post, or edit out the number, and record the breach.',
    status: 'open',
    detectedWeek: isoWeekOf(fields.detectedAt, TIMEZONE).id,
    ...fields,
  };
}

function post(id: string, text: string, createdAt: string): StoredPost {
  const p: Post = { id, platform: 'mastodon', account: MASTODON, accountName: 'Harbourne Town Council', createdAt, text, url: `https://mastodon.social/@harbournetc/${id}` };
  return { post: p, contentHash: createHash('sha256').update(JSON.stringify(p)).digest('hex'), capturedAt: createdAt, expiresAt: 1_900_000_000 };
}

const url = (id: string) => `https://mastodon.social/@harbournetc/${id}`;

/** Every finding stored, inside the quarter and just outside it. */
export const FINDINGS: StoredFinding[] = [
  // 00:10 UTC on 1 March is 00:10 GMT: inside.
  finding({ id: 'a-phone', postId: 'p1', postUrl: url('p1'), postedAt: '2027-02-28T23:00:00Z', detectedAt: '2027-03-01T00:10:00Z' }),
  finding({ id: 'b-link', rule: 'risky-link', severity: 'medium', postId: 'p2', postUrl: url('p2'), postedAt: '2027-03-10T08:00:00Z', detectedAt: '2027-03-10T09:00:00Z', evidence: 'https://bit.example/x1', reason: 'a link through a URL shortener' }),
  finding({ id: 'c-link', rule: 'risky-link', severity: 'low', account: BLUESKY, platform: 'bluesky', postId: 'p3', postedAt: '2027-03-15T09:00:00Z', detectedAt: '2027-03-15T10:00:00Z', evidence: 'https://bit.example/x2', reason: 'a link through a URL shortener' }),
  finding({ id: 'd-politics', rule: 'political-content', postId: 'p4', postUrl: url('p4'), postedAt: '2027-04-10T08:00:00Z', detectedAt: '2027-04-10T09:00:00Z', evidence: 'vote for the Harbourne Independents', reason: 'names a party during the pre-election period' }),
  finding({ id: 'e-phone', postId: 'p4', postUrl: url('p4'), postedAt: '2027-04-10T08:00:00Z', detectedAt: '2027-04-10T09:00:00Z', status: 'acknowledged' }),
  finding({ id: 'f-impostor', rule: 'unapproved-account', account: IMPOSTOR, platform: 'x', postUrl: 'https://x.com/harbourne_tc_events', detectedAt: '2027-04-20T07:00:00Z', evidence: `${IMPOSTOR} ("Harbourne TC Events") on x`, reason: 'presents as the council but is not an approved account' }),
  // 22:30 UTC on 31 May is 23:30 BST on 31 May: inside.
  finding({ id: 'g-offensive', rule: 'offensive-language', severity: 'medium', account: FACEBOOK, platform: 'facebook', postId: 'p6', postedAt: '2027-05-31T21:00:00Z', detectedAt: '2027-05-31T22:30:00Z', evidence: 'a s••• word', reason: 'a swear word in a reply' }),
  finding({ id: 'j-hostile', rule: 'copyright-attribution', severity: 'low', account: BLUESKY, platform: 'bluesky', postId: 'p5', postUrl: HOSTILE.postUrl, postedAt: '2027-05-05T08:00:00Z', detectedAt: '2027-05-05T09:00:00Z', evidence: HOSTILE.evidence, reason: HOSTILE.reason }),
  // Dismissed without an audit trail (stored so): closed, but no duration can be given.
  finding({ id: 'k-confidential', rule: 'confidential-information', severity: 'low', postId: 'p7', postedAt: '2027-05-20T08:00:00Z', detectedAt: '2027-05-20T09:00:00Z', status: 'dismissed', evidence: 'exempt item 12', reason: 'mentions an exempt agenda item' }),
  // 23:30 UTC on 31 May is 00:30 BST on 1 June: outside, though still open.
  finding({ id: 'h-after', postId: 'p8', postedAt: '2027-05-31T23:00:00Z', detectedAt: '2027-05-31T23:30:00Z' }),
  // 23:30 UTC on 28 February is 23:30 GMT on 28 February: outside, still open, so an open item.
  finding({ id: 'i-before', rule: 'hostile-engagement', severity: 'medium', postId: 'p0', postedAt: '2027-02-28T20:00:00Z', detectedAt: '2027-02-28T23:30:00Z', evidence: 'a dismissive reply', reason: 'a dismissive reply to a resident' }),
];

/** The ids inside the quarter, by the London date, as the test reads the fixture. */
export const IN_QUARTER = ['a-phone', 'b-link', 'c-link', 'd-politics', 'e-phone', 'f-impostor', 'g-offensive', 'j-hostile', 'k-confidential'];

function run(fields: Partial<ScanRun> & Pick<ScanRun, 'runId' | 'startedAt'>): ScanRun {
  return {
    platform: 'mastodon',
    handle: MASTODON,
    finishedAt: new Date(Date.parse(fields.startedAt) + 9000).toISOString(),
    week: isoWeekOf(fields.startedAt, TIMEZONE).id,
    outcome: 'ok',
    postsFetched: 40,
    postsNew: 0,
    findingsNew: 0,
    ...fields,
  };
}

export const RUNS: ScanRun[] = [
  run({ runId: 'm1', startedAt: '2027-03-01T06:00:00Z', postsNew: 10 }),
  run({ runId: 'm2', startedAt: '2027-04-10T06:00:00Z', postsNew: 20 }),
  run({ runId: 'm3', startedAt: '2027-04-17T06:00:00Z', outcome: 'failed', error: 'HTTP 503 from mastodon.social' }),
  run({ runId: 'b1', platform: 'bluesky', handle: BLUESKY, startedAt: '2027-03-15T06:00:00Z', postsNew: 5 }),
  run({ runId: 'f1', platform: 'facebook', handle: FACEBOOK, startedAt: '2027-05-31T22:00:00Z', postsNew: 4 }),
  // Outside the quarter by the London date, in weeks the quarter overlaps.
  run({ runId: 'm-after', startedAt: '2027-05-31T23:30:00Z', postsNew: 100 }),
  run({ runId: 'm-before', startedAt: '2027-02-28T23:30:00Z', postsNew: 50 }),
];

export const ACCOUNTS: Account[] = [
  { platform: 'mastodon', handle: MASTODON, displayName: 'Harbourne Town Council', approvedBy: 'Town Clerk', approvedOn: '2025-04-01', status: 'active', registeredAt: '2025-04-01T09:00:00Z' },
  { platform: 'bluesky', handle: BLUESKY, displayName: HOSTILE.displayName, approvedBy: 'Town Clerk', approvedOn: '2025-04-01', status: 'active', registeredAt: '2025-04-01T09:00:00Z' },
  { platform: 'facebook', handle: FACEBOOK, approvedBy: 'Town Clerk', approvedOn: '2024-01-10', status: 'active', registeredAt: '2024-01-10T09:00:00Z' },
  { platform: 'rss', handle: FEED, status: 'active', registeredAt: '2027-05-01T09:00:00Z' },
];

/** Status changes, in order: [finding, status, when]. */
export const STATUS_CHANGES: [string, 'acknowledged' | 'resolved' | 'dismissed' | 'open', string][] = [
  ['a-phone', 'resolved', '2027-03-03T00:10:00Z'], // 2 days
  ['b-link', 'dismissed', '2027-03-11T09:00:00Z'], // 1 day
  ['c-link', 'dismissed', '2027-03-20T10:00:00Z'], // 5 days
  ['j-hostile', 'acknowledged', '2027-05-06T09:00:00Z'],
  ['j-hostile', 'resolved', '2027-05-08T09:00:00Z'], // first closed after 3 days
  ['j-hostile', 'open', '2027-05-09T09:00:00Z'],
  ['j-hostile', 'resolved', '2027-05-11T09:00:00Z'],
  ['g-offensive', 'resolved', '2027-06-01T10:30:00Z'], // 12 hours
];

/** Fills a store with the quarter; `setClock` moves the clock the store stamps status changes with. */
export async function fillQuarter(store: CouncilStore, setClock: (at: Date) => void): Promise<void> {
  for (const account of ACCOUNTS) await store.putAccount(account);
  await store.putPost('mastodon', MASTODON, post('p1', `Lost dog found: call Sam on ${FULL_PHONE}`, '2027-02-28T23:00:00Z'));
  await store.putPost('mastodon', MASTODON, post('p4', `Vote for the Harbourne Independents! Questions? ${FULL_PHONE}`, '2027-04-10T08:00:00Z'));
  for (const f of FINDINGS) await store.putFinding(f);
  for (const r of RUNS) await store.recordScanRun(r);
  for (const [id, status, at] of STATUS_CHANGES) {
    setClock(new Date(at));
    await store.setFindingStatus(id, status, 'Town Clerk');
  }
}
