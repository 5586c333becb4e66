import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

let bundle: Promise<string> | undefined;

/**
 * The page's script, bundled once from `browser/main.tsx`: React in its
 * production build, `@rivulet/react` and the browser client of
 * `@rivulet/server` (from their sources, through the `@rivulet/source`
 * condition). Bundled for the browser platform, so any Node-only import
 * reaching it would fail the build.
 */
export function pageScript(): Promise<string> {
  bundle ??= build({
    entryPoints: [join(dirname(fileURLToPath(import.meta.url)), 'browser', 'main.tsx')],
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
  return bundle;
}
