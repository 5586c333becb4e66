import { catchError, concat, of, type Observable } from 'rxjs';
import { errorToJSON } from '../wire/error-to-json.js';
import type { SseEvent } from './sse-event.js';

/**
 * The whole event sequence of a streamed run: its events, then `end`. A
 * failure, of the run or of serializing a chunk, becomes an `error` event
 * followed by `end`, so the client always sees the stream finish cleanly.
 */
export function runEvents(events: Observable<SseEvent>, debug: boolean): Observable<SseEvent> {
  return concat(
    events.pipe(catchError((error: unknown) => of<SseEvent>({ event: 'error', data: JSON.stringify(errorToJSON(error, debug)) }))),
    of<SseEvent>({ event: 'end', data: '' }),
  );
}
