import { Aspects, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NagSuppressions } from 'cdk-nag';
import type { StatefulStack } from './stateful-stack';
import type { StatelessStack } from './stateless-stack';

/** Runs the AWS Solutions rules over every construct of the app at synthesis. */
export function applyNagChecks(app: App): void {
  Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
}

/**
 * Every finding the product accepts instead of fixing, each on the one resource it concerns and with
 * the reason. Anything not listed here fails `cdk synth` and the infra tests.
 */
export function acknowledgeNagFindings({ stateful, stateless }: { stateful: StatefulStack; stateless: StatelessStack }): void {
  NagSuppressions.addResourceSuppressions(stateful.platformSecret, [
    {
      id: 'AwsSolutions-SMG4',
      reason:
        'The secret holds API tokens issued by the social media platforms to the council; they can only be ' +
        're-issued through each platform\'s own consent flow, so there is no rotation function to schedule. ' +
        'Operators replace them when a platform expires or revokes them.',
    },
  ]);

  NagSuppressions.addResourceSuppressions(stateless.scheduleDeadLetterQueue, [
    {
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself a dead-letter queue: the DeadLetterConfig of the two EventBridge Scheduler ' +
        'schedules, which cdk-nag does not recognise (it only sees SQS redrive policies). It is alarmed on.',
    },
  ]);

  NagSuppressions.addResourceSuppressions(
    [stateless.scanDispatch.function, stateless.scanAccount.function, stateless.weeklyDigest.function],
    [
      {
        id: 'AwsSolutions-L1',
        reason:
          'Node.js 22 is the runtime the project targets and tests against (STYLE.md; the toolchain pins ' +
          'vitest 4, msw 2 and undici 7, whose next majors need Node 22.12+/24). Node 22 is in AWS support; ' +
          'the move to Node 24 is one line in infra/constructs/council-function.ts, made with the toolchain.',
      },
    ],
  );
}
