import { describe, expect, it } from 'vitest';
import { chainHashOf, GENESIS_HASH } from '../../shared/evidence/chain';
import { buildReportFacts } from '../../shared/report/build-report';
import { renderReportHtml } from '../../shared/report/render-html';
import { contentHash } from '../../shared/scanning/scan-account';
import { testConfig } from '../support/fixtures';
import { BLUESKY, MASTODON, postsOf, storeWith } from '../support/scan-fixtures';

const NOW = new Date('2026-12-01T09:00:00Z');
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

describe("the monthly report's record of captured posts", () => {
  it("prints each account's chain head, so a Full Council minute fixes the record in time", async () => {
    // Prepare: two posts captured from the Mastodon account; none yet from Bluesky.
    const store = await storeWith([MASTODON, BLUESKY]);
    const [first, second] = postsOf(MASTODON, 'm');
    for (const post of [first!, second!]) await store.putPost('mastodon', MASTODON.handle, { post, contentHash: contentHash(post), capturedAt: '2026-11-19T10:00:00Z', expiresAt: 1_900_000_000 });
    const head = chainHashOf(chainHashOf(GENESIS_HASH, contentHash(first!)), contentHash(second!));

    // Act
    const facts = await buildReportFacts(store, testConfig(), NOVEMBER, NOW);
    const html = renderReportHtml(facts);

    // Assess
    expect(facts.chainHeads).toEqual([{ platform: 'mastodon', handle: MASTODON.handle, seq: 2, chainHash: head }]);
    expect(html).toContain('Record of captured posts');
    expect(html).toMatch(new RegExp(`mastodon ${MASTODON.handle}</td><td class="n">2</td><td><code[^>]*>${head}</code>`));
  });
});
