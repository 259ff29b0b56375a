import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { ConsoleHandler, ConsoleRequest } from './http';

/** The largest form body read: far above any review form, far below anything that would hurt. */
const MAX_BODY_BYTES = 256 * 1024;

/**
 * The console on node:http: each request translated into a ConsoleRequest and the handler's
 * ConsoleResponse written back, as the Lambda adapter does for a function URL. For `npm run console`
 * and the browser tests (shared/local/local-console.ts); listens on 127.0.0.1 only.
 */
export function consoleListener(handler: ConsoleHandler): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    void respond(handler, request, response);
  };
}

/** Listens on 127.0.0.1; a port in use is an error the caller can catch (EADDRINUSE). */
export function listen(server: Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function respond(handler: ConsoleHandler, request: IncomingMessage, response: ServerResponse): Promise<void> {
  try {
    const translated = await toConsoleRequest(request);
    if (!translated) {
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request');
      return;
    }
    const answer = await handler(translated);
    response.statusCode = answer.status;
    for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
    if (answer.cookies.length) response.setHeader('set-cookie', answer.cookies);
    response.end(typeof answer.body === 'string' ? answer.body : Buffer.from(answer.body));
  } catch (error) {
    // The handler answers every failure itself; this is the adapter's own (a closed socket).
    if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    response.end();
    console.error('console: the local server could not answer', error);
  }
}

async function toConsoleRequest(request: IncomingMessage): Promise<ConsoleRequest | undefined> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  let path;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(name.toLowerCase() === 'cookie' ? '; ' : ', ') : value;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return { method: (request.method ?? 'GET').toUpperCase(), path, query: url.searchParams, headers, body: Buffer.concat(chunks).toString('utf8') };
}
