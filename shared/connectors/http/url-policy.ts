import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { UrlRefusedError } from '../errors';

export type AddressKind = 'public' | 'loopback' | 'private' | 'link-local' | 'reserved';

/** Each kind's ranges, most specific kind first (checked in this order). */
const RANGES: readonly [Exclude<AddressKind, 'public'>, 'ipv4' | 'ipv6', string, number][] = [
  ['loopback', 'ipv4', '127.0.0.0', 8],
  ['loopback', 'ipv6', '::1', 128],
  ['link-local', 'ipv4', '169.254.0.0', 16],
  ['link-local', 'ipv6', 'fe80::', 10],
  ['private', 'ipv4', '10.0.0.0', 8],
  ['private', 'ipv4', '172.16.0.0', 12],
  ['private', 'ipv4', '192.168.0.0', 16],
  ['private', 'ipv4', '100.64.0.0', 10], // carrier-grade NAT
  ['private', 'ipv6', 'fc00::', 7], // unique local, AWS's fd00:ec2::254 included
  ['private', 'ipv6', 'fec0::', 10], // site-local (deprecated, still routed inside some networks)
  ['private', 'ipv6', '64:ff9b:1::', 48], // local-use NAT64: the IPv4 address may sit anywhere in it
  ['reserved', 'ipv4', '0.0.0.0', 8],
  ['reserved', 'ipv4', '192.0.0.0', 24],
  ['reserved', 'ipv4', '192.0.2.0', 24],
  ['reserved', 'ipv4', '192.88.99.0', 24], // 6to4 relays
  ['reserved', 'ipv4', '198.18.0.0', 15],
  ['reserved', 'ipv4', '198.51.100.0', 24],
  ['reserved', 'ipv4', '203.0.113.0', 24],
  ['reserved', 'ipv4', '224.0.0.0', 3], // multicast, class E and broadcast
  ['reserved', 'ipv6', '::', 128],
  ['reserved', 'ipv6', '100::', 64], // discard
  ['reserved', 'ipv6', '2001::', 23], // IETF protocol assignments, Teredo (which hides an IPv4 address) included
  ['reserved', 'ipv6', '2001:db8::', 32], // documentation
  ['reserved', 'ipv6', 'ff00::', 8], // multicast
];
const LISTS = new Map<Exclude<AddressKind, 'public'>, BlockList>();
for (const [kind, type, network, prefix] of RANGES) {
  const list = LISTS.get(kind) ?? new BlockList();
  list.addSubnet(network, prefix, type);
  LISTS.set(kind, list);
}

/**
 * The address a connection to `address` actually reaches, in one form: an IPv4 address carried inside
 * an IPv6 one (IPv4-mapped `::ffff:a.b.c.d`, IPv4-compatible `::a.b.c.d`, SIIT `::ffff:0:a.b.c.d`, NAT64
 * `64:ff9b::/96` and 6to4 `2002:AABB:CCDD::/48`, written in dotted or hex form) comes out as that IPv4
 * address; any other IPv6 address in lower case, fully expanded; an IPv4 address as it is. Undefined
 * when `address` is not an IP address.
 */
export function normaliseAddress(address: string): string | undefined {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const version = isIP(bare);
  if (version === 4) return bare;
  if (version !== 6) return undefined;
  const words = ipv6Words(bare);
  const v4 = (high: number, low: number) => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
  const zero = (from: number, to: number) => words.slice(from, to).every((w) => w === 0);
  if (zero(0, 5) && words[5] === 0xffff) return v4(words[6]!, words[7]!); // ::ffff:a.b.c.d
  if (zero(0, 4) && words[4] === 0xffff && words[5] === 0) return v4(words[6]!, words[7]!); // ::ffff:0:a.b.c.d
  if (zero(0, 6) && (words[6] !== 0 || words[7]! > 1)) return v4(words[6]!, words[7]!); // ::a.b.c.d
  if (words[0] === 0x64 && words[1] === 0xff9b && zero(2, 6)) return v4(words[6]!, words[7]!); // 64:ff9b::a.b.c.d
  if (words[0] === 0x2002) return v4(words[1]!, words[2]!); // 2002:AABB:CCDD::
  return words.map((w) => w.toString(16)).join(':');
}

