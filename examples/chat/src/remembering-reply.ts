import type { MockReply, OpenAIRecordedRequest } from '@rivulet/openai/testing';

/**
 * The offline stand-in for a model with a memory it does not have: it answers
 * from the earlier turns the request carries, and says how many it saw, so the
 * output shows the history reached the model.
 */
export function rememberingReply(request: OpenAIRecordedRequest): MockReply {
  const turns = (request.body?.messages ?? []).filter((m) => m.role === 'user' || m.role === 'assistant').map((m) => ({ role: m.role, text: textOf(m.content) }));
  const question = turns.at(-1)?.text ?? '';
  const earlier = turns.slice(0, -1);
  const told = earlier.filter((turn) => turn.role === 'user').map((turn) => turn.text).join(' ') + ' ' + question;
  const name = /\b(?:I'm|I am|my name is) ([A-Z]\w+)/.exec(told)?.[1];
  const place = /\btrip to ([A-Z]\w+)/.exec(told)?.[1];
  return { text: `(${earlier.length} earlier messages) ${answer(question, name, place)}`, chunkSize: 6, delayMs: 5 };
}

function answer(question: string, name: string | undefined, place: string | undefined): string {
  if (/what's my name|who am I/i.test(question)) {
    if (name === undefined) return "I don't know your name: you haven't told me yet.";
    return `You are ${name}${place === undefined ? '' : `, and you are going to ${place}`}.`;
  }
  if (/eat/i.test(question)) return place === undefined ? 'Where are you going? Then I can tell you.' : `In ${place}, try grilled sardines and a pastel de nata.`;
  return name === undefined ? 'Hello! How can I help?' : `Nice to meet you, ${name}! ${place === undefined ? '' : `${place} is lovely in spring.`}`.trim();
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part: { text?: unknown }) => (typeof part.text === 'string' ? part.text : '')).join('');
}
