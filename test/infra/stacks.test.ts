import { createReadStream, existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBrotliDecompress } from 'node:zlib';
import { Annotations, Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENVIRONMENT as CONSOLE_ENVIRONMENT } from '../../functions/console/create-handler';
import { ENVIRONMENT as COUNCIL_JOBS_ENVIRONMENT } from '../../functions/council-jobs/create-handler';
import { ENVIRONMENT as MONTHLY_REPORT_ENVIRONMENT } from '../../functions/monthly-report/create-handler';
import { ENVIRONMENT as SCAN_ACCOUNT_ENVIRONMENT } from '../../functions/scan-account/create-handler';
import { ENVIRONMENT as SCAN_DISPATCH_ENVIRONMENT } from '../../functions/scan-dispatch/create-handler';
import { ENVIRONMENT as WEEKLY_DIGEST_ENVIRONMENT } from '../../functions/weekly-digest/create-handler';
import { TABLE_KEYS } from '../../shared/store/keys';
import type { CouncilFunction } from '../../infra/constructs/council-function';
import { NONCURRENT_REPORT_DAYS, REPORTS_PREFIX } from '../../infra/stateful-stack';
import { BROWSER_MODULES, COUNCIL_JOBS_SCHEDULE, REPORT_CONCURRENCY, STALE_DIGEST_METRIC } from '../../infra/stateless-stack';
import { DIGEST_LEASE_MINUTES } from '../../shared/domain/records';
import { STALE_DIGEST_MESSAGE } from '../../shared/scheduling/queue-due-work';
import { actionsOf, asArray, logicalIdOf, statementsOfRole, synthesise, type Statement, type Synthesised } from './synth';

// One synthesis (with the real handlers bundled by esbuild) for the whole file.
let synth: Synthesised;
let stateful: Template;
let stateless: Template;

beforeAll(() => {
  synth = synthesise();
  stateful = synth.statefulTemplate;
  stateless = synth.statelessTemplate;
}, 60_000);
afterAll(() => rmSync(synth.app.outdir, { recursive: true, force: true }));

type Resource = { Properties: Record<string, unknown>; Metadata?: Record<string, unknown> };
const resourceOf = (template: Template, type: string, logicalId: string): Resource => {
  const resource = template.findResources(type)[logicalId] as Resource | undefined;
  if (!resource) throw new Error(`no ${type} ${logicalId}`);
  return resource;
};
const functionResource = (fn: CouncilFunction) => resourceOf(stateless, 'AWS::Lambda::Function', logicalIdOf(fn.function));
const envOf = (fn: CouncilFunction) => (functionResource(fn).Properties.Environment as { Variables: Record<string, unknown> }).Variables;
/** The directory cdk synth staged an asset in, named by its S3 key. */
const stagedAsset = (code: unknown) => path.join(synth.app.outdir, `asset.${(code as { S3Key: string }).S3Key.replace(/\.zip$/, '')}`);

/** The console's bundle at most (issue #11: "bundle at most 400 KB"), minified, as CDK builds it. */
const CONSOLE_BUNDLE_LIMIT_BYTES = 400 * 1000;

const DYNAMODB_WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:*'];

describe('the stateful stack', () => {
  it('builds the table keys and both indexes from TABLE_KEYS', () => {
    // Prepare
    const attributes = [TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, ...TABLE_KEYS.indexes.flatMap((i) => [i.partitionKey, i.sortKey])];

    // Assess
    stateful.resourceCountIs('AWS::DynamoDB::Table', 1);
    stateful.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayEquals(attributes.map((name) => ({ AttributeName: name, AttributeType: 'S' }))),
      GlobalSecondaryIndexes: TABLE_KEYS.indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    });
  });

  it('expires captured posts by the TTL attribute from TABLE_KEYS', () => {
    stateful.hasResourceProperties('AWS::DynamoDB::Table', {
      TimeToLiveSpecification: { AttributeName: TABLE_KEYS.timeToLive, Enabled: true },
    });
  });

  it('keeps the table on demand, encrypted, point-in-time recoverable, deletion-protected and retained', () => {
    stateful.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        SSESpecification: { SSEEnabled: true },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 35 },
        DeletionProtectionEnabled: true,
      }),
    });
    expect(synth.stateful.terminationProtection).toBe(true);
  });

  it('verifies the sender domain from context, sending through the configuration set', () => {
    const configurationSetId = logicalIdOf(synth.stateful.configurationSet);
    stateful.hasResourceProperties('AWS::SES::ConfigurationSet', {
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
    stateful.hasResource('AWS::SES::EmailIdentity', {
      DeletionPolicy: 'Retain',
      Properties: {
        EmailIdentity: 'harbourne-tc.example',
        ConfigurationSetAttributes: { ConfigurationSetName: { Ref: configurationSetId } },
      },
    });
  });

  it('creates the platform-token secret with no value in the template', () => {
    stateful.resourceCountIs('AWS::SecretsManager::Secret', 1);
    stateful.hasResource('AWS::SecretsManager::Secret', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ SecretString: Match.absent(), GenerateSecretString: Match.anyValue() }),
    });
  });

  it('keeps the reports in a private, TLS-only, encrypted, versioned bucket that is retained', () => {
    const bucket = resourceOf(stateful, 'AWS::S3::Bucket', logicalIdOf(synth.stateful.reportsBucket));
    expect(bucket).toMatchObject({
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        VersioningConfiguration: { Status: 'Enabled' },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      },
    });
    stateful.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logicalIdOf(synth.stateful.reportsBucket) },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
        ]),
      },
    });
  });

  it('keeps current reports (in Infrequent Access after 90 days) and expires superseded versions after 90 days', () => {
    const rules = (resourceOf(stateful, 'AWS::S3::Bucket', logicalIdOf(synth.stateful.reportsBucket)).Properties.LifecycleConfiguration as { Rules: Record<string, unknown>[] }).Rules;
    expect(NONCURRENT_REPORT_DAYS).toBe(90);
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({
      Status: 'Enabled',
      Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 90 }],
      NoncurrentVersionExpiration: { NoncurrentDays: 90 },
      AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
    });
    expect(rules[0]!.ExpirationInDays).toBeUndefined();
  });

  it('logs every request to the reports bucket in a separate, private, retained bucket', () => {
    const logBucketId = logicalIdOf(synth.stateful.accessLogBucket);
    expect(resourceOf(stateful, 'AWS::S3::Bucket', logicalIdOf(synth.stateful.reportsBucket)).Properties.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: logBucketId },
      LogFilePrefix: 'reports-bucket/',
    });
    expect(resourceOf(stateful, 'AWS::S3::Bucket', logBucketId)).toMatchObject({
      DeletionPolicy: 'Retain',
      Properties: {
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      },
    });
    stateful.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logBucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Allow', Action: 's3:PutObject', Principal: { Service: 'logging.s3.amazonaws.com' } }),
        ]),
      },
    });
  });

  it('holds no function, queue or schedule (they belong to the stateless stack)', () => {
    for (const type of ['AWS::Lambda::Function', 'AWS::SQS::Queue', 'AWS::Scheduler::Schedule']) stateful.resourceCountIs(type, 0);
  });
});

