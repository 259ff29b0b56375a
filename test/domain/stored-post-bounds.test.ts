import { describe, expect, it } from 'vitest';
import { boundPostForStorage, STORED_POST_BOUNDS, truncateUtf8 } from '../../shared/domain/stored-post-bounds';
import { makePost } from '../support/fixtures';

describe('the bounds of a stored post', () => {
  it('cut text at a whole character, never inside an emoji or a multi-byte letter', () => {
    // Prepare: 4-byte emoji and 2-byte letters
    const flags = '🏴'.repeat(10);
    const welsh = 'ŵ'.repeat(10);

    // Act
    const cutFlags = truncateUtf8(flags, 10);
    const cutWelsh = truncateUtf8(welsh, 5);

    // Assess
    expect(cutFlags).toBe('🏴🏴');
    expect(cutWelsh).toBe('ŵŵ');
    expect(truncateUtf8('Harbourne', 100)).toBe('Harbourne');
  });

  it('leave an ordinary post as it is, and say so', () => {
    const post = makePost({ text: 'The allotment open day is on Saturday.', links: ['https://www.harbourne-tc.example/allotments'] });

    expect(boundPostForStorage(post)).toEqual({ post, truncated: false });
  });

  it('keep the worst post, every field at its longest, well under the 400 KB of a DynamoDB item', () => {
    // Prepare: every free-text field long, in 3-byte characters, and long lists
    const long = '語'.repeat(500_000);
    const post = makePost({
      text: long,
      accountName: long,
      url: long,
      media: Array.from({ length: 500 }, () => ({ type: 'image' as const, url: long, altText: long })),
      links: Array.from({ length: 500 }, () => long),
      quoteOf: { account: '@harbournetc@mastodon.social', text: long },
    });

    // Act
    const { post: stored, truncated } = boundPostForStorage(post);

    // Assess
    expect(truncated).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(stored))).toBeLessThan(300 * 1024);
    expect(stored.media).toHaveLength(STORED_POST_BOUNDS.media);
    expect(stored.links).toHaveLength(STORED_POST_BOUNDS.links);
    expect(long.startsWith(stored.text)).toBe(true);
  });
});
