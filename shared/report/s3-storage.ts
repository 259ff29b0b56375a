import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { clientConfig, type AwsSettings } from '../runtime/aws';
import type { ReportReader, ReportStorage } from './report-storage';
import { readStoredObject, ReportStorageError } from './s3-report-reader';

/** The longest a link may live: S3 refuses pre-signed (SigV4) URLs valid for more than 7 days. */
export const MAX_LINK_SECONDS = 7 * 24 * 60 * 60;

export { ReportStorageError };

/** Throws unless a link lifetime is a whole number of seconds from 1 to 7 days. */
export function assertLinkLifetime(expiresInSeconds: number): void {
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > MAX_LINK_SECONDS) {
    throw new RangeError(`a report link must expire within 1 to ${MAX_LINK_SECONDS} seconds (7 days), not ${expiresInSeconds}`);
  }
}

/** Report storage in an S3 bucket, with a client of its own. */
export function s3ReportStorage(settings: AwsSettings & { bucket: string }): S3ReportStorage {
  return new S3ReportStorage(new S3Client(clientConfig(settings)), settings.bucket);
}

/**
 * Reports in an S3 bucket: written with server-side encryption (SSE-S3), read through pre-signed
 * GetObject URLs, so the bucket stays private and a reader needs no AWS account.
 *
 * A pre-signed URL stops working when the credentials that signed it expire, whatever its own
 * lifetime: signed with a Lambda role's session credentials, it lasts at most as long as that session.
 */
export class S3ReportStorage implements ReportStorage, ReportReader {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async put(key: string, body: Uint8Array | string, contentType: string): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: body,
          ContentType: contentType,
          ContentDisposition: `inline; filename="${fileNameOf(key)}"`,
          ServerSideEncryption: 'AES256',
        }),
      );
    } catch (error) {
      throw new ReportStorageError(`could not store ${key} in s3://${this.bucket}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    return readStoredObject(this.client, GetObjectCommand, this.bucket, key);
  }

  async linkTo(key: string, expiresInSeconds: number): Promise<string> {
    assertLinkLifetime(expiresInSeconds);
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.bucket, Key: key }), { expiresIn: expiresInSeconds });
  }
}

/** The last path segment, with anything that would break a quoted header value replaced. */
function fileNameOf(key: string): string {
  return (key.split('/').pop() || 'report').replace(/[^\w.-]/g, '_');
}
