import { decodeHTML } from 'entities';
import { type ProcessEntitiesOptions, XMLParser, XMLValidator } from 'fast-xml-parser';
import { parsePayload } from '../parse-payload';
import type { Platform } from '../../domain/post';
import { PlatformResponseError } from '../errors';
import { htmlToText } from '../html-to-text';
import { safeUrl } from '../http/create-http';
import { parseFeedDate } from './dates';
import {
  AtomDocumentSchema,
  type AtomEntry,
  RdfDocumentSchema,
  REPEATED_ELEMENTS,
  RssDocumentSchema,
  type RssItem,
  type TextNode,
} from './schemas';

/** An HTML entity reference: `&amp;`, `&#8217;`, `&#x2019;`. */
const ENTITY = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/i;

/**
 * Entity expansion, bounded where it can grow a document: the entities a DOCTYPE declares (`<!ENTITY
 * lol "lol…">` referenced thousands of times, the "billion laughs"). Character references and the
 * predefined and HTML entities (`&lt;`, `&amp;`, `&#8217;`) are never longer than what they replace,
 * so they are unlimited: a WordPress feed of escaped HTML holds thousands. fast-xml-parser's
 * `appliesTo: 'external'` (its entity decoder's "external" tier: the DOCTYPE's entities) says which
 * count; its types do not list the option yet, hence the widened type.
 */
const ENTITY_LIMITS: ProcessEntitiesOptions & { appliesTo: 'external' } = {
  enabled: true,
  maxEntityCount: 50,
  maxTotalExpansions: 1_000,
  maxExpandedLength: 100_000,
  appliesTo: 'external',
};

/** One item of a feed, whichever format it came in. */
export interface FeedEntry {
  /** RSS `guid` (RSS 1.0 `rdf:about`) or Atom `id` (absent in sloppy feeds: the caller falls back to the link). */
  id?: string;
  title?: string;
  /** The entry's own page: RSS `link`, Atom `link rel="alternate"`, made absolute (see `base`). */
  link?: string;
  /**
   * The entry's date as found: the first of RSS `pubDate`, `dc:date`, Atom `published`, `updated` that
   * can be read, else the first one given (which cannot).
   */
  date?: string;
  /** The body, as HTML or as plain text. */
  body?: { html: string } | { text: string };
  /**
   * What the entry's relative URLs (its link, enclosures, and the images and links of its body) are
   * resolved against: the nearest `xml:base`, else (RSS) the channel's link, else the feed's own URL.
   */
  base?: string;
  enclosures: { url: string; type?: string }[];
  /** YouTube's channel feed: `yt:videoId` and `media:group/media:description` (plain text). */
  youtube?: { videoId?: string; description?: string };
}

export interface Feed {
  format: 'rss' | 'rdf' | 'atom';
  title?: string;
  /** The feed's own date (RSS `lastBuildDate` / `pubDate`, Atom `updated`): what an entry whose date cannot be read falls back to. */
  date?: string;
  entries: FeedEntry[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  // A guid of "123" or a title of "2026" stays a string.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // XML's own entities, and the numeric and HTML ones feeds use (`&#8217;`, `&nbsp;`) in one pass, so
  // that escaped HTML comes out as HTML.
  htmlEntities: true,
  processEntities: ENTITY_LIMITS,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, jPath, _leaf, isAttribute) => !isAttribute && typeof jPath === 'string' && REPEATED_ELEMENTS.has(jPath),
});

/**
 * An RSS (0.9x, 1.0, 2.0) or Atom document as entries, or PlatformResponseError naming the URL: for
 * XML that is not well formed (with the line), for a document that is none of these, and for a feed
 * without its skeleton (with the field). An optional field of an odd shape is read as absent.
 * `url` is the feed's own URL (after redirects): the last base of its relative URLs.
 */
