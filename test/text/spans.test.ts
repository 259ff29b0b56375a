import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpanSet } from '../../shared/detectors/text/spans';

const LENGTH = 300;
const span = fc.tuple(fc.nat(LENGTH), fc.nat(40)).map(([start, length]) => ({ start, end: Math.min(LENGTH, start + length) }));

describe('SpanSet', () => {
  it('answers overlap and cover questions as a walk over every span does, in any order and at any size', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 120 }), fc.array(span, { minLength: 1, maxLength: 30 }), (added, asked) => {
        // Prepare
        const set = new SpanSet(LENGTH);
        const seen: Array<{ start: number; end: number }> = [];
        for (const s of added) {
          set.add(s.start, s.end);
          seen.push(s);
          // Act and assess, after every addition: the index is built once the set grows past a few spans
          for (const q of asked) {
            expect(set.overlaps(q.start, q.end)).toBe(seen.some((t) => q.start < t.end && t.start < q.end));
            expect(set.covers(q.start, q.end)).toBe(seen.some((t) => t.start <= q.start && q.end <= t.end));
          }
        }
        expect(set.size).toBe(added.length);
      }),
      { numRuns: 200, seed: 42 },
    );
  });

  it('tells spans that touch from spans that overlap', () => {
    const set = new SpanSet(10_000);
    for (let i = 0; i < 1_000; i++) set.add(i * 10, i * 10 + 5);
    expect(set.overlaps(5, 10)).toBe(false);
    expect(set.overlaps(4, 10)).toBe(true);
    expect(set.overlaps(9_995, 10_000)).toBe(false);
    expect(set.covers(9_990, 9_995)).toBe(true);
    expect(set.covers(9_990, 9_996)).toBe(false);
  });
});
