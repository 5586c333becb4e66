import type { BenchCase } from './bench-case.js';
import { agentLoop } from './cases/agent-loop.js';
import { batchLambdas } from './cases/batch-lambdas.js';
import { chainStream } from './cases/chain-stream.js';
import { httpStream } from './cases/http-stream.js';
import { httpStreamResponses } from './cases/http-stream-responses.js';
import { httpStreamGoogle } from './cases/http-stream-google.js';
import { httpStreamOllama } from './cases/http-stream-ollama.js';
import { invokeLambdas } from './cases/invoke-lambdas.js';
import { memoryPatch } from './cases/memory-patch.js';
import { modelCache } from './cases/model-cache.js';
import { rateLimiterOverhead } from './cases/rate-limiter.js';
import { serverThroughput } from './cases/server-throughput.js';
import { parseCases } from './cases/parse-cases.js';
import { slowConsumerMemory } from './cases/slow-consumer-memory.js';
import { structuredOutput } from './cases/structured-output.js';
import { uiE2e } from './cases/ui-e2e.js';
import { wideCases } from './cases/wide-cases.js';

/** Every case of `pnpm bench`, in the order they run and are reported. */
export const allCases: readonly BenchCase[] = [
  ...parseCases,
  ...wideCases,
  chainStream,
  invokeLambdas,
  batchLambdas,
  structuredOutput,
  memoryPatch,
  slowConsumerMemory,
  httpStream,
  httpStreamResponses,
  httpStreamOllama,
  httpStreamGoogle,
  agentLoop,
  modelCache,
  rateLimiterOverhead,
  uiE2e,
  serverThroughput,
];
