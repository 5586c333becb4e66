import { describe, expect, it } from 'vitest';
import { inspect } from 'node:util';
import { OpenAIChatModel } from '@rivulet/models';

describe('OpenAIChatModel keeps its API key to itself', () => {
  it('never shows the key when serialized, inspected or logged', () => {
    const key = 'sk-live-very-secret-0123456789';
    const model = new OpenAIChatModel({ model: 'gpt-test', apiKey: key, baseURL: 'http://127.0.0.1:9/v1', temperature: 0 });
    expect(JSON.stringify(model)).not.toContain(key);
    expect(inspect(model, { depth: 10, showHidden: true })).not.toContain(key);
    expect(JSON.stringify(model.withOptions({ maxTokens: 5 }))).not.toContain(key);
    expect(JSON.stringify(model.options)).not.toContain(key);
  });
});
