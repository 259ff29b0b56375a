import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The console's static files: one stylesheet (govuk-frontend's and @ministryofjustice/frontend's CSS
 * without the GDS Transport font, which is reserved for GOV.UK, plus the console's own), govuk-frontend's
 * JavaScript and the file that starts it, and the images the CSS names. Each is served under a name
 * holding a hash of its content, so it can be cached for a year: a new version is a new name.
 *
 * They are read from the repository (node_modules and shared/console/static) when listed: by the local
 * console, by the tests, and by the deployment, which uploads them to S3 (console-infra). The deployed
 * function never reads them; it is given their names (the manifest).
 */
export interface ConsoleAsset {
  /** `/assets/console-0123456789.css` */
  path: string;
  contentType: string;
  body: Uint8Array;
}

/** The hashed paths the pages link to. */
export interface AssetManifest {
  stylesheet: string;
  script: string;
}

/** A year: the longest cache lifetime browsers honour, safe because names change with content. */
export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';

const SYSTEM_FONTS = 'system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif';

/** Every static file of the console, read from the repository at `root`. */
export function listConsoleAssets(root = repositoryRoot()): ConsoleAsset[] {
  const govuk = join(root, 'node_modules/govuk-frontend/dist/govuk');
  const moj = join(root, 'node_modules/@ministryofjustice/frontend/moj');
  const images: ConsoleAsset[] = [];
  const imagePaths = new Map<string, string>();
  const rewriteUrls = (css: string, imagesDir: string) =>
    css.replace(/url\(\/assets\/images\/([a-z0-9-]+\.svg)\)/g, (_match, file: string) => {
      const source = join(imagesDir, file);
      // The GOV.UK crest (the footer's crown) is reserved for gov.uk services: left out.
      if (file === 'govuk-crest.svg' || !existsSync(source)) return 'none';
      if (!imagePaths.has(file)) {
        const asset = hashed(file, 'image/svg+xml', readFileSync(source));
        images.push(asset);
        imagePaths.set(file, asset.path);
      }
      return `url(${imagePaths.get(file)!})`;
    });
  const css = [
    withoutGovukFont(rewriteUrls(readFileSync(join(govuk, 'govuk-frontend.min.css'), 'utf8'), join(govuk, 'assets/images'))),
    withoutGovukFont(rewriteUrls(readFileSync(join(moj, 'moj-frontend.min.css'), 'utf8'), join(moj, 'assets/images'))),
    readFileSync(join(root, 'shared/console/static/console.css'), 'utf8'),
  ].join('\n');
  const stylesheet = hashed('console.css', 'text/css; charset=utf-8', Buffer.from(css));
  const govukJs = hashed('govuk-frontend.min.js', 'text/javascript; charset=utf-8', stripSourceMap(readFileSync(join(govuk, 'govuk-frontend.min.js'))));
  const script = hashed('init.js', 'text/javascript; charset=utf-8', Buffer.from(initScript(govukJs.path)));
  return [stylesheet, script, govukJs, ...images];
}

/** The names the pages link to, from the listed assets. */
export function assetManifest(assets: readonly ConsoleAsset[]): AssetManifest {
  const find = (prefix: string) => assets.find((a) => a.path.startsWith(`/assets/${prefix}-`))!.path;
  return { stylesheet: find('console'), script: find('init') };
}

/**
 * What govuk-frontend's page template does in an inline script, as a file of its own, so that the
 * Content-Security-Policy can refuse every inline script: mark the body as able to run the
 * components, then start them all.
 */
function initScript(govukFrontend: string): string {
  return [
    `import { initAll } from '${govukFrontend}';`,
    "document.body.classList.add('js-enabled');",
    "if ('noModule' in HTMLScriptElement.prototype) document.body.classList.add('govuk-frontend-supported');",
    'initAll();',
    '',
  ].join('\n');
}

function hashed(name: string, contentType: string, body: Uint8Array): ConsoleAsset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const dot = name.indexOf('.');
  return { path: `/assets/${name.slice(0, dot)}-${hash}${name.slice(dot)}`, contentType, body };
}

/** govuk-frontend's CSS without its @font-face rules, and the system font stack wherever it names GDS Transport. */
function withoutGovukFont(css: string): string {
  return css
    .replace(/\/\*![\s\S]*?\*\//g, (comment) => (comment.includes('GDS Transport') ? '' : comment))
    .replace(/@font-face\{font-family:GDS Transport;[^}]*\}/g, '').replace(/font-family:GDS Transport,arial,sans-serif/g, `font-family:${SYSTEM_FONTS}`).replace(/\/\*# sourceMappingURL=[^*]*\*\//g, '');
}

function stripSourceMap(body: Buffer): Buffer {
  return Buffer.from(body.toString('utf8').replace(/\/\/# sourceMappingURL=\S+\s*$/, ''));
}

function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('the console assets are listed from the repository, and no package.json was found above this module');
    dir = parent;
  }
  return dir;
}
