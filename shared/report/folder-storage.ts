import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ReportReader, ReportStorage } from './report-storage';
import { assertLinkLifetime, ReportStorageError } from './s3-storage';

/**
 * Reports in a local folder, for the local twin and the CLI: the key is the path under the folder,
 * and a link is the file's file:// URL. Links do not expire, but the same lifetime bound as in S3 is
 * checked, so that a lifetime S3 would refuse fails locally too.
 */
export class FolderReportStorage implements ReportStorage, ReportReader {
  private readonly root: string;

  constructor(folder: string) {
    this.root = resolve(folder);
  }

  async put(key: string, body: Uint8Array | string, _contentType: string): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Written aside and renamed, so that a reader never sees half a report, and a rerun replaces it whole.
    const partial = `${path}.${process.pid}.partial`;
    await writeFile(partial, body);
    await rename(partial, path);
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      return new Uint8Array(await readFile(this.pathOf(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async linkTo(key: string, expiresInSeconds: number): Promise<string> {
    assertLinkLifetime(expiresInSeconds);
    return pathToFileURL(this.pathOf(key)).href;
  }

  /** The file for a key, refusing keys that would leave the folder. */
  private pathOf(key: string): string {
    const path = resolve(this.root, key);
    const inside = relative(this.root, path);
    if (key === '' || inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
      throw new ReportStorageError(`report key ${JSON.stringify(key)} is not a path inside ${this.root}`);
    }
    return path;
  }
}
