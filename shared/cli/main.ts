import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { parseIsoWeek } from '../domain/calendar';
import { SEVERITIES, type Severity } from '../domain/config';
import { AccountNotFoundError, ConnectorError, CouncilAuditError } from '../domain/errors';
import { FINDING_STATUSES } from '../domain/finding';
import { UrlRefusedError } from '../connectors/errors';
import { PLATFORMS, type Platform } from '../domain/post';
import type { AuditStore, CouncilStore, FindingStatus } from '../store/audit-store';
import type { DiscoverCommandOptions } from './discover';
import type { FetchCommandOptions } from './fetch';
import { FORMATS, REPORT_FORMATS, type Format } from './formats/format';
import { EXIT, printable, type Io } from './io';
import type { ReportCommandOptions } from './report';
import { addReviewCommands } from './review-commands';

// Each command loads its own modules when it runs (the engine, the store, the connectors, the
// report's printer), so that `--help` and a mistyped option answer at once.

/** The `council-audit` command line; returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const program = new Command()
    .name('council-audit')
    .description("Checks a council's social media posts against its social media policy.")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });

  let exitCode: number = EXIT.clean;
  program
    .command('check')
    .description('check posts (canonical JSON lines) against every rule of the rulebook')
    .requiredOption('-c, --config <file>', 'the council configuration (JSON)')
    .addOption(new Option('-f, --format <format>', 'output format (default: table on a terminal, jsonl otherwise)').choices(FORMATS))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding at or above this severity is found').choices(SEVERITIES).default('low'))
    .argument('<posts>', 'a JSON-lines file of posts, or - for standard input')
    .action(async (posts: string, opts: { config: string; format?: Format; failOn: Severity }) => {
      const { runCheck } = await import('./check');
      exitCode = await runCheck(
        {
          config: opts.config,
          input: posts,
          format: opts.format ?? (io.stdout.isTTY ? 'table' : 'jsonl'),
          failOn: opts.failOn,
        },
        io,
      );
    });

  /** Runs `work` on the store the environment names (else the local one), closing it afterwards. */
  const withStore = async <T>(work: (store: AuditStore, where: string) => Promise<T>) => {
    const { openStore } = await import('../local/open-store');
    const opened = await openStore(io.env ?? process.env);
    try {
      return await work(opened.store, opened.where);
    } finally {
      await opened.close();
    }
  };
  /** Runs `work` on one council's records: the one --council names, or the only one registered. */
  const withCouncil = async <T>(requested: string | undefined, work: (council: CouncilStore, where: string) => Promise<T>) =>
    withStore(async (store, where) => {
      const { resolveCouncil } = await import('./council-option');
      const council = await resolveCouncil(store, where, requested);
      return work(council, `council ${council.councilId} in ${where}`);
    });
  const COUNCIL_OPTION = ['--council <id>', 'the council, e.g. harbourne-tc (may be left out when the store holds only one)'] as const;

  const councils = program
    .command('councils')
    .description('register the councils this deployment serves, each with who receives its weekly digest (in the store TABLE_NAME names, else the local one under .local/)');
  councils
    .command('add')
    .description('register a council, or change the name and digest recipients of one registered')
    .requiredOption('--council <id>', 'its id: 3 to 40 lower-case letters, digits and hyphens, e.g. harbourne-tc')
    .requiredOption('--name <name>', 'its name, e.g. "Harbourne Town Council"')
    .requiredOption('--digest-to <addresses>', 'who receives its weekly digest, comma-separated')
    .option('--digest-day <day>', 'the day its digest is sent, e.g. monday (default monday; kept when updating)')
    .option('--digest-time <HH:MM>', 'the local time its digest is sent, 24-hour clock (default 08:00; kept when updating)')
    .option('--timezone <zone>', 'the IANA time zone the day and time are read in (default Europe/London; kept when updating)')
    .action(async (opts: { council: string; name: string; digestTo: string; digestDay?: string; digestTime?: string; timezone?: string }) => {
      const { addCouncil, describeDigestSchedule } = await import('./councils');
      await withStore(async (store, where) => {
        const { council, updated } = await addCouncil(store, opts);
        io.stdout.write(
          `${updated ? 'updated' : 'registered'} council ${council.id} (${council.name}) in ${where}; its digest goes to ${council.digestTo.join(', ')} every ${describeDigestSchedule(council)}\n`,
        );
      });
    });
  councils
    .command('list')
    .description('list the registered councils')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (opts: { format: 'table' | 'json' }) => {
      const { writeCouncilTable } = await import('./councils');
      await withStore(async (store) => {
        const list = await store.listCouncils();
        if (opts.format === 'json') io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        else writeCouncilTable(io.stdout, list);
      });
    });
  councils
    .command('show')
    .description("show a council: its registration, its configuration's version (when and by whom it was pushed), and its accounts by state")
    .requiredOption('--council <id>', 'its id')
    .action(async (opts: { council: string }) => {
      const [{ parseCouncilId }, { summariseCouncil }, { writeCouncilSummary }] = await Promise.all([import('../domain/council'), import('../configuration/show-config'), import('./config')]);
      await withStore(async (store) => writeCouncilSummary(io.stdout, await summariseCouncil(store, parseCouncilId(opts.council, '--council'))));
    });
  councils
    .command('remove')
    .description('take a council off the registry: it is no longer scanned, sent digests or reported on; its records are kept')
    .requiredOption('--council <id>', 'its id')
    .action(async (opts: { council: string }) => {
      const { removeCouncil } = await import('./councils');
      await withStore(async (store, where) => {
        if (await removeCouncil(store, opts.council)) {
          io.stdout.write(`removed council ${opts.council} from ${where}; its records are kept, and registering it again resumes them\n`);
        } else {
          io.stderr.write(`council-audit: no council ${opts.council} is registered in ${where}\n`);
          exitCode = EXIT.unusableInput;
        }
      });
    });

  const config = program
    .command('config')
    .description("a council's configuration in the store (TABLE_NAME names, else the local one under .local/): pushed from a file, versioned, every change recorded");
  config
    .command('push')
    .description(
      'validate a configuration file and store it as the council\'s next version, recording who, when and what changed; ' +
        'unknown keys and bad values are refused by name and nothing is stored; its approvedAccounts are registered, and approved when approvedBy and approvedOn are given, in the account registry',
    )
    .requiredOption('--council <id>', 'the council, e.g. harbourne-tc (registered with councils add)')
    .option('--by <name>', 'who is pushing, for the change record (default: your user name)')
    .argument('<file>', 'the configuration (JSON, UTF-8)')
    .action(async (file: string, opts: { council: string; by?: string }) => {
      const [{ parseCouncilId }, { readConfigJson }, { pushCouncilConfig }, { defaultPusher, writePushResult }] = await Promise.all([
        import('../domain/council'),
        import('../domain/load-config'),
        import('../configuration/push-config'),
        import('./config'),
      ]);
      const councilId = parseCouncilId(opts.council, '--council');
      const json = await readConfigJson(file);
      const by = opts.by ?? defaultPusher(io.env ?? process.env);
      await withStore(async (store, where) => writePushResult(io.stdout, councilId, where, by.trim(), await pushCouncilConfig(store, councilId, json, { by, source: file })));
    });
  config
    .command('show')
    .description('print the configuration as JSON, with approvedAccounts as the account registry holds them now: the output can be edited and pushed back')
    .requiredOption('--council <id>', 'the council')
    .option('--version <n>', 'this version instead of the newest (config history lists them)', parseVersionOption)
    .action(async (opts: { council: string; version?: number }) => {
      const [{ parseCouncilId }, { showCouncilConfig }] = await Promise.all([import('../domain/council'), import('../configuration/show-config')]);
      await withStore(async (store) => {
        const shown = await showCouncilConfig(store, parseCouncilId(opts.council, '--council'), opts.version);
        io.stdout.write(`${JSON.stringify(shown.config, null, 2)}\n`);
      });
    });
  config
    .command('history')
    .description('one line per version of the configuration, oldest first: version, when, who, what changed')
    .requiredOption('--council <id>', 'the council')
    .action(async (opts: { council: string }) => {
      const [{ parseCouncilId }, { councilConfigHistory }, { writeConfigHistory }] = await Promise.all([import('../domain/council'), import('../configuration/show-config'), import('./config')]);
      await withStore(async (store) => {
        const councilId = parseCouncilId(opts.council, '--council');
        writeConfigHistory(io.stdout, councilId, await councilConfigHistory(store, councilId));
      });
    });

  const accounts = program
    .command('accounts')
    .description('register a council\'s accounts for monitoring and record the Town Clerk\'s approval (in the store TABLE_NAME names, else the local one under .local/)');
  accounts
    .command('add')
    .description('register an account for monitoring')
    .option(...COUNCIL_OPTION)
    .addOption(new Option('--platform <platform>', 'where the account is').choices(PLATFORMS).makeOptionMandatory())
    .requiredOption('--handle <handle>', 'the handle as the platform shows it, e.g. @harbournetc@mastodon.social, or a feed URL')
    .option('--name <display name>', 'the display name')
    .option('--base-url <url>', "the platform's API base URL, when not its default")
    .option('--approved-by <name>', 'who approved it, when already approved')
    .option('--approved-on <YYYY-MM-DD>', 'when it was approved')
    .action(async (opts: { council?: string; platform: string; handle: string; name?: string; baseUrl?: string; approvedBy?: string; approvedOn?: string }) => {
      const { addAccount } = await import('./accounts');
      const account = await withCouncil(opts.council, async (store, where) => {
        const added = await addAccount(store, opts);
        io.stdout.write(`registered ${added.platform} ${added.handle} in ${where}${added.approvedBy ? '' : ' (not yet approved)'}\n`);
        return added;
      });
      exitCode = account ? EXIT.clean : EXIT.unusableInput;
    });
  accounts
    .command('approve')
    .description("record the Town Clerk's approval of a registered account")
    .option(...COUNCIL_OPTION)
    .addOption(new Option('--platform <platform>', 'where the account is').choices(PLATFORMS).makeOptionMandatory())
    .requiredOption('--handle <handle>', 'the handle as registered')
    .requiredOption('--by <name>', 'who approved it, e.g. "Town Clerk"')
    .option('--on <YYYY-MM-DD>', 'when (default: today)')
    .action(async (opts: { council?: string; platform: string; handle: string; by: string; on?: string }) => {
      const { approveAccount } = await import('./accounts');
      await withCouncil(opts.council, async (store) => {
        const approved = await approveAccount(store, opts);
        io.stdout.write(`approved ${approved.platform} ${approved.handle}: by ${approved.approvedBy} on ${approved.approvedOn}\n`);
      });
    });
  accounts
    .command('list')
    .description("list the council's registered accounts and their approval")
    .option(...COUNCIL_OPTION)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (opts: { council?: string; format: 'table' | 'json' }) => {
      const { writeAccountTable } = await import('./accounts');
      await withCouncil(opts.council, async (store) => {
        const list = await store.listAccounts();
        if (opts.format === 'json') io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        else writeAccountTable(io.stdout, list);
      });
    });

  accounts
    .command('status')
    .description("each account's approval and state: checked, paused, needs reconnection, or capture failing since when (as the console shows)")
    .option(...COUNCIL_OPTION)
    .action(async (opts: { council?: string }) => {
      const [{ accountStatesOf }, { writeAccountStates }] = await Promise.all([import('../accounts/council-accounts'), import('./accounts')]);
      await withCouncil(opts.council, async (store) => {
        const timezone = (await store.getCouncilConfig())?.timezone ?? 'Europe/London';
        writeAccountStates(io.stdout, await accountStatesOf(store, new Date()), timezone);
      });
    });
  accounts
    .command('impostors')
    .description('accounts the weekly search found presenting as the council, not registered, with how to report each to its platform')
    .option(...COUNCIL_OPTION)
    .action(async (opts: { council?: string }) => {
      const [{ impostorCandidatesOf }, { writeImpostorCandidates }] = await Promise.all([import('../accounts/council-accounts'), import('./accounts')]);
      await withCouncil(opts.council, async (store) => writeImpostorCandidates(io.stdout, await impostorCandidatesOf(store)));
    });

  for (const [verb, status, description, done] of [
    ['pause', 'paused', 'stop scanning an account until it is resumed (its approval and records are kept)', 'it is not scanned until resumed'],
    ['resume', 'active', 'scan a paused account again', 'it is scanned again from where it stopped'],
  ] as const) {
    accounts
      .command(verb)
      .description(description)
      .option(...COUNCIL_OPTION)
      .addOption(new Option('--platform <platform>', 'where the account is').choices(PLATFORMS).makeOptionMandatory())
      .requiredOption('--handle <handle>', 'the handle as registered')
      .action(async (opts: { council?: string; platform: Platform; handle: string }) => {
        await withCouncil(opts.council, async (store, where) => {
          const account = await store.setAccountStatus(opts.platform, opts.handle, status);
          io.stdout.write(`${status === 'paused' ? 'paused' : 'resumed'} ${account.platform} ${account.handle} in ${where}: ${done}\n`);
        });
      });
  }
  accounts
    .command('remove')
    .description('unregister an account: it is no longer scanned; its posts and findings are kept as evidence')
    .option(...COUNCIL_OPTION)
    .addOption(new Option('--platform <platform>', 'where the account is').choices(PLATFORMS).makeOptionMandatory())
    .requiredOption('--handle <handle>', 'the handle as registered')
    .action(async (opts: { council?: string; platform: Platform; handle: string }) => {
      await withCouncil(opts.council, async (store, where) => {
        const removed = await store.removeAccount(opts.platform, opts.handle);
        if (!removed) throw new AccountNotFoundError(`no ${opts.platform} account ${opts.handle} is registered in ${where}`);
        io.stdout.write(`removed ${removed.platform} ${removed.handle} from ${where}; its posts and findings are kept as evidence, and registering it again resumes its scans\n`);
      });
    });

  const findings = program
    .command('findings')
    .description("a council's findings in the store (TABLE_NAME names, else the local one under .local/)");
  findings
    .command('list')
    .description('list findings, newest first: those open or acknowledged, or with --week those detected that ISO week')
    .option(...COUNCIL_OPTION)
    .addOption(new Option('--status <status>', 'only findings with this status (resolved and dismissed need --week)').choices(FINDING_STATUSES))
    .option('--week <YYYY-Www>', 'the findings detected in this ISO week, e.g. 2026-W49, whatever their status', parseWeekOption)
    .addOption(new Option('-f, --format <format>', 'output format: one finding per line as JSON, or a table').choices(['table', 'jsonl']).default('table'))
    .action(async (opts: { council?: string; status?: FindingStatus; week?: string; format: 'table' | 'jsonl' }) => {
      const { describeNoFindings, listFindings, writeFindingLines, writeFindingTable } = await import('./findings');
      await withCouncil(opts.council, async (store) => {
        const filter = { ...(opts.status ? { status: opts.status } : {}), ...(opts.week ? { week: opts.week } : {}) };
        const list = await listFindings(store, filter);
        if (opts.format === 'jsonl') writeFindingLines(io.stdout, list);
        else writeFindingTable(io.stdout, list, describeNoFindings(filter));
      });
    });

  findings
    .command('show')
    .description('one finding, with its audit trail: every change of its status, who made it (a person, or the system) and why')
    .argument('<id>', 'the finding, as findings list shows it')
    .option(...COUNCIL_OPTION)
    .addOption(new Option('-f, --format <format>', 'output format: text, or the finding and its events as JSON').choices(['text', 'json']).default('text'))
    .action(async (id: string, opts: { council?: string; format: 'text' | 'json' }) => {
      const { showFinding, writeFindingDetail } = await import('./findings');
      await withCouncil(opts.council, async (store) => {
        const shown = await showFinding(store, id);
        if (opts.format === 'json') io.stdout.write(`${JSON.stringify(shown)}\n`);
        else writeFindingDetail(io.stdout, shown);
      });
    });

  addReviewCommands(program, findings, { io, withStore, councilOption: COUNCIL_OPTION });

  program
    .command('purge')
    .description(
      "erase stored copies of posts on request (UK GDPR erasure): each leaves a tombstone (its hash, when, who, why) so the hash chain still verifies; its findings stay, their evidence replaced by \"[erased on <date> at the subject's request]\"",
    )
    .option(...COUNCIL_OPTION)
    .option('--post <platform>:<handle>:<postId>', 'one post, e.g. mastodon:@harbournetc@mastodon.social:111')
    .option('--account <platform>:<handle>', "every stored post of an account, e.g. mastodon:@harbournetc@mastodon.social")
    .option('--by <name>', 'who is erasing, for the tombstone and the audit trail (default: your user name)')
    .option('--reason <text>', 'why', "the subject's request")
    .action(async (opts: { council?: string; post?: string; account?: string; by?: string; reason: string }) => {
      const [{ parseAccountTarget, parsePostTarget, purgePosts, PurgeTargetError }, { defaultPusher }, { writePurgeResult }] = await Promise.all([
        import('../evidence/purge'),
        import('./config'),
        import('./evidence'),
      ]);
      if ((opts.post === undefined) === (opts.account === undefined)) {
        throw new PurgeTargetError('purge needs what to erase', [{ field: '--post', message: 'give either --post <platform>:<handle>:<postId> or --account <platform>:<handle>, not both' }]);
      }
      await withCouncil(opts.council, async (store, where) => {
        const target = opts.post !== undefined ? parsePostTarget(opts.post, await store.listAccounts()) : parseAccountTarget(opts.account!);
        const by = (opts.by ?? defaultPusher(io.env ?? process.env)).trim() || 'unknown';
        const result = await purgePosts(store, target, { at: new Date().toISOString(), by, reason: opts.reason });
        writePurgeResult(io.stdout, where, target, result);
      });
    });
  program
    .command('verify')
    .description("check every account's hash chain of captured posts; exits 1 naming the first broken link of each account whose chain is broken")
    .option(...COUNCIL_OPTION)
    .action(async (opts: { council?: string }) => {
      const [{ verifyChains }, { writeChainChecks }] = await Promise.all([import('../evidence/verify'), import('./evidence')]);
      await withCouncil(opts.council, async (store, where) => {
        const checks = await verifyChains(store);
        writeChainChecks(io.stdout, where, checks);
        exitCode = checks.some((c) => c.broken) ? EXIT.found : EXIT.clean;
      });
    });

  program
    .command('rescan')
    .description('check stored posts again with the current rules: new findings say a rescan found them; open findings the rules no longer raise are resolved with that reason, never deleted')
    .option(...COUNCIL_OPTION)
    .option('--since <YYYY-MM-DD>', 'only posts captured on or after this day (UTC)', parseSinceOption)
    .action(async (opts: { council?: string; since?: string }) => {
      const { rescanCouncil } = await import('../evidence/rescan');
      await withCouncil(opts.council, async (store, where) => {
        const result = await rescanCouncil(store, { now: new Date(), ...(opts.since ? { since: opts.since } : {}) });
        io.stdout.write(
          `rescanned ${result.postsChecked} stored post${result.postsChecked === 1 ? '' : 's'} of ${where} with rules ${result.rulesVersion}: ` +
            `${result.raised.length} new finding${result.raised.length === 1 ? '' : 's'}${result.raised.length ? ` (${result.raised.join(', ')})` : ''}, ` +
            `${result.withdrawn.length} no longer raised${result.withdrawn.length ? ` (${result.withdrawn.join(', ')})` : ''}\n`,
        );
      });
    });

  program
    .command('fetch')
    .description("print an account's posts as canonical JSON lines, newest first (pipe them into check)")
    .addOption(new Option('--platform <platform>', 'the platform').choices(['mastodon', 'bluesky', 'facebook', 'instagram', 'x', 'youtube', 'rss']).makeOptionMandatory())
    .requiredOption('--account <handle>', 'the handle (@name@instance, @name.bsky.social, a page or user id), a YouTube channel id, or a feed URL')
    .option('--base-url <url>', "the platform's API base URL, when not its default")
    .option('--since <ISO time>', 'only posts at or after this time')
    .option('--limit <n>', 'at most this many posts')
    .option('--token-file <file>', 'a JSON file of tokens by platform (else FACEBOOK_ACCESS_TOKEN, INSTAGRAM_ACCESS_TOKEN, X_BEARER_TOKEN…)')
    .action(async (opts: FetchCommandOptions) => {
      const { runFetch } = await import('./fetch');
      exitCode = await runFetch(opts, io);
    });

  program
    .command('discover')
    .description("search Mastodon and Bluesky for accounts presenting as the council without the Town Clerk's approval")
    .option('-c, --config <file>', 'the council configuration (JSON); else the council in the store')
    .option(...COUNCIL_OPTION)
    .option('--base-url <url>', 'the API base URL to search, when not the platforms\' defaults')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'jsonl']).default('table'))
    .action(async (opts: DiscoverCommandOptions) => {
      const { runDiscover } = await import('./discover');
      exitCode = await runDiscover(opts, io);
    });

  program
    .command('report')
    .description('the compliance report for Full Council over a period, from the store (TABLE_NAME names, else the local one under .local/)')
    .option(...COUNCIL_OPTION)
    .requiredOption('--from <YYYY-MM-DD>', "the period's first day, in the council's time zone")
    .requiredOption('--to <YYYY-MM-DD>', "the period's last day (inclusive)")
    .addOption(new Option('-f, --format <format>', 'html or pdf for Full Council; csv or json (masked evidence only) for a Freedom of Information answer').choices(REPORT_FORMATS).default('html'))
    .option('-c, --config <file>', 'the council configuration (JSON); default: the one in the store')
    .option('-o, --out <file>', 'write the report to this file (required for pdf); default: standard output')
    .action(async (opts: ReportCommandOptions) => {
      const { runReport } = await import('./report');
      exitCode = await runReport(opts, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end "successfully"; anything else is a usage error, already printed.
      return error.exitCode === 0 ? EXIT.clean : EXIT.unusableInput;
    }
    if (error instanceof CouncilAuditError) {
      io.stderr.write(`council-audit: ${error.message}\n`);
      // A platform that failed to deliver is not bad input: fetch and discover exit 1 for it.
      return error instanceof ConnectorError && !(error instanceof UrlRefusedError) ? EXIT.found : EXIT.unusableInput;
    }
    // Not the input's fault: one line saying what failed (an AWS error names its service's complaint),
    // never a stack trace, and never 1, which means "found".
    io.stderr.write(`council-audit: ${describeFailure(error)}\n`);
    return EXIT.failed;
  }
}

/** An unexpected failure in one line: its kind and message, with control characters escaped. */
export function describeFailure(error: unknown): string {
  const what = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
  return `unexpected failure (${printable(what, 300)}); nothing was left half done, and running the command again is safe`;
}

/** `--version`: a configuration version number, 1 or more. */
function parseVersionOption(value: string): number {
  if (!/^[1-9]\d{0,5}$/.test(value)) throw new InvalidArgumentError('expected a version number such as 3 (config history lists them)');
  return Number(value);
}

/** `--since`: a calendar date, read as the start of that day in UTC. */
function parseSinceOption(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError('expected a date as YYYY-MM-DD, e.g. 2026-11-01');
  }
  return `${value}T00:00:00Z`;
}

/** `--week`: an ISO week that exists; commander names the option and the value when it is not. */
function parseWeekOption(value: string): string {
  try {
    return parseIsoWeek(value).id;
  } catch {
    throw new InvalidArgumentError('expected an ISO week that exists, such as 2026-W49');
  }
}
