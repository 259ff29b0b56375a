// What the cost model needs to know about the deployment, read from the CDK app as `cdk synth` builds
// it (bundling skipped): each function's memory and architecture, and how many of each fixed resource
// (alarms, schedules, keys, secrets, queues) one deployment has. Nothing here is typed twice.
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { withSynthesisedApp } from '../cdk-app';

export interface DeployedFunctionSize {
  memoryMb: number;
  architecture: 'arm64' | 'x86_64';
  timeoutSeconds: number;
}

export interface DeployedStack {
  functions: Record<string, DeployedFunctionSize>;
  /** Resource counts by CloudFormation type, for the fixed monthly costs. */
  resources: {
    alarms: number;
    schedules: number;
    kmsKeys: number;
    secrets: number;
    queues: number;
    /** SQS queues a Lambda event source mapping polls. */
    polledQueues: number;
    logGroups: number;
  };
  /** The scan schedule expression, e.g. `rate(1 hour)`. */
  scanSchedule: string;
  /** How long captured posts are kept (the stack's RETENTION_DAYS). */
  retentionDays: number;
  /** How long the functions' log groups keep their logs. */
  logRetentionDays: number;
}

export async function readDeployedStack(root: string): Promise<DeployedStack> {
  const { CfnResource, Stack } = await import('aws-cdk-lib');
  const { CfnEventSourceMapping } = await import('aws-cdk-lib/aws-lambda');
  const { CfnLogGroup } = await import('aws-cdk-lib/aws-logs');
  const { CouncilFunction } = await import('../../../infra/constructs/council-function');
  return withSynthesisedApp(root, (app, context): DeployedStack => {
    const functions: Record<string, DeployedFunctionSize> = {};
    const counts = new Map<string, number>();
    let polledQueues = 0;
    let logRetentionDays = 0;
    let retentionDays = 0;
    for (const construct of app.node.findAll()) {
      if (construct instanceof CouncilFunction) {
        const cfn = construct.function.node.defaultChild as CfnFunction;
        const resolve = (value: unknown) => Stack.of(construct).resolve(value) as unknown;
        const architectures = (resolve(cfn.architectures) as string[] | undefined) ?? ['x86_64'];
        const variables = (resolve(cfn.environment) as { variables?: Record<string, unknown> } | undefined)?.variables ?? {};
        if (variables.RETENTION_DAYS !== undefined) retentionDays = Number(variables.RETENTION_DAYS);
        functions[construct.name] = {
          memoryMb: Number(resolve(cfn.memorySize) ?? 128),
          architecture: architectures[0] === 'arm64' ? 'arm64' : 'x86_64',
          timeoutSeconds: Number(resolve(cfn.timeout) ?? 3),
        };
      }
      if (construct instanceof CfnEventSourceMapping) polledQueues += 1;
      if (construct instanceof CfnLogGroup) logRetentionDays = Math.max(logRetentionDays, Number(Stack.of(construct).resolve(construct.retentionInDays) ?? 0));
      if (construct instanceof CfnResource) counts.set(construct.cfnResourceType, (counts.get(construct.cfnResourceType) ?? 0) + 1);
    }
    const count = (type: string) => counts.get(type) ?? 0;
    return {
      functions,
      resources: {
        alarms: count('AWS::CloudWatch::Alarm'),
        schedules: count('AWS::Scheduler::Schedule'),
        kmsKeys: count('AWS::KMS::Key'),
        secrets: count('AWS::SecretsManager::Secret'),
        queues: count('AWS::SQS::Queue'),
        polledQueues,
        logGroups: count('AWS::Logs::LogGroup'),
      },
      scanSchedule: String(context.scanSchedule ?? 'rate(1 hour)'),
      retentionDays,
      logRetentionDays,
    };
  });
}
