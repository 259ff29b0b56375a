import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createHandler, ORIGIN_HEADER, toConsoleRequest, toResult } from '../../../functions/console/create-handler';
import type { ConsoleHandler, ConsoleRequest, ConsoleResponse } from '../../../shared/console/http';
import { functionUrlEvent, httpApiEvent, httpApiFormPost, TEST_ORIGIN_SECRET } from './events';

const context = { functionName: 'console', awsRequestId: 'req-1', getRemainingTimeInMillis: () => 30_000 } as unknown as Context;

/** A console that records what it was asked and answers with `response`. */
function recordingConsole(response: Partial<ConsoleResponse> = {}): { handler: ConsoleHandler; seen: ConsoleRequest[] } {
  const seen: ConsoleRequest[] = [];
  const handler: ConsoleHandler = async (request) => {
    seen.push(request);
    return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, cookies: [], body: '<h1>Findings</h1>', ...response };
  };
  return { handler, seen };
}

describe('an HTTP API (payload 2.0) request as the console sees it', () => {
  it('keeps the method, the path, every value of a repeated query parameter, and lower-case headers', () => {
    // Act
    const request = toConsoleRequest(httpApiEvent());

    // Assess
    expect(request.method).toBe('GET');
    expect(request.path).toBe('/councils/harbourne-tc/findings');
    expect(request.query.getAll('severity')).toEqual(['high', 'medium']);
    expect(request.query.get('rule')).toBe('phone-number');
    expect(request.headers['accept-language']).toBe('en-GB,en;q=0.9');
    expect(request.headers['x-forwarded-proto']).toBe('https');
    expect(request.body).toBe('');
  });

  it('puts the cookies API Gateway split out back into one Cookie header, joined with "; "', () => {
    expect(toConsoleRequest(httpApiEvent()).headers.cookie).toBe('__Host-session=s1.abc; theme=plain');
    expect(toConsoleRequest(httpApiEvent({ cookies: undefined })).headers.cookie).toBeUndefined();
  });

  it('decodes a base64 form body to its text', () => {
    // Prepare: a reason with characters a person types, encoded as a browser encodes a form
    const form = new URLSearchParams({ csrf: 't0k3n', reason: 'Not our account — a résident’s page', suppress: 'on' }).toString();

    // Act
    const request = toConsoleRequest(httpApiFormPost(form));

    // Assess
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/councils/harbourne-tc/findings/f-0042/dismiss');
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(request.body).get('reason')).toBe('Not our account — a résident’s page');
  });

  it('decodes the path: a percent-encoded character reaches the console as itself', () => {
    const request = toConsoleRequest(httpApiEvent({ rawPath: '/councils/harbourne-tc/accounts/mastodon/%40clerk%40social.example' }));
    expect(request.path).toBe('/councils/harbourne-tc/accounts/mastodon/@clerk@social.example');
  });

  it('lower-cases header names and joins a header given twice in different case', () => {
    const request = toConsoleRequest(httpApiEvent({ headers: { 'X-Custom': 'a', 'x-custom': 'b', Accept: 'text/html' } }));
    expect(request.headers['x-custom']).toBe('a, b');
    expect(request.headers.accept).toBe('text/html');
  });
});

describe('a Lambda function URL request as the console sees it', () => {
  it('reads the same shape: no route key or stage, a Cookie header left in headers joined with the cookies', () => {
    // Act
    const request = toConsoleRequest(functionUrlEvent({ headers: { host: 'x.lambda-url.eu-west-2.on.aws', cookie: 'a=1' }, cookies: ['b=2'], rawQueryString: 'next=%2Ffindings' }));

    // Assess
    expect(request).toMatchObject({ method: 'GET', path: '/sign-in', body: '' });
    expect(request.headers.cookie).toBe('a=1; b=2');
    expect(request.query.get('next')).toBe('/findings');
  });

  it('reads a plain-text body as it is', () => {
    const request = toConsoleRequest(functionUrlEvent({ requestContext: { http: { method: 'post' } }, body: 'csrf=abc&note=done', isBase64Encoded: false }));
    expect(request.method).toBe('POST');
    expect(request.body).toBe('csrf=abc&note=done');
  });
});

describe("the console's response as API Gateway takes it", () => {
  it('sends each cookie as its own Set-Cookie and keeps the headers, text as text', () => {
    // Act
    const result = toResult({
      status: 303,
      headers: { Location: '/councils/harbourne-tc/findings', 'content-security-policy': "default-src 'self'" },
      cookies: ['__Host-session=s2; Path=/; HttpOnly; Secure; SameSite=Lax', '__Host-csrf=c2; Path=/; HttpOnly; Secure; SameSite=Lax'],
      body: '',
    });

    // Assess
    expect(result).toEqual({
      statusCode: 303,
      headers: { location: '/councils/harbourne-tc/findings', 'content-security-policy': "default-src 'self'" },
      cookies: ['__Host-session=s2; Path=/; HttpOnly; Secure; SameSite=Lax', '__Host-csrf=c2; Path=/; HttpOnly; Secure; SameSite=Lax'],
      body: '',
      isBase64Encoded: false,
    });
  });

  it('sends bytes (an image) base64-encoded, flagged so API Gateway decodes them', () => {
    // Prepare: the first bytes of a PNG
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);

    // Act
    const result = toResult({ status: 200, headers: { 'content-type': 'image/png' }, cookies: [], body: png });

    // Assess
    expect(result.isBase64Encoded).toBe(true);
    expect([...Buffer.from(result.body as string, 'base64')]).toEqual([...png]);
  });

  it('never sends a set-cookie header alongside the cookies (it would be merged into one by commas)', () => {
    const result = toResult({ status: 200, headers: { 'Set-Cookie': 'stray=1' }, cookies: ['kept=1'], body: 'ok' });
    expect(result.headers).toEqual({});
    expect(result.cookies).toEqual(['kept=1']);
  });
});

