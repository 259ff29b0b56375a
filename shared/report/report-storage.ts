/** Where stored reports live (an S3 bucket in AWS, a folder locally), and how a reader reaches one. */
export interface ReportStorage {
  put(key: string, body: Uint8Array | string, contentType: string): Promise<void>;
  /** A link to the object that works for a bounded time without credentials (a pre-signed URL in AWS). */
  linkTo(key: string, expiresInSeconds: number): Promise<string>;
}

/**
 * Reading a stored report back, for the console's reports page: its address never expires, so it
 * serves the stored file itself rather than a link that would. Undefined when nothing is stored there.
 */
export interface ReportReader {
  get(key: string): Promise<Uint8Array | undefined>;
}
