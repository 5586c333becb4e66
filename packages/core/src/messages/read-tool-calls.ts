import { describeValue, isRecord, type Fail } from './invalid-message.js';
import { parseToolCallChunks, type ParsedToolCalls } from './parse-tool-call-chunks.js';
import { optionalString } from './read-fields.js';
import type { InvalidToolCall, ToolCall, ToolCallChunk } from './tool-call.js';

/**
 * Reads OpenAI `tool_calls` (`{ id, function: { name, arguments } }`). Arguments that do not
 * parse are kept as invalid tool calls rather than rejected: they are what the model said.
 */
export function readOpenAIToolCalls(value: unknown, fail: Fail): ParsedToolCalls {
  const calls = eachRecord(value, 'tool_calls', fail).map(([call, at]): ToolCallChunk => {
    const fn = call['function'];
    if (typeof call['id'] !== 'string') fail(`"${at}.id" must be a string`);
    if (!isRecord(fn) || typeof fn['name'] !== 'string') fail(`"${at}.function.name" must be a string`);
    const args = fn['arguments'] ?? '';
    if (typeof args !== 'string') fail(`"${at}.function.arguments" must be a JSON string`);
    return { index: 0, id: call['id'], name: fn['name'], argsText: args };
  });
  // Each entry is a whole call, so they are parsed one by one, never merged as fragments.
  return parseToolCallChunks(calls, true);
}

/** Reads Rivulet `toolCalls` (`{ id, name, args }` with an arguments object). */
export function readToolCalls(value: unknown, fail: Fail): ToolCall[] {
  return eachRecord(value, 'toolCalls', fail).map(([call, at]) => {
    const { id, name, args } = call;
    if (typeof id !== 'string') fail(`"${at}.id" must be a string`);
    if (typeof name !== 'string') fail(`"${at}.name" must be a string`);
    if (!isRecord(args)) fail(`"${at}.args" must be an object, got ${describeValue(args)}`);
    return { id, name, args };
  });
}

/** Reads Rivulet `invalidToolCalls` (`{ id?, name?, argsText, error }`). */
export function readInvalidToolCalls(value: unknown, fail: Fail): InvalidToolCall[] {
  return eachRecord(value, 'invalidToolCalls', fail).map(([call, at]) => {
    const id = optionalString(call['id'], `${at}.id`, fail);
    const name = optionalString(call['name'], `${at}.name`, fail);
    const { argsText, error } = call;
    if (typeof argsText !== 'string') fail(`"${at}.argsText" must be a string`);
    if (typeof error !== 'string') fail(`"${at}.error" must be a string`);
    return { ...(id !== undefined && { id }), ...(name !== undefined && { name }), argsText, error };
  });
}

/** Reads Rivulet `toolCallChunks` (`{ index, id?, name?, argsText? }`). */
export function readToolCallChunks(value: unknown, fail: Fail): ToolCallChunk[] {
  return eachRecord(value, 'toolCallChunks', fail).map(([chunk, at]) => {
    const { index } = chunk;
    if (typeof index !== 'number' || !Number.isInteger(index)) fail(`"${at}.index" must be an integer`);
    const id = optionalString(chunk['id'], `${at}.id`, fail);
    const name = optionalString(chunk['name'], `${at}.name`, fail);
    const argsText = optionalString(chunk['argsText'], `${at}.argsText`, fail);
    return {
      index,
      ...(id !== undefined && { id }),
      ...(name !== undefined && { name }),
      ...(argsText !== undefined && { argsText }),
    };
  });
}

function eachRecord(value: unknown, field: string, fail: Fail): [Record<string, unknown>, string][] {
  if (!Array.isArray(value)) fail(`"${field}" must be an array, got ${describeValue(value)}`);
  return value.map((item: unknown, i): [Record<string, unknown>, string] => {
    if (!isRecord(item)) fail(`"${field}[${i}]" must be an object, got ${describeValue(item)}`);
    return [item, `${field}[${i}]`];
  });
}