describe('the functions', () => {
  const functions = () => [synth.stateless.scanDispatch, synth.stateless.scanAccount, synth.stateless.weeklyDigest, synth.stateless.monthlyReport, synth.stateless.councilJobs, synth.stateless.console.function];

  it('are the six handlers, on Node 22 and arm64 but for the report renderer (x86_64 Chromium)', () => {
    // and CDK's own asset upload (BucketDeployment), which runs only at deployment
    stateless.resourceCountIs('AWS::Lambda::Function', 7);
    for (const fn of functions()) {
      const architecture = fn === synth.stateless.monthlyReport ? 'x86_64' : 'arm64';
      expect(functionResource(fn).Properties, fn.node.id).toMatchObject({ Runtime: 'nodejs22.x', Architectures: [architecture], Handler: 'index.handler' });
    }
  });

  it('are bundled by esbuild as ESM with a source map, the AWS SDK left to the runtime', () => {
    for (const fn of functions()) {
      // Prepare: the staged asset named by the function's code key
      const assetDir = stagedAsset(functionResource(fn).Properties.Code);

      // Act
      const bundle = readFileSync(path.join(assetDir, 'index.mjs'), 'utf8');

      // Assess
      expect(existsSync(path.join(assetDir, 'index.mjs.map')), fn.node.id).toBe(true);
      expect(bundle, fn.node.id).toMatch(/export\s*\{[^}]*\bhandler\b/);
      expect(bundle, fn.node.id).toMatch(/from\s*"@aws-sdk\/[a-z-]+"/);
      expect(bundle, fn.node.id).not.toContain('@aws-sdk/smithy-client/dist-es'); // not inlined
      // minified, yet an error still says what it is in the log: `EnvironmentError`, not a two-letter name
      expect(bundle, fn.node.id).toMatch(/"EnvironmentError"/);
    }
  });

  it("keep the console's bundle within its 400 KB (issue #11)", () => {
    // Act
    const bundle = readFileSync(path.join(stagedAsset(functionResource(synth.stateless.console.function).Properties.Code), 'index.mjs'));

    // Assess
    expect(bundle.length).toBeLessThanOrEqual(CONSOLE_BUNDLE_LIMIT_BYTES);
  });

  it('log JSON to their own log group, kept for three months, with source maps on', () => {
    // each function's, the console API's access log, and the asset upload's
    stateless.resourceCountIs('AWS::Logs::LogGroup', 8);
    stateless.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
    for (const fn of functions()) {
      expect(functionResource(fn).Properties.LoggingConfig).toEqual({
        LogFormat: 'JSON',
        ApplicationLogLevel: 'INFO',
        LogGroup: { Ref: logicalIdOf(fn.logGroup) },
      });
      expect(envOf(fn)).toMatchObject({
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'council-audit',
        POWERTOOLS_LOG_LEVEL: 'INFO',
      });
    }
  });

  it('are given the variables each handler requires, and none it does not read', () => {
    // Prepare: what each handler declares (functions/<name>/create-handler.ts); Lambda itself sets AWS_REGION.
    const declared = [
      [synth.stateless.scanDispatch, SCAN_DISPATCH_ENVIRONMENT],
      [synth.stateless.scanAccount, SCAN_ACCOUNT_ENVIRONMENT],
      [synth.stateless.weeklyDigest, WEEKLY_DIGEST_ENVIRONMENT],
      [synth.stateless.monthlyReport, MONTHLY_REPORT_ENVIRONMENT],
      [synth.stateless.councilJobs, COUNCIL_JOBS_ENVIRONMENT],
      [synth.stateless.console.function, CONSOLE_ENVIRONMENT],
    ] as const;
    const runtimeVariables = ['POWERTOOLS_SERVICE_NAME', 'POWERTOOLS_LOG_LEVEL', 'NODE_OPTIONS'];
    const queueId = logicalIdOf(synth.stateless.scanQueue);

    // Assess
    expect(declared.map(([fn]) => fn)).toEqual(functions());
    for (const [fn, schema] of declared) {
      const given = Object.keys(envOf(fn)).filter((name) => !runtimeVariables.includes(name));
      const read = Object.keys(schema.shape);
      const required = read.filter((name) => name !== 'AWS_REGION' && !schema.shape[name as keyof typeof schema.shape].safeParse(undefined).success);
      expect(given.filter((name) => !read.includes(name)), `${fn.node.id} is given variables it never reads`).toEqual([]);
      expect(required.filter((name) => !given.includes(name)), `${fn.node.id} lacks variables it requires`).toEqual([]);
    }
    expect(envOf(synth.stateless.scanDispatch).SCAN_QUEUE_URL).toEqual({ Ref: queueId });
    expect(envOf(synth.stateless.councilJobs)).toMatchObject({
      DIGEST_QUEUE_URL: { Ref: logicalIdOf(synth.stateless.digestQueue) },
      REPORT_QUEUE_URL: { Ref: logicalIdOf(synth.stateless.reportQueue) },
    });
    expect(envOf(synth.stateless.scanAccount).PLATFORM_SECRET_ARN).toBeDefined();
    expect(envOf(synth.stateless.weeklyDigest)).toMatchObject({
      DIGEST_FROM: 'council-audit@harbourne-tc.example',
      SES_CONFIGURATION_SET: expect.anything(),
    });
    // Recipients are each council's own, in its registration: none is deployment-wide.
    expect(envOf(synth.stateless.weeklyDigest).DIGEST_TO).toBeUndefined();
    expect(envOf(synth.stateless.scanAccount).RETENTION_DAYS).toBe('90');
    expect(envOf(synth.stateless.weeklyDigest).SCAN_QUEUE_URL).toBeUndefined();
    // both name the stateful stack's reports bucket
    for (const fn of [synth.stateless.weeklyDigest, synth.stateless.monthlyReport]) {
      expect(JSON.stringify(envOf(fn).REPORTS_BUCKET), fn.node.id).toContain(logicalIdOf(synth.stateful.reportsBucket));
    }
    // The report goes by email to each council's report recipients, from the digest's sender (no console in this synth).
    expect(Object.keys(envOf(synth.stateless.monthlyReport)).sort()).toEqual(
      ['DIGEST_FROM', 'NODE_OPTIONS', 'POWERTOOLS_LOG_LEVEL', 'POWERTOOLS_SERVICE_NAME', 'REPORTS_BUCKET', 'SES_CONFIGURATION_SET', 'TABLE_NAME'],
    );
    expect(envOf(synth.stateless.monthlyReport).DIGEST_FROM).toBe('council-audit@harbourne-tc.example');
  });

  it('run under roles of their own with no managed policies', () => {
    stateless.allResourcesProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
    for (const fn of functions()) {
      expect(functionResource(fn).Properties.Role).toEqual({ 'Fn::GetAtt': [logicalIdOf(fn.role), 'Arn'] });
    }
  });
});

