import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HELD_BACK_MARKER, isHeldBack, mergeLabels, readCorpus } from '../../shared/evaluation/corpus';

const config = (name: string) => ({ council: { name }, approvedAccounts: [] });
const post = (id: string, account: string) => ({ id, platform: 'x', account, createdAt: '2026-02-02T10:00:00Z', text: 'Bins go out on Tuesday.' });

function writeCouncil(dir: string, name: string, ids: string[], unapproved: string[] = []): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config(name)));
  writeFileSync(join(dir, 'posts.jsonl'), ids.map((id) => JSON.stringify(post(id, `@${name.replaceAll(' ', '')}`))).join('\n') + '\n');
  writeFileSync(join(dir, 'labels.json'), JSON.stringify({ posts: Object.fromEntries(ids.map((id) => [id, []])), unapprovedAccounts: unapproved }));
}

describe('reading a labelled corpus folder', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a folder with its own config.json as one council', () => {
    dir = mkdtempSync(join(tmpdir(), 'corpus-one-'));
    writeCouncil(dir, 'Ashby Parva PC', ['a1', 'a2']);
    const councils = readCorpus(dir);
    expect(councils).toHaveLength(1);
    expect(councils[0]!.config.council.name).toBe('Ashby Parva PC');
    expect(councils[0]!.posts.map((p) => p.id)).toEqual(['a1', 'a2']);
  });

  it('reads each subfolder with a config.json as a council with its own configuration, and merges their labels', () => {
    dir = mkdtempSync(join(tmpdir(), 'corpus-many-'));
    writeCouncil(join(dir, 'parish'), 'Ashby Parva PC', ['p1'], ['@ashbyparva_fete']);
    writeCouncil(join(dir, 'town'), 'Crowmarsh TC', ['t1', 't2'], ['@crowmarshtc_events']);
    mkdirSync(join(dir, 'notes'));
    const councils = readCorpus(dir);
    expect(councils.map((c) => [c.name, c.config.council.name, c.posts.length])).toEqual([
      ['parish', 'Ashby Parva PC', 1],
      ['town', 'Crowmarsh TC', 2],
    ]);
    expect(mergeLabels(councils)).toEqual({
      posts: { p1: [], t1: [], t2: [] },
      unapprovedAccounts: ['@ashbyparva_fete', '@crowmarshtc_events'],
    });
  });

  it('refuses a folder with no council in it, naming the folder', () => {
    dir = mkdtempSync(join(tmpdir(), 'corpus-empty-'));
    expect(() => readCorpus(dir)).toThrow(`no corpus in ${dir}`);
  });

  it('refuses the same post id in two councils, since scores are counted by post id', () => {
    dir = mkdtempSync(join(tmpdir(), 'corpus-dup-'));
    writeCouncil(join(dir, 'parish'), 'Ashby Parva PC', ['x1']);
    writeCouncil(join(dir, 'town'), 'Crowmarsh TC', ['x1']);
    expect(() => readCorpus(dir)).toThrow('post id x1 appears in more than one council');
  });

  it('names the field and value of a post that is not a canonical post', () => {
    dir = mkdtempSync(join(tmpdir(), 'corpus-bad-'));
    writeCouncil(dir, 'Ashby Parva PC', ['a1']);
    writeFileSync(join(dir, 'posts.jsonl'), JSON.stringify({ ...post('a1', '@ashby'), platform: 'myspace' }) + '\n');
    expect(() => readCorpus(dir)).toThrow(/posts\.jsonl line 1: invalid post:[\s\S]*platform/);
  });

  it('names the folder that is not there', () => {
    dir = mkdtempSync(join(tmpdir(), 'corpus-gone-'));
    expect(() => readCorpus(join(dir, 'nowhere'))).toThrow(`no corpus folder ${join(dir, 'nowhere')}`);
  });

  it('names the file and line that is not JSON, and the file that is missing', () => {
    dir = mkdtempSync(join(tmpdir(), 'corpus-json-'));
    writeCouncil(dir, 'Ashby Parva PC', ['a1', 'a2']);
    writeFileSync(join(dir, 'posts.jsonl'), `${JSON.stringify(post('a1', '@ashby'))}\n{"id": "a2",\n`);
    expect(() => readCorpus(dir)).toThrow(`${join(dir, 'posts.jsonl')} line 2 is not valid JSON`);
    writeCouncil(dir, 'Ashby Parva PC', ['a1']);
    rmSync(join(dir, 'labels.json'));
    expect(() => readCorpus(dir)).toThrow(`${join(dir, 'labels.json')} is missing`);
  });

  it('tells a held-back part (HELD_BACK.md in its folder) from one that may be trained on and scored', () => {
    dir = mkdtempSync(join(tmpdir(), 'corpus-held-back-'));
    writeCouncil(join(dir, 'parish'), 'Ashby Parva PC', ['u1']);
    expect(isHeldBack(dir)).toBe(false);
    writeFileSync(join(dir, HELD_BACK_MARKER), 'held back');
    expect(isHeldBack(dir)).toBe(true);
  });

  it('refuses labels without a posts object, saying what it must be', () => {
    dir = mkdtempSync(join(tmpdir(), 'corpus-labels-'));
    writeCouncil(dir, 'Ashby Parva PC', ['a1']);
    writeFileSync(join(dir, 'labels.json'), JSON.stringify({ unapprovedAccounts: [] }));
    expect(() => readCorpus(dir)).toThrow('posts must be an object of post id to the rules it breaches');
  });
});
