import { pageHtml } from './page-html.js';
import { startTripApp, type TripApp, type TripAppOptions } from './trip-app.js';

/** The running example. */
export type WebApp = TripApp;

/** Options of {@link startWebApp}. */
export type WebAppOptions = TripAppOptions;

/** Starts the example: its one page, the page's script (`browser/trip-page.ts`), and the trip chain under `/api/trip/*`. */
export function startWebApp(options: WebAppOptions = {}): Promise<WebApp> {
  return startTripApp({ page: pageHtml, script: { path: '/trip-page.js', entry: new URL('./browser/trip-page.ts', import.meta.url) } }, options);
}
