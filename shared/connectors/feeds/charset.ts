import { TextDecoder } from 'node:util';

/**
 * A feed's bytes as text, in the character set it is written in: a byte-order mark first (it cannot
 * be anything else), then the charset of the Content-Type header, then the encoding of the XML
 * declaration, then UTF-8. Council sites still serve ISO-8859-1, Windows-1252 and windows-1251 feeds;
 * read as UTF-8 their £, ’ and Cyrillic letters become U+FFFD.
 *
 * The decoder is Node's own TextDecoder (full ICU in Node 20 and 22), which knows every label of the
 * WHATWG Encoding standard, as browsers do: `iso-8859-1` and `latin1` decode as windows-1252 there,
 * which is what such feeds mean by it. A well-kept decoder that needs no new dependency; but see
 * WINDOWS_1252_C1 for the one range Node 20 gets wrong.
 */
export function decodeFeed(bytes: Uint8Array, contentType: string | undefined): string {
  const bom = byteOrderMark(bytes);
  for (const label of [bom, charsetOf(contentType), declaredEncoding(bytes), 'utf-8']) {
    const decoder = label === undefined ? undefined : decoderFor(label);
    if (decoder) return decoder.encoding === 'windows-1252' ? withWindows1252C1(decoder.decode(bytes)) : decoder.decode(bytes);
  }
  return new TextDecoder('utf-8').decode(bytes);
}

/** The `charset` parameter of a Content-Type header (`application/rss+xml; charset="ISO-8859-1"`). */
export function charsetOf(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  for (const parameter of contentType.split(';').slice(1)) {
    const [name, ...value] = parameter.split('=');
    if (name?.trim().toLowerCase() === 'charset') return value.join('=').trim().replace(/^"(.*)"$/, '$1') || undefined;
  }
  return undefined;
}

/** `encoding="…"` of the XML declaration, read from the first bytes as ASCII (a declaration is ASCII in every charset a feed uses). */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
  return /^(?:\uFEFF|\u00EF\u00BB\u00BF)?\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
}

function byteOrderMark(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** A decoder for a label, or undefined for a label the Encoding standard does not know. */
function decoderFor(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

/**
 * Bytes 0x80–0x9F of windows-1252 (and so of `iso-8859-1`, which the Encoding standard reads as
 * windows-1252), from the standard's index. Node ≥ 20.18.3 and 22.13 decode them as the C1 controls
 * U+0080–U+009F instead (nodejs/node#56542, #60888): the ’ “ ” – … € of every such feed. A C1 control is
 * never meant in a feed, so each is put back as the standard maps it; once Node is fixed there are none
 * left to put back. The five bytes the standard leaves as themselves are absent.
 */
const WINDOWS_1252_C1: Readonly<Record<string, string>> = Object.fromEntries(
  (
    [
      [0x80, 0x20ac], [0x82, 0x201a], [0x83, 0x0192], [0x84, 0x201e], [0x85, 0x2026], [0x86, 0x2020], [0x87, 0x2021],
      [0x88, 0x02c6], [0x89, 0x2030], [0x8a, 0x0160], [0x8b, 0x2039], [0x8c, 0x0152], [0x8e, 0x017d],
      [0x91, 0x2018], [0x92, 0x2019], [0x93, 0x201c], [0x94, 0x201d], [0x95, 0x2022], [0x96, 0x2013], [0x97, 0x2014],
      [0x98, 0x02dc], [0x99, 0x2122], [0x9a, 0x0161], [0x9b, 0x203a], [0x9c, 0x0153], [0x9e, 0x017e], [0x9f, 0x0178],
    ] as const
  ).map(([byte, codePoint]) => [String.fromCharCode(byte), String.fromCodePoint(codePoint)]),
);

function withWindows1252C1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c] ?? c);
}
