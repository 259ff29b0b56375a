import { Duration, Stack, TimeZone, type StackProps } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { STALE_DIGEST_MESSAGE } from '../shared/scheduling/queue-due-work';
import { LEADING_KEYS, TABLE_KEYS } from '../shared/store/keys';
import type { AssetManifest } from '../shared/console/assets';
import type { StagedAssets } from './console-assets';
import { CouncilConsole } from './constructs/council-console';
import type { ConsoleUserPool } from './constructs/console-user-pool';
import { CouncilFunction, FUNCTION_RUNTIME, repositoryRoot } from './constructs/council-function';
import { NodeModulesLayer } from './constructs/node-modules-layer';
import { REPORTS_PREFIX } from './stateful-stack';

export interface StatelessStackProps extends StackProps {
  readonly table: dynamodb.ITable;
  readonly platformSecret: secretsmanager.ISecret;
  readonly emailIdentity: ses.IEmailIdentity;
  readonly configurationSet: ses.IConfigurationSet;
  readonly configurationSetArn: string;
  /** Where monthly reports are written (under REPORTS_PREFIX) and the digest links them from. */
  readonly reportsBucket: s3.IBucket;
  /** EventBridge Scheduler expression for dispatching scans, e.g. `rate(1 hour)`. */
  readonly scanSchedule: string;
  /** Bare address the digest is sent from (must be on the verified domain). */
  readonly digestFrom: string;
  readonly retentionDays: number;
  readonly logLevel: string;
  /** Optional address subscribed to the alarm topic. */
  readonly alarmEmail?: string;
  /** The console's address (the operator's own domain); CloudFront's address when absent. The digest links to it. */
  readonly consoleUrl?: string;
  /** The us-east-1 ACM certificate for consoleUrl's host. */
  readonly consoleCertificateArn?: string;
  /** The console's user pool and managed login (stateful stack). */
  readonly consoleUsers: ConsoleUserPool;
  /** Where CloudFront logs the console's requests (stateful stack). */
  readonly consoleLogBucket: s3.IBucket;
  /** The console's static assets, staged for upload (infra/console-assets.ts), and the names its pages link. */
  readonly consoleAssets: { readonly staged: readonly StagedAssets[]; readonly manifest: AssetManifest };
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
const WEEKLY_DIGEST_TIMEOUT = Duration.minutes(5);
const MONTHLY_REPORT_TIMEOUT = Duration.minutes(2);
/**
 * The one schedule for every council's digest and report: on the hour, every hour (UTC). Each council's
 * own day, time and time zone are in its registration; the council-jobs function queues what is due.
 */
export const COUNCIL_JOBS_SCHEDULE = 'cron(0 * * * ? *)';
/**
 * How many digest batches run at once, each sending its councils' digests one after another: a few
 * mails a second in all, under SES's default sending rate (14 a second), so 10,000 councils' Monday
 * digests go out in the morning without SES throttling them.
 */
export const DIGEST_CONCURRENCY = 4;
/** How many reports print at once: each is a headless Chromium in 2 GB (also the function's reserved concurrency). */
export const REPORT_CONCURRENCY = 5;
/** The metric the stale-digest log lines are counted in (the metric filter on council-jobs' log group). */
export const STALE_DIGEST_METRIC = { namespace: 'CouncilAudit', name: 'StaleDigestClaims' } as const;
/**
 * Impostor discovery: one schedule for the whole deployment, at half past every hour (UTC); dispatch
 * queues the councils whose hour of the week it is, so each council is searched for once a week and
 * mastodon.social sees a 168th of the fleet's searches an hour, not all of them at once.
 */
export const DISCOVERY_SCHEDULE = 'cron(30 * * * ? *)';
/** What the discovery schedule sends scan dispatch (the scan schedule sends `{}`). */
export const DISCOVERY_INPUT = { task: 'discover' } as const;
/**
 * Reconciliation: one schedule for the whole deployment, at quarter to every hour (UTC); dispatch
 * queues the accounts of the councils whose hour of the day it is (each council's posts are listed
 * again once a day), and a rescan for each council whose posts were checked with other rules than
 * the deployed ones (so a deploy that changes the rules rescans every council within the hour, once).
 */
export const RECONCILE_SCHEDULE = 'cron(45 * * * ? *)';
export const RECONCILE_INPUT = { task: 'reconcile' } as const;
/**
 * What the monthly report imports from the browser layer rather than its bundle: Chromium ships as
 * brotli-compressed binaries that the package unpacks from its own directory, and playwright-core
 * reads its own package.json and lib/ files at run time (esbuild output fails with __dirname errors).
 */
export const BROWSER_MODULES = ['@sparticuz/chromium', 'playwright-core'] as const;

/**
 * What can be replaced at will: the five functions, the browser layer, their schedules, the queues
 * and the alarms.
 * Each function's role is written out statement by statement, for the items it touches and no others.
 */
export class StatelessStack extends Stack {
  readonly scanDispatch: CouncilFunction;
  readonly scanAccount: CouncilFunction;
  readonly weeklyDigest: CouncilFunction;
  readonly monthlyReport: CouncilFunction;
  readonly councilJobs: CouncilFunction;
  /** The council's console (issue #11): its function, HTTP API, CloudFront distribution, assets and app client. */
  readonly console: CouncilConsole;
  readonly browserLayer: NodeModulesLayer;
  readonly scanQueue: sqs.Queue;
  readonly scanDeadLetterQueue: sqs.Queue;
  readonly digestQueue: sqs.Queue;
  readonly digestDeadLetterQueue: sqs.Queue;
  readonly reportQueue: sqs.Queue;
  readonly reportDeadLetterQueue: sqs.Queue;
  readonly scheduleDeadLetterQueue: sqs.Queue;
  readonly scanSchedule: scheduler.Schedule;
  readonly councilJobsSchedule: scheduler.Schedule;
  readonly discoverySchedule: scheduler.Schedule;
  readonly reconcileSchedule: scheduler.Schedule;
  readonly alarmTopic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { table, reportsBucket } = props;
    const reportObjects = reportsBucket.arnForObjects(`${REPORTS_PREFIX}*`);
    const tableName = table.tableName;
    const indexArn = (name: string) => `${table.tableArn}/index/${name}`;
    const allIndexArns = TABLE_KEYS.indexes.map((index) => indexArn(index.name));
    const registryIndex = TABLE_KEYS.indexes[0].name; // gsi1: the councils list, and each council's accounts

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
    // --- Queues from the hourly tick to each council's digest and report -------------------------
    // One message per council that is due; a council whose work fails three times is parked, alone.
    const jobQueue = (id: string, functionTimeout: Duration): [sqs.Queue, sqs.Queue] => {
      const deadLetters = new sqs.Queue(this, `${id}DeadLetterQueue`, {
        encryption: sqs.QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
      });
      const queue = new sqs.Queue(this, `${id}Queue`, {
        encryption: sqs.QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        visibilityTimeout: Duration.seconds(functionTimeout.toSeconds() * 6),
        // The tick queues what is still due every hour: an older message has been overtaken.
        retentionPeriod: Duration.days(1),
        deadLetterQueue: { queue: deadLetters, maxReceiveCount: 3 },
      });
      return [queue, deadLetters];
    };
    [this.digestQueue, this.digestDeadLetterQueue] = jobQueue('Digest', WEEKLY_DIGEST_TIMEOUT);
    [this.reportQueue, this.reportDeadLetterQueue] = jobQueue('Report', MONTHLY_REPORT_TIMEOUT);

