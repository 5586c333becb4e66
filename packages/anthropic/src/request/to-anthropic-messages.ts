import type { PromptMessageV1 } from '@rivulet/provider';
import type { AnthropicContentBlockParam, AnthropicMessageParam } from './anthropic-request-body.js';
import { toContentBlocks } from './to-anthropic-content.js';

/** A conversation as the Messages API takes it: the system prompt apart from the turns. */
export interface AnthropicConversation {
  /** Every system message's text, joined; `undefined` when there is none. */
  readonly system: string | undefined;
  readonly messages: AnthropicMessageParam[];
}

interface Turn {
  readonly role: 'user' | 'assistant';
  readonly content: AnthropicContentBlockParam[];
}

/**
 * Prompt messages as Anthropic turns. System messages go to `system`; tool
 * results become `tool_result` blocks of a user turn; an AI message's tool
 * calls become `tool_use` blocks. Consecutive messages of one side are merged
 * into one turn, because the API wants the sides to alternate and wants every
 * result of one assistant turn's calls in the single user turn after it.
 */
export function toAnthropicConversation(messages: readonly PromptMessageV1[]): AnthropicConversation {
  const system: string[] = [];
  const turns: Turn[] = [];
  for (const message of messages) {
    if (message.role === 'system') {
      system.push(message.text);
      continue;
    }
    const blocks = toBlocks(message);
    // An empty turn is rejected by the API and says nothing.
    if (blocks.length === 0) continue;
    const role = message.role === 'ai' ? 'assistant' : 'user';
    const last = turns.at(-1);
    if (last?.role === role) last.content.push(...blocks);
    else turns.push({ role, content: blocks });
  }
  return { system: system.length > 0 ? system.join('\n\n') : undefined, messages: turns.map(toMessageParam) };
}

function toBlocks(message: Exclude<PromptMessageV1, { role: 'system' }>): AnthropicContentBlockParam[] {
  switch (message.role) {
    case 'human':
      return toContentBlocks(message.content);
    case 'ai':
      return [
        ...toContentBlocks(message.text),
        ...message.toolCalls.map((call): AnthropicContentBlockParam => ({ type: 'tool_use', id: call.id, name: call.name, input: call.args })),
      ];
    case 'tool': {
      // A plain string result stays a string, the form most tool results take.
      const content = typeof message.content === 'string' ? message.content : toContentBlocks(message.content);
      return [
        {
          type: 'tool_result',
          tool_use_id: message.toolCallId,
          ...(content.length > 0 && { content }),
          ...(message.isError && { is_error: true }),
        },
      ];
    }
  }
}

/** A turn of one text block is sent as a plain string, the form people read in logs. */
function toMessageParam(turn: Turn): AnthropicMessageParam {
  const [only] = turn.content;
  if (turn.content.length === 1 && only?.type === 'text') return { role: turn.role, content: only.text };
  return { role: turn.role, content: turn.content };
}
