import type { CouncilId } from '../domain/council';
import type { Platform } from '../domain/post';
import { normaliseHandle } from '../domain/account';

/**
 * The single table's key design, shared by the DynamoDB adapter, the local twin (which creates the
 * table) and the CDK stack (the table, and the IAM `dynamodb:LeadingKeys` conditions), so that all
 * three agree.
 *
 * Councils are tenants: every item of a council lives under its id, council first (`C#<id>…`), and so
 * does every index partition a council writes to, so no council can read another's items through a
 * key it can build, and 10,000 councils do not share one hot partition. The one partition they would
 * all share, the list of councils, is spread over COUNCIL_SHARDS partitions by a hash of the id.
 *
 * | entity        | pk                                    | sk                      | gsi1pk / gsi1sk                                  | gsi2pk / gsi2sk (sparse)                                  |
 * |---------------|---------------------------------------|-------------------------|--------------------------------------------------|-----------------------------------------------------------|
 * | council       | C#<c>                                 | COUNCIL                 | COUNCILS#<shard> / <c>                           |                                                           |
 * | configuration | C#<c>                                 | CONFIG#v<000001>        |                                                  |                                                           |
 * | (unversioned) | C#<c>                                 | CONFIG                  |                                                  |                                                           |
 * | account       | C#<c>#ACCOUNT#<platform>#<handle>     | ACCOUNT                 | C#<c>#ACCOUNTS / <platform>#<handle>             |                                                           |
 * | cursor        | C#<c>#ACCOUNT#<platform>#<handle>     | CURSOR                  |                                                  |                                                           |
 * | post          | C#<c>#ACCOUNT#<platform>#<handle>     | POST#<postId>           |                                                  |                                                           |
 * | chain head    | C#<c>#ACCOUNT#<platform>#<handle>     | CHAIN                   |                                                  |                                                           |
 * | chain link    | C#<c>#ACCOUNT#<platform>#<handle>     | LINK#<0000000001>       |                                                  |                                                           |
 * | scan run      | C#<c>#ACCOUNT#<platform>#<handle>     | RUN#<startedAt>#<runId> | C#<c>#RUNS#<week> / <startedAt>#<runId>          |                                                           |
 * | finding       | C#<c>#FINDING#<findingId>             | FINDING                 | C#<c>#FINDINGS#<week> / <severity>#<rule>#<id>   | C#<c>#OPEN / <week>#<severity>#<rule>#<id>, while open or acknowledged |
 * | finding event | C#<c>#FINDING#<findingId>             | EVENT#<at>#<status>     |                                                  |                                                           |
 * | digest        | C#<c>#DIGEST#<week>                   | DIGEST                  |                                                  |                                                           |
 * | report        | C#<c>#REPORT#<YYYY-MM>                | REPORT                  | C#<c>#REPORTS / <YYYY-MM>                        |                                                           |
 * | report email  | C#<c>#REPORT#<YYYY-MM>                | EMAIL                   |                                                  |                                                           |
 * | rules version | C#<c>#RULES#CHECKED                   | RULES                   |                                                  |                                                           |
 * | host budget   | HOST#<host>                           | BUDGET                  |                                                  |                                                           |
 *
 * A configuration is versioned: each push that changes it writes the next `CONFIG#v<n>` (n zero-padded
 * to six digits, so the sort key orders versions), holding the configuration and its change record
 * (who, when, what changed), on condition that it does not exist yet: of two pushes from the same
 * version one wins. The newest version is the council's configuration; the unversioned `CONFIG` item
 * is what was stored before versions were kept, read only while a council has no version.
 *
 * `<c>` is the council id (lower-case letters, digits and hyphens: never `#`), `<handle>` the
 * normalised handle (lower case, no leading @, `#` escaped as `%23`). Every record a council writes
 * carries `expiresAt` (TTL) by its retention settings, but for its registration, configuration
 * versions, accounts, cursors, chain heads and the rules version its posts were checked with, which
 * hold no copy of what was posted. An erased post
 * keeps its item as a tombstone (hash and chain fields, no content).
 *
 * A host budget is not a council's: one item per platform host (`<host>` as in a URL, port included:
 * `mastodon.social`, `public.api.bsky.app`, a council website's host), shared by every council's scans
 * and every Lambda instance, so that together they stay within the host's limits (see
 * shared/connectors/http/host-budget.ts). It carries `expiresAt` too, so a host no longer asked goes.
 */
export const TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLive: 'expiresAt',
  indexes: [
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
} as const;

/** Every council's partition keys begin with this, then the council id. */
export const COUNCIL_PREFIX = 'C#';

/** A platform host's request budget: the partition key begins with this, then the host. */
export const HOST_PREFIX = 'HOST#';

/** The request budget item of one platform host (URL.host: lower case, port included; never `#`). */
export function hostBudgetKey(host: string) {
  return { pk: `${HOST_PREFIX}${host.toLowerCase()}`, sk: 'BUDGET' };
}

