// `pnpm screenshot`: the picture of the guide, docs/images/react-ui.png, taken in headless
// Chromium while a 4-day plan is being written (offline mock model).
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startReactUiApp } from './app.js';
import { launchChromium } from '@rivulet/example-web/chromium';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'images', 'react-ui.png');
const app = await startReactUiApp({ delayMs: 25 });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 760, height: 640 }, deviceScaleFactor: 1 });
  await page.goto(app.url);
  await page.click('#plan');
  await page.waitForFunction(() => document.querySelectorAll('li.day li').length >= 7, undefined, { timeout: 30_000 });
  mkdirSync(dirname(target), { recursive: true });
  await page.screenshot({ path: target, animations: 'disabled' });
  console.log(`wrote ${target}`);
} finally {
  await browser.close();
  await app.close();
}
