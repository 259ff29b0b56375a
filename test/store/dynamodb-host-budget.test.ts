import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostBudgetUnavailableError, HostBusyError } from '../../shared/connectors/errors';
import { ledgerHostBudget, UNPACED, type HostBudget, type HostBudgetOptions, type HostLimit } from '../../shared/connectors/http/host-budget';
import { ensureTable, startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../shared/local/local-aws';
import { DynamoDbHostLedger } from '../../shared/store/dynamodb-host-budget';
import { hostBudgetKey } from '../../shared/store/keys';

const T0 = Date.parse('2026-11-23T08:00:00Z');

let dynamo: LocalDynamoDb;
let tables = 0;
const clients: DynamoDBClient[] = [];

beforeAll(async () => {
  dynamo = await startDynalite();
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await dynamo.stop();
});

/** A table of its own, and a way to open a budget on it as a separate Lambda instance would: its own client. */
async function freshTable() {
  tables += 1;
  const tableName = `host-budget-${process.pid}-${tables}`;
  await ensureTable(dynamo.client, tableName);
  const instance = (options: HostBudgetOptions): HostBudget => {
    const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    clients.push(client);
    return ledgerHostBudget(new DynamoDbHostLedger({ client: DynamoDBDocumentClient.from(client), tableName }), options);
  };
  return { tableName, instance, documents: DynamoDBDocumentClient.from(dynamo.client) };
}

/** One clock for every instance (as in AWS), moved only by their sleeps; the sleeps each was asked for. */
function sharedTime() {
  let now = T0;
  return {
    clock: () => new Date(now),
    now: () => now,
    advance: (ms: number) => void (now += ms),
    sleeper() {
      const sleeps: number[] = [];
      return {
        sleeps,
        sleep: async (ms: number) => {
          sleeps.push(ms);
          now += ms;
        },
      };
    },
  };
}

describe('the host budget on DynamoDB, shared by two Lambda instances', () => {
  const limit: HostLimit = { requests: 6, perMs: 60_000, burst: 3 };

  it('lets the two together take no more than the host allows in any window', async () => {
    // Prepare
    const { instance } = await freshTable();
    const time = sharedTime();
    const [a, b] = [instance({ clock: time.clock, ...time.sleeper(), limits: () => limit }), instance({ clock: time.clock, ...time.sleeper(), limits: () => limit })];
    const grants: number[] = [];

    // Act: the two take turns asking the same host
    for (let i = 0; i < 16; i += 1) {
      await (i % 2 === 0 ? a : b).acquire('mastodon.social');
      grants.push(time.now());
    }

    // Assess
    const busiest = Math.max(...grants.map((start) => grants.filter((t) => t >= start && t < start + limit.perMs).length));
    expect(busiest).toBeLessThanOrEqual(limit.requests);
    expect(grants.slice(0, limit.burst)).toEqual([T0, T0, T0]);
  });

  it('grants the burst exactly once when both ask at the same moment', async () => {
    // Prepare: neither may wait at all
    const { instance } = await freshTable();
    const time = sharedTime();
    const [a, b] = [instance({ clock: time.clock, maxWaitMs: 0, limits: () => limit }), instance({ clock: time.clock, maxWaitMs: 0, limits: () => limit })];

    // Act
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).acquire('public.api.bsky.app')));

    // Assess
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(limit.burst);
    for (const o of outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')) expect(o.reason).toBeInstanceOf(HostBusyError);
  });

  it("keeps each host's budget apart: one host spent leaves another's untouched", async () => {
    // Prepare
    const { instance } = await freshTable();
    const time = sharedTime();
    const [a, b] = [instance({ clock: time.clock, maxWaitMs: 0, limits: () => limit }), instance({ clock: time.clock, maxWaitMs: 0, limits: () => limit })];
    for (let i = 0; i < limit.burst; i += 1) await a.acquire('mastodon.social');

    // Act
    const spent = await b.acquire('mastodon.social').catch((e: unknown) => e);
    const other = await Promise.allSettled(Array.from({ length: limit.burst }, () => b.acquire('toot.harbourne.example')));

    // Assess
    expect(spent).toBeInstanceOf(HostBusyError);
    expect(other.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
  });

  it("pauses a host for the other instance when one is told to slow down, and no other host", async () => {
    // Prepare
    const { instance } = await freshTable();
    const time = sharedTime();
    const told = instance({ clock: time.clock, limits: () => UNPACED });
    const otherSleeper = time.sleeper();
    const other = instance({ clock: time.clock, ...otherSleeper, limits: () => UNPACED });

    // Act
    await told.slowDown('api.x.com', 30_000);
    await other.acquire('graph.facebook.com');
    const beforeX = [...otherSleeper.sleeps];
    await other.acquire('api.x.com');

    // Assess
    expect(beforeX).toEqual([]);
    expect(otherSleeper.sleeps).toEqual([30_000]);
  });

  it('keeps the longer pause when two instances record different ones', async () => {
    const { instance } = await freshTable();
    const time = sharedTime();
    const sleeper = time.sleeper();
    const [a, b] = [instance({ clock: time.clock, limits: () => UNPACED }), instance({ clock: time.clock, ...sleeper, limits: () => UNPACED })];
    await a.slowDown('mastodon.social', 45_000);
    await b.slowDown('mastodon.social', 10_000);
    await b.acquire('mastodon.social');
    expect(sleeper.sleeps).toEqual([45_000]);
  });

  it('says until when a host is paused when the wait is longer than a scan may sit out', async () => {
    // Prepare
    const { instance } = await freshTable();
    const time = sharedTime();
    const sleeper = time.sleeper();
    await instance({ clock: time.clock }).slowDown('mastodon.social', 4 * 60_000);

    // Act
    const error = await instance({ clock: time.clock, ...sleeper, maxWaitMs: 5_000 })
      .acquire('mastodon.social')
      .catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(HostBusyError);
    expect((error as HostBusyError).until.toISOString()).toBe('2026-11-23T08:04:00.000Z');
    expect(sleeper.sleeps).toEqual([]);
  });

  it('keeps one item per host, which expires once the host is no longer asked', async () => {
    const { instance, documents, tableName } = await freshTable();
    const time = sharedTime();
    await instance({ clock: time.clock }).acquire('www.harbourne-tc.example');
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: hostBudgetKey('www.harbourne-tc.example') }));
    expect(Item).toMatchObject({ pk: 'HOST#www.harbourne-tc.example', sk: 'BUDGET' });
    expect(Item!.expiresAt).toBeGreaterThan(T0 / 1000);
  });
});

describe('a malformed host budget item', () => {
  it('stops the request with an error naming the host, the field and the value, and is not overwritten', async () => {
    // Prepare
    const { instance, documents, tableName } = await freshTable();
    const time = sharedTime();
    const malformed = { ...hostBudgetKey('mastodon.social'), tat: 'soon' };
    await documents.send(new PutCommand({ TableName: tableName, Item: malformed }));

    // Act
    const error = await instance({ clock: time.clock, maxWaitMs: 5_000 })
      .acquire('mastodon.social')
      .catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(HostBudgetUnavailableError);
    expect((error as Error).message).toContain('mastodon.social');
    expect((error as Error).message).toMatch(/tat = "soon"/);
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: hostBudgetKey('mastodon.social') }));
    expect(Item).toEqual(malformed);
  });
});