describe('the monthly report function', () => {
  const layerResource = () => resourceOf(stateless, 'AWS::Lambda::LayerVersion', logicalIdOf(synth.stateless.browserLayer.layerVersion));
  const layerDir = () => path.join(stagedAsset(layerResource().Properties.Content), 'nodejs', 'node_modules');

  it('has 2 GB of memory and two minutes', () => {
    expect(functionResource(synth.stateless.monthlyReport).Properties).toMatchObject({ MemorySize: 2048, Timeout: 120 });
  });

  it('loads Chromium and playwright-core from the browser layer, built for its runtime and architecture', () => {
    expect(functionResource(synth.stateless.monthlyReport).Properties.Layers).toEqual([{ Ref: logicalIdOf(synth.stateless.browserLayer.layerVersion) }]);
    expect(layerResource().Properties).toMatchObject({ CompatibleRuntimes: ['nodejs22.x'], CompatibleArchitectures: ['x86_64'] });
    // and the AWS CLI layer of each of CDK's asset uploads (BucketDeployment), used by no function of the product
    stateless.resourceCountIs('AWS::Lambda::LayerVersion', 1 + synth.stateless.console.assetDeployments.length);
  });

  it('leaves Chromium and playwright-core out of its bundle, importing them at run time', () => {
    // Prepare
    const assetDir = stagedAsset(functionResource(synth.stateless.monthlyReport).Properties.Code);

    // Act
    const bundle = readFileSync(path.join(assetDir, 'index.mjs'), 'utf8');
    const { sources } = JSON.parse(readFileSync(path.join(assetDir, 'index.mjs.map'), 'utf8')) as { sources: string[] };

    // Assess
    expect(bundle).toMatch(/["']@sparticuz\/chromium["']/);
    expect(bundle).not.toContain('al2023.tar.br'); // a file name only the chromium package uses
    for (const name of BROWSER_MODULES) expect(sources.filter((source) => source.includes(`node_modules/${name}/`)), name).toEqual([]);
  });

  it('is the only function given the browser, and no other bundle carries one', () => {
    for (const fn of [synth.stateless.scanDispatch, synth.stateless.scanAccount, synth.stateless.weeklyDigest, synth.stateless.councilJobs]) {
      expect(functionResource(fn).Properties.Layers, fn.node.id).toBeUndefined();
      const map = readFileSync(path.join(stagedAsset(functionResource(fn).Properties.Code), 'index.mjs.map'), 'utf8');
      for (const name of BROWSER_MODULES) expect(map, `${fn.node.id} ${name}`).not.toContain(`node_modules/${name}/`);
    }
  });

  it('ships a layer in which Chromium, its dependencies and playwright-core resolve on their own', async () => {
    // Prepare: resolve from inside the staged layer (a temporary directory, outside the project's node_modules)
    const modules = layerDir();
    const fromChromium = createRequire(path.join(modules, '@sparticuz', 'chromium', 'package.json'));
    const chromiumDependencies = Object.keys((JSON.parse(readFileSync(path.join(modules, '@sparticuz', 'chromium', 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies);

    // Act
    const chromium = (await import(pathToFileURL(path.join(modules, '@sparticuz', 'chromium', 'build', 'esm', 'index.js')).href)) as { default: { args: string[] } };
    const playwright = (await import(pathToFileURL(path.join(modules, 'playwright-core', 'index.mjs')).href)) as { chromium: { name(): string } };

    // Assess
    expect(chromiumDependencies).toEqual(expect.arrayContaining(['follow-redirects', 'tar-fs']));
    for (const dependency of chromiumDependencies) expect(fromChromium.resolve(dependency).startsWith(modules), dependency).toBe(true);
    expect(chromium.default.args).toContain('--no-sandbox');
    expect(playwright.chromium.name()).toBe('chromium');
    expect(existsSync(path.join(modules, '@sparticuz', 'chromium', 'bin', 'chromium.br'))).toBe(true);
  });

  it('runs on x86_64 because the Chromium binary in the layer is an x86-64 executable', async () => {
    // Act: the ELF header of the brotli-compressed binary (the first chunk is enough)
    const header = await new Promise<Buffer>((resolve, reject) => {
      const stream = createReadStream(path.join(layerDir(), '@sparticuz', 'chromium', 'bin', 'chromium.br')).pipe(createBrotliDecompress());
      stream.once('data', (chunk: Buffer) => {
        resolve(chunk);
        stream.destroy();
      });
      stream.once('error', reject);
    });

    // Assess: ELF magic, and e_machine 62 (EM_X86_64)
    expect(header.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    expect(header.readUInt16LE(18)).toBe(62);
    expect(functionResource(synth.stateless.monthlyReport).Properties.Architectures).toEqual(['x86_64']);
  });
});

describe('the schedules', () => {
  const scheduleOf = (construct: Parameters<typeof logicalIdOf>[0]) => resourceOf(stateless, 'AWS::Scheduler::Schedule', logicalIdOf(construct)).Properties;

  it('dispatch a scan every hour by default', () => {
    const schedule = scheduleOf(synth.stateless.scanSchedule);
    expect(schedule.ScheduleExpression).toBe('rate(1 hour)');
    expect(schedule.Target).toMatchObject({
      Arn: { 'Fn::GetAtt': [logicalIdOf(synth.stateless.scanDispatch.function), 'Arn'] },
      DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalIdOf(synth.stateless.scheduleDeadLetterQueue), 'Arn'] } },
    });
  });

  it("tick every hour on the hour (UTC) for every council's digest and report, with retries and the dead-letter queue", () => {
    const schedule = scheduleOf(synth.stateless.councilJobsSchedule);
    expect(COUNCIL_JOBS_SCHEDULE).toBe('cron(0 * * * ? *)');
    expect(schedule).toMatchObject({
      ScheduleExpression: 'cron(0 * * * ? *)',
      ScheduleExpressionTimezone: 'Etc/UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: {
        Arn: { 'Fn::GetAtt': [logicalIdOf(synth.stateless.councilJobs.function), 'Arn'] },
        Input: '{}',
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalIdOf(synth.stateless.scheduleDeadLetterQueue), 'Arn'] } },
      },
    });
  });

  it('search for impostors through scan dispatch at half past every hour, UTC, so that no hour of the week is skipped', () => {
    const schedule = scheduleOf(synth.stateless.discoverySchedule);
    expect(schedule).toMatchObject({
      ScheduleExpression: 'cron(30 * * * ? *)',
      ScheduleExpressionTimezone: 'Etc/UTC',
      Target: {
        Arn: { 'Fn::GetAtt': [logicalIdOf(synth.stateless.scanDispatch.function), 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalIdOf(synth.stateless.scheduleDeadLetterQueue), 'Arn'] } },
      },
    });
    expect(JSON.parse((schedule.Target as { Input: string }).Input)).toEqual({ task: 'discover' });
    // One schedule for the deployment, whatever the number of councils.
    const schedules = Object.values(stateless.findResources('AWS::Scheduler::Schedule')) as Resource[];
    const discovering = schedules.filter((r) => JSON.parse(String((r.Properties.Target as { Input?: string }).Input ?? '{}')).task === 'discover');
    expect(discovering).toHaveLength(1);
  });

  it('reconcile through scan dispatch at quarter to every hour, UTC: a 24th of the councils each hour, and rescans after a change of rules', () => {
    const schedule = scheduleOf(synth.stateless.reconcileSchedule);
    expect(schedule).toMatchObject({
      ScheduleExpression: 'cron(45 * * * ? *)',
      ScheduleExpressionTimezone: 'Etc/UTC',
      Target: {
        Arn: { 'Fn::GetAtt': [logicalIdOf(synth.stateless.scanDispatch.function), 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalIdOf(synth.stateless.scheduleDeadLetterQueue), 'Arn'] } },
      },
    });
    expect(JSON.parse((schedule.Target as { Input: string }).Input)).toEqual({ task: 'reconcile' });
  });

  it('are the scan schedule, the tick, discovery and reconciliation alone: no deployment-wide Monday 08:00 or 1st 07:00 schedule is left', () => {
    stateless.resourceCountIs('AWS::Scheduler::Schedule', 4);
    const targets = Object.values(stateless.findResources('AWS::Scheduler::Schedule')).map((r) => JSON.stringify((r as Resource).Properties.Target));
    for (const fn of [synth.stateless.weeklyDigest, synth.stateless.monthlyReport]) {
      expect(targets.some((target) => target.includes(logicalIdOf(fn.function))), fn.node.id).toBe(false);
    }
  });

  it('may invoke their own function and nothing else', () => {
    for (const [schedule, fn] of [
      [synth.stateless.scanSchedule, synth.stateless.scanDispatch],
      [synth.stateless.discoverySchedule, synth.stateless.scanDispatch],
      [synth.stateless.reconcileSchedule, synth.stateless.scanDispatch],
      [synth.stateless.councilJobsSchedule, synth.stateless.councilJobs],
    ] as const) {
      const roleArn = (scheduleOf(schedule).Target as { RoleArn: { 'Fn::GetAtt': [string, string] } }).RoleArn;
      const roleId = roleArn['Fn::GetAtt'][0];
      const policies = Object.values(stateless.findResources('AWS::IAM::Policy')) as Resource[];
      const statements = policies
        .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
        .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
      const invoke = statements.filter((s) => actionsOf([s]).includes('lambda:InvokeFunction'));
      const functionArn = { 'Fn::GetAtt': [logicalIdOf(fn.function), 'Arn'] };
      expect(invoke).toHaveLength(1);
      expect(asArray(invoke[0]!.Resource)).toEqual([functionArn, { 'Fn::Join': ['', [functionArn, ':$LATEST']] }]);
    }
  });
});

