import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PostSchema, type Post } from '../../shared/domain/post';
import { detectAll } from '../../shared/scanning/run-detectors';
import { makePost, testConfig } from '../support/fixtures';
import { originalField } from '../support/test-detector';

// Text built from the pieces detectors react to, mixed with arbitrary Unicode, so that the
// properties are exercised on near-misses, not only on noise.
const fragment = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom(
    ' ', '&amp;', '&#8203;', '\u200b', 'ﬁ', 'ｆｕｃｋ', '07700 900', '123', '@', '.', 'https://', 'bit.ly/', 'xn--', 'Cllr ', 'Vote ',
    '"', '“', '©', 'Photo: ', 'aged 9', 'NHS ', 'GB82 WEST', ' 4111 ', 'Part 2', 'sh1t', 's h i t', '\n', '😀', 'e\u0301',
  ),
);
const text = fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join(''));

const post = fc.record({
  text,
  altText: fc.option(text, { nil: undefined }),
  quoted: fc.option(text, { nil: undefined }),
  link: fc.option(fc.webUrl(), { nil: undefined }),
  createdAt: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true }),
}).map(({ text, altText, quoted, link, createdAt }): Post =>
  makePost({
    text,
    createdAt: createdAt.toISOString(),
    ...(altText === undefined ? {} : { media: [{ type: 'image', url: 'https://cdn.example/x.jpg', altText }] }),
    ...(quoted === undefined ? {} : { quoteOf: { account: '@someone.bsky.social', text: quoted } }),
    ...(link === undefined ? {} : { links: [link] }),
  }),
);

describe('every rule, on arbitrary posts', () => {
  it('never throws, and every finding points inside the field it names', () => {
    const config = testConfig();
    fc.assert(
      fc.property(post, (p) => {
        expect(PostSchema.safeParse(p).success).toBe(true);
        for (const f of detectAll(config, [p])) {
          expect(f.reason).not.toBe('');
          if (!f.location) continue;
          const value = originalField(p, f.location.field);
          expect(f.location.start).toBeGreaterThanOrEqual(0);
          expect(f.location.end).toBeGreaterThanOrEqual(f.location.start);
          expect(f.location.end).toBeLessThanOrEqual(value.length);
        }
      }),
      { numRuns: 400, seed: 20261121 },
    );
  });

  it('gives the same findings for the same post every time', () => {
    const config = testConfig();
    fc.assert(
      fc.property(post, (p) => {
        expect(detectAll(config, [structuredClone(p)])).toEqual(detectAll(config, [structuredClone(p)]));
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