export function parseFeed(text: string, url: string, platform: Platform): Feed {
  const where = `${platform}: the answer to GET ${safeUrl(url)}`;
  // A byte-order mark, or white space a careless template writes before `<?xml` (a common WordPress
  // fault), is not part of the document; XML forbids anything there, but every reader skips it.
  const xml = withoutLeadingSpace(text);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new PlatformResponseError(`${where} is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  }
  let document: unknown;
  try {
    document = parser.parse(xml);
  } catch (error) {
    throw new PlatformResponseError(`${where} cannot be read as XML (${(error as Error).message})`, { cause: error });
  }
  const root = document && typeof document === 'object' ? document : {};
  if ('rss' in root) {
    const { rss } = parsePayload(RssDocumentSchema, document, where);
    const base = channelBase(resolve(rss['@_xml:base'], url) ?? url, rss.channel);
    return {
      format: 'rss',
      ...optional('title', plainTitle(present(rss.channel.title))),
      ...optional('date', firstDate(rss.channel.lastBuildDate, rss.channel.pubDate, rss.channel['dc:date'])),
      entries: (rss.channel.item ?? []).map((item) => fromRssItem(item, base)),
    };
  }
  if ('rdf:RDF' in root) {
    const rdf = parsePayload(RdfDocumentSchema, document, where)['rdf:RDF'];
    const base = channelBase(resolve(rdf['@_xml:base'], url) ?? url, rdf.channel ?? {});
    return {
      format: 'rdf',
      ...optional('title', plainTitle(present(rdf.channel?.title))),
      ...optional('date', firstDate(rdf.channel?.['dc:date'])),
      entries: (rdf.item ?? []).map((item) => fromRssItem(item, base)),
    };
  }
  if ('feed' in root) {
    const { feed } = parsePayload(AtomDocumentSchema, document, where);
    const base = resolve(feed['@_xml:base'], url) ?? url;
    return {
      format: 'atom',
      ...optional('title', atomText(feed.title)),
      ...optional('date', firstDate(feed.updated)),
      entries: (feed.entry ?? []).map((entry) => fromAtomEntry(entry, base)),
    };
  }
  const found = Object.keys(root).filter((k) => !k.startsWith('?') && !k.startsWith('#'))[0];
  throw new PlatformResponseError(`${where} is not an RSS or Atom feed (its root element is ${found ? `<${found}>` : 'missing'})`);
}

/** An RSS channel's base: its own xml:base, else its link (the website the relative URLs are written for), else the outer base. */
function channelBase(outer: string, channel: { '@_xml:base'?: string | undefined; link?: TextNode | undefined }): string {
  const own = resolve(channel['@_xml:base'], outer);
  if (own !== undefined) return own;
  const link = resolve(present(channel.link), outer);
  return link !== undefined && isWebUrl(link) ? link : outer;
}

function fromRssItem(item: RssItem, outer: string): FeedEntry {
  // Built field by field (in the order of FeedEntry) rather than by spreading, which costs more than
  // the parsing in a feed of tens of thousands of items.
  const base = resolve(item['@_xml:base'], outer) ?? outer;
  const entry: Partial<FeedEntry> = {};
  setPresent(entry, 'id', present(item.guid) ?? item['@_rdf:about']);
  setPresent(entry, 'title', plainTitle(present(item.title)));
  setPresent(entry, 'link', webUrl(present(item.link), base));
  setPresent(entry, 'date', firstDate(item.pubDate, item['dc:date'], item['atom:published'], item['atom:updated']));
  const description = present(item.description) ?? present(item['content:encoded']);
  if (description !== undefined) entry.body = { html: description };
  entry.base = base;
  entry.enclosures = (item.enclosure ?? []).flatMap((e) => {
    const enclosureUrl = webUrl(e['@_url'], base);
    return enclosureUrl ? [{ url: enclosureUrl, ...(e['@_type'] ? { type: e['@_type'] } : {}) }] : [];
  });
  return entry as FeedEntry;
}

function setPresent<K extends 'id' | 'title' | 'link' | 'date'>(entry: Partial<FeedEntry>, key: K, value: string | undefined): void {
  if (value !== undefined) entry[key] = value;
}

function fromAtomEntry(entry: AtomEntry, outer: string): FeedEntry {
  const base = resolve(entry['@_xml:base'], outer) ?? outer;
  const links = (entry.link ?? []).map((l) => ({ ...l, href: webUrl(l['@_href'], resolve(l['@_xml:base'], base) ?? base) }));
  const alternate = links.find((l) => (l['@_rel'] ?? 'alternate') === 'alternate' && l.href)?.href;
  const enclosures = links.flatMap((l) => (l['@_rel'] === 'enclosure' && l.href ? [{ url: l.href, ...(l['@_type'] ? { type: l['@_type'] } : {}) }] : []));
  const bodyNode = nonEmpty(entry.content) ?? nonEmpty(entry.summary);
  const group = entry['media:group'];
  const videoId = present(entry['yt:videoId']);
  const videoDescription = group ? present(group['media:description']) : undefined;
  const result: Partial<FeedEntry> = {};
  setPresent(result, 'id', present(entry.id));
  setPresent(result, 'title', atomText(entry.title));
  setPresent(result, 'link', alternate);
  setPresent(result, 'date', firstDate(entry.published, entry.updated, entry['dc:date']));
  if (bodyNode !== undefined) result.body = bodyNode.type === 'html' ? { html: bodyNode.value } : { text: bodyNode.value };
  result.base = resolve(bodyNode?.base, base) ?? base;
  result.enclosures = enclosures;
  if (videoId !== undefined || videoDescription !== undefined) {
    result.youtube = { ...optional('videoId', videoId), ...optional('description', videoDescription) };
  }
  return result as FeedEntry;
}

/** An Atom text construct as plain text (`type="html"` titles carry entities and tags). */
function atomText(node: TextNode | undefined): string | undefined {
  const value = present(node);
  if (value === undefined) return undefined;
  return node?.type === 'html' ? htmlToText(value) : plainTitle(value);
}

/**
 * A title is plain text, yet many feeds escape it twice (`Fish &amp;amp; chips`, WordPress's
 * `&amp;#8217;`): what is left looking like an entity after the XML's own are decoded is decoded too.
 */
function plainTitle(title: string | undefined): string | undefined {
  return title !== undefined && ENTITY.test(title) ? decodeHTML(title) : title;
}

/** The first of an entry's dates that can be read; else the first given, so that the caller can say it could not. */
function firstDate(...nodes: Array<TextNode | undefined>): string | undefined {
  const given = nodes.map(present).filter((d): d is string => d !== undefined);
  return given.find((d) => parseFeedDate(d) !== undefined) ?? given[0];
}

/** A URL resolved against a base, or undefined when there is none or it cannot be. */
function resolve(ref: string | undefined, base: string): string | undefined {
  const value = ref?.trim();
  if (!value) return undefined;
  try {
    return new URL(value, base).toString();
  } catch {
    return undefined;
  }
}

/** A URL resolved against the base, when it is then an http(s) URL. */
function webUrl(ref: string | undefined, base: string): string | undefined {
  const resolved = resolve(ref, base);
  return resolved !== undefined && isWebUrl(resolved) ? resolved : undefined;
}

function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

function withoutLeadingSpace(text: string): string {
  let start = 0;
  while (start < text.length && /[\uFEFF\s]/.test(text[start]!)) start++;
  return start === 0 ? text : text.slice(start);
}

function nonEmpty(node: TextNode | undefined): TextNode | undefined {
  return node && node.value.trim() !== '' ? node : undefined;
}

function present(node: TextNode | undefined): string | undefined {
  return nonEmpty(node)?.value.trim();
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
