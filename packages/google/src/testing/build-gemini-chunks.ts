import { splitText } from '@rivulet/provider-utils/testing';
import { estimateTokens } from './estimate-tokens.js';
import type { MockCandidateReply, MockReply } from './mock-reply.js';

type WirePart = Record<string, unknown>;

/** What a response's chunks say beyond the reply: who answers, and what was asked. */
export interface ChunkContext {
  readonly modelVersion: string;
  readonly responseId: string;
  /** Everything the request said, for the prompt token estimate. */
  readonly promptText: string;
}

/**
 * The `GenerateContentResponse` chunks of a reply, as Gemini streams them:
 * thought pieces, then text pieces, then all function calls in one chunk; a
 * candidate's last chunk has its finish reason and extras; every chunk has
 * the prompt count, the last one all the counts. Candidates stream side by
 * side, one step of each per chunk. With `truncate`, no finish reason and no
 * final counts.
 */
export function buildGeminiChunks(reply: MockReply, context: ChunkContext): WirePart[] {
  const facts = { modelVersion: context.modelVersion, responseId: context.responseId };
  const usage = reply.usage === false ? undefined : usageCounts(reply, context.promptText);
  const prompt = usage === undefined ? undefined : { promptTokenCount: usage['promptTokenCount'], totalTokenCount: usage['promptTokenCount'] };
  if (reply.blockReason !== undefined) {
    return [{ promptFeedback: { blockReason: reply.blockReason }, ...(prompt && { usageMetadata: prompt }), ...facts }];
  }
  const size = reply.chunkSize ?? 4;
  const steps = candidatesOf(reply).map((candidate) => candidateSteps(candidate, size));
  const count = Math.max(...steps.map((list) => list.length));
  const chunks: WirePart[] = [];
  for (let i = 0; i < count; i++) {
    const last = i === count - 1 && reply.truncate !== true;
    const candidates = steps.flatMap((list, index) => {
      const parts = list[i];
      if (parts === undefined) return [];
      const finished = i === list.length - 1 && reply.truncate !== true;
      return [{ content: { parts, role: 'model' }, ...(finished && finish(candidatesOf(reply)[index] ?? {})), index }];
    });
    chunks.push({ candidates, ...((last ? usage : prompt) !== undefined && { usageMetadata: last ? usage : prompt }), ...facts });
  }
  return chunks;
}

function candidatesOf(reply: MockReply): readonly MockCandidateReply[] {
  return reply.candidates ?? [reply];
}

function candidateSteps(candidate: MockCandidateReply, size: number): WirePart[][] {
  const steps: WirePart[][] = [
    ...splitText(candidate.thoughts ?? '', size).map((text) => [{ text, thought: true }]),
    ...splitText(candidate.text ?? '', size).map((text) => [{ text }]),
  ];
  const signature = candidate.thoughtSignature;
  const calls = candidate.functionCalls ?? [];
  if (calls.length > 0) {
    steps.push(
      calls.map((call, i) => ({
        functionCall: { name: call.name, args: call.args ?? {}, ...(call.id !== undefined && { id: call.id }) },
        ...(i === 0 && signature !== undefined && { thoughtSignature: signature }),
      })),
    );
  } else if (signature !== undefined) {
    steps.push([{ text: '', thoughtSignature: signature }]);
  }
  return steps.length > 0 ? steps : [[{ text: '' }]];
}

function finish(candidate: MockCandidateReply): WirePart {
  return {
    finishReason: candidate.finishReason ?? 'STOP',
    ...(candidate.finishMessage !== undefined && { finishMessage: candidate.finishMessage }),
    ...(candidate.safetyRatings !== undefined && { safetyRatings: candidate.safetyRatings }),
    ...(candidate.citationMetadata !== undefined && { citationMetadata: candidate.citationMetadata }),
    ...(candidate.groundingMetadata !== undefined && { groundingMetadata: candidate.groundingMetadata }),
  };
}

function usageCounts(reply: MockReply, promptText: string): Record<string, number> {
  const given = reply.usage === false ? {} : (reply.usage ?? {});
  const candidates = candidatesOf(reply);
  const output = candidates.reduce((sum, c) => sum + estimateTokens(c.text ?? '') + (c.functionCalls?.length ? estimateTokens(JSON.stringify(c.functionCalls)) : 0), 0);
  const thinking = candidates.reduce((sum, c) => sum + estimateTokens(c.thoughts ?? ''), 0);
  const counts: Record<string, number> = {
    promptTokenCount: given.promptTokenCount ?? estimateTokens(promptText),
    candidatesTokenCount: given.candidatesTokenCount ?? output,
    ...((given.thoughtsTokenCount !== undefined || thinking > 0) && { thoughtsTokenCount: given.thoughtsTokenCount ?? thinking }),
    ...(given.cachedContentTokenCount !== undefined && { cachedContentTokenCount: given.cachedContentTokenCount }),
    ...(given.toolUsePromptTokenCount !== undefined && { toolUsePromptTokenCount: given.toolUsePromptTokenCount }),
  };
  counts['totalTokenCount'] = Object.values(counts).reduce((sum, n) => sum + n, 0) - (counts['cachedContentTokenCount'] ?? 0);
  return counts;
}
