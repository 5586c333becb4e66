import { startTripApp, type TripApp, type TripAppOptions } from '@rivulet/example-web/trip';
import { pageHtml } from './page-html.js';

/** The running example. */
export type ReactUiApp = TripApp;

/** Options of {@link startReactUiApp}. */
export type ReactUiAppOptions = TripAppOptions;

/**
 * Serves the example on 127.0.0.1: the page, its script bundled from
 * `browser/main.tsx` (React, `@rivulet/react` and the browser client of
 * `@rivulet/server`), and the trip chain under `/api/trip/*`. Stopping a
 * run on the page, or leaving it, cancels the run down to the model's request.
 */
export function startReactUiApp(options: ReactUiAppOptions = {}): Promise<ReactUiApp> {
  return startTripApp({ page: pageHtml, script: { path: '/app.js', entry: new URL('./browser/main.tsx', import.meta.url) } }, options);
}
