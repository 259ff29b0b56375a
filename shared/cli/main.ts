import { Command, CommanderError, Option } from 'commander';
import { SEVERITIES, type Severity } from '../domain/config';
import { CouncilAuditError } from '../domain/errors';
import { EXIT, runCheck, type Io } from './check';
import { FORMATS, type Format } from './formats/format';

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
      return EXIT.unusableInput;
    }
    throw error;
  }
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isEntryPoint) {
  process.exitCode = await main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
}
