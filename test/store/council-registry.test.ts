import { PutCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouncilValidationError, type Council } from '../../shared/domain/council';
import { ensureTable, startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import type { AuditStore } from '../../shared/store/audit-store';
import { DynamoDbAuditStore, StoredItemValidationError } from '../../shared/store/dynamodb-store';
import { councilRegistryKeys } from '../../shared/store/keys';
import { MemoryAuditStore } from '../support/memory-store';
import { makeAccount, makeFinding, MASTODON_HANDLE } from './store-fixtures';

const HARBOURNE: Council = { id: 'harbourne-tc', name: 'Harbourne Town Council', digestTo: ['clerk@harbourne-tc.example'], registeredAt: '2026-11-01T09:00:00Z' };
/** Enough councils to land on every shard of the councils list. */
const PARISHES: Council[] = Array.from({ length: 24 }, (_, i) => ({
  id: `parish-${String(i).padStart(2, '0')}-pc`,
  name: `Parish ${i} Council`,
  digestTo: [`clerk@parish-${i}.example`],
  registeredAt: '2026-11-01T09:00:00Z',
}));

let dynamo: LocalDynamoDb;
let tables = 0;
beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(() => dynamo.stop());

/** The same cases against the DynamoDB adapter (on dynalite) and the tests' memory store, so the two agree. */
const stores: [string, () => Promise<AuditStore>][] = [
  [
    'DynamoDB',
    async () => {
      tables += 1;
      const tableName = `registry-${process.pid}-${tables}`;
      await ensureTable(dynamo.client, tableName);
      return new DynamoDbAuditStore({ client: DynamoDBDocumentClient.from(dynamo.client), tableName });
    },
  ],
  ['memory', async () => new MemoryAuditStore()],
];

describe.each(stores)('the council registry (%s)', (_name, freshStore) => {
  it('reads a council back as it was registered, and nothing for one never registered', async () => {
    const store = await freshStore();
    await store.putCouncil(HARBOURNE);
    expect(await store.getCouncil('harbourne-tc')).toEqual(HARBOURNE);
    expect(await store.getCouncil('stow-pc')).toBeUndefined();
  });

  it('keeps when a council was first registered when it is registered again with new recipients', async () => {
    const store = await freshStore();
    await store.putCouncil(HARBOURNE);
    await store.putCouncil({ ...HARBOURNE, digestTo: ['deputy@harbourne-tc.example'], registeredAt: '2026-12-01T09:00:00Z' });
    expect(await store.getCouncil('harbourne-tc')).toEqual({ ...HARBOURNE, digestTo: ['deputy@harbourne-tc.example'] });
  });

  it("stores a council's digest schedule, and drops a field a later registration leaves out (so its default applies)", async () => {
    const store = await freshStore();
    const scheduled: Council = { ...HARBOURNE, digestDay: 'friday', digestTime: '16:30', timezone: 'Pacific/Auckland' };
    await store.putCouncil(scheduled);
    expect(await store.getCouncil('harbourne-tc')).toEqual(scheduled);
    await store.putCouncil({ ...HARBOURNE, digestDay: 'tuesday' });
    expect(await store.getCouncil('harbourne-tc')).toEqual({ ...HARBOURNE, digestDay: 'tuesday' });
  });

  it('lists every council, from every shard, ordered by id', async () => {
    const store = await freshStore();
    for (const council of [...PARISHES].reverse()) await store.putCouncil(council);
    await store.putCouncil(HARBOURNE);
    expect((await store.listCouncils()).map((c) => c.id)).toEqual([HARBOURNE, ...PARISHES].map((c) => c.id).sort());
  });

  it('removes a council from the list, keeping its records, and says whether there was one to remove', async () => {
    const store = await freshStore();
    await store.putCouncil(HARBOURNE);
    await store.forCouncil('harbourne-tc').setCursor('mastodon', '@harbournetc@mastodon.social', '112');
    expect(await store.removeCouncil('harbourne-tc')).toBe(true);
    expect(await store.removeCouncil('harbourne-tc')).toBe(false);
    expect(await store.listCouncils()).toEqual([]);
    expect(await store.forCouncil('harbourne-tc').getCursor('mastodon', '@harbournetc@mastodon.social')).toBe('112');
  });

  it('refuses a registration that is not one, naming the field and the value, and stores nothing', async () => {
    const store = await freshStore();
    const refused = store.putCouncil({ ...HARBOURNE, digestTo: ['the clerk'] });
    await expect(refused).rejects.toBeInstanceOf(CouncilValidationError);
    await expect(refused).rejects.toThrow('digestTo[0] = "the clerk": expected an email address');
    expect(await store.listCouncils()).toEqual([]);
  });

  it("gives each council a view of its own records, in which none of another's can be found", async () => {
    const store = await freshStore();
    const [town, parish] = [store.forCouncil('harbourne-tc'), store.forCouncil('harbourne-pc')];
    await town.putAccount(makeAccount());
    await town.putFinding(makeFinding());
    expect(await town.claimDigest('2026-W06', '2026-02-09T08:00:00Z')).toBe(true);

    expect(await parish.getAccount('mastodon', MASTODON_HANDLE)).toBeUndefined();
    expect(await parish.listAccounts()).toEqual([]);
    expect(await parish.getFinding(makeFinding().id)).toBeUndefined();
    expect(await parish.listFindingsDetectedIn('2026-W06')).toEqual([]);
    expect(await parish.listOpenFindings()).toEqual([]);
    expect(await parish.claimDigest('2026-W06', '2026-02-09T08:00:00Z')).toBe(true);
    expect(parish.councilId).toBe('harbourne-pc');
  });

  it('refuses a view of a council whose id is not one', async () => {
    const store = await freshStore();
    expect(() => store.forCouncil('Harbourne TC')).toThrow('council = "Harbourne TC": expected a council id such as harbourne-tc');
  });
});

describe('the council registry on DynamoDB', () => {
  it('names the key and the field when a stored registration is corrupt', async () => {
    tables += 1;
    const tableName = `registry-${process.pid}-${tables}`;
    await ensureTable(dynamo.client, tableName);
    const documents = DynamoDBDocumentClient.from(dynamo.client);
    const { key, index } = councilRegistryKeys('harbourne-tc');
    await documents.send(new PutCommand({ TableName: tableName, Item: { ...key, ...index, ...HARBOURNE, digestTo: 'clerk@harbourne-tc.example' } }));
    const store = new DynamoDbAuditStore({ client: documents, tableName });

    const reading = store.listCouncils();

    await expect(reading).rejects.toBeInstanceOf(StoredItemValidationError);
    await expect(reading).rejects.toThrow(/invalid council stored at pk=C#harbourne-tc sk=COUNCIL: digestTo = "clerk@harbourne-tc.example"/);
  });
});
