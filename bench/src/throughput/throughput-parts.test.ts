import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectedModelRequest, startMockModel } from './mock-model.js';
import { modelClient } from './model-client.js';
import { rawClientBytes, rawClientText } from './raw-client.js';
import { rivuletClient } from './rivulet-client.js';
import { startRawServer } from './raw-server.js';
import { startRivuletServer } from './rivulet-server.js';
import type { RunningServer } from './running-server.js';
import { isTripPlan, tripPlan, tripPlanText } from './trip-document.js';

// The parts of `server-throughput`, in this process: what each client gets from its server.
describe('server-throughput parts', () => {
  let mock: RunningServer;
  let rivulet: RunningServer;
  let raw: RunningServer;
  beforeAll(async () => {
    mock = await startMockModel();
    [rivulet, raw] = await Promise.all([startRivuletServer(mock.url), startRawServer(mock.url)]);
  });
  afterAll(async () => {
    await Promise.all([rivulet.close(), raw.close()]);
    await mock.close();
  });

  test('RemoteRunnable reading Rivulet’s server ends with the whole plan', async () => {
    const value = await rivuletClient(rivulet.url)();
    expect(value).toEqual(tripPlan);
    expect(isTripPlan(value)).toBe(true);
  });

  test('the raw server’s deltas join into the model’s whole text, and a byte-counting read carries as many bytes', async () => {
    const answer = await rawClientText(raw.url);
    expect(answer.text).toBe(tripPlanText);
    expect(await rawClientBytes(raw.url)).toBe(answer.bytes);
  });

  test('the SDK reading the mock directly gets the whole text', async () => {
    expect(await modelClient(mock.url)()).toBe(tripPlanText);
  });

  test('the mock refuses any request but the one both servers send, so they provably ask the same', async () => {
    const client = new OpenAI({ apiKey: 'offline', baseURL: mock.url, maxRetries: 0 });
    const other = client.chat.completions.create({ ...expectedModelRequest, stream: true, temperature: 0.5 });
    await expect(other).rejects.toMatchObject({ status: 400 });
  });

  test('a plan missing its last activity is not the plan', () => {
    const days = tripPlan.days.map((day, i) => (i === tripPlan.days.length - 1 ? { ...day, activities: day.activities.slice(0, -1) } : day));
    expect(isTripPlan({ ...tripPlan, days })).toBe(false);
    expect(isTripPlan(structuredClone(tripPlan))).toBe(true);
  });
});
