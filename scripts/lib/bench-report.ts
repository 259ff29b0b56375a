// Printing the bench's figures (one line each, with its unit and target) and timing things.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What a figure should be: at least (throughput, speed-up) or at most (time, size) `value`. */
export interface Target {
  readonly atLeast?: number;
  readonly atMost?: number;
}

export interface Figure {
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  /** Decimal places shown (default 0). */
  readonly digits?: number;
  readonly target?: Target;
  /** How it was measured, and anything that helps read it. */
  readonly detail?: string;
}

export const formatNumber = (value: number, digits = 0): string =>
  value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const withUnit = (number: string, unit: string) => (unit === '×' ? `${number}×` : `${number} ${unit}`);

const LABEL_WIDTH = 46;
const VALUE_WIDTH = 18;
const TARGET_WIDTH = 28;

/** `label   value unit   target ≥ x unit  met|MISSED   (detail)` */
export function printFigure(figure: Figure): void {
  const { label, value, unit, digits = 0, target, detail } = figure;
  const shown = withUnit(formatNumber(value, digits), unit);
  let judged = '';
  if (target?.atLeast !== undefined || target?.atMost !== undefined) {
    const [sign, bound] = target.atLeast !== undefined ? ['≥', target.atLeast] : ['≤', target.atMost!];
    const met = target.atLeast !== undefined ? value >= bound : value <= bound;
    judged = `${`target ${sign} ${withUnit(formatNumber(bound), unit)}`.padEnd(TARGET_WIDTH)} ${met ? 'met   ' : 'MISSED'}`;
  }
  console.log(`${label.padEnd(LABEL_WIDTH)} ${shown.padStart(VALUE_WIDTH)}   ${judged.padEnd(TARGET_WIDTH + 7)}${detail ? `  (${detail})` : ''}`.trimEnd());
}

export function printHeading(heading: string): void {
  console.log(`\n${heading}`);
}

/** Seconds taken by `work`, and what it returned. */
export function timed<T>(work: () => T): { seconds: number; result: T } {
  const started = process.hrtime.bigint();
  const result = work();
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, result };
}

export async function timedAsync<T>(work: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const started = process.hrtime.bigint();
  const result = await work();
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, result };
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export interface ProcessRun {
  /** Wall-clock time from spawning the process to its exit, seen from the bench. */
  seconds: number;
  /** The process's peak resident set size, when GNU time is there to report it. */
  peakRssMiB: number | undefined;
  status: number | null;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true']).status === 0;

/**
 * Runs a command to its end, standard output discarded, and times it from outside. With `peakRss`,
 * under GNU time where the machine has it: a fork and exec more, about a millisecond.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: Pick<SpawnSyncOptions, 'cwd' | 'env'> = {},
  { peakRss = true }: { peakRss?: boolean } = {},
): ProcessRun {
  const dir = peakRss && hasGnuTime ? mkdtempSync(join(tmpdir(), 'council-audit-bench-')) : undefined;
  try {
    const rssFile = dir && join(dir, 'peak-rss');
    const [file, argv] = rssFile ? [GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, [...args]];
    const started = process.hrtime.bigint();
    const child = spawnSync(file, argv, { ...options, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (child.error) throw child.error;
    const kib = rssFile && existsSync(rssFile) ? Number.parseInt(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)!, 10) : NaN;
    return { seconds, peakRssMiB: Number.isFinite(kib) ? kib / 1024 : undefined, status: child.status, stderr: child.stderr };
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
