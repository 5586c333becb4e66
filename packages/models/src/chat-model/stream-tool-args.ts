import { AIMessageChunk, type ToolCallChunk } from '@rivulet/core';
import { PartialJsonParser, SnapshotObserver } from '@rivulet/parsers';
import { Observable, type MonoTypeOperatorFunction } from 'rxjs';

interface CallState {
  readonly index: number;
  id: string | undefined;
  readonly parser: PartialJsonParser;
  readonly snapshots: SnapshotObserver;
  broken: boolean;
}

/**
 * Parses each tool call's argument fragments as they stream (linear, no
 * re-parsing) and puts the arguments so far on the chunk as `partialArgs`, an
 * immutable snapshot. Arguments that turn out not to be JSON stop being
 * parsed; the finished message reports the call in `invalidToolCalls`.
 */
export function streamToolArgs(): MonoTypeOperatorFunction<AIMessageChunk> {
  return (source) =>
    new Observable<AIMessageChunk>((subscriber) => {
      const calls: CallState[] = [];
      return source.subscribe({
        next(chunk) {
          if (chunk.toolCallChunks.length === 0) return subscriber.next(chunk);
          const fragments = chunk.toolCallChunks.map((fragment) => withPartialArgs(calls, fragment));
          subscriber.next(new AIMessageChunk({ ...fieldsOf(chunk), toolCallChunks: fragments }));
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
    });
}

function withPartialArgs(calls: CallState[], fragment: ToolCallChunk): ToolCallChunk {
  const call = callFor(calls, fragment);
  if (call.broken || !fragment.argsText) return fragment;
  try {
    call.parser.push(fragment.argsText);
  } catch {
    call.broken = true;
    return fragment;
  }
  const value = call.snapshots.publish();
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...fragment, partialArgs: value } : fragment;
}

/** The call a fragment belongs to, with the same rule as `AIMessageChunk.concat` (distinct ids at one index are distinct calls). */
function callFor(calls: CallState[], fragment: ToolCallChunk): CallState {
  for (let i = calls.length - 1; i >= 0; i--) {
    const call = calls[i] as CallState;
    if (call.index !== fragment.index) continue;
    if (!fragment.id || !call.id || call.id === fragment.id) {
      call.id ??= fragment.id;
      return call;
    }
    break;
  }
  const snapshots = new SnapshotObserver();
  const call: CallState = { index: fragment.index, id: fragment.id, parser: new PartialJsonParser({ observers: [snapshots] }), snapshots, broken: false };
  calls.push(call);
  return call;
}

function fieldsOf(chunk: AIMessageChunk): ConstructorParameters<typeof AIMessageChunk>[0] & object {
  return {
    content: chunk.content,
    ...(chunk.reasoning !== undefined && { reasoning: chunk.reasoning }),
    ...(chunk.usage !== undefined && { usage: chunk.usage }),
    ...(chunk.finishReason !== undefined && { finishReason: chunk.finishReason }),
    responseMetadata: chunk.responseMetadata,
  };
}
