import { describe, expect, it } from 'vitest';
import { AccountValidationError, checkHandle, parseAccount } from '../../shared/domain/account';
import { parseCouncilConfig } from '../../shared/domain/config';
import type { Platform } from '../../shared/domain/post';

const ACCEPTED: [Platform, string][] = [
  ['mastodon', '@harbournetc@mastodon.social'],
  ['mastodon', 'harbournetc@social.harbourne.example'],
  ['bluesky', 'harbournetc.bsky.social'],
  ['bluesky', '@harbournetc.bsky.social'],
  ['bluesky', 'news.harbourne-tc.example'],
  ['bluesky', 'did:plc:abcdefghijklmnopqrstuvwx'],
  ['facebook', 'HarbourneTownCouncil'],
  ['facebook', '@HarbourneTownCouncil'],
  ['facebook', '100064123456789'],
  ['instagram', '@harbourne_beachhuts'],
  ['instagram', '17841400000000001'],
  ['x', '@HarbourneTC'],
  ['x', '1234567890123456789'],
  ['youtube', 'UCharbournetcExample0001'],
  ['youtube', '@HarbourneTownCouncil'],
  ['rss', 'https://www.harbourne-tc.example/news/feed.xml'],
  ['rss', 'http://127.0.0.1:8080/feed.xml'],
  ['other', 'anything at all'],
];

const REFUSED: [Platform, string, string][] = [
  ['mastodon', '@harbournetc', 'a Mastodon handle needs its instance, e.g. @harbournetc@mastodon.social'],
  ['mastodon', 'harbournetc', 'a Mastodon handle needs its instance'],
  ['mastodon', 'https://mastodon.social/@harbournetc', 'expected a Mastodon handle @user@instance'],
  ['bluesky', 'harbournetc', 'expected a Bluesky handle such as harbournetc.bsky.social, or a DID'],
  ['bluesky', 'https://bsky.app/profile/harbournetc.bsky.social', 'expected a Bluesky handle'],
  ['facebook', 'https://www.facebook.com/HarbourneTownCouncil', 'not a URL: give just the name'],
  ['instagram', 'https://www.instagram.com/harbournetc/', 'not a URL: give just the name'],
  ['x', 'https://x.com/HarbourneTC', 'not a URL: give just the name'],
  ['x', 'Harbourne Town Council', 'expected a page or user name'],
  ['youtube', 'UCharbournetc', 'expected a YouTube channel id (UC followed by 22 characters) or a @handle'],
  ['youtube', 'https://www.youtube.com/@HarbourneTownCouncil', 'expected a YouTube channel id'],
  ['rss', 'www.harbourne-tc.example/feed.xml', 'starting https:// (or http://)'],
  ['rss', 'ftp://harbourne-tc.example/feed.xml', 'starting https:// (or http://)'],
];

describe('checkHandle', () => {
  it.each(ACCEPTED)('accepts a %s handle %j', (platform, handle) => {
    expect(checkHandle(platform, handle)).toBeUndefined();
  });

  it.each(REFUSED)('refuses a %s handle %j', (platform, handle, message) => {
    expect(checkHandle(platform, handle)).toContain(message);
  });
});

describe('parseAccount', () => {
  const clock = () => new Date('2026-12-07T23:30:00Z');
  const base = { registeredAt: '2026-12-07T23:30:00Z' };

  it('names the field and the value of a handle its platform would not have', () => {
    expect(() => parseAccount({ ...base, platform: 'mastodon', handle: '@harbournetc' }, { clock })).toThrow(
      'handle = "@harbournetc": a Mastodon handle needs its instance, e.g. @harbournetc@mastodon.social',
    );
  });

  it('refuses an approval date after today, in UTC, and accepts today', () => {
    const account = { ...base, platform: 'mastodon', handle: '@harbournetc@mastodon.social', approvedBy: 'Town Clerk' };
    expect(() => parseAccount({ ...account, approvedOn: '2026-12-08' }, { clock })).toThrow(AccountValidationError);
    expect(() => parseAccount({ ...account, approvedOn: '2026-12-08' }, { clock })).toThrow('approvedOn = "2026-12-08": cannot be in the future');
    expect(parseAccount({ ...account, approvedOn: '2026-12-07' }, { clock }).approvedOn).toBe('2026-12-07');
  });

  it('leaves the handle alone when told it is one already registered', () => {
    expect(parseAccount({ ...base, platform: 'youtube', handle: 'UCharbournetc' }, { clock, handleAsRegistered: true }).handle).toBe('UCharbournetc');
  });
});

describe('the config', () => {
  it('applies the same handle rule to the accounts it registers', () => {
    expect(() => parseCouncilConfig({ council: { name: 'Harbourne Town Council' }, approvedAccounts: [{ platform: 'x', handle: 'https://x.com/HarbourneTC' }] })).toThrow(
      /approvedAccounts\[0\]\.handle = "https:\/\/x\.com\/HarbourneTC": expected the page or user name, not a URL/,
    );
  });
});
