import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ses from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { TABLE_KEYS } from '../shared/store/keys';
import { ConsoleUserPool } from './constructs/console-user-pool';

export interface StatefulStackProps extends StackProps {
  /** The domain the digest is sent from; SES verifies it by the DKIM records this stack outputs. */
  readonly senderDomain: string;
  /** The console's managed login prefix: https://<prefix>.auth.<region>.amazoncognito.com. */
  readonly consoleLoginDomainPrefix: string;
}

/** Where the monthly Full Council reports are written; the only prefix any function may touch. */
export const REPORTS_PREFIX = 'reports/';
/** Superseded copies of a report (a re-run for the same month) are kept this long, then expire. */
export const NONCURRENT_REPORT_DAYS = 90;
/** Reports stop being linked from the digest after a few weeks: move them to a cheaper class then. */
export const REPORT_INFREQUENT_ACCESS_DAYS = 90;
/** S3 server access logs of the reports bucket, kept for a year of audits. */
export const ACCESS_LOG_DAYS = 365;

/**
 * What outlives a deployment: the audit table (findings are the council's record), the monthly
 * reports, the SES sending identity and the platform tokens. Everything here is retained on stack
 * deletion, and the stack is
 * termination-protected; the functions that use it live in the stateless stack.
 */
export class StatefulStack extends Stack {
  readonly table: dynamodb.Table;
  readonly emailIdentity: ses.EmailIdentity;
  readonly configurationSet: ses.ConfigurationSet;
  /** SES has no ARN attribute for a configuration set; sending permissions need one. */
  readonly configurationSetArn: string;
  readonly platformSecret: secretsmanager.Secret;
  readonly reportsBucket: s3.Bucket;
  readonly accessLogBucket: s3.Bucket;
  /** Who may sign in to the console (issue #11): its user pool, operator group and managed login domain. */
  readonly consoleUsers: ConsoleUserPool;
  /** CloudFront's access logs of the console, which need a bucket with ACLs (CloudFront's log delivery writes by ACL). */
  readonly consoleLogBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, { terminationProtection: true, ...props });

    // Keys, TTL and indexes come from TABLE_KEYS, the same design the adapter and the local twin use.
    this.table = new dynamodb.Table(this, 'AuditTable', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: TABLE_KEYS.timeToLive,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: 35 },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of TABLE_KEYS.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }

    this.configurationSet = new ses.ConfigurationSet(this, 'DigestSending', {
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.configurationSet.applyRemovalPolicy(RemovalPolicy.RETAIN);
    this.configurationSetArn = this.formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });

    this.emailIdentity = new ses.EmailIdentity(this, 'SenderDomain', {
      identity: ses.Identity.domain(props.senderDomain),
      configurationSet: this.configurationSet,
    });
    // Verification and DKIM depend on DNS the council controls: losing the identity would stop the digest.
    this.emailIdentity.applyRemovalPolicy(RemovalPolicy.RETAIN);

    // Holds the platforms' API tokens as JSON. CloudFormation only creates the secret (with a generated
    // placeholder): an operator puts the real tokens in, so no token is ever in a template.
    this.platformSecret = new secretsmanager.Secret(this, 'PlatformTokens', {
      description: 'Council Audit: API tokens for the social media platforms, as JSON (set by an operator)',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // The monthly Full Council reports (PDF) are part of the council's record: current versions are kept
    // for good (moving to Infrequent Access once the digest no longer links them); a report re-run for
    // the same month keeps the superseded copy for NONCURRENT_REPORT_DAYS. Private, TLS only, SSE-S3
    // (so pre-signed links need no KMS grant), and every request logged to a separate bucket.
    this.accessLogBucket = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      // S3 log delivery only writes to SSE-S3 buckets.
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(ACCESS_LOG_DAYS) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.reportsBucket = new s3.Bucket(this, 'Reports', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'reports-bucket/',
      lifecycleRules: [
        {
          id: 'keep-reports-expire-superseded',
          transitions: [{ storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(REPORT_INFREQUENT_ACCESS_DAYS) }],
          noncurrentVersionExpiration: Duration.days(NONCURRENT_REPORT_DAYS),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.consoleUsers = new ConsoleUserPool(this, 'ConsoleUsers', { loginDomainPrefix: props.consoleLoginDomainPrefix });
    this.consoleLogBucket = new s3.Bucket(this, 'ConsoleLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // CloudFront standard logging grants itself write access by ACL: the one bucket here that keeps ACLs.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'console-logs-bucket/',
      lifecycleRules: [{ id: 'expire-console-logs', expiration: Duration.days(ACCESS_LOG_DAYS) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    new CfnOutput(this, 'ConsoleUserPoolId', { value: this.consoleUsers.userPool.userPoolId });
    new CfnOutput(this, 'ConsoleLoginDomain', { value: this.consoleUsers.domain.baseUrl() });
    new CfnOutput(this, 'AuditTableName', { value: this.table.tableName });
    new CfnOutput(this, 'PlatformSecretArn', { value: this.platformSecret.secretArn });
    new CfnOutput(this, 'ReportsBucketName', { value: this.reportsBucket.bucketName });
    const dkimRecords = [
      [this.emailIdentity.dkimDnsTokenName1, this.emailIdentity.dkimDnsTokenValue1],
      [this.emailIdentity.dkimDnsTokenName2, this.emailIdentity.dkimDnsTokenValue2],
      [this.emailIdentity.dkimDnsTokenName3, this.emailIdentity.dkimDnsTokenValue3],
    ] as const;
    dkimRecords.forEach(([name, value], i) => {
      new CfnOutput(this, `DkimCname${i + 1}`, {
        description: `CNAME record ${i + 1} of 3 to add to ${props.senderDomain} for SES DKIM verification`,
        value: `${name} CNAME ${value}`,
      });
    });
  }
}
