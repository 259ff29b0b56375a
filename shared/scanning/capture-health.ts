import { handleKey } from '../domain/account';
import type { Platform } from '../domain/post';
import type { ScanRun } from '../domain/records';

/** An account whose latest capture failed: since when it has failed without a success between. */
export interface CaptureFailure {
  platform: Platform;
  handle: string;
  /** When the first run of the current run of failures started (ISO). */
  failingSince: string;
  /** How many runs in a row have failed, as far back as the runs given reach. */
  failedRuns: number;
  /** The latest failure's error, without personal data or credentials (as the scan recorded it). */
  lastError?: string;
  lastFailedAt: string;
  /**
   * True when every run given failed: the failures may have begun before the oldest run looked at,
   * so "since" is "at least since".
   */
  sinceAtLeast: boolean;
}

/**
 * The accounts whose latest scan failed, each with the start of its current streak of failures, by
 * account (handleKey). Discovery searches (runs with a `query`) are not accounts and are left out.
 * The same ordering as the digest's weekly list of failing captures: start time, then run id.
 */
export function currentCaptureFailures(runs: readonly ScanRun[]): Map<string, CaptureFailure> {
  const byAccount = new Map<string, ScanRun[]>();
  for (const run of runs) {
    if (run.query !== undefined) continue;
    const key = handleKey(run.platform, run.handle);
    byAccount.set(key, [...(byAccount.get(key) ?? []), run]);
  }
  const failures = new Map<string, CaptureFailure>();
  for (const [key, accountRuns] of byAccount) {
    const ordered = [...accountRuns].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || a.runId.localeCompare(b.runId));
    const latest = ordered.at(-1)!;
    if (latest.outcome !== 'failed') continue;
    const lastOk = ordered.findLastIndex((r) => r.outcome === 'ok');
    const streak = ordered.slice(lastOk + 1);
    failures.set(key, {
      platform: latest.platform,
      handle: latest.handle,
      failingSince: streak[0]!.startedAt,
      failedRuns: streak.length,
      ...(latest.error === undefined ? {} : { lastError: latest.error }),
      lastFailedAt: latest.startedAt,
      sinceAtLeast: lastOk === -1,
    });
  }
  return failures;
}
