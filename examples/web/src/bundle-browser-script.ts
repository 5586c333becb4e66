import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const bundles = new Map<string, Promise<string>>();

/**
 * The browser script whose entry is `entry` (a `.ts` or `.tsx` file), as one
 * ES module, bundled once per process: its imports included (React in its
 * production build, Rivulet's packages from their sources through the
 * `@rivulet/source` condition), minified. Bundled for the browser platform,
 * so a Node-only import reaching it fails the build. No CDN, no network.
 */
export function bundleBrowserScript(entry: URL): Promise<string> {
  let bundle = bundles.get(entry.href);
  if (bundle === undefined) {
    bundle = build({
      entryPoints: [fileURLToPath(entry)],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      jsx: 'automatic',
      conditions: ['@rivulet/source'],
      define: { 'process.env.NODE_ENV': '"production"' },
      minify: true,
      write: false,
      logLevel: 'silent',
    }).then((result) => result.outputFiles[0]?.text ?? '');
    bundles.set(entry.href, bundle);
  }
  return bundle;
}
