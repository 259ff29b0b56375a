import { decodeHTML } from 'entities';
import { parseIsoWeek, type IsoWeek } from '../../shared/domain/calendar';
import type { ScanRun, StoredFinding } from '../../shared/domain/records';
import { MemoryCouncilStore } from '../support/memory-store';

/** The digest week of these tests: Monday 1 – Sunday 7 February 2027, well before Harbourne's election. */
export const WEEK: IsoWeek = parseIsoWeek('2027-W05');
export const NOW = new Date('2027-02-08T07:00:00Z');
export const FROM = 'council-audit@harbourne-tc.example';
export const TO = ['clerk@harbourne-tc.example', 'deputy.clerk@harbourne-tc.example'];

let counter = 0;

export function storedFinding(fields: Partial<StoredFinding> = {}): StoredFinding {
  counter += 1;
  return {
    id: `f-${counter}`,
    rule: 'personal-data',
    severity: 'high',
    postId: `p-${counter}`,
    account: '@harbournetc@mastodon.social',
    platform: 'mastodon',
    postUrl: `https://mastodon.social/@harbournetc/${110000 + counter}`,
    postedAt: '2027-02-02T10:15:00Z',
    evidence: `call 07700 9•• ••${counter % 10}`,
    reason: `a mobile number that is not one of the council's published contacts (#${counter})`,
    clause: 'Social Media Guide 3b: do not publish personal data without consent.',
    remediation: 'Remove the post, or edit out the number, and record the breach.',
    status: 'open',
    detectedAt: '2027-02-02T11:00:00Z',
    detectedWeek: WEEK.id,
    ...fields,
  };
}

export function scanRun(fields: Partial<ScanRun> = {}): ScanRun {
  counter += 1;
  return {
    runId: `run-${counter}`,
    platform: 'mastodon',
    handle: '@harbournetc@mastodon.social',
    startedAt: '2027-02-02T06:00:00Z',
    finishedAt: '2027-02-02T06:00:09Z',
    week: WEEK.id,
    outcome: 'ok',
    postsFetched: 10,
    postsNew: 4,
    findingsNew: 0,
    ...fields,
  };
}

/**
 * A busy week: findings of every severity on three accounts (one of them an impostor), a finding
 * still open from January, one dismissed from January, and a Facebook capture that keeps failing.
 */
export function busyWeek() {
  const findings: StoredFinding[] = [
    storedFinding({ severity: 'medium', rule: 'risky-link', reason: 'links to a URL shortener that hides where it leads', postedAt: '2027-02-03T09:00:00Z' }),
    storedFinding({ severity: 'high', rule: 'personal-data' }),
    storedFinding({ severity: 'low', rule: 'copyright-attribution', account: '@harbournetc.bsky.social', platform: 'bluesky', postUrl: 'https://bsky.app/profile/harbournetc.bsky.social/post/3kx1' }),
    storedFinding({ severity: 'high', rule: 'offensive-language', reason: 'a swear word in a reply from the council account', postedAt: '2027-02-06T21:30:00Z' }),
    storedFinding({
      severity: 'high',
      rule: 'unapproved-account',
      account: '@harbourne_tc_events',
      platform: 'x',
      postId: undefined,
      postUrl: 'https://x.com/harbourne_tc_events/status/1',
      postedAt: undefined,
      evidence: '@harbourne_tc_events ("Harbourne TC Events") on x',
      reason: 'presents as the council but is not in approvedAccounts for x',
    }),
    storedFinding({ severity: 'medium', rule: 'personal-data', postedAt: '2027-02-01T08:00:00Z', status: 'acknowledged' }),
  ];
  const earlier: StoredFinding[] = [
    storedFinding({ severity: 'medium', rule: 'hostile-engagement', detectedAt: '2027-01-12T09:00:00Z', detectedWeek: '2027-W02', reason: 'a dismissive reply to a resident' }),
    storedFinding({ severity: 'high', rule: 'confidential-information', detectedAt: '2027-01-20T09:00:00Z', detectedWeek: '2027-W03', status: 'acknowledged', reason: 'mentions an exempt agenda item' }),
    storedFinding({ severity: 'low', rule: 'risky-link', detectedAt: '2027-01-20T09:00:00Z', detectedWeek: '2027-W03', status: 'dismissed', reason: 'a dismissed link finding' }),
  ];
  const later: StoredFinding[] = [
    storedFinding({ severity: 'high', rule: 'personal-data', detectedAt: '2027-02-09T09:00:00Z', detectedWeek: '2027-W06', reason: 'a finding from the week after' }),
  ];
  const runs: ScanRun[] = [
    scanRun({ postsFetched: 12, postsNew: 5 }),
    scanRun({ startedAt: '2027-02-05T06:00:00Z', finishedAt: '2027-02-05T06:00:05Z', postsFetched: 8, postsNew: 2, handle: '@HarbourneTC@mastodon.social' }),
    scanRun({ platform: 'bluesky', handle: '@harbournetc.bsky.social', postsFetched: 7, postsNew: 3 }),
    scanRun({ platform: 'facebook', handle: '@HarbourneTownCouncil', outcome: 'failed', postsFetched: 0, postsNew: 0, error: 'token expired (HTTP 401)' }),
    scanRun({
      platform: 'facebook',
      handle: '@HarbourneTownCouncil',
      startedAt: '2027-02-06T06:00:00Z',
      finishedAt: '2027-02-06T06:00:01Z',
      outcome: 'failed',
      postsFetched: 0,
      postsNew: 0,
      error: 'rate limited (HTTP 429)',
    }),
    scanRun({ platform: 'rss', handle: 'https://www.harbourne-tc.example/news/feed.xml', postsFetched: 3, postsNew: 1 }),
    scanRun({ week: '2027-W06', startedAt: '2027-02-09T06:00:00Z', finishedAt: '2027-02-09T06:00:04Z', postsFetched: 99, postsNew: 99 }),
  ];
  return { findings, earlier, later, runs };
}

/** A memory store holding the given findings (raised open, then moved to their status) and runs. */
export async function storeWith(findings: readonly StoredFinding[], runs: readonly ScanRun[] = []): Promise<MemoryCouncilStore> {
  const store = new MemoryCouncilStore({ clock: () => NOW });
  for (const finding of findings) {
    await store.putFinding({ ...finding, status: 'open' });
    if (finding.status !== 'open') await store.setFindingStatus(finding.id, finding.status, 'Town Clerk');
  }
  for (const run of runs) await store.recordScanRun(run);
  return store;
}

/** What a reader sees of an HTML mail: tags removed, entities decoded, whitespace collapsed. */
export function visibleText(html: string): string {
  return decodeHTML(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ');
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ');
}
