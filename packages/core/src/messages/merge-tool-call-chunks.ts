import type { ToolCallChunk } from './tool-call.js';

// Arrays built here are already frozen copies; the chunk constructor skips copying them
// again, which keeps a long run of `concat`s linear.
const assembled = new WeakSet<readonly ToolCallChunk[]>();

/**
 * The shared empty list. Most chunks (every text delta) carry no tool calls, and a fresh
 * frozen array plus a WeakSet entry per chunk showed in profiles of streaming over HTTP.
 */
const noToolCallChunks: readonly ToolCallChunk[] = Object.freeze([]);
assembled.add(noToolCallChunks);

/** A frozen copy of `chunks`, or `chunks` itself when it is already an assembled list; none is the shared empty list. */
export function freezeToolCallChunks(chunks: readonly ToolCallChunk[] | undefined): readonly ToolCallChunk[] {
  if (chunks === undefined || chunks.length === 0) return noToolCallChunks;
  if (assembled.has(chunks)) return chunks;
  const copy = Object.freeze(chunks.map((chunk) => Object.freeze({ ...chunk })));
  assembled.add(copy);
  return copy;
}

/**
 * Adds tool-call fragments to the calls assembled so far.
 *
 * A fragment joins the call with the same `index` and the same id; failing that, the latest
 * call with that index, unless both carry different non-empty ids: then it starts a new call,
 * because Ollama sends every call as index 0 and tells them apart only by id. Joining
 * concatenates `argsText`; `id` and `name` keep the first non-empty value, since providers
 * send a name whole (often repeated), never in pieces.
 */
export function mergeToolCallChunks(
  calls: readonly ToolCallChunk[],
  fragments: readonly ToolCallChunk[],
): readonly ToolCallChunk[] {
  if (fragments.length === 0) return freezeToolCallChunks(calls);
  const merged = [...calls];
  for (const fragment of fragments) {
    const at = findCall(merged, fragment);
    const target = at === -1 ? undefined : merged[at];
    if (target === undefined) merged.push(Object.freeze({ ...fragment }));
    else merged[at] = join(target, fragment);
  }
  Object.freeze(merged);
  assembled.add(merged);
  return merged;
}

function findCall(calls: readonly ToolCallChunk[], fragment: ToolCallChunk): number {
  let latest = -1;
  for (let i = calls.length - 1; i >= 0; i--) {
    const call = calls[i];
    if (call?.index !== fragment.index) continue;
    if (fragment.id && call.id === fragment.id) return i;
    if (latest === -1) latest = i;
  }
  const id = calls[latest]?.id;
  return id && fragment.id && id !== fragment.id ? -1 : latest;
}

function join(call: ToolCallChunk, fragment: ToolCallChunk): ToolCallChunk {
  const id = call.id || fragment.id;
  const name = call.name || fragment.name;
  const argsText =
    call.argsText === undefined ? fragment.argsText : call.argsText + (fragment.argsText ?? '');
  const partialArgs = fragment.partialArgs ?? call.partialArgs;
  return Object.freeze({
    index: call.index,
    ...(id !== undefined && { id }),
    ...(name !== undefined && { name }),
    ...(argsText !== undefined && { argsText }),
    ...(partialArgs !== undefined && { partialArgs }),
  });
}
