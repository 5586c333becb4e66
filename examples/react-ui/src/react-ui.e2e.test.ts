import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReactUiApp, type ReactUiApp } from './app.js';
import { launchChromium, requireChromium } from '@rivulet/example-web/chromium';
import { samplePlan } from '@rivulet/example-web/trip';

// Never skipped: without the browser the suite fails, saying what to install.
requireChromium();

const outputDir = fileURLToPath(new URL('../../../test-output/', import.meta.url));

describe('the React trip planner in Chromium', () => {
  // `live`: a model writing 2 characters every 8 ms, slow enough to watch (and stop);
  // `burst`: one writing as fast as it can, so many chunks land in each frame.
  let live: ReactUiApp;
  let burst: ReactUiApp;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    [live, burst] = await Promise.all([startReactUiApp({ delayMs: 8 }), startReactUiApp({ delayMs: 0 })]);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    page.on('console', (message) => void (message.type() === 'error' && consoleErrors.push(message.text())));
    page.on('pageerror', (error) => void consoleErrors.push(error.message));
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([live?.close(), burst?.close()]);
  });

  const status = (): Promise<string | null> => page.getAttribute('.status', 'data-status');
  const meter = async (): Promise<{ renders: number; frames: number }> => ({
    renders: Number(await page.getAttribute('.meter', 'data-renders')),
    frames: Number(await page.getAttribute('.meter', 'data-frames')),
  });

  it('fills the plan in while the model writes, then shows it whole', async () => {
    await page.goto(live.url);
    await page.selectOption('#days', '5');
    await page.click('#plan');
    // A field on screen while the model's answer is still being written.
    await page.waitForSelector('li.day h3');
    expect(live.mock?.requests[0]?.outcome).toBe('pending');
    expect(await status()).toBe('streaming');
    expect(await page.textContent('#plan-destination')).toBe('Lisbon');
    mkdirSync(outputDir, { recursive: true });
    await page.screenshot({ path: join(outputDir, 'react-ui-partial.png'), fullPage: true, animations: 'disabled' });

    await page.waitForSelector('.status[data-status="done"]', { timeout: 20_000 });
    const expected = samplePlan('Lisbon', 5);
    expect(await page.textContent('#plan-summary')).toBe(expected.summary);
    expect(await page.$$eval('li.day > h3', (nodes) => nodes.map((node) => node.textContent))).toEqual(expected.days.map((d) => `Day ${d.day} · ${d.title}`));
    expect(await page.$$eval('li.day li', (nodes) => nodes.map((node) => node.textContent))).toEqual(expected.days.flatMap((d) => d.activities));
    expect(live.mock?.requests[0]).toMatchObject({ outcome: 'finished', closedEarly: false });
    await page.screenshot({ path: join(outputDir, 'react-ui-plan.png'), fullPage: true, animations: 'disabled' });

    // The first day was finished early: the same object from then on, so its memoised card stopped re-rendering.
    const { renders } = await meter();
    const dayRenders = await page.$$eval('li.day', (nodes) => nodes.map((node) => Number(node.getAttribute('data-renders'))));
    expect(renders).toBeGreaterThan(10);
    expect(dayRenders[0]).toBeLessThan(renders / 2);
  });

  it('Stop cancels the run on the server, down to the model’s request', async () => {
    await page.selectOption('#days', '7');
    await page.click('#plan');
    await page.waitForSelector('li.day h3');
    await page.click('#stop');
    await page.waitForSelector('.status[data-status="stopped"]');
    expect(await page.$$eval('li.day', (nodes) => nodes.length)).toBeLessThan(7);
    await expect.poll(() => live.mock?.requests[1]?.closedEarly, { timeout: 5_000 }).toBe(true);
    expect(live.mock?.requests).toHaveLength(2);
    expect(await page.isEnabled('#plan')).toBe(true);
  });

  it('renders at most once per frame when chunks arrive faster than frames', async () => {
    await page.goto(burst.url);
    await page.selectOption('#days', '7');
    await page.click('#plan');
    await page.waitForSelector('.status[data-status="done"]', { timeout: 20_000 });
    expect(await page.$$eval('li.day', (nodes) => nodes.length)).toBe(7);
    const { renders, frames } = await meter();
    // The click's render, then at most one per frame.
    expect(renders).toBeLessThanOrEqual(frames + 1);
  });

  it('logged no console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
