import { describe, expect, it } from 'vitest';
import type { Post } from '../../shared/domain/post';
import { DetectionEngine } from '../../shared/scanning/run-detectors';
import { makePost, testConfig } from '../support/fixtures';
import { growth } from '../support/work';

// Checking a post must take time in proportion to its length, whatever it is made of: a hostile or
// broken feed can hand us one post of megabytes. Each case repeats one piece of text to a given
// length and compares the work done (see countWork) on a post twice as long: about 2 times the
// work is linear, about 4 times quadratic. The posts are replies with a photo, made during a
// pre-election period, so that every rule does all it can with them. Personal data is fictional:
// Ofcom drama-range numbers and `.example` domains.

const SIZE = 12_000;

/**
 * Each kind of post: a unit repeated (with a counter where the unit needs distinct values), and
 * the length to start from where the quadratic part of the old code was cheap per step and only
 * outgrew the rest on a longer post.
 */
const KINDS: Record<string, { unit: (i: number) => string; size?: number }> = {
  'distinct phone numbers': { unit: (i) => `Call 07700 ${900000 + (i % 1000)} or ` },
  'email addresses': { unit: (i) => `write to jo.${i}@mail.example, ` },
  'a vehicle registration': { unit: () => 'parked AB12 CDE ' },
  'a National Insurance number': { unit: () => 'JT 52 81 94 C ' },
  'one phone number repeated': { unit: () => '07700 900123 ' },
  "a child's name and age": { unit: () => 'Lily Carver, aged 9, ' },
  'house numbers and streets': { unit: (i) => `${(i % 900) + 1} High Street ` },
  'home addresses': { unit: (i) => `Jane lives at ${(i % 900) + 1} High Street ` },
  'a health detail': { unit: () => 'Pete Lyle is off sick ' },
  'sort codes without account numbers': { unit: () => 'bank sort code 12-34-56 ' },
  'disguised swear words': { unit: () => 'sh1t f*ck ' },
  'a word that is innocent at a dog show': { unit: () => 'bitch ' },
  'a derogatory remark': { unit: () => 'lazy foreigners ' },
  'groups described by a clause': { unit: () => 'anyone who is pregnant will find ' },
  'groups spoken to': { unit: () => "Over-60s, please don't apply for " },
  'groups asked about': { unit: () => 'Over 70? ' },
  'conditional welcomes': { unit: () => 'Muslims are welcome but not for prayers and ' },
  'generation sneers': { unit: () => 'the snowflake generation and gen z, eh? ' },
  // One endless sentence of the same put-down: each signal was compared with every earlier one.
  'one sneer repeated without a full stop': { unit: () => 'ok zoomer ' },
  'a faint put-down repeated in one sentence': { unit: () => 'bless them, ' },
  "a generation's endurance mocked, repeated": { unit: () => "your generation wouldn't last " },
  'a generation said to be incapable': { unit: () => 'millennials wouldn’t last and ' },
  'a remark on one person’s sight': { unit: () => 'with your eyesight ' },
  "remarks on someone's condition": { unit: () => 'no wonder, with your adhd ' },
  'removal notices': { unit: () => 'We have removed a comment because it was offensive. shit ', size: 48_000 },
  'a party name': { unit: () => 'Labour ' },
  'a party after only': { unit: () => 'not only the Labour ' },
  'votes for a person': { unit: () => 'vote for Tom Hart ' },
  'an office-holder': { unit: () => 'the Mayor ' },
  'distinct councillors': { unit: (i) => `Cllr Q${i.toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)]!)} and ` },
  'origin phrases': { unit: () => 'found online ' },
  'origin phrases after a name': { unit: () => 'by Kit Marsh found online ' },
  'the council\'s own photos': { unit: () => 'my stock photo ' },
  'shame on': { unit: () => 'shame on ' },
  'named bodies': { unit: () => 'Coastline Buses shame ' },
  'hostile replies': { unit: () => "You clearly can't read. ", size: 48_000 },
  'closed session markers': { unit: () => 'part 2 ' },
  'legal advice': { unit: () => 'Our solicitor advised us. ' },
  'legal advice taken, nothing said of it': { unit: () => 'We have taken legal advice on the lease. ' },
  'staff matters': { unit: () => 'Pete Lyle is off sick. ' },
  'labelled confidential': { unit: () => 'Strictly confidential. ', size: 48_000 },
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
  const config = testConfig();
  const check = (post: Post) => new DetectionEngine(config).checkPost(post);
  const photo = { type: 'image' as const, url: 'https://files.example/1.jpg', altText: 'The beach' };
  const reply = { account: '@resident@mastodon.social' };

  for (const [kind, { unit, size = SIZE }] of Object.entries(KINDS)) {
    it(`made of ${kind}`, () => {
      const make = (length: number) => makePost({ text: textOf(unit, length), createdAt: '2027-04-01T10:00:00Z', media: [photo], replyTo: reply });
      expect(growth(make, check, size)).toBeLessThan(2.5);
    });
  }
});
