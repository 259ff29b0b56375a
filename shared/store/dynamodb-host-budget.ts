import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from '../zod';
import { ledgerHostBudget, type HostBudget, type HostBudgetOptions, type HostLedger, type Pace, type Take } from '../connectors/http/host-budget';
import { issuesFromZod, StoredItemValidationError } from '../domain/errors';
import { clientConfig, type AwsSettings } from '../runtime/aws';
import { hostBudgetKey } from './keys';

/** A host's item: the next request's theoretical arrival time and the end of a pause, epoch ms. */
const HostBudgetItemSchema = z.object({
  tat: z.optional(z.number()),
  pausedUntil: z.optional(z.number()),
});

/** How long an item outlives its last use: a host nobody asks any more leaves the table (TTL). */
const KEEP_MS = 24 * 60 * 60_000;

/**
 * The ledger on the table, one item per host (HOST#<host> / BUDGET, see keys.ts), shared by every
 * Lambda instance. A slot is taken with one conditional UpdateItem, never read-then-write, so two
 * instances can never both take the last slot:
 * - an idle host (`tat` in the past, or no item yet): `tat` = now + interval;
 * - a busy host within its burst (`tat` ahead of now by no more than the tolerance): `tat` += interval;
 * and neither while `pausedUntil` is ahead of now. Which to try first is guessed from the last `tat`
 * this instance saw. When both conditions fail, one consistent read says how long to wait.
 */
export class DynamoDbHostLedger implements HostLedger {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly lastTat = new Map<string, number>();

  constructor(options: { client: DynamoDBDocumentClient; tableName: string }) {
    this.client = options.client;
    this.tableName = options.tableName;
  }

  async take(host: string, pace: Pace, now: number): Promise<Take> {
    const key = hostBudgetKey(host);
    const idle = () => this.update(key, 'SET tat = :next, expiresAt = :expires', '(attribute_not_exists(tat) OR tat <= :now)', { ':next': now + pace.intervalMs }, now);
    const busy = () =>
      this.update(key, 'SET tat = tat + :interval, expiresAt = :expires', 'tat > :now AND tat <= :latest', { ':interval': pace.intervalMs, ':latest': now + pace.toleranceMs }, now);
    const attempts = (this.lastTat.get(host) ?? 0) > now ? [busy, idle] : [idle, busy];
    for (const attempt of attempts) {
      const tat = await attempt();
      if (tat !== undefined) {
        this.lastTat.set(host, tat);
        return { granted: true };
      }
    }

    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    const parsed = HostBudgetItemSchema.safeParse(Item ?? {});
    if (!parsed.success) {
      throw new StoredItemValidationError(`invalid host budget stored at pk=${key.pk} sk=${key.sk}`, issuesFromZod(parsed.error, Item));
    }
    const { tat = 0, pausedUntil = 0 } = parsed.data;
    this.lastTat.set(host, tat);
    // Both conditions failed, yet the item may allow a request now: another instance changed it in
    // between. Try again at once (well, in a millisecond).
    return { granted: false, waitMs: Math.max(1, pausedUntil - now, tat - pace.toleranceMs - now) };
  }

  async pauseUntil(host: string, until: number, now: number): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: hostBudgetKey(host),
          UpdateExpression: 'SET pausedUntil = :until, expiresAt = :expires',
          // A later pause, recorded by another instance, stands.
          ConditionExpression: 'attribute_not_exists(pausedUntil) OR pausedUntil < :until',
          ExpressionAttributeValues: { ':until': until, ':expires': expiresAt(Math.max(now, until)) },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  /** The new `tat` when the condition held (and no pause is on), undefined when it did not. */
  private async update(key: { pk: string; sk: string }, expression: string, condition: string, values: Record<string, number>, now: number): Promise<number | undefined> {
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: expression,
          ConditionExpression: `${condition} AND (attribute_not_exists(pausedUntil) OR pausedUntil <= :now)`,
          ExpressionAttributeValues: { ...values, ':now': now, ':expires': expiresAt(now) },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return typeof Attributes?.tat === 'number' ? Attributes.tat : now;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }
}

function expiresAt(ms: number): number {
  return Math.floor((ms + KEEP_MS) / 1000);
}

/**
 * The host budget every scan-account instance shares, on the audit table. In Lambda, `maxWaitMs` is a
 * few seconds: a longer wait stops the scan (it is delivered again later) instead of being billed asleep.
 */
export function dynamoDbHostBudget(settings: AwsSettings & { tableName: string } & HostBudgetOptions): HostBudget {
  const { tableName, region, endpoint, credentials, ...options } = settings;
  const client = DynamoDBDocumentClient.from(new DynamoDBClient(clientConfig({ region, endpoint, ...(credentials ? { credentials } : {}) })));
  return ledgerHostBudget(new DynamoDbHostLedger({ client, tableName }), options);
}
