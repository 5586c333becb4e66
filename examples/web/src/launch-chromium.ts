import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian's `chromium` package installs the browser. */
export const chromiumPath = '/usr/bin/chromium';

/**
 * Throws, saying how to install it, when the browser is missing: a browser
 * test calls it as it loads, so that it fails rather than being skipped.
 */
export function requireChromium(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(`The examples' browser tests need Debian's Chromium at ${chromiumPath}: run \`apt-get install -y chromium\` (as root).`);
  }
}

/**
 * Headless Chromium for the web examples' browser tests, the React example's
 * screenshot and the `ui-e2e` bench; throws when it is not installed.
 */
export async function launchChromium(): Promise<Browser> {
  requireChromium();
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
