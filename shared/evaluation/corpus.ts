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

/** All councils' posts and labels as one corpus, to score together. */
export function mergeLabels(councils: readonly LabelledCouncil[]): Labels {
  return {
    posts: Object.assign({}, ...councils.map((council) => council.labels.posts)) as Labels['posts'],
    unapprovedAccounts: councils.flatMap((council) => council.labels.unapprovedAccounts),
  };
}

function readCouncil(dir: string): LabelledCouncil {
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  const posts = read('posts.jsonl')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => parsePost(JSON.parse(line)));
  return { name: basename(dir), config: parseCouncilConfig(JSON.parse(read('config.json'))), posts, labels: JSON.parse(read('labels.json')) as Labels };
}
