import * as z from '../../zod';

/**
 * The shapes fast-xml-parser makes of RSS 2.0 and Atom documents (see parse-feed.ts for the parser
 * options they assume: attributes as `@_name`, text as `#text`, tag values left as strings, and the
 * repeatable elements always arrays). Only what the connectors read is described; the rest passes.
 */

/** Any XML element read as its text: `<title>x</title>` is "x"; with attributes it is `{ '#text': 'x', '@_type': … }`. */
export interface TextNode {
  value: string;
  /** Atom's `type` attribute: `text` (the default), `html` or `xhtml`. */
  type?: string;
  /** The element's own `xml:base` (Atom `content` may carry one). */
  base?: string;
}

const NodeSchema = z.union([z.string(), z.number(), z.boolean(), z.looseObject({})]);

/** An element that should hold text; a repeated one (a feed mistake) is read as its first occurrence. */
export const TextSchema = z.pipe(z.union([NodeSchema, z.array(NodeSchema)]), z.transform((node): TextNode => {
  const first = Array.isArray(node) ? node[0] : node;
  if (first === undefined) return { value: '' };
  if (typeof first !== 'object') return { value: String(first) };
  const record = first as Record<string, unknown>;
  const type = typeof record['@_type'] === 'string' ? record['@_type'] : undefined;
  const base = typeof record['@_xml:base'] === 'string' ? record['@_xml:base'] : undefined;
  const text = record['#text'];
  return {
    value: typeof text === 'string' || typeof text === 'number' ? String(text) : flattenText(record),
    ...(type ? { type } : {}),
    ...(base ? { base } : {}),
  };
}));

/** The words of an element with child elements (Atom `type="xhtml"`): attribute values are not words. */
function flattenText(node: unknown): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(flattenText).filter(Boolean).join(' ');
  if (node && typeof node === 'object') {
    return Object.entries(node)
      .filter(([key]) => !key.startsWith('@_'))
      .map(([, value]) => flattenText(value))
      .filter(Boolean)
      .join(' ');
  }
  return '';
}

/**
 * An optional field read leniently: a value of an odd shape (an `<enclosure>` written as text, an empty
 * `<author/>`, an Atom `<link>` with its URL as text) is read as absent, so that one odd element never
 * refuses the whole feed. Only the document's skeleton (the root, the channel) is required.
 */
const lenient = <S extends z.ZodMiniType>(schema: S) => z.catch(z.optional(schema), undefined);

/** A repeated element, each occurrence read leniently: one of an odd shape is dropped, the others kept. */
const lenientList = <S extends z.ZodMiniType>(schema: S) =>
  lenient(
    z.pipe(
      z.array(z.unknown()),
      z.transform((values) => values.flatMap((value) => {
        const read = schema.safeParse(value);
        return read.success ? [read.data as z.infer<S>] : [];
      })),
    ),
  );

/** `xml:base` on an element: the base its relative URLs are resolved against (see parse-feed.ts). */
const XML_BASE = '@_xml:base';
const base = lenient(z.string());

/** An empty element (`<item/>`, `<channel></channel>`) is parsed as an empty string. */
const element = <S extends z.ZodMiniType>(schema: S) => z.pipe(z.transform((value: unknown) => (value === '' ? {} : value)), schema);

const EnclosureSchema = z.looseObject({ '@_url': z.optional(z.string()), '@_type': z.optional(z.string()) });

export const RssItemSchema = z.looseObject({
  [XML_BASE]: base,
  /** RSS 1.0: the item's URI. */
  '@_rdf:about': lenient(z.string()),
  title: lenient(TextSchema),
  link: lenient(TextSchema),
  guid: lenient(TextSchema),
  pubDate: lenient(TextSchema),
  'dc:date': lenient(TextSchema),
  /** Atom elements some RSS feeds borrow. */
  'atom:published': lenient(TextSchema),
  'atom:updated': lenient(TextSchema),
  /** Escaped HTML. */
  description: lenient(TextSchema),
  'content:encoded': lenient(TextSchema),
  enclosure: lenientList(EnclosureSchema),
});
export type RssItem = z.infer<typeof RssItemSchema>;

const RssChannelSchema = z.looseObject({
  [XML_BASE]: base,
  title: lenient(TextSchema),
  link: lenient(TextSchema),
  pubDate: lenient(TextSchema),
  lastBuildDate: lenient(TextSchema),
  'dc:date': lenient(TextSchema),
  item: lenientList(element(RssItemSchema)),
});
export type RssChannel = z.infer<typeof RssChannelSchema>;

/** RSS 0.91, 0.92 and 2.0. */
export const RssDocumentSchema = z.looseObject({
  rss: element(
    z.looseObject({
      [XML_BASE]: base,
      channel: element(RssChannelSchema),
    }),
  ),
});

/** RSS 1.0 (and 0.90): RDF, with the items beside the channel rather than in it. */
export const RdfDocumentSchema = z.looseObject({
  'rdf:RDF': element(
    z.looseObject({
      [XML_BASE]: base,
      channel: lenient(element(RssChannelSchema)),
      item: lenientList(element(RssItemSchema)),
    }),
  ),
});

const AtomLinkSchema = z.looseObject({
  '@_href': z.optional(z.string()),
  '@_rel': z.optional(z.string()),
  '@_type': z.optional(z.string()),
  [XML_BASE]: base,
});

const AtomPersonSchema = z.looseObject({ name: lenient(TextSchema) });

export const AtomEntrySchema = z.looseObject({
  [XML_BASE]: base,
  id: lenient(TextSchema),
  title: lenient(TextSchema),
  updated: lenient(TextSchema),
  published: lenient(TextSchema),
  'dc:date': lenient(TextSchema),
  link: lenientList(AtomLinkSchema),
  summary: lenient(TextSchema),
  content: lenient(TextSchema),
  author: lenient(z.union([AtomPersonSchema, z.array(AtomPersonSchema)])),
  /** YouTube's channel feed. */
  'yt:videoId': lenient(TextSchema),
  'media:group': lenient(
    z.looseObject({
      'media:title': lenient(TextSchema),
      /** Plain text, not HTML. */
      'media:description': lenient(TextSchema),
    }),
  ),
});
export type AtomEntry = z.infer<typeof AtomEntrySchema>;

export const AtomDocumentSchema = z.looseObject({
  feed: element(
    z.looseObject({
      [XML_BASE]: base,
      title: lenient(TextSchema),
      updated: lenient(TextSchema),
      link: lenientList(AtomLinkSchema),
      entry: lenientList(element(AtomEntrySchema)),
    }),
  ),
});

/** The XML paths that may repeat, read as arrays even when a feed has only one. */
export const REPEATED_ELEMENTS: ReadonlySet<string> = new Set([
  'rss.channel.item',
  'rss.channel.item.enclosure',
  'rdf:RDF.item',
  'rdf:RDF.item.enclosure',
  'feed.link',
  'feed.entry',
  'feed.entry.link',
]);
