import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, requireChromium } from '@rivulet/example-web/chromium';
import { startChatApp, type ChatApp } from './app.js';

// Never skipped: without the browser the suite fails, saying what to install.
requireChromium();

describe('an AI SDK useChat page on a Rivulet backend, in Chromium', () => {
  let app: ChatApp;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    app = await startChatApp({ delayMs: 10 });
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('console', (message) => void (message.type() === 'error' && consoleErrors.push(message.text())));
    page.on('pageerror', (error) => void consoleErrors.push(error.message));
    await page.goto(app.url);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const assistantText = (): Promise<string> => page.evaluate(() => document.querySelector('#messages li.assistant:last-child')?.textContent ?? '');

  it('streams the reply into the page while the model writes it', async () => {
    await page.fill('#input', 'Where do rivers go?');
    await page.click('#send');
    // Part of the reply, while useChat still says it is streaming.
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'streaming' && (document.querySelector('#messages li.assistant')?.textContent ?? '').length > 10);
    const partial = await assistantText();
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready', undefined, { timeout: 15_000 });
    const whole = await assistantText();
    expect(whole.startsWith(partial)).toBe(true);
    expect(whole.length).toBeGreaterThan(partial.length);
    expect(whole).toMatch(/^Turn 1\. Rivers carry water .* arrive\.$/);
    expect(await page.$$eval('#messages li.user', (nodes) => nodes.map((node) => node.textContent))).toEqual(['Where do rivers go?']);
    expect(app.mock?.requests[0]?.closedEarly).toBe(false);
  });

  it('sends the conversation so far on the next turn', async () => {
    await page.fill('#input', 'And then?');
    await page.click('#send');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready' && document.querySelectorAll('#messages li.assistant').length === 2, undefined, { timeout: 15_000 });
    expect(await assistantText()).toMatch(/^Turn 2\./);
    const sent = app.mock?.requests[1]?.body?.messages?.map((message) => message.role);
    expect(sent).toEqual(['user', 'assistant', 'user']);
  });

  it('stop() cancels the run on the server, down to the model request', async () => {
    await page.fill('#input', 'Tell me more');
    await page.click('#send');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'streaming');
    await page.click('#stop');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
    await expect.poll(() => app.mock?.requests[2]?.closedEarly, { timeout: 5_000 }).toBe(true);
    expect(consoleErrors).toEqual([]);
  });
});
