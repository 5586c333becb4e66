import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

let bundle: Promise<string> | undefined;

/**
 * The page's script as one ES module, bundled once from `browser/trip-page.ts`
 * with the browser client of `@rivulet/server` (read from its sources through
 * the `@rivulet/source` condition). No CDN, no network.
 */
export function pageScript(): Promise<string> {
  bundle ??= build({
    entryPoints: [fileURLToPath(new URL('./browser/trip-page.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@rivulet/source'],
    write: false,
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return bundle;
}
