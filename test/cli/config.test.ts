import { userInfo } from 'node:os';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureTable, startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { dynamoDbStore, type DynamoDbAuditStore } from '../../shared/store/dynamodb-store';
import { runCli, tempFiles } from '../support/cli';

const LOCAL = { region: 'eu-west-2', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };

/** A fictional town council's configuration, as its clerk would write the file. */
const TOWN = {
  council: { name: 'Harbourne Town Council', aliases: ['Harbourne TC'], domains: ['harbourne-tc.example'] },
  timezone: 'Europe/London',
  approvedAccounts: [
    { platform: 'mastodon', handle: '@harbournetc@mastodon.social', approvedBy: 'Town Clerk', approvedOn: '2025-04-01' },
    { platform: 'rss', handle: 'https://www.harbourne-tc.example/news/feed.xml', displayName: 'Harbourne news' },
  ],
  publishedContacts: ['01632 960001', 'clerk@harbourne-tc.example'],
  councillors: [
    { name: 'Alice Moreton', handles: ['@cllralicemoreton@mastodon.social'] },
    { name: 'Owen Pascoe', handles: [] },
  ],
  elections: [{ pollingDay: '2027-05-06', preElectionStart: '2027-03-29' }],
};

const PARISH = {
  council: { name: 'Stow Parish Council' },
  approvedAccounts: [{ platform: 'bluesky', handle: '@stowpc.bsky.social', approvedBy: 'Parish Clerk', approvedOn: '2026-02-01' }],
};

function file(content: unknown, raw = false): string {
  return tempFiles({ 'council.config.json': raw ? String(content) : JSON.stringify(content, null, 2) })['council.config.json'];
}

