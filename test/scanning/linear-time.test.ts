import { describe, expect, it } from 'vitest';
import type { Post } from '../../shared/domain/post';
import { DetectionEngine } from '../../shared/scanning/run-detectors';
import { makePost, testConfig } from '../support/fixtures';
import { growth } from '../support/work';

// Checking a post must take time in proportion to its length, whatever it is made of: a hostile or
// broken feed can hand us one post of megabytes. Each case repeats one piece of text to a given
// length and compares the work done (see countWork) on a post twice as long: about 2 times the
// work is linear, about 4 times quadratic. Personal data is fictional: Ofcom drama-range numbers
// and `.example` domains.

const SIZE = 12_000;

/** Each kind of post: a unit repeated, with a counter where the unit needs distinct values. */
const KINDS: Record<string, (i: number) => string> = {
  'one phone number repeated': () => '07700 900123 ',
  'distinct phone numbers': (i) => `Call 07700 ${900000 + (i % 1000)} or `,
  'email addresses': (i) => `write to jo.${i}@mail.example, `,
  'a vehicle registration': () => 'parked AB12 CDE ',
  'a National Insurance number': () => 'JT 52 81 94 C ',
  "a child's name and age": () => 'Lily Carver, aged 9, ',
  'house numbers and streets': (i) => `${(i % 900) + 1} High Street `,
  'home addresses': (i) => `Jane lives at ${(i % 900) + 1} High Street `,
  'a health detail': () => 'Pete Lyle is off sick ',
  'sort codes without account numbers': () => 'bank sort code 12-34-56 ',
};

function textOf(unit: (i: number) => string, size: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const part = unit(i);
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

describe('checking time grows linearly with the size of a post', () => {
  // Posted during the pre-election period, so that every rule does all it can
  const config = testConfig();
  const check = (post: Post) => new DetectionEngine(config).checkPost(post);

  for (const [kind, unit] of Object.entries(KINDS)) {
    it(`in the text: ${kind}`, () => {
      const make = (size: number) => makePost({ text: textOf(unit, size), createdAt: '2027-04-01T10:00:00Z' });
      expect(growth(make, check, SIZE)).toBeLessThan(2.5);
    });
  }
});
