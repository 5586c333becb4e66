export { describeProviderConformance } from './describe-provider-conformance.js';
export { playConformanceScript } from './play-conformance-script.js';
export { conformanceFaults, type ConformanceFaultWire } from './conformance-faults.js';
export type { ConformanceServer, ProviderConformanceTarget, ConformanceWireFormat } from './conformance-target.js';
export type {
  ConformanceScript,
  ConformanceReply,
  ConformanceToolCall,
  ConformanceUsage,
  ConformanceFinishReason,
} from './conformance-reply.js';
export { describeEmbeddingConformance } from './embedding-conformance.js';
export { playEmbeddingConformanceScript } from './embedding-conformance-script.js';
export { embeddingConformanceFaults, type EmbeddingConformanceFaultWire } from './embedding-conformance-faults.js';
export type { EmbeddingConformanceServer, EmbeddingConformanceTarget } from './embedding-conformance-target.js';
export type { EmbeddingConformanceReply, EmbeddingConformanceScript } from './embedding-conformance-reply.js';
