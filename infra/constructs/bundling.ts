import type { BuildOptions } from 'esbuild';

/**
 * How a function's handler is bundled, as esbuild's own options. CouncilFunction hands them to
 * NodejsFunction and `npm run bench` to esbuild's build(), so the bundle the bench weighs and imports
 * is the bundle that is deployed. Nothing here imports aws-cdk-lib, so reading it costs nothing.
 */
export interface FunctionBundling {
  readonly format: 'esm';
  /** The runtime's Node version (FUNCTION_RUNTIME). */
  readonly target: string;
  readonly platform: 'node';
  readonly mainFields: string[];
  readonly banner: { js: string };
  readonly external: string[];
  readonly minify: boolean;
  readonly keepNames: boolean;
  readonly sourcemap: boolean;
  readonly sourcesContent: boolean;
}

/**
 * ESM for Node 22, minified, with a source map (without the sources), the AWS SDK left to the runtime
 * and `layerModules`, the packages the function's module layers provide, left out too.
 */
export function functionBundling(layerModules: readonly string[] = []): FunctionBundling {
  return {
    format: 'esm',
    target: 'node22',
    platform: 'node',
    mainFields: ['module', 'main'],
    // ESM output: some CommonJS dependencies still call require(); give them one.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    external: ['@aws-sdk/*', ...layerModules],
    minify: true,
    // Error classes name themselves after their class (CouncilAuditError): minified, a log would say "Dt".
    keepNames: true,
    sourcemap: true,
    sourcesContent: false,
  } satisfies BuildOptions;
}
