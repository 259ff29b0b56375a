import { z } from 'zod';
import { issuesFromZod, ValidationError } from '../domain/errors';

/**
 * Every environment variable the handlers, the CLI and the local twin read, in one place: the CDK
 * stack sets them, the local twin sets them for its embedded stand-ins, and an operator can point the
 * same code at other endpoints with them.
 */
export const EnvironmentSchema = z.object({
  /** The DynamoDB table (see shared/store/keys.ts). */
  TABLE_NAME: z.string().min(3, 'must be at least 3 characters'),
  /** The SQS queue between dispatch and per-account scanning (scan-dispatch only). */
  SCAN_QUEUE_URL: z.string().optional(),
  /** The sender and recipients of the weekly digest (weekly-digest only); recipients comma-separated. */
  DIGEST_FROM: z.string().optional(),
  DIGEST_TO: z.string().optional(),
  /** SES configuration set for sending (optional). */
  SES_CONFIGURATION_SET: z.string().optional(),
  /** How long captured posts are kept, in days (DynamoDB TTL). */
  RETENTION_DAYS: z.coerce.number().int().positive().default(400),
  /** The S3 bucket the monthly Full Council report is stored in (monthly-report only). */
  REPORTS_BUCKET: z.string().optional(),
  /** Secrets Manager secret holding platform tokens (used by the platform connectors). */
  PLATFORM_SECRET_ARN: z.string().optional(),
  /** A JSON-lines file of canonical posts that stands in for every platform (the local twin). */
  SAMPLE_POSTS_PATH: z.string().optional(),
  /** Endpoints for local stand-ins or other regions: unset in AWS. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  SES_ENDPOINT: z.url().optional(),
  SQS_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().default('eu-west-2'),
});
export type Environment = z.infer<typeof EnvironmentSchema>;

export class EnvironmentError extends ValidationError {}

export function readEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  const result = EnvironmentSchema.safeParse(env);
  if (!result.success) throw new EnvironmentError('invalid environment', issuesFromZod(result.error, env));
  return result.data;
}
