import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  UpdateCommand,
  type QueryCommandInput,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import * as z from '../zod';
import { AccountSchema, AccountValidationError, normaliseHandle, type Account, type AccountStatus } from '../domain/account';
import { parseCouncilConfig, type CouncilConfig } from '../domain/config';
import { ConfigVersionSchema, type ConfigVersion } from '../domain/config-version';
import { CouncilSchema, parseCouncil, parseCouncilId, type Council, type CouncilId } from '../domain/council';
import { AccountNotFoundError, FindingNotFoundError, issuesFromZod, PostNotStorableError, StoredItemValidationError, ValidationError } from '../domain/errors';
import type { Platform } from '../domain/post';
import { nextLink } from '../evidence/chain';
import {
  digestLeaseUntil,
  ChainHeadSchema,
  ChainLinkSchema,
  DigestRecordSchema,
  PostTombstoneSchema,
  type ChainHead,
  type ChainLink,
  type Erasure,
  type PostRecord,
  type PostTombstone,
  FindingEventSchema,
  ReportEmailRecordSchema,
  ReportRecordSchema,
  ScanRunSchema,
  StoredFindingSchema,
  StoredPostSchema,
  type DigestClaimOptions,
  type DigestRecord,
  type FindingEvent,
  type ReportEmailRecord,
  type ReportRecord,
  type ScanRun,
  type StoredFinding,
  type StoredPost,
} from '../domain/records';
import { ConfigVersionConflictError, FindingStatusChangedError, type AuditStore, type CouncilStore, type FindingStatus, type FindingStatusDetails } from './audit-store';
import { clientConfig, type AwsSettings } from '../runtime/aws';
import { councilKeys, councilRegistryKeys, councilReviewKeys, councilsIndexPartitions, type CouncilKeys } from './keys';
import { MemberSchema, type Member } from '../domain/member';
import { SuppressionSchema, type Suppression } from '../domain/suppression';

export { FindingNotFoundError, StoredItemValidationError };

export { FindingEventSchema, type FindingEvent };

export interface DynamoDbAuditStoreOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  /** Stamps audit-trail events and update times; the system clock unless a test fixes it. */
  clock?: () => Date;
}

/** The store on a DynamoDB table, with a client of its own. */
export function dynamoDbStore(settings: AwsSettings & { tableName: string; clock?: () => Date }): DynamoDbAuditStore {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient(clientConfig(settings)), { marshallOptions: { removeUndefinedValues: true } });
  return new DynamoDbAuditStore({ client, tableName: settings.tableName, ...(settings.clock ? { clock: settings.clock } : {}) });
}

const STILL_OPEN: ReadonlySet<FindingStatus> = new Set<FindingStatus>(['open', 'acknowledged']);

type Key = { pk: string; sk: string };
type Item = Record<string, unknown>;

/**
 * The table and what every read and write goes through. There are no transactions (dynalite has
 * none): every write is a single put, update or delete whose key is derived from the record and whose
 * condition makes a repeat harmless. Throttling and other service errors propagate so the caller's
 * queue retries; only a failed condition is turned into the port's documented answer.
 */
class Table {
  readonly client: DynamoDBDocumentClient;
  readonly name: string;
  private readonly clock: () => Date;

  constructor(options: DynamoDbAuditStoreOptions) {
    this.client = options.client;
    this.name = options.tableName;
    this.clock = options.clock ?? (() => new Date());
  }

  now(): string {
    return this.clock().toISOString();
  }

  async get(key: Key): Promise<Item | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.name, Key: key }));
    return Item;
  }

  async put(item: Key & Item): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.name, Item: withoutUndefined(item) }));
  }

  /** Every item a query matches, following LastEvaluatedKey past DynamoDB's 1 MB pages. */
  async queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(new QueryCommand({ ...input, TableName: this.name, ExclusiveStartKey: startKey }));
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  }

  /** Every item of one index partition. */
  async queryIndex(index: 'gsi1' | 'gsi2', partition: string): Promise<Item[]> {
    return this.queryAll({
      IndexName: index,
      KeyConditionExpression: `${index}pk = :pk`,
      ExpressionAttributeValues: { ':pk': partition },
    });
  }
}

/**
 * The AuditStore on one DynamoDB table (see keys.ts): the council registry, and each council's records
 * through its own view.
 */
export class DynamoDbAuditStore implements AuditStore {
  private readonly table: Table;

  constructor(options: DynamoDbAuditStoreOptions) {
    this.table = new Table(options);
  }

  forCouncil(councilId: CouncilId): DynamoDbCouncilStore {
    return new DynamoDbCouncilStore(this.table, parseCouncilId(councilId));
  }

