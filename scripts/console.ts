// `npm run console`: the council's console on this machine, over the local twin's store (.local/),
// with a real OpenID Connect provider in the process standing in for Cognito. Prepares the example
// data first when the store has none (what `npm start` does), seeds the people who can sign in, and
// runs until Ctrl-C.
import { parseArgs } from 'node:util';

process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const USAGE = `Usage: npm run console [-- --port <port>]

Serves the console on http://127.0.0.1:<port> (default 3000, or a free one when it is taken) over
the local store in .local/, preparing the example councils first if the store has none.
`;

const { runLocalCycle, EXAMPLE_COUNCILS } = await import('../shared/local/local-cycle');
const { openStore } = await import('../shared/local/open-store');
const { seedMembers, startLocalConsole, SEEDED_USERS } = await import('../shared/local/local-console');
const { CouncilAuditError } = await import('../shared/domain/errors');
const { ROLE_TITLES } = await import('../shared/domain/roles');
const { FolderReportStorage } = await import('../shared/report/folder-storage');
const { renderReportPdf } = await import('../shared/report/render-pdf');

/** Where `npm start` writes each council's digest and stores the monthly reports (under reports/<council>/<month>/). */
const OUT_DIR = 'out';

let args;
try {
  args = parseArgs({ options: { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }).values;
} catch (error) {
  process.stderr.write(`npm run console: ${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const port = args.port === undefined ? 3000 : Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`npm run console: --port "${args.port}" is not a port: expected a whole number from 0 to 65535\n`);
  process.exit(2);
}

try {
  let opened = await openStore({});
  if ((await opened.store.listCouncils()).length === 0) {
    await opened.close();
    console.log('The local store is empty: preparing the example councils (npm start)…');
    await runLocalCycle({ councils: EXAMPLE_COUNCILS, dataDir: '.local', outDir: OUT_DIR });
    opened = await openStore({});
  }
  const { store } = opened;
  await seedMembers(store, SEEDED_USERS, new Date());
  // The reports page serves the reports `npm start` stored, and prints a period's report with Chromium.
  const local = await startLocalConsole({ store, port, reports: new FolderReportStorage(OUT_DIR), renderPdf: renderReportPdf });
  console.log(`console: ${local.url}`);
  console.log(`sign-in provider (local OpenID Connect): ${local.issuer}`);
  console.log('');
  console.log('Sign in as any of these: choose "Sign in", enter the email address, and any password.');
  for (const user of local.users) {
    const who = user.role ? `${ROLE_TITLES[user.role]} of ${user.council}` : user.groups?.includes('operator') ? 'the operator (no council)' : 'no role';
    console.log(`  ${user.email.padEnd(34)} ${user.name} — ${who}`);
  }
  console.log('');
  console.log('Ctrl-C stops it.');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await local.close();
    await opened.close();
    console.log('console stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
} catch (error) {
  if (!(error instanceof CouncilAuditError)) throw error;
  console.error(`npm run console: ${error.message}`);
  process.exitCode = 2;
}
