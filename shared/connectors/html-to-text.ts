import { decodeHTML } from 'entities';

const BLOCK_END = /<\/(?:p|div|li|h[1-6]|blockquote|tr|pre)\s*>/gi;
const LINE_BREAK = /<br\s*\/?>/gi;
const TAG = /<[^>]*>/g;
const HREF = /<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const INVISIBLE = /<(script|style)\b[\s\S]*?<\/\1\s*>/gi;

/**
 * The plain text of a post's HTML (Mastodon `content`, an RSS description): paragraphs and line breaks
 * become new lines, tags go, entities are decoded. Not a sanitiser: the text is only ever read.
 */
export function htmlToText(html: string): string {
  return decodeHTML(
    html
      .replace(INVISIBLE, '')
      .replace(LINE_BREAK, '\n')
      .replace(BLOCK_END, '\n\n')
      .replace(TAG, ''),
  )
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The targets of the links in some HTML, decoded, in order, without duplicates. */
export function linksInHtml(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(HREF)) {
    const href = decodeHTML(m[1] ?? m[2] ?? m[3] ?? '').trim();
    if (/^https?:\/\//i.test(href)) found.add(href);
  }
  return [...found];
}
