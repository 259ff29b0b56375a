import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileContext } from '../../shared/detectors/context';
import { authorBefore, ownWorkBetween } from '../../shared/detectors/copyright-attribution';
import { namedTargets } from '../../shared/detectors/hostile-engagement';
import { AskReading } from '../../shared/detectors/political-content';
import { quotations } from '../../shared/detectors/text/attribution/quotations';
import { onlyBefore, ONLY_BEFORE } from '../../shared/detectors/text/politics/parties';
import { NextMatch } from '../../shared/detectors/text/prose/matches';
import { SentenceIndex, sentenceAround } from '../../shared/detectors/text/prose/sentence';
import { Segment } from '../../shared/detectors/text/segment';
import { testConfig } from '../support/fixtures';
import { growth } from '../support/work';

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

describe('what stands before an origin phrase in its sentence', () => {
  const OWN_WORK = /\b(?:our|my)\s+(?:own\s+)?(?:[\w-]+\s+)?(?:photo(?:graph)?s?|pic(?:ture)?s?|images?|videos?|shots?|snaps?|footage|posts?|film)\b/i;
  const AUTHOR_BEFORE = /\bby\s+(?:@[\w.@-]+|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)\s*,?\s*$/;

  it("finds the council's own work as a test of the whole stretch does", () => {
    const PIECES = ['our', 'my', 'own', 'old', 'stock', 'photo', 'photos', 'pics', 'film', 'found', ' ', ' ', '\n', '-', 'x', 's'];
    fc.assert(
      fc.property(
        textOf(PIECES).chain((text) => fc.tuple(fc.constant(text), fc.array(offsetIn(text), { maxLength: 8 }))),
        ([text, ends]) => {
          // A sentence starts at the start of the text or after a space
          const starts = [0, ...[...text].flatMap((ch, i) => (/\s/.test(ch) ? [i + 1] : []))];
          const from = starts[ends.length % starts.length]!;
          const next = new NextMatch(new RegExp(OWN_WORK.source, 'gi'), text);
          for (const end of ends.map((e) => Math.max(from, e)).sort((x, y) => x - y)) {
            expect(ownWorkBetween(text, from, end, next)).toBe(OWN_WORK.test(text.slice(from, end)));
          }
        },
      ),
      { numRuns: 1_000, seed: 15 },
    );
  });

  it("finds the council's own work cut off by the end of the stretch as a test of the stretch does", () => {
    // "our own old photo" and the like, followed by more letters that the stretch leaves out
    const work = fc
      .tuple(fc.constantFrom('our', 'my', 'Our'), fc.constantFrom(' ', '  ', '\n'), fc.constantFrom('', 'own ', 'own  '), fc.constantFrom('', 'old ', 'stock-', 'stock '), fc.constantFrom('photo', 'pics', 'film'), fc.constantFrom('', 's', 'x', ' '))
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.tuple(fc.constantFrom('', 'x ', 'a my ', 'Sunday '), work, fc.constantFrom('', 'found', ' online')), fc.nat(4), ([lead, own, rest], cut) => {
        const text = lead + own + rest;
        const to = Math.max(0, lead.length + own.length - cut);
        const next = new NextMatch(new RegExp(OWN_WORK.source, 'gi'), text);
        expect(ownWorkBetween(text, 0, to, next)).toBe(OWN_WORK.test(text.slice(0, to)));
      }),
      { numRuns: 2_000, seed: 18 },
    );
  });

  it('finds an author named with "by" as a test of the whole stretch does', () => {
    const PIECES = ['by', 'By', 'Kit', 'Marsh', 'Ab-by', '@kit.marsh', '@', 'x', ' ', ' ', ',', '.', "O'Neil", 'the', '(', '\n'];
    fc.assert(
      fc.property(textOf(PIECES).chain((text) => fc.tuple(fc.constant(text), offsetIn(text), offsetIn(text))), ([text, a, b]) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(authorBefore(text, from, to)).toBe(AUTHOR_BEFORE.test(text.slice(from, to)));
      }),
      { numRuns: 2_000, seed: 16 },
    );
  });
});

describe('long quotations', () => {
  const quotation = (i: number) => `"${`word${i} `.repeat(45)}" `;

  it('are each found once in a post of thousands of them', () => {
    const text = Array.from({ length: 5_000 }, (_, i) => quotation(i)).join('');
    const found = quotations(text, 40);
    expect(found).toHaveLength(5_000);
    expect(found.every((q) => q.words === 45 && text[q.start - 1] === '"' && text[q.end] === '"')).toBe(true);
  });

  it('are found with work in proportion to the length of the text', () => {
    const make = (length: number) => Array.from({ length: Math.ceil(length / 320) }, (_, i) => quotation(i)).join('');
    expect(growth(make, (text) => quotations(text, 40), 1_500_000)).toBeLessThan(2.5);
  });
});

describe('a name just after "shame on"', () => {
  it('is the first name a search of the whole text finds, when that starts within four characters', () => {
    const context = compileContext(testConfig());
    const PIECES = ['Coastline', 'Buses', 'Harbourne', 'Town', 'Council', 'Ltd', 'Cllr', 'Mr', 'Smith', 'Alice Moreton', 'the', 'The', ' ', ' ', ',', 'x'];
    fc.assert(
      fc.property(textOf(PIECES, 30), (text) => {
        const near = namedTargets(text, context, 4)[0];
        const all = namedTargets(text, context)[0];
        expect(near && near.index <= 4 ? near : undefined).toEqual(all && all.index <= 4 ? all : undefined);
      }),
      { numRuns: 2_000, seed: 17 },
    );
  });
});
