import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sesMailer } from '../../shared/email/ses-mailer';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../shared/local/local-aws';
import { sqsJobQueue } from '../../shared/queue/sqs-job-queue';
import { s3ReportStorage } from '../../shared/report/s3-storage';
import { AWS_TIMEOUTS, clientConfig } from '../../shared/runtime/aws';
import { dynamoDbStore } from '../../shared/store/dynamodb-store';

// An AWS endpoint that accepts the connection and never answers (a stalled load balancer, a network
// that drops the reply): without a request timeout the SDK waits for ever, and the function that
// called it runs to its own timeout, leaving whatever it claimed half done.

let server: Server;
const sockets = new Set<Socket>();
let endpoint: string;
let connections = 0;

beforeAll(async () => {
  server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Settings for an adapter talking to the silent endpoint, with short bounds so the test is quick. */
const silent = () => ({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint, timeouts: { requestMs: 150, maxAttempts: 2 } });

describe('AWS clients', () => {
  it('bound every request by default: a connection and a request timeout, and a number of tries', () => {
    const config = clientConfig({ region: LOCAL_REGION });
    expect(config.requestHandler.connectionTimeout).toBeGreaterThan(0);
    expect(config.requestHandler.requestTimeout).toBeGreaterThan(0);
    expect(config.maxAttempts).toBe(AWS_TIMEOUTS.maxAttempts);
  });

  it('give up on an endpoint that never answers, in the store, the mailer, the queue and the report storage, after their tries', async () => {
    // Prepare
    const before = connections;
    const store = dynamoDbStore({ ...silent(), tableName: 'council-audit' }).forCouncil('harbourne-tc');
    const mailer = sesMailer(silent());
    const queue = sqsJobQueue<{ council: string }>({ ...silent(), queueUrl: `${endpoint}/111111111111/digests`, what: 'digest request', describe: (r) => r.council });
    const reports = s3ReportStorage({ ...silent(), bucket: 'council-audit-reports' });

    // Act
    const outcomes = await Promise.allSettled([
      store.getDigest('2026-W47'),
      mailer.send({ from: 'council-audit@audit-host.example', to: ['clerk@harbourne-tc.example'], subject: 'Weekly digest', html: '<p>Digest</p>', text: 'Digest' }),
      queue.send([{ council: 'harbourne-tc' }]),
      reports.put('reports/harbourne-tc/2026-11/report.pdf', new TextEncoder().encode('%PDF-1.7'), 'application/pdf'),
    ]);

    // Assess: each failed (none hung), each after two connections
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    expect(connections - before).toBe(8);
  });
});
