import { parse } from 'tldts';
import type { Location } from '../../domain/finding';
import { allMatches } from './prose/matches';
import type { Segment } from './segment';

export interface LinkRef {
  /** The URL as written (a scheme is not added). */
  url: string;
  /** Lower-case host name, without a trailing dot; empty when the URL cannot be parsed. */
  host: string;
  /** Where it was found: a text segment, or `links[i]` for a link carried outside the text. */
  location: Location;
  /** True when typed into the text, false when carried by the platform (link card, `links`). */
  inText: boolean;
}

// Scheme URLs, and bare hosts such as bit.ly/abc or www.example.org typed without a scheme.
// (No `u` flag: it doubles the cost of the scan, and hosts are ASCII once a URL is typed.)
const SCHEME_URL = /\bhttps?:\/\/[^\s<>"'`{}|\\^]+/gi;
const ANY_URL =
  /\bhttps?:\/\/[^\s<>"'`{}|\\^]+|(?<![@\w.\-/])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}\b(?::\d{2,5})?(?:\/[^\s<>"'`{}|\\^]*)?/gi;
/** Cheap test for something that may be a bare host: a letter or digit, a dot, two letters. */
const MAYBE_BARE_HOST = /[a-z0-9]\.[a-z]{2}/i;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"\u2019\u201d\u00bb\u2026]+$/;

/** Links typed into a text segment. A bare host counts only if it ends in a real public suffix. */
export function linksInSegment(segment: Segment): LinkRef[] {
  const text = segment.text;
  if (!text.includes('.') && !text.includes('://')) return [];
  const pattern = MAYBE_BARE_HOST.test(text) ? ANY_URL : text.includes('://') ? SCHEME_URL : undefined;
  if (pattern === undefined) return [];
  const found: LinkRef[] = [];
  for (const match of allMatches(pattern, text)) {
    let url = match[0];
    const trailing = TRAILING_PUNCTUATION.exec(url);
    if (trailing) url = url.slice(0, -trailing[0].length);
    const hasScheme = /^https?:\/\//i.test(url);
    const host = hostOf(url);
    if (host === '') continue;
    if (!hasScheme && !isBareHostLink(host)) continue;
    const start = match.index;
    found.push({ url, host, location: segment.locate(start, start + url.length), inText: true });
  }
  return found;
}

/** Links the platform carries outside the text (link cards, facets). */
export function carriedLinks(links: readonly string[] | undefined): LinkRef[] {
  return (links ?? []).map((url, i) => ({
    url,
    host: hostOf(url),
    location: { field: `links[${i}]`, start: 0, end: url.length },
    inText: false,
  }));
}

export function hostOf(url: string): string {
  try {
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`;
    return new URL(withScheme).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    // Not a valid URL (a malformed punycode label, say): still report the host as written.
    return /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#:\s]+)/i.exec(url)?.[1]?.toLowerCase() ?? '';
  }
}

function isBareHostLink(host: string): boolean {
  const parsed = parse(host);
  return parsed.isIcann === true && parsed.domain !== null && parsed.domainWithoutSuffix !== '';
}

/** The registrable domain of a host (example.co.uk for www.example.co.uk), or the host itself. */
export function registrableDomain(host: string): string {
  return parse(host).domain ?? host;
}
