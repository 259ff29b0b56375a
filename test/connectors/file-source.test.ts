import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileSourceConnector } from '../../shared/connectors/file/file-source';
import type { Account } from '../../shared/domain/account';
import type { Post } from '../../shared/domain/post';
import { growthAsync } from '../support/work';

// The local twin's connector reads every account's posts from one JSON-lines file.

const dir = mkdtempSync(join(tmpdir(), 'file-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The account a post's handle names, whatever its case. */
const account = (i: number): Account => ({ platform: 'mastodon', handle: `@account${i}@mastodon.social`, status: 'active', registeredAt: '2026-01-01T00:00:00Z' });

/** `posts` posts spread over `accounts` accounts, written in no particular order. */
function sampleFile(posts: number, accounts: number): string {
  const lines: string[] = [];
  for (let i = 0; i < posts; i++) {
    const post: Post = {
      id: `p${i}`,
      platform: 'mastodon',
      account: `@ACCOUNT${i % accounts}@mastodon.social`,
      createdAt: new Date(Date.UTC(2026, 0, 1) + ((i * 7919) % posts) * 60_000).toISOString(),
      text: `Post ${i}`,
    };
    lines.push(JSON.stringify(post));
  }
  const path = join(dir, `posts-${posts}-${accounts}.jsonl`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('FileSourceConnector', () => {
  it("gives each account its own posts, oldest first, and only newer ones after its cursor", async () => {
    const source = new FileSourceConnector(sampleFile(5_000, 50));
    const first = await source.fetchNewPosts(account(7), undefined);
    expect(first.posts).toHaveLength(100);
    expect(first.posts.every((p) => p.account === '@ACCOUNT7@mastodon.social')).toBe(true);
    const times = first.posts.map((p) => p.createdAt);
    expect(times).toEqual([...times].sort());
    const middle = `${first.posts[49]!.createdAt}|${first.posts[49]!.id}`;
    const rest = await source.fetchNewPosts(account(7), middle);
    expect(rest.posts.map((p) => p.id)).toEqual(first.posts.slice(50).map((p) => p.id));
    expect(rest.cursor).toBe(first.cursor);
    expect((await source.fetchNewPosts(account(7), first.cursor)).posts).toEqual([]);
  });

  it('reads a file of many accounts with work in proportion to its length', async () => {
    const readAll = async (path: string) => {
      const source = new FileSourceConnector(path);
      const accounts = Number(/-(\d+)\.jsonl$/.exec(path)![1]);
      for (let i = 0; i < accounts; i++) await source.fetchNewPosts(account(i), undefined);
    };
    expect(await growthAsync((size) => sampleFile(size, size / 10), readAll, 2_000)).toBeLessThan(2.5);
  });
});
