import { createHash, timingSafeEqual } from 'node:crypto';
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { ConsoleHandler, ConsoleRequest, ConsoleResponse } from '../../shared/console/http';
import { environmentSchema } from '../../shared/runtime/environment';
import { logger } from '../../shared/runtime/logger';

/**
 * What the deployed console reads at cold start (handler.ts): the table, its own secret (session
 * signing and the Cognito app client's secret), the user pool and its managed login, its address, and
 * the names of its stylesheet and script (CloudFront serves them from S3; the function only links them),
 * and the bucket the monthly reports are stored in (the reports page serves them from it).
 */
export const ENVIRONMENT = environmentSchema(
  [
    'TABLE_NAME',
    'CONSOLE_URL',
    'CONSOLE_SECRET_ARN',
    'CONSOLE_ORIGIN_SECRET_ARN',
    'COGNITO_USER_POOL_ID',
    'COGNITO_ISSUER',
    'COGNITO_CLIENT_ID',
    'COGNITO_DOMAIN',
    'CONSOLE_STYLESHEET',
    'CONSOLE_SCRIPT',
    'REPORTS_BUCKET',
    'AWS_REGION',
  ],
  ['DYNAMODB_ENDPOINT'],
);

/**
 * Where Cognito's managed login sends a person back with the authorization code, and where it lands
 * them after signing out: the console's own routes (shared/console/app.ts), registered on the app
 * client by the stack (infra/constructs/council-console.ts).
 */
export const CONSOLE_AUTH_PATHS = { callback: '/auth/callback', signedOut: '/signed-out' } as const;

/**
 * The event both HTTP fronts send: an API Gateway HTTP API with payload format 2.0, and a Lambda
 * function URL (the same shape, without routeKey and stage). Header names arrive in lower case,
 * a repeated header joined with commas; the Cookie header is taken out and split into `cookies`.
 */
export type ConsoleEvent = Pick<APIGatewayProxyEventV2, 'rawPath' | 'rawQueryString' | 'headers' | 'isBase64Encoded'> & {
  cookies?: string[];
  body?: string;
  requestContext: { http: { method: string } & Record<string, unknown> } & Record<string, unknown>;
};

export type ConsoleResult = APIGatewayProxyStructuredResultV2 & { cookies: string[] };

/** How the composition root makes the console: called on the first request (its secrets read once), again only if it failed. */
export type MakeConsole = () => ConsoleHandler | Promise<ConsoleHandler>;

/**
 * The header CloudFront adds to every request it sends on to the console (infra/constructs/council-console.ts),
 * carrying a value kept in Secrets Manager. API Gateway's own address stays reachable, so a request without it
 * came round CloudFront: past its security headers and its logs.
 */
export const ORIGIN_HEADER = 'x-council-audit-origin';

export interface HandlerOptions {
  /**
   * The value ORIGIN_HEADER must carry, read on the first request like the console's secrets. Without it every
   * request is served: a local run has no CloudFront in front.
   */
  originSecret?: () => string | Promise<string>;
}

/** The page a person sees when the request itself cannot be read: no stack trace, nothing of theirs echoed. */
const BAD_REQUEST = 'The address of this page could not be read. Check the link, or go back to the console home page.';
/** The page a person sees who reached the function round CloudFront: nothing is served there. */
const NOT_THROUGH_CLOUDFRONT = "This is not the console's address. Open the console at the address your council gave you.";
/** The page a person sees when the console failed: the cause is in the log, under the request id. */
const FAILED = 'Sorry, there is a problem with the console. Try again later.';

/** The HTTP event as the console's request: decoded path, raw query, lower-case headers, cookies back in one header, text body. */
export function toConsoleRequest(event: ConsoleEvent): ConsoleRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
  }
  // Payload 2.0 moves every Cookie header into `cookies`; a function URL may also leave one in headers.
  const cookies = [...(headers.cookie ? [headers.cookie] : []), ...(event.cookies ?? [])];
  if (cookies.length > 0) headers.cookie = cookies.join('; ');
  else delete headers.cookie;

  const body = event.body === undefined || event.body === null ? '' : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  return {
    method: event.requestContext.http.method.toUpperCase(),
    path: decodePath(event.rawPath),
    query: new URLSearchParams(event.rawQueryString ?? ''),
    headers,
    body,
  };
}

/** The console's response as API Gateway and function URLs take it: each cookie its own Set-Cookie, bytes in base64. */
export function toResult(response: ConsoleResponse): ConsoleResult {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    const key = name.toLowerCase();
    // The cookies travel in `cookies`; a Set-Cookie header here would be sent once, merged by commas.
    if (key !== 'set-cookie') headers[key] = value;
  }
  const { body } = response;
  const binary = typeof body !== 'string';
  return {
    statusCode: response.status,
    headers,
    cookies: [...response.cookies],
    body: binary ? Buffer.from(body).toString('base64') : body,
    isBase64Encoded: binary,
  };
}

/** Malformed percent-encoding in the path: the request is refused with 400, not handed on. */
class UnreadablePathError extends Error {}

function decodePath(rawPath: string): string {
  const path = rawPath === '' ? '/' : rawPath;
  try {
    return decodeURIComponent(path);
  } catch {
    throw new UnreadablePathError(`unreadable path ${JSON.stringify(path)}`);
  }
}

const page = (status: number, text: string): ConsoleResult => ({
  statusCode: status,
  headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  cookies: [],
  body: text,
  isBase64Encoded: false,
});

/**
 * The console function: each HTTP request becomes a ConsoleRequest, the console answers it, and its
 * answer goes back to API Gateway. The console is made once per instance (on its first request, so a
 * secret read at cold start is read once); if making it fails, the next request tries again.
 */
export function createHandler(makeConsole: MakeConsole, options: HandlerOptions = {}) {
  const consoleHandler = once(makeConsole);
  const { originSecret } = options;
  const expectedOrigin = originSecret && once(async () => digest(await originSecret()));

  return middy(async (event: ConsoleEvent, _context: Context): Promise<ConsoleResult> => {
    let request: ConsoleRequest;
    try {
      request = toConsoleRequest(event);
    } catch (error) {
      if (!(error instanceof UnreadablePathError)) throw error;
      logger.warn('console request refused', { reason: error.message });
      return page(400, BAD_REQUEST);
    }
    try {
      if (expectedOrigin) {
        const sent = request.headers[ORIGIN_HEADER];
        // Compared as digests of equal length, in constant time: the answer's timing tells nothing of the value.
        if (sent === undefined || !timingSafeEqual(digest(sent), await expectedOrigin())) {
          logger.warn('console request refused: it did not come through CloudFront', { method: request.method, path: request.path });
          return page(403, NOT_THROUGH_CLOUDFRONT);
        }
        const { [ORIGIN_HEADER]: _checked, ...headers } = request.headers;
        request = { ...request, headers };
      }
      return toResult(await (await consoleHandler())(request));
    } catch (error) {
      logger.error('console request failed', { method: request.method, path: request.path, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      return page(500, FAILED);
    }
  }).use(injectLambdaContext(logger));
}

/** Made on first use and kept; if making it failed, the next call tries again. */
function once<T>(make: () => T | Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => {
    made ??= Promise.resolve()
      .then(make)
      .catch((error: unknown) => {
        made = undefined;
        throw error;
      });
    return made;
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
