import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateFleet } from '../../scripts/lib/simulation/fleet';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('the simulated fleet', () => {
  it('is the same fleet for the same seed, about three accounts a council, 5 to 15 posts a week each', () => {
    // Prepare
    const now = new Date('2026-12-07T01:00:00Z');
    const options = { councils: 40, now, rssBaseUrl: 'http://127.0.0.1:9' };

    // Act
    const fleet = generateFleet(options);

    // Assess
    expect(generateFleet(options)).toEqual(fleet);
    const accounts = fleet.flatMap((c) => c.accounts);
    expect(accounts.length / fleet.length).toBeGreaterThanOrEqual(2.5);
    expect(accounts.length / fleet.length).toBeLessThanOrEqual(3.5);
    for (const account of accounts) {
      expect(account.posts.length).toBeGreaterThanOrEqual(5);
      expect(account.posts.length).toBeLessThanOrEqual(15);
      const times = account.posts.map((p) => p.createdAt.getTime());
      expect(Math.min(...times)).toBeGreaterThan(now.getTime() - 7 * 86_400_000);
      expect(times).toEqual([...times].sort((a, b) => b - a)); // newest first
    }
    expect(new Set(accounts.map((a) => a.platform)).size).toBe(7);
    expect(new Set(fleet.map((c) => c.id)).size).toBe(40);
  });
});

describe('runSimulation', () => {
  it('scans every account of seven councils over all seven platforms, then finds nothing new, then sends each digest', { timeout: 180_000 }, async () => {
    // Prepare: the handlers log at INFO, as deployed (the suite's default is WARN); Powertools reads it at import.
    const suiteLevel = process.env.POWERTOOLS_LOG_LEVEL;
    process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
    const { runSimulation } = await import('../../scripts/lib/simulation/run-simulation');

    // Act
    const result = await runSimulation({ councils: 7, root, platformLatencyMs: 0, reportSample: 0 }).finally(() => {
      process.env.POWERTOOLS_LOG_LEVEL = suiteLevel;
    });

    // Assess
    const { scanFirst, scanSteady, digest } = result.phases;
    expect(Object.keys(result.accountsByPlatform).sort()).toEqual(['bluesky', 'facebook', 'instagram', 'mastodon', 'rss', 'x', 'youtube']);
    expect(scanFirst.accountsScanned).toBe(result.accounts);
    expect(scanFirst.captureFailures).toBe(0);
    expect(scanFirst.postsFetched).toBe(result.postsInWeek);
    expect(scanFirst.findingsNew).toBeGreaterThan(0); // about one post in ten is a breach
    expect(scanSteady.accountsScanned).toBe(result.accounts);
    expect(scanSteady.captureFailures).toBe(0);
    expect(scanSteady.postsFetched).toBe(0);
    expect(scanSteady.invocations).toBe(Math.ceil(result.accounts / 5));
    // Every scan reads its account, configuration, accounts list and cursor, and records its run (table and index).
    expect(scanSteady.readUnits).toBeGreaterThanOrEqual(result.accounts * 2);
    expect(scanSteady.writesByKind.RUN).toBeGreaterThanOrEqual(result.accounts);
    expect(scanSteady.writesByKind['RUN (gsi1)']).toBeGreaterThanOrEqual(result.accounts);
    expect(scanFirst.writesByKind.POST).toBeGreaterThanOrEqual(result.postsInWeek);
    expect(scanFirst.hottestPartition.share).toBeLessThan(0.5);
    expect(digest.messages).toBe(7);
    expect(result.deployed.functions['scan-account']?.memoryMb).toBeGreaterThan(0);
  });
});
