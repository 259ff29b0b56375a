import { describe, expect, it } from 'vitest';
import type { Council } from '../../shared/domain/council';
import { CouncilRunError, forEachCouncil, mapConcurrently } from '../../shared/tenancy/each-council';
import { MemoryAuditStore } from '../support/memory-store';

const council = (id: string): Council => ({ id, name: id, digestTo: [`clerk@${id}.example`], registeredAt: '2026-11-01T09:00:00Z' });

async function registry(...ids: string[]): Promise<MemoryAuditStore> {
  const store = new MemoryAuditStore();
  for (const id of ids) await store.putCouncil(council(id));
  return store;
}

describe('running something for every council', () => {
  it('runs it once for each registered council, in the order of their ids', async () => {
    const store = await registry('stow-pc', 'harbourne-tc', 'ashby-pc');
    const outcomes = await forEachCouncil(store, 'the test', async (c) => c.name.toUpperCase());
    expect(outcomes).toEqual([
      { council: 'ashby-pc', ok: true, value: 'ASHBY-PC' },
      { council: 'harbourne-tc', ok: true, value: 'HARBOURNE-TC' },
      { council: 'stow-pc', ok: true, value: 'STOW-PC' },
    ]);
  });

  it('runs it for the named council alone, and refuses one that is not registered before running anything', async () => {
    const store = await registry('stow-pc', 'harbourne-tc');
    const seen: string[] = [];
    await forEachCouncil(store, 'the test', async (c) => void seen.push(c.id), { council: 'stow-pc' });
    await expect(forEachCouncil(store, 'the test', async (c) => void seen.push(c.id), { council: 'ashby-pc' })).rejects.toThrow('no council ashby-pc is registered');
    expect(seen).toEqual(['stow-pc']);
  });

  it('goes on past a council that fails, then fails naming it, with every outcome', async () => {
    const store = await registry('stow-pc', 'harbourne-tc', 'ashby-pc');
    const failed: string[] = [];

    const attempt = forEachCouncil(store, 'the test', async (c) => {
      if (c.id === 'harbourne-tc') throw new Error('the table is throttling');
      return c.id;
    }, { onError: (id) => failed.push(id) });

    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CouncilRunError);
    expect((error as CouncilRunError).message).toBe('the test failed for 1 of 3 councils: harbourne-tc (Error: the table is throttling)');
    expect((error as CouncilRunError).outcomes.map((o) => [o.council, o.ok])).toEqual([['ashby-pc', true], ['harbourne-tc', false], ['stow-pc', true]]);
    expect(failed).toEqual(['harbourne-tc']);
  });
});

describe('mapping a few at a time', () => {
  it('never runs more than the limit at once, and keeps the order of the items', async () => {
    let running = 0;
    let most = 0;
    const results = await mapConcurrently([5, 1, 4, 2, 3, 0], 2, async (n) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running -= 1;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0]);
    expect(most).toBe(2);
  });

  it('returns nothing for nothing', async () => {
    expect(await mapConcurrently([], 4, async () => 1)).toEqual([]);
  });
});
