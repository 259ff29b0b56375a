// `npm start`: the local twin of the scheduled scan, offline. Embedded DynamoDB (dynalite, data under
// .local/) and SES (aws-ses-v2-local), the example council, its sample posts, the real handlers.
export {};

process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { runLocalCycle } = await import('../shared/local/local-cycle');
const { CouncilAuditError } = await import('../shared/domain/errors');

const started = performance.now();
try {
  const s = await runLocalCycle({
    configPath: 'examples/council.config.json',
    postsPath: 'examples/posts.jsonl',
    dataDir: '.local',
    outDir: 'out',
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const total = s.bySeverity.high + s.bySeverity.medium + s.bySeverity.low;
  console.log(`Council Audit, local cycle (${seconds} s): dispatch, scan every account, weekly digest`);
  console.log(`  council:          ${s.council} (${s.councilName})`);
  console.log(`  accounts scanned: ${s.accountsScanned}${s.captureFailures.length ? ` (${s.captureFailures.length} failing: ${s.captureFailures.map((f) => `${f.account}: ${f.error}`).join('; ')})` : ''}`);
  console.log(`  posts seen:       ${s.postsSeen} (${s.postsNew} new)`);
  console.log(`  new findings:     ${s.findingsNew}`);
  console.log(`  findings this week (${s.week}): ${total} — high ${s.bySeverity.high}, medium ${s.bySeverity.medium}, low ${s.bySeverity.low}`);
  for (const [rule, n] of Object.entries(s.byRule).sort(([a], [b]) => a.localeCompare(b))) console.log(`    ${rule.padEnd(26)} ${n}`);
  console.log(
    s.digest.status === 'sent'
      ? `  digest sent through the SES API and written to ${s.digest.html} and ${s.digest.text}`
      : `  digest for ${s.week} was already sent (${s.digest.status}); it is in ${s.digest.html} and ${s.digest.text}`,
  );
  console.log(`  Full Council report for this month: ${s.report.pdf} (and ${s.report.html})`);
} catch (error) {
  if (!(error instanceof CouncilAuditError)) throw error;
  console.error(`council-audit: ${error.message}`);
  process.exitCode = 2;
}