    // Scheduled invocations that never ran to the end: those the scheduler could not deliver after its
    // retries, and those the function failed on every try (the functions' on-failure destination).
    this.scheduleDeadLetterQueue = new sqs.Queue(this, 'ScheduleDeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });

    // --- Functions ------------------------------------------------------------------------------
    const common = { serviceName: SERVICE_NAME, logLevel: props.logLevel };

    this.console = new CouncilConsole(this, 'Console', {
      ...common,
      table,
      users: props.consoleUsers,
      reportsBucket,
      reportsPrefix: REPORTS_PREFIX,
      logBucket: props.consoleLogBucket,
      assets: props.consoleAssets.staged,
      assetManifest: props.consoleAssets.manifest,
      ...(props.consoleUrl ? { consoleUrl: props.consoleUrl } : {}),
      ...(props.consoleCertificateArn ? { certificateArn: props.consoleCertificateArn } : {}),
    });
    const retention = String(props.retentionDays);

    this.scanDispatch = new CouncilFunction(this, 'ScanDispatch', {
      ...common,
      name: 'scan-dispatch',
      description: 'Queues one scan request per registered account of every council, or one discovery request per council',
      memorySize: 256,
      // One dispatch at a time: two would queue every account twice (a schedule retried, an operator's run).
      reservedConcurrency: 1,
      // One Query per council and a batch send per ten accounts: thousands of councils take a while.
      timeout: Duration.minutes(5),
      environment: { TABLE_NAME: tableName, SCAN_QUEUE_URL: this.scanQueue.queueUrl },
    });
    // Lists the councils, then each council's accounts: Queries on gsi1 (and the table); no writes at all.
    this.scanDispatch.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ListAccounts',
        actions: ['dynamodb:Query'],
        resources: [table.tableArn, indexArn(registryIndex)],
      }),
    );
    // Reads and claims each council's rules version (reconciliation dispatch queues a rescan once per
    // change of rules), and gives a claim back when its rescan could not be queued: that item only.
    this.scanDispatch.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ClaimRulesVersion',
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [LEADING_KEYS.rules] } },
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
    // Reads the council's configuration, the account and its cursor, and the council's accounts (gsi1);
    // reconciliation and rescans read the findings still open (gsi2).
    this.scanAccount.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadAccounts',
        actions: ['dynamodb:GetItem', 'dynamodb:Query'],
        resources: [table.tableArn, indexArn(registryIndex), indexArn(TABLE_KEYS.indexes[1].name)],
      }),
    );
    // Writes only accounts' own items (cursor, posts, runs) and findings: never a council's registration,
    // configuration, digests or reports.
    this.scanAccount.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'WriteScanResults',
        actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [LEADING_KEYS.accounts, LEADING_KEYS.findings] } },
      }),
    );
    // Takes request slots from, and pauses, the platform hosts' shared budgets: their items only.
    this.scanAccount.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ShareHostBudgets',
        actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [LEADING_KEYS.hosts] } },
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
      timeout: WEEKLY_DIGEST_TIMEOUT,
      environment: {
        TABLE_NAME: tableName,
        DIGEST_FROM: props.digestFrom,
        SES_CONFIGURATION_SET: props.configurationSet.configurationSetName,
        REPORTS_BUCKET: reportsBucket.bucketName,
        CONSOLE_URL: this.console.url,
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
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [LEADING_KEYS.digests] } },
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
    // Signs pre-signed links to each council's latest report (found through gsi1 in ReadAuditRecords).
    this.weeklyDigest.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'LinkReports',
        actions: ['s3:GetObject'],
        resources: [reportObjects],
      }),
    );
    this.weeklyDigest.function.addEventSource(
      new SqsEventSource(this.digestQueue, { batchSize: 10, reportBatchItemFailures: true, maxConcurrency: DIGEST_CONCURRENCY }),
    );

    // The Chromium binary in @sparticuz/chromium is x86_64 only (its npm package ships no arm64 build),
    // so the layer and the function that loads it run on x86_64.
    this.browserLayer = new NodeModulesLayer(this, 'BrowserLayer', {
      modules: BROWSER_MODULES,
      projectRoot: repositoryRoot,
      architecture: lambda.Architecture.X86_64,
      runtime: FUNCTION_RUNTIME,
      description: 'Headless Chromium (@sparticuz/chromium) and playwright-core for rendering reports to PDF',
    });
    this.monthlyReport = new CouncilFunction(this, 'MonthlyReport', {
      ...common,
      name: 'monthly-report',
      description: 'Renders the monthly Full Council report to PDF, stores it and emails it to the councillors',
      // Chromium wants memory (and the CPU that comes with it); launch and print take seconds.
      memorySize: 2048,
      timeout: MONTHLY_REPORT_TIMEOUT,
      // No more Chromiums than the queue feeds it, whoever else invokes it.
      reservedConcurrency: REPORT_CONCURRENCY,
      architecture: this.browserLayer.architecture,
      moduleLayers: [this.browserLayer],
      environment: {
        TABLE_NAME: tableName,
        REPORTS_BUCKET: reportsBucket.bucketName,
        // The report goes by email to each council's report recipients, from the digest's sender.
        DIGEST_FROM: props.digestFrom,
        SES_CONFIGURATION_SET: props.configurationSet.configurationSetName,
        ...(props.consoleUrl ? { CONSOLE_URL: props.consoleUrl } : {}),
      },
    });
    this.monthlyReport.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadAuditRecords',
        actions: ['dynamodb:GetItem', 'dynamodb:Query'],
        resources: [table.tableArn, ...allIndexArns],
      }),
    );
    this.monthlyReport.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'RecordReports',
        actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [LEADING_KEYS.reports] } },
      }),
    );
    // Writes the report files (PDF and HTML) under reports/ only: no reading, listing, deleting or tagging.
    this.monthlyReport.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'StoreReports',
        actions: ['s3:PutObject'],
        resources: [reportObjects],
      }),
    );
    this.monthlyReport.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'SendReport',
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [props.emailIdentity.emailIdentityArn, props.configurationSetArn],
        conditions: { StringEquals: { 'ses:FromAddress': props.digestFrom } },
      }),
    );
    // One report per invocation, so the timeout bounds one Chromium print.
    this.monthlyReport.function.addEventSource(
      new SqsEventSource(this.reportQueue, { batchSize: 1, reportBatchItemFailures: true, maxConcurrency: REPORT_CONCURRENCY }),
    );

    this.councilJobs = new CouncilFunction(this, 'CouncilJobs', {
      ...common,
      name: 'council-jobs',
      description: "Queues each council's weekly digest and monthly report when its own schedule says they are due",
      memorySize: 256,
      // One tick at a time: a retried or doubled tick would read every council again for nothing.
      reservedConcurrency: 1,
      // Two small reads per council that is due: 10,000 councils take seconds, not minutes.
      timeout: Duration.minutes(5),
      environment: { TABLE_NAME: tableName, DIGEST_QUEUE_URL: this.digestQueue.queueUrl, REPORT_QUEUE_URL: this.reportQueue.queueUrl },
    });
    // The councils list and each council's latest report are on gsi1; nothing is read through the table's key but digest records.
    this.councilJobs.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ListCouncilsAndReports',
        actions: ['dynamodb:Query'],
        resources: [indexArn(registryIndex)],
      }),
    );
    this.councilJobs.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadDigestRecords',
        actions: ['dynamodb:GetItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [LEADING_KEYS.digests] } },
      }),
    );
    this.digestQueue.grantSendMessages(this.councilJobs.role);
    this.reportQueue.grantSendMessages(this.councilJobs.role);

    // --- Schedules (EventBridge Scheduler) ------------------------------------------------------
    // The scheduler invokes asynchronously: it only knows the invocation was accepted. A function that
    // then fails is retried twice by Lambda, and the event is kept in the schedule's dead-letter queue
    // (which is alarmed on) instead of being dropped.
    for (const scheduled of [this.scanDispatch, this.councilJobs]) {
      scheduled.function.configureAsyncInvoke({
        onFailure: new SqsDestination(this.scheduleDeadLetterQueue),
        retryAttempts: 2,
        maxEventAge: Duration.hours(1),
      });
    }
    const targetDefaults: schedulerTargets.ScheduleTargetBaseProps = {
      // Neither scheduled function needs anything from the schedule: the time is the clock's.
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
    this.councilJobsSchedule = new scheduler.Schedule(this, 'CouncilJobsSchedule', {
      description: "Every hour: queues each council's digest and report that its own schedule says are due",
      // UTC: each council's slot is read in its own time zone by the function.
      schedule: scheduler.ScheduleExpression.expression(COUNCIL_JOBS_SCHEDULE, TimeZone.ETC_UTC),
      target: new InvokeUnqualifiedFunction(this.councilJobs.function, targetDefaults),
    });
    this.discoverySchedule = new scheduler.Schedule(this, 'DiscoverySchedule', {
      description: 'Dispatches the weekly search for accounts presenting as each council, a 168th of the councils each hour',
      // UTC: with summer time an hour of the week would be skipped in spring and run twice in autumn.
      schedule: scheduler.ScheduleExpression.expression(DISCOVERY_SCHEDULE, TimeZone.ETC_UTC),
      target: new InvokeUnqualifiedFunction(this.scanDispatch.function, {
        ...targetDefaults,
        input: scheduler.ScheduleTargetInput.fromObject(DISCOVERY_INPUT),
      }),
    });
    this.reconcileSchedule = new scheduler.Schedule(this, 'ReconcileSchedule', {
      description: "Dispatches the daily reconciliation of each council's recent posts with its platforms, a 24th of the councils each hour, and rescans after a change of rules",
      schedule: scheduler.ScheduleExpression.expression(RECONCILE_SCHEDULE, TimeZone.ETC_UTC),
      target: new InvokeUnqualifiedFunction(this.scanDispatch.function, {
        ...targetDefaults,
        input: scheduler.ScheduleTargetInput.fromObject(RECONCILE_INPUT),
      }),
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
      'DigestDeadLetterAlarm',
      "A council's weekly digest failed three times; its request sits in the dead-letter queue",
      this.digestDeadLetterQueue.metricApproximateNumberOfMessagesVisible(fiveMinutes),
    );
    alarmOn(
      'ReportDeadLetterAlarm',
      "A council's monthly report failed three times; its request sits in the dead-letter queue",
      this.reportDeadLetterQueue.metricApproximateNumberOfMessagesVisible(fiveMinutes),
    );
    alarmOn(
      'ScheduleDeadLetterAlarm',
      'A scheduled invocation never ran to the end: the scheduler could not invoke scan dispatch or council jobs, or the function failed on every try',
      this.scheduleDeadLetterQueue.metricApproximateNumberOfMessagesVisible(fiveMinutes),
    );
    // council-jobs logs one error line per digest left "sending" past its lease (a sender died mid-send).
    const staleDigests = new logs.MetricFilter(this, 'StaleDigestClaimFilter', {
      logGroup: this.councilJobs.logGroup,
      filterPattern: logs.FilterPattern.stringValue('$.message', '=', STALE_DIGEST_MESSAGE),
      metricNamespace: STALE_DIGEST_METRIC.namespace,
      metricName: STALE_DIGEST_METRIC.name,
      metricValue: '1',
    });
    alarmOn(
      'StaleDigestClaimAlarm',
      "A council's weekly digest stayed \"sending\" past its lease (its sender died); it has been queued again, check it went out once",
      staleDigests.metric({ period: Duration.hours(1), statistic: cloudwatch.Stats.SUM }),
    );
    for (const [id, fn] of [
      ['ScanDispatchErrors', this.scanDispatch],
      ['ScanAccountErrors', this.scanAccount],
      ['WeeklyDigestErrors', this.weeklyDigest],
      ['MonthlyReportErrors', this.monthlyReport],
      ['CouncilJobsErrors', this.councilJobs],
      ['ConsoleErrors', this.console.function],
    ] as const) {
      alarmOn(
        id,
        `The ${fn.node.id} function reported errors`,
        fn.function.metricErrors({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
      );
    }
  }
}
