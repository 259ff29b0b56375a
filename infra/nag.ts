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
    [stateless.scanDispatch.function, stateless.scanAccount.function, stateless.weeklyDigest.function, stateless.monthlyReport.function, stateless.councilJobs.function, stateless.console.function.function],
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
  const functions = [stateless.scanDispatch, stateless.scanAccount, stateless.weeklyDigest, stateless.monthlyReport, stateless.councilJobs, stateless.console.function];
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
  NagSuppressions.addResourceSuppressions(
    policyOf(stateless.console.function.role),
    [
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'console may s3:GetObject (only) on objects under reports/ of the reports bucket, to serve the stored ' +
          'monthly reports on its reports page; the keys come from the REPORT records and change every month.',
        appliesTo: [reportObjects],
      },
    ],
    true,
  );
  acknowledgeConsoleNagFindings({ stateful, stateless });
}

/** The console's findings (issue #11): its user pool, API, distribution, assets bucket, secret and asset upload. */
function acknowledgeConsoleNagFindings({ stateful, stateless }: { stateful: StatefulStack; stateless: StatelessStack }): void {
  const console = stateless.console;
  NagSuppressions.addResourceSuppressions(stateful.consoleUsers.userPool, [
    {
      id: 'AwsSolutions-COG8',
      reason:
        'The pool is on the Essentials plan, which has the newer managed login; Plus (threat protection) is charged ' +
        'for every monthly active user with no free tier, and a deployment of thousands of councils has several ' +
        'people each. Every sign-in already needs an authenticator app (MFA required), self sign-up is off, and ' +
        'passwords are 12+ characters of four kinds; an operator may move the pool to Plus in the console.',
    },
  ]);
  // The API's one route, $default: every request goes to the console function.
  NagSuppressions.addResourceSuppressions(console.api.node.findChild('DefaultRoute').node.defaultChild!, [
    {
      id: 'AwsSolutions-APIG4',
      reason:
        'The console is a website, not an API for programs: its sign-in and sign-out pages must be reachable ' +
        'signed out, and a browser carries its session in an HttpOnly cookie, which no API Gateway authorizer ' +
        'reads. The console function verifies the session (issued after the Cognito authorization-code sign-in, ' +
        'tokens checked with aws-jwt-verify) and the role and council on every route.',
    },
  ]);
  NagSuppressions.addResourceSuppressions(console.assetsBucket, [
    {
      id: 'AwsSolutions-S1',
      reason:
        'The bucket holds only the console\'s public CSS, scripts and images; only CloudFront reads it (origin ' +
        'access control) and CloudFront\'s access logs record every request for them. It is written only by the ' +
        'deployment\'s upload.',
    },
  ]);
  NagSuppressions.addResourceSuppressions(console.originSecret, [
    {
      id: 'AwsSolutions-SMG4',
      reason:
        "The secret is the value CloudFront's origin header carries to the console; CloudFormation copies it into " +
        'the distribution at deployment, so a rotation function would leave CloudFront sending the old value. It is ' +
        'replaced by replacing the secret and redeploying.',
    },
  ]);
  NagSuppressions.addResourceSuppressions(console.secret, [
    {
      id: 'AwsSolutions-SMG4',
      reason:
        'The secret holds the session-signing key and the Cognito app client\'s secret, which CloudFormation ' +
        'copies in from the client: the client secret changes only when the client is replaced (and the secret ' +
        'with it), and a new session key signs everyone out. Both are replaced by redeploying, not by a rotation function.',
    },
  ]);
  const distribution = console.distribution;
  NagSuppressions.addResourceSuppressions(distribution, [
    {
      id: 'AwsSolutions-CFR1',
      reason:
        'No geographic restriction: councillors and clerks read the console from wherever they are, abroad ' +
        'included, and every page needs a Cognito sign-in with MFA.',
    },
    {
      id: 'AwsSolutions-CFR2',
      reason:
        'No WAF: a web ACL for CloudFront must be made in us-east-1 (a stack of its own) and costs a monthly fee ' +
        'per deployment. The console has no anonymous content but its sign-in redirect, the HTTP API behind it ' +
        'throttles requests, and Cognito\'s managed login protects the password step. An operator may attach a ' +
        'web ACL to the distribution.',
    },
    ...(console.node.tryFindChild('Certificate') === undefined
      ? [
          {
            id: 'AwsSolutions-CFR4',
            reason:
              'Without consoleUrl and consoleCertificateArn the console is served at its cloudfront.net address, whose ' +
              'default certificate CloudFront only offers with the TLSv1 policy; browsers negotiate TLS 1.2 or 1.3 ' +
              'with it. Giving the operator\'s own domain and certificate sets TLSv1.2_2021.',
          },
        ]
      : []),
  ]);

  // The asset upload is CDK's BucketDeployment: a custom resource whose function (Python, CDK's own)
  // copies the staged zip from the CDK assets bucket into the console's assets bucket.
  if (console.assetDeployments.length > 0) {
    const assetsBucketId = stateless.getLogicalId(console.assetsBucket.node.defaultChild as CfnBucket);
    NagSuppressions.addResourceSuppressions(
      policyOf(console.assetDeploymentRole),
      [
        {
          id: 'AwsSolutions-IAM5',
          reason:
            'CDK\'s BucketDeployment grants its own upload function read on the CDK assets bucket (GetBucket*, ' +
            'GetObject*, List* on the bucket and its objects, whose keys are content hashes) and read-write on the ' +
            'console\'s assets bucket (its objects are the assets, named by the console\'s list). The role is used ' +
            'by that function alone, only at deployment, and touches no other bucket.',
          appliesTo: [
            'Action::s3:GetBucket*',
            'Action::s3:GetObject*',
            'Action::s3:List*',
            'Action::s3:Abort*',
            'Action::s3:DeleteObject*',
            { regex: '/^Resource::arn:<AWS::Partition>:s3:::cdk-[a-z0-9]+-assets-.*\\/\\*$|^Resource::arn:aws:s3:::cdk-[a-z0-9]+-assets-.*\\/\\*$/' },
            { regex: `/^Resource::<${assetsBucketId}\\.Arn>\\/\\*$/` },
          ],
        },
      ],
      true,
    );
    const uploader = stateless.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (uploader) {
      NagSuppressions.addResourceSuppressions(uploader, [
        {
          id: 'AwsSolutions-L1',
          reason:
            'The function is CDK\'s own BucketDeployment handler (Python, with the AWS CLI layer), whose runtime ' +
            'aws-cdk-lib chooses and moves forward with its releases; it runs only while a deployment uploads the ' +
            'console\'s assets.',
        },
      ], true);
    }
  }
}

/** The policy CDK makes for a role's addToPrincipalPolicy statements (where IAM findings are reported). */
function policyOf(role: IConstruct): IConstruct {
  return role.node.findChild('DefaultPolicy');
}
