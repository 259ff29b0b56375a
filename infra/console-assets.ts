import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ConsoleAsset } from '../shared/console/assets';

/** The URL prefix CloudFront serves from the assets bucket; anything else goes to the console function. */
export const ASSETS_PATH_PREFIX = '/assets/';

/** The assets of one content type, written out under `directory` by their object keys (`assets/…`). */
export interface StagedAssets {
  readonly contentType: string;
  readonly directory: string;
  readonly keys: readonly string[];
}

/**
 * The build step between the console's asset list and the S3 upload: writes every asset under
 * /assets/ into a folder per content type (so each upload sets its own Content-Type, not one guessed
 * from the file name), keyed by its path. The folders are named by a hash of the whole list, in the
 * temporary directory: the same list is written once, however many syntheses run side by side, and
 * a changed list gets new folders (and so a new upload). Synthesis needs nothing else: no Docker, no build.
 */
export function stageConsoleAssets(assets: readonly ConsoleAsset[], root = join(tmpdir(), 'council-audit-console-assets')): StagedAssets[] {
  const served = assets.filter((asset) => asset.path.startsWith(ASSETS_PATH_PREFIX));
  for (const asset of served) {
    const key = objectKey(asset.path);
    if (key.split('/').some((part) => part === '..' || part === '.' || part === '')) throw new Error(`console asset path ${JSON.stringify(asset.path)} is not a plain path under ${ASSETS_PATH_PREFIX}`);
  }
  const hash = createHash('sha256');
  for (const asset of [...served].sort((a, b) => a.path.localeCompare(b.path))) hash.update(`${asset.path}\n${asset.contentType}\n`).update(asset.body);
  const listDirectory = join(root, hash.digest('hex').slice(0, 16));

  const byType = new Map<string, ConsoleAsset[]>();
  for (const asset of served) byType.set(asset.contentType, [...(byType.get(asset.contentType) ?? []), asset]);
  if (!existsSync(listDirectory)) {
    // Written beside, then renamed into place: a synthesis running alongside sees all of it or none.
    const partial = `${listDirectory}.${process.pid}.partial`;
    rmSync(partial, { recursive: true, force: true });
    for (const [contentType, group] of byType) {
      for (const asset of group) {
        const file = join(partial, folderName(contentType), ...objectKey(asset.path).split('/'));
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, asset.body);
      }
    }
    mkdirSync(partial, { recursive: true });
    try {
      renameSync(partial, listDirectory);
    } catch (error) {
      rmSync(partial, { recursive: true, force: true });
      if (!existsSync(listDirectory)) throw error;
    }
  }
  return [...byType].map(([contentType, group]) => ({
    contentType,
    directory: join(listDirectory, folderName(contentType)),
    keys: group.map((asset) => objectKey(asset.path)).sort(),
  }));
}

/** The S3 key of an asset: its path without the leading slash (`assets/…`). */
function objectKey(path: string): string {
  return path.slice(1);
}

/** A folder name for a content type: `text/css; charset=utf-8` → `text_css_charset_utf-8`. */
function folderName(contentType: string): string {
  return contentType.toLowerCase().replace(/[^a-z0-9.-]+/g, '_');
}

