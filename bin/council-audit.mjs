#!/usr/bin/env node
// The installed `council-audit` command: the CLI as built to JavaScript by scripts/build-cli.mjs
// (`npm ci` runs it), so that nothing is compiled at start-up.

// The AWS SDK's nine-line notice about Node versions says nothing a user of this command can act on.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// A reader that stops early (`council-audit check … | head -1`) closes the pipe: that is not a failure.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`council-audit: cannot write to standard output (${error.code ?? error.message})\n`);
  process.exit(3);
});
// Whatever escapes the command's own handling is still one line and exit code 3, never a stack trace.
const failed = (error) => {
  process.stderr.write(`council-audit: unexpected failure (${error?.name ?? 'Error'}: ${String(error?.message ?? error).split('\n')[0]})\n`);
  process.exit(3);
};
process.on('uncaughtException', failed);
process.on('unhandledRejection', failed);

let cli;
try {
  cli = await import('../dist/cli/main.mjs');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli/main.mjs')) throw error;
  process.stderr.write('council-audit: the command has not been built; run `npm run build` (npm ci does it) and try again\n');
  process.exit(2);
}
process.exitCode = await cli.main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