describe('council-audit config, against the store the environment names', () => {
  let dynamo: LocalDynamoDb;
  let env: NodeJS.ProcessEnv;
  let store: DynamoDbAuditStore;
  let table = 0;

  beforeAll(async () => {
    dynamo = await startDynalite();
  });
  afterAll(() => dynamo.stop());

  // Each test has a table of its own, with the town and the parish registered and nothing pushed.
  beforeEach(async () => {
    table += 1;
    const name = `config-cli-${table}`;
    await ensureTable(dynamo.client, name);
    env = { TABLE_NAME: name, DYNAMODB_ENDPOINT: dynamo.endpoint, AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
    store = dynamoDbStore({ ...LOCAL, endpoint: dynamo.endpoint, tableName: name });
    await runCli(['councils', 'add', '--council', 'harbourne-tc', '--name', 'Harbourne Town Council', '--digest-to', 'clerk@harbourne-tc.example'], '', env);
    await runCli(['councils', 'add', '--council', 'stow-pc', '--name', 'Stow Parish Council', '--digest-to', 'clerk@stow-parish.example'], '', env);
  });

  const push = (path: string, ...flags: string[]) => runCli(['config', 'push', '--council', 'harbourne-tc', ...flags, path], '', env);

  it('stores a first version, and the scans read it', async () => {
    // Act
    const result = await push(file(TOWN), '--by', 'Deputy Clerk');

    // Assess
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("stored version 1 (the first) of council harbourne-tc's configuration in table config-cli-");
    expect(result.stdout).toContain('by Deputy Clerk\n  approvedAccounts[mastodon @harbournetc@mastodon.social] registered and approved\n');
    const stored = await store.forCouncil('harbourne-tc').getCouncilConfig();
    expect(stored?.council.aliases).toEqual(['Harbourne TC']);
    expect(stored?.approvedAccounts).toEqual([]);
  });

  it('accepts a file that starts with a UTF-8 byte order mark, saying nothing of it', async () => {
    const result = await push(file(`\uFEFF${JSON.stringify(TOWN)}`, true), '--by', 'Town Clerk');

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect((await store.forCouncil('harbourne-tc').getCouncilConfig())?.council.name).toBe('Harbourne Town Council');
  });

  it('refuses JSON that does not parse, naming the file, the line and the column', async () => {
    const path = file('{\n  "council": { "name": "Harbourne Town Council", },\n}', true);

    const result = await push(path);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`council configuration ${path} is not valid JSON: line 2, column 50:`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an unknown key by its path with the field it was meant to be, and stores nothing', async () => {
    // Prepare
    await push(file(TOWN), '--by', 'Town Clerk');
    const misspelt = structuredClone(TOWN) as Record<string, unknown>;
    misspelt.councillors = [TOWN.councillors[0], { name: 'Owen Pascoe', handels: ['@owenpascoe@mastodon.social'] }];
    misspelt.timeZone = 'Europe/London';
    misspelt.approvedAccounts = [...TOWN.approvedAccounts, { platform: 'bluesky', handle: '@harbournetc.bsky.social', approvedBy: 'Town Clerk', approvedOn: '2025-04-01' }];
    misspelt.colour = 'blue';

    // Act
    const result = await push(file(misspelt), '--by', 'Town Clerk');

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('councillors[1].handels: is not a known field: did you mean "handles"?');
    expect(result.stderr).toContain('timeZone: is not a known field: did you mean "timezone"?');
    expect(result.stderr).toMatch(/colour: is not a known field\n/);
    expect(result.stderr).toContain('nothing was stored');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const history = await store.forCouncil('harbourne-tc').listConfigVersions();
    expect(history.map((v) => v.version)).toEqual([1]);
    const accounts = await store.forCouncil('harbourne-tc').listAccounts();
    expect(accounts.map((a) => a.platform).sort()).toEqual(['mastodon', 'rss']);
  });

  it('refuses a bad value naming the field and the value, an unknown rule and a bad account all at once, and stores nothing', async () => {
    // Prepare
    const bad = {
      ...TOWN,
      timezone: 'Europe/Londn',
      elections: [{ pollingDay: '2027-05-06', preElectionStart: '29/03/2027' }],
      rules: { 'personal-date': { enabled: false } },
      approvedAccounts: [
        { platform: 'bluesky', handle: '@stowpc.bsky.social', approvedBy: 'Town Clerk', approvedOn: '2025-04-01' },
        { platform: 'mastodon', handle: '@harbournetc', approvedBy: 'Town Clerk', approvedOn: '2025-04-01' },
        { platform: 'facebook', handle: 'HarbourneTownCouncil', approvedBy: 'Town Clerk', approvedOn: '2999-01-01' },
      ],
    };

    // Act
    const result = await push(file(bad), '--by', 'Town Clerk');

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('timezone = "Europe/Londn": expected an IANA time zone such as Europe/London');
    expect(result.stderr).toContain('elections[0].preElectionStart = "29/03/2027": expected a date as YYYY-MM-DD');
    expect(result.stderr).toContain('rules.personal-date: is not a rule of the rulebook: did you mean "personal-data"?');
    expect(result.stderr).toContain('approvedAccounts[1].handle = "@harbournetc": a Mastodon handle needs its instance');
    expect(result.stderr).toContain('approvedAccounts[2].approvedOn = "2999-01-01": cannot be in the future');
    expect(result.stderr.match(/a Mastodon handle needs its instance/g)).toHaveLength(1);
    expect(await store.forCouncil('harbourne-tc').listConfigVersions()).toEqual([]);
    expect(await store.forCouncil('harbourne-tc').listAccounts()).toEqual([]);
    expect(await store.forCouncil('harbourne-tc').getCouncilConfig()).toBeUndefined();
  });

  it('writes version 2 for a change, and the history says who changed what and when', async () => {
    // Prepare
    await push(file(TOWN), '--by', 'Town Clerk');
    const changed = { ...TOWN, council: { ...TOWN.council, aliases: ['Harbourne TC', 'HTC'] }, elections: [{ pollingDay: '2027-05-13', preElectionStart: '2027-03-29' }], removalNotice: 'We removed a comment that broke our policy.' };

    // Act
    const second = await push(file(changed), '--by', 'Deputy Clerk');
    const history = await runCli(['config', 'history', '--council', 'harbourne-tc'], '', env);

    // Assess
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('stored version 2 of council harbourne-tc');
    expect(second.stdout).toContain('  council.aliases changed\n');
    expect(second.stdout).toContain('  elections[0].pollingDay changed\n');
    expect(second.stdout).toContain('  removalNotice added\n');
    const lines = history.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^version\s+at\s+by\s+changes$/);
    expect(lines[1]).toMatch(/^1\s+\d{4}-\d{2}-\d{2}T\S+Z\s+Town Clerk\s+first version: approvedAccounts\[mastodon @harbournetc@mastodon\.social\] registered and approved, approvedAccounts\[rss \S+\] registered$/);
    expect(lines[2]).toMatch(/^2\s+\d{4}-\d{2}-\d{2}T\S+Z\s+Deputy Clerk\s+council\.aliases changed, elections\[0\]\.pollingDay changed, removalNotice added$/);
    expect(lines).toHaveLength(3);
  });

  it('records the operating system user as who pushed, when --by is not given', async () => {
    await push(file(TOWN));

    const [first] = await store.forCouncil('harbourne-tc').listConfigVersions();
    expect(first?.by).toBe(userInfo().username);
  });

  it('says "unchanged" and writes nothing when the file is what is stored', async () => {
    // Prepare
    await push(file(TOWN), '--by', 'Town Clerk');
    const reordered = { elections: TOWN.elections, council: { domains: TOWN.council.domains, name: TOWN.council.name, aliases: TOWN.council.aliases }, timezone: 'Europe/London', councillors: TOWN.councillors, publishedContacts: TOWN.publishedContacts, approvedAccounts: TOWN.approvedAccounts, rules: {} };

    // Act
    const again = await push(file(reordered), '--by', 'Someone Else');

    // Assess
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^unchanged: council harbourne-tc's configuration in table \S+ at \S+ is already this \(version 1\); nothing was stored\n$/);
    const history = await store.forCouncil('harbourne-tc').listConfigVersions();
    expect(history.map((v) => v.by)).toEqual(['Town Clerk']);
  });

  it('registers and approves the accounts approvedAccounts lists, in the account registry', async () => {
    // Prepare: the mastodon account is registered already, not yet approved, and paused.
    await runCli(['accounts', 'add', '--council', 'harbourne-tc', '--platform', 'mastodon', '--handle', '@harbournetc@mastodon.social'], '', env);
    await runCli(['accounts', 'pause', '--council', 'harbourne-tc', '--platform', 'mastodon', '--handle', '@harbournetc@mastodon.social'], '', env);
    await runCli(['accounts', 'add', '--council', 'harbourne-tc', '--platform', 'x', '--handle', 'HarbourneTC'], '', env);

    // Act
    const result = await push(file(TOWN), '--by', 'Town Clerk');
    const listed = JSON.parse((await runCli(['accounts', 'list', '--council', 'harbourne-tc', '--format', 'json'], '', env)).stdout) as Record<string, unknown>[];

    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  approvedAccounts[mastodon @harbournetc@mastodon.social] approved\n');
    expect(result.stdout).toContain('  approvedAccounts[rss https://www.harbourne-tc.example/news/feed.xml] registered\n');
    expect(result.stdout).toContain('note: 1 registered account(s) not in approvedAccounts stay registered (accounts remove takes one off): x HarbourneTC');
    expect(listed.find((a) => a.platform === 'mastodon')).toMatchObject({ approvedBy: 'Town Clerk', approvedOn: '2025-04-01', status: 'paused' });
    expect(listed.find((a) => a.platform === 'rss')).toMatchObject({ displayName: 'Harbourne news', status: 'active' });
    expect(listed.find((a) => a.platform === 'rss')).not.toHaveProperty('approvedBy');
    expect(listed.find((a) => a.platform === 'x')).toMatchObject({ handle: 'HarbourneTC' });
    const [first] = await store.forCouncil('harbourne-tc').listConfigVersions();
    expect(first?.config.approvedAccounts).toEqual([]);
    expect(first?.changes).toContainEqual({ path: 'approvedAccounts[mastodon @harbournetc@mastodon.social]', change: 'approved' });
  });

  it('prints what it stored, with approvedAccounts from the registry, and that pushed back is unchanged', async () => {
    // Prepare
    await push(file(TOWN), '--by', 'Town Clerk');
    await runCli(['accounts', 'add', '--council', 'harbourne-tc', '--platform', 'youtube', '--handle', 'UCharbournetcExample0001', '--approved-by', 'Town Clerk', '--approved-on', '2026-01-10'], '', env);

    // Act
    const shown = await runCli(['config', 'show', '--council', 'harbourne-tc'], '', env);
    const pushedBack = await push(file(shown.stdout, true), '--by', 'Town Clerk');

    // Assess
    expect(shown.code).toBe(0);
    const config = JSON.parse(shown.stdout) as { council: { aliases: string[] }; approvedAccounts: { platform: string; handle: string; approvedBy?: string }[] };
    expect(config.council.aliases).toEqual(['Harbourne TC']);
    expect(config.approvedAccounts.map((a) => `${a.platform} ${a.handle} ${a.approvedBy ?? '-'}`).sort()).toEqual([
      'mastodon @harbournetc@mastodon.social Town Clerk',
      'rss https://www.harbourne-tc.example/news/feed.xml -',
      'youtube UCharbournetcExample0001 Town Clerk',
    ]);
    expect(pushedBack.stdout).toMatch(/^unchanged: /);
  });

  it('shows the report recipients pushed, and refuses a bad one by name, storing nothing', async () => {
    // Prepare
    await push(file({ ...TOWN, reportRecipients: ['chair@harbourne-tc.example', 'cllr.moreton@harbourne-tc.example'] }), '--by', 'Town Clerk');

    // Act
    const shown = await runCli(['config', 'show', '--council', 'harbourne-tc'], '', env);
    const refused = await push(file({ ...TOWN, reportRecipients: ['chair@harbourne-tc.example', 'not an address'] }), '--by', 'Town Clerk');

    // Assess
    expect((JSON.parse(shown.stdout) as { reportRecipients: string[] }).reportRecipients).toEqual(['chair@harbourne-tc.example', 'cllr.moreton@harbourne-tc.example']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('reportRecipients[1]');
    expect(refused.stderr).toContain('"not an address"');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(await store.forCouncil('harbourne-tc').listConfigVersions()).toHaveLength(1);
  });

  it('shows an older version when asked, and says which versions there are when asked for one that is not', async () => {
    // Prepare
    await push(file(TOWN), '--by', 'Town Clerk');
    await push(file({ ...TOWN, timezone: 'Europe/Dublin' }), '--by', 'Town Clerk');

    // Act
    const first = await runCli(['config', 'show', '--council', 'harbourne-tc', '--version', '1'], '', env);
    const missing = await runCli(['config', 'show', '--council', 'harbourne-tc', '--version', '7'], '', env);

    // Assess
    expect((JSON.parse(first.stdout) as { timezone: string }).timezone).toBe('Europe/London');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('council harbourne-tc has no configuration version 7 (its versions are 1 to 2)');
  });

  it('refuses a council that is not registered, storing nothing', async () => {
    const result = await runCli(['config', 'push', '--council', 'little-ashby-pc', '--by', 'Town Clerk', file(TOWN)], '', env);

    expect(result.code).toBe(2);
    expect(result.stderr).toBe('council-audit: no council little-ashby-pc is registered\n');
    expect(await store.forCouncil('little-ashby-pc').listConfigVersions()).toEqual([]);
    expect(await store.forCouncil('little-ashby-pc').listAccounts()).toEqual([]);
  });

  it("never changes another council's configuration or accounts", async () => {
    // Prepare: both push; the parish registers an account, which the town's file lists too.
    await runCli(['config', 'push', '--council', 'stow-pc', '--by', 'Parish Clerk', file(PARISH)], '', env);
    const parishBefore = await runCli(['config', 'show', '--council', 'stow-pc'], '', env);

    // Act
    await push(file(TOWN), '--by', 'Town Clerk');
    await push(file({ ...TOWN, approvedAccounts: [...TOWN.approvedAccounts, PARISH.approvedAccounts[0]], timezone: 'Europe/Dublin' }), '--by', 'Town Clerk');

    // Assess
    expect((await runCli(['config', 'show', '--council', 'stow-pc'], '', env)).stdout).toBe(parishBefore.stdout);
    expect((await store.forCouncil('stow-pc').listConfigVersions()).map((v) => v.by)).toEqual(['Parish Clerk']);
    expect((await store.forCouncil('harbourne-tc').listConfigVersions()).map((v) => v.version)).toEqual([1, 2]);
    expect((await store.forCouncil('stow-pc').listAccounts()).map((a) => a.handle)).toEqual(['@stowpc.bsky.social']);
  });

  it('shows a council: its registration, its configuration version, and its accounts by state', async () => {
    // Prepare
    await push(file(TOWN), '--by', 'Town Clerk');
    await push(file({ ...TOWN, timezone: 'Europe/Dublin' }), '--by', 'Deputy Clerk');
    await runCli(['accounts', 'pause', '--council', 'harbourne-tc', '--platform', 'rss', '--handle', TOWN.approvedAccounts[1]!.handle], '', env);

    // Act
    const shown = await runCli(['councils', 'show', '--council', 'harbourne-tc'], '', env);
    const parish = await runCli(['councils', 'show', '--council', 'stow-pc'], '', env);

    // Assess
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^council\s+harbourne-tc\nname\s+Harbourne Town Council\ndigest to\s+clerk@harbourne-tc\.example\nregistered\s+\S+\n/);
    expect(shown.stdout).toMatch(/\nconfiguration\s+version 2, updated \S+ by Deputy Clerk\n/);
    expect(shown.stdout).toMatch(/\naccounts\s+2: 1 active, 1 paused, 1 approved, 1 not approved\n$/);
    expect(parish.stdout).toMatch(/\nconfiguration\s+not pushed yet\naccounts\s+none registered\n$/);
  });

  it.each(['examples/harbourne-tc/council.config.json', 'examples/little-stowbury-pc/council.config.json'])('pushes the example configuration %s and registers its accounts', async (path) => {
    const result = await push(path, '--by', 'Town Clerk');

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const example = JSON.parse(readFileSync(path, 'utf8')) as { approvedAccounts: unknown[] };
    expect(await store.forCouncil('harbourne-tc').listAccounts()).toHaveLength(example.approvedAccounts.length);
  });
});
