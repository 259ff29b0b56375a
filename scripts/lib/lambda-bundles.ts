// The Lambda bundles as they are deployed: one per functions/<name>/handler.ts, built by esbuild with
// the options the stack's CouncilFunction gives that function (module layers' packages external too),
// then weighed and imported cold.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { build } from 'esbuild';
import { functionBundling, type FunctionBundling } from '../../infra/constructs/bundling';
import { withSynthesisedApp } from './cdk-app';

/** The folders under functions/ that hold a handler, whether or not the stack deploys them yet. */
export function handlerFolders(root: string): string[] {
  return readdirSync(join(root, 'functions'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, 'functions', entry.name, 'handler.ts')))
    .map((entry) => entry.name)
    .sort();
}

export interface DeployedFunction {
  readonly bundling: FunctionBundling;
  /** The variables Lambda gives it, a placeholder standing in for each value only known at deployment. */
  readonly environment: Record<string, string>;
}

/**
 * The stack's functions by name, read from the CDK app built as `cdk synth` builds it but with
 * bundling skipped (a couple of seconds: aws-cdk-lib is only loaded here).
 */
export async function deployedFunctions(root: string): Promise<Map<string, DeployedFunction>> {
  const { Stack } = await import('aws-cdk-lib');
  const { CouncilFunction } = await import('../../infra/constructs/council-function');
  return withSynthesisedApp(root, (app) => {
    const deployed = new Map<string, DeployedFunction>();
    for (const construct of app.node.findAll()) {
      if (!(construct instanceof CouncilFunction)) continue;
      const cfn = construct.function.node.defaultChild as CfnFunction;
      const resolved = Stack.of(construct).resolve(cfn.environment) as { variables?: Record<string, unknown> } | undefined;
      const environment = Object.fromEntries(
        Object.entries(resolved?.variables ?? {}).map(([name, value]) => [name, typeof value === 'string' ? value : placeholder(name)]),
      );
      deployed.set(construct.name, { bundling: construct.bundling, environment });
    }
    return deployed;
  });
}

/** Bundles functions/<name>/handler.ts into `outdir`/<name>/index.mjs (and its map), as CDK would. */
export async function buildBundle(root: string, name: string, outdir: string, bundling: FunctionBundling = functionBundling()): Promise<string> {
  const outfile = join(outdir, name, 'index.mjs');
  await build({ ...bundling, entryPoints: [join(root, 'functions', name, 'handler.ts')], bundle: true, outfile, logLevel: 'warning' });
  return outfile;
}

/**
 * Milliseconds a fresh `node` takes to import the bundle (its own start-up apart), with the function's
 * environment. The bundle must sit inside the repository, so that its externals (the AWS SDK, which
 * Lambda's runtime provides) resolve from node_modules.
 */
export function coldImportMs(file: string, environment: Record<string, string>): number {
  const script = `const started = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - started));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, ...environment }, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`importing ${file} failed:\n${child.stderr}`);
  return Number(child.stdout);
}

/** A stand-in for a value CloudFormation fills in at deployment, of the shape the function checks for. */
function placeholder(name: string): string {
  if (name.endsWith('_URL') || name.endsWith('_ISSUER') || name.endsWith('_DOMAIN')) return `https://bench.example/${name.toLowerCase()}`;
  if (name.endsWith('_POOL_ID')) return 'eu-west-2_Bench0001';
  if (name.endsWith('_ARN')) return `arn:aws:bench:eu-west-2:111111111111:${name.toLowerCase()}`;
  return `bench-${name.toLowerCase()}`;
}
