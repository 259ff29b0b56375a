import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AskReading } from '../../shared/detectors/political-content';
import { onlyBefore, ONLY_BEFORE } from '../../shared/detectors/text/politics/parties';
import { NextMatch } from '../../shared/detectors/text/prose/matches';
import { SentenceIndex, sentenceAround } from '../../shared/detectors/text/prose/sentence';
import { Segment } from '../../shared/detectors/text/segment';

// Rules that look at the words around each of many places in a long post (each party named, each
// origin phrase, each name) read only what can change the answer, or read the text once for all
// of them. Each reading is checked here against the plain one it replaced, on text built from the
// pieces it reacts to: the answers must be the same.

const textOf = (pieces: readonly string[], maxLength = 60) => fc.array(fc.constantFrom(...pieces), { maxLength }).map((p) => p.join(''));
const offsetIn = (text: string) => fc.nat(text.length);

describe('the sentence around an offset, from an index of the whole text', () => {
  it('is the sentence a walk from the offset finds', () => {
    const PIECES = ['a', 'B', ' ', ' ', '.', '!', '?', '\n', '. ', '.\n', '\u00a0', '\t', 'x.y'];
    fc.assert(
      fc.property(textOf(PIECES, 80).chain((text) => fc.tuple(fc.constant(text), fc.array(offsetIn(text), { minLength: 1, maxLength: 10 }))), ([text, offsets]) => {
        const index = new SentenceIndex(text);
        for (const offset of offsets) expect(index.around(offset)).toEqual(sentenceAround(text, offset));
      }),
      { numRuns: 1_000, seed: 11 },
    );
  });

  it('is what a segment gives, long or short', () => {
    const long = `${'Labour are right. '.repeat(100)}Vote Green!\nThe end`;
    const segment = new Segment('text', long);
    for (const offset of [0, 5, 17, 18, 1_799, 1_800, 1_805, long.length - 1, long.length]) {
      expect(segment.sentenceAround(offset)).toEqual(sentenceAround(long, offset));
    }
  });
});

describe('the next match of a pattern', () => {
  it('is the match a search from the offset finds, for offsets asked in any order', () => {
    const PIECES = ['he', 'she', 'her', 'hers', 'the', ' ', 'x', '-'];
    fc.assert(
      fc.property(textOf(PIECES).chain((text) => fc.tuple(fc.constant(text), fc.array(offsetIn(text), { maxLength: 12 }))), ([text, offsets]) => {
        const next = new NextMatch(/\b(?:he|she|her|hers)\b/gi, text);
        for (const offset of offsets) {
          const direct = /\b(?:he|she|her|hers)\b/gi;
          direct.lastIndex = offset;
          const expected = direct.exec(text);
          const found = next.at(offset);
          expect(found && [found.index, found[0]]).toEqual(expected && [expected.index, expected[0]]);
        }
      }),
      { numRuns: 500, seed: 12 },
    );
  });
});

describe('"only" before a party', () => {
  it('is found in the tail of the sentence as in the whole of it', () => {
    const PIECES = ['only', 'Only', 'not', 'the', 'The', ' ', '  ', '\n', 'x', 'lonely', 'nothe', ' \u00a0', 'xnot ', 'not '];
    // Often ending in "only" and spaces, with or without "the": where the tail decides
    const ending = fc.tuple(textOf(PIECES, 8), fc.constantFrom('only ', 'only  ', 'only the ', 'only\nthe  ', 'only the', 'onlythe ')).map(([a, b]) => a + b);
    fc.assert(
      fc.property(fc.oneof(textOf(PIECES), ending).chain((text) => fc.tuple(fc.constant(text), offsetIn(text), fc.oneof(offsetIn(text), fc.constant(text.length)))), ([text, a, b]) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(onlyBefore(text, from, to)).toBe(ONLY_BEFORE.test(text.slice(from, to)));
      }),
      { numRuns: 3_000, seed: 13 },
    );
  });
});

describe('a pronoun after a name', () => {
  it('is found between two offsets as a test of the text between them finds it', () => {
    const PIECES = ['he', 'she', 'him', 'his', 'her', 'hers', 'hello', 'the', 'He', ' ', ' ', ',', 'Tom Hart', 'x'];
    fc.assert(
      fc.property(
        textOf(PIECES).chain((text) => fc.tuple(fc.constant(text), fc.array(fc.tuple(offsetIn(text), offsetIn(text)), { maxLength: 8 }))),
        ([text, stretches]) => {
          const reading = new AskReading(new Segment('text', text));
          for (const [a, b] of stretches) {
            // The stretch starts where a name ends: not inside a word
            if (a > 0 && /\w/.test(text[a - 1]!) && /\w/.test(text[a] ?? '')) continue;
            const to = Math.max(a, b);
            expect(reading.personPronounBetween(a, to)).toBe(/\b(?:he|she|him|his|her|hers)\b/i.test(text.slice(a, to)));
          }
        },
      ),
      { numRuns: 1_000, seed: 14 },
    );
  });
});
