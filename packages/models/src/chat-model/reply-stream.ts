import { InputError, type AIMessageChunk } from '@rivulet/core';
import type { ChatModelProviderV1, ChatStreamPartV1 } from '@rivulet/provider';
import type { Observable } from 'rxjs';
import type { ChatModelOptions } from './chat-model-options.js';
import { withModelRetries } from './provider-attempt.js';
import { replyChunks } from './reply-chunks.js';
import { streamToolArgs } from './stream-tool-args.js';

/**
 * One reply of a model as its run streams it: `attempt` (one provider call)
 * retried as `options` say, its parts as message chunks, a reply cut short
 * refused, and tool-call arguments streamed as they grow when tools are
 * bound. `n > 1` asks for several replies, which a run cannot stream: an
 * `InputError` naming `generate()` and `streamChoices()`.
 */
export function replyStream(name: string, provider: ChatModelProviderV1, options: ChatModelOptions, attempt: () => Observable<ChatStreamPartV1>): Observable<AIMessageChunk> {
  if ((options.n ?? 1) > 1) {
    throw new InputError(`${name}: n = ${options.n} asks for several replies, and a run streams one. Use generate() or streamChoices().`);
  }
  const reply = withModelRetries(options, () => attempt().pipe(replyChunks(provider.provider)));
  return (options.tools?.length ?? 0) > 0 ? reply.pipe(streamToolArgs()) : reply;
}
