// Checking time of one very large post, for each kind of adversarial content: npx tsx scripts/bench-large-posts.ts [--mb 10] [--kind phones]
// Checking time must grow linearly with post size; compare two sizes to see whether it does.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseCouncilConfig } from '../shared/domain/config';
import type { Post } from '../shared/domain/post';
import { DetectionEngine } from '../shared/scanning/run-detectors';

/** Each kind of post: a unit repeated (with a counter where the unit needs distinct values) to the size asked for. */
const KINDS: Record<string, (i: number) => string> = {
  phones: (i) => `Call 07700 ${String(900000 + (i % 1000)).padStart(6, '0')} or `,
  'phones-distinct': (i) => `ring 0${String(1632960000 + i).slice(0, 10)}, `,
  'same-phone': () => '07700 900123 ',
  emails: (i) => `write to jo.${i}@mail.example, `,
  urls: (i) => `see https://bit.ly/a${i} and `,
  hosts: (i) => `visit shop${i}.example.com or `,
  mentions: (i) => `@resident${i} `,
  handles: (i) => `@cllr${i}@mastodon.social `,
  hashtags: (i) => `#tag${i} `,
  swearing: () => 'shit ',
  disguised: () => 'sh1t f*ck ',
  spaced: () => 's h i t ',
  bitches: () => 'bitch ',
  parties: () => 'Labour ',
  'only-parties': () => 'not only the Labour ',
  'shame-on': () => 'shame on ',
  'bodies': () => 'Coastline Buses shame ',
  'party-sentences': () => 'Labour are right about everything. ',
  quotes: () => '"',
  'quoted-words': (i) => `"word${i}" `,
  apostrophes: () => "'a ",
  word: () => 'a',
  digits: () => '1',
  emoji: () => '😀',
  combining: () => 'e\u0301',
  entities: () => '&amp;',
  'zero-width': () => 'a\u200b',
  sentences: () => 'Hello. ',
  lines: () => 'a b c\n',
  names: () => 'Lily Carver ',
  children: () => 'Lily Carver, aged 9, ',
  addresses: (i) => `${(i % 900) + 1} High Street `,
  'lives-at': (i) => `Jane lives at ${(i % 900) + 1} High Street `,
  councillors: () => 'Cllr Alice Moreton ',
  health: () => 'Pete Lyle is off sick ',
  vehicles: () => 'parked AB12 CDE ',
  ninos: () => 'JT 52 81 94 C ',
  cards: () => '4111 1111 1111 1111 ',
  'sort-codes': () => 'bank sort code 12-34-56 12345678 ',
  notices: () => 'We have removed a comment because it was offensive. shit ',
  hostile: () => 'you clearly can\'t read ',
  remarks: () => 'lazy foreigners ',
  capitals: () => 'Aaa ',
  dots: () => '.',
  ampersands: () => '&',
  ats: () => '@',
  hyphens: () => '-',
  spaces: () => ' ',
  alt: () => 'Photo sent in by a resident. ',
  votes: () => 'vote for Tom Hart ',
  mayor: () => 'the Mayor ',
  'distinct-councillors': (i) => `Cllr Q${i.toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)]!)} said `,
  origins: () => 'found online ',
  'origins-after-names': () => 'by Kit Marsh found online ',
  'own-photos': () => 'my stock photo ',
  quotations: () => `"${'word '.repeat(45)}" `,
  'closed-session': () => 'part 2 ',
  legal: () => 'Our solicitor advised us. ',
  staff: () => 'Pete Lyle is off sick. ',
  labelled: () => 'Strictly confidential. ',
  'hostile-sentences': () => "You clearly can't read. ",
  'one-space-run': (i) => (i === 0 ? 'a' : ' '),
  'newline-run': () => '\n',
  'capital-word': (i) => (i === 0 ? 'A' : 'a'),
  'capital-letters': () => 'A',
  'digit-groups': () => '1 ',
  'hyphenated-digits': () => '1-',
  'dotted-words': () => 'a.',
  'at-words': () => 'a@',
  'dotted-digits': () => '0.',
  'capitalised-names': () => 'Aaa Bbb ',
  'apostrophe-names': () => "O'Neil ",
  commas: () => ', ',
  brackets: () => '(',
  slashes: () => '/',
};

const { values } = parseArgs({ options: { mb: { type: 'string', default: '1' }, kind: { type: 'string' }, alt: { type: 'boolean', default: false }, timeout: { type: 'string', default: '120' } } });
/** Kinds that matter only in a post with a photo (a credit, an origin), or in a reply. */
const WITH_PHOTO = new Set(['origins', 'origins-after-names', 'own-photos']);
const REPLY = new Set(['shame-on', 'bodies', 'hostile-sentences']);
const bytes = Number(values.mb) * 1024 * 1024;

function postOf(kind: string, alt: boolean): Post {
  const unit = KINDS[kind]!;
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const piece = unit(i);
    parts.push(piece);
    length += piece.length;
  }
  const text = parts.join('').slice(0, bytes);
  return {
    id: `large-${kind}`,
    platform: 'mastodon',
    account: '@harbournetc@mastodon.social',
    accountName: 'Harbourne Town Council',
    createdAt: '2027-04-01T10:00:00Z',
    text: alt ? 'A photo.' : text,
    ...(alt ? { media: [{ type: 'image' as const, url: 'https://files.example/1.jpg', altText: text }] } : {}),
    ...(WITH_PHOTO.has(kind) ? { media: [{ type: 'image' as const, url: 'https://files.example/1.jpg', altText: 'The beach' }] } : {}),
    ...(REPLY.has(kind) ? { replyTo: { account: '@someone@example.social' } } : {}),
  };
}

if (values.kind) {
  const configPath = fileURLToPath(new URL('../examples/harbourne-tc/council.config.json', import.meta.url));
  const config = parseCouncilConfig(JSON.parse(readFileSync(configPath, 'utf8')));
  const post = postOf(values.kind, values.alt);
  const engine = new DetectionEngine(config);
  engine.checkPost({ ...post, text: 'warm up' });
  const started = process.hrtime.bigint();
  const findings = engine.checkPost(post);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`${(values.kind + (values.alt ? ' (alt text)' : '')).padEnd(26)} ${values.mb} MiB ${seconds.toFixed(2).padStart(7)} s  ${findings.length} findings`);
} else {
  for (const kind of Object.keys(KINDS)) {
    for (const alt of kind === 'alt' ? [true] : [false]) {
      const args = [...process.execArgv, fileURLToPath(import.meta.url), '--kind', kind, '--mb', values.mb!, ...(alt ? ['--alt'] : [])];
      const child = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: Number(values.timeout) * 1000, maxBuffer: 1 << 26 });
      if (child.error || child.status !== 0) {
        console.log(`${kind.padEnd(26)} ${values.mb} MiB  ${child.error ? `> ${values.timeout} s (stopped)` : `failed: ${child.stderr.trim().split('\n').slice(0, 3).join(' ')}`}`);
      } else {
        process.stdout.write(child.stdout);
      }
    }
  }
}