describe('the scan queue', () => {
  it('redrives to a dead-letter queue after three receives', () => {
    expect(resourceOf(stateless, 'AWS::SQS::Queue', logicalIdOf(synth.stateless.scanQueue)).Properties.RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': [logicalIdOf(synth.stateless.scanDeadLetterQueue), 'Arn'] },
      maxReceiveCount: 3,
    });
  });

  it('hides a message for at least six times the scan function timeout', () => {
    const visibility = resourceOf(stateless, 'AWS::SQS::Queue', logicalIdOf(synth.stateless.scanQueue)).Properties.VisibilityTimeout as number;
    const timeout = functionResource(synth.stateless.scanAccount).Properties.Timeout as number;
    expect(visibility).toBeGreaterThanOrEqual(6 * timeout);
  });

  it('encrypts every queue and refuses requests without TLS', () => {
    stateless.resourceCountIs('AWS::SQS::Queue', 7);
    stateless.allResourcesProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    stateless.resourceCountIs('AWS::SQS::QueuePolicy', 7);
    stateless.allResourcesProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('feeds scan-account in batches of five, reporting failed items one by one', () => {
    stateless.resourceCountIs('AWS::Lambda::EventSourceMapping', 3);
    stateless.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [logicalIdOf(synth.stateless.scanQueue), 'Arn'] },
      FunctionName: { Ref: logicalIdOf(synth.stateless.scanAccount.function) },
      BatchSize: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });
});