/** The eight 16-bit words of a valid IPv6 address (`::` and a trailing dotted IPv4 part expanded). */
function ipv6Words(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const part = (s: string | undefined) => (s ? s.split(':').map((w) => Number.parseInt(w, 16)) : []);
  const front = part(head);
  const back = part(tail);
  return tail === undefined ? front : [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/**
 * Where an IP address points, after normaliseAddress. Private, link-local (which includes the cloud
 * metadata service at 169.254.169.254 and fd00:ec2::254) and reserved ranges are never fetched: a
 * registered account must not become a way to reach the inside of the network the scanner runs in.
 * Anything that is not an IP address is 'reserved'.
 */
export function classifyAddress(address: string): AddressKind {
  const normal = normaliseAddress(address);
  if (normal === undefined) return 'reserved';
  const type = isIP(normal) === 4 ? 'ipv4' : 'ipv6';
  for (const [kind, list] of LISTS) if (list.check(normal, type)) return kind;
  return 'public';
}

/** `localhost`, any name under it (RFC 6761), with or without the root's trailing dot. */
export function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

export function allowedAddress(kind: AddressKind, allowLoopback: boolean): boolean {
  return kind === 'public' || (kind === 'loopback' && allowLoopback);
}

/**
 * Checks a URL before any request: https only (plain http only to loopback, when allowed), and a
 * literal IP host must be public whatever form it is written in (the URL parser already turns
 * `2130706433`, `0x7f.1` and `127.0.0.1.` into dotted IPv4; IPv6 forms carrying an IPv4 address are
 * normalised here). `localhost` and names under it are loopback. Other host names are checked again
 * when they are resolved (see guardedLookup), and the connected socket's address once more, so that
 * DNS cannot point a public name at a private address.
 */
export function checkUrl(raw: string, allowLoopback: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UrlRefusedError(`not a URL: ${JSON.stringify(raw)}`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(host) !== 0;
  const kind: AddressKind | undefined = literal ? classifyAddress(host) : isLocalhostName(host) ? 'loopback' : undefined;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && kind === 'loopback' && allowLoopback)) {
    throw new UrlRefusedError(`refused ${url.protocol}//${url.host}: only https is fetched${allowLoopback ? ' (or http to a loopback address)' : ''}`);
  }
  if (url.username || url.password) throw new UrlRefusedError(`refused ${url.host}: URLs with credentials are not fetched`);
  if (kind !== undefined && !allowedAddress(kind, allowLoopback)) throw new UrlRefusedError(`refused ${url.host}: a ${kind} address`);
  return url;
}

/**
 * The last check, on the connected socket: the address the connection really reached must be one
 * checkUrl and guardedLookup would allow. Returns the refusal, or undefined when the address is fine
 * (or not known, as for a socket that is not connected).
 */
export function refuseConnection(remoteAddress: string | undefined, host: string, allowLoopback: boolean): UrlRefusedError | undefined {
  if (remoteAddress === undefined) return undefined;
  const kind = classifyAddress(remoteAddress);
  return allowedAddress(kind, allowLoopback) ? undefined : new UrlRefusedError(`refused ${host}: the connection reached a ${kind} address`);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
export type Resolver = (hostname: string, options: { all: true; family?: number }, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

/**
 * A DNS lookup for the HTTP agent that refuses names resolving to addresses checkUrl would refuse.
 * `resolve` is the system resolver, replaced in tests to play a hostile DNS server.
 */
export function guardedLookup(allowLoopback: boolean, resolve: Resolver = dnsLookup as Resolver) {
  return (hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback): void => {
    if (isLocalhostName(hostname) && !allowLoopback) {
      return callback(new UrlRefusedError(`refused ${hostname}: a loopback address`) as NodeJS.ErrnoException, []);
    }
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = addresses.find((a) => !allowedAddress(classifyAddress(a.address), allowLoopback));
      if (refused) {
        return callback(new UrlRefusedError(`refused ${hostname}: it resolves to a ${classifyAddress(refused.address)} address`) as NodeJS.ErrnoException, []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      return callback(null, first.address, first.family);
    });
  };
}
