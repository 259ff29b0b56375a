import fc from 'fast-check';
import { connect, createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../shared/domain/account';
import { UrlRefusedError } from '../../shared/connectors/errors';
import { feedPolicy } from '../../shared/connectors/feeds/policy';
import { createPlatformHttp } from '../../shared/connectors/http/create-http';
import type { HttpOptions } from '../../shared/connectors/http/platform-http';
import { checkUrl, classifyAddress, refuseConnection, type Resolver } from '../../shared/connectors/http/url-policy';
import { platformConnectors } from '../../shared/connectors/platforms';

/**
 * No connector may be turned against the network the scanner runs in: an account whose handle,
 * feed URL or API base URL points at a private, link-local or metadata address is refused before
 * any request, whatever the platform.
 */
const connectors = platformConnectors({ token: async () => 'fictional-token', allowLoopback: false, sleep: async () => undefined });
const account = (fields: Pick<Account, 'platform' | 'handle'> & Partial<Account>): Account => ({ status: 'active', registeredAt: '2026-11-01T00:00:00Z', ...fields });

const CASES: [string, Account][] = [
  ['a Mastodon handle on a private instance', account({ platform: 'mastodon', handle: '@council@10.0.0.5' })],
  ['a Bluesky AppView on a private address', account({ platform: 'bluesky', handle: '@harbournetc.bsky.social', baseUrl: 'https://192.168.1.10' })],
  ['a Graph API base URL on the metadata service', account({ platform: 'facebook', handle: '@HarbourneTownCouncil', baseUrl: 'https://169.254.169.254/v23.0' })],
  ['an Instagram API base URL on the IPv6 metadata service', account({ platform: 'instagram', handle: '@17841400000000001', baseUrl: 'https://[fd00:ec2::254]' })],
  ['an X API base URL on a private address', account({ platform: 'x', handle: '@HarbourneTC', baseUrl: 'https://10.1.1.1' })],
  ['a YouTube feed URL on a private address', account({ platform: 'youtube', handle: 'https://172.16.0.1/feeds/videos.xml?channel_id=UCabcdefghijklmnopqrstuv' })],
  ['a website feed on the metadata service over plain http', account({ platform: 'rss', handle: 'http://169.254.169.254/latest/meta-data/' })],
  ['a website feed on loopback, outside local testing', account({ platform: 'rss', handle: 'https://127.0.0.1/feed.xml' })],
];

describe('every connector refuses private, link-local and metadata addresses', () => {
  it.each(CASES)('%s', async (_name, registered) => {
    const platform = registered.platform as keyof typeof connectors;
    const error = await connectors[platform].fetchNewPosts(registered, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UrlRefusedError);
    expect((error as Error).message).toMatch(/refused/);
  });
});

// Every form an address can be written in reaches the same place, so each is classed as that place:
// the URL parser's own IPv4 spellings (one number, hex, octal, short forms, a trailing dot) and the
// IPv6 addresses that carry an IPv4 one (mapped, compatible, SIIT, NAT64, 6to4).
type Octets = [number, number, number, number];
const octet = fc.integer({ min: 0, max: 255 });
const anyV4 = fc.tuple(octet, octet, octet, octet);
/** Addresses inside the network the scanner runs in: loopback, private, link-local (the metadata service). */
const insideV4 = fc.oneof(
  fc.tuple(fc.constant(127), octet, octet, octet),
  fc.tuple(fc.constant(10), octet, octet, octet),
  fc.tuple(fc.constant(172), fc.integer({ min: 16, max: 31 }), octet, octet),
  fc.tuple(fc.constant(192), fc.constant(168), octet, octet),
  fc.tuple(fc.constant(169), fc.constant(254), octet, octet),
) as fc.Arbitrary<Octets>;

const hex = (n: number) => n.toString(16);
const word = ([a, b, c, d]: Octets) => [hex((a << 8) | b), hex((c << 8) | d)];
const toInt = ([a, b, c, d]: Octets) => ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
/** The ways of writing an IPv4 address as a URL host. */
const FORMS: Record<string, (o: Octets) => string> = {
  dotted: (o) => o.join('.'),
  'trailing dot': (o) => `${o.join('.')}.`,
  decimal: (o) => String(toInt(o)),
  'hex number': (o) => `0x${hex(toInt(o))}`,
  'octal parts': (o) => o.map((n) => `0${n.toString(8)}`).join('.'),
  'hex parts': (o) => o.map((n) => `0x${hex(n)}`).join('.'),
  'two parts (0x7f.1)': ([a, b, c, d]) => `0x${hex(a)}.${(b << 16) + (c << 8) + d}`,
  'IPv4-mapped': (o) => `[::ffff:${o.join('.')}]`,
  'IPv4-mapped, hex': (o) => `[::ffff:${word(o).join(':')}]`,
  'IPv4-mapped, written out': (o) => `[0:0:0:0:0:FFFF:${word(o).join(':')}]`,
  'IPv4-compatible': (o) => `[::${o.join('.')}]`,
  SIIT: (o) => `[::ffff:0:${o.join('.')}]`,
  NAT64: (o) => `[64:ff9b::${o.join('.')}]`,
  'NAT64, hex': (o) => `[64:ff9b::${word(o).join(':')}]`,
  '6to4': (o) => `[2002:${word(o).join(':')}::1]`,
};
const form = fc.constantFrom(...Object.keys(FORMS));
const hostOf = (url: string) => new URL(url).hostname.replace(/^\[|\]$/g, '');

describe('the URL policy, over every way of writing an address', () => {
  it('refuses loopback, private and link-local IPv4 addresses however they are written', () => {
    fc.assert(
      fc.property(insideV4, form, (octets, name) => {
        const url = `https://${FORMS[name]!(octets)}/latest/meta-data/`;
        expect(() => checkUrl(url, false), `${name}: ${url}`).toThrow(UrlRefusedError);
      }),
      { numRuns: 500 },
    );
  });

  it('classes an address written in any form as the dotted address it carries', () => {
    fc.assert(
      fc.property(anyV4, form, (octets, name) => {
        const written = hostOf(`https://${FORMS[name]!(octets)}/`);
        // 0.0.0.0/8 inside IPv6 is the unspecified or loopback address, never public, so it is left out.
        fc.pre(octets[0] !== 0);
        expect(classifyAddress(written), `${name}: ${written}`).toBe(classifyAddress(octets.join('.')));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['https://[::ffff:127.0.0.1]/', 'loopback'],
    ['https://[::ffff:169.254.169.254]/latest/meta-data/', 'link-local'],
    ['https://[64:ff9b::a9fe:a9fe]/latest/meta-data/', 'link-local'],
    ['https://[2002:a9fe:a9fe::]/latest/meta-data/', 'link-local'],
    ['https://[64:ff9b:1::a00:1]/', 'private'],
    ['https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', 'reserved'],
    ['https://[fec0::1]/', 'private'],
    ['https://2130706433/', 'loopback'],
    ['https://0x7f.1/', 'loopback'],
  ])('refuses %s as a %s address', (url, kind) => {
    expect(() => checkUrl(url, false)).toThrow(`a ${kind} address`);
  });

  it.each(['https://localhost/', 'https://localhost./', 'https://council.localhost/', 'https://Council.LOCALHOST./feed.xml'])('refuses %s as loopback', (url) => {
    expect(() => checkUrl(url, false)).toThrow('a loopback address');
  });

  it('still fetches public addresses carried in IPv6 (NAT64 and 6to4 gateways to public hosts)', () => {
    expect(classifyAddress('64:ff9b::8.8.8.8')).toBe('public');
    expect(classifyAddress('2002:808:808::1')).toBe('public');
    expect(classifyAddress('2a00:1450:4009:81a::200e')).toBe('public');
  });
});

/** A TCP listener that only counts the connections made to it: none may ever arrive. */
async function countingListener(host: string): Promise<{ port: number; connections: () => number; close: () => Promise<void> } | undefined> {
  let count = 0;
  const server = createServer((socket) => {
    count += 1;
    socket.destroy();
  });
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(0, host, () => resolve(true));
  });
  if (!listening) return undefined; // no IPv6 on this machine
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('a real loopback listener is never reached', () => {
  const listeners: NonNullable<Awaited<ReturnType<typeof countingListener>>>[] = [];
  let v4: NonNullable<Awaited<ReturnType<typeof countingListener>>>;
  let v6: Awaited<ReturnType<typeof countingListener>>;
  beforeAll(async () => {
    v4 = (await countingListener('127.0.0.1'))!;
    v6 = await countingListener('::1');
    listeners.push(v4, ...(v6 ? [v6] : []));
  });
  afterAll(async () => {
    for (const listener of listeners) await listener.close();
  });

  const client = (extra: Partial<HttpOptions> = {}) =>
    createPlatformHttp({ policy: feedPolicy('rss'), allowLoopback: false, maxAttempts: 1, timeoutMs: 2_000, sleep: async () => undefined, ...extra });

  it.each([
    (port: number) => `https://[::ffff:127.0.0.1]:${port}/`,
    (port: number) => `https://[::ffff:7f00:1]:${port}/`,
    (port: number) => `https://[0:0:0:0:0:ffff:127.0.0.1]:${port}/`,
    (port: number) => `https://2130706433:${port}/`,
    (port: number) => `https://0x7f.1:${port}/`,
    (port: number) => `https://127.0.0.1.:${port}/`,
    (port: number) => `https://localhost.:${port}/`,
    (port: number) => `https://harbourne.localhost:${port}/`,
  ])('by the URL %#', async (url) => {
    const before = v4.connections();
    await expect(client().get(url(v4.port))).rejects.toThrow(UrlRefusedError);
    expect(v4.connections()).toBe(before);
  });

  it('by the loopback IPv6 address, when the machine has one', async () => {
    if (!v6) return;
    const before = v6.connections();
    await expect(client().get(`https://[::1]:${v6.port}/`)).rejects.toThrow(UrlRefusedError);
    await expect(client().get(`https://[0:0:0:0:0:0:0:1]:${v6.port}/`)).rejects.toThrow(UrlRefusedError);
    expect(v6.connections()).toBe(before);
  });

  it('by a public name that DNS points at a loopback address in IPv6 form', async () => {
    const before = v4.connections();
    const hostileDns: Resolver = (_hostname, _options, callback) => callback(null, [{ address: '::ffff:7f00:1', family: 6 }]);
    const error = await client({ resolve: hostileDns }).get(`https://feeds.harbourne.example:${v4.port}/feed.xml`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UrlRefusedError);
    expect((error as Error).message).toContain('resolves to a loopback address');
    expect(v4.connections()).toBe(before);
  });

  it('and a socket connected to loopback is refused by the address it reached', async () => {
    // What the client checks once connected, whatever DNS said: the kernel's own word for the peer.
    const socket = connect(v4.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const refused = refuseConnection(socket.remoteAddress, 'feeds.harbourne.example', false);
    socket.destroy();
    expect(refused).toBeInstanceOf(UrlRefusedError);
    expect(refused?.message).toBe('refused feeds.harbourne.example: the connection reached a loopback address');
    expect(refuseConnection(socket.remoteAddress, 'feeds.harbourne.example', true)).toBeUndefined();
  });
});

describe("X, Facebook and Instagram tokens go only to the platform's own origins", () => {
  it.each([
    ['x', '@HarbourneTC', 'https://api.x.com, https://api.twitter.com'],
    ['facebook', '@HarbourneTownCouncil', 'https://graph.facebook.com'],
    ['instagram', '@17841400000000001', 'https://graph.facebook.com, https://graph.instagram.com'],
  ] as const)('%s: an account whose base URL is elsewhere is refused, naming where the token may go', async (platform, handle, origins) => {
    const registered = account({ platform, handle, baseUrl: 'https://collector.harbourne.example' });
    const error = await connectors[platform].fetchNewPosts(registered, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UrlRefusedError);
    expect((error as Error).message).toBe(`refused collector.harbourne.example: the ${platform} token is only sent to ${origins} (the operator may allow another origin)`);
  });
});

describe('an operator may send the tokens elsewhere', () => {
  // No such host in DNS: the request is made (and fails as a network error), not refused for the token.
  const allowedBy = (options: Partial<Parameters<typeof platformConnectors>[0]>) =>
    platformConnectors({ token: async () => 'fictional-token', allowLoopback: false, sleep: async () => undefined, ...options }).x;
  const registered = account({ platform: 'x', handle: '@HarbourneTC', baseUrl: 'https://proxy.harbourne.example' });

  it.each([
    ['by naming the origin', { tokenOrigins: ['https://proxy.harbourne.example'] }],
    ["by making it the deployment's base URL", { baseUrl: 'https://proxy.harbourne.example' }],
  ])('%s', async (_how, options) => {
    const error = await allowedBy(options).fetchNewPosts(registered, undefined).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(UrlRefusedError);
    expect(String(error)).toMatch(/PlatformUnavailableError: x: .* for GET https:\/\/proxy\.harbourne\.example\//);
  });
});
