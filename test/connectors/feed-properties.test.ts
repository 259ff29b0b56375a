import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlatformResponseError } from '../../shared/connectors/errors';
import { decodeFeed } from '../../shared/connectors/feeds/charset';
import { scanFeed } from '../../shared/connectors/feeds/feed-scan';
import { parseFeed } from '../../shared/connectors/feeds/parse-feed';
import { videoEntryToPost, websiteEntryToPost } from '../../shared/connectors/feeds/to-post';
import type { HttpResponse, PlatformHttp } from '../../shared/connectors/http/platform-http';
import { parsePost, type Post } from '../../shared/domain/post';
import { growth } from '../support/work';

// Whatever a website answers, the feed connectors either read it as canonical posts or refuse it with
// PlatformResponseError naming the feed's URL: never another exception. The answers are the corpus
// (test/fixtures/feeds and the recorded feeds) cut and spliced with XML fragments, in any charset the
// header may name, and arbitrary text; and any title or body written into a feed comes back as written.

const URL_ = 'https://www.harbourne-tc.example/feed/';
const NOW = new Date('2026-03-10T12:00:00Z');

const corpus = [new URL('../fixtures/feeds/', import.meta.url), new URL('../fixtures/api/rss/', import.meta.url), new URL('../fixtures/api/youtube/', import.meta.url)].flatMap(
  (dir) => readdirSync(dir).filter((file) => !file.includes('malformed')).map((file) => readFileSync(new URL(file, dir))),
);

/** Pieces of XML that break or bend a feed: tags left open or closed twice, entities, CDATA, odd shapes of known elements. */
const FRAGMENTS = [
  '<', '>', '&', '</item>', '<item>', '</entry>', '<entry>', '<channel>', '</channel>', '&amp;', '&#0;', '&#xD800;', '&nbsp;', '&unknown;',
  ']]>', '<![CDATA[', '<enclosure/>', '<enclosure>a.pdf</enclosure>', '<enclosure url="::"/>', '<link>x</link>', '<link href="../a"/>',
  '<title><b>x</b></title>', '<guid><a/></guid>', '<author/>', '<pubDate>yesterday</pubDate>', '<pubDate>Mon, 31 Feb 2026 10:00:00 +0000</pubDate>',
  ' xml:base="http://[::1"', ' xml:base="javascript:alert(1)"', '<item/>', '<entry/>', '<!-- -->', '<?pi x?>', '\uFEFF', '\u0000', '\r\n',
  '<!DOCTYPE rss [<!ENTITY e "ee">]>', '&e;', '<media:group/>', '<yt:videoId/>', '<content type="xhtml"><div><p>x</p></div></content>',
];

const edit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 40 }),
  insert: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 })),
});

const CHARSETS = [undefined, 'utf-8', 'windows-1252', 'iso-8859-1', 'windows-1251', 'utf-16le', 'x-unknown', ''];

/** The feed with each edit made in turn: `remove` characters at `at` (modulo its length) replaced by `insert`. */
function edited(feed: string, edits: ReadonlyArray<{ at: number; remove: number; insert: string }>): string {
  let text = feed;
  for (const { at, remove, insert } of edits) {
    const from = at % (text.length + 1);
    text = text.slice(0, from) + insert + text.slice(from + remove);
  }
  return text;
}

async function scan(bytes: Uint8Array, contentType: string | undefined, platform: 'rss' | 'youtube'): Promise<Post[] | unknown> {
  const response: HttpResponse & { bytes: Uint8Array } = {
    status: 200,
    url: URL_,
    text: Buffer.from(bytes).toString('utf8'),
    bytes,
    header: (name) => (name.toLowerCase() === 'content-type' ? contentType : undefined),
  };
  const http: PlatformHttp = { get: async () => response, getJson: async () => undefined };
  try {
    const { posts } = await scanFeed(
      { http, url: URL_, source: { platform, account: URL_ }, now: NOW, toPost: platform === 'rss' ? websiteEntryToPost : videoEntryToPost },
      undefined,
      { firstScan: { days: 100_000, maxPosts: 1_000 } },
    );
    return posts;
  } catch (error) {
    return error;
  }
}

function expectReadOrRefused(outcome: Post[] | unknown): void {
  if (Array.isArray(outcome)) {
    for (const post of outcome) expect(parsePost(post)).toEqual(post);
    return;
  }
  if (!(outcome instanceof PlatformResponseError)) throw outcome;
  expect(outcome.message).toContain(URL_);
}

describe('the feed connectors, given any answer', () => {
  it('read every feed of the corpus', async () => {
    for (const bytes of corpus) {
      const outcome = await scan(new Uint8Array(bytes), undefined, 'rss');
      expect(Array.isArray(outcome) ? outcome.length : outcome).toBeGreaterThan(0);
    }
  });

  it('read a feed cut and spliced with XML fragments as valid posts, or refuse it naming the URL', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: corpus.length - 1 }),
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...CHARSETS),
        fc.constantFrom('rss' as const, 'youtube' as const),
        async (which, edits, charset, platform) => {
          const feed = edited(corpus[which]!.toString('latin1'), edits);
          const contentType = charset === undefined ? 'application/rss+xml' : `application/rss+xml; charset=${charset}`;
          expectReadOrRefused(await scan(new Uint8Array(Buffer.from(feed, 'latin1')), contentType, platform));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuse arbitrary text or bytes naming the URL', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }).map((s) => new Uint8Array(Buffer.from(s))), fc.uint8Array({ maxLength: 200 })), async (bytes) => {
        expectReadOrRefused(await scan(bytes, undefined, 'rss'));
      }),
      { numRuns: 150 },
    );
  });

  it('decode any bytes under any charset label without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.oneof(fc.constantFrom(...CHARSETS), fc.string({ maxLength: 20 })), (bytes, label) => {
        expect(typeof decodeFeed(bytes, `text/xml; charset=${label}`)).toBe('string');
      }),
      { numRuns: 200 },
    );
  });
});

describe('what a feed says', () => {
  /** Text as a feed would carry it: any characters XML allows, with no character reference in it written out. */
  const words = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
    .map((s) => s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '').replace(/&/g, '+'))
    .filter((s) => s.trim() !== '');
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

  it('comes back as written: the title of any item, escaped once or in CDATA', () => {
    fc.assert(
      fc.property(words, fc.boolean(), (title, cdata) => {
        const written = cdata && !title.includes(']]>') ? `<![CDATA[${title}]]>` : escape(title);
        const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbourne</title><item><guid>1</guid><title>${written}</title></item></channel></rss>`;

        const [entry] = parseFeed(xml, URL_, 'rss').entries;

        expect(entry?.title).toBe(title.trim());
      }),
      { numRuns: 200 },
    );
  });

  it('is read in time proportional to its length, however many entity references it holds', () => {
    const feed = (size: number) =>
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbourne</title><item><guid>1</guid><description>${'&lt;p&gt;Harbourne&#8217;s &amp;amp; '.repeat(size / 40)}</description></item></channel></rss>`;

    expect(growth(feed, (xml) => parseFeed(xml, URL_, 'rss'), 40_000)).toBeLessThan(2.5);
  });
});
