export { describeProviderConformance } from './describe-provider-conformance.js';
export { playConformanceScript } from './play-conformance-script.js';
export type { ConformanceServer, ProviderConformanceTarget } from './conformance-target.js';
export type {
  ConformanceScript,
  ConformanceReply,
  ConformanceToolCall,
  ConformanceUsage,
  ConformanceFinishReason,
} from './conformance-reply.js';
