import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCouncilConfig } from '../../shared/domain/config';
import { parsePost } from '../../shared/domain/post';
import { handleKey } from '../../shared/domain/account';
import { oneConnectorForAll } from '../../shared/connectors/registry';
import { ensureTable, startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { EXAMPLE_COUNCILS, runLocalCycle, type CouncilCycleSummary, type LocalCouncil } from '../../shared/local/local-cycle';
import { openStore } from '../../shared/local/open-store';
import { scanAccount } from '../../shared/scanning/scan-account';
import { DynamoDbAuditStore, type DynamoDbCouncilStore } from '../../shared/store/dynamodb-store';
import { FixedConnector, MASTODON, byKey, postsOf } from '../support/scan-fixtures';
import { testConfig } from '../support/fixtures';

const root = new URL('../../', import.meta.url).pathname;
const councils = EXAMPLE_COUNCILS.map((c) => ({ ...c, configPath: join(root, c.configPath), postsPath: join(root, c.postsPath) }));
const [town, parish] = councils as [LocalCouncil, LocalCouncil];

describe('the local twin: a full cycle of two councils on dynalite and aws-ses-v2-local, run twice', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'council-audit-data-'));
  const outDir = mkdtempSync(join(tmpdir(), 'council-audit-out-'));
  const options = { councils, dataDir, outDir };
  let first: CouncilCycleSummary[];
  let second: CouncilCycleSummary[];

  beforeAll(async () => {
    first = await runLocalCycle(options);
    second = await runLocalCycle(options);
  }, 120_000);

  // What the cycle should have seen, worked out from the example files themselves.
  const expected = councils.map((council) => {
    const config = parseCouncilConfig(JSON.parse(readFileSync(council.configPath, 'utf8')));
    const registered = new Set(config.approvedAccounts.map((a) => handleKey(a.platform, a.handle)));
    const posts = readFileSync(council.postsPath, 'utf8').split('\n').filter(Boolean).map((l) => parsePost(JSON.parse(l)));
    return { id: council.id, config, postsOfRegisteredAccounts: posts.filter((p) => registered.has(handleKey(p.platform, p.account))) };
  });

  it('scans every registered account of each council and every post of theirs', () => {
    expect(first.map((s) => s.council)).toEqual([town.id, parish.id]);
    for (const [i, want] of expected.entries()) {
      expect(first[i]!.accountsScanned).toBe(want.config.approvedAccounts.length);
      expect(first[i]!.captureFailures).toEqual([]);
      expect(first[i]!.postsSeen).toBe(want.postsOfRegisteredAccounts.length);
      expect(first[i]!.postsNew).toBe(want.postsOfRegisteredAccounts.length);
      expect(first[i]!.findingsNew).toBeGreaterThan(0);
    }
  });

  it("sends each council's digest through SES to its own recipient, under out/<council id>/, carrying every stored finding of that council", async () => {
    const opened = await openStore({}, dataDir);
    try {
      for (const [i, summary] of first.entries()) {
        expect(summary.digest.status).toBe('sent');
        expect(summary.digest.html).toBe(join(outDir, summary.council, `digest-${summary.week}.html`));
        expect(summary.digest.to).toEqual([expected[i]!.config.publishedContacts.find((c) => c.includes('@'))]);
        const text = readFileSync(summary.digest.text, 'utf8').replace(/\s+/g, ' ');
        expect(readFileSync(summary.digest.html, 'utf8')).toContain('<html');
        expect(text).toContain(expected[i]!.config.council.name);
        const findings = await opened.store.forCouncil(summary.council).listFindingsDetectedIn(summary.week);
        expect(findings).toHaveLength(summary.findingsNew);
        for (const finding of findings) expect(text).toContain(finding.reason.replace(/\s+/g, ' '));
        expect(text).toContain(`${findings.length} new finding`);
      }
    } finally {
      await opened.close();
    }
  });

  it("keeps the councils apart: neither digest names the other council or carries the other's posts", () => {
    const [townText, parishText] = first.map((s) => readFileSync(s.digest.text, 'utf8'));
    expect(townText).not.toContain('Stowbury');
    expect(parishText).not.toContain('Harbourne');
    for (const post of expected[0]!.postsOfRegisteredAccounts) expect(parishText).not.toContain(post.url);
  });

  it('applies each council its own configuration: the parish switched the risky-link rule off', () => {
    expect(expected[1]!.config.rules['risky-link']?.enabled).toBe(false);
    expect(first[1]!.byRule['risky-link']).toBeUndefined();
    expect(first[0]!.byRule['risky-link']).toBeGreaterThan(0);
  });

  it("stores each council's report for this month as PDF and HTML, and its digest links to it", () => {
    for (const [i, summary] of first.entries()) {
      const pdf = readFileSync(summary.report.pdf);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(readFileSync(summary.report.html, 'utf8')).toContain(expected[i]!.config.council.name);
      expect(summary.report.pdf).toContain(join('reports', summary.council));
      expect(readFileSync(summary.digest.text, 'utf8')).toContain(summary.report.pdf.split('/').at(-1));
    }
  });

  it("keeps each council's report for the month (made mid-month, to date) within 3 A4 pages", async () => {
    for (const summary of first) {
      const pdf = new Uint8Array(readFileSync(summary.report.pdf));
      const document = await getDocument({ data: pdf, isEvalSupported: false, useSystemFonts: false }).promise;
      try {
        expect(document.numPages, summary.council).toBeLessThanOrEqual(3);
      } finally {
        await document.destroy();
      }
      const html = readFileSync(summary.report.html, 'utf8');
      // A report made before the month ends says so, and charts no week after today.
      const today = new Date();
      if (new Date(today.getTime() + 86_400_000).getUTCMonth() === today.getUTCMonth()) expect(html).toContain('(to date)');
    }
  });

  it("emails the town council's report to the recipients its configuration lists, the PDF attached as stored and within 3 A4 pages, once a month", async () => {
    const [townRun, parishRun] = first as [CouncilCycleSummary, CouncilCycleSummary];
    expect(expected[0]!.config.reportRecipients.length).toBeGreaterThan(1);
    expect(townRun.reportEmail).toMatchObject({ status: 'sent', to: expected[0]!.config.reportRecipients });
    // The attachment as SES received it is the report: a PDF whose first page names the council and the month.
    const attachment = new Uint8Array(readFileSync(townRun.reportEmail.attachment!));
    const document = await getDocument({ data: attachment, isEvalSupported: false, useSystemFonts: false }).promise;
    try {
      expect(document.numPages).toBeGreaterThanOrEqual(1);
      expect(document.numPages).toBeLessThanOrEqual(3);
      const firstPage = (await (await document.getPage(1)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
      expect(firstPage).toContain('Harbourne Town Council');
      expect(firstPage).toContain(new Date().toLocaleString('en-GB', { month: 'long', timeZone: 'Europe/London' }));
    } finally {
      await document.destroy();
    }
    const text = readFileSync(townRun.reportEmail.text!, 'utf8');
    expect(text).toContain('Harbourne Town Council');
    expect(text).toContain('attached as a PDF');
    // The parish lists nobody: its report is stored, not emailed. The second run sends nothing again.
    expect(parishRun.reportEmail).toEqual({ status: 'no-recipients', to: [] });
    expect(second.map((s) => s.reportEmail.status)).toEqual(['already-sent', 'no-recipients']);
  });

  it("dates the example posts relative to today: each council's newest post is today's (or yesterday's), the others keep their spacing", async () => {
    const opened = await openStore({}, dataDir);
    try {
      for (const [i, summary] of first.entries()) {
        const fileDates = expected[i]!.postsOfRegisteredAccounts.map((p) => Date.parse(p.createdAt));
        const findings = await opened.store.forCouncil(summary.council).listFindingsDetectedIn(summary.week);
        const shifts = findings.flatMap((f) => {
          const original = expected[i]!.postsOfRegisteredAccounts.find((p) => p.id === f.postId);
          return original && f.postedAt !== undefined ? [Date.parse(f.postedAt) - Date.parse(original.createdAt)] : [];
        });
        expect(shifts.length).toBeGreaterThan(0);
        const shift = shifts[0]!;
        // A whole number of days, the same for every post of the council.
        expect(Math.abs(shift % 86_400_000)).toBe(0);
        expect(new Set(shifts)).toEqual(new Set([shift]));
        const newest = Math.max(...fileDates) + shift;
        expect(newest).toBeLessThanOrEqual(Date.now());
        expect(Date.now() - newest).toBeLessThan(2 * 86_400_000);
      }
    } finally {
      await opened.close();
    }
  });

  it("keeps the parish's pre-election findings: its elections move with its posts", async () => {
    const parishSummary = first[1]!;
    expect(parishSummary.byRule['political-content'] ?? 0).toBeGreaterThan(0);
    const opened = await openStore({}, dataDir);
    try {
      const config = await opened.store.forCouncil(parishSummary.council).getCouncilConfig();
      const original = expected[1]!.config.elections[0]!;
      const moved = config!.elections[0]!;
      expect(moved.pollingDay).not.toBe(original.pollingDay);
      expect(Date.parse(moved.pollingDay) - Date.parse(moved.preElectionStart)).toBe(Date.parse(original.pollingDay) - Date.parse(original.preElectionStart));
    } finally {
      await opened.close();
    }
  });

  it('finds no new posts the second time, adds nothing, and does not send the digests again', () => {
    for (const [i, summary] of second.entries()) {
      expect(summary).toMatchObject({ accountsScanned: first[i]!.accountsScanned, postsSeen: 0, postsNew: 0, findingsNew: 0 });
      expect(summary.digest.status).toBe('already-sent');
      expect(summary.bySeverity).toEqual(first[i]!.bySeverity);
      expect(summary.byRule).toEqual(first[i]!.byRule);
    }
  });
});

describe('a local cycle refuses what it cannot run, before anything is stored', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'council-audit-data-'));
  const outDir = mkdtempSync(join(tmpdir(), 'council-audit-out-'));

  it.each([
    ['a council id that is not one', [{ ...town, id: 'Harbourne TC' }], /invalid council id: council = "Harbourne TC"/],
    ['the same council twice', [town, town], /council harbourne-tc is named twice/],
    ['a posts file that is not there', [{ ...parish, postsPath: join(outDir, 'missing.jsonl') }], /cannot read the posts of council little-stowbury-pc: .*missing\.jsonl \(ENOENT\)/],
    ['a configuration file that is not there', [{ ...parish, configPath: join(outDir, 'missing.json') }], /cannot read council configuration .*missing\.json: no such file/],
  ])('%s', async (_, bad, message) => {
    await expect(runLocalCycle({ councils: bad, dataDir, outDir })).rejects.toThrow(message);
    // Nothing was started, so nothing was stored: the data folder is still empty.
    expect(readdirSync(dataDir)).toEqual([]);
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
