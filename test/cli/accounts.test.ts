import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable, startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { dynamoDbStore } from '../../shared/store/dynamodb-store';
import { runCli } from '../support/cli';
import { HARBOURNE } from '../support/scan-fixtures';
import { makeFinding } from '../store/store-fixtures';

const LOCAL = { region: 'eu-west-2', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };

describe('council-audit accounts, against the store the environment names', () => {
  let dynamo: LocalDynamoDb;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dynamo = await startDynalite();
    await ensureTable(dynamo.client, 'accounts-cli');
    env = { TABLE_NAME: 'accounts-cli', DYNAMODB_ENDPOINT: dynamo.endpoint, AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
    await dynamoDbStore({ ...LOCAL, endpoint: dynamo.endpoint, tableName: 'accounts-cli' }).putCouncil(HARBOURNE);
  });
  afterAll(() => dynamo.stop());

  it('registers an account, lists it as not approved, then records who approved it and when', async () => {
    const added = await runCli(['accounts', 'add', '--platform', 'mastodon', '--handle', '@harbournetc@mastodon.social', '--name', 'Harbourne Town Council'], '', env);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('registered mastodon @harbournetc@mastodon.social in council harbourne-tc in table accounts-cli');
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

  it.each([
    [['--platform', 'mastodon', '--handle', '@harbournetc'], 'handle = "@harbournetc": a Mastodon handle needs its instance, e.g. @harbournetc@mastodon.social'],
    [['--platform', 'x', '--handle', 'https://x.com/HarbourneTC'], 'handle = "https://x.com/HarbourneTC": expected the page or user name, not a URL: give just the name'],
    [['--platform', 'bluesky', '--handle', '@harbournetc.bsky.social', '--approved-by', 'Town Clerk', '--approved-on', '2999-01-01'], 'approvedOn = "2999-01-01": cannot be in the future'],
  ])('refuses %j naming the field and the value, and stores nothing', async (flags, message) => {
    // Prepare
    const before = (await runCli(['accounts', 'list', '--format', 'json'], '', env)).stdout;

    // Act
    const result = await runCli(['accounts', 'add', ...flags], '', env);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect((await runCli(['accounts', 'list', '--format', 'json'], '', env)).stdout).toBe(before);
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

  it('pauses an account and resumes it, keeping its approval', async () => {
    // Prepare
    await runCli(['accounts', 'add', '--platform', 'youtube', '--handle', 'UCharbournetcExample0001', '--approved-by', 'Town Clerk', '--approved-on', '2025-04-01'], '', env);

    // Act
    const paused = await runCli(['accounts', 'pause', '--platform', 'youtube', '--handle', 'UCharbournetcExample0001'], '', env);
    const whilePaused = await runCli(['accounts', 'list'], '', env);
    const resumed = await runCli(['accounts', 'resume', '--council', 'harbourne-tc', '--platform', 'youtube', '--handle', 'UCharbournetcExample0001'], '', env);
    const afterwards = JSON.parse((await runCli(['accounts', 'list', '--format', 'json'], '', env)).stdout) as { handle: string; status: string; approvedBy?: string }[];

    // Assess
    expect(paused.code).toBe(0);
    expect(paused.stdout).toContain('paused youtube UCharbournetcExample0001 in council harbourne-tc in table accounts-cli');
    expect(whilePaused.stdout).toMatch(/youtube\s+UCharbournetcExample0001\s+approved by Town Clerk on 2025-04-01\s+paused/);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('resumed youtube UCharbournetcExample0001');
    expect(afterwards.find((a) => a.handle === 'UCharbournetcExample0001')).toMatchObject({ status: 'active', approvedBy: 'Town Clerk' });
  });

  it('removes an account, saying that its posts and findings are kept', async () => {
    // Prepare
    await runCli(['accounts', 'add', '--platform', 'rss', '--handle', 'https://www.harbourne-tc.example/news.xml'], '', env);
    const store = dynamoDbStore({ ...LOCAL, endpoint: dynamo.endpoint, tableName: 'accounts-cli' }).forCouncil(HARBOURNE.id);
    await store.putFinding(makeFinding({ id: 'f-news', platform: 'rss', account: 'https://www.harbourne-tc.example/news.xml' }));

    // Act
    const removed = await runCli(['accounts', 'remove', '--platform', 'rss', '--handle', 'https://www.harbourne-tc.example/news.xml'], '', env);
    const listed = JSON.parse((await runCli(['accounts', 'list', '--format', 'json'], '', env)).stdout) as { handle: string }[];

    // Assess
    expect(removed.code).toBe(0);
    expect(removed.stdout).toMatch(/^removed rss https:\/\/www\.harbourne-tc\.example\/news\.xml from council harbourne-tc in table accounts-cli at \S+; its posts and findings are kept as evidence/);
    expect(listed.map((a) => a.handle)).not.toContain('https://www.harbourne-tc.example/news.xml');
    expect(await store.getFinding('f-news')).toBeDefined();
  });

  it.each(['pause', 'resume', 'remove'])('says which account is unknown when asked to %s one never registered', async (verb) => {
    // Act
    const result = await runCli(['accounts', verb, '--platform', 'bluesky', '--handle', '@nobody.bsky.social'], '', env);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^council-audit: no bluesky account @nobody\.bsky\.social is registered/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('council-audit accounts, with no store configured', () => {
  it('uses the embedded local store under the data folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'council-audit-cli-'));
    const { openStore } = await import('../../shared/local/open-store');
    const opened = await openStore({}, dataDir);
    await opened.store.forCouncil(HARBOURNE.id).putAccount({ platform: 'rss', handle: 'https://www.harbourne-tc.example/feed.xml', status: 'active', registeredAt: '2026-11-20T09:00:00Z' });
    await opened.close();

    const reopened = await openStore({}, dataDir);
    try {
      expect(reopened.where).toContain(join(dataDir, 'dynamodb'));
      expect((await reopened.store.forCouncil(HARBOURNE.id).listAccounts()).map((a) => a.handle)).toEqual(['https://www.harbourne-tc.example/feed.xml']);
    } finally {
      await reopened.close();
    }
  });
});

describe('council-audit accounts, in a store serving several councils', () => {
  let dynamo: LocalDynamoDb;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dynamo = await startDynalite();
    await ensureTable(dynamo.client, 'accounts-councils-cli');
    env = { TABLE_NAME: 'accounts-councils-cli', DYNAMODB_ENDPOINT: dynamo.endpoint, AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
  });
  afterAll(() => dynamo.stop());

  it('says no council is registered yet, and how to register one', async () => {
    const result = await runCli(['accounts', 'list'], '', env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^council-audit: no council is registered in table accounts-councils-cli at \S+: --council: register one first with council-audit councils add\n$/);
  });

  it('needs --council once there are two, naming them, and then works on the one named only', async () => {
    // Prepare
    const store = dynamoDbStore({ ...LOCAL, endpoint: dynamo.endpoint, tableName: 'accounts-councils-cli' });
    await store.putCouncil(HARBOURNE);
    await store.putCouncil({ id: 'stow-pc', name: 'Stow Parish Council', digestTo: ['clerk@stow-parish.example'], registeredAt: '2026-01-01T00:00:00Z' });

    // Act
    const unnamed = await runCli(['accounts', 'list'], '', env);
    const added = await runCli(['accounts', 'add', '--council', 'stow-pc', '--platform', 'mastodon', '--handle', '@harbournetc@mastodon.social'], '', env);
    const harbourne = await runCli(['accounts', 'list', '--council', 'harbourne-tc', '--format', 'json'], '', env);
    const stow = await runCli(['accounts', 'list', '--council', 'stow-pc', '--format', 'json'], '', env);

    // Assess
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toContain('holds 2 councils: --council: is required when there is more than one council: one of harbourne-tc, stow-pc');
    expect(added.stdout).toContain('in council stow-pc');
    expect(JSON.parse(harbourne.stdout)).toEqual([]);
    expect((JSON.parse(stow.stdout) as { handle: string }[]).map((a) => a.handle)).toEqual(['@harbournetc@mastodon.social']);
  });

  it('names the flag and the value of a council id that is not one, or not registered', async () => {
    const malformed = await runCli(['accounts', 'list', '--council', 'Stow PC'], '', env);
    const unknown = await runCli(['accounts', 'list', '--council', 'little-ashby-pc'], '', env);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('--council = "Stow PC": expected a council id such as harbourne-tc');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^council-audit: no council little-ashby-pc is registered in table accounts-councils-cli at \S+: --council = "little-ashby-pc": is not a registered council/);
  });
});