  async putCouncil(council: Council): Promise<void> {
    const valid = parseCouncil(council);
    const { key, index } = councilRegistryKeys(valid.id);
    const schedule = { digestDay: valid.digestDay, digestTime: valid.digestTime, timezone: valid.timezone };
    // An update, not a put: registering a council again keeps when it was first registered.
    await this.table.client.send(
      new UpdateCommand({
        TableName: this.table.name,
        Key: key,
        ...updateExpression({
          set: { id: valid.id, name: valid.name, digestTo: valid.digestTo, ...schedule, ...index, updatedAt: this.table.now() },
          setIfMissing: { registeredAt: valid.registeredAt },
          // A schedule field the registration leaves out takes its default (see digestScheduleOf).
          remove: Object.keys(schedule).filter((field) => schedule[field as keyof typeof schedule] === undefined),
        }),
      }),
    );
  }

  async getCouncil(councilId: CouncilId): Promise<Council | undefined> {
    const { key } = councilRegistryKeys(parseCouncilId(councilId));
    const item = await this.table.get(key);
    return item && parseStored(CouncilSchema, item, key, 'council');
  }

  async listCouncils(): Promise<Council[]> {
    const shards = await Promise.all(councilsIndexPartitions().map((partition) => this.table.queryIndex('gsi1', partition)));
    return shards
      .flat()
      .map((item) => parseStored(CouncilSchema, item, keyOf(item), 'council'))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async removeCouncil(councilId: CouncilId): Promise<boolean> {
    const { key } = councilRegistryKeys(parseCouncilId(councilId));
    const { Attributes } = await this.table.client.send(new DeleteCommand({ TableName: this.table.name, Key: key, ReturnValues: 'ALL_OLD' }));
    return Attributes !== undefined;
  }
}

/** One council's records on the table: every key it builds starts with the council's own prefix. */
export class DynamoDbCouncilStore implements CouncilStore {
  private readonly keys: CouncilKeys;
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(
    private readonly table: Table,
    readonly councilId: CouncilId,
  ) {
    this.keys = councilKeys(councilId);
    this.client = table.client;
    this.tableName = table.name;
  }

  async putCouncilConfig(config: CouncilConfig): Promise<void> {
    await this.table.put({ ...this.keys.config(), config, updatedAt: this.now() });
  }

  async getCouncilConfig(): Promise<CouncilConfig | undefined> {
    const latest = await this.latestConfigVersion(false);
    if (latest) return latest.config;
    const key = this.keys.config();
    const item = await this.table.get(key);
    if (!item) return undefined;
    try {
      return parseCouncilConfig(item.config);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      throw new StoredItemValidationError(`invalid council configuration stored at ${describeKey(key)}`, prefixed('config', error), { cause: error });
    }
  }

  async putConfigVersion(version: ConfigVersion): Promise<void> {
    const valid = parseStored(ConfigVersionSchema, version, this.keys.configVersion(version.version), 'configuration version');
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: withoutUndefined({ ...this.keys.configVersion(valid.version), ...valid }),
          // The version number is the lock: of two pushes from the same version, one writes it.
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      throw new ConfigVersionConflictError(
        `version ${valid.version} of council ${this.councilId}'s configuration was stored by another push while this one ran; nothing of this push was stored: look at config history, then push again`,
        { cause: error },
      );
    }
  }

  async getConfigVersion(version?: number): Promise<ConfigVersion | undefined> {
    if (version === undefined) return this.latestConfigVersion(true);
    const key = this.keys.configVersion(version);
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    return Item && parseStored(ConfigVersionSchema, Item, key, 'configuration version');
  }

