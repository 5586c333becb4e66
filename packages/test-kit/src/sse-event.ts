import type { EventSourceMessage } from 'eventsource-parser';

/** One server-sent event as a client sees it: its `event` name (when sent), `data` lines joined, `id`. */
export type SseEvent = EventSourceMessage;
