import type { Script } from '@rivulet/provider-utils/testing';
import type { GoogleRecordedRequest } from './google-request-body.js';
import type { MockReply } from './mock-reply.js';

/**
 * What the mock Gemini server answers to its model routes
 * (`streamGenerateContent`, `batchEmbedContents`, `embedContent`): one
 * {@link MockReply} for every request, an array (reply `i` for the `i`-th
 * such request, then a 500 once exhausted), or a function of the recorded
 * request.
 */
export type MockScript = Script<MockReply, GoogleRecordedRequest>;