describe("the queues of each council's digest and report", () => {
  const queues = () =>
    [
      [synth.stateless.digestQueue, synth.stateless.digestDeadLetterQueue, synth.stateless.weeklyDigest],
      [synth.stateless.reportQueue, synth.stateless.reportDeadLetterQueue, synth.stateless.monthlyReport],
    ] as const;
  const mappingOf = (fn: CouncilFunction) => {
    const mappings = Object.values(stateless.findResources('AWS::Lambda::EventSourceMapping')) as Resource[];
    return mappings.filter((m) => JSON.stringify(m.Properties.FunctionName) === JSON.stringify({ Ref: logicalIdOf(fn.function) }));
  };

  it('redrive to dead-letter queues of their own after three receives, and hide a message for six times the consumer timeout', () => {
    for (const [queue, deadLetters, fn] of queues()) {
      const properties = resourceOf(stateless, 'AWS::SQS::Queue', logicalIdOf(queue)).Properties;
      expect(properties.RedrivePolicy, queue.node.id).toEqual({ deadLetterTargetArn: { 'Fn::GetAtt': [logicalIdOf(deadLetters), 'Arn'] }, maxReceiveCount: 3 });
      expect(properties.VisibilityTimeout as number).toBeGreaterThanOrEqual(6 * (functionResource(fn).Properties.Timeout as number));
    }
  });

  it('feed the digest in batches of ten and the report one at a time, each reporting failed items and at a bounded concurrency', () => {
    for (const [queue, , fn] of queues()) {
      const mappings = mappingOf(fn);
      expect(mappings, fn.node.id).toHaveLength(1);
      expect(mappings[0]!.Properties).toMatchObject({ EventSourceArn: { 'Fn::GetAtt': [logicalIdOf(queue), 'Arn'] }, FunctionResponseTypes: ['ReportBatchItemFailures'] });
    }
    expect(mappingOf(synth.stateless.weeklyDigest)[0]!.Properties).toMatchObject({ BatchSize: 10, ScalingConfig: { MaximumConcurrency: 4 } });
    // Chromium: few at once, and one report per invocation within the function's timeout
    const report = mappingOf(synth.stateless.monthlyReport)[0]!.Properties as { BatchSize: number; ScalingConfig: { MaximumConcurrency: number } };
    expect(report.BatchSize).toBe(1);
    expect(report.ScalingConfig.MaximumConcurrency).toBeLessThanOrEqual(5);
  });

  it('are fed by council-jobs alone, and each consumed by its own function alone', () => {
    const senders = [synth.stateless.scanDispatch, synth.stateless.scanAccount, synth.stateless.weeklyDigest, synth.stateless.monthlyReport, synth.stateless.councilJobs].filter((fn) =>
      actionsOf(statementsOfRole(stateless, fn.role)).includes('sqs:SendMessage'),
    );
    expect(senders.map((fn) => fn.node.id).sort()).toEqual(['CouncilJobs', 'ScanDispatch']);
    const jobs = statementsOfRole(stateless, synth.stateless.councilJobs.role).filter((s) => actionsOf([s]).includes('sqs:SendMessage'));
    // ...and its own failures, to the schedule's dead-letter queue (its on-failure destination)
    expect(jobs.flatMap((s) => asArray(s.Resource))).toEqual(
      expect.arrayContaining([
        { 'Fn::GetAtt': [logicalIdOf(synth.stateless.digestQueue), 'Arn'] },
        { 'Fn::GetAtt': [logicalIdOf(synth.stateless.reportQueue), 'Arn'] },
        { 'Fn::GetAtt': [logicalIdOf(synth.stateless.scheduleDeadLetterQueue), 'Arn'] },
      ]),
    );
    expect(jobs.flatMap((s) => asArray(s.Resource))).toHaveLength(3);
    for (const [queue, , fn] of queues()) {
      const receive = statementsOfRole(stateless, fn.role).filter((s) => actionsOf([s]).includes('sqs:ReceiveMessage'));
      expect(receive.flatMap((s) => asArray(s.Resource)), fn.node.id).toEqual([{ 'Fn::GetAtt': [logicalIdOf(queue), 'Arn'] }]);
    }
  });
});

