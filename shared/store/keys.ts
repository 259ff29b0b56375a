import type { Platform } from '../domain/post';
import { normaliseHandle } from '../domain/account';

/**
 * The single table's key design, shared by the DynamoDB adapter, the local twin (which creates the
 * table) and the CDK stack, so that all three agree. Access patterns:
 *
 * | entity       | pk                              | sk                          | gsi1pk / gsi1sk                       | gsi2pk (sparse)   |
 * |--------------|---------------------------------|-----------------------------|---------------------------------------|-------------------|
 * | council      | COUNCIL                         | CONFIG                      |                                       |                   |
 * | account      | ACCOUNT#<platform>#<handle>     | ACCOUNT                     | ACCOUNTS / <platform>#<handle>        |                   |
 * | cursor       | ACCOUNT#<platform>#<handle>     | CURSOR                      |                                       |                   |
 * | post         | ACCOUNT#<platform>#<handle>     | POST#<postId>               |                                       |                   |
 * | scan run     | ACCOUNT#<platform>#<handle>     | RUN#<startedAt>#<runId>     | RUNS#<week> / <startedAt>#<runId>     |                   |
 * | finding      | FINDING#<findingId>             | FINDING                     | FINDINGS#<week> / <severity>#<rule>#<id> | OPEN / <week>#<severity>#<rule>#<id>, while open or acknowledged |
 * | finding event| FINDING#<findingId>             | EVENT#<at>#<status>         |                                       |                   |
 * | digest       | DIGEST#<week>                   | DIGEST                      |                                       |                   |
 * | report       | REPORT#<YYYY-MM>                | REPORT                      | REPORTS / <YYYY-MM>                   |                   |
 *
 * `<handle>` is the normalised handle (lower case, no leading @). Posts carry `expiresAt` (TTL).
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

export const keys = {
  council: () => ({ pk: 'COUNCIL', sk: 'CONFIG' }),
  accountPk: (platform: Platform, handle: string) => `ACCOUNT#${platform}#${normaliseHandle(handle)}`,
  account: (platform: Platform, handle: string) => ({ pk: keys.accountPk(platform, handle), sk: 'ACCOUNT' }),
  cursor: (platform: Platform, handle: string) => ({ pk: keys.accountPk(platform, handle), sk: 'CURSOR' }),
  post: (platform: Platform, handle: string, postId: string) => ({ pk: keys.accountPk(platform, handle), sk: `POST#${postId}` }),
  run: (platform: Platform, handle: string, startedAt: string, runId: string) => ({
    pk: keys.accountPk(platform, handle),
    sk: `RUN#${startedAt}#${runId}`,
  }),
  finding: (findingId: string) => ({ pk: `FINDING#${findingId}`, sk: 'FINDING' }),
  findingEvent: (findingId: string, at: string, status: string) => ({ pk: `FINDING#${findingId}`, sk: `EVENT#${at}#${status}` }),
  digest: (week: string) => ({ pk: `DIGEST#${week}`, sk: 'DIGEST' }),
  report: (month: string) => ({ pk: `REPORT#${month}`, sk: 'REPORT' }),
} as const;
