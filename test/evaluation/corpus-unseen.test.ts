// The unseen corpus (test/fixtures/corpus-unseen) is well-formed and fictional. It says nothing about how the
// detectors score on it: that is `npm run eval -- test/fixtures/corpus-unseen/held`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../shared/domain/finding';
import { readCorpus } from '../../shared/evaluation/corpus';

const ROOT = join(__dirname, '../fixtures/corpus-unseen');
// tune and held: four councils written from templates (#12's first round); tune2 and fresh: three and four
// other councils, each written by someone who had read the rulebook and not the rules. fresh is scored once,
// after the second round's tuning. wide: twelve more councils written that way, heavy in hostility and offence,
// that the wording model trains on; blind: four more, held back from it and from every tuning in the third round.
// wide2, wide3 and blind2: the fourth round's, the same way (blind joins the training; blind2 is held back).
// blind3: written at the end of the fourth round, held back in the fifth (its HELD_BACK.md), when blind2 joins the
// training. wide4, wide5 and blind4: the fifth round's; blind4 is held back for the sixth, scored by no one.
// wide6 and blind5: the sixth round's (blind5 held back in the seventh); wide7, blind6 and wide8: the seventh's
// (blind6 held back in the eighth, trained on from its end); wide9, blind7, wide10 and wide11: the eighth's (blind7
// held back in the ninth); wide12, blind8, wide13 and wide14: the ninth's (blind8 held back for a later round).
const BALANCED = ['tune', 'held', 'tune2', 'fresh', 'wide', 'blind', 'wide2', 'blind2', 'wide3', 'blind3', 'wide4', 'blind4', 'wide5', 'wide6', 'blind5', 'wide7', 'blind6', 'wide8', 'wide9', 'blind7', 'wide10', 'wide11', 'wide12', 'blind8', 'wide13', 'wide14'] as const;
// negatives: councils whose every post is clean though it looks like a breach, to count false alarms.
const PARTS = [...BALANCED, 'negatives'] as const;
const POST_RULES = RULE_IDS.filter((rule) => rule !== 'unapproved-account');
const corpus = Object.fromEntries(PARTS.map((part) => [part, readCorpus(join(ROOT, part))]));

