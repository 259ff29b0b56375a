import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { UrlRefusedError } from '../errors';

export type AddressKind = 'public' | 'loopback' | 'private' | 'link-local' | 'reserved';

/**
 * Where an IP address points. Private, link-local (which includes the cloud metadata service at
 * 169.254.169.254 and fd00:ec2::254) and reserved ranges are never fetched: a registered account must
 * not become a way to reach the inside of the network the scanner runs in.
 */
export function classifyAddress(address: string): AddressKind {
  const version = isIP(address);
  if (version === 4) return classifyV4(address.split('.').map(Number) as [number, number, number, number]);
  if (version === 6) {
    const a = address.toLowerCase();
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
    if (mapped) return classifyAddress(mapped[1]!);
    if (a === '::1') return 'loopback';
    if (a === '::') return 'reserved';
    const first = Number.parseInt(a.split(':')[0] || '0', 16);
    if ((first & 0xfe00) === 0xfc00) return 'private'; // fc00::/7, unique local (incl. AWS's fd00:ec2::254)
    if ((first & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
    if ((first & 0xff00) === 0xff00) return 'reserved'; // multicast
    return 'public';
  }
  return 'reserved';
}

function classifyV4([a, b]: [number, number, number, number]): AddressKind {
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)) return 'private';
  if (a === 169 && b === 254) return 'link-local';
  if (a === 0 || a >= 224 || (a === 192 && b === 0) || (a === 198 && (b === 18 || b === 19))) return 'reserved';
  return 'public';
}

function allowed(kind: AddressKind, allowLoopback: boolean): boolean {
  return kind === 'public' || (kind === 'loopback' && allowLoopback);
}

/**
 * Checks a URL before any request: https only (plain http only to loopback, when allowed), and a
 * literal IP host must be public. Host names are checked again when they are resolved (see guardedLookup),
 * so that DNS cannot point a public name at a private address.
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
  const loopbackHost = literal ? classifyAddress(host) === 'loopback' : host === 'localhost';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopbackHost && allowLoopback)) {
    throw new UrlRefusedError(`refused ${url.protocol}//${url.host}: only https is fetched${allowLoopback ? ' (or http to a loopback address)' : ''}`);
  }
  if (url.username || url.password) throw new UrlRefusedError(`refused ${url.host}: URLs with credentials are not fetched`);
  if (literal && !allowed(classifyAddress(host), allowLoopback)) {
    throw new UrlRefusedError(`refused ${url.host}: a ${classifyAddress(host)} address`);
  }
  if (host === 'localhost' && !allowLoopback) throw new UrlRefusedError(`refused ${url.host}: a loopback address`);
  return url;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A DNS lookup for the HTTP agent that refuses names resolving to addresses checkUrl would refuse. */
export function guardedLookup(allowLoopback: boolean) {
  return (hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = addresses.find((a) => !allowed(classifyAddress(a.address), allowLoopback));
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
