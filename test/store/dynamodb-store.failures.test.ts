import { ConditionalCheckFailedException, DynamoDBClient, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { AccountNotFoundError } from '../../shared/domain/errors';
import { DynamoDbAuditStore, FindingNotFoundError, StoredItemValidationError } from '../../shared/store/dynamodb-store';
import { councilKeys } from '../../shared/store/keys';
import { makeFinding, MASTODON_HANDLE, storedPost } from './store-fixtures';

const documents = mockClient(DynamoDBDocumentClient);
const store = new DynamoDbAuditStore({
  client: DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-2', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } })),
  tableName: 'audit-failures',
}).forCouncil('harbourne-tc');
const keys = councilKeys('harbourne-tc');

beforeEach(() => {
  documents.reset();
});

afterAll(() => {
  documents.restore();
});

function throttled() {
  return new ProvisionedThroughputExceededException({ message: 'The level of configured provisioned throughput for the table was exceeded', $metadata: {} });
}

function conditionFailed() {
  return new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
}

describe('when DynamoDB throttles', () => {
  it('putFinding lets the error reach the caller, so the queue retries the message', async () => {
    // Prepare
    documents.on(PutCommand).rejects(throttled());

    // Act
    const storing = store.putFinding(makeFinding());

    // Assess
    await expect(storing).rejects.toBeInstanceOf(ProvisionedThroughputExceededException);
  });

  it('claimDigest does not mistake it for a digest already claimed', async () => {
    // Prepare
    documents.on(UpdateCommand).rejects(throttled());

    // Act
    const claiming = store.claimDigest('2026-W06', '2026-02-09T08:00:00Z');

    // Assess
    await expect(claiming).rejects.toBeInstanceOf(ProvisionedThroughputExceededException);
  });

  it('putPost does not mistake it for content already stored', async () => {
    // Prepare
    documents.on(PutCommand).rejects(throttled());

    // Act
    const storing = store.putPost('mastodon', MASTODON_HANDLE, storedPost());

    // Assess
    await expect(storing).rejects.toBeInstanceOf(ProvisionedThroughputExceededException);
  });

  it('a listing fails rather than returning the pages read so far', async () => {
    // Prepare
    documents
      .on(QueryCommand)
      .resolvesOnce({ Items: [{ ...keys.finding('f-1'), ...makeFinding({ id: 'f-1' }) }], LastEvaluatedKey: keys.finding('f-1') })
      .rejectsOnce(throttled());

    // Act
    const listing = store.listFindingsDetectedIn('2026-W06');

    // Assess
    await expect(listing).rejects.toBeInstanceOf(ProvisionedThroughputExceededException);
  });
});

describe('when a write condition fails', () => {
  it('putFinding answers false: the finding is already stored', async () => {
    // Prepare
    documents.on(PutCommand).rejects(conditionFailed());

    // Act
    const stored = await store.putFinding(makeFinding());

    // Assess
    expect(stored).toBe(false);
    expect(documents.commandCalls(PutCommand)[0]?.args[0].input.ConditionExpression).toBe('attribute_not_exists(pk)');
  });

  it('putPost answers unchanged', async () => {
    documents.on(PutCommand).rejects(conditionFailed());
    expect(await store.putPost('mastodon', MASTODON_HANDLE, storedPost())).toBe('unchanged');
  });

  it('claimDigest answers false: the digest is being or has been sent', async () => {
    documents.on(UpdateCommand).rejects(conditionFailed());
    expect(await store.claimDigest('2026-W06', '2026-02-09T08:00:00Z')).toBe(false);
  });

  it('approveAccount says the account is not registered', async () => {
    // Prepare
    documents.on(UpdateCommand).rejects(conditionFailed());

    // Act
    const approving = store.approveAccount('mastodon', MASTODON_HANDLE, 'Town Clerk', '2026-02-09');

    // Assess
    await expect(approving).rejects.toBeInstanceOf(AccountNotFoundError);
    await expect(approving).rejects.toThrow(`no mastodon account ${MASTODON_HANDLE} is registered`);
  });

  it('setFindingStatus says the finding is not stored, and writes no audit event', async () => {
    // Prepare
    documents.on(UpdateCommand).rejects(conditionFailed());

    // Act
    const changing = store.setFindingStatus('f-unknown', 'resolved', 'Town Clerk');

    // Assess
    await expect(changing).rejects.toBeInstanceOf(FindingNotFoundError);
    expect(documents.commandCalls(PutCommand)).toHaveLength(0);
  });
});

describe('reading', () => {
  it('follows LastEvaluatedKey until the last page', async () => {
    // Prepare
    const lastOfFirstPage = { ...keys.finding('f-1'), gsi1pk: 'C#harbourne-tc#FINDINGS#2026-W06', gsi1sk: 'high#personal-data#f-1' };
    documents
      .on(QueryCommand)
      .resolvesOnce({ Items: [{ ...keys.finding('f-1'), ...makeFinding({ id: 'f-1' }) }], LastEvaluatedKey: lastOfFirstPage })
      .resolvesOnce({ Items: [{ ...keys.finding('f-2'), ...makeFinding({ id: 'f-2' }) }] });

    // Act
    const findings = await store.listFindingsDetectedIn('2026-W06');

    // Assess
    expect(findings.map((finding) => finding.id)).toEqual(['f-1', 'f-2']);
    const pages = documents.commandCalls(QueryCommand).map((call) => call.args[0].input.ExclusiveStartKey);
    expect(pages).toEqual([undefined, lastOfFirstPage]);
  });

  it('names the key and the missing field of a corrupt item', async () => {
    // Prepare
    const { detectedWeek: _missing, ...withoutWeek } = makeFinding({ id: 'f-corrupt' });
    documents.on(GetCommand).resolves({ Item: { ...keys.finding('f-corrupt'), ...withoutWeek } });

    // Act
    const reading = store.getFinding('f-corrupt');

    // Assess
    await expect(reading).rejects.toBeInstanceOf(StoredItemValidationError);
    await expect(reading).rejects.toThrow('invalid finding stored at pk=C#harbourne-tc#FINDING#f-corrupt sk=FINDING: detectedWeek: is missing');
  });
});
