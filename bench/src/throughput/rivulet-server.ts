import { OpenAIChatModel } from '@rivulet/openai';
import { structuredParser } from '@rivulet/parsers';
import { chatPrompt } from '@rivulet/prompts';
import { createHandler, createNodeServer } from '@rivulet/server';
import { listenOnLoopback, SERVER_KEEP_ALIVE_MS, type RunningServer } from './running-server.js';
import { TripPlan } from './trip-document.js';
import { tripInstructions, tripModelName, tripQuestion } from './trip-request.js';

/**
 * The chain Rivulet serves: prompt → `OpenAIChatModel` (the official SDK over
 * HTTP, default retries) → `structuredParser(TripPlan)`, which streams
 * snapshots of the plan; the handler sends them as JSON Patch events.
 */
export function tripChain(modelUrl: string) {
  const prompt = chatPrompt([
    // The instructions hold braces: given as a variable-free template they would be read as variables.
    ['system', tripInstructions.replaceAll('{', '{{').replaceAll('}', '}}')],
    ['human', tripQuestion],
  ]);
  const model = new OpenAIChatModel({ model: tripModelName, apiKey: 'offline', baseURL: modelUrl });
  return prompt.pipe(model).pipe(structuredParser(TripPlan));
}

/**
 * Rivulet's side of `server-throughput`: {@link tripChain} served by
 * `createHandler` on `createNodeServer`, on a free loopback port. Its
 * clients use `RemoteRunnable` on the returned URL.
 */
export function startRivuletServer(modelUrl: string): Promise<RunningServer> {
  const server = createNodeServer(createHandler(tripChain(modelUrl)), { keepAliveTimeout: SERVER_KEEP_ALIVE_MS });
  return listenOnLoopback(server);
}
