import type { GetObjectCommand as GetObjectCommandType, S3Client } from '@aws-sdk/client-s3';
import { CouncilAuditError } from '../domain/errors';
import { clientConfig, type AwsSettings } from '../runtime/aws';
import type { ReportReader } from './report-storage';

/** A report could not be stored or linked to, or read back. */
export class ReportStorageError extends CouncilAuditError {}

/** The S3 SDK, loaded when first needed: `import()` of an external module stays lazy in a bundle. */
const s3Sdk = () => import('@aws-sdk/client-s3');

/**
 * Reads stored reports from the bucket, loading the S3 SDK on the first read rather than at cold
 * start: the console serves a stored report far less often than it starts, and its cold import has a
 * 200 ms budget (a static import of the S3 client costs about 60 ms of it).
 */
export function lazyS3ReportReader(settings: AwsSettings & { bucket: string }): ReportReader {
  let client: S3Client | undefined;
  return {
    async get(key) {
      const sdk = await s3Sdk();
      client ??= new sdk.S3Client(clientConfig(settings));
      return readStoredObject(client, sdk.GetObjectCommand, settings.bucket, key);
    },
  };
}

/** An object's bytes; undefined when nothing is stored under the key. */
export async function readStoredObject(client: S3Client, GetObjectCommand: typeof GetObjectCommandType, bucket: string, key: string): Promise<Uint8Array | undefined> {
  try {
    const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return object.Body ? await object.Body.transformToByteArray() : undefined;
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
    throw new ReportStorageError(`could not read ${key} from s3://${bucket}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
