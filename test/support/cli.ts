import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { main } from '../../shared/cli/main';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `council-audit` in-process with captured streams. */
export async function runCli(args: string[], stdinText = '', env?: NodeJS.ProcessEnv): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (b: Buffer) => out.push(b));
  stderr.on('data', (b: Buffer) => err.push(b));
  const code = await main(args, { stdin: Readable.from([stdinText]), stdout, stderr, ...(env ? { env } : {}) });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

/** A fresh temporary folder with the given files written into it; returns their paths. */
export function tempFiles<T extends Record<string, string>>(files: T): { [K in keyof T]: string } & { dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'council-audit-'));
  const paths: Record<string, string> = { dir };
  for (const [name, content] of Object.entries(files)) {
    paths[name] = join(dir, name);
    writeFileSync(paths[name], content);
  }
  return paths as { [K in keyof T]: string } & { dir: string };
}
