import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FetchOptions } from '../../shared/connectors/connector';
import { PlatformResponseError } from '../../shared/connectors/errors';
import { charsetOf, decodeFeed } from '../../shared/connectors/feeds/charset';
import { scanFeed } from '../../shared/connectors/feeds/feed-scan';
import { parseFeed } from '../../shared/connectors/feeds/parse-feed';
import { videoEntryToPost, websiteEntryToPost } from '../../shared/connectors/feeds/to-post';
import type { HttpResponse, PlatformHttp } from '../../shared/connectors/http/platform-http';
import { parsePost, type Post } from '../../shared/domain/post';
import { failure } from '../support/failure';

// A conformance corpus of feeds shaped as councils' sites serve them (test/fixtures/feeds): each
// dialect, character set and fault found on real feeds, with the canonical posts written out by hand
// from the feed. Every feed is read as the connector reads it: the answer's bytes and headers, then
// scanFeed with websiteEntryToPost. Personal data is fictional.

const CORPUS = new URL('../fixtures/feeds/', import.meta.url);
const bytesOf = (file: string) => new Uint8Array(readFileSync(new URL(file, CORPUS)));
const textOf = (file: string) => readFileSync(new URL(file, CORPUS), 'utf8');

const NOW = new Date('2026-03-10T12:00:00Z');
const EVERYTHING: FetchOptions = { firstScan: { days: 100_000, maxPosts: 10_000 } };

interface Served {
  bytes: Uint8Array;
  url?: string;
  headers?: Record<string, string>;
  youtube?: string;
}

/** The posts a first scan finds in a feed answered with these bytes and headers, oldest first. */
async function postsOf({ bytes, url = 'https://www.harbourne-tc.example/feed/', headers = {}, youtube }: Served): Promise<Post[]> {
  const response: HttpResponse & { bytes: Uint8Array } = {
    status: 200,
    url,
    text: Buffer.from(bytes).toString('utf8'),
    bytes,
    header: (name) => headers[name.toLowerCase()],
  };
  const http: PlatformHttp = {
    get: async () => response,
    getJson: async () => {
      throw new Error('a feed is not JSON');
    },
  };
  const source = youtube ? { platform: 'youtube' as const, account: youtube } : { platform: 'rss' as const, account: url };
  const toPost = youtube ? videoEntryToPost : websiteEntryToPost;
  const { posts } = await scanFeed({ http, url, source, now: NOW, toPost }, undefined, EVERYTHING);
  for (const post of posts) expect(parsePost(post)).toEqual(post);
  return posts;
}

const served = (file: string, headers: Record<string, string> = { 'content-type': 'application/rss+xml; charset=UTF-8' }, url?: string): Served => ({
  bytes: bytesOf(file),
  headers,
  ...(url ? { url } : {}),
});

describe('the feed corpus', () => {
  it('holds only fictional contact details', () => {
    const text = readdirSync(CORPUS).map((f) => Buffer.from(bytesOf(f)).toString('latin1')).join('\n');
    for (const address of text.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? []) expect(address).toMatch(/\.example$/);
    for (const phone of text.match(/\b0\d{4} ?\d{6}\b/g) ?? []) expect(phone).toMatch(/^07700 ?900\d{3}$/);
  });
});

describe('RSS 0.91', () => {
  it('reads items without guid or date: identified by link, relative links resolved against the channel link, dated by the feed', async () => {
    const posts = await postsOf(served('rss-091.xml', {}, 'https://feeds.lowmoor-pc.example/rss.xml'));

    // Equally dated, they keep the feed's order, newest first: oldest first is its reverse.

    const account = 'https://feeds.lowmoor-pc.example/rss.xml';
    expect(posts).toEqual([
      {
        id: 'https://www.lowmoor-pc.example/notices/grit.html',
        platform: 'rss',
        account,
        accountName: 'Lowmoor Parish Council',
        createdAt: '2026-03-08T18:05:00.000Z',
        text: 'Grit bins refilled\n\nAll four grit bins have been refilled. Report an empty one to clerk@lowmoor-pc.example.',
        url: 'https://www.lowmoor-pc.example/notices/grit.html',
      },
      {
        id: 'https://www.lowmoor-pc.example/notices/agm.html',
        platform: 'rss',
        account,
        accountName: 'Lowmoor Parish Council',
        createdAt: '2026-03-08T18:05:00.000Z',
        text: 'Village hall AGM\n\nThe annual meeting of the village hall committee is on 20 March at 7pm.',
        url: 'https://www.lowmoor-pc.example/notices/agm.html',
      },
    ]);
  });
});

