import * as z from '../zod';
import { issuesFromZod, ValidationError } from '../domain/errors';

/** How long captured posts are kept, in days, unless the deployment says otherwise. */
export const DEFAULT_RETENTION_DAYS = 90;

/**
 * Every environment variable a deployed function reads, in one place: the CDK stack sets them, and an
 * operator can point the same code at other endpoints with them. Each function's composition root
 * picks the ones it uses (see `environmentSchema`) and reads them at cold start.
 */
export const VARIABLES = {
  /** The DynamoDB table (see shared/store/keys.ts). */
  TABLE_NAME: z.string().check(z.minLength(3, 'must be at least 3 characters')),
  /** The SQS queue between dispatch and per-account scanning. */
  SCAN_QUEUE_URL: z.url(),
  /** The SQS queues from the hourly tick to the weekly digest and the monthly report: one message per council. */
  DIGEST_QUEUE_URL: z.url(),
  REPORT_QUEUE_URL: z.url(),
  /** The sender of every council's weekly digest (each council's registration names its recipients). */
  DIGEST_FROM: z.string().check(z.minLength(1, 'must not be empty')),
  /** SES configuration set for sending. */
  SES_CONFIGURATION_SET: z.string().check(z.minLength(1, 'must not be empty')),
  /** How long captured posts are kept, in days (DynamoDB TTL). */
  RETENTION_DAYS: z._default(z.coerce.number().check(z.int(), z.positive()), DEFAULT_RETENTION_DAYS),
  /** The S3 bucket the monthly Full Council report is stored in. */
  REPORTS_BUCKET: z.string().check(z.minLength(3, 'must be at least 3 characters')),
  /** Secrets Manager secret holding platform tokens (used by the platform connectors). */
  PLATFORM_SECRET_ARN: z.string().check(z.minLength(1, 'must not be empty')),
  /** Endpoints for other regions or stand-ins: unset in AWS. */
  DYNAMODB_ENDPOINT: z.url(),
  SES_ENDPOINT: z.url(),
  SQS_ENDPOINT: z.url(),
  /** The deployment's console, which the digest's items link to (`https://audit.example`). */
  CONSOLE_URL: z.url({ protocol: /^https?$/ }),
  /** Secrets Manager secret of the console: JSON with its session-signing secret and the Cognito app client's secret. */
  CONSOLE_SECRET_ARN: z.string().check(z.minLength(1, 'must not be empty')),
  /** Secrets Manager secret holding the value CloudFront's origin header carries to the console (plain text). */
  CONSOLE_ORIGIN_SECRET_ARN: z.string().check(z.minLength(1, 'must not be empty')),
  /** The console's Cognito user pool (invitations), its issuer (token checks), app client and managed login domain. */
  COGNITO_USER_POOL_ID: z.string().check(z.regex(/^[\w-]+_[0-9a-zA-Z]+$/, 'must be a user pool id such as eu-west-2_AbCdEf123')),
  COGNITO_ISSUER: z.url({ protocol: /^https$/ }),
  COGNITO_CLIENT_ID: z.string().check(z.minLength(1, 'must not be empty')),
  COGNITO_DOMAIN: z.url({ protocol: /^https$/ }),
  /** The console's stylesheet and script as CloudFront serves them from S3 (their names hold a hash of their content). */
  CONSOLE_STYLESHEET: z.string().check(z.regex(/^\/assets\/[\w.-]+\.css$/, 'must be an asset path such as /assets/console-0123456789ab.css')),
  CONSOLE_SCRIPT: z.string().check(z.regex(/^\/assets\/[\w.-]+\.js$/, 'must be an asset path such as /assets/init-0123456789ab.js')),
  AWS_REGION: z._default(z.string(), 'eu-west-2'),
} as const;

export type VariableName = keyof typeof VARIABLES;

type Picked<R extends VariableName, O extends VariableName> = z.ZodMiniObject<
  { [K in R]: (typeof VARIABLES)[K] } & { [K in O]: z.ZodMiniOptional<(typeof VARIABLES)[K]> }
>;

/** A function's own environment: the variables it cannot run without, and those it can. */
export function environmentSchema<R extends VariableName, O extends VariableName = never>(required: readonly R[], optional: readonly O[] = []): Picked<R, O> {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const name of required) shape[name] = VARIABLES[name];
  for (const name of optional) shape[name] = z.optional(VARIABLES[name]);
  return z.object(shape) as unknown as Picked<R, O>;
}

export class EnvironmentError extends ValidationError {}

/** Reads an environment, or throws an EnvironmentError naming each missing or invalid variable. */
export function readEnvironment<S extends z.ZodMiniType>(schema: S, source: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(source);
  if (!result.success) throw new EnvironmentError('invalid environment', issuesFromZod(result.error, source));
  return result.data;
}
