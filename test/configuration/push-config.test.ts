import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pushCouncilConfig } from '../../shared/configuration/push-config';
import { showCouncilConfig } from '../../shared/configuration/show-config';
import { ConfigValidationError } from '../../shared/domain/errors';
import { ensureTable, startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { ConfigVersionConflictError, type AuditStore, type CouncilStore } from '../../shared/store/audit-store';
import { dynamoDbStore, type DynamoDbAuditStore } from '../../shared/store/dynamodb-store';
import { HARBOURNE } from '../support/scan-fixtures';
import { testConfig } from '../support/fixtures';

const LOCAL = { region: 'eu-west-2', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
const NOW = new Date('2026-12-07T10:00:00Z');
const clock = () => NOW;

const FILE = {
  council: { name: 'Harbourne Town Council', aliases: ['Harbourne TC'] },
  approvedAccounts: [{ platform: 'mastodon', handle: '@harbournetc@mastodon.social', approvedBy: 'Town Clerk', approvedOn: '2025-04-01' }],
};

/**
 * The store, with each council view's read of the newest version held until `readers` pushes have
 * made it: the pushes then race to store the same next version, as two people pushing at once would.
 */
function racing(store: AuditStore, readers: number): AuditStore {
  let waiting = 0;
  let release: () => void = () => {};
  const allRead = new Promise<void>((resolve) => (release = resolve));
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'forCouncil') return Reflect.get(target, property, receiver) as unknown;
      return (id: string) =>
        new Proxy(target.forCouncil(id), {
          get(view, name, viewReceiver) {
            const value = Reflect.get(view, name, viewReceiver) as unknown;
            if (name !== 'getConfigVersion' || typeof value !== 'function') return typeof value === 'function' ? value.bind(view) : value;
            return async (...args: unknown[]) => {
              const read = await (value as (...a: unknown[]) => Promise<unknown>).apply(view, args);
              waiting += 1;
              if (waiting === readers) release();
              await allRead;
              return read;
            };
          },
        });
    },
  });
}

/** The store, with every account registration after the version failing, as a push cut off half way. */
function failingRegistrations(store: AuditStore): AuditStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'forCouncil') return Reflect.get(target, property, receiver) as unknown;
      return (id: string) =>
        new Proxy(target.forCouncil(id), {
          get(view: CouncilStore, name, viewReceiver) {
            if (name === 'putAccount') return async () => Promise.reject(new Error('ProvisionedThroughputExceededException'));
            const value = Reflect.get(view, name, viewReceiver) as unknown;
            return typeof value === 'function' ? value.bind(view) : value;
          },
        });
    },
  });
}

