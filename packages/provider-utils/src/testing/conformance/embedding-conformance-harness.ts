import type { EmbeddingModel, EmbeddingModelOptions } from '@rivulet/models';
import type { RecordedRequest } from '../mock-server/recorded-request.js';
import type { EmbeddingConformanceScript } from './embedding-conformance-reply.js';
import type { EmbeddingConformanceServer, EmbeddingConformanceTarget } from './embedding-conformance-target.js';
import { serverHarness, type ServerHarness } from './server-harness.js';

/** What every embedding scenario gets: a way to start a server, and shared checks. */
export interface EmbeddingConformanceHarness<Request extends RecordedRequest = RecordedRequest>
  extends ServerHarness<EmbeddingConformanceScript, EmbeddingModelOptions, EmbeddingModel, EmbeddingConformanceServer<Request>> {
  readonly target: EmbeddingConformanceTarget<Request>;
}

/** The harness of one `describe` block; call it inside the block, so its cleanup hook belongs there. */
export function embeddingConformanceHarness<Request extends RecordedRequest>(target: EmbeddingConformanceTarget<Request>): EmbeddingConformanceHarness<Request> {
  return { target, ...serverHarness<EmbeddingConformanceScript, EmbeddingModelOptions, EmbeddingModel, EmbeddingConformanceServer<Request>>(target) };
}
