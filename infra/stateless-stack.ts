import { Duration, Stack, TimeZone, type StackProps } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { TABLE_KEYS } from '../shared/store/keys';
import { CouncilFunction } from './constructs/council-function';

export interface StatelessStackProps extends StackProps {
  readonly table: dynamodb.ITable;
  readonly platformSecret: secretsmanager.ISecret;
  readonly emailIdentity: ses.IEmailIdentity;
  readonly configurationSet: ses.IConfigurationSet;
  readonly configurationSetArn: string;
  /** EventBridge Scheduler expression for dispatching scans, e.g. `rate(1 hour)`. */
  readonly scanSchedule: string;
  /** Bare address the digest is sent from (must be on the verified domain). */
  readonly digestFrom: string;
  /** Recipients of the digest, comma-separated. */
  readonly digestTo: string;
  readonly retentionDays: number;
  readonly logLevel: string;
  /** Optional address subscribed to the alarm topic. */
  readonly alarmEmail?: string;
}

/**
 * The scheduler's Lambda target, granted lambda:InvokeFunction on the unqualified function only:
 * the stock target also grants `<arn>:*` (every version and alias), which the schedules never call.
 */
class InvokeUnqualifiedFunction extends schedulerTargets.LambdaInvoke {
  constructor(
    private readonly invoked: lambda.IFunction,
    props: schedulerTargets.ScheduleTargetBaseProps,
  ) {
    super(invoked, props);
  }

  protected override addTargetActionToRole(role: iam.IRole): void {
    this.invoked.grantInvokeLatestVersion(role);
  }
}

const SERVICE_NAME = 'council-audit';
const SCAN_ACCOUNT_TIMEOUT = Duration.minutes(2);
/** Monday 08:00 UK time, summer or winter. */
export const DIGEST_SCHEDULE = 'cron(0 8 ? * MON *)';

/**
 * What can be replaced at will: the three functions, their schedules, the scan queue and the alarms.
 * Each function's role is written out statement by statement, for the items it touches and no others.
 */
export class StatelessStack extends Stack {
  readonly scanDispatch: CouncilFunction;
  readonly scanAccount: CouncilFunction;
  readonly weeklyDigest: CouncilFunction;
  readonly scanQueue: sqs.Queue;
  readonly scanDeadLetterQueue: sqs.Queue;
  readonly scheduleDeadLetterQueue: sqs.Queue;
  readonly scanSchedule: scheduler.Schedule;
  readonly digestSchedule: scheduler.Schedule;
  readonly alarmTopic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { table } = props;
    const tableName = table.tableName;
    const indexArn = (name: string) => `${table.tableArn}/index/${name}`;
    const allIndexArns = TABLE_KEYS.indexes.map((index) => indexArn(index.name));
    const accountsIndex = TABLE_KEYS.indexes[0].name; // gsi1: ACCOUNTS / <platform>#<handle>

