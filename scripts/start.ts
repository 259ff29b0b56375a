// `npm start`: the local twin of the scheduled scan, offline. Embedded DynamoDB (dynalite, data under
// .local/) and SES (aws-ses-v2-local), the two example councils (or one's own, with --config and
// --posts), their sample posts, the real handlers.
import { parseArgs } from 'node:util';

process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const USAGE = `Usage: npm start [-- --config <file> --posts <file> [--council <id>] [--digest-to <address>]]

Without options: one scan cycle of the two example councils in examples/.
With --config and --posts: a preview of one's own council's digest and report, from its configuration
file and a JSON Lines file of its posts (the shape of examples/harbourne-tc/posts.jsonl). Its id is
--council, or made from the council's name.
`;

const { runLocalCycle, EXAMPLE_COUNCILS } = await import('../shared/local/local-cycle');
const { councilIdFromName, parseCouncilId } = await import('../shared/domain/council');
const { loadCouncilConfig } = await import('../shared/domain/load-config');
const { CouncilAuditError } = await import('../shared/domain/errors');

let args;
try {
  args = parseArgs({
    options: {
      config: { type: 'string' },
      posts: { type: 'string' },
      council: { type: 'string' },
      'digest-to': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }).values;
} catch (error) {
  process.stderr.write(`npm start: ${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

const started = performance.now();
try {
  let councils = EXAMPLE_COUNCILS;
  if (args.config !== undefined || args.posts !== undefined) {
    if (args.config === undefined || args.posts === undefined) {
      throw new CouncilAuditError(`--${args.config === undefined ? 'config' : 'posts'} is missing: a preview needs both --config <file> and --posts <file>`);
    }
    const id = args.council !== undefined ? parseCouncilId(args.council, '--council') : councilIdFromName((await loadCouncilConfig(args.config)).council.name);
    councils = [{ id, configPath: args.config, postsPath: args.posts, ...(args['digest-to'] ? { digestTo: args['digest-to'] } : {}) }];
  }
  const summaries = await runLocalCycle({ councils, dataDir: '.local', outDir: 'out' });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Council Audit, local cycle (${seconds} s): dispatch, scan every account, weekly digest, for ${summaries.length} council${summaries.length === 1 ? '' : 's'}`);
  for (const s of summaries) {
    const total = s.bySeverity.high + s.bySeverity.medium + s.bySeverity.low;
    console.log('');
    console.log(`  council:          ${s.council} (${s.councilName})`);
    console.log(`  accounts scanned: ${s.accountsScanned}${s.captureFailures.length ? ` (${s.captureFailures.length} failing: ${s.captureFailures.map((f) => `${f.account}: ${f.error}`).join('; ')})` : ''}`);
    console.log(`  posts seen:       ${s.postsSeen} (${s.postsNew} new)`);
    console.log(`  new findings:     ${s.findingsNew}`);
    if (s.reconciled.deleted + s.reconciled.edited + s.reconciled.resolved.length > 0) {
      console.log(`  reconciled:       ${s.reconciled.deleted} post(s) gone from the posts file, ${s.reconciled.edited} edited; ${s.reconciled.resolved.length} finding(s) resolved themselves`);
      for (const id of s.reconciled.resolved) console.log(`    council-audit findings show ${id} --council ${s.council}`);
    }
    console.log(`  findings this week (${s.week}): ${total} — high ${s.bySeverity.high}, medium ${s.bySeverity.medium}, low ${s.bySeverity.low}`);
    for (const [rule, n] of Object.entries(s.byRule).sort(([a], [b]) => a.localeCompare(b))) console.log(`    ${rule.padEnd(26)} ${n}`);
    console.log(
      s.digest.status === 'sent'
        ? `  digest to ${s.digest.to.join(', ')} sent through the SES API and written to ${s.digest.html} and ${s.digest.text}`
        : `  digest for ${s.week} was already sent (${s.digest.status}); it is in ${s.digest.html} and ${s.digest.text}`,
    );
    console.log(`  Full Council report for this month: ${s.report.pdf} (and ${s.report.html})`);
    const email = s.reportEmail;
    console.log(
      email.status === 'sent'
        ? `  report emailed to ${email.to.join(', ')} through the SES API, written to ${email.html} and ${email.text} (the PDF as received: ${email.attachment})`
        : email.status === 'already-sent'
          ? `  report for this month was already emailed to ${email.to.join(', ')} by an earlier run (once a month)`
          : '  report not emailed: the configuration lists no report recipients',
    );
  }
} catch (error) {
  if (!(error instanceof CouncilAuditError)) throw error;
  console.error(`npm start: ${error.message}`);
  process.exitCode = 2;
}