/** Every string a post or configuration carries: text, alt text, URLs, quoted text, handles. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function rawFiles(part: string, name: string): string[] {
  return corpus[part]!.map((council) => readFileSync(join(ROOT, part, council.name, name), 'utf8'));
}

const luhn = (digits: string) =>
  [...digits].reverse().reduce((sum, d, i) => sum + (i % 2 ? [0, 2, 4, 6, 8, 1, 3, 5, 7, 9][Number(d)]! : Number(d)), 0) % 10 === 0;

describe.each(PARTS)('the unseen corpus, %s part', (part) => {
  const councils = corpus[part]!;
  const posts = councils.flatMap((c) => c.posts);

  it('labels every post exactly once, with real post-level rules, and only posts that exist', () => {
    for (const council of councils) {
      const ids = council.posts.map((p) => p.id);
      expect(Object.keys(council.labels.posts).sort()).toEqual([...ids].sort());
      for (const rules of Object.values(council.labels.posts)) {
        for (const rule of rules) expect(POST_RULES).toContain(rule);
        expect(new Set(rules).size).toBe(rules.length);
      }
    }
    expect(new Set(posts.map((p) => p.id)).size).toBe(posts.length);
  });

  it('uses only phone numbers from the drama ranges (07700 900xxx, 01632 960xxx, 020 7946 0xxx)', () => {
    const text = [...strings(posts), ...strings(councils.map((c) => c.config))].join('\n');
    const numbers = text.match(/(?:\+44 ?\(?0?\)? ?|\b0)\d[\d ().-]{8,12}\d/g) ?? [];
    // At least each council's published number, in its configuration and in a post.
    expect(numbers.length).toBeGreaterThan(councils.length);
    for (const number of numbers) {
      const national = number.replace(/^\+44 ?\(?0?\)?/, '0').replace(/\D/g, '');
      expect(national, number).toMatch(/^(?:07700900\d{3}|01632960\d{3}|02079460\d{3})$/);
    }
  });

  it('uses only .example email addresses, and only the test card number', () => {
    const text = [...strings(posts), ...strings(councils.map((c) => c.config)), ...rawFiles(part, 'posts.jsonl')].join('\n');
    // A fediverse handle (@name@instance) is not an email address: the local part must not follow an @.
    const emails = text.match(/(?<![@\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? [];
    expect(emails.length).toBeGreaterThan(5);
    for (const email of emails) expect(email, email).toMatch(/\.example$/);
    // A post's id in a URL (x.com/…/status/264439661632928) is not a card number, even when it passes Luhn.
    for (const run of text.match(/(?<![/\w])\d(?:[ -]?\d){12,18}\b/g) ?? []) {
      const digits = run.replace(/\D/g, '');
      if (luhn(digits) && digits.length >= 15) expect(digits, run).toBe('4111111111111111');
    }
  });

  it('has no post in common with the other parts', () => {
    const other = PARTS.filter((p) => p !== part).flatMap((p) => corpus[p]!.flatMap((c) => c.posts));
    const otherTexts = new Set(other.map((p) => p.text));
    // A notice that a comment was removed is boilerplate: two writers of different parts (wide7's Aldermoor,
    // wide12's Felsham Green) wrote the same one word for word.
    const shared = (p: { text: string }) => /^We have removed a comment from this (?:thread|page|post)\b/.test(p.text);
    expect(posts.filter((p) => otherTexts.has(p.text) && !shared(p)).map((p) => p.id)).toEqual([]);
  });
});

describe.each(BALANCED)('the unseen corpus, %s part, is balanced', (part) => {
  const councils = corpus[part]!;
  const posts = councils.flatMap((c) => c.posts);

  it('has at least three councils of different kinds, each with its own configuration, and 300 posts or more', () => {
    expect(councils.length).toBeGreaterThanOrEqual(3);
    expect(new Set(councils.map((c) => c.config.council.name)).size).toBe(councils.length);
    expect(councils.every((c) => c.config.elections.length > 0 && c.config.councillors.length > 0 && c.config.publishedContacts.length > 0)).toBe(true);
    expect(posts.length).toBeGreaterThanOrEqual(300);
  });

  it('is about half clean, and has breaches of every post-level rule and unapproved accounts', () => {
    const labels = councils.flatMap((c) => Object.values(c.labels.posts));
    const clean = labels.filter((rules) => rules.length === 0).length / labels.length;
    expect(clean).toBeGreaterThan(0.4);
    expect(clean).toBeLessThan(0.6);
    for (const rule of POST_RULES) expect(labels.filter((rules) => rules.includes(rule)).length, rule).toBeGreaterThanOrEqual(15);
    const posting = new Set(posts.map((p) => p.account.toLowerCase()));
    const unapproved = councils.flatMap((c) => c.labels.unapprovedAccounts);
    expect(unapproved.length).toBeGreaterThanOrEqual(4);
    for (const council of councils) {
      const registered = new Set(council.config.approvedAccounts.map((a) => a.handle.toLowerCase()));
      for (const handle of council.labels.unapprovedAccounts) expect(posting.has(handle.toLowerCase()) || registered.has(handle.toLowerCase()), handle).toBe(true);
    }
  });
});

describe('the unseen corpus, negatives part', () => {
  const councils = corpus.negatives!;

  it('has at least two councils, 200 posts or more, and every post and account clean', () => {
    expect(councils.length).toBeGreaterThanOrEqual(2);
    expect(councils.flatMap((c) => c.posts).length).toBeGreaterThanOrEqual(200);
    for (const council of councils) {
      expect(Object.values(council.labels.posts).flat()).toEqual([]);
      expect(council.labels.unapprovedAccounts).toEqual([]);
    }
  });
});
