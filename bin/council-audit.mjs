#!/usr/bin/env node
// The installed `council-audit` command: the CLI as built to JavaScript by scripts/build-cli.mjs
// (`npm ci` runs it), so that nothing is compiled at start-up.
let cli;
try {
  cli = await import('../dist/cli/main.mjs');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli/main.mjs')) throw error;
  process.stderr.write('council-audit: the command has not been built; run `npm run build` (npm ci does it) and try again\n');
  process.exit(2);
}
process.exitCode = await cli.main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
