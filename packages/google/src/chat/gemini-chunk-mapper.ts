import type { ChatStreamPartV1 } from '@rivulet/provider';
import type { GeminiCandidate, GeminiChunk, GeminiFunctionCall } from './gemini-chunk.js';
import { geminiFinishReason } from './gemini-finish-reason.js';
import { geminiUsage } from './gemini-usage.js';
import { THOUGHT_SIGNATURES } from './thought-signatures.js';
import { madeUpCallId, responseNonce } from './tool-call-id.js';

// Candidate extras passed on as `responseMetadata`, each when it first comes or changes.
const CANDIDATE_EXTRAS = ['groundingMetadata', 'citationMetadata', 'urlContextMetadata', 'safetyRatings', 'finishMessage'] as const;

/** What the mapper remembers of one candidate (choice). */
interface ChoiceState {
  calledFunctions: boolean;
  readonly signatures: Record<string, string>;
  readonly extras: Map<string, string>;
}

/**
 * Turns Gemini chunks into stream parts, one chunk at a time. Stateful per
 * response: Gemini repeats response facts (model version, response id, usage)
 * on every chunk, and they are passed on only when they change. Text parts
 * are text deltas, `thought` parts reasoning deltas; a function call arrives
 * whole, so it is started, given its arguments in one delta and ended at
 * once, with a made-up id when the wire has none and its thought signature
 * kept in `responseMetadata.thoughtSignatures`.
 */
export class GeminiChunkMapper {
  readonly #nonce = responseNonce();
  readonly #choices = new Map<number, ChoiceState>();
  #calls = 0;
  #facts = '';
  #usage = '';
  #promptFeedback = '';

  map(chunk: GeminiChunk): ChatStreamPartV1[] {
    const parts: ChatStreamPartV1[] = [];
    this.#responseFacts(chunk, parts);
    for (const candidate of chunk.candidates ?? []) this.#candidate(candidate, parts);
    const feedback = chunk.promptFeedback;
    if (feedback !== undefined && (chunk.candidates === undefined || chunk.candidates.length === 0)) {
      const key = JSON.stringify(feedback);
      if (key !== this.#promptFeedback) {
        this.#promptFeedback = key;
        parts.push({ type: 'metadata', metadata: { promptFeedback: feedback } });
        // The prompt itself was refused: no candidate will come.
        if (feedback.blockReason !== undefined) parts.push({ type: 'finish', reason: 'content_filter', rawReason: feedback.blockReason });
      }
    }
    if (chunk.usageMetadata !== undefined) {
      const usage = geminiUsage(chunk.usageMetadata);
      const key = `${usage.inputTokens},${usage.outputTokens},${usage.totalTokens},${usage.reasoningTokens},${usage.cachedInputTokens}`;
      if (key !== this.#usage) {
        this.#usage = key;
        parts.push({ type: 'usage', usage });
      }
    }
    return parts;
  }

  #responseFacts(chunk: GeminiChunk, parts: ChatStreamPartV1[]): void {
    const { responseId, modelVersion } = chunk;
    if (responseId === undefined && modelVersion === undefined) return;
    const key = `${responseId}\n${modelVersion}`;
    if (key === this.#facts) return;
    this.#facts = key;
    parts.push({ type: 'metadata', metadata: { ...(responseId !== undefined && { id: responseId }), ...(modelVersion !== undefined && { model: modelVersion }) } });
  }

  #candidate(candidate: GeminiCandidate, parts: ChatStreamPartV1[]): void {
    const choice = candidate.index ?? 0;
    const state = this.#state(choice);
    const tag = choice === 0 ? {} : { choice };
    for (const part of candidate.content?.parts ?? []) {
      if (part.text !== undefined && part.text !== '') parts.push({ type: part.thought === true ? 'reasoning-delta' : 'text-delta', text: part.text, ...tag });
      if (part.functionCall !== undefined) this.#call(part.functionCall, part.thoughtSignature, state, tag, parts);
    }
    this.#extras(candidate, state, tag, parts);
    if (candidate.finishReason !== undefined) {
      parts.push({ type: 'finish', reason: geminiFinishReason(candidate.finishReason, state.calledFunctions), rawReason: candidate.finishReason, ...tag });
    }
  }

  #call(call: GeminiFunctionCall, signature: string | undefined, state: ChoiceState, tag: { choice?: number }, parts: ChatStreamPartV1[]): void {
    const id = call.id ?? madeUpCallId(this.#nonce, this.#calls);
    this.#calls++;
    state.calledFunctions = true;
    parts.push(
      { type: 'tool-input-start', id, name: call.name, ...tag },
      { type: 'tool-input-delta', id, delta: JSON.stringify(call.args ?? {}), ...tag },
      { type: 'tool-input-end', id, ...tag },
    );
    if (signature !== undefined) {
      state.signatures[id] = signature;
      parts.push({ type: 'metadata', metadata: { [THOUGHT_SIGNATURES]: { ...state.signatures } }, ...tag });
    }
  }

  #extras(candidate: GeminiCandidate, state: ChoiceState, tag: { choice?: number }, parts: ChatStreamPartV1[]): void {
    let changed: Record<string, unknown> | undefined;
    for (const name of CANDIDATE_EXTRAS) {
      const value = candidate[name];
      if (value === undefined) continue;
      const key = JSON.stringify(value);
      if (state.extras.get(name) === key) continue;
      state.extras.set(name, key);
      (changed ??= {})[name] = value;
    }
    if (changed !== undefined) parts.push({ type: 'metadata', metadata: changed, ...tag });
  }

  #state(choice: number): ChoiceState {
    let state = this.#choices.get(choice);
    if (state === undefined) this.#choices.set(choice, (state = { calledFunctions: false, signatures: {}, extras: new Map() }));
    return state;
  }
}
