import type { BenchCase } from '../bench-case.js';
import { summarize } from '../stats/summarize.js';
// The React example is the page under test: its app (page, bundle, served chain, mock model) and its Chromium.
import { startReactUiApp } from '../../../examples/react-ui/src/app.js';
import { launchChromium } from '../../../examples/web/src/launch-chromium.js';
import { samplePlan } from '../../../examples/web/src/sample-plan.js';
import { firstFieldAt, frameStats, framesRecorded, recordFrames, watchFirstField } from './ui-e2e-page.js';

type Browser = Awaited<ReturnType<typeof launchChromium>>;
type Page = Awaited<ReturnType<Browser['newPage']>>;

const wallClock = (): number => performance.timeOrigin + performance.now();

/** A trip plan of about `bytes` characters of JSON: thousands of days, each a card on the page. */
function widePlanText(bytes: number): string {
  const plan = samplePlan('Lisbon', 7);
  const dayBytes = JSON.stringify(plan.days[0]).length + 1;
  const days = Array.from({ length: Math.ceil(bytes / dayBytes) }, (_, i) => ({ ...(plan.days[i % 7] as (typeof plan.days)[number]), day: i + 1 }));
  return JSON.stringify({ ...plan, days });
}

/** When the mock model's answer to the latest request began: its first event written, on the wall clock. */
interface FirstByte {
  at: number;
}

// Polled once per turn of the event loop: the mock writes its first event a few turns after it is asked.
function watchFirstByte(request: { readonly eventsSent: number } | undefined, firstByte: FirstByte): void {
  const check = (): void => {
    if (request === undefined || request.eventsSent > 0) firstByte.at = wallClock();
    else setImmediate(check);
  };
  check();
}

/** ms from the mock model's first byte to the first field of the plan on screen, one run. */
async function firstFieldLatency(page: Page, url: string, firstByte: FirstByte): Promise<number> {
  await page.goto(url);
  await page.selectOption('#days', '7');
  await page.evaluate(watchFirstField);
  await page.click('#plan');
  await page.waitForFunction(firstFieldAt);
  const shown = (await page.evaluate(firstFieldAt)) as number;
  await page.waitForSelector('.status[data-status="done"]');
  return shown - firstByte.at;
}

/** Frames per second (and the longest frame) while the wide plan streams, one run. */
async function wideFrames(page: Page, url: string): Promise<ReturnType<typeof frameStats>> {
  await page.goto(url);
  await page.evaluate(recordFrames);
  await page.click('#plan');
  await page.waitForSelector('.status[data-status="done"]', { timeout: 300_000 });
  await page.waitForFunction(framesRecorded);
  return page.evaluate(frameStats);
}

/** The page's frame rate when nothing happens: what the wide run's rate compares with. */
async function idleFrames(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.evaluate(recordFrames, 120);
  await page.waitForFunction(framesRecorded, 120);
  return (await page.evaluate(frameStats)).fps;
}

/**
 * `ui-e2e`: the React example (`useRunnable` over `createHandler`, the chain
 * calling the mock OpenAI server through the `openai` SDK) in headless
 * Chromium. First, ms from the mock model's first byte to the plan's first
 * field on screen (the mock writes a 7-day plan in 4-character chunks without
 * pauses; the clock starts when the mock has written its first event and
 * stops when the field's text is in the DOM; both clocks are the machine's
 * wall clock, read in two processes). Then the page's frames per second
 * while a 1 MB plan (thousands of day cards) streams in 64-character chunks as
 * fast as the stack can carry it.
 */
export const uiE2e: BenchCase = {
  id: 'ui-e2e',
  async run(settings) {
    const wideBytes = settings.quick ? 256_000 : 1_000_000;
    const wideText = widePlanText(wideBytes);
    const firstByte: FirstByte = { at: 0 };
    const [small, wide] = await Promise.all([
      startReactUiApp({
        mockReply: (trip) => {
          watchFirstByte(small.mock?.requests.at(-1), firstByte);
          return { text: JSON.stringify(samplePlan(trip.destination, trip.days), null, 2), chunkSize: 4 };
        },
      }),
      startReactUiApp({ mockReply: () => ({ text: wideText, chunkSize: 64 }) }),
    ]);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
      for (let i = 0; i < settings.warmup; i++) await firstFieldLatency(page, small.url, firstByte);
      const latencies: number[] = [];
      for (let i = 0; i < settings.repetitions; i++) latencies.push(await firstFieldLatency(page, small.url, firstByte));
      const idle = summarize([await idleFrames(page, wide.url)]);
      const wideRuns = settings.quick ? 1 : 3;
      const frames: ReturnType<typeof frameStats>[] = [];
      for (let i = 0; i < wideRuns; i++) frames.push(await wideFrames(page, wide.url));
      const fps = summarize(frames.map((f) => f.fps));
      const longest = summarize(frames.map((f) => f.longestFrameMs));
      const seconds = summarize(frames.map((f) => f.seconds));
      const renders = summarize(frames.map((f) => f.renders));
      return {
        id: this.id,
        unit: 'ms first byte → first field',
        rivulet: summarize(latencies),
        peers: {},
        params: {
          wideBytes: wideText.length,
          wideChunks: Math.ceil(wideText.length / 64),
          fps: Number(fps.median.toFixed(1)),
          idleFps: Number(idle.median.toFixed(1)),
          longestFrameMs: Math.round(longest.median),
          wideSeconds: Number(seconds.median.toFixed(2)),
          renders: renders.median,
        },
        notes:
          `First field: the React example in headless Chromium (${settings.repetitions} runs), a 7-day plan in 4-character chunks without pauses; ` +
          `from the mock model's first event written (polled once per event-loop turn of the server's process) to the destination's text in the DOM, which includes waiting for the next animation frame. ` +
          `Wide: a ${(wideText.length / 1e6).toFixed(2)} MB plan (${Math.ceil(wideText.length / 64).toLocaleString('en-US')} chunks of 64 characters) streamed as fast as the stack carries it, ` +
          `${wideRuns} run(s): ${fps.median.toFixed(1)} frames per second (${fps.min.toFixed(1)}–${fps.max.toFixed(1)}; ${idle.median.toFixed(0)} when idle), longest frame ${Math.round(longest.median)} ms, ` +
          `${renders.median} renders over ${seconds.median.toFixed(1)} s.`,
      };
    } finally {
      await browser.close();
      await Promise.all([small.close(), wide.close()]);
    }
  },
};
