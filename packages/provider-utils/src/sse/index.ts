// Server-sent events decoding alone: depends on nothing but eventsource-parser, so a browser bundle can take it.
export { readServerSentEvents, SseReader, BrokenStream } from './sse-reader.js';
