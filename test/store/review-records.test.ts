import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Suppression } from '../../shared/domain/suppression';
import { ensureTable, startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import type { CouncilStore } from '../../shared/store/audit-store';
import { DynamoDbAuditStore } from '../../shared/store/dynamodb-store';
import { councilReviewKeys } from '../../shared/store/keys';
import { MemoryAuditStore } from '../support/memory-store';

let dynamo: LocalDynamoDb;
let tables = 0;

beforeAll(async () => {
  dynamo = await startDynalite();
});

afterAll(async () => {
  await dynamo.stop();
});

const clock = () => new Date('2026-03-02T10:00:00Z');

/** Each implementation of the port, as a root store (one table, or one memory) giving council views. */
const ADAPTERS: [string, () => Promise<{ forCouncil: (councilId: string) => CouncilStore }>][] = [
  ['the DynamoDB adapter', async () => {
    tables += 1;
    const tableName = `review-records-${process.pid}-${tables}`;
    await ensureTable(dynamo.client, tableName);
    return new DynamoDbAuditStore({ client: DynamoDBDocumentClient.from(dynamo.client), tableName, clock });
  }],
  ['the memory store', async () => new MemoryAuditStore({ clock })],
];

const SUPPRESSION: Suppression = {
  id: '0123456789abcdef0123',
  rule: 'personal-data',
  platform: 'mastodon',
  account: '@harbournetc@mastodon.social',
  evidence: 'call Sam on 07700 9•• •••',
  findingId: 'personal-data:aaaa',
  createdBy: 'clerk@harbourne-tc.example',
  createdByName: 'Alex Morgan',
  createdAt: '2026-03-01T09:00:00.000Z',
  reason: 'The lost-property line.',
};

describe.each(ADAPTERS)('suppressions and members in %s', (_, root) => {
  const open = async (councilId: string) => (await root()).forCouncil(councilId);

  it('keeps one active suppression per fingerprint, lifts it once, and takes a new one after', async () => {
    const store = await open('harbourne-tc');
    expect(await store.putSuppression(SUPPRESSION)).toBe(true);
    expect(await store.putSuppression({ ...SUPPRESSION, reason: 'Again.' })).toBe(false);
    expect(await store.listSuppressions()).toEqual([SUPPRESSION]);

    const lifted = await store.removeSuppression(SUPPRESSION.id, 'sam@harbourne-tc.example', 'Sam Patel');
    expect(lifted).toEqual({ ...SUPPRESSION, liftedBy: 'sam@harbourne-tc.example', liftedByName: 'Sam Patel', liftedAt: '2026-03-02T10:00:00.000Z' });
    expect(await store.removeSuppression(SUPPRESSION.id, 'sam@harbourne-tc.example')).toBeUndefined();
    expect(await store.removeSuppression('ffffffffffffffffffff', 'sam@harbourne-tc.example')).toBeUndefined();

    expect(await store.putSuppression({ ...SUPPRESSION, reason: 'Again.' })).toBe(true);
    expect(await store.listSuppressions()).toEqual([{ ...SUPPRESSION, reason: 'Again.' }]);
  });

  it("keeps a member's first addition when their role changes, and removes them", async () => {
    const store = await open('harbourne-tc');
    await store.putMember({ userId: 'sam@harbourne-tc.example', name: 'Sam Patel', role: 'councillor', addedBy: 'clerk@harbourne-tc.example', addedAt: '2026-03-01T09:00:00.000Z' });
    await store.putMember({ userId: 'sam@harbourne-tc.example', name: 'Sam Patel', role: 'admin', addedBy: 'other@harbourne-tc.example', addedAt: '2026-03-02T09:00:00.000Z' });
    expect(await store.listMembers()).toEqual([{ userId: 'sam@harbourne-tc.example', name: 'Sam Patel', role: 'admin', addedBy: 'clerk@harbourne-tc.example', addedAt: '2026-03-01T09:00:00.000Z' }]);
    expect((await store.removeMember('sam@harbourne-tc.example'))?.role).toBe('admin');
    expect(await store.getMember('sam@harbourne-tc.example')).toBeUndefined();
    expect(await store.removeMember('sam@harbourne-tc.example')).toBeUndefined();
  });

  it("keeps one council's suppressions and members from another's", async () => {
    const store = await root();
    const harbourne = store.forCouncil('harbourne-tc');
    const ashby = store.forCouncil('ashby-pc');
    await harbourne.putSuppression(SUPPRESSION);
    await harbourne.putMember({ userId: 'clerk@harbourne-tc.example', role: 'town-clerk', addedBy: 'operator', addedAt: '2026-03-01T09:00:00.000Z' });
    expect(await ashby.listSuppressions()).toEqual([]);
    expect(await ashby.listMembers()).toEqual([]);
    expect(await ashby.getMember('clerk@harbourne-tc.example')).toBeUndefined();
    expect(await ashby.removeSuppression(SUPPRESSION.id, 'clerk@ashby-pc.example')).toBeUndefined();
    expect(await harbourne.listSuppressions()).toEqual([SUPPRESSION]);
  });
});

describe('the keys of suppressions and members', () => {
  it("are in the council's own partitions", async () => {
    const tableName = `review-keys-${process.pid}`;
    await ensureTable(dynamo.client, tableName);
    const documents = DynamoDBDocumentClient.from(dynamo.client);
    const store = new DynamoDbAuditStore({ client: documents, tableName, clock }).forCouncil('harbourne-tc');
    await store.putSuppression(SUPPRESSION);
    const keys = councilReviewKeys('harbourne-tc');
    expect(keys.suppression(SUPPRESSION.id)).toEqual({ pk: 'C#harbourne-tc#SUPPRESSIONS', sk: `SUPPRESSION#${SUPPRESSION.id}` });
    expect(keys.member('clerk@harbourne-tc.example')).toEqual({ pk: 'C#harbourne-tc#MEMBERS', sk: 'MEMBER#clerk@harbourne-tc.example' });
    const { Items } = await documents.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'C#harbourne-tc#SUPPRESSIONS' } }));
    expect(Items?.map((i) => i.sk)).toEqual([`SUPPRESSION#${SUPPRESSION.id}`]);
  });
});