  async listConfigVersions(): Promise<ConfigVersion[]> {
    const versions = this.keys.configVersions();
    const items = await this.table.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :versions)',
      ExpressionAttributeValues: { ':pk': versions.pk, ':versions': versions.skPrefix },
      ConsistentRead: true,
    });
    return items.map((item) => parseStored(ConfigVersionSchema, item, keyOf(item), 'configuration version'));
  }

  /** The newest version: the last sort key under the prefix. Consistent for a push; scans may read a moment behind. */
  private async latestConfigVersion(consistent: boolean): Promise<ConfigVersion | undefined> {
    const versions = this.keys.configVersions();
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :versions)',
        ExpressionAttributeValues: { ':pk': versions.pk, ':versions': versions.skPrefix },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: consistent,
      }),
    );
    const item = Items?.[0];
    return item && parseStored(ConfigVersionSchema, item, keyOf(item), 'configuration version');
  }

  async putAccount(account: Account): Promise<void> {
    const key = this.keys.account(account.platform, account.handle);
    // An update, not a put: a re-registration must not wipe the Town Clerk's recorded approval.
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: key,
        ...updateExpression({
          set: {
            platform: account.platform,
            handle: account.handle,
            displayName: account.displayName,
            baseUrl: account.baseUrl,
            status: account.status,
            approvedBy: account.approvedBy,
            approvedOn: account.approvedOn,
            ...this.keys.accountsIndex(account.platform, account.handle),
            updatedAt: this.now(),
          },
          setIfMissing: { registeredAt: account.registeredAt },
        }),
      }),
    );
  }

  async getAccount(platform: Platform, handle: string): Promise<Account | undefined> {
    const key = this.keys.account(platform, handle);
    const item = await this.table.get(key);
    return item && parseStored(AccountSchema, item, key, 'account');
  }

  async listAccounts(): Promise<Account[]> {
    const items = await this.table.queryIndex('gsi1', this.keys.accountsPartition());
    return items.map((item) => parseStored(AccountSchema, item, keyOf(item), 'account'));
  }

  async approveAccount(platform: Platform, handle: string, approvedBy: string, approvedOn: string): Promise<Account> {
    const approval = ApprovalSchema.safeParse({ approvedBy, approvedOn });
    if (!approval.success) throw new AccountValidationError('invalid approval', issuesFromZod(approval.error, { approvedBy, approvedOn }));
    return this.updateAccount(platform, handle, { approvedBy, approvedOn }, 'register it before approving it');
  }

  async setAccountStatus(platform: Platform, handle: string, status: AccountStatus): Promise<Account> {
    return this.updateAccount(platform, handle, { status });
  }

  /** Sets fields of a registered account; an account that is not registered is an AccountNotFoundError, never created. */
  private async updateAccount(platform: Platform, handle: string, set: Item, hint?: string): Promise<Account> {
    const key = this.keys.account(platform, handle);
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          ...updateExpression({ set: { ...set, updatedAt: this.now() } }),
          ConditionExpression: 'attribute_exists(pk)',
          ReturnValues: 'ALL_NEW',
        }),
      );
      return parseStored(AccountSchema, Attributes ?? {}, key, 'account');
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      throw new AccountNotFoundError(`no ${platform} account ${handle} is registered${hint ? `: ${hint}` : ''}`, { cause: error });
    }
  }

  async removeAccount(platform: Platform, handle: string): Promise<Account | undefined> {
    // Only the registration goes: posts, findings and the cursor have keys of their own and stay.
    const key = this.keys.account(platform, handle);
    const { Attributes } = await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: key, ReturnValues: 'ALL_OLD' }));
    return Attributes && parseStored(AccountSchema, Attributes, key, 'account');
  }

  async getCursor(platform: Platform, handle: string): Promise<string | undefined> {
    const key = this.keys.cursor(platform, handle);
    const item = await this.table.get(key);
    return item && parseStored(CursorSchema, item, key, 'cursor').cursor;
  }

  async setCursor(platform: Platform, handle: string, cursor: string): Promise<void> {
    await this.table.put({ ...this.keys.cursor(platform, handle), cursor, updatedAt: this.now() });
  }

  async putPost(platform: Platform, handle: string, post: StoredPost): Promise<'created' | 'unchanged' | 'updated'> {
    const key = this.keys.post(platform, handle, post.post.id);
    // The version's link follows the account's chain head as read now; appendLink moves it on if
    // another capture took that place meanwhile.
    const head = await this.getChainHead(platform, handle);
    let link = nextLink(head, { postId: post.post.id, contentHash: post.contentHash, capturedAt: post.capturedAt });
    // capturedAt may carry any offset, so captures are ordered by epoch milliseconds, not as strings.
    const item = { ...key, ...post, capturedAtMs: Date.parse(post.capturedAt), seq: link.seq, previousHash: link.previousHash, chainHash: link.chainHash };
    let outcome: 'created' | 'unchanged' | 'updated';
    try {
      const { Attributes } = await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: withoutUndefined(item),
          // Written when new, or when an edit was captured after what is stored. A redelivered or
          // older capture leaves the stored (newer) content alone, and so does an erased post's
          // tombstone, whose hash is that of the content captured.
          ConditionExpression: 'attribute_not_exists(pk) OR (contentHash <> :contentHash AND capturedAtMs < :capturedAtMs)',
          ExpressionAttributeValues: { ':contentHash': post.contentHash, ':capturedAtMs': item.capturedAtMs },
          ReturnValues: 'ALL_OLD',
        }),
      );
      outcome = Attributes ? 'updated' : 'created';
    } catch (error) {
      // DynamoDB's refusal of the item itself (over 400 KB, a key too long): no retry will store it.
      if (error instanceof Error && error.name === 'ValidationException') {
        throw new PostNotStorableError(`post ${post.post.id} of ${platform} account ${handle} could not be stored: ${error.message}`, post.post.id, error.message, { cause: error });
      }
      if (!isConditionalCheckFailed(error)) throw error;
      outcome = 'unchanged';
    }
    if (outcome === 'unchanged') {
      // A retry after a crash between the post and its link completes the link; otherwise nothing.
      const stored = await this.consistentGet(key);
      const unlinked = stored?.chainHash !== undefined && stored.contentHash === post.contentHash && Number(stored.seq) === (head?.seq ?? 0) + 1 && stored.previousHash === link.previousHash;
      if (!unlinked) return outcome;
    }
    link = { ...link, ...(post.chainExpiresAt === undefined ? {} : { expiresAt: post.chainExpiresAt }) };
    await this.appendLink(platform, handle, link);
    return outcome;
  }

  /**
   * Appends a version's link to its account's chain: the link is written on condition that its place
   * is free (the place is the lock), then the head moves on to it. When another capture took the
   * place, the version is chained after that one instead, and its post item says so.
   */
  private async appendLink(platform: Platform, handle: string, first: ChainLink): Promise<void> {
    let link = first;
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const linkKey = this.keys.chainLink(platform, handle, link.seq);
      try {
        await this.client.send(new PutCommand({ TableName: this.tableName, Item: withoutUndefined({ ...linkKey, ...link }), ConditionExpression: 'attribute_not_exists(pk)' }));
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
        const taken = await this.consistentGet(linkKey);
        if (taken?.chainHash !== link.chainHash) {
          const after = parseStored(ChainLinkSchema, taken ?? {}, linkKey, 'chain link');
          link = { ...nextLink(after, link), ...(link.expiresAt === undefined ? {} : { expiresAt: link.expiresAt }) };
          const relink = updateExpression({ set: { seq: link.seq, previousHash: link.previousHash, chainHash: link.chainHash } });
          await this.client.send(
            new UpdateCommand({
              TableName: this.tableName,
              Key: this.keys.post(platform, handle, link.postId),
              ...relink,
              ConditionExpression: 'contentHash = :contentHash',
              ExpressionAttributeValues: { ...relink.ExpressionAttributeValues, ':contentHash': link.contentHash },
            }),
          );
          continue;
        }
      }
      try {
        await this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: this.keys.chainHead(platform, handle),
            UpdateExpression: 'SET seq = :seq, chainHash = :chainHash, updatedAt = :at',
            // The head only moves forward: a slower writer of an earlier link leaves it be.
            ConditionExpression: 'attribute_not_exists(pk) OR seq < :seq',
            ExpressionAttributeValues: { ':seq': link.seq, ':chainHash': link.chainHash, ':at': this.now() },
          }),
        );
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
      }
      return;
    }
    throw new Error(`could not append post ${first.postId} to the hash chain of ${platform} account ${handle}: too many captures at once`);
  }

  async getPost(platform: Platform, handle: string, postId: string): Promise<StoredPost | undefined> {
    const key = this.keys.post(platform, handle, postId);
    const item = await this.table.get(key);
    // An erased post is a tombstone: there is no copy to give.
    if (!item || item.erased !== undefined) return undefined;
    return parseStored(StoredPostSchema, item, key, 'post');
  }

  async listPosts(platform: Platform, handle: string): Promise<PostRecord[]> {
    const posts = this.keys.posts(platform, handle);
    const items = await this.table.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :posts)',
      ExpressionAttributeValues: { ':pk': posts.pk, ':posts': posts.skPrefix },
      ConsistentRead: true,
    });
    return items.map((item): PostRecord => (item.erased === undefined ? parseStored(StoredPostSchema, item, keyOf(item), 'post') : parseStored(PostTombstoneSchema, item, keyOf(item), 'post tombstone')));
  }

  async erasePost(platform: Platform, handle: string, postId: string, erasure: Erasure): Promise<PostTombstone | undefined> {
    const key = this.keys.post(platform, handle, postId);
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          // The copy goes; its hash, capture time and place in the chain stay, with who erased it.
          ...updateExpression({ set: { postId, erased: erasure }, remove: ['post'] }),
          ConditionExpression: 'attribute_exists(pk)',
          ReturnValues: 'ALL_NEW',
        }),
      );
      const tombstone = parseStored(PostTombstoneSchema, Attributes ?? {}, key, 'post tombstone');
      return tombstone;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return undefined;
      throw error;
    }
  }

  async eraseFindingEvidence(platform: Platform, handle: string, postId: string, evidence: string, erasure: Erasure): Promise<string[]> {
    // Findings are indexed by week, not by post: an erasure, rare and run by a person, reads the
    // council's findings once to find the post's.
    const items: Item[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new ScanCommand({
          TableName: this.tableName,
          FilterExpression: 'begins_with(pk, :findings) AND sk = :finding AND postId = :postId AND platform = :platform',
          ExpressionAttributeValues: { ':findings': this.keys.findingsPrefix(), ':finding': 'FINDING', ':postId': postId, ':platform': platform },
          ExclusiveStartKey: startKey,
        }),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    const changed: string[] = [];
    for (const item of items) {
      const finding = parseStored(StoredFindingSchema, item, keyOf(item), 'finding');
      if (normaliseHandle(finding.account) !== normaliseHandle(handle)) continue;
      await this.client.send(new UpdateCommand({ TableName: this.tableName, Key: this.keys.finding(finding.id), ...updateExpression({ set: { evidence, evidenceErased: erasure } }) }));
      const event: FindingEvent = {
        findingId: finding.id, status: finding.status, previousStatus: finding.status, by: erasure.by, at: erasure.at,
        note: `evidence erased: ${erasure.reason}`, expiresAt: finding.expiresAt,
      };
      await this.table.put({ ...this.keys.findingEvent(finding.id, erasure.at, finding.status), ...event });
      changed.push(finding.id);
    }
    return changed;
  }

  async markPostDeleted(platform: Platform, handle: string, postId: string, noticedAt: string): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.keys.post(platform, handle, postId),
          UpdateExpression: 'SET deletedNoticedAt = :at',
          // A copy (not a tombstone) not noticed gone before: the first noticing is the one recorded.
          ConditionExpression: 'attribute_exists(pk) AND attribute_exists(post) AND attribute_not_exists(deletedNoticedAt)',
          ExpressionAttributeValues: { ':at': noticedAt },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async clearPostDeleted(platform: Platform, handle: string, postId: string): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.keys.post(platform, handle, postId),
          UpdateExpression: 'REMOVE deletedNoticedAt',
          ConditionExpression: 'attribute_exists(post) AND attribute_exists(deletedNoticedAt)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async getChainHead(platform: Platform, handle: string): Promise<ChainHead | undefined> {
    const key = this.keys.chainHead(platform, handle);
    const item = await this.consistentGet(key);
    return item && parseStored(ChainHeadSchema, item, key, 'chain head');
  }

  /** A strongly consistent read, for the chain: its head and links are read just after being written. */
  private async consistentGet(key: Key): Promise<Item | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    return result?.Item;
  }

  async listChain(platform: Platform, handle: string): Promise<ChainLink[]> {
    const links = this.keys.chainLinks(platform, handle);
    const items = await this.table.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :links)',
      ExpressionAttributeValues: { ':pk': links.pk, ':links': links.skPrefix },
      ConsistentRead: true,
    });
    return items.map((item) => parseStored(ChainLinkSchema, item, keyOf(item), 'chain link'));
  }

  async putFinding(finding: StoredFinding): Promise<boolean> {
    const item = {
      ...this.keys.finding(finding.id),
      ...finding,
      ...this.keys.findingsIndex(finding.detectedWeek, finding.severity, finding.rule, finding.id),
      ...this.openIndexKeys(finding),
    };
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: withoutUndefined(item),
          // Never overwrite: the stored finding may already have been acknowledged or dismissed.
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async getFinding(findingId: string): Promise<StoredFinding | undefined> {
    const key = this.keys.finding(findingId);
    const item = await this.table.get(key);
    return item && parseStored(StoredFindingSchema, item, key, 'finding');
  }

  async setFindingStatus(findingId: string, status: FindingStatus, by: string, note?: string, details: FindingStatusDetails = {}): Promise<StoredFinding> {
    // Primary course: change the status (and the finding's place in the open index), then append
    // the audit-trail event. A retry after a crash between the two repeats both harmlessly.
    const key = this.keys.finding(findingId);
    const at = this.now();
    const { expectedStatus, ...recorded } = details;
    let previous: Item;
    try {
      const update = updateExpression({
        set: {
          status,
          statusChangedAt: at,
          ...(STILL_OPEN.has(status) ? { gsi2pk: this.keys.openPartition() } : {}),
          ...(details.automatic !== undefined && status === 'resolved' ? { resolvedAutomatically: details.automatic } : {}),
        },
        // A person's change after an automatic resolution (a reopening, say) is the person's.
        remove: [...(STILL_OPEN.has(status) ? [] : ['gsi2pk']), ...(details.automatic !== undefined && status === 'resolved' ? [] : ['resolvedAutomatically'])],
      });
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          ...update,
          ...(expectedStatus === undefined
            ? { ConditionExpression: 'attribute_exists(pk)' }
            : {
                ConditionExpression: 'attribute_exists(pk) AND #status = :expectedStatus',
                ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':expectedStatus': expectedStatus },
              }),
          ReturnValues: 'ALL_OLD',
        }),
      );
      previous = Attributes ?? {};
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      const current = expectedStatus === undefined ? undefined : await this.getFinding(findingId);
      if (current) throw new FindingStatusChangedError(findingId, current.status, expectedStatus!);
      throw new FindingNotFoundError(`no finding ${findingId} is stored: cannot mark it ${status}`, { cause: error });
    }
    const before = parseStored(StoredFindingSchema, previous, key, 'finding');
    // The audit trail is kept as long as its finding (the council's retention, as TTL).
    const event: FindingEvent = { findingId, status, previousStatus: before.status, by, at, note, ...recorded, expiresAt: before.expiresAt };
    await this.table.put({ ...this.keys.findingEvent(findingId, at, status), ...event });
    const { resolvedAutomatically: _previously, ...kept } = before;
    return { ...kept, status, statusChangedAt: at, ...(details.automatic !== undefined && status === 'resolved' ? { resolvedAutomatically: details.automatic } : {}) };
  }

  /** A finding's audit trail, oldest first (beyond the port: for reports and tests). */
  async listFindingEvents(findingId: string): Promise<FindingEvent[]> {
    const events = this.keys.findingEvents(findingId);
    const items = await this.table.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :events)',
      ExpressionAttributeValues: { ':pk': events.pk, ':events': events.skPrefix },
    });
    return items.map((item) => parseStored(FindingEventSchema, item, keyOf(item), 'finding event'));
  }

  async listFindingsDetectedIn(week: string): Promise<StoredFinding[]> {
    const items = await this.table.queryIndex('gsi1', this.keys.findingsPartition(week));
    return items.map((item) => parseStored(StoredFindingSchema, item, keyOf(item), 'finding'));
  }

  async listOpenFindings(): Promise<StoredFinding[]> {
    const items = await this.table.queryIndex('gsi2', this.keys.openPartition());
    return items.map((item) => parseStored(StoredFindingSchema, item, keyOf(item), 'finding'));
  }

  async recordScanRun(run: ScanRun): Promise<void> {
    // The key is the run's identity, so recording the same run twice writes the same item.
    await this.table.put({
      ...this.keys.run(run.platform, run.handle, run.startedAt, run.runId),
      ...run,
      ...this.keys.runsIndex(run.week, run.startedAt, run.runId),
    });
  }

  async listScanRuns(week: string): Promise<ScanRun[]> {
    const items = await this.table.queryIndex('gsi1', this.keys.runsPartition(week));
    return items.map((item) => parseStored(ScanRunSchema, item, keyOf(item), 'scan run'));
  }

  async claimDigest(week: string, at: string, options: DigestClaimOptions = {}): Promise<boolean> {
    return this.claimSending(this.keys.digest(week), { week }, at, options);
  }

  async markDigestSent(week: string, messageId: string, at: string): Promise<void> {
    await this.updateDigest(week, { status: 'sent', messageId, updatedAt: at }, ['error', 'leaseUntil']);
  }

  async markDigestFailed(week: string, error: string, at: string): Promise<void> {
    await this.updateDigest(week, { status: 'failed', error, updatedAt: at }, ['messageId', 'leaseUntil']);
  }

  async getDigest(week: string): Promise<DigestRecord | undefined> {
    const key = this.keys.digest(week);
    const item = await this.table.get(key);
    return item && parseStored(DigestRecordSchema, item, key, 'digest record');
  }

  async recordReport(report: ReportRecord): Promise<void> {
    const valid = ReportRecordSchema.parse(report);
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: withoutUndefined({ ...this.keys.report(valid.month), ...this.keys.reportsIndex(valid.month), ...valid }),
      }),
    );
  }

  async latestReport(): Promise<ReportRecord | undefined> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': this.keys.reportsPartition() },
        ScanIndexForward: false,
        Limit: 1,
      }),
    );
    const item = result.Items?.[0];
    return item && parseStored(ReportRecordSchema, item, keyOf(item), 'report record');
  }

  async claimReportEmail(month: string, at: string, options: DigestClaimOptions = {}): Promise<boolean> {
    return this.claimSending(this.keys.reportEmail(month), { month }, at, options);
  }

  async markReportEmailSent(month: string, messageId: string, at: string): Promise<void> {
    await this.updateReportEmail(month, { status: 'sent', messageId, updatedAt: at }, ['error', 'leaseUntil']);
  }

  async markReportEmailFailed(month: string, error: string, at: string): Promise<void> {
    await this.updateReportEmail(month, { status: 'failed', error, updatedAt: at }, ['messageId', 'leaseUntil']);
  }

  async getReportEmail(month: string): Promise<ReportEmailRecord | undefined> {
    const key = this.keys.reportEmail(month);
    const item = await this.table.get(key);
    return item && parseStored(ReportEmailRecordSchema, item, key, 'report email record');
  }

  /**
   * Claims an email for sending (a week's digest, a month's report email): only one sender at a time,
   * and never a second copy of one that went out; a claim whose lease has passed (its sender died) is
   * taken over. An operator's force takes any. False, changing nothing, when it may not be sent now.
   */
  private async claimSending(key: Key, names: Item, at: string, options: DigestClaimOptions): Promise<boolean> {
    const update = updateExpression({
      set: { ...names, status: 'sending', updatedAt: at, leaseUntil: digestLeaseUntil(at), expiresAt: options.expiresAt },
      remove: ['error', 'messageId'],
      add: { attempts: 1 },
    });
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          ...update,
          ...(options.force
            ? {}
            : {
                ConditionExpression:
                  'attribute_not_exists(pk) OR #status = :failed OR (#status = :sending AND (attribute_not_exists(#leaseUntil) OR #leaseUntil <= :now))',
                ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':failed': 'failed', ':sending': 'sending', ':now': new Date(at).toISOString() },
              }),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  private async updateReportEmail(month: string, set: Item, remove: string[]): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: this.keys.reportEmail(month),
        ...updateExpression({ set: { month, ...set }, setIfMissing: { attempts: 1 }, remove }),
      }),
    );
  }

  async listReports(): Promise<ReportRecord[]> {
    const items = await this.table.queryIndex('gsi1', this.keys.reportsPartition());
    return items.map((item) => parseStored(ReportRecordSchema, item, keyOf(item), 'report record')).sort((a, b) => b.month.localeCompare(a.month));
  }

  private async updateDigest(week: string, set: Item, remove: string[]): Promise<void> {
    // Upserts a complete record, so an outcome reported without a claim still reads back valid.
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: this.keys.digest(week),
        ...updateExpression({ set: { week, ...set }, setIfMissing: { attempts: 1 }, remove }),
      }),
    );
  }

  private openIndexKeys(finding: StoredFinding): Item {
    // gsi2sk is always present; gsi2pk only while the finding needs attention (a sparse index).
    const gsi2sk = this.keys.openIndexSortKey(finding.detectedWeek, finding.severity, finding.rule, finding.id);
    return STILL_OPEN.has(finding.status) ? { gsi2pk: this.keys.openPartition(), gsi2sk } : { gsi2sk };
  }

  private now(): string {
    return this.table.now();
  }

  // Suppressions and members (issue #11): each a partition of the council's, read whole.

  private get reviewKeys() {
    return councilReviewKeys(this.councilId);
  }

  async putSuppression(suppression: Suppression): Promise<boolean> {
    const parsed = SuppressionSchema.parse(suppression);
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: withoutUndefined({ ...this.reviewKeys.suppression(parsed.id), ...parsed }),
          // A lifted suppression may be replaced by a new one; an active one is never overwritten.
          ConditionExpression: 'attribute_not_exists(pk) OR attribute_exists(liftedAt)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async listSuppressions(): Promise<Suppression[]> {
    return this.queryPrefix(this.reviewKeys.suppressions(), SuppressionSchema, 'suppression');
  }

  async removeSuppression(id: string, by: string, byName?: string): Promise<Suppression | undefined> {
    const key = this.reviewKeys.suppression(id);
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          ...updateExpression({ set: { liftedBy: by, liftedByName: byName, liftedAt: this.now() } }),
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(liftedAt)',
          ReturnValues: 'ALL_NEW',
        }),
      );
      return parseStored(SuppressionSchema, Attributes ?? {}, key, 'suppression');
    } catch (error) {
      if (isConditionalCheckFailed(error)) return undefined;
      throw error;
    }
  }

  async getRulesVersion(): Promise<string | undefined> {
    const key = this.keys.rulesVersion();
    const item = await this.consistentGet(key);
    return item && parseStored(RulesVersionSchema, item, key, 'rules version').version;
  }

  async claimRulesVersion(version: string, at: string): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...this.keys.rulesVersion(), version, at },
          ConditionExpression: 'attribute_not_exists(pk) OR version <> :version',
          ExpressionAttributeValues: { ':version': version },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async releaseRulesVersion(version: string, at: string): Promise<void> {
    try {
      await this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: this.keys.rulesVersion(),
          ConditionExpression: 'version = :version AND #at = :at',
          ExpressionAttributeNames: { '#at': 'at' },
          ExpressionAttributeValues: { ':version': version, ':at': at },
        }),
      );
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }

  async putMember(member: Member): Promise<void> {
    const parsed = MemberSchema.parse(member);
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: this.reviewKeys.member(parsed.userId),
        ...updateExpression({
          set: { userId: parsed.userId, name: parsed.name, role: parsed.role },
          setIfMissing: { addedBy: parsed.addedBy, addedAt: parsed.addedAt },
        }),
      }),
    );
  }

  async getMember(userId: string): Promise<Member | undefined> {
    const key = this.reviewKeys.member(userId);
    const item = await this.table.get(key);
    return item && parseStored(MemberSchema, item, key, 'member');
  }

  async listMembers(): Promise<Member[]> {
    return this.queryPrefix(this.reviewKeys.members(), MemberSchema, 'member');
  }

  async removeMember(userId: string): Promise<Member | undefined> {
    const key = this.reviewKeys.member(userId);
    const { Attributes } = await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: key, ReturnValues: 'ALL_OLD' }));
    return Attributes && parseStored(MemberSchema, Attributes, key, 'member');
  }

  private async queryPrefix<T>(where: { pk: string; skPrefix: string }, schema: z.ZodMiniType<T>, what: string): Promise<T[]> {
    const items = await this.table.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': where.pk, ':prefix': where.skPrefix },
    });
    return items.map((item) => parseStored(schema, item, keyOf(item), what));
  }
}

