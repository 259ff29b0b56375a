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

/** Text from the input made safe to echo on one terminal line (see shared/rendering/display). */
export { printable } from '../rendering/display';
