import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { describeIssue, PostValidationError } from '../domain/errors';
import { parsePost, type Post } from '../domain/post';
import { printable } from './io';

export type PostLine =
  | { line: number; post: Post }
  | { line: number; error: string };

/**
 * Reads canonical posts from JSON lines one at a time, so memory stays flat however long the input.
 * A line that is not JSON or not a post yields an error naming the line and the field, and reading goes on.
 */
export async function* readPostLines(input: Readable): AsyncGenerator<PostLine> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const raw of lines) {
    line += 1;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      yield { line, error: `not valid JSON (${printable(withoutExcerpt((error as Error).message), 120)})` };
      continue;
    }
    try {
      yield { line, post: parsePost(json) };
    } catch (error) {
      if (!(error instanceof PostValidationError)) throw error;
      yield { line, error: `not a canonical post: ${printable(error.issues.map(describeIssue).join('; '), 300)}` };
    }
  }
}

/** The posts file, or standard input for `-`. */
export function openInput(path: string, stdin: Readable): Readable {
  return path === '-' ? stdin : createReadStream(path);
}

/** V8 quotes the start of the line in its message (`…, "\u0000\u0001…" is not valid JSON`): the line is not echoed. */
function withoutExcerpt(message: string): string {
  return message.replace(/, ".*" is not valid JSON$/s, '');
}
