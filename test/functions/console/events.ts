import { ORIGIN_HEADER, type ConsoleEvent } from '../../../functions/console/create-handler';

/** The value the stack's CloudFront origin header carries, in these events and in the tests' Secrets Manager answers. */
export const TEST_ORIGIN_SECRET = 'origin-0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * Events as the two HTTP fronts send them, in the shape of AWS's published payload 2.0 examples (the
 * API Gateway developer guide's "Payload format structure" and aws-lambda-go's lambda-urls-request.json),
 * with this product's pages, headers a browser sends through CloudFront, and fictional values.
 */

/** An API Gateway HTTP API ($default stage and route) request for a page, as CloudFront forwards it. */
export function httpApiEvent(overrides: Partial<ConsoleEvent> & { method?: string } = {}): ConsoleEvent & Record<string, unknown> {
  const { method = 'GET', ...rest } = overrides;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/councils/harbourne-tc/findings',
    rawQueryString: 'severity=high&severity=medium&rule=phone-number',
    cookies: ['__Host-session=s1.abc', 'theme=plain'],
    headers: {
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'accept-encoding': 'gzip, deflate, br',
      'accept-language': 'en-GB,en;q=0.9',
      'cloudfront-forwarded-proto': 'https',
      'cloudfront-viewer-country': 'GB',
      'content-length': '0',
      host: 'a1b2c3d4e5.execute-api.eu-west-2.amazonaws.com',
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
      via: '2.0 0123456789abcdef0123456789abcdef.cloudfront.net (CloudFront)',
      'x-amz-cf-id': 'Jm5ZQjdyX0h6dVdhY2x0UlN0eUt5RkJmX0pQT2RRPT0=',
      'x-amzn-trace-id': 'Root=1-6751f9a0-0123456789abcdef01234567',
      'x-forwarded-for': '192.0.2.10, 198.51.100.7',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
      [ORIGIN_HEADER]: TEST_ORIGIN_SECRET,
    },
    queryStringParameters: { severity: 'high,medium', rule: 'phone-number' },
    requestContext: {
      accountId: '111111111111',
      apiId: 'a1b2c3d4e5',
      domainName: 'a1b2c3d4e5.execute-api.eu-west-2.amazonaws.com',
      domainPrefix: 'a1b2c3d4e5',
      http: {
        method,
        path: '/councils/harbourne-tc/findings',
        protocol: 'HTTP/1.1',
        sourceIp: '198.51.100.7',
        userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
      },
      requestId: 'Cx3_dgNKLPEEJlQ=',
      routeKey: '$default',
      stage: '$default',
      time: '07/Dec/2026:04:01:02 +0000',
      timeEpoch: 1796616062000,
    },
    isBase64Encoded: false,
    ...rest,
  };
}

/** A form posted to a finding's dismiss action: API Gateway hands the urlencoded body over in base64. */
export function httpApiFormPost(form: string): ConsoleEvent & Record<string, unknown> {
  const event = httpApiEvent({
    method: 'POST',
    rawPath: '/councils/harbourne-tc/findings/f-0042/dismiss',
    rawQueryString: '',
    body: Buffer.from(form, 'utf8').toString('base64'),
    isBase64Encoded: true,
  });
  return {
    ...event,
    headers: {
      ...event.headers,
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(Buffer.byteLength(form)),
      origin: 'https://audit.harbourne-tc.example',
    },
  };
}

/** A Lambda function URL request: the same payload 2.0 shape, without routeKey or stage. */
export function functionUrlEvent(overrides: Partial<ConsoleEvent> = {}): ConsoleEvent & Record<string, unknown> {
  return {
    version: '2.0',
    rawPath: '/sign-in',
    rawQueryString: '',
    headers: {
      accept: 'text/html',
      host: 'abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-west-2.on.aws',
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '203.0.113.5',
      [ORIGIN_HEADER]: TEST_ORIGIN_SECRET,
    },
    requestContext: {
      accountId: 'anonymous',
      apiId: 'abcdefghijklmnopqrstuvwxyz012345',
      domainName: 'abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-west-2.on.aws',
      domainPrefix: 'abcdefghijklmnopqrstuvwxyz012345',
      http: { method: 'GET', path: '/sign-in', protocol: 'HTTP/1.1', sourceIp: '203.0.113.5', userAgent: 'Mozilla/5.0' },
      requestId: 'd3b07384-d9a0-4c9b-8e8f-1234567890ab',
      time: '07/Dec/2026:04:01:02 +0000',
      timeEpoch: 1796616062000,
    },
    isBase64Encoded: false,
    ...overrides,
  };
}
