import type { DetectionContext } from './context';
import { perContext, squash } from './context';
import type { Hit, PostDetector } from './detector';
import { RULE_META } from './meta';
import type { PostView } from './post-view';
import { registrableDomain, type LinkRef } from './text/links';

/** General-purpose shorteners: the link says nothing about where it leads. */
export const SHORTENERS = new Set([
  'bit.ly', 'bitly.com', 'j.mp', 'tinyurl.com', 'tiny.one', 't.co', 'ow.ly', 'buff.ly', 'is.gd', 'v.gd',
  'goo.gl', 'rebrand.ly', 'cutt.ly', 'shorturl.at', 'tiny.cc', 'lnkd.in', 't.ly', 'rb.gy', 'bl.ink',
  's.id', 'shorte.st', 'adf.ly', 'bit.do', 'tr.im', 'x.co', 'ift.tt', 'dlvr.it', 'trib.al', 'soo.gd',
  'clck.ru', 'shrtco.de', 'urlz.fr', 'qr.net', 'shorturl.com', 'short.gy', 'tinu.be', 'urlzs.com',
  'snip.ly', 'hubs.ly', 'db.tt', 'wp.me', 'smarturl.it', 'linktr.ee',
  'x.gd', 'surl.li', 'cutt.us', 'qrco.de', 'tny.im', 'gg.gg', 'urlr.me', 'shorturl.gg', 'lstu.fr', 'chilp.it', 'v.ht',
]);

/** Whether a URL goes past its host: `bit.ly/3abc` does, `bit.ly`, `https://bit.ly/` and `bit.ly.` do not. */
function hasPath(url: string): boolean {
  const rest = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const end = rest.search(/[/?#]/);
  return end >= 0 && /[a-z0-9]/i.test(rest.slice(end));
}

/** Public-sector suffixes that are imitated to look official. */
const OFFICIAL_SUFFIXES = ['gov.uk', 'nhs.uk', 'police.uk', 'parliament.uk', 'hmrc.gov.uk'];

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

export const riskyLink: PostDetector = {
  meta: RULE_META['risky-link'],

  detect(view: PostView, context: DetectionContext): Hit[] {
    const hits: Hit[] = [];
    for (const link of view.links) {
      const signal = riskOf(link, context);
      if (signal) hits.push({ evidence: link.url, location: link.location, ...signal });
    }
    return hits;
  },
};

function riskOf(link: LinkRef, context: DetectionContext): Omit<Hit, 'evidence' | 'location'> | undefined {
  const { host } = link;
  if (host === '') return undefined;

  const shortener = shortenerOf(host);
  // A t.co wrapper added by X to a link card is the platform's, not a shortener the council typed. A
  // shortener named without a path ("we no longer use bit.ly") leads nowhere: it is a mention, not a link.
  if (shortener && !(shortener === 't.co' && !link.inText) && hasPath(link.url)) {
    return {
      severity: 'low',
      reason: `link through the URL shortener ${shortener}, which hides where it leads`,
    };
  }

  if (IPV4.test(host) || host.startsWith('[')) {
    return {
      severity: 'medium',
      reason: `link to a bare IP address (${host}) instead of a named site`,
      remediation: 'Remove the link, or link to the page on a named site the council trusts; bare IP addresses are a common sign of phishing.',
    };
  }

  const punycode = host.split('.').find((label) => label.startsWith('xn--'));
  if (punycode) {
    return {
      severity: 'medium',
      reason: `look-alike host ${host}: its punycode label (${punycode}) can show letters from other alphabets that imitate a familiar name`,
      remediation: 'Remove the link and check where it came from; link to the real site by its plain address.',
    };
  }

  const imitated = imitatedOfficialSuffix(host) ?? imitatedOwnDomain(host, context);
  if (imitated) {
    return {
      severity: 'medium',
      reason: `look-alike host ${host} imitates ${imitated} without belonging to it`,
      remediation: `Remove the link and check where it came from; link to the real ${imitated} address instead.`,
    };
  }
  return undefined;
}

/** Where each shortener stands in SHORTENERS: of two that a host is under, the first listed is named. */
const SHORTENER_ORDER = new Map([...SHORTENERS].map((s, i) => [s, i]));

/**
 * The shortener a host is, or is a subdomain of: its name and each name after one of its dots are
 * looked up, rather than testing the host against every shortener in turn.
 */
export function shortenerOf(host: string): string | undefined {
  let found: string | undefined;
  let rank = Infinity;
  for (let from = 0; ; ) {
    const name = host.slice(from);
    const order = SHORTENER_ORDER.get(name);
    if (order !== undefined && order < rank) [found, rank] = [name, order];
    const dot = host.indexOf('.', from);
    if (dot === -1) return found;
    from = dot + 1;
  }
}

const OFFICIAL_SQUASHED = OFFICIAL_SUFFIXES.map((suffix) => suffix.replace(/\./g, ''));

function imitatedOfficialSuffix(host: string): string | undefined {
  const squashed = host.replace(/[^a-z0-9]/g, '');
  return OFFICIAL_SUFFIXES.find((suffix, i) => {
    if (host === suffix || host.endsWith(`.${suffix}`)) return false;
    return squashed.includes(OFFICIAL_SQUASHED[i]!);
  });
}

/** The council's own domains with their registrable domains and names, worked out once per scan. */
const ownDomainsOf = perContext((context) =>
  [...context.ownDomains].map((own) => {
    const registrable = registrableDomain(own);
    return { own, registrable, name: squash(registrable.split('.')[0] ?? '') };
  }),
);

/** A host whose name is the council's own domain name on another suffix, or one letter away from it. */
function imitatedOwnDomain(host: string, context: DetectionContext): string | undefined {
  const owns = ownDomainsOf(context);
  const domain = registrableDomain(host);
  for (const { own, registrable } of owns) {
    if (domain === registrable || host === own || host.endsWith(`.${own}`)) return undefined;
  }
  const name = squash(domain.split('.')[0] ?? '');
  if (name.length < 6) return undefined;
  for (const { own, name: ownName } of owns) {
    if (ownName.length >= 6 && editDistanceAtMost(name, ownName, 1)) return own;
  }
  return undefined;
}

/** Whether two strings are within `limit` insertions, deletions or substitutions of each other. */
export function editDistanceAtMost(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return false;
    previous = current;
  }
  return previous[b.length]! <= limit;
}