describe('the console function', () => {
  it('answers an HTTP API event through the console, end to end', async () => {
    // Prepare
    const { handler, seen } = recordingConsole({ cookies: ['__Host-session=s3; Path=/; HttpOnly; Secure; SameSite=Lax'] });

    // Act
    const result = await createHandler(() => handler)(httpApiFormPost('csrf=t&reason=duplicate'), context);

    // Assess
    expect(seen).toHaveLength(1);
    expect(seen[0]!.body).toBe('csrf=t&reason=duplicate');
    expect(result).toMatchObject({ statusCode: 200, body: '<h1>Findings</h1>', isBase64Encoded: false, cookies: ['__Host-session=s3; Path=/; HttpOnly; Secure; SameSite=Lax'] });
  });

  it('makes the console once per instance, however many requests it serves', async () => {
    // Prepare
    let made = 0;
    const { handler } = recordingConsole();
    const lambda = createHandler(async () => {
      made += 1;
      return handler;
    });

    // Act
    await Promise.all([lambda(httpApiEvent(), context), lambda(httpApiEvent(), context)]);
    await lambda(functionUrlEvent(), context);

    // Assess
    expect(made).toBe(1);
  });

  it('answers 500 without the cause when making the console fails, and tries again on the next request', async () => {
    // Prepare: the secret cannot be read the first time
    let attempts = 0;
    const { handler } = recordingConsole();
    const lambda = createHandler(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('AccessDeniedException: secretsmanager:GetSecretValue on arn:aws:secretsmanager:eu-west-2:111111111111:secret:console');
      return handler;
    });

    // Act
    const first = await lambda(httpApiEvent(), context);
    const second = await lambda(httpApiEvent(), context);

    // Assess
    expect(first.statusCode).toBe(500);
    expect(first.body).not.toMatch(/AccessDenied|secretsmanager|at /);
    expect(first.headers).toMatchObject({ 'cache-control': 'no-store' });
    expect(second.statusCode).toBe(200);
    expect(attempts).toBe(2);
  });

  it('answers 500 without a stack trace when the console throws', async () => {
    const lambda = createHandler(() => async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'findings')");
    });
    const result = await lambda(httpApiEvent(), context);
    expect(result.statusCode).toBe(500);
    expect(result.body).toContain('problem with the console');
    expect(result.body).not.toContain('findings');
  });

  it('refuses a path with broken percent-encoding with 400, without asking the console', async () => {
    // Prepare
    const { handler, seen } = recordingConsole();

    // Act
    const result = await createHandler(() => handler)(httpApiEvent({ rawPath: '/councils/%E0%A4%A/findings' }), context);

    // Assess
    expect(result.statusCode).toBe(400);
    expect(result.body).not.toContain('%E0');
    expect(seen).toEqual([]);
  });
});

describe('a request that did not come through CloudFront', () => {
  /** The event as API Gateway's own address would pass it on: no origin header, or another value in it. */
  const direct = (value?: string) => {
    const event = httpApiEvent();
    const { [ORIGIN_HEADER]: _sent, ...headers } = event.headers ?? {};
    return { ...event, headers: value === undefined ? headers : { ...headers, [ORIGIN_HEADER]: value } };
  };

  it('is refused with 403, saying where the console is, without asking the console', async () => {
    // Prepare
    const { handler, seen } = recordingConsole();
    const lambda = createHandler(() => handler, { originSecret: () => TEST_ORIGIN_SECRET });

    // Act
    const missing = await lambda(direct(), context);
    const wrong = await lambda(direct(`${TEST_ORIGIN_SECRET}x`), context);
    const empty = await lambda(direct(''), context);

    // Assess
    for (const result of [missing, wrong, empty]) {
      expect(result.statusCode).toBe(403);
      expect(result.body).toContain("not the console's address");
      expect(result.body).not.toContain(TEST_ORIGIN_SECRET);
    }
    expect(seen).toEqual([]);
  });

  it('is served when it carries the value, which the console itself never sees', async () => {
    // Prepare
    const { handler, seen } = recordingConsole();
    let reads = 0;
    const lambda = createHandler(() => handler, { originSecret: async () => (reads++, TEST_ORIGIN_SECRET) });

    // Act
    const first = await lambda(httpApiEvent(), context);
    const second = await lambda(httpApiEvent(), context);

    // Assess: the value read once, like the console's own secrets
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect(seen).toHaveLength(2);
    expect(seen[0]!.headers[ORIGIN_HEADER]).toBeUndefined();
    expect(reads).toBe(1);
  });

  it('answers 500 when the value cannot be read, and reads it again on the next request', async () => {
    const { handler } = recordingConsole();
    let reads = 0;
    const lambda = createHandler(() => handler, {
      originSecret: async () => {
        reads += 1;
        if (reads === 1) throw new Error('ResourceNotFoundException: arn:aws:secretsmanager:eu-west-2:111111111111:secret:console-origin');
        return TEST_ORIGIN_SECRET;
      },
    });
    const first = await lambda(httpApiEvent(), context);
    const second = await lambda(httpApiEvent(), context);
    expect(first.statusCode).toBe(500);
    expect(first.body).not.toMatch(/secretsmanager|ResourceNotFound/);
    expect(second.statusCode).toBe(200);
  });
});
