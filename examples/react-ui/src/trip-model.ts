import { OpenAIChatModel } from '@rivulet/openai';
import { startMockOpenAIServer, type MockOpenAIServer, type MockReply } from '@rivulet/openai/testing';
import { askedTrip, samplePlan } from './sample-plan.js';

/** The chat model behind the example, and the mock server it talks to when offline. */
export interface TripModel {
  readonly model: OpenAIChatModel;
  /** The loopback mock OpenAI server; absent with a real API key. Its `requests` tell whether a run was cut short. */
  readonly mock: MockOpenAIServer | undefined;
  close(): Promise<void>;
}

/** Options of {@link startTripModel}. */
export interface TripModelOptions {
  /** An OpenAI API key: use the real endpoint (or OPENAI_BASE_URL's). Without one, the offline mock answers. */
  readonly apiKey?: string | undefined;
  /** The mock's pause between two 2-character chunks, so the page fills in at a visible pace. @defaultValue 15 */
  readonly delayMs?: number | undefined;
  /**
   * What the mock answers when asked for `trip`, called as each request
   * arrives (the mock sends its first byte right after): the sample plan, 2
   * characters every `delayMs`, unless told. The bench uses it to time and
   * to size the answer.
   */
  readonly mockReply?: ((trip: { readonly destination: string; readonly days: number }) => MockReply) | undefined;
}

/**
 * OpenAI's Chat Completions API when there is a key; otherwise the mock
 * server from `@rivulet/openai/testing`, which writes a sample plan for the
 * trip it is asked about, two characters at a time, through the same SDK
 * and the same HTTP path.
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
    const prompt = request.body?.messages?.at(-1)?.content;
    const trip = askedTrip(typeof prompt === 'string' ? prompt : '');
    if (options.mockReply) return options.mockReply(trip);
    return { text: JSON.stringify(samplePlan(trip.destination, trip.days), null, 2), chunkSize: 2, delayMs: options.delayMs ?? 15 };
  });
  const model = new OpenAIChatModel({ model: 'mock-trip-planner', apiKey: 'offline', baseURL: mock.url, maxRetries: 0 });
  return { model, mock, close: () => mock.close() };
}
