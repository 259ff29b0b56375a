import { createHash } from 'node:crypto';
import type { Account } from '../../shared/domain/account';
import type { Post } from '../../shared/domain/post';
import type { ScanRun, StoredFinding, StoredPost } from '../../shared/domain/records';

/** Fictional records of Harbourne Town Council for the store's tests. */

export const MASTODON_HANDLE = '@harbournetc@mastodon.social';

export function makeAccount(fields: Partial<Account> = {}): Account {
  return {
    platform: 'mastodon',
    handle: MASTODON_HANDLE,
    displayName: 'Harbourne Town Council',
    status: 'active',
    registeredAt: '2026-01-05T09:00:00Z',
    ...fields,
  };
}

export function storedPost(fields: Partial<Post> = {}, capturedAt = '2026-02-03T11:00:00Z'): StoredPost {
  const post: Post = {
    id: '111',
    platform: 'mastodon',
    account: MASTODON_HANDLE,
    accountName: 'Harbourne Town Council',
    createdAt: '2026-02-03T10:00:00Z',
    text: 'The allotment open day is on Saturday at the Harbourne community hall.',
    url: 'https://mastodon.social/@harbournetc/111',
    ...fields,
  };
  return {
    post,
    contentHash: createHash('sha256').update(JSON.stringify(post)).digest('hex'),
    capturedAt,
    expiresAt: 1_805_000_000,
  };
}

export function makeFinding(fields: Partial<StoredFinding> = {}): StoredFinding {
  return {
    id: 'f-personal-data-111-0',
    rule: 'personal-data',
    severity: 'high',
    postId: '111',
    account: MASTODON_HANDLE,
    platform: 'mastodon',
    postUrl: 'https://mastodon.social/@harbournetc/111',
    postedAt: '2026-02-03T10:00:00Z',
    evidence: 'call Sam on 07700 900***',
    reason: 'a mobile number that is not among the published contacts',
    clause: 'Social media policy 4c: no personal data',
    remediation: 'Edit the post to remove the number, or delete it.',
    location: { field: 'text', start: 12, end: 25 },
    status: 'open',
    detectedAt: '2026-02-03T11:00:00Z',
    detectedWeek: '2026-W06',
    ...fields,
  };
}

export function makeScanRun(fields: Partial<ScanRun> = {}): ScanRun {
  return {
    runId: 'run-1',
    platform: 'mastodon',
    handle: MASTODON_HANDLE,
    startedAt: '2026-02-03T11:00:00Z',
    finishedAt: '2026-02-03T11:00:04Z',
    week: '2026-W06',
    outcome: 'ok',
    postsFetched: 12,
    postsNew: 3,
    findingsNew: 1,
    ...fields,
  };
}
