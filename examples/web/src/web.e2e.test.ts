import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebApp, type WebApp } from './app.js';
import { launchChromium, requireChromium } from './launch-chromium.js';
import { samplePlan } from './sample-plan.js';

// Never skipped: without the browser the suite fails, saying what to install.
requireChromium();

const outputDir = fileURLToPath(new URL('../../../test-output/', import.meta.url));

describe('the trip planner page in Chromium', () => {
  let app: WebApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startWebApp({ delayMs: 4 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 900, height: 1100 } });
    await page.goto(app.url);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const state = (): Promise<{ status: string; days: number; destination: string }> =>
    page.evaluate(() => ({
      status: document.getElementById('status')?.textContent ?? '',
      days: document.querySelectorAll('li.day').length,
      destination: document.getElementById('plan-destination')?.textContent ?? '',
    }));

  it('fills the plan in live, day by day, then shows the whole plan', async () => {
    await page.fill('#destination-input', 'Lisbon');
    await page.selectOption('#days-input', '4');
    await page.click('#plan-button');
    // Partial content while the run is still streaming: some days, not all.
    await page.waitForFunction(() => {
      const days = document.querySelectorAll('li.day').length;
      return document.getElementById('status')?.textContent === 'streaming' && days >= 2 && days < 4;
    });
    const partial = await state();
    expect(partial.status).toBe('streaming');
    expect(partial.destination).toBe('Lisbon');
    mkdirSync(outputDir, { recursive: true });
    await page.screenshot({ path: `${outputDir}web-trip-partial.png`, fullPage: true, animations: 'disabled' });

    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'done', undefined, { timeout: 15_000 });
    const expected = samplePlan('Lisbon', 4);
    expect(await page.textContent('#plan-summary')).toBe(expected.summary);
    const titles = await page.$$eval('li.day > h3', (nodes) => nodes.map((n) => n.textContent));
    expect(titles).toEqual(expected.days.map((d) => `Day ${d.day} · ${d.title}`));
    const activities = await page.$$eval('li.day ul li', (nodes) => nodes.map((n) => n.textContent));
    expect(activities).toEqual(expected.days.flatMap((d) => d.activities));
    await page.screenshot({ path: `${outputDir}web-trip-plan.png`, fullPage: true, animations: 'disabled' });
    expect(app.mock?.requests[0]?.closedEarly).toBe(false);
  });

  it('stops a run: the server cancels it and aborts the model’s request', async () => {
    await page.selectOption('#days-input', '7');
    await page.click('#plan-button');
    await page.waitForFunction(() => document.querySelectorAll('li.day').length >= 1);
    await page.click('#stop-button');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'stopped');
    const stopped = await state();
    expect(stopped.days).toBeLessThan(7);
    await expect.poll(() => app.mock?.requests[1]?.closedEarly, { timeout: 5_000 }).toBe(true);
    expect(app.mock?.requests).toHaveLength(2);
  });
});