describe('RSS 1.0 (RDF)', () => {
  it('reads the items beside the channel: rdf:about, dc:date, content:encoded', async () => {
    const posts = await postsOf(served('rss-10.rdf', { 'content-type': 'application/rdf+xml' }, 'https://www.eastcombe-pc.example/news.rdf'));

    const account = 'https://www.eastcombe-pc.example/news.rdf';
    expect(posts).toEqual([
      {
        id: 'https://www.eastcombe-pc.example/news/2026/03/precept',
        platform: 'rss',
        account,
        accountName: 'Eastcombe Parish Council news',
        createdAt: '2026-03-05T19:30:00.000Z',
        text: 'Precept for 2026/27\n\nThe council set a precept of £41,200. Read the budget.',
        url: 'https://www.eastcombe-pc.example/news/2026/03/precept',
        links: ['https://www.eastcombe-pc.example/finance/budget-2026.pdf'],
      },
      {
        id: 'https://www.eastcombe-pc.example/news/2026/03/footpath',
        platform: 'rss',
        account,
        accountName: 'Eastcombe Parish Council news',
        createdAt: '2026-03-08T16:45:00.000Z',
        text: 'Footpath 12 reopened\n\nThe stile on footpath 12 has been replaced & the path is open again.',
        url: 'https://www.eastcombe-pc.example/news/2026/03/footpath',
      },
    ]);
  });
});

describe('Atom with xml:base', () => {
  it('resolves links, images and body links against the nearest xml:base; an empty author and a text link are passed over', async () => {
    const posts = await postsOf(served('atom-xml-base.xml', { 'content-type': 'application/atom+xml' }, 'https://feeds.westbury-tc.example/blog.atom'));

    const account = 'https://feeds.westbury-tc.example/blog.atom';
    expect(posts).toEqual([
      {
        id: 'tag:westbury-tc.example,2026:blog/bins',
        platform: 'rss',
        account,
        accountName: 'Westbury Town Council',
        createdAt: '2026-03-02T08:00:00.000Z',
        text: 'Bin collections over Easter\n\nCollections move by one day.',
        url: 'https://www.westbury-tc.example/bins/easter',
      },
      {
        id: 'tag:westbury-tc.example,2026:blog/play-area',
        platform: 'rss',
        account,
        accountName: 'Westbury Town Council',
        createdAt: '2026-03-09T09:00:00.000Z',
        // Escaped twice in the feed (`&amp;amp;`): shown once decoded.
        text: 'Play area & skate park consultation\n\nTell us what you think of the plans.\n\nAll consultations',
        url: 'https://www.westbury-tc.example/blog/2026/03/play-area.html',
        media: [{ type: 'image', url: 'https://www.westbury-tc.example/blog/2026/03/images/plan.png', altText: 'Plan of the new play area' }],
        links: ['https://www.westbury-tc.example/blog/consultations/'],
      },
    ]);
  });
});