describe('pushCouncilConfig, on DynamoDB', () => {
  let dynamo: LocalDynamoDb;
  let store: DynamoDbAuditStore;
  let table = 0;

  beforeAll(async () => {
    dynamo = await startDynalite();
  });
  afterAll(() => dynamo.stop());

  beforeEach(async () => {
    table += 1;
    await ensureTable(dynamo.client, `push-config-${table}`);
    store = dynamoDbStore({ ...LOCAL, endpoint: dynamo.endpoint, tableName: `push-config-${table}` });
    await store.putCouncil(HARBOURNE);
  });

  it('lets one of two pushes at once win; the other is refused, saying so, and stores nothing', async () => {
    // Prepare
    await pushCouncilConfig(store, HARBOURNE.id, FILE, { by: 'Town Clerk', clock });
    const both = racing(store, 2);
    const dublin = { ...FILE, timezone: 'Europe/Dublin', approvedAccounts: [{ platform: 'bluesky', handle: '@harbournetc.bsky.social' }] };
    const aliases = { ...FILE, council: { ...FILE.council, aliases: ['HTC'] } };

    // Act
    const outcomes = await Promise.allSettled([
      pushCouncilConfig(both, HARBOURNE.id, dublin, { by: 'Deputy Clerk', clock }),
      pushCouncilConfig(both, HARBOURNE.id, aliases, { by: 'Chair', clock }),
    ]);

    // Assess
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toBeInstanceOf(ConfigVersionConflictError);
    expect((lost[0] as Error).message).toContain("version 2 of council harbourne-tc's configuration was stored by another push while this one ran; nothing of this push was stored");
    const versions = await store.forCouncil(HARBOURNE.id).listConfigVersions();
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    const winner = versions[1]!;
    const accounts = (await store.forCouncil(HARBOURNE.id).listAccounts()).map((a) => a.platform);
    // The loser's account was not registered: only the winner's writes are there.
    expect(accounts.includes('bluesky')).toBe(winner.by === 'Deputy Clerk');
    expect((await store.forCouncil(HARBOURNE.id).getCouncilConfig())?.timezone).toBe(winner.by === 'Deputy Clerk' ? 'Europe/Dublin' : 'Europe/London');
  });

  it('records a version for a push that only registers an account, with the same configuration', async () => {
    // Prepare
    await pushCouncilConfig(store, HARBOURNE.id, FILE, { by: 'Town Clerk', clock });

    // Act
    const result = await pushCouncilConfig(store, HARBOURNE.id, { ...FILE, approvedAccounts: [...FILE.approvedAccounts, { platform: 'rss', handle: 'https://www.harbourne-tc.example/feed.xml' }] }, { by: 'Town Clerk', clock });

    // Assess
    expect(result).toMatchObject({ outcome: 'stored', version: 2, changes: [{ path: 'approvedAccounts[rss https://www.harbourne-tc.example/feed.xml]', change: 'registered' }] });
    const [first, second] = await store.forCouncil(HARBOURNE.id).listConfigVersions();
    expect(second?.config).toEqual(first?.config);
  });

  it('completes an interrupted push when pushed again', async () => {
    // Prepare: the version is stored, then registering its account fails.
    const interrupted = pushCouncilConfig(failingRegistrations(store), HARBOURNE.id, FILE, { by: 'Town Clerk', clock });
    await expect(interrupted).rejects.toThrow('ProvisionedThroughputExceededException');

    // Act
    const again = await pushCouncilConfig(store, HARBOURNE.id, FILE, { by: 'Town Clerk', clock });

    // Assess
    expect(again).toMatchObject({ outcome: 'stored', version: 2, changes: [{ path: 'approvedAccounts[mastodon @harbournetc@mastodon.social]', change: 'registered' }, { change: 'approved' }] });
    expect(await store.forCouncil(HARBOURNE.id).getAccount('mastodon', '@harbournetc@mastodon.social')).toMatchObject({ approvedBy: 'Town Clerk' });
    expect((await pushCouncilConfig(store, HARBOURNE.id, FILE, { by: 'Town Clerk', clock })).outcome).toBe('unchanged');
  });

  it('takes a configuration stored before versions were kept as what the first version changes', async () => {
    // Prepare
    await store.forCouncil(HARBOURNE.id).putCouncilConfig(testConfig());
    const before = await showCouncilConfig(store, HARBOURNE.id);

    // Act
    const same = await pushCouncilConfig(store, HARBOURNE.id, { ...before.config, approvedAccounts: [] }, { by: 'Town Clerk', clock });
    const changed = await pushCouncilConfig(store, HARBOURNE.id, { ...before.config, approvedAccounts: [], timezone: 'Europe/Dublin' }, { by: 'Town Clerk', clock });

    // Assess
    expect(before.version).toBeUndefined();
    expect(same).toMatchObject({ outcome: 'unchanged', version: undefined });
    expect(changed).toMatchObject({ outcome: 'stored', version: 1, changes: [{ path: 'timezone', change: 'changed' }] });
    expect((await store.forCouncil(HARBOURNE.id).getCouncilConfig())?.timezone).toBe('Europe/Dublin');
  });

  it.each([
    [{ approvedAccounts: [{ platform: 'x', handle: 'HarbourneTC', approvedBy: 'Town Clerk' }] }, 'approvedAccounts[0].approvedOn: is missing: an approval needs both approvedBy and approvedOn'],
    [
      { approvedAccounts: [{ platform: 'x', handle: 'HarbourneTC' }, { platform: 'x', handle: '@harbournetc' }] },
      'approvedAccounts[1].handle = "@harbournetc": is the same account as approvedAccounts[0]',
    ],
    [{ rules: { 'personal-data': { enable: false } } }, 'rules.personal-data.enable = false: is not a known field: did you mean "enabled"?'],
    [{ rules: { spelling: { enabled: false } } }, 'rules.spelling: is not a rule of the rulebook (personal-data, '],
  ])('refuses %j naming the field, and stores nothing', async (fields, message) => {
    const push = pushCouncilConfig(store, HARBOURNE.id, { ...FILE, ...fields }, { by: 'Town Clerk', clock });

    await expect(push).rejects.toThrow(ConfigValidationError);
    await expect(push).rejects.toThrow(message);
    expect(await store.forCouncil(HARBOURNE.id).listConfigVersions()).toEqual([]);
    expect(await store.forCouncil(HARBOURNE.id).listAccounts()).toEqual([]);
  });

  it('refuses a push that does not say who is pushing', async () => {
    await expect(pushCouncilConfig(store, HARBOURNE.id, FILE, { by: '  ', clock })).rejects.toThrow('--by: must name who is pushing');
  });
});
