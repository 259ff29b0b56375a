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
}

const NodeSchema = z.union([z.string(), z.number(), z.boolean(), z.looseObject({})]);

/** An element that should hold text; a repeated one (a feed mistake) is read as its first occurrence. */
export const TextSchema = z.pipe(z.union([NodeSchema, z.array(NodeSchema)]), z.transform((node): TextNode => {
  const first = Array.isArray(node) ? node[0] : node;
  if (first === undefined) return { value: '' };
  if (typeof first !== 'object') return { value: String(first) };
  const record = first as Record<string, unknown>;
  const type = typeof record['@_type'] === 'string' ? record['@_type'] : undefined;
  const text = record['#text'];
  return { value: typeof text === 'string' || typeof text === 'number' ? String(text) : flattenText(record), ...(type ? { type } : {}) };
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

const EnclosureSchema = z.looseObject({ '@_url': z.optional(z.string()), '@_type': z.optional(z.string()) });

export const RssItemSchema = z.looseObject({
  title: z.optional(TextSchema),
  link: z.optional(TextSchema),
  guid: z.optional(TextSchema),
  pubDate: z.optional(TextSchema),
  'dc:date': z.optional(TextSchema),
  /** Escaped HTML. */
  description: z.optional(TextSchema),
  'content:encoded': z.optional(TextSchema),
  enclosure: z.optional(z.array(EnclosureSchema)),
});
export type RssItem = z.infer<typeof RssItemSchema>;

/** An empty element (`<item/>`, `<channel></channel>`) is parsed as an empty string. */
const element = <S extends z.ZodMiniType>(schema: S) => z.pipe(z.transform((value: unknown) => (value === '' ? {} : value)), schema);

export const RssDocumentSchema = z.looseObject({
  rss: element(
    z.looseObject({
      channel: element(
        z.looseObject({
          title: z.optional(TextSchema),
          item: z.optional(z.array(element(RssItemSchema))),
        }),
      ),
    }),
  ),
});

const AtomLinkSchema = z.looseObject({
  '@_href': z.optional(z.string()),
  '@_rel': z.optional(z.string()),
  '@_type': z.optional(z.string()),
});

export const AtomEntrySchema = z.looseObject({
  id: z.optional(TextSchema),
  title: z.optional(TextSchema),
  updated: z.optional(TextSchema),
  published: z.optional(TextSchema),
  link: z.optional(z.array(AtomLinkSchema)),
  summary: z.optional(TextSchema),
  content: z.optional(TextSchema),
  author: z.optional(z.union([z.looseObject({ name: z.optional(TextSchema) }), z.array(z.looseObject({ name: z.optional(TextSchema) }))])),
  /** YouTube's channel feed. */
  'yt:videoId': z.optional(TextSchema),
  'media:group': z.optional(
    z.looseObject({
      'media:title': z.optional(TextSchema),
      /** Plain text, not HTML. */
      'media:description': z.optional(TextSchema),
    }),
  ),
});
export type AtomEntry = z.infer<typeof AtomEntrySchema>;

export const AtomDocumentSchema = z.looseObject({
  feed: element(
    z.looseObject({
      title: z.optional(TextSchema),
      entry: z.optional(z.array(element(AtomEntrySchema))),
    }),
  ),
});

/** The XML paths that may repeat, read as arrays even when a feed has only one. */
export const REPEATED_ELEMENTS: ReadonlySet<string> = new Set([
  'rss.channel.item',
  'rss.channel.item.enclosure',
  'feed.entry',
  'feed.entry.link',
]);
