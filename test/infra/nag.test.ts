import { rmSync } from 'node:fs';
import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { applyNagChecks } from '../../infra/nag';

describe('the cdk-nag wiring', () => {
  it('reports a resource that breaks the AwsSolutions rules (so an empty report means something)', () => {
    // Prepare: a queue with no encryption, no TLS policy and no dead-letter queue
    const app = new App();
    const stack = new Stack(app, 'Careless');
    new sqs.Queue(stack, 'Queue', { encryption: sqs.QueueEncryption.UNENCRYPTED });

    // Act
    applyNagChecks(app);
    const errors = Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*'));
    rmSync(app.outdir, { recursive: true, force: true });

    // Assess
    const rules = errors.map((e) => String(e.entry.data).split(':')[0]);
    expect(rules).toEqual(expect.arrayContaining(['AwsSolutions-SQS2', 'AwsSolutions-SQS3', 'AwsSolutions-SQS4']));
  });
});
