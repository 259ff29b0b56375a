import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCouncilConfig } from '../../shared/domain/config';
import { parsePost } from '../../shared/domain/post';
import { handleKey } from '../../shared/domain/account';
import { oneConnectorForAll } from '../../shared/connectors/registry';
import { ensureTable, startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { runLocalCycle, type LocalCycleSummary } from '../../shared/local/local-cycle';
import { openStore } from '../../shared/local/open-store';
import { scanAccount } from '../../shared/scanning/scan-account';
import { DynamoDbAuditStore, type DynamoDbCouncilStore } from '../../shared/store/dynamodb-store';
import { FixedConnector, MASTODON, byKey, postsOf } from '../support/scan-fixtures';
import { testConfig } from '../support/fixtures';

const examples = new URL('../../examples/', import.meta.url);
const configPath = new URL('council.config.json', examples).pathname;
const postsPath = new URL('posts.jsonl', examples).pathname;

describe('the local twin: a full cycle on dynalite and aws-ses-v2-local, run twice', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'council-audit-data-'));
  const outDir = mkdtempSync(join(tmpdir(), 'council-audit-out-'));
  const options = { configPath, postsPath, dataDir, outDir };
  let first: LocalCycleSummary;
  let second: LocalCycleSummary;

  beforeAll(async () => {
    first = await runLocalCycle(options);
    second = await runLocalCycle(options);
  });

  // What the cycle should have seen, worked out from the example files themselves.
  const config = parseCouncilConfig(JSON.parse(readFileSync(configPath, 'utf8')));
  const registered = new Set(config.approvedAccounts.map((a) => handleKey(a.platform, a.handle)));
  const examplePosts = readFileSync(postsPath, 'utf8').split('\n').filter(Boolean).map((l) => parsePost(JSON.parse(l)));
  const postsOfRegisteredAccounts = examplePosts.filter((p) => registered.has(handleKey(p.platform, p.account)));

  it('scans every registered account and every post of theirs', () => {
    expect(first.accountsScanned).toBe(config.approvedAccounts.length);
    expect(first.captureFailures).toEqual([]);
    expect(first.postsSeen).toBe(postsOfRegisteredAccounts.length);
    expect(first.postsNew).toBe(postsOfRegisteredAccounts.length);
    expect(first.findingsNew).toBeGreaterThan(0);
  });

  it('sends the digest through SES and writes what SES received, carrying every stored finding', async () => {
    expect(first.digest.status).toBe('sent');
    const text = readFileSync(first.digest.text, 'utf8').replace(/\s+/g, ' ');
    const html = readFileSync(first.digest.html, 'utf8');
    expect(html).toContain('<html');
    const opened = await openStore({}, dataDir);
    try {
      const findings = await opened.store.forCouncil(first.council).listFindingsDetectedIn(first.week);
      expect(findings).toHaveLength(first.findingsNew);
      for (const finding of findings) expect(text).toContain(finding.reason.replace(/\s+/g, ' '));
      expect(text).toContain(`${findings.length} new finding`);
    } finally {
      await opened.close();
    }
  });

  it("stores this month's Full Council report as PDF and HTML, and the digest links to it", () => {
    const pdf = readFileSync(first.report.pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(readFileSync(first.report.html, 'utf8')).toContain('Harbourne Town Council');
    expect(readFileSync(first.digest.text, 'utf8')).toContain(first.report.pdf.split('/').at(-1));
  });

  it('finds no new posts the second time, adds nothing, and does not send the digest again', async () => {
    expect(second).toMatchObject({ accountsScanned: first.accountsScanned, postsSeen: 0, postsNew: 0, findingsNew: 0 });
    expect(second.digest.status).toBe('already-sent');
    expect(second.bySeverity).toEqual(first.bySeverity);
    expect(second.byRule).toEqual(first.byRule);
  });
});

describe('an interrupted scan on dynalite', () => {
  let dynamo: LocalDynamoDb;
  let store: DynamoDbCouncilStore;

  beforeAll(async () => {
    dynamo = await startDynalite();
    await ensureTable(dynamo.client, 'interrupted-scan');
    store = new DynamoDbAuditStore({ client: DynamoDBDocumentClient.from(dynamo.client), tableName: 'interrupted-scan' }).forCouncil('harbourne-tc');
    await store.putCouncilConfig(testConfig());
    await store.putAccount(MASTODON);
  });
  afterAll(() => dynamo.stop());

  it('resumes after a failure part-way through storing, losing and duplicating nothing', async () => {
    const posts = postsOf(MASTODON, 'm');
    const deps = { store, connectors: oneConnectorForAll(new FixedConnector(byKey([[MASTODON, posts]]))), retentionDays: 30, clock: () => new Date('2026-11-19T10:00:00Z') };
    const realPutPost = store.putPost.bind(store);
    let calls = 0;
    store.putPost = async (...args) => {
      if (++calls === 3) throw new Error('connection reset while storing the third post');
      return realPutPost(...args);
    };

    await expect(scanAccount(deps, MASTODON)).rejects.toThrow('connection reset');
    expect(await store.getCursor('mastodon', MASTODON.handle)).toBeUndefined();
    const partial = await store.listFindingsDetectedIn('2026-W47');

    const resumed = await scanAccount(deps, MASTODON);
    const findings = await store.listFindingsDetectedIn('2026-W47');
    expect(resumed).toMatchObject({ outcome: 'ok', postsFetched: 3, postsNew: 1 });
    expect(findings.length).toBe(partial.length + resumed.findingsNew);
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
    expect(findings.map((f) => f.postId).sort()).toEqual(['m-2', 'm-3']);
    for (const post of posts) expect((await store.getPost('mastodon', MASTODON.handle, post.id))?.post).toEqual(post);
    expect(await store.getCursor('mastodon', MASTODON.handle)).toBe('2');
  });
});
