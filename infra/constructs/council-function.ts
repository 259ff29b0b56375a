import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { VariableName } from '../../shared/runtime/environment';
import { functionBundling, type FunctionBundling } from './bundling';
import type { NodeModulesLayer } from './node-modules-layer';

/** Where package.json, package-lock.json, node_modules and functions/ are. */
export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Powertools' log levels as Lambda's application log filter. */
const APPLICATION_LOG_LEVEL: Record<string, lambda.ApplicationLogLevel> = {
  TRACE: lambda.ApplicationLogLevel.TRACE,
  DEBUG: lambda.ApplicationLogLevel.DEBUG,
  INFO: lambda.ApplicationLogLevel.INFO,
  WARN: lambda.ApplicationLogLevel.WARN,
  ERROR: lambda.ApplicationLogLevel.ERROR,
  CRITICAL: lambda.ApplicationLogLevel.FATAL,
  SILENT: lambda.ApplicationLogLevel.FATAL,
};

/** The handlers under functions/<name>/handler.ts. */
export type FunctionName = 'scan-dispatch' | 'scan-account' | 'weekly-digest' | 'monthly-report' | 'council-jobs' | 'console';

/**
 * The variables a deployed function may be given: the names the code reads (shared/runtime/environment.ts),
 * less AWS_REGION (reserved: Lambda sets it) and the endpoint overrides (local stand-ins only).
 */
export type FunctionEnvironment = Partial<Record<Exclude<VariableName, 'AWS_REGION' | 'DYNAMODB_ENDPOINT' | 'SES_ENDPOINT' | 'SQS_ENDPOINT'>, string>>;

export interface CouncilFunctionProps {
  readonly name: FunctionName;
  readonly description: string;
  readonly environment: FunctionEnvironment;
  /** Powertools service name and log level, shared by all functions of the product. */
  readonly serviceName: string;
  readonly logLevel: string;
  readonly memorySize?: number;
  readonly timeout?: Duration;
  readonly logRetention?: logs.RetentionDays;
  /** arm64 unless a dependency's native binary says otherwise (a layer must match it). */
  readonly architecture?: lambda.Architecture;
  /** Packages provided at run time by layers: left out of the bundle, imported from /opt/nodejs. */
  readonly moduleLayers?: readonly NodeModulesLayer[];
  /**
   * Instances it may run at once, reserved from (and capped within) the account's concurrency: for a
   * function whose runaway (a schedule firing in a loop, an operator's script) would hurt. None when absent.
   */
  readonly reservedConcurrency?: number;
}

/** The runtime every function (and every layer built for them) targets. */
export const FUNCTION_RUNTIME = lambda.Runtime.NODEJS_22_X;

/**
 * The one way the product builds a Lambda function: Node 22 on arm64 (x86_64 where a layer's native
 * binary needs it), bundled by the local esbuild (there is no Docker here) as ESM with source maps, the
 * AWS SDK left to the runtime and packages from module layers left out, its own log group with a
 * retention, X-Ray active tracing, and its own role that starts with nothing but writing to that log
 * group and its traces (no AWSLambdaBasicExecutionRole), so each stack grants exactly what a function needs.
 */
export class CouncilFunction extends Construct {
  readonly name: FunctionName;
  /** How its handler is bundled: the bench builds the same bundle from this. */
  readonly bundling: FunctionBundling;
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: CouncilFunctionProps) {
    super(scope, id);
    this.name = props.name;
    const architecture = props.architecture ?? lambda.Architecture.ARM_64;
    const moduleLayers = props.moduleLayers ?? [];
    for (const layer of moduleLayers) {
      if (layer.architecture.name !== architecture.name) {
        throw new Error(`${props.name} runs on ${architecture.name} but layer ${layer.node.path} is built for ${layer.architecture.name}`);
      }
    }

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.THREE_MONTHS,
    });

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the ${props.name} function`,
    });
    this.logGroup.grantWrite(this.role);

    this.bundling = functionBundling(moduleLayers.flatMap((layer) => layer.modules));
    this.function = new NodejsFunction(this, 'Function', {
      description: props.description,
      entry: path.join(repositoryRoot, 'functions', props.name, 'handler.ts'),
      handler: 'handler',
      projectRoot: repositoryRoot,
      depsLockFilePath: path.join(repositoryRoot, 'package-lock.json'),
      runtime: FUNCTION_RUNTIME,
      architecture,
      layers: moduleLayers.map((layer) => layer.layerVersion),
      memorySize: props.memorySize ?? 256,
      timeout: props.timeout ?? Duration.seconds(30),
      // Lambda's own segments (init, invocation, duration); the Powertools tracer, once a dependency,
      // adds the AWS SDK calls inside them.
      tracing: lambda.Tracing.ACTIVE,
      ...(props.reservedConcurrency !== undefined ? { reservedConcurrentExecutions: props.reservedConcurrency } : {}),
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      // With JSON logging Lambda filters by this level (and Powertools defers to it): keep the two in step.
      applicationLogLevelV2: APPLICATION_LOG_LEVEL[props.logLevel] ?? lambda.ApplicationLogLevel.INFO,
      environment: {
        ...props.environment,
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_LOG_LEVEL: props.logLevel,
        NODE_OPTIONS: '--enable-source-maps',
      },
      // esbuild's options in NodejsFunction's terms (it always bundles with --platform=node).
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM, // the only format FunctionBundling allows
        target: this.bundling.target,
        mainFields: this.bundling.mainFields,
        banner: this.bundling.banner.js,
        externalModules: this.bundling.external,
        minify: this.bundling.minify,
        keepNames: this.bundling.keepNames,
        sourceMap: this.bundling.sourcemap,
        sourcesContent: this.bundling.sourcesContent,
      },
    });
    // The role's policy must exist before the function can run (and before the event source polls).
    this.function.node.addDependency(this.role);
  }
}
