import type { Script } from '@rivulet/provider-utils/testing';
import type { MockOllamaReply } from './mock-reply.js';
import type { OllamaRecordedRequest } from './ollama-request-body.js';

/**
 * What the mock Ollama server answers to `POST /api/chat` and
 * `POST /api/embed`: one {@link MockOllamaReply} for every request, an array
 * (reply `i` for the `i`-th request to either route, then a 500 once
 * exhausted), or a function of the recorded request.
 */
export type MockOllamaScript = Script<MockOllamaReply, OllamaRecordedRequest>;
