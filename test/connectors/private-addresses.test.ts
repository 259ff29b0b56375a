import { describe, expect, it } from 'vitest';
import type { Account } from '../../shared/domain/account';
import { UrlRefusedError } from '../../shared/connectors/errors';
import { platformConnectors } from '../../shared/connectors/platforms';

/**
 * No connector may be turned against the network the scanner runs in: an account whose handle,
 * feed URL or API base URL points at a private, link-local or metadata address is refused before
 * any request, whatever the platform.
 */
const connectors = platformConnectors({ token: async () => 'fictional-token', allowLoopback: false, sleep: async () => undefined });
const account = (fields: Pick<Account, 'platform' | 'handle'> & Partial<Account>): Account => ({ status: 'active', registeredAt: '2026-11-01T00:00:00Z', ...fields });

const CASES: [string, Account][] = [
  ['a Mastodon handle on a private instance', account({ platform: 'mastodon', handle: '@council@10.0.0.5' })],
  ['a Bluesky AppView on a private address', account({ platform: 'bluesky', handle: '@harbournetc.bsky.social', baseUrl: 'https://192.168.1.10' })],
  ['a Graph API base URL on the metadata service', account({ platform: 'facebook', handle: '@HarbourneTownCouncil', baseUrl: 'https://169.254.169.254/v23.0' })],
  ['an Instagram API base URL on the IPv6 metadata service', account({ platform: 'instagram', handle: '@17841400000000001', baseUrl: 'https://[fd00:ec2::254]' })],
  ['an X API base URL on a private address', account({ platform: 'x', handle: '@HarbourneTC', baseUrl: 'https://10.1.1.1' })],
  ['a YouTube feed URL on a private address', account({ platform: 'youtube', handle: 'https://172.16.0.1/feeds/videos.xml?channel_id=UCabcdefghijklmnopqrstuv' })],
  ['a website feed on the metadata service over plain http', account({ platform: 'rss', handle: 'http://169.254.169.254/latest/meta-data/' })],
  ['a website feed on loopback, outside local testing', account({ platform: 'rss', handle: 'https://127.0.0.1/feed.xml' })],
];

describe('every connector refuses private, link-local and metadata addresses', () => {
  it.each(CASES)('%s', async (_name, registered) => {
    const platform = registered.platform as keyof typeof connectors;
    const error = await connectors[platform].fetchNewPosts(registered, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UrlRefusedError);
    expect((error as Error).message).toMatch(/refused/);
  });
});
