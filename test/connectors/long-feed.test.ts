import { describe, expect, it } from 'vitest';
import { DEFAULT_FIRST_SCAN } from '../../shared/connectors/connector';
import { MAX_REMEMBERED, scanFeed, type FeedScan } from '../../shared/connectors/feeds/feed-scan';
import { websiteEntryToPost } from '../../shared/connectors/feeds/to-post';
import type { HttpResponse, PlatformHttp } from '../../shared/connectors/http/platform-http';
import { growthAsync } from '../support/work';

// A feed of tens of thousands of items (a site that never trims its feed, or one that repeats
// edited items) is parsed, rid of entries seen or repeated, and remembered in the cursor in time
// proportional to its length.

const URL_ = 'https://www.harbourne-tc.example/news/feed.xml';
const NOW = new Date('2026-03-10T12:00:00Z');

/** Items `from` to `from + items - 1`, newest first, an hour apart; every tenth repeats the guid of the item five below it. */
function longFeed(items: number, from = 0): string {
  const parts = ['<?xml version="1.0"?><rss version="2.0"><channel><title>Harbourne Town Council news</title>'];
  for (let i = from + items - 1; i >= from; i--) {
    const guid = i % 10 === 9 ? i - 5 : i;
    const published = new Date(NOW.getTime() - (from + items - i) * 3_600_000).toUTCString();
    parts.push(
      `<item><title>Notice ${i}</title><link>https://www.harbourne-tc.example/notices/${i}/</link><guid isPermaLink="false">https://www.harbourne-tc.example/?p=${guid}</guid>`,
      `<pubDate>${published}</pubDate><description><![CDATA[<p>Notice ${i} from the Town Clerk.</p>]]></description></item>`,
    );
  }
  return `${parts.join('')}</channel></rss>`;
}

function scanOf(xml: string): FeedScan {
  const response: HttpResponse = { status: 200, url: URL_, text: xml, header: (name) => (name === 'etag' ? '"v1"' : undefined) };
  const http: PlatformHttp = {
    get: async () => response,
    getJson: async () => {
      throw new Error('a feed is not JSON');
    },
  };
  return { http, url: URL_, source: { platform: 'rss', account: URL_ }, now: NOW, toPost: websiteEntryToPost };
}

describe('a feed of thousands of items', () => {
  it('gives the newest unseen items once each, and remembers every item it holds', async () => {
    // Prepare: 8,000 items, 800 of them repeating an earlier guid
    const first = await scanFeed(scanOf(longFeed(8_000)), undefined, { firstScan: { days: 10_000, maxPosts: 50_000 } });

    // Assess: every distinct item once, oldest first
    expect(first.posts).toHaveLength(7_200);
    expect(new Set(first.posts.map((p) => p.id)).size).toBe(7_200);
    // The newer of two items with one guid is the one kept
    expect(first.posts.at(-1)?.text).toContain('Notice 7999');
    expect(first.posts.some((p) => p.text.startsWith('Notice 7994'))).toBe(false);
    const seen = JSON.parse(first.cursor!).seen as string[];
    expect(seen).toHaveLength(7_200);

    // Act: the feed gains five items
    const next = await scanFeed(scanOf(longFeed(8_005)), first.cursor);

    // Assess: only the five are new, and the cursor still remembers the old ones
    expect(next.posts.map((p) => p.text.split('\n')[0])).toEqual(['Notice 8000', 'Notice 8001', 'Notice 8002', 'Notice 8003', 'Notice 8004']);
    expect((JSON.parse(next.cursor!).seen as string[]).length).toBe(7_205);
  });

  it('keeps its cursor well under the 400 KB a DynamoDB item may hold, however long the feed, and still gives only new items', { timeout: 60_000 }, async () => {
    // Prepare: 25,000 items (22,500 distinct), more than a cursor remembering them all could store
    const first = await scanFeed(scanOf(longFeed(25_000)), undefined);

    // Act: the feed gains five items, then the same feed again
    const next = await scanFeed(scanOf(longFeed(25_005)), first.cursor);
    const again = await scanFeed(scanOf(longFeed(25_005)), next.cursor);

    // Assess: the newest MAX_REMEMBERED remembered, the rest up to a date; nothing old comes back
    expect(first.posts).toHaveLength(DEFAULT_FIRST_SCAN.maxPosts);
    for (const cursor of [first.cursor!, next.cursor!]) {
      expect(Buffer.byteLength(cursor)).toBeLessThan(300 * 1024);
      expect((JSON.parse(cursor) as { seen: string[] }).seen).toHaveLength(MAX_REMEMBERED);
    }
    expect(next.posts.map((p) => p.text.split('\n')[0])).toEqual(['Notice 25000', 'Notice 25001', 'Notice 25002', 'Notice 25003', 'Notice 25004']);
    expect(again.posts).toEqual([]);
  });

  it('is scanned with work in proportion to its length', async () => {
    const scan = async (xml: string) => {
      const first = await scanFeed(scanOf(xml), undefined);
      await scanFeed(scanOf(xml), first.cursor);
    };
    expect(await growthAsync(longFeed, scan, 8_000)).toBeLessThan(2.5);
  });
});

describe('an item with hostile HTML', () => {
  it('gives its images, and is read at once even when its image tags never close', () => {
    const entry = (html: string) => websiteEntryToPost({ title: 'Notice', body: { html }, enclosures: [] }, { platform: 'rss', account: URL_ }, NOW.toISOString());
    // Before, each `<img` was read to the end of the text: hours for this one
    expect(entry('<img '.repeat(130_000)).media).toBeUndefined();
    expect(entry(`${'<img '.repeat(130_000)}<img src="https://www.harbourne-tc.example/a.jpg" alt="The pier">`).media).toEqual([
      { type: 'image', url: 'https://www.harbourne-tc.example/a.jpg', altText: 'The pier' },
    ]);
  });
});
