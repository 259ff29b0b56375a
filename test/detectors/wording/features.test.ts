import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  featureWords,
  forEachFeature,
  ownProse,
  shapeAllows,
  TokenHashes,
  tokenHash,
  wordingShape,
  wordingTokens,
  type FeatureKind,
} from '../../../shared/detectors/wording/features';
import { readCorpus } from '../../../shared/evaluation/corpus';
import { makePost } from '../../support/fixtures';

const shapeOf = (text: string, extra: Parameters<typeof makePost>[0] = {}) => {
  const post = makePost({ text, ...extra });
  return wordingShape(post, wordingTokens(ownProse(post)));
};

function features(text: string): { kind: FeatureKind; words: string; id: number }[] {
  const tokens = wordingTokens(text);
  const out: { kind: FeatureKind; words: string; id: number }[] = [];
  forEachFeature(tokens, shapeOf(text), (id, kind, at) => out.push({ kind, words: featureWords(tokens, kind, at), id }));
  return out;
}

describe('wordingTokens', () => {
  it('lower-cases and drops apostrophes, so "Can\'t" and "cant" are one word', () => {
    expect(wordingTokens("You Can't park THERE")).toEqual(['you', 'cant', 'park', 'there']);
  });

  it('folds look-alike letters from other alphabets and leetspeak into Latin letters', () => {
    // Cyrillic ѕ, һ, і in the middle of a Latin word
    expect(wordingTokens('ѕһіt move')).toEqual(['shit', 'move']);
    expect(wordingTokens('v0te gr33n')).toContain('vote');
  });

  it('replaces links, handles, hashtag marks and numbers with one stand-in word each', () => {
    expect(wordingTokens('@kim.h see https://x.example/a?b=1 #LTN on 14.30, 07700 900123')).toEqual([
      'xmention', 'see', 'xurl', 'xhashtag', 'ltn', 'on', 'xnum', 'xnum', 'xnum',
    ]);
    expect(wordingTokens('over 70s on the 3rd')).toEqual(['over', 'xnum', 'on', 'the', 'xnum']);
  });

  it('reads tone marks as words of their own in prose, not inside a link', () => {
    expect(wordingTokens('Really? “Consultation”… 🙄')).toEqual(['xquestion', 'really', 'xquote', 'xellipsis', 'consultation', 'xemoji1f644']);
    expect(wordingTokens('https://x.example/?q=1!')).toEqual(['xurl']);
  });
});

describe('TokenHashes', () => {
  const hashed = (text: string) => {
    const { hashes, length } = new TokenHashes().read(text);
    return [...hashes.subarray(0, length)];
  };

  it.each([
    "You Can't park THERE",
    'ѕһіt move, v0te gr33n, sh!te, $hit, @rse, |ame',
    '@kim.h see https://x.example/a?b=1 #LTN on 14.30, 07700 900123 or clerk@parish.example',
    'Really? “Consultation”… 🙄 (www.example.com) café Zoë ÆTHELRED',
    '',
    '   \n\t ',
  ])('hashes "%s" word for word as wordingTokens reads it', (text) => {
    expect(hashed(text)).toEqual(wordingTokens(text).map(tokenHash));
  });

  it('reads every post of the corpus as wordingTokens does, in one reused buffer that grows for a long post', () => {
    const root = join(__dirname, '../../fixtures/corpus-unseen');
    const words = new TokenHashes();
    let posts = 0;
    for (const part of readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory())) {
      for (const council of readCorpus(join(root, part.name))) {
        for (const post of council.posts) {
          const expected = wordingTokens(ownProse(post)).map(tokenHash);
          const { hashes, length } = words.read(ownProse(post));
          if (length !== expected.length || expected.some((h, i) => hashes[i] !== h)) expect.fail(`post ${post.id} reads differently`);
          posts++;
        }
      }
    }
    expect(posts).toBeGreaterThan(7000);
    const long = Array.from({ length: 1000 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}`).join(' ');
    expect(hashed(long)).toEqual(wordingTokens(long).map(tokenHash));
  });
});

describe('wordingShape', () => {
  it.each([
    ['ideally lads this year', 'sex'],
    ['not one for wheelchair users', 'disability'],
    ['anyone with a baby on the way', 'pregnancy'],
    ['the civil partnership crowd', 'civil partnership'],
    ['double parking outside the mosque', 'religion'],
    ['the Romanian households', 'nationality'],
    ['trans runners in the relay', 'gender reassignment'],
    ['if you are over 70 this is not for you', 'age'],
  ])('sees a protected group named in "%s" (%s)', (text) => {
    expect(shapeOf(text).group).toBe(true);
  });

  it('sees no group in a road closure', () => {
    expect(shapeOf('Mill Lane is closed on Tuesday for resurfacing.').group).toBe(false);
  });

  it('points at someone when the post says "you", names a councillor, or is a reply', () => {
    expect(shapeOf('Did you read the notice?').target).toBe(true);
    expect(shapeOf('Cllr Okafor has views on this.').target).toBe(true);
    expect(shapeOf('Noted.', { replyTo: { account: '@kim@mastodon.social' } }).target).toBe(true);
    expect(shapeOf('The bins go out on Thursday.').target).toBe(false);
  });

  it('notes an image, and a repost that the platform credits', () => {
    expect(shapeOf('Sunset', { media: [{ type: 'image', url: 'https://img.example/1.jpg' }] }).media).toBe(true);
    expect(shapeOf('Sunset', { repostOf: { account: '@club.example' } }).repost).toBe(true);
  });
});

describe('shapeAllows', () => {
  it('lets the model speak of hostility and offence whoever is named: a dig at "some members" points at no word of the lists', () => {
    const none = shapeOf('Some members had clearly read the papers. Others came for the biscuits.');
    expect(none.target).toBe(false);
    expect(shapeAllows('hostile-engagement', none)).toBe(true);
    expect(shapeAllows('confidential-information', none)).toBe(true);
    expect(shapeAllows('offensive-language', none)).toBe(true);
  });

  it('leaves a repost to its platform credit', () => {
    expect(shapeAllows('copyright-attribution', shapeOf('Sunset', { repostOf: { account: '@club.example' } }))).toBe(false);
  });
});

describe('forEachFeature', () => {
  it('gives each word, each pair of words and the shape, and marks words again in a post naming a group', () => {
    const found = features('ideally lads');
    expect(found.map((f) => `${f.kind}:${f.words}`)).toEqual(
      expect.arrayContaining(['bias:bias', 'group:group', 'word:ideally', 'word:lads', 'pair:ideally lads', 'group-word:ideally']),
    );
    expect(found.some((f) => f.kind === 'target-word')).toBe(false);
  });

  it('gives a word the same id in every post, and different kinds of the same word different ids', () => {
    const a = features('the usual moaning').find((f) => f.kind === 'word' && f.words === 'moaning')!;
    const b = features('more moaning today').find((f) => f.kind === 'word' && f.words === 'moaning')!;
    expect(a.id).toBe(b.id);
    const marked = features('you keep moaning').find((f) => f.kind === 'target-word' && f.words === 'moaning')!;
    expect(marked.id).not.toBe(a.id);
  });

  it('tells a pair from the same two words the other way round', () => {
    const ab = features('keep up').find((f) => f.kind === 'pair')!;
    const ba = features('up keep').find((f) => f.kind === 'pair')!;
    expect(ab.id).not.toBe(ba.id);
  });
});
