import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FolderReportStorage } from '../../shared/report/folder-storage';
import { ReportStorageError, S3ReportStorage } from '../../shared/report/s3-storage';

/** Reading stored reports back (the console's reports page serves them rather than linking to them). */

const PDF = new TextEncoder().encode('%PDF-1.7 a stand-in\n%%EOF\n');
const KEY = 'reports/harbourne-tc/2026-01/council-audit-report-2026-01.pdf';

/** A bucket on 127.0.0.1 that answers GetObject for one key, 404 NoSuchKey for others, and 500 for a key named "broken". */
let server: Server;
let endpoint: string;
const asked: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    asked.push(`${request.method} ${path}`);
    if (path === `/council-audit-reports/${KEY}`) {
      response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': PDF.byteLength });
      response.end(PDF);
    } else if (path.endsWith('/broken')) {
      response.writeHead(500, { 'content-type': 'application/xml' });
      response.end('<?xml version="1.0"?><Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>');
    } else {
      response.writeHead(404, { 'content-type': 'application/xml' });
      response.end('<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function bucket(): S3ReportStorage {
  const client = new S3Client({ region: 'eu-west-2', endpoint, forcePathStyle: true, maxAttempts: 1, credentials: { accessKeyId: 'AKIAEXAMPLEEXAMPLE00', secretAccessKey: 'fictional-secret-for-signing' } });
  return new S3ReportStorage(client, 'council-audit-reports');
}

describe('reading stored reports', () => {
  it('reads a report from the bucket, and says there is none for a key not stored', async () => {
    expect(Buffer.from((await bucket().get(KEY))!)).toEqual(Buffer.from(PDF));
    expect(await bucket().get('reports/harbourne-tc/2025-12/none.pdf')).toBeUndefined();
    expect(asked).toContain(`GET /council-audit-reports/${KEY}`);
  });

  it('names the key and the bucket when the bucket fails', async () => {
    await expect(bucket().get('reports/broken')).rejects.toThrow(ReportStorageError);
    await expect(bucket().get('reports/broken')).rejects.toThrow('could not read reports/broken from s3://council-audit-reports');
  });

  it('reads a report from the local folder, and refuses a key that would leave it', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'report-reader-'));
    try {
      const storage = new FolderReportStorage(folder);
      await storage.put(KEY, PDF, 'application/pdf');
      expect(Buffer.from((await storage.get(KEY))!)).toEqual(Buffer.from(PDF));
      expect(await storage.get('reports/none.pdf')).toBeUndefined();
      await expect(storage.get('../../etc/passwd')).rejects.toThrow(ReportStorageError);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
