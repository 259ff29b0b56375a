import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The console's cold import has a 200 ms budget (issue #11): the AWS SDK clients it needs only now and
 * then (S3 for a stored report, Secrets Manager on the first request, Cognito for an invitation) must
 * be imported when first used, which in the bundle means a dynamic import of the external package.
 */
describe('the console bundle', () => {
  it('imports the S3, Secrets Manager and Cognito clients only when first used; DynamoDB at cold start', async () => {
    // Act: bundle the deployed handler as CDK does (the AWS SDK left to the runtime).
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [fileURLToPath(new URL('../../../functions/console/handler.ts', import.meta.url))],
      bundle: true,
      write: false,
      metafile: true,
      minify: true,
      platform: 'node',
      format: 'esm',
      external: ['@aws-sdk/*'],
      logLevel: 'silent',
    });

    // Assess
    const imports = Object.values(result.metafile.outputs)[0]!.imports.filter((i) => i.path.startsWith('@aws-sdk/client-'));
    const kinds = (pkg: string) => [...new Set(imports.filter((i) => i.path === pkg).map((i) => i.kind))];
    for (const pkg of ['@aws-sdk/client-s3', '@aws-sdk/client-secrets-manager', '@aws-sdk/client-cognito-identity-provider']) {
      expect(kinds(pkg), pkg).toEqual(['dynamic-import']);
    }
    expect(kinds('@aws-sdk/client-dynamodb')).toEqual(['import-statement']);
  });
});
