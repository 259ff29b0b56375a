/** Where stored reports live (an S3 bucket in AWS, a folder locally), and how a reader reaches one. */
export interface ReportStorage {
  put(key: string, body: Uint8Array | string, contentType: string): Promise<void>;
  /** A link to the object that works for a bounded time without credentials (a pre-signed URL in AWS). */
  linkTo(key: string, expiresInSeconds: number): Promise<string>;
}