/** The kinds of item under a council, each the part of the partition key after `C#<id>#`. */
export const ITEM_PREFIXES = {
  account: 'ACCOUNT#',
  finding: 'FINDING#',
  digest: 'DIGEST#',
  report: 'REPORT#',
  rules: 'RULES#',
} as const;

/**
 * `dynamodb:LeadingKeys` patterns (IAM StringLike) for one kind of item of any council: a function
 * granted only `findings` can write findings of every council, and no configuration, digest or report.
 * The council id holds no `#`, so `*` cannot stretch across the kind.
 */
export const LEADING_KEYS = {
  accounts: `${COUNCIL_PREFIX}*#${ITEM_PREFIXES.account}*`,
  findings: `${COUNCIL_PREFIX}*#${ITEM_PREFIXES.finding}*`,
  digests: `${COUNCIL_PREFIX}*#${ITEM_PREFIXES.digest}*`,
  reports: `${COUNCIL_PREFIX}*#${ITEM_PREFIXES.report}*`,
  /** The rules version each council's posts were last checked with (scan dispatch queues rescans by it). */
  rules: `${COUNCIL_PREFIX}*#${ITEM_PREFIXES.rules}*`,
  /** Every platform host's request budget (no council's item: scans of every council share them). */
  hosts: `${HOST_PREFIX}*`,
} as const;

/**
 * The `dynamodb:LeadingKeys` pattern of every council's items, of every kind (not one of LEADING_KEYS,
 * which each name one kind): the console's, where people act on their own council's records, its
 * registration and configuration included. It matches no platform host's budget.
 */
export const COUNCIL_LEADING_KEYS = `${COUNCIL_PREFIX}*`;

const CONFIG_VERSION_PREFIX = 'CONFIG#v';

/** How many partitions the list of councils is spread over. Listing reads them all; a write touches one. */
export const COUNCIL_SHARDS = 8;
const COUNCILS_INDEX = 'COUNCILS#';

/** The partitions of the councils list, one per shard (gsi1). */
export function councilsIndexPartitions(): string[] {
  return Array.from({ length: COUNCIL_SHARDS }, (_, shard) => `${COUNCILS_INDEX}${shard}`);
}

/** The registry item of a council: in the council's own partition, listed on one shard of gsi1. */
export function councilRegistryKeys(councilId: CouncilId) {
  return {
    key: { pk: `${COUNCIL_PREFIX}${councilId}`, sk: 'COUNCIL' },
    index: { gsi1pk: `${COUNCILS_INDEX}${shardOf(councilId)}`, gsi1sk: councilId },
  };
}

