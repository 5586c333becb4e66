import type { Script } from '@rivulet/provider-utils/testing';
import type { AnthropicRecordedRequest } from './anthropic-request-record.js';
import type { MockAnthropicReply } from './mock-anthropic-reply.js';

/**
 * What the mock Anthropic server answers to `POST /v1/messages`: one
 * {@link MockAnthropicReply} for every request, an array (reply `i` for the
 * `i`-th valid request, then a 500 once exhausted), or a function of the
 * recorded request.
 */
export type MockAnthropicScript = Script<MockAnthropicReply, AnthropicRecordedRequest>;
