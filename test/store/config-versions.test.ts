import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigVersion } from '../../shared/domain/config-version';
import { ensureTable, startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { ConfigVersionConflictError } from '../../shared/store/audit-store';
import { dynamoDbStore, type DynamoDbAuditStore } from '../../shared/store/dynamodb-store';
import { testConfig } from '../support/fixtures';

const LOCAL = { region: 'eu-west-2', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };

function version(n: number, fields: Partial<ConfigVersion> = {}): ConfigVersion {
  return { version: n, config: testConfig({ approvedAccounts: [], timezone: n % 2 ? 'Europe/London' : 'Europe/Dublin' }), at: `2026-12-0${1 + (n % 7)}T10:00:00Z`, by: 'Town Clerk', changes: n === 1 ? [] : [{ path: 'timezone', change: 'changed' }], ...fields };
}

describe('configuration versions in the DynamoDB store', () => {
  let dynamo: LocalDynamoDb;
  let store: DynamoDbAuditStore;

  beforeAll(async () => {
    dynamo = await startDynalite();
    await ensureTable(dynamo.client, 'config-versions');
    store = dynamoDbStore({ ...LOCAL, endpoint: dynamo.endpoint, tableName: 'config-versions' });
  });
  afterAll(() => dynamo.stop());

  it('keeps versions in number order past 9, and the newest is the configuration in effect', async () => {
    // Prepare
    const council = store.forCouncil('harbourne-tc');
    await council.putCouncilConfig(testConfig({ timezone: 'Europe/Paris' }));

    // Act
    for (let n = 1; n <= 11; n += 1) await council.putConfigVersion(version(n));

    // Assess
    expect((await council.listConfigVersions()).map((v) => v.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect((await council.getConfigVersion())?.version).toBe(11);
    expect((await council.getConfigVersion(10))?.config.timezone).toBe('Europe/Dublin');
    expect((await council.getCouncilConfig())?.timezone).toBe('Europe/London');
  });

  it('refuses to store a version number twice, keeping the first', async () => {
    const council = store.forCouncil('stow-pc');
    await council.putConfigVersion(version(1, { by: 'Parish Clerk' }));

    await expect(council.putConfigVersion(version(1, { by: 'Someone Else' }))).rejects.toThrow(ConfigVersionConflictError);
    expect((await council.getConfigVersion(1))?.by).toBe('Parish Clerk');
  });

  it("reads a council's configuration stored before versions were kept while it has none", async () => {
    const council = store.forCouncil('little-ashby-pc');
    await council.putCouncilConfig(testConfig({ timezone: 'Europe/Dublin' }));

    expect(await council.getConfigVersion()).toBeUndefined();
    expect((await council.getCouncilConfig())?.timezone).toBe('Europe/Dublin');
  });
});