const CursorSchema = z.object({ cursor: z.string() });
const RulesVersionSchema = z.object({ version: z.string(), at: z.string() });
const ApprovalSchema = z.required(z.pick(AccountSchema, { approvedBy: true, approvedOn: true }));


interface UpdateParts {
  /** Attributes to set; undefined values are left as they are. */
  set?: Item;
  /** Attributes set only when the item does not have them yet. */
  setIfMissing?: Item;
  remove?: readonly string[];
  add?: Record<string, number>;
}

/** An UpdateExpression with every attribute name escaped (`status` is a reserved word). */
function updateExpression(parts: UpdateParts): Pick<UpdateCommandInput, 'UpdateExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const name = (attribute: string) => {
    names[`#${attribute}`] = attribute;
    return `#${attribute}`;
  };
  const value = (attribute: string, v: unknown) => {
    values[`:${attribute}`] = withoutUndefined(v);
    return `:${attribute}`;
  };
  const sets = [
    ...Object.entries(parts.set ?? {})
      .filter(([, v]) => v !== undefined)
      .map(([attribute, v]) => `${name(attribute)} = ${value(attribute, v)}`),
    ...Object.entries(parts.setIfMissing ?? {}).map(
      ([attribute, v]) => `${name(attribute)} = if_not_exists(${name(attribute)}, ${value(attribute, v)})`,
    ),
  ];
  const removes = (parts.remove ?? []).map(name);
  const adds = Object.entries(parts.add ?? {}).map(([attribute, v]) => `${name(attribute)} ${value(attribute, v)}`);
  const clauses = [
    sets.length > 0 ? `SET ${sets.join(', ')}` : '',
    removes.length > 0 ? `REMOVE ${removes.join(', ')}` : '',
    adds.length > 0 ? `ADD ${adds.join(', ')}` : '',
  ].filter(Boolean);
  return {
    UpdateExpression: clauses.join(' '),
    ExpressionAttributeNames: names,
    ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
  };
}

function isConditionalCheckFailed(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

function parseStored<T>(schema: z.ZodMiniType<T>, item: Item, key: Key, what: string): T {
  const result = schema.safeParse(item);
  if (!result.success) {
    throw new StoredItemValidationError(`invalid ${what} stored at ${describeKey(key)}`, issuesFromZod(result.error, item));
  }
  return result.data;
}

function keyOf(item: Item): Key {
  return { pk: String(item.pk), sk: String(item.sk) };
}

function describeKey(key: Key): string {
  return `pk=${key.pk} sk=${key.sk}`;
}

function prefixed(field: string, error: ValidationError) {
  return error.issues.map((issue) => ({ ...issue, field: issue.field === '' ? field : `${field}.${issue.field}` }));
}

/** Drops undefined values (optional fields) at any depth: DynamoDB cannot store them. */
function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(withoutUndefined) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, withoutUndefined(v)]),
    ) as T;
  }
  return value;
}
