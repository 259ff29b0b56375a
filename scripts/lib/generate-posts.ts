import type { Post } from '../../shared/domain/post';
import { seededRandom as random } from '../../shared/evaluation/seeded-random';

/** The seeded generator every benchmark run uses, so it sees the same posts. */
export { random };

const PLACES = ['the Memorial Gardens', 'the recreation ground', 'the Town Hall', 'the harbour', 'Fore Street', 'the library', 'the Pavilion', 'the allotments', 'the cemetery', 'the promenade'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const EVENTS = ['Spring Market', 'beach clean', 'carnival', 'Remembrance parade', 'litter pick', 'open day', 'craft fair', 'bandstand concert', 'dog show', 'quiz night'];

/** Everyday council posts: most clean, some with the kinds of breach the rules look for. */
const CLEAN: ((r: () => number, pick: <T>(xs: readonly T[]) => T) => string)[] = [
  (_r, pick) => `Reminder: the ${pick(EVENTS)} is on ${pick(DAYS)} at ${pick(PLACES)} from 10am to 3pm. Everyone welcome, free entry, and there will be tea &amp; cakes in aid of the lifeboat.`,
  (r, pick) => `Road closure: ${pick(PLACES)} will be closed on ${pick(DAYS)} ${1 + Math.floor(r() * 28)} March for resurfacing. Diversions are signed. Agenda and notes: https://www.harbourne-tc.example/notices/${Math.floor(r() * 9999)}`,
  (_r, pick) => `Full Council agreed last night to fund new benches at ${pick(PLACES)}. Thank you to everyone who responded to the consultation 🙌`,
  (r) => `Planning Committee, ${DAYS[Math.floor(r() * 5)]} at 7pm: application 6/2026/${String(Math.floor(r() * 9999)).padStart(4, '0')}, change of use at the former bank. Papers on our website.`,
  (_r, pick) => `The council office is closed on ${pick(DAYS)} for staff training. Call 01632 960001 or email clerk@harbourne-tc.example and we will reply on our return.`,
  (_r, pick) => `Vote for your favourite hanging basket on ${pick(PLACES)}! Voting closes on ${pick(DAYS)}. The village green summer party follows at noon.`,
  (r) => `Grant news: we've been awarded £${(10 + Math.floor(r() * 90)) * 1000} (reference ${Math.floor(1e9 + r() * 8e9)}) towards the play park. Work starts in the autumn.`,
  (_r, pick) => `Thanks for asking! Just to clarify, the ${pick(EVENTS)} has moved to ${pick(PLACES)} this year because of the works. See you there.`,
];

const BREACHES: ((r: () => number, pick: <T>(xs: readonly T[]) => T) => string)[] = [
  (r) => `Lost dog found near the pier; please call Sam on 07700 900${String(Math.floor(r() * 999)).padStart(3, '0')} to collect her.`,
  (_r, pick) => `Survey about ${pick(PLACES)}: https://bit.ly/hb${pick(DAYS)} closes on Friday.`,
  () => `Stop spreading lies about the parking charges. You clearly can't read the agenda.`,
  () => `Tender update: three bids came in: Coastline Ltd £182,400, Harbour Civils £176,950 and Downland Paving £191,000.`,
  () => `What a sh1t week of weather for the ${EVENTS[0]}, but we had a great turnout anyway.`,
  () => `Only the Liberal Democrats will save our cottage hospital. Please donate to their campaign today.`,
];

export function generatePosts(count: number, seed = 20261121): Post[] {
  const r = random(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const accounts = [
    { platform: 'mastodon', account: '@harbournetc@mastodon.social' },
    { platform: 'bluesky', account: '@harbournetc.bsky.social' },
    { platform: 'facebook', account: '@HarbourneTownCouncil' },
  ] as const;
  const start = Date.parse('2026-01-01T08:00:00Z');
  const posts: Post[] = [];
  for (let i = 0; i < count; i++) {
    const { platform, account } = pick(accounts);
    const text = r() < 0.1 ? pick(BREACHES)(r, pick) : pick(CLEAN)(r, pick);
    const post: Post = {
      id: `bench-${i}`,
      platform,
      account,
      accountName: 'Harbourne Town Council',
      createdAt: new Date(start + i * 97_000).toISOString(),
      text,
      url: `https://example.social/${platform}/${i}`,
    };
    if (r() < 0.3) post.media = [{ type: 'image', url: `https://files.example/${i}.jpg`, altText: `${pick(EVENTS)} at ${pick(PLACES)}` }];
    if (r() < 0.1) post.links = [`https://www.harbourne-tc.example/news/${i}`];
    if (r() < 0.05) post.replyTo = { account: '@resident@mastodon.social' };
    posts.push(post);
  }
  return posts;
}

/**
 * About `bytes` of text (ASCII, so as many characters) that is nothing but UK mobile numbers from
 * Ofcom's drama range, 07700 900000 to 07700 900999, one after another.
 */
export function phoneNumberText(bytes: number): string {
  const numbers: string[] = [];
  for (let i = 0, length = 0; length < bytes; i++) {
    const number = `07700 900${String(i % 1000).padStart(3, '0')}`;
    numbers.push(number);
    length += number.length + 1;
  }
  return numbers.join(' ');
}