describe('the scheduled and asynchronous functions', () => {
  const dlqArn = () => ({ 'Fn::GetAtt': [logicalIdOf(synth.stateless.scheduleDeadLetterQueue), 'Arn'] });

  it('keep a scheduled invocation that failed on every try in the schedule\'s dead-letter queue, after two retries', () => {
    const configs = Object.values(stateless.findResources('AWS::Lambda::EventInvokeConfig')) as Resource[];
    for (const fn of [synth.stateless.scanDispatch, synth.stateless.councilJobs]) {
      const config = configs.find((c) => JSON.stringify(c.Properties.FunctionName) === JSON.stringify({ Ref: logicalIdOf(fn.function) }));
      expect(config?.Properties, fn.node.id).toMatchObject({
        Qualifier: '$LATEST',
        MaximumRetryAttempts: 2,
        MaximumEventAgeInSeconds: 3600,
        DestinationConfig: { OnFailure: { Destination: dlqArn() } },
      });
    }
  });

  it('reserve concurrency where a runaway would hurt: one dispatch, one tick, and no more reports than the queue feeds', () => {
    expect(functionResource(synth.stateless.scanDispatch).Properties.ReservedConcurrentExecutions).toBe(1);
    expect(functionResource(synth.stateless.councilJobs).Properties.ReservedConcurrentExecutions).toBe(1);
    expect(functionResource(synth.stateless.monthlyReport).Properties.ReservedConcurrentExecutions).toBe(REPORT_CONCURRENCY);
    stateless.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalIdOf(synth.stateless.monthlyReport.function) },
      ScalingConfig: { MaximumConcurrency: REPORT_CONCURRENCY },
    });
  });

  it('are all traced by X-Ray', () => {
    for (const fn of [synth.stateless.scanDispatch, synth.stateless.scanAccount, synth.stateless.weeklyDigest, synth.stateless.monthlyReport, synth.stateless.councilJobs]) {
      expect(functionResource(fn).Properties.TracingConfig, fn.node.id).toEqual({ Mode: 'Active' });
      expect(actionsOf(statementsOfRole(stateless, fn.role)), fn.node.id).toEqual(expect.arrayContaining(['xray:PutTraceSegments', 'xray:PutTelemetryRecords']));
    }
  });

  it('hold a digest claim longer than the digest function may run, so a live sender never loses its claim', () => {
    const timeout = functionResource(synth.stateless.weeklyDigest).Properties.Timeout as number;
    expect(timeout).toBeLessThan(DIGEST_LEASE_MINUTES * 60);
  });

  it('alarm on a digest that council-jobs finds stuck in "sending" past its lease', () => {
    stateless.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: { Ref: logicalIdOf(synth.stateless.councilJobs.logGroup) },
      FilterPattern: `{ $.message = "${STALE_DIGEST_MESSAGE}" }`,
      MetricTransformations: [{ MetricNamespace: STALE_DIGEST_METRIC.namespace, MetricName: STALE_DIGEST_METRIC.name, MetricValue: '1' }],
    });
    stateless.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: STALE_DIGEST_METRIC.namespace,
      MetricName: STALE_DIGEST_METRIC.name,
      Statistic: 'Sum',
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
      AlarmActions: [{ Ref: logicalIdOf(synth.stateless.alarmTopic) }],
    });
  });
});

describe('the alarms', () => {
  const topicRef = () => ({ Ref: logicalIdOf(synth.stateless.alarmTopic) });

  it('go off when anything reaches a dead-letter queue', () => {
    for (const queue of [synth.stateless.scanDeadLetterQueue, synth.stateless.digestDeadLetterQueue, synth.stateless.reportDeadLetterQueue, synth.stateless.scheduleDeadLetterQueue]) {
      stateless.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalIdOf(queue), 'QueueName'] } }],
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 0,
        AlarmActions: [topicRef()],
      });
    }
  });

  it('go off when any function reports an error', () => {
    for (const fn of [synth.stateless.scanDispatch, synth.stateless.scanAccount, synth.stateless.weeklyDigest, synth.stateless.monthlyReport, synth.stateless.councilJobs, synth.stateless.console.function]) {
      stateless.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalIdOf(fn.function) } }],
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 0,
        AlarmActions: [topicRef()],
      });
    }
    stateless.resourceCountIs('AWS::CloudWatch::Alarm', 11);
  });

  it('notify a KMS-encrypted topic that CloudWatch may use and that refuses requests without TLS', () => {
    const keyId = logicalIdOf(synth.stateless.alarmTopic.masterKey!);
    stateless.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
    stateless.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] }),
        ]),
      },
    });
    stateless.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
  });
});

