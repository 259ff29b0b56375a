import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SQSClient } from '@aws-sdk/client-sqs';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { FileSourceConnector } from '../connectors/file/file-source';
import { oneConnectorForAll, type ConnectorRegistry } from '../connectors/registry';
import { tokensFromEnvironment, tokensFromSecret } from '../connectors/credentials';
import { platformRegistry } from '../connectors/platforms';
import type { Mailer } from '../email/mailer';
import { SesMailer } from '../email/ses-mailer';
import type { ScanQueue } from '../queue/scan-queue';
import type { ReportStorage } from '../report/report-storage';
import { S3ReportStorage } from '../report/s3-storage';
import { SqsScanQueue } from '../queue/sqs-queue';
import type { AuditStore } from '../store/audit-store';
import { DynamoDbAuditStore } from '../store/dynamodb-store';
import { EnvironmentError, readEnvironment, type Environment } from './environment';

/** The adapters a handler needs, built once per Lambda container (the composition root). */
export interface Runtime {
  env: Environment;
  store: AuditStore;
  connectors: ConnectorRegistry;
  queue(): ScanQueue;
  mailer(): Mailer;
  /** Where the monthly report is stored: the REPORTS_BUCKET bucket. */
  reportStorage(): ReportStorage;
  clock: () => Date;
}

export function runtimeFromEnvironment(source: NodeJS.ProcessEnv = process.env, clock: () => Date = () => new Date()): Runtime {
  const env = readEnvironment(source);
  const region = env.AWS_REGION;
  // Given another environment than the process's (the local twin, a test), its credentials are used;
  // otherwise the SDK's own provider chain finds them (the Lambda role).
  const credentials =
    source !== process.env && source.AWS_ACCESS_KEY_ID && source.AWS_SECRET_ACCESS_KEY
      ? { credentials: { accessKeyId: source.AWS_ACCESS_KEY_ID, secretAccessKey: source.AWS_SECRET_ACCESS_KEY } }
      : {};
  const dynamo = new DynamoDBClient({ region, ...credentials, ...(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT } : {}) });
  const store = new DynamoDbAuditStore({
    client: DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } }),
    tableName: env.TABLE_NAME,
    clock,
  });
  let queue: ScanQueue | undefined;
  let mailer: Mailer | undefined;
  let reportStorage: ReportStorage | undefined;
  return {
    env,
    store,
    connectors: env.SAMPLE_POSTS_PATH
      ? oneConnectorForAll(new FileSourceConnector(env.SAMPLE_POSTS_PATH))
      : platformRegistry({
          token: env.PLATFORM_SECRET_ARN
            ? tokensFromSecret(new SecretsManagerClient({ region, ...credentials }), env.PLATFORM_SECRET_ARN)
            : tokensFromEnvironment(source),
          clock,
        }),
    queue() {
      if (!env.SCAN_QUEUE_URL) throw new EnvironmentError('invalid environment', [{ field: 'SCAN_QUEUE_URL', message: 'is missing' }]);
      queue ??= new SqsScanQueue(new SQSClient({ region, ...credentials, ...(env.SQS_ENDPOINT ? { endpoint: env.SQS_ENDPOINT } : {}) }), env.SCAN_QUEUE_URL);
      return queue;
    },
    mailer() {
      mailer ??= new SesMailer(new SESv2Client({ region, ...credentials, ...(env.SES_ENDPOINT ? { endpoint: env.SES_ENDPOINT } : {}) }), env.SES_CONFIGURATION_SET ? { configurationSetName: env.SES_CONFIGURATION_SET } : {});
      return mailer;
    },
    reportStorage() {
      if (!env.REPORTS_BUCKET) throw new EnvironmentError('invalid environment', [{ field: 'REPORTS_BUCKET', message: 'is missing' }]);
      reportStorage ??= new S3ReportStorage(new S3Client({ region, ...credentials }), env.REPORTS_BUCKET);
      return reportStorage;
    },
    clock,
  };
}

/** The runtime, built on first use and kept for the container's life. */
export function lazyRuntime(build: () => Runtime = runtimeFromEnvironment): () => Runtime {
  let runtime: Runtime | undefined;
  return () => (runtime ??= build());
}
