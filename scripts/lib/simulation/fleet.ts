// The simulated fleet: N fictional councils, about three accounts each over a mix of platforms, and a
// week of posts per account (5 to 15), all from one seed so that every run sees the same fleet.
import type { Platform } from '../../../shared/domain/post';
import { generatePosts, random } from '../generate-posts';

export type ScannedPlatform = Exclude<Platform, 'other'>;

/** One post as a platform would show it, before it is shaped into that platform's API answer. */
export interface SimPost {
  /** Unique across the fleet; the platform's id is derived from it. */
  seq: number;
  text: string;
  createdAt: Date;
  altText?: string;
  link?: string;
}

export interface SimAccount {
  councilId: string;
  platform: ScannedPlatform;
  /** As registered: the form each platform's handle rule accepts. */
  handle: string;
  /** The platform's own id of the account (Mastodon, X, Bluesky DID, Instagram user id, …). */
  platformId: string;
  /** Newest first, as every platform answers. */
  posts: SimPost[];
}

export interface SimCouncil {
  id: string;
  name: string;
  domain: string;
  accounts: SimAccount[];
}

/**
 * How often each platform is among a council's accounts (a guess from what English local councils
 * use: Facebook nearly always, a website feed often, the rest less): weights, not probabilities.
 */
export const PLATFORM_WEIGHTS: Readonly<Record<ScannedPlatform, number>> = {
  facebook: 30,
  rss: 20,
  x: 12,
  instagram: 12,
  bluesky: 10,
  mastodon: 8,
  youtube: 8,
};

const FIRST = ['Ash', 'Brook', 'Cold', 'Dun', 'Elm', 'Fern', 'Gold', 'Hazel', 'Ivy', 'Kings', 'Long', 'Mill', 'North', 'Oak', 'Stan', 'West'];
const LAST = ['combe', 'ford', 'ham', 'ley', 'bury', 'worth', 'stead', 'well', 'by', 'thorpe', 'field', 'minster'];
const KIND = ['Parish Council', 'Town Council', 'Parish Council', 'Parish Council', 'Village Council'];

export interface FleetOptions {
  councils: number;
  /** The instant the week of posts ends at (a few minutes before the first scan). */
  now: Date;
  seed?: number;
  /** Base URL of the RSS replay server: a feed account's handle is a URL on it. */
  rssBaseUrl: string;
}

/** The fleet, deterministic for a seed. */
export function generateFleet(options: FleetOptions): SimCouncil[] {
  const r = random(options.seed ?? 20261207);
  const platforms = Object.keys(PLATFORM_WEIGHTS) as ScannedPlatform[];
  const councils: SimCouncil[] = [];
  const perAccount: number[][] = [];
  let total = 0;
  for (let i = 0; i < options.councils; i++) {
    const place = `${FIRST[Math.floor(r() * FIRST.length)]}${LAST[Math.floor(r() * LAST.length)]}`;
    const id = `${place.toLowerCase()}-${String(i + 1).padStart(5, '0')}`;
    // Two, three or four accounts (three on average), no platform twice.
    const count = 2 + Math.floor(r() * 3);
    const chosen = pickWeighted(platforms, count, r);
    // The first seven councils have one platform each among theirs, so that even a small fleet uses every platform.
    const due = platforms[i];
    if (due && !chosen.includes(due)) chosen[0] = due;
    const counts = chosen.map(() => 5 + Math.floor(r() * 11));
    perAccount.push(counts);
    total += counts.reduce((a, b) => a + b, 0);
    councils.push({
      id,
      name: `${place} ${KIND[Math.floor(r() * KIND.length)]}`,
      domain: `${id}.example`,
      accounts: chosen.map((platform, j) => ({ councilId: id, platform, ...accountIdentity(platform, i, j, options.rssBaseUrl), posts: [] })),
    });
  }

  // The texts, alt texts and links of the bench's generated posts: mostly clean, about one in ten a breach.
  const texts = generatePosts(total, options.seed ?? 20261207);
  const weekMs = 7 * 86_400_000;
  const end = options.now.getTime() - 5 * 60_000;
  let seq = 0;
  councils.forEach((council, i) => {
    council.accounts.forEach((account, j) => {
      const n = perAccount[i]![j]!;
      const posts: SimPost[] = [];
      for (let k = 0; k < n; k++) {
        const source = texts[seq + k]!;
        // Evenly over the week, newest first, on whole seconds (as every platform's timestamps are).
        const createdAt = new Date(Math.floor((end - ((k + r()) / n) * (weekMs - 10 * 60_000)) / 1000) * 1000);
        const altText = source.media?.[0]?.altText;
        const link = source.links?.[0];
        // Ids grow with time, as every platform's do: the newest post has the highest.
        posts.push({ seq: seq + n - k, text: source.text, createdAt, ...(altText ? { altText } : {}), ...(link ? { link } : {}) });
      }
      seq += n;
      account.posts = posts;
    });
  });
  return councils;
}

function pickWeighted<T extends string>(items: readonly T[], count: number, r: () => number): T[] {
  const left = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && left.length > 0) {
    const total = left.reduce((sum, item) => sum + PLATFORM_WEIGHTS[item as ScannedPlatform], 0);
    let roll = r() * total;
    const index = left.findIndex((item) => (roll -= PLATFORM_WEIGHTS[item as ScannedPlatform]) < 0);
    chosen.push(left.splice(index === -1 ? left.length - 1 : index, 1)[0]!);
  }
  return chosen;
}

/** A handle of the form each platform's rule accepts, and the platform's own id, for council i's account j. */
function accountIdentity(platform: ScannedPlatform, i: number, j: number, rssBaseUrl: string): { handle: string; platformId: string } {
  const n = String(i + 1).padStart(5, '0');
  switch (platform) {
    case 'mastodon':
      return { handle: `@council${n}_${j}@mastodon.social`, platformId: String(109_000_000_000_000_000n + BigInt(i * 10 + j)) };
    case 'bluesky':
      return { handle: `council${n}-${j}.bsky.social`, platformId: `did:plc:sim${n}x${j}` };
    case 'facebook':
      return { handle: `Council${n}.${j}`, platformId: `1048576${n}${j}` };
    case 'instagram': {
      const id = `178414${String(i * 10 + j).padStart(11, '0')}`;
      return { handle: id, platformId: id };
    }
    case 'x':
      return { handle: `Cncl${n}_${j}`, platformId: String(1_486_000_000_000_000_000n + BigInt(i * 10 + j)) };
    case 'youtube': {
      const id = `UCsim${n}x${j}`.padEnd(24, 'Q');
      return { handle: id, platformId: id };
    }
    case 'rss':
      return { handle: `${rssBaseUrl}/c${n}/${j}/feed.xml`, platformId: `c${n}-${j}` };
  }
}
