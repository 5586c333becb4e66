import type { MockReply, OpenAIRecordedRequest } from '@rivulet/openai/testing';

/**
 * What the embedded mock server answers when no API key is set: a model that
 * checks the river and the weather at the start (two calls in one step, run in
 * parallel), then the weather at the end, then answers from what the tools said;
 * a follow-up question is answered from the conversation.
 */
export function offlineModel(request: OpenAIRecordedRequest): MockReply {
  const messages = request.body?.messages ?? [];
  const turn = messages.filter((message) => message.role === 'assistant').length;
  const pace = { chunkSize: 6, delayMs: 12 };
  if (messages.at(-1)?.role === 'user' && turn > 0) {
    // A follow-up: the answer is in the conversation already.
    return { text: 'From Elverum on, the same forecast holds: sunny, 16 °C, light wind. The flow there is higher than at Kongsvinger, so plan for a faster day.', ...pace };
  }
  if (turn === 0) {
    return {
      text: 'I will check the river and the weather at the put-in first.',
      toolCalls: [
        { name: 'river_flow', arguments: JSON.stringify({ river: 'Glomma', station: 'Kongsvinger' }) },
        { name: 'weather', arguments: JSON.stringify({ place: 'Kongsvinger' }) },
      ],
      ...pace,
    };
  }
  if (turn === 1) {
    return { text: 'Now the weather at the take-out.', toolCalls: [{ name: 'weather', arguments: JSON.stringify({ place: 'Elverum' }) }], ...pace };
  }
  const results = messages.flatMap((message) => (message.role === 'tool' && typeof message.content === 'string' ? [JSON.parse(message.content) as Record<string, unknown>] : []));
  const flow = results.find((result) => 'flowM3s' in result);
  const [start, end] = results.filter((result) => 'sky' in result);
  return {
    text:
      `Yes, go. The Glomma runs at ${String(flow?.['flowM3s'])} m³/s at Kongsvinger, ${String(flow?.['note'])}. ` +
      `Expect ${String(start?.['sky'])} at the start (${String(start?.['highC'])} °C) and ${String(end?.['sky'])} in Elverum (${String(end?.['highC'])} °C); ` +
      `the wind stays light. Start after 10:00 to miss the rain.`,
    ...pace,
  };
}