/** Every key of one council's items and index partitions. */
export function councilKeys(councilId: CouncilId) {
  const council = `${COUNCIL_PREFIX}${councilId}`;
  const accountPk = (platform: Platform, handle: string) => `${council}#${ITEM_PREFIXES.account}${accountId(platform, handle)}`;
  const findingPk = (findingId: string) => `${council}#${ITEM_PREFIXES.finding}${findingId}`;
  return {
    config: () => ({ pk: council, sk: 'CONFIG' }),
    configVersion: (version: number) => ({ pk: council, sk: `${CONFIG_VERSION_PREFIX}${String(version).padStart(6, '0')}` }),
    /** The sort-key prefix of the configuration's versions, in the council's partition. */
    configVersions: () => ({ pk: council, skPrefix: CONFIG_VERSION_PREFIX }),
    account: (platform: Platform, handle: string) => ({ pk: accountPk(platform, handle), sk: 'ACCOUNT' }),
    cursor: (platform: Platform, handle: string) => ({ pk: accountPk(platform, handle), sk: 'CURSOR' }),
    post: (platform: Platform, handle: string, postId: string) => ({ pk: accountPk(platform, handle), sk: `POST#${postId}` }),
    /** The sort-key prefix of an account's posts, in the account's partition. */
    posts: (platform: Platform, handle: string) => ({ pk: accountPk(platform, handle), skPrefix: 'POST#' }),
    /** The newest link of the account's hash chain. */
    chainHead: (platform: Platform, handle: string) => ({ pk: accountPk(platform, handle), sk: 'CHAIN' }),
    /** One link of the account's hash chain, its number zero-padded so the sort key orders them. */
    chainLink: (platform: Platform, handle: string, seq: number) => ({ pk: accountPk(platform, handle), sk: `LINK#${String(seq).padStart(10, '0')}` }),
    chainLinks: (platform: Platform, handle: string) => ({ pk: accountPk(platform, handle), skPrefix: 'LINK#' }),
    /** The prefix of every finding's partition key, for the rare full look-up an erasure needs. */
    findingsPrefix: () => `${council}#${ITEM_PREFIXES.finding}`,
    run: (platform: Platform, handle: string, startedAt: string, runId: string) => ({ pk: accountPk(platform, handle), sk: `RUN#${startedAt}#${runId}` }),
    finding: (findingId: string) => ({ pk: findingPk(findingId), sk: 'FINDING' }),
    findingEvent: (findingId: string, at: string, status: string) => ({ pk: findingPk(findingId), sk: `EVENT#${at}#${status}` }),
    /** The sort-key prefix of a finding's audit trail, in the finding's partition. */
    findingEvents: (findingId: string) => ({ pk: findingPk(findingId), skPrefix: 'EVENT#' }),
    digest: (week: string) => ({ pk: `${council}#${ITEM_PREFIXES.digest}${week}`, sk: 'DIGEST' }),
    report: (month: string) => ({ pk: `${council}#${ITEM_PREFIXES.report}${month}`, sk: 'REPORT' }),
    /** The claim to email a month's report to its recipients: beside the report, under the same IAM pattern. */
    reportEmail: (month: string) => ({ pk: `${council}#${ITEM_PREFIXES.report}${month}`, sk: 'EMAIL' }),
    /** The rules version the council's posts were last checked with. */
    rulesVersion: () => ({ pk: `${council}#${ITEM_PREFIXES.rules}CHECKED`, sk: 'RULES' }),

    /** gsi1: the council's accounts, by platform and handle. */
    accountsIndex: (platform: Platform, handle: string) => ({ gsi1pk: `${council}#ACCOUNTS`, gsi1sk: accountId(platform, handle) }),
    accountsPartition: () => `${council}#ACCOUNTS`,
    /** gsi1: the findings first detected in a week, by severity and rule. */
    findingsIndex: (week: string, severity: string, rule: string, findingId: string) => ({ gsi1pk: `${council}#FINDINGS#${week}`, gsi1sk: `${severity}#${rule}#${findingId}` }),
    findingsPartition: (week: string) => `${council}#FINDINGS#${week}`,
    /** gsi2 (sparse): findings still open or acknowledged; the sort key stays when the finding leaves. */
    openIndexSortKey: (week: string, severity: string, rule: string, findingId: string) => `${week}#${severity}#${rule}#${findingId}`,
    openPartition: () => `${council}#OPEN`,
    /** gsi1: the week's scan runs, in the order they started. */
    runsIndex: (week: string, startedAt: string, runId: string) => ({ gsi1pk: `${council}#RUNS#${week}`, gsi1sk: `${startedAt}#${runId}` }),
    runsPartition: (week: string) => `${council}#RUNS#${week}`,
    /** gsi1: the council's stored monthly reports, by month. */
    reportsIndex: (month: string) => ({ gsi1pk: `${council}#REPORTS`, gsi1sk: month }),
    reportsPartition: () => `${council}#REPORTS`,
  } as const;
}
export type CouncilKeys = ReturnType<typeof councilKeys>;

/**
 * The account's part of a key. A handle may hold `#` (a feed URL's fragment): it is escaped, so that
 * no account key can hold `#DIGEST#` or `#REPORT#` and slip under another kind's IAM pattern.
 */
function accountId(platform: Platform, handle: string): string {
  return `${platform}#${normaliseHandle(handle).replaceAll('%', '%25').replaceAll('#', '%23')}`;
}

/** FNV-1a: a stable, even spread of ids over the shards, the same in every runtime. */
function shardOf(councilId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < councilId.length; i += 1) {
    hash ^= councilId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % COUNCIL_SHARDS;
}

/**
 * The keys of what people decide about a council's findings and who may decide it (issue #11):
 *
 * | entity      | pk                      | sk                     |
 * |-------------|-------------------------|------------------------|
 * | suppression | C#<c>#SUPPRESSIONS      | SUPPRESSION#<fingerprint> |
 * | member      | C#<c>#MEMBERS           | MEMBER#<userId>        |
 *
 * Each kind is one partition per council, read whole by one query (a scan reads the suppressions;
 * the console the members), and under the council's id like everything of the council's.
 */
export const REVIEW_ITEM_PREFIXES = { suppressions: 'SUPPRESSIONS', members: 'MEMBERS' } as const;

export function councilReviewKeys(councilId: CouncilId) {
  const suppressions = `${COUNCIL_PREFIX}${councilId}#${REVIEW_ITEM_PREFIXES.suppressions}`;
  const members = `${COUNCIL_PREFIX}${councilId}#${REVIEW_ITEM_PREFIXES.members}`;
  return {
    suppression: (id: string) => ({ pk: suppressions, sk: `SUPPRESSION#${id}` }),
    suppressions: () => ({ pk: suppressions, skPrefix: 'SUPPRESSION#' }),
    member: (userId: string) => ({ pk: members, sk: `MEMBER#${userId}` }),
    members: () => ({ pk: members, skPrefix: 'MEMBER#' }),
  } as const;
}
