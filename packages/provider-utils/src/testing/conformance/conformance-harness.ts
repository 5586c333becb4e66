import type { ChatModel, ChatModelOptions } from '@rivulet/models';
import type { ConformanceScript } from './conformance-reply.js';
import type { ConformanceServer, ProviderConformanceTarget } from './conformance-target.js';
import { serverHarness, type ServerHarness } from './server-harness.js';

/** What every scenario of the suite gets: a way to start a server, and shared checks. */
export interface ConformanceHarness extends ServerHarness<ConformanceScript, ChatModelOptions, ChatModel, ConformanceServer> {
  readonly target: ProviderConformanceTarget;
}

/** The harness of one `describe` block; call it inside the block, so its cleanup hook belongs there. */
export function conformanceHarness(target: ProviderConformanceTarget): ConformanceHarness {
  return { target, ...serverHarness<ConformanceScript, ChatModelOptions, ChatModel, ConformanceServer>(target) };
}
