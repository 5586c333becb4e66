import { OpenAIChatModel } from '@rivulet/openai';
import { startMockOpenAIServer } from '@rivulet/openai/testing';
import { scriptedPlan } from './trip.js';

/** The model the demo uses, and how to release it. */
export interface DemoModel {
  readonly model: OpenAIChatModel;
  readonly description: string;
  close(): Promise<void>;
}

/**
 * A real endpoint when `OPENAI_API_KEY` or `OPENAI_BASE_URL` is set; else the
 * embedded mock OpenAI server (real HTTP on loopback), streaming a scripted
 * plan slowly enough to watch it fill in.
 */
export async function demoModel(): Promise<DemoModel> {
  const env = process.env;
  if (env['OPENAI_API_KEY'] || env['OPENAI_BASE_URL']) {
    const name = env['RIVULET_MODEL'] ?? 'gpt-4o-mini';
    const model = new OpenAIChatModel({ model: name, idleTimeout: 60_000, temperature: 0.3 });
    return { model, description: `${name} at ${env['OPENAI_BASE_URL'] ?? 'api.openai.com'}`, close: async () => undefined };
  }
  const server = await startMockOpenAIServer({ text: JSON.stringify(scriptedPlan, null, 2), chunkSize: 3, delayMs: 8 });
  const model = new OpenAIChatModel({ model: 'mock-gpt', apiKey: 'mock-key', baseURL: server.url, idleTimeout: 10_000 });
  return { model, description: `the embedded mock OpenAI server at ${server.url} (set OPENAI_API_KEY for a real model)`, close: () => server.close() };
}
