/** Offsets `[start, end)` in a piece of text. */
export interface Span {
  start: number;
  end: number;
}

/** While a set is this small, a plain walk over it is cheaper than the index. */
const WALK_LIMIT = 32;

/**
 * Spans of one text, added in any order, that answer "does anything overlap this?" and "is this
 * inside one of them?" in time logarithmic in the text's length, so that a post with thousands of
 * findings is not checked against each of them in turn. Both questions reduce to the furthest end
 * among the spans that start before a point: a Fenwick tree over start offsets keeps that maximum.
 */
export class SpanSet {
  readonly #length: number;
  readonly #spans: Span[] = [];
  /** `#tree[i]`: the furthest end + 1 of the spans starting in the Fenwick range ending at offset `i - 1` (0: none). */
  #tree: Int32Array | undefined;

  /** `length`: the length of the text the spans lie in (every start is at most this). */
  constructor(length: number, spans: Iterable<Span> = []) {
    this.#length = length;
    for (const span of spans) this.add(span.start, span.end);
  }

  get size(): number {
    return this.#spans.length;
  }

  add(start: number, end: number): void {
    this.#spans.push({ start, end });
    if (this.#tree !== undefined) this.#raise(start, end);
    else if (this.#spans.length > WALK_LIMIT) {
      this.#tree = new Int32Array(this.#length + 2);
      for (const span of this.#spans) this.#raise(span.start, span.end);
    }
  }

  /** Whether some span shares a character with `[start, end)` (`s.start < end && start < s.end`). */
  overlaps(start: number, end: number): boolean {
    if (this.#tree === undefined) return this.#spans.some((s) => start < s.end && s.start < end);
    return this.#furthestEnd(end - 1) > start;
  }

  /** Whether some span contains all of `[start, end)` (`s.start <= start && end <= s.end`). */
  covers(start: number, end: number): boolean {
    if (this.#tree === undefined) return this.#spans.some((s) => s.start <= start && end <= s.end);
    return this.#furthestEnd(start) >= end;
  }

  /** The furthest end of the spans that start at or before `offset`, or -1. */
  #furthestEnd(offset: number): number {
    const tree = this.#tree!;
    let best = 0;
    for (let i = Math.min(offset, this.#length) + 1; i > 0; i -= i & -i) if (tree[i]! > best) best = tree[i]!;
    return best - 1;
  }

  #raise(start: number, end: number): void {
    const tree = this.#tree!;
    for (let i = Math.min(start, this.#length) + 1; i < tree.length; i += i & -i) if (tree[i]! < end + 1) tree[i] = end + 1;
  }
}
