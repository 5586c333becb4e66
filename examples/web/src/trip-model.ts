import { OpenAIChatModel } from '@rivulet/openai';
import { startMockOpenAIServer, type MockOpenAIServer, type MockReply } from '@rivulet/openai/testing';
import { readTripRequest, samplePlan } from './sample-plan.js';

/** The model behind the example, and the offline mock it talks to when there is no API key. */
export interface TripModel {
  readonly model: OpenAIChatModel;
  /** The mock OpenAI server, absent when a real endpoint is used. */
  readonly mock: MockOpenAIServer | undefined;
  close(): Promise<void>;
}

/** Options of {@link startTripModel}. */
export interface TripModelOptions {
  /** Pause between two 2-character chunks of the mock's answer, so the page visibly fills in. @defaultValue 12 */
  readonly delayMs?: number | undefined;
  /** Use the real endpoint with this key (OPENAI_API_KEY); the offline mock without one. */
  readonly apiKey?: string | undefined;
  /**
   * What the mock answers when asked for a trip, called as each request
   * arrives: the sample plan, 2 characters every `delayMs`, unless told. The
   * `ui-e2e` bench uses it to time and to size the answer.
   */
  readonly mockReply?: ((trip: { readonly destination: string; readonly days: number }) => MockReply) | undefined;
}

/**
 * A chat model answering with a JSON trip plan: OpenAI (or any compatible
 * endpoint through OPENAI_BASE_URL) when there is a key, else the loopback
 * mock server from `@rivulet/openai/testing`, which writes a sample plan for
 * the destination it is asked about, slowly, like a real model.
 */
export async function startTripModel(options: TripModelOptions = {}): Promise<TripModel> {
  if (options.apiKey) {
    const model = new OpenAIChatModel({
      model: process.env.OPENAI_MODEL ?? 'gpt-4o-mini',
      apiKey: options.apiKey,
      baseURL: process.env.OPENAI_BASE_URL,
      responseFormat: { type: 'json' },
    });
    return { model, mock: undefined, close: async () => undefined };
  }
  const mock = await startMockOpenAIServer((request) => {
    const last = request.body?.messages?.at(-1)?.content;
    const trip = readTripRequest(typeof last === 'string' ? last : '');
    if (options.mockReply) return options.mockReply(trip);
    return { text: JSON.stringify(samplePlan(trip.destination, trip.days), null, 2), chunkSize: 2, delayMs: options.delayMs ?? 12 };
  });
  const model = new OpenAIChatModel({ model: 'mock-trip-planner', apiKey: 'offline', baseURL: mock.url, maxRetries: 0 });
  return { model, mock, close: () => mock.close() };
}
