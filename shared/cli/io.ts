import type { Readable, Writable } from 'node:stream';

/** What a command reads and writes: the process's streams, or a test's. */
export interface Io {
  stdin: Readable;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
  /** The environment the commands read (default: the process's). */
  env?: NodeJS.ProcessEnv;
}

/**
 * 0: nothing at or above the threshold; 1: found (or a platform failed to deliver); 2: unusable input;
 * 3: an unexpected failure (a fault of ours or of the machine, never of the input), said in one line.
 */
export const EXIT = { clean: 0, found: 1, unusableInput: 2, failed: 3 } as const;

/** Control characters (C0, DEL, C1) and the bidirectional controls that could reorder a terminal line. */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from the input made safe to echo on one terminal line: every control character shown as an
 * escape (`\u0000`), never sent raw, and at most `max` characters.
 */
export function printable(text: string, max = 200): string {
  const escaped = text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return escaped.length > max ? `${escaped.slice(0, max - 1)}…` : escaped;
}
