import type { MockOpenAIServer } from '@rivulet/openai/testing';
import { createHandler } from '@rivulet/server';
import type { AppRoutes } from './app-handler.js';
import { serveApp, type ServedApp } from './serve-app.js';
import { tripChain } from './trip-chain.js';
import { startTripModel, type TripModelOptions } from './trip-model.js';
import { TripRequest } from './trip-plan.js';

/** A trip planner being served. */
export interface TripApp extends ServedApp {
  /** The offline model server, absent with a real API key; its `requests` show what the model was asked, and which runs were stopped. */
  readonly mock: MockOpenAIServer | undefined;
}

/** Options of {@link startTripApp}: the model's, and where to listen. */
export interface TripAppOptions extends TripModelOptions {
  /** Port to listen on; a free one unless told. */
  readonly port?: number | undefined;
}

/**
 * Serves a trip planner page on 127.0.0.1 (see `serveApp`): `ui`'s page and
 * script, and the trip chain under `/api/trip/*` (`createHandler`, input
 * validated by `TripRequest`). A page that stops its run, or goes away,
 * closes its connection; the handler then cancels the run, down to the
 * model's request. `close()` stops the model's mock server too.
 */
export async function startTripApp(ui: Pick<AppRoutes, 'page' | 'script'>, options: TripAppOptions = {}): Promise<TripApp> {
  const tripModel = await startTripModel(options);
  const app = await serveApp({
    ...ui,
    api: { '/api/trip/': createHandler(tripChain(tripModel.model), { inputSchema: TripRequest }) },
    port: options.port,
    onClose: () => tripModel.close(),
  });
  return { url: app.url, mock: tripModel.mock, close: () => app.close() };
}
