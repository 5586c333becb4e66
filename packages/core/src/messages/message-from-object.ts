import { aiFromObject } from './ai-from-object.js';
import { HumanMessage } from './human-message.js';
import type { Fail } from './invalid-message.js';
import type { Message } from './message.js';
import { readContent } from './read-content.js';
import { optionalBoolean, optionalString } from './read-fields.js';
import { SystemMessage } from './system-message.js';
import { ToolMessage } from './tool-message.js';

const roles = ['system', 'developer', 'user', 'human', 'assistant', 'ai', 'tool'];

/** Reads a `{ role, content, ... }` object, OpenAI style or Rivulet JSON. Unknown fields are ignored. */
export function messageFromObject(object: Record<string, unknown>, fail: Fail): Message {
  const { role } = object;
  switch (role) {
    case 'system':
    case 'developer':
      return new SystemMessage(baseFields(object, fail));
    case 'user':
    case 'human':
      return new HumanMessage(baseFields(object, fail));
    case 'assistant':
    case 'ai':
      return aiFromObject(object, fail);
    case 'tool': {
      const toolCallId =
        optionalString(object['toolCallId'], 'toolCallId', fail) ??
        optionalString(object['tool_call_id'], 'tool_call_id', fail);
      if (toolCallId === undefined) fail('a tool message needs "tool_call_id" (or "toolCallId")');
      const isError = optionalBoolean(object['isError'], 'isError', fail);
      return new ToolMessage({ ...baseFields(object, fail), toolCallId, isError });
    }
    case undefined:
      return fail('"role" is missing');
    default:
      return fail(`unknown role ${JSON.stringify(role)} (expected one of ${roles.join(', ')})`);
  }
}

function baseFields(object: Record<string, unknown>, fail: Fail) {
  if (object['content'] === undefined) fail('"content" is missing');
  return {
    content: readContent(object['content'], fail),
    name: optionalString(object['name'], 'name', fail),
    id: optionalString(object['id'], 'id', fail),
  };
}