    // --- Queue between dispatch and per-account scans -------------------------------------------
    this.scanDeadLetterQueue = new sqs.Queue(this, 'ScanDeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.scanQueue = new sqs.Queue(this, 'ScanQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // AWS's guidance for SQS-triggered functions: at least six times the function's timeout.
      visibilityTimeout: Duration.seconds(SCAN_ACCOUNT_TIMEOUT.toSeconds() * 6),
      retentionPeriod: Duration.days(1),
      deadLetterQueue: { queue: this.scanDeadLetterQueue, maxReceiveCount: 3 },
    });
    // Invocations the scheduler could not deliver after its retries.
    this.scheduleDeadLetterQueue = new sqs.Queue(this, 'ScheduleDeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });

    // --- Functions ------------------------------------------------------------------------------
    const common = { serviceName: SERVICE_NAME, logLevel: props.logLevel };
    const retention = String(props.retentionDays);

    this.scanDispatch = new CouncilFunction(this, 'ScanDispatch', {
      ...common,
      name: 'scan-dispatch',
      description: 'Queues one scan request per registered account',
      memorySize: 256,
      timeout: Duration.seconds(60),
      environment: { TABLE_NAME: tableName, SCAN_QUEUE_URL: this.scanQueue.queueUrl, RETENTION_DAYS: retention },
    });
    // Lists accounts: a Query on the accounts index (and the table); no writes at all.
    this.scanDispatch.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ListAccounts',
        actions: ['dynamodb:Query'],
        resources: [table.tableArn, indexArn(accountsIndex)],
      }),
    );
    this.scanQueue.grantSendMessages(this.scanDispatch.role);

    this.scanAccount = new CouncilFunction(this, 'ScanAccount', {
      ...common,
      name: 'scan-account',
      description: "Scans one account's new posts and records findings",
      memorySize: 512,
      timeout: SCAN_ACCOUNT_TIMEOUT,
      environment: {
        TABLE_NAME: tableName,
        RETENTION_DAYS: retention,
        PLATFORM_SECRET_ARN: props.platformSecret.secretArn,
      },
    });
    // Reads the council, the account and its cursor, and the account registry (gsi1).
    this.scanAccount.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadAccounts',
        actions: ['dynamodb:GetItem', 'dynamodb:Query'],
        resources: [table.tableArn, indexArn(accountsIndex)],
      }),
    );
    // Writes only the account's own items (cursor, posts, runs) and findings: never the council or digests.
    this.scanAccount.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'WriteScanResults',
        actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['ACCOUNT#*', 'FINDING#*'] } },
      }),
    );
    props.platformSecret.grantRead(this.scanAccount.role);
    this.scanAccount.function.addEventSource(
      new SqsEventSource(this.scanQueue, {
        batchSize: 5,
        reportBatchItemFailures: true,
        // Few accounts, rate-limited platform APIs: no need for a wide fan-out.
        maxConcurrency: 5,
      }),
    );

    this.weeklyDigest = new CouncilFunction(this, 'WeeklyDigest', {
      ...common,
      name: 'weekly-digest',
      description: "Emails the clerk the week's findings and open items",
      memorySize: 1024,
      timeout: Duration.minutes(5),
      environment: {
        TABLE_NAME: tableName,
        RETENTION_DAYS: retention,
        DIGEST_FROM: props.digestFrom,
        DIGEST_TO: props.digestTo,
        SES_CONFIGURATION_SET: props.configurationSet.configurationSetName,
      },
    });
    this.weeklyDigest.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadAuditRecords',
        actions: ['dynamodb:GetItem', 'dynamodb:Query'],
        resources: [table.tableArn, ...allIndexArns],
      }),
    );
    this.weeklyDigest.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'RecordDigests',
        actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['DIGEST#*'] } },
      }),
    );
    this.weeklyDigest.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'SendDigest',
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [props.emailIdentity.emailIdentityArn, props.configurationSetArn],
        conditions: { StringEquals: { 'ses:FromAddress': props.digestFrom } },
      }),
    );

    // --- Schedules (EventBridge Scheduler) ------------------------------------------------------
    const targetDefaults: schedulerTargets.ScheduleTargetBaseProps = {
      // The handlers take `{}` as "the scheduled run" (the digest: last week's).
      input: scheduler.ScheduleTargetInput.fromObject({}),
      deadLetterQueue: this.scheduleDeadLetterQueue,
      retryAttempts: 2,
      maxEventAge: Duration.hours(1),
    };
    this.scanSchedule = new scheduler.Schedule(this, 'ScanSchedule', {
      description: 'Dispatches a scan of every registered account',
      // A rate ignores time zones; a cron expression is read as UK time.
      schedule: scheduler.ScheduleExpression.expression(
        props.scanSchedule,
        props.scanSchedule.startsWith('cron(') ? TimeZone.EUROPE_LONDON : undefined,
      ),
      target: new InvokeUnqualifiedFunction(this.scanDispatch.function, targetDefaults),
    });
    this.digestSchedule = new scheduler.Schedule(this, 'DigestSchedule', {
      description: 'Sends the weekly digest on Monday morning, UK time',
      schedule: scheduler.ScheduleExpression.expression(DIGEST_SCHEDULE, TimeZone.EUROPE_LONDON),
      target: new InvokeUnqualifiedFunction(this.weeklyDigest.function, targetDefaults),
    });

    // --- Alarms ---------------------------------------------------------------------------------
    // CloudWatch can only publish to an encrypted topic whose key lets it: the AWS-managed SNS key does not.
    const alarmKey = new kms.Key(this, 'AlarmTopicKey', {
      description: 'Encrypts the Council Audit alarm topic',
      enableKeyRotation: true,
    });
    alarmKey.grant(new iam.ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', {
      displayName: 'Council Audit alarms',
      masterKey: alarmKey,
      enforceSSL: true,
    });
    if (props.alarmEmail) this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));

    const notify = new cloudwatchActions.SnsAction(this.alarmTopic);
    const alarmOn = (id: string, description: string, metric: cloudwatch.IMetric) => {
      const alarm = new cloudwatch.Alarm(this, id, {
        alarmDescription: description,
        metric,
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(notify);
      alarm.addOkAction(notify);
      this.alarms.push(alarm);
    };
    const fiveMinutes = { period: Duration.minutes(5), statistic: cloudwatch.Stats.MAXIMUM };
    alarmOn(
      'ScanDeadLetterAlarm',
      'Scan requests failed three times and sit in the dead-letter queue',
      this.scanDeadLetterQueue.metricApproximateNumberOfMessagesVisible(fiveMinutes),
    );
    alarmOn(
      'ScheduleDeadLetterAlarm',
      'The scheduler could not invoke a function (scan dispatch or weekly digest)',
      this.scheduleDeadLetterQueue.metricApproximateNumberOfMessagesVisible(fiveMinutes),
    );
    for (const [id, fn] of [
      ['ScanDispatchErrors', this.scanDispatch],
      ['ScanAccountErrors', this.scanAccount],
      ['WeeklyDigestErrors', this.weeklyDigest],
    ] as const) {
      alarmOn(
        id,
        `The ${fn.node.id} function reported errors`,
        fn.function.metricErrors({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
      );
    }
  }
}
