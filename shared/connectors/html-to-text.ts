import { decodeHTML } from 'entities';

const BLOCK_END = /<\/(?:p|div|li|h[1-6]|blockquote|tr|pre)\s*>/gi;
const LINE_BREAK = /<br\s*\/?>/gi;
const TAG = /<[^>]*>/g;
const LINK_START = /<a\b/gi;
/** An `<a` and its href, read from the `<a` on (sticky). */
const HREF_HERE = /<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/iy;
const INVISIBLE_START = /<(script|style)\b/gi;
const SCRIPT_END = /<\/script\s*>/gi;
const STYLE_END = /<\/style\s*>/gi;
const SPACE_BEFORE_LINE_END = /[ \t\u00a0]/;

// Each expression above is read from a start (a `<`, an `<a`, a `<script`) to what must follow it (a
// `>`, an href, a `</script>`). Where that never comes, a plain search reads to the end of the text
// from every start, which for hostile HTML ("<<<<…", "<a <a <a …") is quadratic: what follows is
// looked for once for all the starts that share it.

/**
 * The plain text of a post's HTML (Mastodon `content`, an RSS description): paragraphs and line breaks
 * become new lines, tags go, entities are decoded. Not a sanitiser: the text is only ever read.
 */
export function htmlToText(html: string): string {
  const text = withoutTags(withoutInvisible(html).replace(LINE_BREAK, '\n').replace(BLOCK_END, '\n\n'));
  return withoutSpaceBeforeLineEnds(decodeHTML(text))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The targets of the links in some HTML, decoded, in order, without duplicates: http(s) URLs, and
 * relative ones resolved against `base` when the HTML has one (a feed item's page).
 */
export function linksInHtml(html: string, base?: string): string[] {
  const found = new Set<string>();
  // No `<a` before this offset has an href: each of them reads to the same first `>` (or the end).
  let hopeless = -1;
  LINK_START.lastIndex = 0;
  for (let start = LINK_START.exec(html); start !== null; start = LINK_START.exec(html)) {
    if (start.index < hopeless) continue;
    HREF_HERE.lastIndex = start.index;
    const m = HREF_HERE.exec(html);
    if (m === null) {
      const close = html.indexOf('>', start.index);
      hopeless = close === -1 ? html.length : close;
      continue;
    }
    LINK_START.lastIndex = m.index + m[0].length;
    const href = absoluteWebUrl(decodeHTML(m[1] ?? m[2] ?? m[3] ?? '').trim(), base);
    if (href !== undefined) found.add(href);
  }
  return [...found];
}

/** An http(s) URL as written, or a relative one resolved against the base; undefined for anything else (`mailto:`, `javascript:`). */
export function absoluteWebUrl(ref: string, base: string | undefined): string | undefined {
  if (/^https?:\/\//i.test(ref)) return ref;
  if (base === undefined || ref === '' || /^[a-z][a-z\d+.-]*:/i.test(ref)) return undefined;
  try {
    const url = new URL(ref, base).toString();
    return /^https?:\/\//i.test(url) ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `html.replace(/<[^>]*>/g, '')`: a tag runs from a `<` to the next `>`, so after the last `>` there
 * is none, and that part is not searched at all.
 */
export function withoutTags(html: string, tag: RegExp = TAG): string {
  const last = html.lastIndexOf('>');
  return html.slice(0, last + 1).replace(tag, '') + html.slice(last + 1);
}

/**
 * `html.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')`: each `<script` or `<style` and what
 * follows it to its own closing tag goes. A closing tag that is not there for one opening is not
 * there for a later one either, so it is looked for once.
 */
export function withoutInvisible(html: string): string {
  const unclosed = new Set<string>();
  let out = '';
  let kept = 0;
  INVISIBLE_START.lastIndex = 0;
  for (let open = INVISIBLE_START.exec(html); open !== null; open = INVISIBLE_START.exec(html)) {
    const name = open[1]!.toLowerCase();
    if (unclosed.has(name)) continue;
    const close = name === 'script' ? SCRIPT_END : STYLE_END;
    close.lastIndex = open.index + open[0].length;
    const end = close.exec(html);
    if (end === null) {
      unclosed.add(name);
      continue;
    }
    out += html.slice(kept, open.index);
    kept = end.index + end[0].length;
    INVISIBLE_START.lastIndex = kept;
  }
  return kept === 0 ? html : out + html.slice(kept);
}

/** `text.replace(/[ \t\u00a0]+\n/g, '\n')`, without reading a long run of spaces once for each of its characters. */
function withoutSpaceBeforeLineEnds(text: string): string {
  if (!/[ \t\u00a0]\n/.test(text)) return text;
  return text
    .split('\n')
    .map((line, i, lines) => {
      if (i === lines.length - 1) return line;
      let end = line.length;
      while (end > 0 && SPACE_BEFORE_LINE_END.test(line[end - 1]!)) end--;
      return end === line.length ? line : line.slice(0, end);
    })
    .join('\n');
}