describe('least privilege', () => {
  const statementsOf = (fn: CouncilFunction) => statementsOfRole(stateless, fn.role);

  it('lets no statement of any policy name every resource or every action, but X-Ray\'s (which takes no resource)', () => {
    const policies = Object.values(stateless.findResources('AWS::IAM::Policy')) as Resource[];
    expect(policies.length).toBeGreaterThanOrEqual(5);
    for (const policy of policies) {
      for (const statement of (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement) {
        if (asArray(statement.Resource).includes('*')) expect(actionsOf([statement]).sort()).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
        for (const action of asArray(statement.Action)) expect(action).not.toMatch(/(^\*$|:\*$)/);
      }
    }
  });

  it("lets dispatch list accounts and queue scans, and write nothing to the table but each council's rules version", () => {
    const statements = statementsOf(synth.stateless.scanDispatch);
    const dynamodbActions = actionsOf(statements).filter((a) => a.startsWith('dynamodb:'));
    expect(dynamodbActions.sort()).toEqual(['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']);
    const writes = statements.filter((s) => actionsOf([s]).some((a) => DYNAMODB_WRITES.includes(a)));
    expect(writes).toHaveLength(1);
    expect(writes[0]!.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['C#*#RULES#*'] } });
    const query = statements.find((s) => actionsOf([s]).includes('dynamodb:Query'))!;
    expect(JSON.stringify(query.Resource)).toContain(`/index/${TABLE_KEYS.indexes[0].name}`);
    expect(JSON.stringify(query.Resource)).not.toContain('/index/*');
    const send = statements.filter((s) => actionsOf([s]).includes('sqs:SendMessage'));
    // The scan queue, and its own failures to the schedule's dead-letter queue (its on-failure destination)
    expect(send.flatMap((s) => asArray(s.Resource)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
      [synth.stateless.scanQueue, synth.stateless.scheduleDeadLetterQueue].map((q) => ({ 'Fn::GetAtt': [logicalIdOf(q), 'Arn'] })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );
  });

  it('lets council-jobs list councils and reports on gsi1, read only digest records, and write nothing to the table', () => {
    const statements = statementsOf(synth.stateless.councilJobs);
    for (const write of DYNAMODB_WRITES) expect(actionsOf(statements)).not.toContain(write);
    const query = statements.filter((s) => actionsOf([s]).includes('dynamodb:Query'));
    expect(query).toHaveLength(1);
    expect(query[0]!.Action).toBe('dynamodb:Query');
    expect(JSON.stringify(query[0]!.Resource)).toMatch(new RegExp(`/index/${TABLE_KEYS.indexes[0].name}"\\]\\]\\}$`));
    const get = statements.filter((s) => actionsOf([s]).includes('dynamodb:GetItem'));
    expect(get).toHaveLength(1);
    expect(get[0]!.Action).toBe('dynamodb:GetItem');
    expect(get[0]!.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['C#*#DIGEST#*'] } });
    expect(actionsOf(statements).some((a) => a.startsWith('s3:') || a.startsWith('ses:') || a.startsWith('secretsmanager:'))).toBe(false);
  });

  it('lets scan-account read the platform-token secret it is given, and nothing else from Secrets Manager', () => {
    const statements = statementsOf(synth.stateless.scanAccount);
    const secretStatements = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('secretsmanager:')));
    expect(secretStatements).toHaveLength(1);
    expect(actionsOf(secretStatements)).toContain('secretsmanager:GetSecretValue');
    expect(secretStatements[0]!.Resource).toEqual(envOf(synth.stateless.scanAccount).PLATFORM_SECRET_ARN);
  });

  it("lets scan-account write only accounts' items and findings, of any council, and the hosts' budgets, and delete nothing", () => {
    const statements = statementsOf(synth.stateless.scanAccount);
    const writes = statements.filter((s) => actionsOf([s]).some((a) => DYNAMODB_WRITES.includes(a)));
    expect(writes).toHaveLength(2);
    const [councils, hosts] = [writes.find((s) => actionsOf([s]).includes('dynamodb:PutItem'))!, writes.find((s) => !actionsOf([s]).includes('dynamodb:PutItem'))!];
    expect(actionsOf([councils]).sort()).toEqual(['dynamodb:PutItem', 'dynamodb:UpdateItem']);
    expect(councils.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['C#*#ACCOUNT#*', 'C#*#FINDING#*'] } });
    expect(actionsOf([hosts]).sort()).toEqual(['dynamodb:GetItem', 'dynamodb:UpdateItem']);
    expect(hosts.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['HOST#*'] } });
    expect(actionsOf(writes)).not.toContain('dynamodb:DeleteItem');
  });

  it('lets the digest write only digest records', () => {
    const statements = statementsOf(synth.stateless.weeklyDigest);
    const writes = statements.filter((s) => actionsOf([s]).some((a) => DYNAMODB_WRITES.includes(a)));
    expect(writes).toHaveLength(1);
    expect(writes[0]!.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['C#*#DIGEST#*'] } });
  });

  it('lets the digest send email only from its address, through the sender identity and configuration set', () => {
    const statements = statementsOf(synth.stateless.weeklyDigest);
    const sending = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('ses:')));
    expect(sending).toHaveLength(1);
    const [send] = sending;
    expect(actionsOf(sending).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
    const resources = asArray(send!.Resource);
    expect(resources).toHaveLength(2);
    expect(resources).not.toContain('*');
    // the ARNs of the stateful stack's identity and configuration set (references to that stack)
    const identityArn = resources.map((r) => JSON.stringify(r)).find((r) => r.includes(':identity/'));
    const configurationSetArn = resources.map((r) => JSON.stringify(r)).find((r) => r.includes(':configuration-set/'));
    expect(identityArn).toContain(logicalIdOf(synth.stateful.emailIdentity));
    expect(configurationSetArn).toContain(logicalIdOf(synth.stateful.configurationSet));
    expect(send!.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'council-audit@harbourne-tc.example' } });
  });

  const reportObjectsArn = (resource: unknown) => {
    const text = JSON.stringify(resource);
    return text.includes(logicalIdOf(synth.stateful.reportsBucket)) && text.endsWith(`"/${REPORTS_PREFIX}*"]]}`);
  };

  it('lets the monthly report read the audit records through the table and both indexes', () => {
    const statements = statementsOf(synth.stateless.monthlyReport);
    const reads = statements.filter((s) => actionsOf([s]).includes('dynamodb:Query'));
    expect(reads).toHaveLength(1);
    expect(actionsOf(reads).sort()).toEqual(['dynamodb:GetItem', 'dynamodb:Query']);
    const resources = JSON.stringify(reads[0]!.Resource);
    for (const index of TABLE_KEYS.indexes) expect(resources).toContain(`/index/${index.name}"`);
    expect(resources).not.toContain('/index/*');
  });

  it('lets the monthly report write only report records, and delete nothing', () => {
    const statements = statementsOf(synth.stateless.monthlyReport);
    const writes = statements.filter((s) => actionsOf([s]).some((a) => DYNAMODB_WRITES.includes(a)));
    expect(writes).toHaveLength(1);
    expect(actionsOf(writes).sort()).toEqual(['dynamodb:PutItem', 'dynamodb:UpdateItem']);
    expect(writes[0]!.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['C#*#REPORT#*'] } });
  });

  it('lets the monthly report put objects under reports/ of the reports bucket, and do nothing else in S3', () => {
    const s3Statements = statementsOf(synth.stateless.monthlyReport).filter((s) => actionsOf([s]).some((a) => a.startsWith('s3:')));
    expect(s3Statements).toHaveLength(1);
    expect(s3Statements[0]!.Action).toBe('s3:PutObject');
    expect(asArray(s3Statements[0]!.Resource)).toHaveLength(1);
    expect(reportObjectsArn(s3Statements[0]!.Resource)).toBe(true);
  });

  it('lets the digest read (and so link to) objects under reports/, and write nothing to S3', () => {
    const s3Statements = statementsOf(synth.stateless.weeklyDigest).filter((s) => actionsOf([s]).some((a) => a.startsWith('s3:')));
    expect(s3Statements).toHaveLength(1);
    expect(s3Statements[0]!.Action).toBe('s3:GetObject');
    expect(reportObjectsArn(s3Statements[0]!.Resource)).toBe(true);
    // the latest report is found on gsi1 (REPORTS): the digest may query it
    const query = statementsOf(synth.stateless.weeklyDigest).find((s) => actionsOf([s]).includes('dynamodb:Query'))!;
    expect(JSON.stringify(query.Resource)).toContain(`/index/${TABLE_KEYS.indexes[0].name}"`);
  });

  it('gives no function a permission on the secret or the queue it does not use', () => {
    const monthly = actionsOf(statementsOf(synth.stateless.monthlyReport));
    expect(monthly.some((a) => a.startsWith('secretsmanager:') || a === 'sqs:SendMessage')).toBe(false);
    // It sends the report by email, only as the deployment's sender.
    const send = statementsOf(synth.stateless.monthlyReport).filter((s) => actionsOf([s]).some((a) => a.startsWith('ses:')));
    expect(send.map((s) => [actionsOf([s]).sort(), s.Condition])).toEqual([
      [['ses:SendEmail', 'ses:SendRawEmail'], { StringEquals: { 'ses:FromAddress': 'council-audit@harbourne-tc.example' } }],
    ]);
    for (const fn of [synth.stateless.scanDispatch, synth.stateless.scanAccount]) {
      expect(actionsOf(statementsOf(fn)).some((a) => a.startsWith('s3:')), fn.node.id).toBe(false);
    }
    expect(actionsOf(statementsOf(synth.stateless.scanDispatch)).some((a) => a.startsWith('secretsmanager:'))).toBe(false);
    expect(actionsOf(statementsOf(synth.stateless.weeklyDigest)).some((a) => a.startsWith('secretsmanager:') || a === 'sqs:SendMessage')).toBe(false);
    expect(actionsOf(statementsOf(synth.stateless.scanAccount)).some((a) => a.startsWith('ses:') || a === 'sqs:SendMessage')).toBe(false);
  });
});

