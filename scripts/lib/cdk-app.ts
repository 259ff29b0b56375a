import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from 'aws-cdk-lib';

/**
 * The CDK app built as `cdk synth` builds it (cdk.json's context), with bundling skipped, for a script
 * that reads what would be deployed (the bench's bundles, the simulation's memory sizes) rather than
 * deploying it: any sender domain will do. aws-cdk-lib is loaded only here, and the app's output
 * folder is removed once `read` is done.
 */
export async function withSynthesisedApp<T>(root: string, read: (app: App, context: Record<string, unknown>) => T): Promise<T> {
  const { App } = await import('aws-cdk-lib');
  const { buildCouncilAudit } = await import('../../infra/council-audit');
  const { context } = JSON.parse(readFileSync(join(root, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  const app = new App({ context: { senderDomain: 'measured.example', ...context, 'aws:cdk:bundling-stacks': [] } });
  try {
    buildCouncilAudit(app, {});
    return read(app, context);
  } finally {
    rmSync(app.outdir, { recursive: true, force: true });
  }
}
