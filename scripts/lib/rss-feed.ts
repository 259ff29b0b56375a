// A very long RSS 2.0 feed, and a PlatformHttp that serves it: scanFeed's parsing, de-duplication
// and cursor are measured without a network in the way.
import type { HttpResponse, PlatformHttp } from '../../shared/connectors/http/platform-http';

export interface GeneratedFeed {
  readonly xml: string;
  readonly items: number;
  /** Items whose guid an earlier item already has. */
  readonly duplicates: number;
  /** Just after the newest item. */
  readonly now: Date;
}

/**
 * `items` items, newest first, an hour apart, shaped like WordPress's (title, link, pubDate, a
 * non-permalink guid, an HTML description) but with the description in CDATA rather than escaped:
 * the feed parser refuses a document with more than 1,000 entity references. Every tenth item
 * repeats the guid of the item five above it, as feeds that republish an edited item do.
 */
export function generateRssFeed(items: number): GeneratedFeed {
  const now = new Date('2026-03-10T12:00:00Z');
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n',
    '<title>Harbourne Town Council</title>\n<link>https://www.harbourne-tc.example</link>\n<description>News from Harbourne Town Council</description>\n',
  ];
  let duplicates = 0;
  for (let i = 0; i < items; i++) {
    const duplicate = i % 10 === 9;
    if (duplicate) duplicates += 1;
    const guid = `https://www.harbourne-tc.example/?p=${duplicate ? i - 5 : i}`;
    const published = new Date(now.getTime() - (i + 1) * 3_600_000).toUTCString();
    const body = `<p>Notice ${i}: the <a href="https://www.harbourne-tc.example/notices/${i}/">full notice</a> is on our website and at the Town Hall.</p>`;
    parts.push(
      `<item><title>Notice ${i} from the Town Clerk</title><link>https://www.harbourne-tc.example/notices/${i}/</link>`,
      `<pubDate>${published}</pubDate><guid isPermaLink="false">${guid}</guid><description><![CDATA[${body}]]></description></item>\n`,
    );
  }
  parts.push('</channel>\n</rss>\n');
  return { xml: parts.join(''), items, duplicates, now };
}

/** Answers every GET with the feed (a 200, as for a feed that changed), with validators for the cursor. */
export function servingFeed(url: string, xml: string): PlatformHttp {
  const headers: Record<string, string> = { 'content-type': 'application/rss+xml; charset=UTF-8', etag: 'W/"bench-feed"', 'last-modified': 'Tue, 10 Mar 2026 11:00:00 GMT' };
  const response: HttpResponse = { status: 200, url, text: xml, header: (name) => headers[name.toLowerCase()] };
  return {
    get: async () => response,
    getJson: async () => {
      throw new Error('a feed is not JSON');
    },
  };
}
