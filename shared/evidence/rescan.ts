import { handleKey } from '../domain/account';
import { isoWeekOf } from '../domain/calendar';
import { expiresAfter, retentionOf } from '../domain/retention';
import { isTombstone, type StoredFinding } from '../domain/records';
import type { Detector } from '../detectors/detector';
import { DETECTORS, RULES_VERSION } from '../detectors';
import { withRegisteredAccounts } from '../scanning/registered-accounts';
import { DetectionEngine } from '../scanning/run-detectors';
import { FindingStatusChangedError, requireCouncilConfig, type CouncilStore } from '../store/audit-store';

export interface RescanOptions {
  now: Date;
  /** Only posts captured at or after this time (ISO); every stored post when absent. */
  since?: string;
  /** The rules to check with (the deployed ones unless a test gives others) and their version. */
  detectors?: readonly Detector[];
  rulesVersion?: string;
}

export interface RescanResult {
  rulesVersion: string;
  postsChecked: number;
  /** Findings the rules raise now that no scan had raised: stored as open, `foundBy: 'rescan'`. */
  raised: string[];
  /** Open or acknowledged findings the rules no longer raise: resolved, with the reason in their trail. */
  withdrawn: string[];
}

/** Who the audit trail says withdrew a finding. */
export const RESCAN_ACTOR = 'council-audit rescan';

/**
 * Checks stored posts again with the current rules, primary course:
 * 1. read the configuration, the registered accounts, their stored copies (erased ones have nothing
 *    to check) and the findings still open or acknowledged;
 * 2. check each copy captured since `since`: a finding no stored finding has is stored as open, found
 *    by the rescan, with the rules' version;
 * 3. an open or acknowledged finding of a post rule on a checked post that the rules no longer raise is
 *    resolved, its trail saying "no longer raised by rules <version>". No finding is ever deleted.
 * Idempotent: running it again raises and withdraws nothing more.
 */
export async function rescanCouncil(store: CouncilStore, options: RescanOptions): Promise<RescanResult> {
  const detectors = options.detectors ?? DETECTORS;
  const rulesVersion = options.rulesVersion ?? RULES_VERSION;
  const [config, accounts, open] = await Promise.all([requireCouncilConfig(store), store.listAccounts(), store.listOpenFindings()]);
  const engine = new DetectionEngine(withRegisteredAccounts(config, accounts), detectors);
  // A rule dropped from the rules is still a post rule: its open findings are withdrawn too.
  const postRules = new Set<string>([...DETECTORS, ...detectors].filter((d) => d.meta.level === 'post').map((d) => d.meta.id));
  const detectedAt = options.now.toISOString();
  const detectedWeek = isoWeekOf(detectedAt, config.timezone).id;
  const expiresAt = expiresAfter(options.now, retentionOf(config).recordsDays);
  const sinceMs = options.since === undefined ? Number.NEGATIVE_INFINITY : Date.parse(options.since);

  const openByPost = new Map<string, StoredFinding[]>();
  for (const finding of open) {
    if (finding.postId === undefined) continue;
    const key = `${handleKey(finding.platform, finding.account)}#${finding.postId}`;
    openByPost.set(key, [...(openByPost.get(key) ?? []), finding]);
  }

  const result: RescanResult = { rulesVersion, postsChecked: 0, raised: [], withdrawn: [] };
  for (const account of accounts) {
    for (const record of await store.listPosts(account.platform, account.handle)) {
      if (isTombstone(record) || Date.parse(record.capturedAt) < sinceMs) continue;
      result.postsChecked += 1;
      const findings = engine.checkPost(record.post);
      const raisedNow = new Set(findings.map((f) => f.id));
      for (const finding of findings) {
        if (await store.getFinding(finding.id)) continue;
        const stored: StoredFinding = { ...finding, status: 'open', detectedAt, detectedWeek, expiresAt, rulesVersion, foundBy: 'rescan' };
        if (await store.putFinding(stored)) result.raised.push(finding.id);
      }
      const key = `${handleKey(account.platform, account.handle)}#${record.post.id}`;
      for (const finding of openByPost.get(key) ?? []) {
        if (raisedNow.has(finding.id) || !postRules.has(finding.rule)) continue;
        try {
          await store.setFindingStatus(finding.id, 'resolved', RESCAN_ACTOR, `no longer raised by rules ${rulesVersion}`, { automatic: 'rules-changed', expectedStatus: finding.status });
          result.withdrawn.push(finding.id);
        } catch (error) {
          // Someone reviewed it meanwhile: their decision stands.
          if (!(error instanceof FindingStatusChangedError)) throw error;
        }
      }
    }
  }
  return result;
}
