import { Aspects, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NagSuppressions } from 'cdk-nag';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { REPORTS_PREFIX, type StatefulStack } from './stateful-stack';
import type { StatelessStack } from './stateless-stack';
import type { IConstruct } from 'constructs';

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
        'This queue is itself a dead-letter queue: the DeadLetterConfig of the EventBridge Scheduler ' +
        'schedules and the on-failure destination of the functions they invoke, which cdk-nag does not ' +
        'recognise (it only sees SQS redrive policies). It is alarmed on.',
    },
  ]);

  NagSuppressions.addResourceSuppressions(
    [stateless.scanDispatch.function, stateless.scanAccount.function, stateless.weeklyDigest.function, stateless.monthlyReport.function, stateless.councilJobs.function],
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

  // X-Ray's PutTraceSegments and PutTelemetryRecords take no resource but "*": the statement CDK adds
  // to each function's role for active tracing, and nothing else in those policies, may name it.
  const functions = [stateless.scanDispatch, stateless.scanAccount, stateless.weeklyDigest, stateless.monthlyReport, stateless.councilJobs];
  NagSuppressions.addResourceSuppressions(
    functions.map((fn) => policyOf(fn.role)),
    [
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level ' +
          'permissions, so AWS requires Resource "*" for them; the statement grants those two actions only.',
        appliesTo: ['Resource::*'],
      },
    ],
    true,
  );

  // The only other wildcard in any function's policy: the objects under reports/ of the one reports bucket,
  // whose keys (reports/<YYYY-MM>/...) are only known when a report is made. Each action is named.
  const reportsBucketId = stateful.getLogicalId(stateful.reportsBucket.node.defaultChild as CfnBucket);
  // Matched as a pattern: the ARN is written <Id.Arn> on the first synthesis and as the stateful
  // stack's output (a weak cross-stack reference) when the app is synthesised again.
  const reportObjects = { regex: `/^Resource::.*${reportsBucketId}\\.?Arn.*\\/${REPORTS_PREFIX.replaceAll('/', '\\/')}\\*$/` };
  NagSuppressions.addResourceSuppressions(
    policyOf(stateless.monthlyReport.role),
    [
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'monthly-report may s3:PutObject (and nothing else in S3) on objects under reports/ of the reports bucket: ' +
          'each month adds new keys, reports/<YYYY-MM>/..., so the resource names the prefix, not the objects.',
        appliesTo: [reportObjects],
      },
    ],
    true,
  );
  NagSuppressions.addResourceSuppressions(
    policyOf(stateless.weeklyDigest.role),
    [
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'weekly-digest may s3:GetObject (only) on objects under reports/ of the reports bucket, to sign the ' +
          'link to the latest monthly report; the key comes from the REPORT record and changes every month.',
        appliesTo: [reportObjects],
      },
    ],
    true,
  );
}

/** The policy CDK makes for a role's addToPrincipalPolicy statements (where IAM findings are reported). */
function policyOf(role: IConstruct): IConstruct {
  return role.node.findChild('DefaultPolicy');
}
