import { loadCouncilConfig } from '../domain/load-config';
import { tokensFromEnvironment } from '../connectors/credentials';
import { accountSearches } from '../connectors/platforms';
import { discoverAccounts } from '../scanning/discover-accounts';
import type { Io } from './io';

/**
 * `council-audit discover`: searches Mastodon and Bluesky for the council's name and aliases and
 * prints every account found, with a finding for each that presents as the council without approval.
 * Exit 0 when none does, 1 when some do, 2 for unusable input.
 */
export async function runDiscover(options: { config: string; baseUrl?: string; format: 'table' | 'jsonl' }, io: Io): Promise<number> {
  const config = await loadCouncilConfig(options.config);
  const searches = accountSearches({
    token: tokensFromEnvironment(io.env ?? process.env),
    allowLoopback: true,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
  });
  const { discoveries, failures } = await discoverAccounts(config, searches, options.baseUrl ? { baseUrl: options.baseUrl } : {});
  for (const failure of failures) io.stderr.write(`${failure.platform} search for "${failure.query}" failed: ${failure.error}\n`);

  if (options.format === 'jsonl') {
    for (const d of discoveries) io.stdout.write(`${JSON.stringify({ ...d.account, verdict: d.verdict, ...(d.finding ? { finding: d.finding } : {}) })}\n`);
  } else {
    const order = { unapproved: 0, approved: 1, unrelated: 2 } as const;
    for (const d of [...discoveries].sort((a, b) => order[a.verdict] - order[b.verdict])) {
      const label = d.verdict === 'unapproved' ? 'NOT APPROVED' : d.verdict === 'approved' ? 'approved' : 'unrelated';
      io.stdout.write(`${label.padEnd(13)} ${d.account.platform.padEnd(9)} ${d.account.handle}${d.account.displayName ? ` ("${d.account.displayName}")` : ''}\n`);
      if (d.finding) io.stdout.write(`${' '.repeat(14)}${d.finding.reason}\n${' '.repeat(14)}→ ${d.finding.remediation}\n`);
    }
    const unapproved = discoveries.filter((d) => d.verdict === 'unapproved').length;
    io.stdout.write(`${discoveries.length} account${discoveries.length === 1 ? '' : 's'} found; ${unapproved} present${unapproved === 1 ? 's' : ''} as the council without approval\n`);
  }
  return discoveries.some((d) => d.verdict === 'unapproved') ? 1 : 0;
}
