// Builds the `council-audit` command to JavaScript (dist/cli/), so that starting it compiles nothing.
// Run by `npm ci` / `npm install` (the prepare script) and before the tests; takes well under a second.
// Small pure-JS packages are bundled in (one file loads faster than a tree of modules); the large or
// native ones stay in node_modules, loaded only by the command that needs them. Each command's modules
// are a chunk of their own, loaded on first use.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/cli`;

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { main: 'shared/cli/main.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Bundled CommonJS packages (commander) call require() for Node's built-ins: give them one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  external: ['dynalite', 'aws-ses-v2-local', '@sparticuz/chromium', 'playwright-core', '@aws-sdk/*', 'esbuild'],
  sourcemap: true,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