describe('WordPress', () => {
  const agenda = [
    'Apologies & declarations of interest',
    'Minutes of the meeting of 17 February',
    'Public participation – 15 minutes',
    'Mayor’s announcements',
    'Finance: payments & receipts',
    'Planning applications',
    'Highways & footpaths',
    'Allotments',
    'Correspondence',
    'Date of the next meeting',
  ];

  it('reads a feed of escaped HTML with more than 1,000 entity references, served after blank lines', async () => {
    const xml = textOf('wordpress-escaped.xml');
    expect(xml.match(/&[#\w]+;/g)!.length).toBeGreaterThan(1_000);
    expect(xml.startsWith('\n')).toBe(true);

    const posts = await postsOf(served('wordpress-escaped.xml'));

    expect(posts.map((p) => p.id)).toEqual([1, 2, 3, 4, 5].map((n) => `https://www.harbourne-tc.example/?p=${2000 + n}`));
    const third = posts[2]!;
    const items = Array.from({ length: 40 }, (_, i) => `Item 3.${i + 1} – ${agenda[i % 10]}`);
    expect(third).toEqual({
      id: 'https://www.harbourne-tc.example/?p=2003',
      platform: 'rss',
      account: 'https://www.harbourne-tc.example/feed/',
      accountName: 'Harbourne Town Council – Meetings',
      createdAt: '2026-03-04T09:00:00.000Z',
      text: ['Agenda for meeting 3 – Harbourne Town Council', 'The agenda for meeting 3 is below. It’s also on the notice board & at the library.', ...items].join('\n\n'),
      url: 'https://www.harbourne-tc.example/meetings/3/',
    });
  });

  it('reads a byte-order mark and white space before <?xml', () => {
    const feed = parseFeed('\uFEFF \r\n\t<?xml version="1.0"?><rss version="2.0"><channel><title>Harbourne</title><item><guid>1</guid></item></channel></rss>', 'https://www.harbourne-tc.example/feed/', 'rss');

    expect(feed).toMatchObject({ format: 'rss', title: 'Harbourne', entries: [{ id: '1' }] });
  });
});

describe('entity references', () => {
  const feedWith = (doctype: string, body: string) =>
    `<?xml version="1.0"?>${doctype}<rss version="2.0"><channel><title>Harbourne</title><item><guid>1</guid><description>${body}</description></item></channel></rss>`;

  it('are unlimited for character references and the predefined and HTML entities', () => {
    const body = '&lt;p&gt;Harbourne&#8217;s &amp;amp; &#x2019; &nbsp;&lt;/p&gt;'.repeat(5_000);

    const [entry] = parseFeed(feedWith('', body), 'https://www.harbourne-tc.example/feed/', 'rss').entries;

    expect(entry?.body).toEqual({ html: '<p>Harbourne’s &amp; ’ \u00a0</p>'.repeat(5_000) });
  });

  it.each([
    ['many references to a declared entity', 'lol', '&lol;'.repeat(5_000)],
    ['references to a large declared entity', 'x'.repeat(9_000), '&lol;'.repeat(20)],
  ])('refuse a DOCTYPE that expands without bound (%s), naming the URL', (_case, value, body) => {
    const xml = feedWith(`<!DOCTYPE rss [<!ENTITY lol "${value}">]>`, body);

    const error = (() => {
      try {
        parseFeed(xml, 'https://www.harbourne-tc.example/feed/', 'rss');
        return undefined;
      } catch (e) {
        return e as Error;
      }
    })();

    expect(error).toBeInstanceOf(PlatformResponseError);
    expect(error?.message).toMatch(/^rss: the answer to GET https:\/\/www\.harbourne-tc\.example\/feed\/ cannot be read as XML \(.*limit exceeded/);
  });
});

describe('Blogger', () => {
  it('reads the alternate link among the replies, edit and self links, and a title escaped twice', async () => {
    const posts = await postsOf(served('blogger.xml', { 'content-type': 'application/atom+xml; charset=UTF-8' }, 'https://kingsford-pc.blogspot.example/feeds/posts/default'));

    const account = 'https://kingsford-pc.blogspot.example/feeds/posts/default';
    expect(posts).toEqual([
      {
        id: 'tag:blogger.com,1999:blog-4400000000000000001.post-108',
        platform: 'rss',
        account,
        accountName: 'Kingsford Parish Council',
        createdAt: '2026-03-01T10:00:00.000Z',
        text: "Mayor's charity walk\n\nJoin the walk on Sunday. Call 07700 900456 to sign up.",
        url: 'https://kingsford-pc.blogspot.example/2026/03/charity-walk.html',
      },
      {
        id: 'tag:blogger.com,1999:blog-4400000000000000001.post-111',
        platform: 'rss',
        account,
        accountName: 'Kingsford Parish Council',
        createdAt: '2026-03-08T21:10:00.000Z',
        text: 'Allotment rents for 2026\n\nRents rise to £38 a plot.',
        url: 'https://kingsford-pc.blogspot.example/2026/03/allotment-rents.html',
        media: [{ type: 'image', url: 'https://blogger.googleusercontent.example/img/a/rent-table-s320.png' }],
        links: ['https://blogger.googleusercontent.example/img/a/rent-table.png'],
      },
    ]);
  });
});

describe('a podcast', () => {
  it('reads audio enclosures; an enclosure written as text is passed over, a relative one resolved', async () => {
    const posts = await postsOf(served('podcast.xml', { 'content-type': 'application/rss+xml' }, 'https://podcast.harbourne-tc.example/feed.xml'));

    const account = 'https://podcast.harbourne-tc.example/feed.xml';
    expect(posts).toEqual([
      {
        id: 'harbourne-podcast-11',
        platform: 'rss',
        account,
        accountName: 'Harbourne Council Meetings Podcast',
        createdAt: '2026-02-11T20:00:00.000Z',
        text: 'Episode 11: Budget special\n\nHow the precept is set.',
        media: [{ type: 'other', url: 'https://podcast.harbourne-tc.example/audio/ep11-transcript.pdf' }],
      },
      {
        id: 'harbourne-podcast-12',
        platform: 'rss',
        account,
        accountName: 'Harbourne Council Meetings Podcast',
        createdAt: '2026-03-04T20:00:00.000Z',
        text: 'Episode 12: March Full Council\n\nHighlights of the March meeting.',
        media: [{ type: 'audio', url: 'https://podcast.harbourne-tc.example/audio/ep12.mp3' }],
      },
    ]);
  });
});

describe('YouTube', () => {
  it('reads a Short without a description and a video whose description has escaped brackets', async () => {
    const channel = 'UCLowmoorParishCouncil0';
    const posts = await postsOf({
      ...served('youtube-channel.xml', { 'content-type': 'text/xml; charset=UTF-8' }, `https://www.youtube.com/feeds/videos.xml?channel_id=${channel}`),
      youtube: channel,
    });

    expect(posts).toEqual([
      {
        id: 'LwM0Short01',
        platform: 'youtube',
        account: channel,
        accountName: 'Lowmoor Parish Council',
        createdAt: '2026-02-27T16:20:00.000Z',
        text: "Snowdrops at St Mary's & the green",
        url: 'https://www.youtube.com/shorts/LwM0Short01',
        media: [{ type: 'video', url: 'https://www.youtube.com/watch?v=LwM0Short01' }],
      },
      {
        id: 'LwM0Meet002',
        platform: 'youtube',
        account: channel,
        accountName: 'Lowmoor Parish Council',
        createdAt: '2026-03-03T21:05:00.000Z',
        text: 'Parish meeting, March 2026\n\nThe March parish meeting <in full>. Minutes: https://www.lowmoor-pc.example/minutes/',
        url: 'https://www.youtube.com/watch?v=LwM0Meet002',
        media: [{ type: 'video', url: 'https://www.youtube.com/watch?v=LwM0Meet002' }],
      },
    ]);
  });
});

describe('CDATA', () => {
  it('reads CDATA titles, links and guids, and a description in several CDATA sections', async () => {
    const posts = await postsOf(served('cdata.xml'));

    expect(posts).toEqual([
      {
        id: 'https://www.harbourne-tc.example/events/fish-chips/',
        platform: 'rss',
        account: 'https://www.harbourne-tc.example/feed/',
        accountName: 'Harbourne Town Council – events',
        createdAt: '2026-03-05T12:00:00.000Z',
        // The title's CDATA holds an entity (escaped, then wrapped): read as the character it stands for.
        text: 'Fish & chips night – Friday\n\nTickets £8 from the town hall.\n\nTables are numbered a[1]]> to a[20].',
        url: 'https://www.harbourne-tc.example/events/fish-chips/',
      },
    ]);
  });
});

describe('character sets', () => {
  const account = 'https://www.harbourne-tc.example/feed/';
  const one = (id: string, createdAt: string, text: string, accountName = 'Harbourne Town Council') => [{ id, platform: 'rss', account, accountName, createdAt, text }];

  it('reads ISO-8859-1 by the XML declaration when the Content-Type names no charset', async () => {
    expect(await postsOf(served('iso-8859-1.xml', { 'content-type': 'application/rss+xml' }))).toEqual(
      one('latin-1', '2026-03-07T09:00:00.000Z', 'Café on the quay reopens\n\nTeas £2.50, run by Renée and José.'),
    );
  });

  it('reads Windows-1252 by the Content-Type charset, curly quotes, dashes and € included', async () => {
    expect(await postsOf(served('windows-1252.xml', { 'content-type': 'text/xml; charset=windows-1252' }))).toEqual(
      one('cp1252', '2026-03-07T10:00:00.000Z', 'Mayor’s “thank you” – €500 raised\n\nThe town’s quiz raised €500 – thank you… and see you next year.'),
    );
  });

  it('reads windows-1251 by the XML declaration, and the Content-Type charset wins over a declaration that disagrees', async () => {
    const text = 'Добре дошли, приятели от Созопол\n\nHarbourne welcomes guests from Sozopol: „Добре дошли“ – welcome!';
    const expected = one('cp1251', '2026-03-07T11:00:00.000Z', text, 'Harbourne Twinning Association');
    const mislabelled = Buffer.from(Buffer.from(bytesOf('windows-1251.xml')).toString('latin1').replace('encoding="windows-1251"', 'encoding="ISO-8859-1"'), 'latin1');

    expect(await postsOf(served('windows-1251.xml', { 'content-type': 'application/rss+xml' }))).toEqual(expected);
    expect(await postsOf({ bytes: new Uint8Array(mislabelled), headers: { 'content-type': 'application/rss+xml; charset="windows-1251"' } })).toEqual(expected);
  });

  it('falls back to UTF-8 when neither the header nor the declaration names a charset', async () => {
    const posts = await postsOf(served('windows-1252.xml', { 'content-type': 'application/rss+xml' }));

    expect(posts[0]?.text).toContain('Mayor\uFFFDs');
  });

  it('takes a byte-order mark before anything the header says, and passes over a charset it does not know', () => {
    const xml = '<?xml version="1.0" encoding="windows-1252"?><rss/>';

    expect(decodeFeed(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('<a>£</a>')]), 'text/xml; charset=windows-1252')).toBe('<a>£</a>');
    expect(decodeFeed(new Uint8Array(Buffer.from(`${xml}\u0092`, 'latin1')), 'text/xml; charset=x-unknown')).toBe(`${xml}’`);
    expect(charsetOf('application/rss+xml; Charset="UTF-8"; q=1')).toBe('UTF-8');
    expect(charsetOf('application/rss+xml')).toBeUndefined();
  });
});

describe('dates', () => {
  const account = 'https://www.harbourne-tc.example/feed/';
  const feed = (xml: string) => ({ bytes: new Uint8Array(Buffer.from(xml)) });

  it('read the first of an item’s dates that can be read, else the feed’s own date: never the time of the scan', async () => {
    const posts = await postsOf(served('odd-dates.xml'));

    const dated = Object.fromEntries(posts.map((p) => [p.id, p.createdAt]));
    expect(dated).toEqual({
      'event-1': '2026-03-03T18:30:00.000Z',
      'event-2': '2026-03-09T07:00:00.000Z',
      'event-3': '2026-03-09T07:00:00.000Z',
      'event-4': '2026-03-01T15:00:00.000Z',
      'event-5': '2026-03-02T10:00:00.000Z',
    });
    expect(posts.every((p) => p.account === account)).toBe(true);
  });

  it('fall back to the answer’s Last-Modified when the feed has no date of its own', async () => {
    const xml = textOf('odd-dates.xml').replace(/<lastBuildDate>[^<]*<\/lastBuildDate>/, '');

    const posts = await postsOf({ ...feed(xml), headers: { 'last-modified': 'Sun, 08 Mar 2026 22:00:00 GMT' } });

    expect(posts.find((p) => p.id === 'event-2')?.createdAt).toBe('2026-03-08T22:00:00.000Z');
  });
});

describe('an answer that is not a feed', () => {
  it('is refused naming the URL and its root element', async () => {
    const error = await failure(() => postsOf({ bytes: new Uint8Array(Buffer.from('<html><body>Harbourne</body></html>')) }));

    expect(error).toBeInstanceOf(PlatformResponseError);
    expect(error.message).toBe('rss: the answer to GET https://www.harbourne-tc.example/feed/ is not an RSS or Atom feed (its root element is <html>)');
  });
});
