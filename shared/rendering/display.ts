// Showing values that came from outside (a post, an account, a platform) to people: the digest, the
// report and the console all lay them out through these, so that one fix protects every page.
import { SEVERITIES, type Severity } from '../domain/config';

/**
 * What must not reach a line as it is: control characters (C0, DEL, C1: a line break could fake a new
 * entry, an escape sequence restyle a terminal) and the bidirectional marks and overrides that can
 * make text read backwards.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it matches
const UNSAFE_ON_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_RUNS = new RegExp(`${UNSAFE_ON_ONE_LINE.source}+`, 'g');

/** Severities most serious first: the order people read them in. */
export const SEVERITIES_HIGH_FIRST: readonly Severity[] = [...SEVERITIES].reverse();

/**
 * A value from a post or an account, made safe to lay out on one line: control characters (line
 * breaks that could fake a new entry) and bidirectional overrides (which can make text read backwards)
 * become spaces. Renderers apply it; the facts keep the stored value.
 */
export function tidy(value: string): string {
  return value.replace(UNSAFE_RUNS, ' ');
}

/**
 * Text from outside made safe to echo on one terminal line (the command line's messages): every
 * control character shown as an escape (`\u0000`), never sent raw, and at most `max` characters.
 */
export function printable(text: string, max = 200): string {
  const escaped = text.replace(UNSAFE_ON_ONE_LINE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return escaped.length > max ? `${escaped.slice(0, max - 1)}…` : escaped;
}

/** Escapes text for an element's content or a quoted attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A value from outside (post, account, platform) as HTML text: tidied and escaped. */
export function htmlText(value: string): string {
  return escapeHtml(tidy(value));
}

/** The URL as a link target when it is an absolute http(s) URL; undefined for anything else (`javascript:`, `data:`…). */
export function webLink(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    // `https://mastodon.social//@council/1`: a base URL ending in `/` joined with a path starting with one.
    parsed.pathname = parsed.pathname.replace(/\/{2,}/g, '/');
    return parsed.href;
  } catch {
    return undefined;
  }
}

/** `2 high, 1 medium`: the non-zero severities, high first; `none` when all are zero. */
export function describeSeverityCounts(bySeverity: Record<Severity, number>): string {
  const parts = SEVERITIES_HIGH_FIRST.filter((s) => bySeverity[s] > 0).map((s) => `${bySeverity[s]} ${s}`);
  return parts.length ? parts.join(', ') : 'none';
}
