import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { DigestRequest } from '../../shared/queue/council-jobs';
import { sqsJobQueue } from '../../shared/queue/sqs-job-queue';

const sqs = mockClient(SQSClient);
afterEach(() => sqs.reset());

const queue = () =>
  sqsJobQueue<DigestRequest>({
    region: 'eu-west-2',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    queueUrl: 'https://sqs.eu-west-2.amazonaws.com/111111111111/digests',
    what: 'digest request',
    describe: (r) => `${r.council} ${r.week}`,
  });
const requests: DigestRequest[] = Array.from({ length: 12 }, (_, i) => ({ council: `parish-${String(i).padStart(2, '0')}`, week: '2026-W47' }));

describe('the job queue on SQS', () => {
  it('sends one JSON message per council, ten to a batch', async () => {
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });

    await queue().send(requests);

    const batches = sqs.commandCalls(SendMessageBatchCommand).map((call) => call.args[0].input.Entries!.map((e) => JSON.parse(e.MessageBody!) as DigestRequest));
    expect(batches.map((b) => b.length)).toEqual([10, 2]);
    expect(batches.flat()).toEqual(requests);
  });

  it('sends every batch even when SQS refuses a message, then names each refused council', async () => {
    sqs.on(SendMessageBatchCommand).resolvesOnce({ Successful: [], Failed: [{ Id: '3', Code: 'InternalError', SenderFault: false }] }).resolves({ Successful: [], Failed: [] });

    await expect(queue().send(requests)).rejects.toThrow('SQS refused 1 digest request(s): parish-03 2026-W47 (InternalError)');
    expect(sqs.commandCalls(SendMessageBatchCommand)).toHaveLength(2);
  });
});
