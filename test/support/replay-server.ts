import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReplayResponse {
  status?: number;
  headers?: Record<string, string>;
  /** Bytes (a Uint8Array) and a string are sent as they are; any other object as JSON. */
  body?: unknown;
  /** Wait this long before answering (to provoke a client timeout). */
  delayMs?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
}

export interface ReplayServer {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Answers requests for `path` with these responses in turn; the last one repeats. */
  route(path: string, ...responses: ReplayResponse[]): void;
  /** Answers requests for `path` with whatever `respond` returns. */
  handle(path: string, respond: (request: RecordedRequest) => ReplayResponse): void;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 replaying recorded platform payloads, for connector tests. An
 * unrouted path answers 404 with a body that names it, so a test sees at once what it forgot.
 */
export async function startReplayServer(): Promise<ReplayServer> {
  const routes = new Map<string, (request: RecordedRequest) => ReplayResponse>();
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const recorded: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers };
    requests.push(recorded);
    const respond = routes.get(url.pathname);
    const reply = respond ? respond(recorded) : { status: 404, body: { error: `no route for ${url.pathname}` } };
    const send = () => {
      if (res.destroyed) return;
      // Bytes go as they are (a feed in its own charset); a string as UTF-8; anything else as JSON.
      const raw = reply.body instanceof Uint8Array;
      const body = reply.body === undefined ? '' : raw || typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      const json = !raw && typeof reply.body === 'object' && reply.body !== null;
      const headers = { ...(json ? { 'content-type': 'application/json' } : {}), ...reply.headers };
      res.writeHead(reply.status ?? 200, headers).end(body);
    };
    if (reply.delayMs) setTimeout(send, reply.delayMs).unref();
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    route(path, ...responses) {
      let next = 0;
      routes.set(path, () => responses[Math.min(next++, responses.length - 1)] ?? { status: 500 });
    },
    handle(path, respond) {
      routes.set(path, respond);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
