import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readChatLine } from './read-chat-line.js';

const context = { provider: 'ollama', secret: undefined };

/** The checked top-level fields of a chat line, each with the JSON type it must have when present. */
const typedFields = {
  model: 'string',
  created_at: 'string',
  done_reason: 'string',
  prompt_eval_count: 'number',
  eval_count: 'number',
  total_duration: 'number',
  load_duration: 'number',
  prompt_eval_duration: 'number',
  eval_duration: 'number',
} as const;

/** Whether `readChatLine` took `line`, or refused it as `malformed_event`. */
function verdict(line: object): 'taken' | 'malformed' {
  try {
    readChatLine(JSON.stringify(line), context);
    return 'taken';
  } catch (error) {
    expect(error).toMatchObject({ code: 'malformed_event', retryable: false });
    return 'malformed';
  }
}

describe('readChatLine: the shape of a line', () => {
  it('takes every field absent, null or of its type, and refuses any other value in any one field', () => {
    const fields = Object.keys(typedFields) as (keyof typeof typedFields)[];
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.jsonValue(), fc.boolean(), (field, value, done) => {
        const line = { message: { role: 'assistant', content: 'x' }, done, [field]: value };
        const fits = value === null || typeof value === typedFields[field];
        expect(verdict(line)).toBe(fits ? 'taken' : 'malformed');
      }),
      { numRuns: 500 },
    );
  });
});
