import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

interface PackageJson {
  readonly name: string;
  readonly version: string;
  readonly dependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
}

/** One installed package: its directory and what the lockfile says about it. */
export interface InstalledPackage {
  /** Path from the project root, e.g. `node_modules/tar-fs` (nested installs keep their nesting). */
  readonly location: string;
  readonly name: string;
  readonly version: string;
}

/**
 * The packages `modules` need at run time, found the way Node finds them (walking up `node_modules`
 * from each importer) in what `npm ci` installed: dependencies, installed optional dependencies and
 * installed peers. A dependency that is neither installed nor optional is an error: the layer would
 * fail at run time, so synthesis fails instead.
 */
export function runtimeClosure(projectRoot: string, modules: readonly string[]): InstalledPackage[] {
  const found = new Map<string, InstalledPackage>();
  const visit = (name: string, fromDir: string, required: boolean): void => {
    for (let dir = fromDir; ; dir = path.dirname(dir)) {
      const packageDir = path.join(dir, 'node_modules', name);
      if (existsSync(path.join(packageDir, 'package.json'))) {
        const location = path.relative(projectRoot, packageDir);
        if (found.has(location)) return;
        const pkg = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as PackageJson;
        found.set(location, { location, name: pkg.name, version: pkg.version });
        for (const dependency of Object.keys(pkg.dependencies ?? {})) visit(dependency, packageDir, true);
        for (const dependency of Object.keys({ ...pkg.optionalDependencies, ...pkg.peerDependencies })) visit(dependency, packageDir, false);
        return;
      }
      if (dir === projectRoot || path.dirname(dir) === dir) {
        if (required) throw new Error(`${name} (needed from ${path.relative(projectRoot, fromDir) || '.'}) is not installed: run npm ci`);
        return;
      }
    }
  };
  for (const name of modules) visit(name, projectRoot, true);
  return [...found.values()].sort((a, b) => a.location.localeCompare(b.location));
}

export interface NodeModulesLayerProps {
  /** The packages the functions import from the layer (and so leave out of their own bundles). */
  readonly modules: readonly string[];
  /** Where package.json and node_modules are. */
  readonly projectRoot: string;
  /** Native binaries inside the packages decide this: a layer is only usable on its own architecture. */
  readonly architecture: lambda.Architecture;
  readonly runtime: lambda.Runtime;
  readonly description: string;
}

/**
 * A Lambda layer of installed npm packages, for the few dependencies esbuild must not bundle (a
 * browser binary, packages that read their own files at run time). The layer is copied from
 * node_modules at synthesis: no Docker, no `npm install`, no network. Lambda puts
 * `/opt/nodejs/node_modules` on the module path, for ES modules too (Node 18 and later).
 *
 * The asset hash is the list of packages and versions (not a fingerprint of ~80 MB of files), so a
 * synthesis that finds the layer already staged does not copy it again; upgrading any package in the
 * closure changes the hash.
 */
export class NodeModulesLayer extends Construct {
  readonly layerVersion: lambda.LayerVersion;
  readonly modules: readonly string[];
  readonly architecture: lambda.Architecture;
  readonly packages: readonly InstalledPackage[];

  constructor(scope: Construct, id: string, props: NodeModulesLayerProps) {
    super(scope, id);
    this.modules = props.modules;
    this.architecture = props.architecture;
    this.packages = runtimeClosure(props.projectRoot, props.modules);
    const packages = this.packages;

    const assetHash = createHash('sha256')
      .update(JSON.stringify({ layout: 'nodejs/node_modules v1', packages: packages.map((p) => `${p.location}@${p.version}`) }))
      .digest('hex');

    const code = lambda.Code.fromAsset(path.join(props.projectRoot, 'node_modules', props.modules[0]!), {
      assetHashType: AssetHashType.CUSTOM,
      assetHash,
      bundling: {
        // Never pulled: local bundling always succeeds or throws.
        image: DockerImage.fromRegistry('scratch'),
        local: {
          tryBundle(outputDir: string): boolean {
            for (const pkg of packages) {
              const target = path.join(outputDir, 'nodejs', pkg.location);
              mkdirSync(target, { recursive: true });
              // Nested node_modules are in the closure themselves when something needs them.
              const nested = path.join(props.projectRoot, pkg.location, 'node_modules');
              cpSync(path.join(props.projectRoot, pkg.location), target, {
                recursive: true,
                dereference: true,
                filter: (source) => source !== nested,
              });
            }
            return true;
          },
        },
      },
    });

    this.layerVersion = new lambda.LayerVersion(this, 'Layer', {
      code,
      description: props.description,
      compatibleRuntimes: [props.runtime],
      compatibleArchitectures: [props.architecture],
    });
  }
}
