import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parsePayload } from '../parse-payload';
import type * as z from '../../zod';
import type { Platform } from '../../domain/post';
import { PlatformResponseError } from '../errors';
import { htmlToText } from '../html-to-text';
import { safeUrl } from '../http/create-http';
import {
  AtomDocumentSchema,
  type AtomEntry,
  REPEATED_ELEMENTS,
  RssDocumentSchema,
  type RssItem,
  type TextNode,
} from './schemas';

/** One item of a feed, whichever format it came in. */
export interface FeedEntry {
  /** RSS `guid` or Atom `id` (absent in sloppy feeds: the caller falls back to the link). */
  id?: string;
  title?: string;
  /** The entry's own page: RSS `link`, Atom `link rel="alternate"`. */
  link?: string;
  /** RSS `pubDate` / `dc:date`, Atom `published`, else `updated`, as found. */
  date?: string;
  /** The body, as HTML or as plain text. */
  body?: { html: string } | { text: string };
  enclosures: { url: string; type?: string }[];
  /** YouTube's channel feed: `yt:videoId` and `media:group/media:description` (plain text). */
  youtube?: { videoId?: string; description?: string };
}

export interface Feed {
  format: 'rss' | 'atom';
  title?: string;
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
  // that escaped HTML comes out as HTML. Entities declared in a DOCTYPE stay bounded.
  htmlEntities: true,
  processEntities: { enabled: true, maxEntityCount: 50, maxTotalExpansions: 1_000, maxExpandedLength: 100_000 },
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, jPath, _leaf, isAttribute) => !isAttribute && typeof jPath === 'string' && REPEATED_ELEMENTS.has(jPath),
});

/**
 * An RSS 2.0 or Atom document as entries, or PlatformResponseError naming the URL: for XML that is
 * not well formed (with the line), for a document that is neither format, and for a changed shape
 * (with the field).
 */
export function parseFeed(xml: string, url: string, platform: Platform): Feed {
  const where = `${platform}: the answer to GET ${safeUrl(url)}`;
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
    const rss = parseShape(RssDocumentSchema, document, where);
    return { format: 'rss', ...optionalTitle(rss.rss.channel.title), entries: (rss.rss.channel.item ?? []).map(fromRssItem) };
  }
  if ('feed' in root) {
    const atom = parseShape(AtomDocumentSchema, document, where);
    return { format: 'atom', ...optionalTitle(atom.feed.title), entries: (atom.feed.entry ?? []).map(fromAtomEntry) };
  }
  const found = Object.keys(root).filter((k) => !k.startsWith('?') && !k.startsWith('#'))[0];
  throw new PlatformResponseError(`${where} is not an RSS 2.0 or Atom feed (its root element is ${found ? `<${found}>` : 'missing'})`);
}

function fromRssItem(item: RssItem): FeedEntry {
  // Built field by field (in the order of FeedEntry) rather than by spreading, which costs more than
  // the parsing in a feed of tens of thousands of items.
  const entry: Partial<FeedEntry> = {};
  setPresent(entry, 'id', present(item.guid));
  setPresent(entry, 'title', present(item.title));
  setPresent(entry, 'link', present(item.link));
  setPresent(entry, 'date', present(item.pubDate) ?? present(item['dc:date']));
  const description = present(item.description) ?? present(item['content:encoded']);
  if (description !== undefined) entry.body = { html: description };
  entry.enclosures = (item.enclosure ?? []).flatMap((e) =>
    e['@_url'] ? [{ url: e['@_url'], ...(e['@_type'] ? { type: e['@_type'] } : {}) }] : [],
  );
  return entry as FeedEntry;
}

function setPresent<K extends 'id' | 'title' | 'link' | 'date'>(entry: Partial<FeedEntry>, key: K, value: string | undefined): void {
  if (value !== undefined) entry[key] = value;
}

function fromAtomEntry(entry: AtomEntry): FeedEntry {
  const links = entry.link ?? [];
  const alternate = links.find((l) => (l['@_rel'] ?? 'alternate') === 'alternate' && l['@_href'])?.['@_href'];
  const enclosures = links.flatMap((l) =>
    l['@_rel'] === 'enclosure' && l['@_href'] ? [{ url: l['@_href'], ...(l['@_type'] ? { type: l['@_type'] } : {}) }] : [],
  );
  const bodyNode = nonEmpty(entry.content) ?? nonEmpty(entry.summary);
  const group = entry['media:group'];
  const videoId = present(entry['yt:videoId']);
  const videoDescription = group ? present(group['media:description']) : undefined;
  const result: Partial<FeedEntry> = {};
  setPresent(result, 'id', present(entry.id));
  setPresent(result, 'title', atomText(entry.title));
  setPresent(result, 'link', alternate);
  setPresent(result, 'date', present(entry.published) ?? present(entry.updated));
  if (bodyNode !== undefined) result.body = bodyNode.type === 'html' ? { html: bodyNode.value } : { text: bodyNode.value };
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
  return node?.type === 'html' ? htmlToText(value) : value;
}

function parseShape<S extends z.ZodMiniType>(schema: S, input: unknown, where: string): z.infer<S> {
  return parsePayload(schema, input, where);
}

function nonEmpty(node: TextNode | undefined): TextNode | undefined {
  return node && node.value.trim() !== '' ? node : undefined;
}

function present(node: TextNode | undefined): string | undefined {
  return nonEmpty(node)?.value.trim();
}

function optionalTitle(node: TextNode | undefined): { title?: string } {
  return optional('title', present(node));
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
