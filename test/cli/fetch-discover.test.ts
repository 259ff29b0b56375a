import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostSchema } from '../../shared/domain/post';
import { ensureTable, startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { dynamoDbStore } from '../../shared/store/dynamodb-store';
import { COUNCIL_INPUT, testConfig } from '../support/fixtures';
import { HARBOURNE, MASTODON } from '../support/scan-fixtures';
import { runCli, tempFiles } from '../support/cli';
import { recordedAnswers } from '../support/recorded-answers';
import { startReplayServer, type ReplayResponse, type ReplayServer } from '../support/replay-server';

const mastodon = recordedAnswers('mastodon');
const bluesky = recordedAnswers('bluesky');
/** A recorded answer by `<platform>/<name>.json`. */
const recorded = (path: string): ReplayResponse => {
  const [platform, file] = path.split('/') as [string, string];
  return (platform === 'mastodon' ? mastodon : bluesky).fixture(file.replace(/\.json$/, ''));
};

const ACCOUNT_ID = '109311224466880112';
const STATUSES = `/api/v1/accounts/${ACCOUNT_ID}/statuses`;

describe('council-audit fetch and discover, against recorded payloads on 127.0.0.1', () => {
  let server: ReplayServer;

  beforeAll(async () => {
    server = await startReplayServer();
    server.route('/api/v1/accounts/lookup', recorded('mastodon/lookup.json'));
    const pages = [1, 2, 3].map((n) => recorded(`mastodon/statuses-page-${n}.json`));
    server.handle(STATUSES, (request) => {
      const maxId = request.query.get('max_id');
      if (!maxId) return pages[0]!;
      return maxId === '116034675382684900' ? pages[1]! : pages[2]!;
    });
    server.route('/api/v2/search', recorded('mastodon/search-accounts.json'));
    server.route('/xrpc/app.bsky.actor.searchActors', recorded('bluesky/search-actors.json'), recorded('bluesky/search-actors-page-2.json'));
  });
  afterAll(() => server.close());

  it("prints an account's posts as canonical JSON lines, newest first, with progress on stderr", async () => {
    const result = await runCli(['fetch', '--platform', 'mastodon', '--account', '@harbournetc@mastodon.social', '--base-url', server.baseUrl, '--since', '2026-01-01']);
    expect(result.code).toBe(0);
    const posts = result.stdout.trim().split('\n').map((line) => PostSchema.parse(JSON.parse(line)));
    expect(posts.length).toBeGreaterThanOrEqual(7);
    const times = posts.map((p) => Date.parse(p.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(posts.map((p) => p.account))).toEqual(new Set(['@harbournetc@mastodon.social']));
    expect(result.stderr).toContain(`${posts.length} posts from mastodon @harbournetc@mastodon.social`);
  });

  it('pipes into check: fetch | check audits the account', async () => {
    const fetched = await runCli(['fetch', '--platform', 'mastodon', '--account', '@harbournetc@mastodon.social', '--base-url', server.baseUrl, '--since', '2026-01-01', '--limit', '5']);
    expect(fetched.stdout.trim().split('\n')).toHaveLength(5);
    const files = tempFiles({ 'config.json': JSON.stringify(COUNCIL_INPUT) });
    const checked = await runCli(['check', '--config', files['config.json'], '--format', 'json', '-'], fetched.stdout);
    expect([0, 1]).toContain(checked.code);
    expect(JSON.parse(checked.stdout).summary.postsChecked).toBe(5);
  });

  it('refuses a feed URL that points at the metadata service, before any request', async () => {
    const before = server.requests.length;
    const result = await runCli(['fetch', '--platform', 'rss', '--account', 'http://169.254.169.254/latest/meta-data/']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('refused');
    expect(server.requests.length).toBe(before);
  });

  it('exits 1 with the reason when the platform refuses the credentials', async () => {
    const denied = await startReplayServer();
    try {
      denied.route('/api/v1/accounts/lookup', recorded('mastodon/unauthorized.json'));
      const result = await runCli(['fetch', '--platform', 'mastodon', '--account', '@harbournetc@mastodon.social', '--base-url', denied.baseUrl]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('needs reconnecting');
    } finally {
      await denied.close();
    }
  });

  it('names a bad --since or --limit', async () => {
    const since = await runCli(['fetch', '--platform', 'mastodon', '--account', '@a@b.example', '--since', 'last week']);
    expect(since.code).toBe(2);
    expect(since.stderr).toContain('--since = "last week"');
    const impossible = await runCli(['fetch', '--platform', 'mastodon', '--account', '@a@b.example', '--since', '2026-02-30']);
    expect(impossible.code).toBe(2);
    expect(impossible.stderr).toContain('--since = "2026-02-30": 2026-02-30 is not a day of the calendar');
    const limit = await runCli(['fetch', '--platform', 'mastodon', '--account', '@a@b.example', '--limit', '0']);
    expect(limit.stderr).toContain('--limit = "0"');
  });

  it('discovers accounts presenting as the council without approval, on Mastodon and Bluesky', async () => {
    const files = tempFiles({ 'config.json': JSON.stringify(COUNCIL_INPUT) });
    const result = await runCli(['discover', '--config', files['config.json'], '--base-url', server.baseUrl, '--format', 'jsonl']);
    expect(result.code).toBe(1);
    const found = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { platform: string; handle: string; verdict: string; finding?: { rule: string } });
    const verdictOf = (handle: string) => found.find((f) => f.handle === handle)?.verdict;
    expect(verdictOf('@harbournetc@mastodon.social')).toBe('approved');
    expect(verdictOf('@harbournetc.bsky.social')).toBe('approved');
    expect(verdictOf('@harbourne-council.bsky.social')).toBe('unapproved');
    expect(found.filter((f) => f.verdict === 'unapproved').every((f) => f.finding?.rule === 'unapproved-account')).toBe(true);
    expect(found.some((f) => f.verdict === 'unapproved' && f.platform === 'mastodon')).toBe(true);
  });

  it('prints discoveries as a table for a person', async () => {
    const files = tempFiles({ 'config.json': JSON.stringify(COUNCIL_INPUT) });
    const result = await runCli(['discover', '--config', files['config.json'], '--base-url', server.baseUrl]);
    expect(result.stdout).toMatch(/^NOT APPROVED\s+(mastodon|bluesky)/m);
    expect(result.stdout).toMatch(/\d+ accounts found; \d+ present as the council without approval/);
  });
});

describe('council-audit discover, when searches fail', () => {
  let server: ReplayServer;
  beforeAll(async () => {
    server = await startReplayServer();
  });
  afterAll(() => server.close());

  it('exits 1 naming each failed search when every search failed, instead of reporting no accounts', async () => {
    // Prepare: a server with no routes answers every search 404.
    const files = tempFiles({ 'config.json': JSON.stringify(COUNCIL_INPUT) });

    const result = await runCli(['discover', '--config', files['config.json'], '--base-url', server.baseUrl]);

    expect(result.code).toBe(1);
    for (const platform of ['mastodon', 'bluesky']) {
      for (const query of ['Harbourne Town Council', 'Harbourne TC', 'HTC']) {
        expect(result.stderr).toMatch(new RegExp(`^${platform} search on \\S+ for "${query}" failed: .*404`, 'm'));
      }
    }
    expect(result.stderr.match(/ failed: /g)).toHaveLength(6);
    expect(result.stderr).toContain('every search failed (6), so nothing was checked');
    expect(result.stdout).not.toMatch(/0 accounts found/);
  });

  it('lists the searches that failed and judges what the others found when only some failed', async () => {
    server.route('/api/v2/search', { status: 200, body: { accounts: [], statuses: [], hashtags: [] } });
    const files = tempFiles({ 'config.json': JSON.stringify(COUNCIL_INPUT) });

    const result = await runCli(['discover', '--config', files['config.json'], '--base-url', server.baseUrl]);

    expect(result.code).toBe(0);
    expect(result.stderr.match(/^bluesky search on .* failed: /gm)).toHaveLength(3);
    expect(result.stderr).not.toMatch(/mastodon search/);
    expect(result.stdout).toContain('0 accounts found (3 of 6 searches failed)');
  });
});

describe('council-audit discover, for a council in the store', () => {
  let server: ReplayServer;
  let dynamo: LocalDynamoDb;
  let env: NodeJS.ProcessEnv;
  const IMPOSTOR = '@harbourne_town_council@mastodon.social';

  beforeAll(async () => {
    // Prepare: Mastodon's search finds the council's account and two others presenting as it; in the
    // store, Harbourne has approved one of those, which its configuration file does not list.
    server = await startReplayServer();
    server.route('/api/v2/search', recorded('mastodon/search-accounts.json'));
    server.route('/xrpc/app.bsky.actor.searchActors', { status: 200, body: { actors: [] } });
    dynamo = await startDynalite();
    await ensureTable(dynamo.client, 'discover-cli');
    env = { TABLE_NAME: 'discover-cli', DYNAMODB_ENDPOINT: dynamo.endpoint, AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
    const store = dynamoDbStore({ region: 'eu-west-2', endpoint: dynamo.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, tableName: 'discover-cli' });
    await store.putCouncil(HARBOURNE);
    const harbourne = store.forCouncil(HARBOURNE.id);
    await harbourne.putCouncilConfig(testConfig());
    await harbourne.putAccount(MASTODON);
    await harbourne.putAccount({ platform: 'mastodon', handle: IMPOSTOR, status: 'active', approvedBy: 'Town Clerk', approvedOn: '2026-11-02', registeredAt: '2026-11-02T09:00:00Z' });
  });
  afterAll(async () => {
    await server.close();
    await dynamo.stop();
  });

  const verdicts = (stdout: string) =>
    Object.fromEntries(stdout.trim().split('\n').map((line) => JSON.parse(line) as { handle: string; verdict: string }).map((d) => [d.handle, d.verdict]));

  it("judges the accounts found by the council's stored configuration and its account registry", async () => {
    const result = await runCli(['discover', '--council', 'harbourne-tc', '--base-url', server.baseUrl, '--format', 'jsonl'], '', env);

    expect(verdicts(result.stdout)).toMatchObject({ '@harbournetc@mastodon.social': 'approved', [IMPOSTOR]: 'approved', '@harbournetc@fedi.example': 'unapproved' });
    expect(result.code).toBe(1);
  });

  it('takes the only council in the store when --council is left out', async () => {
    const result = await runCli(['discover', '--base-url', server.baseUrl, '--format', 'jsonl'], '', env);

    expect(verdicts(result.stdout)[IMPOSTOR]).toBe('approved');
  });

  it('refuses --config and --council together', async () => {
    const files = tempFiles({ 'config.json': JSON.stringify(COUNCIL_INPUT) });
    const result = await runCli(['discover', '--config', files['config.json'], '--council', 'harbourne-tc', '--base-url', server.baseUrl], '', env);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--council: give --config or --council, not both');
  });
});
