import { userInfo } from 'node:os';
import type { Writable } from 'node:stream';
import type { ConfigChange, ConfigVersion } from '../domain/config-version';
import type { CouncilSummary } from '../configuration/show-config';
import type { PushResult } from '../configuration/push-config';

/** Who is pushing when `--by` is not given: the operating system's user name. */
export function defaultPusher(env: NodeJS.ProcessEnv = process.env): string {
  try {
    return userInfo().username;
  } catch {
    // A container user with no passwd entry has no name; the environment may still give one.
    return env.USER ?? env.USERNAME ?? 'unknown';
  }
}

export function writePushResult(out: Writable, councilId: string, where: string, by: string, result: PushResult): void {
  if (result.outcome === 'unchanged') {
    const version = result.version === undefined ? 'stored (before versions were kept)' : `version ${result.version}`;
    out.write(`unchanged: council ${councilId}'s configuration in ${where} is already this (${version}); nothing was stored\n`);
  } else {
    const first = result.version === 1 ? ' (the first)' : '';
    out.write(`stored version ${result.version}${first} of council ${councilId}'s configuration in ${where}, by ${by}\n`);
    for (const change of describeChanges(result.changes)) out.write(`  ${change}\n`);
  }
  if (result.notListed.length > 0) {
    const listed = result.notListed.map((a) => `${a.platform} ${a.handle}`).join(', ');
    out.write(`note: ${result.notListed.length} registered account(s) not in approvedAccounts stay registered (accounts remove takes one off): ${listed}\n`);
  }
}

/** Each path with what happened to it: `council.aliases changed`, `approvedAccounts[…] registered and approved`. */
export function describeChanges(changes: readonly ConfigChange[]): string[] {
  const byPath = new Map<string, string[]>();
  for (const { path, change } of changes) byPath.set(path, [...(byPath.get(path) ?? []), change]);
  return [...byPath].map(([path, what]) => `${path} ${what.join(' and ')}`);
}

/** `config history`: one line per version, oldest first: version, when, who, what changed. */
export function writeConfigHistory(out: Writable, councilId: string, versions: readonly ConfigVersion[]): void {
  if (versions.length === 0) {
    out.write(`No configuration of council ${councilId} has been pushed.\n`);
    return;
  }
  const rows = versions.map((v) => {
    const changes = describeChanges(v.changes).join(', ');
    return [String(v.version), v.at, v.by, v.version === 1 ? `first version${changes ? `: ${changes}` : ''}` : changes];
  });
  const headers = ['version', 'at', 'by', 'changes'];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `${cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd()}\n`;
  out.write(line(headers));
  for (const row of rows) out.write(line(row));
}

/** `councils show`: the registration, the configuration in effect and the accounts by state. */
export function writeCouncilSummary(out: Writable, summary: CouncilSummary): void {
  const { council, configuration, accounts } = summary;
  const states = Object.entries(accounts.byStatus)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([status, count]) => `${count} ${status}`);
  const rows: [string, string][] = [
    ['council', council.id],
    ['name', council.name],
    ['digest to', council.digestTo.join(', ')],
    ['registered', council.registeredAt],
    [
      'configuration',
      configuration === undefined
        ? 'not pushed yet'
        : configuration === 'unversioned'
          ? 'stored before versions were kept (no version)'
          : `version ${configuration.version}, updated ${configuration.at} by ${configuration.by}`,
    ],
    [
      'accounts',
      accounts.total === 0
        ? 'none registered'
        : `${accounts.total}: ${[...states, `${accounts.approved} approved`, `${accounts.total - accounts.approved} not approved`].join(', ')}`,
    ],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) out.write(`${label.padEnd(width)}  ${value}\n`);
}
