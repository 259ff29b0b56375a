import { describe, expect, it } from 'vitest';
import { AccountNotFoundError, FindingNotFoundError } from '../../shared/domain/errors';
import type { StoredPost } from '../../shared/domain/records';
import { testConfig } from '../support/fixtures';
import { MemoryCouncilStore } from '../support/memory-store';
import { NOW, scanRun, storedFinding, WEEK } from './digest-fixtures';

const AT = '2027-02-08T07:00:00Z';

function storedPost(text: string, hash: string): StoredPost {
  return {
    post: { id: '1001', platform: 'mastodon', account: '@harbournetc@mastodon.social', createdAt: '2027-02-02T10:00:00Z', text },
    contentHash: hash.repeat(64),
    capturedAt: '2027-02-02T10:05:00Z',
    expiresAt: 1_900_000_000,
  };
}

describe('the in-memory AuditStore', () => {
  it('lets one caller claim a week, and another only after that attempt failed', async () => {
    const store = new MemoryCouncilStore();

    expect(await store.claimDigest(WEEK.id, AT)).toBe(true);
    expect(await store.claimDigest(WEEK.id, AT)).toBe(false);
    await store.markDigestFailed(WEEK.id, 'MessageRejected', AT);
    expect(await store.getDigest(WEEK.id)).toEqual({ week: WEEK.id, status: 'failed', attempts: 1, updatedAt: AT, error: 'MessageRejected' });
    expect(await store.claimDigest(WEEK.id, AT)).toBe(true);
    await store.markDigestSent(WEEK.id, 'ses-1', AT);
    expect(await store.claimDigest(WEEK.id, AT)).toBe(false);
    expect(await store.getDigest(WEEK.id)).toEqual({ week: WEEK.id, status: 'sent', attempts: 2, updatedAt: AT, messageId: 'ses-1' });
  });

  it('stores a finding once, never overwriting it, and keeps its status changes in an audit trail', async () => {
    const store = new MemoryCouncilStore({ clock: () => NOW });
    const finding = storedFinding();

    expect(await store.putFinding(finding)).toBe(true);
    expect(await store.putFinding({ ...finding, reason: 'changed' })).toBe(false);
    expect(await store.getFinding(finding.id)).toEqual(finding);
    await expect(store.setFindingStatus('no-such-finding', 'resolved', 'Town Clerk')).rejects.toBeInstanceOf(FindingNotFoundError);
    expect((await store.listOpenFindings()).map((f) => f.id)).toEqual([finding.id]);

    await store.setFindingStatus(finding.id, 'acknowledged', 'Town Clerk');
    expect((await store.listOpenFindings()).map((f) => f.id)).toEqual([finding.id]);
    await store.setFindingStatus(finding.id, 'resolved', 'Town Clerk', 'post deleted');
    expect(await store.listOpenFindings()).toEqual([]);
    expect(await store.listFindingsDetectedIn(WEEK.id)).toHaveLength(1);
    expect(store.findingEvents(finding.id)).toEqual([
      { findingId: finding.id, at: NOW.toISOString(), status: 'acknowledged', previousStatus: 'open', by: 'Town Clerk' },
      { findingId: finding.id, at: NOW.toISOString(), status: 'resolved', previousStatus: 'acknowledged', by: 'Town Clerk', note: 'post deleted' },
    ]);
  });

  it('tells created, unchanged and edited posts apart by their content hash', async () => {
    const store = new MemoryCouncilStore();

    expect(await store.putPost('mastodon', '@HarbourneTC@mastodon.social', storedPost('Bins on Tuesday', 'a'))).toBe('created');
    expect(await store.putPost('mastodon', 'harbournetc@mastodon.social', storedPost('Bins on Tuesday', 'a'))).toBe('unchanged');
    expect(await store.putPost('mastodon', 'harbournetc@mastodon.social', storedPost('Bins on Wednesday', 'b'))).toBe('updated');
    expect((await store.getPost('mastodon', '@harbournetc@mastodon.social', '1001'))?.post.text).toBe('Bins on Wednesday');
  });

  it('keeps accounts by normalised handle, keeping approval unless given', async () => {
    const store = new MemoryCouncilStore();
    const account = { platform: 'bluesky' as const, handle: '@harbournetc.bsky.social', status: 'active' as const, registeredAt: AT };

    await expect(store.approveAccount('bluesky', 'harbournetc.bsky.social', 'Town Clerk', '2027-01-04')).rejects.toBeInstanceOf(AccountNotFoundError);
    await store.putAccount(account);
    await store.approveAccount('bluesky', 'HarbourneTC.bsky.social', 'Town Clerk', '2027-01-04');
    await store.putAccount({ ...account, displayName: 'Harbourne Town Council', status: 'paused' });

    expect(await store.listAccounts()).toEqual([
      { ...account, displayName: 'Harbourne Town Council', status: 'paused', approvedBy: 'Town Clerk', approvedOn: '2027-01-04' },
    ]);
  });

  it('pauses, resumes and removes accounts as the adapter does, keeping their posts', async () => {
    const store = new MemoryCouncilStore();
    const account = { platform: 'bluesky' as const, handle: '@harbournetc.bsky.social', status: 'active' as const, registeredAt: AT };

    await expect(store.setAccountStatus('bluesky', 'harbournetc.bsky.social', 'paused')).rejects.toBeInstanceOf(AccountNotFoundError);
    await store.putAccount(account);
    await store.putPost('bluesky', account.handle, storedPost('Bins on Wednesday', 'a'));
    expect(await store.setAccountStatus('bluesky', 'HarbourneTC.bsky.social', 'paused')).toEqual({ ...account, status: 'paused' });
    expect((await store.setAccountStatus('bluesky', account.handle, 'active')).status).toBe('active');

    expect(await store.removeAccount('bluesky', 'HarbourneTC.bsky.social')).toEqual(account);
    expect(await store.removeAccount('bluesky', account.handle)).toBeUndefined();
    expect(await store.listAccounts()).toEqual([]);
    expect(await store.getPost('bluesky', account.handle, '1001')).toBeDefined();
  });

  it('records a scan run once however often it is delivered, and returns copies', async () => {
    const store = new MemoryCouncilStore();
    const run = scanRun();

    await store.recordScanRun(run);
    await store.recordScanRun(run);
    const [listed] = await store.listScanRuns(WEEK.id);
    listed!.postsNew = 999;

    expect(await store.listScanRuns(WEEK.id)).toEqual([run]);
    await store.setCursor('mastodon', '@HarbourneTC@mastodon.social', 'c-1');
    expect(await store.getCursor('mastodon', 'harbournetc@mastodon.social')).toBe('c-1');
    await store.putCouncilConfig(testConfig());
    expect(await store.getCouncilConfig()).toEqual(testConfig());
  });
});
