import { ScriptExhaustedError } from '../mock-server/script-exhausted-error.js';
import type { ConformanceReply, ConformanceScript } from './conformance-reply.js';

/**
 * Turns a conformance script into a function script for a provider's mock
 * server: each request gets its reply (in order for an array), translated by
 * the adapter, which may read the request (to answer structured output the
 * way it was asked). A request past the end of an array throws
 * `ScriptExhaustedError`, which mock servers answer with a 500.
 *
 * @example
 * ```ts
 * const mock = await startMockAnthropicServer(playConformanceScript(script, toMockAnthropicReply));
 * ```
 */
export function playConformanceScript<Reply, Request>(
  script: ConformanceScript,
  translate: (reply: ConformanceReply, request: Request) => Reply,
): (request: Request) => Reply {
  let position = 0;
  return (request) => {
    const current = position++;
    const reply = isReplyList(script) ? script[current] : script;
    if (reply === undefined) throw new ScriptExhaustedError(current, isReplyList(script) ? script.length : 1);
    return translate(reply, request);
  };
}

// Array.isArray does not narrow a readonly array out of a union.
function isReplyList(script: ConformanceScript): script is readonly ConformanceReply[] {
  return Array.isArray(script);
}
