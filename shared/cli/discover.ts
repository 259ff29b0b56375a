import type { CouncilConfig } from '../domain/config';
import { loadCouncilConfig } from '../domain/load-config';
import { tokensFromEnvironment } from '../connectors/credentials';
import { accountSearches } from '../connectors/platforms';
import { openStore } from '../local/open-store';
import { describeSearchFailure, discoverAccounts, mastodonInstancesOf, searchTargets } from '../scanning/discover-accounts';
import { withRegisteredAccounts } from '../scanning/registered-accounts';
import { requireCouncilConfig } from '../store/audit-store';
import { CouncilOptionError, resolveCouncil } from './council-option';
import { EXIT, type Io } from './io';

export interface DiscoverCommandOptions {
  /** A council configuration file; its `approvedAccounts` say which accounts are approved. */
  config?: string;
  /** A council in the store: its stored configuration, and its account registry for approval. */
  council?: string;
  baseUrl?: string;
  format: 'table' | 'jsonl';
}

/**
 * `council-audit discover`: searches Mastodon (mastodon.social and the instances of the council's own
 * Mastodon accounts) and Bluesky for the council's name and aliases, and prints every account found,
 * with a finding for each that presents as the council without approval. The council is a
 * configuration file (--config), or a council in the store (--council, which may be left out when the
 * store holds one). --base-url sends every search to that one server instead.
 * Exit 0 when none does, 1 when some do or when every search failed (each is named), 2 for unusable input.
 */
export async function runDiscover(options: DiscoverCommandOptions, io: Io): Promise<number> {
  if (options.config !== undefined && options.council !== undefined) {
    throw new CouncilOptionError('discover works on one council', [{ field: '--council', message: 'give --config or --council, not both' }]);
  }
  const config = options.config !== undefined ? await loadCouncilConfig(options.config) : await storedCouncil(options.council, io);
  const searches = accountSearches({
    token: tokensFromEnvironment(io.env ?? process.env),
    allowLoopback: true,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
  });
  const baseUrl = options.baseUrl;
  const targets = searchTargets(
    searches,
    baseUrl ? { baseUrlOf: () => baseUrl } : { mastodonInstances: mastodonInstancesOf(config.approvedAccounts) },
  );
  const { discoveries, searches: searched, failures } = await discoverAccounts(config, targets);
  for (const failure of failures) io.stderr.write(`${describeSearchFailure(failure)}\n`);
  if (searched > 0 && failures.length === searched) {
    io.stderr.write(`council-audit: every search failed (${searched}), so nothing was checked\n`);
    return EXIT.found;
  }

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
    const failed = failures.length > 0 ? ` (${failures.length} of ${searched} searches failed)` : '';
    io.stdout.write(`${discoveries.length} account${discoveries.length === 1 ? '' : 's'} found${failed}; ${unapproved} present${unapproved === 1 ? 's' : ''} as the council without approval\n`);
  }
  return discoveries.some((d) => d.verdict === 'unapproved') ? EXIT.found : EXIT.clean;
}

/** The council as the store knows it: its configuration, judged with its account registry. */
async function storedCouncil(requested: string | undefined, io: Io): Promise<CouncilConfig> {
  const opened = await openStore(io.env ?? process.env);
  try {
    const council = await resolveCouncil(opened.store, opened.where, requested);
    const [config, accounts] = await Promise.all([requireCouncilConfig(council), council.listAccounts()]);
    return withRegisteredAccounts(config, accounts);
  } finally {
    await opened.close();
  }
}
