import type { Script } from '@rivulet/provider-utils/testing';
import type { MockReply } from './mock-reply.js';
import type { OpenAIRecordedRequest } from './openai-request-body.js';

/**
 * What the mock OpenAI server answers to `POST /v1/chat/completions`: one
 * {@link MockReply} for every request, an array (reply `i` for the `i`-th
 * completion request, then a 500 once exhausted), or a function of the
 * recorded request.
 */
export type MockScript = Script<MockReply, OpenAIRecordedRequest>;
