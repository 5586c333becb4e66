import { isDeepStrictEqual } from 'node:util';
import { startMockOpenAIServer, type MockOpenAIServer, type MockReply } from '@rivulet/openai/testing';
import { tripChunkSize, tripPlanText } from './trip-document.js';
import type { RunningServer } from './running-server.js';
import { tripInput, tripMessages, tripModelName } from './trip-request.js';

/** The one request both servers must send the model: the body `OpenAIChatModel` sends, usage included. */
export const expectedModelRequest = {
  model: tripModelName,
  messages: tripMessages(tripInput),
  stream: true,
  stream_options: { include_usage: true },
};

/** Requests the mock keeps on record; older ones are dropped, so a long bench does not grow its heap. */
const KEPT_REQUESTS = 100;

/**
 * The mock OpenAI server of `server-throughput`: it streams the trip plan in
 * {@link tripChunkSize}-character deltas without pauses, to any request whose
 * body is exactly {@link expectedModelRequest}, and answers anything else
 * with a 400 that says so, so the two servers under test provably ask the
 * model the same thing.
 */
export async function startMockModel(): Promise<RunningServer> {
  const reply: MockReply = { text: tripPlanText, chunkSize: tripChunkSize };
  // Requests arrive once `server` is set.
  const server: MockOpenAIServer = await startMockOpenAIServer((request) => {
    const { requests } = server;
    if (requests.length > KEPT_REQUESTS) requests.splice(0, requests.length - KEPT_REQUESTS);
    if (isDeepStrictEqual(request.body, expectedModelRequest)) return reply;
    return { status: 400, error: { message: `server-throughput: unexpected model request ${request.rawBody}` } };
  });
  return { url: server.url, close: server.close };
}
