import type { Segment } from '../segment';
import { SpanSet } from '../spans';

/** Offsets `[start, end)` in a segment's `text`. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Used when a council has not configured its own notice (Guide 4i: remove offensive comments
 * with a standard response).
 */
export const DEFAULT_REMOVAL_NOTICE =
  'We have removed a comment from this page because it broke our social media policy. Everyone is welcome to comment, but please keep it respectful.';

const HINT = /\b(?:remov|delet|hid|taken down|took down|take down)/;

// A moderation sentence names the act (removed, deleted, hidden), what was removed (a comment, a
// reply) and why (it was offensive, it breached the policy), in any order.
const ACT = /\b(?:removed|deleted|hidden|hid|taken down|took down|(?:to|will|may|must|shall) (?:remove|delete|hide|take down))\b/;
const OBJECT = /\b(?:comments?|posts?|repl(?:y|ies)|messages?|contributions?|remarks?)\b/;
const REASON =
  /\b(?:offensive|abusive|inappropriate|discriminatory|racist|sexist|homophobic|transphobic|threatening|defamatory|personal attacks?|breach(?:ed|es|ing)?|broke|breaks|against|violat\w*|contraven\w*|did(?:n['’]t| not) (?:meet|comply)|house rules|community (?:rules|guidelines|standards)|polic(?:y|ies)|guidelines|terms of use|code of conduct)\b/;

/** A sentence that goes on about what was removed: "Comments like that breach …", "It broke …". */
const BACK_REFERENCE = /^\s*(?:comments?|remarks?|posts?|repl(?:y|ies)|language|that|this|it|such|these|those)\b/;

const configured = new Map<string, RegExp>();

/**
 * Where a segment carries the council's standard notice that a comment was removed: the sentence
 * that says so, or the council's configured notice wherever it appears. Words quoted inside the
 * notice ("removed because it was offensive") are the council doing the right thing, not a breach.
 */
export function removalNoticeSpans(segment: Segment, notice: string | undefined): SpanSet {
  // A set rather than a list: every word found is asked whether it lies inside a notice.
  const spans = new SpanSet(segment.text.length);
  if (notice) {
    const pattern = noticePattern(notice);
    pattern.lastIndex = 0;
    for (let m = pattern.exec(segment.text); m; m = pattern.exec(segment.text)) {
      spans.add(m.index, m.index + m[0].length);
      if (m[0].length === 0) pattern.lastIndex++;
    }
  }
  const lower = segment.lower;
  if (!HINT.test(lower)) return spans;
  // The reason may come in the next sentence: "We've removed a comment that told someone to 'go back where they
  // came from'. Comments like that breach our policy." The removal and its reason are one notice.
  let removal: Span | undefined;
  for (const sentence of sentences(lower)) {
    const text = lower.slice(sentence.start, sentence.end);
    const reason = REASON.test(text);
    if (removal && reason && BACK_REFERENCE.test(text)) spans.add(removal.start, sentence.end);
    removal = undefined;
    if (ACT.test(text) && OBJECT.test(text)) {
      if (reason) spans.add(sentence.start, sentence.end);
      else removal = sentence;
    }
  }
  return spans;
}

/** The configured notice as a pattern: any spacing and case, and `[name]`-style placeholders filled by anything short. */
function noticePattern(notice: string): RegExp {
  let pattern = configured.get(notice);
  if (!pattern) {
    const source = notice
      .trim()
      .split(/(\[[^\]]*\]|\{[^}]*\}|<[^>]*>|\s+)/)
      .map((part) => {
        if (/^\s+$/.test(part)) return '\\s+';
        if (/^[[{<]/.test(part)) return '[^.!?\\n]{0,60}?';
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]");
      })
      .join('');
    pattern = new RegExp(source, 'gi');
    configured.set(notice, pattern);
  }
  return pattern;
}

/** Sentences of a text, split after `.`, `!` or `?` and at line breaks. */
function* sentences(text: string): Generator<Span> {
  const boundary = /[.!?]+(?=\s|$)|\n/g;
  let start = 0;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const end = m.index + m[0].length;
    yield { start, end };
    start = end;
  }
  if (start < text.length) yield { start, end: text.length };
}