describe('cdk-nag (AwsSolutions)', () => {
  const stacks = () => [synth.stateful, synth.stateless];

  it('reports no unacknowledged error', () => {
    for (const stack of stacks()) {
      expect(Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*')), stack.stackName).toEqual([]);
    }
  });

  it('reports no unacknowledged warning', () => {
    for (const stack of stacks()) {
      expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*')), stack.stackName).toEqual([]);
    }
  });

  it('carries exactly the acknowledgements in infra/nag.ts, each with a reason', () => {
    // Prepare
    const acknowledged: string[] = [];
    for (const template of [stateful, stateless]) {
      for (const [logicalId, resource] of Object.entries(template.toJSON().Resources as Record<string, Resource>)) {
        const rules = (resource.Metadata?.cdk_nag as { rules_to_suppress?: { id: string; reason: string }[] } | undefined)?.rules_to_suppress ?? [];
        for (const rule of rules) {
          expect(rule.reason.length, `${logicalId} ${rule.id}`).toBeGreaterThan(60);
          acknowledged.push(rule.id);
        }
      }
    }

    // Assess: six functions' runtime and X-Ray's Resource "*", the secret's rotation, the scheduler's
    // dead-letter queue, and the reports/* object ARN in the three policies that touch reports; the
    // console's: its API route served without an authorizer, the Essentials plan, no geo restriction and
    // no WAF, the cloudfront.net certificate, the assets bucket's logs (CloudFront's), its two secrets'
    // rotation, and CDK's asset upload (its wildcards and its runtime)
    expect(acknowledged.sort()).toEqual([
      'AwsSolutions-APIG4',
      'AwsSolutions-CFR1',
      'AwsSolutions-CFR2',
      'AwsSolutions-CFR4',
      'AwsSolutions-COG8',
      ...Array<string>(10).fill('AwsSolutions-IAM5'),
      ...Array<string>(7).fill('AwsSolutions-L1'),
      'AwsSolutions-S1',
      'AwsSolutions-SMG4',
      'AwsSolutions-SMG4',
      'AwsSolutions-SMG4',
      'AwsSolutions-SQS3',
    ]);
  });
});
