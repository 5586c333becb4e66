import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

let bundle: Promise<string> | undefined;

/** The page's script, bundled once (React, `@ai-sdk/react`, `ai`) for the browser. No CDN, no network. */
export function pageScript(): Promise<string> {
  bundle ??= build({
    entryPoints: [fileURLToPath(new URL('./browser/chat-page.tsx', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return bundle;
}
