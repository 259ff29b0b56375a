import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable, startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { runCli } from '../support/cli';

describe('council-audit accounts, against the store the environment names', () => {
  let dynamo: LocalDynamoDb;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dynamo = await startDynalite();
    await ensureTable(dynamo.client, 'accounts-cli');
    env = { TABLE_NAME: 'accounts-cli', DYNAMODB_ENDPOINT: dynamo.endpoint, AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
  });
  afterAll(() => dynamo.stop());

  it('registers an account, lists it as not approved, then records who approved it and when', async () => {
    const added = await runCli(['accounts', 'add', '--platform', 'mastodon', '--handle', '@harbournetc@mastodon.social', '--name', 'Harbourne Town Council'], '', env);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('registered mastodon @harbournetc@mastodon.social in table accounts-cli');
    expect(added.stdout).toContain('(not yet approved)');

    const before = await runCli(['accounts', 'list'], '', env);
    expect(before.stdout).toMatch(/mastodon\s+@harbournetc@mastodon\.social\s+Harbourne Town Council\s+NOT APPROVED\s+active/);

    const approved = await runCli(['accounts', 'approve', '--platform', 'mastodon', '--handle', '@harbournetc@mastodon.social', '--by', 'Town Clerk', '--on', '2026-11-20'], '', env);
    expect(approved.code).toBe(0);
    expect(approved.stdout).toContain('approved mastodon @harbournetc@mastodon.social: by Town Clerk on 2026-11-20');

    const after = await runCli(['accounts', 'list', '--format', 'json'], '', env);
    const [account] = JSON.parse(after.stdout) as { approvedBy: string; approvedOn: string; displayName: string }[];
    expect(account).toMatchObject({ approvedBy: 'Town Clerk', approvedOn: '2026-11-20', displayName: 'Harbourne Town Council' });
  });

  it('registers an account already approved, in one step', async () => {
    const result = await runCli(['accounts', 'add', '--platform', 'bluesky', '--handle', '@harbournetc.bsky.social', '--approved-by', 'Town Clerk', '--approved-on', '2025-04-01'], '', env);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('not yet approved');
  });

  it('records a base URL for an account whose API is not at the platform default, and refuses one that is not a URL', async () => {
    const added = await runCli(['accounts', 'add', '--platform', 'mastodon', '--handle', '@harbournetc@social.harbourne.example', '--base-url', 'https://social.harbourne.example'], '', env);
    expect(added.code).toBe(0);
    const listed = JSON.parse((await runCli(['accounts', 'list', '--format', 'json'], '', env)).stdout) as { handle: string; baseUrl?: string }[];
    expect(listed.find((a) => a.handle === '@harbournetc@social.harbourne.example')?.baseUrl).toBe('https://social.harbourne.example');
    const bad = await runCli(['accounts', 'add', '--platform', 'rss', '--handle', 'news', '--base-url', 'not a url'], '', env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('baseUrl = "not a url"');
  });

  it('refuses an unknown platform as a usage error', async () => {
    const result = await runCli(['accounts', 'add', '--platform', 'myspace', '--handle', '@x'], '', env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("argument 'myspace' is invalid");
  });

  it('names the field and the value of a bad approval date', async () => {
    const result = await runCli(['accounts', 'approve', '--platform', 'mastodon', '--handle', '@harbournetc@mastodon.social', '--by', 'Town Clerk', '--on', '20/11/2026'], '', env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('approvedOn = "20/11/2026": expected a date as YYYY-MM-DD');
  });

  it('says so when approving an account that was never registered', async () => {
    const result = await runCli(['accounts', 'approve', '--platform', 'facebook', '--handle', '@NotRegistered', '--by', 'Town Clerk'], '', env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no facebook account @NotRegistered/);
  });
});

describe('council-audit accounts, with no store configured', () => {
  it('uses the embedded local store under the data folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'council-audit-cli-'));
    const { openStore } = await import('../../shared/local/open-store');
    const opened = await openStore({}, dataDir);
    await opened.store.putAccount({ platform: 'rss', handle: 'https://www.harbourne-tc.example/feed.xml', status: 'active', registeredAt: '2026-11-20T09:00:00Z' });
    await opened.close();

    const reopened = await openStore({}, dataDir);
    try {
      expect(reopened.where).toContain(join(dataDir, 'dynamodb'));
      expect((await reopened.store.listAccounts()).map((a) => a.handle)).toEqual(['https://www.harbourne-tc.example/feed.xml']);
    } finally {
      await reopened.close();
    }
  });
});
