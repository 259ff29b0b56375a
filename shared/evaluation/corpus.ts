import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseCouncilConfig, type CouncilConfig } from '../domain/config';
import { CouncilAuditError } from '../domain/errors';
import { parsePost, type Post } from '../domain/post';
import type { Labels } from './score';

/** One council's labelled posts: its configuration, its posts and their expected findings. */
export interface LabelledCouncil {
  name: string;
  config: CouncilConfig;
  posts: Post[];
  labels: Labels;
}

/**
 * Reads a labelled corpus folder. A folder with its own `config.json` is one council; otherwise each
 * subfolder that has one is a council of the corpus (several councils, each with its own configuration).
 */
export function readCorpus(dir: string): LabelledCouncil[] {
  if (!existsSync(dir)) throw new CouncilAuditError(`no corpus folder ${dir}`);
  if (existsSync(join(dir, 'config.json'))) return [readCouncil(dir)];
  const councils = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'config.json')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => readCouncil(join(dir, name)));
  if (councils.length === 0) {
    throw new CouncilAuditError(`no corpus in ${dir}: expected config.json there, or in its subfolders (one per council)`);
  }
  const seen = new Set<string>();
  for (const id of councils.flatMap((council) => council.posts.map((post) => post.id))) {
    if (seen.has(id)) throw new CouncilAuditError(`post id ${id} appears in more than one council of ${dir}; ids must be unique across the corpus`);
    seen.add(id);
  }
  return councils;
}

/**
 * A corpus part held back to judge the rules on councils they never saw. Its folder holds this file, saying
 * since when and what it has scored; the wording model never trains on it, and `npm run eval` with no folder
 * skips it, so its misses are read only when someone names it on purpose.
 */
export const HELD_BACK_MARKER = 'HELD_BACK.md';

export function isHeldBack(dir: string): boolean {
  return existsSync(join(dir, HELD_BACK_MARKER));
}

/** All councils' posts and labels as one corpus, to score together. */
export function mergeLabels(councils: readonly LabelledCouncil[]): Labels {
  return {
    posts: Object.assign({}, ...councils.map((council) => council.labels.posts)) as Labels['posts'],
    unapprovedAccounts: councils.flatMap((council) => council.labels.unapprovedAccounts),
  };
}

function readCouncil(dir: string): LabelledCouncil {
  const read = (name: string) => {
    const path = join(dir, name);
    if (!existsSync(path)) throw new CouncilAuditError(`${path} is missing: a council's folder holds config.json, posts.jsonl and labels.json`);
    return readFileSync(path, 'utf8');
  };
  const json = (text: string, where: string): unknown => {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new CouncilAuditError(`${where} is not valid JSON: ${(error as Error).message}`);
    }
  };
  const posts = read('posts.jsonl')
    .split('\n')
    .map((line, i) => ({ line, at: `${join(dir, 'posts.jsonl')} line ${i + 1}` }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, at }) => {
      try {
        return parsePost(json(line, at));
      } catch (error) {
        if (error instanceof CouncilAuditError && !error.message.startsWith(at)) throw new CouncilAuditError(`${at}: ${error.message}`);
        throw error;
      }
    });
  const labels = json(read('labels.json'), join(dir, 'labels.json')) as Labels;
  if (typeof labels?.posts !== 'object' || labels.posts === null) {
    throw new CouncilAuditError(`${join(dir, 'labels.json')}: posts must be an object of post id to the rules it breaches`);
  }
  return { name: basename(dir), config: parseCouncilConfig(json(read('config.json'), join(dir, 'config.json'))), posts, labels };
}
