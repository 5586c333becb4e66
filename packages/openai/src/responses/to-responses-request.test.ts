import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ai, human, InputError, system, toolMessage } from '@rivulet/core';
import { tool } from '@rivulet/models';
import { useResponsesModel } from './test-support/use-responses-model.js';

const mock = useResponsesModel();

describe('OpenAIResponsesModel request, as the mock server received it', () => {
  it('sends the conversation as input items: system, user text and images, assistant turns, function calls and their outputs', async () => {
    const model = await mock.model({ text: 'ok' });
    await model.invoke([
      system('You are terse.'),
      human([
        { type: 'text', text: 'What is in these?' },
        { type: 'image', url: 'https://example.org/river.png' },
        { type: 'image', data: 'aGk=', mimeType: 'image/png' },
      ]),
      ai({ content: 'Let me look.', toolCalls: [{ id: 'call_1', name: 'weather', args: { city: 'Oslo' } }] }),
      toolMessage('Sunny', 'call_1'),
      ai({ content: '', toolCalls: [{ id: 'call_2', name: 'weather', args: { city: 'Rome' } }] }),
      toolMessage('Rain', 'call_2', { isError: true }),
    ]);
    expect(mock.server().requests[0]).toMatchObject({ method: 'POST', path: '/v1/responses' });
    expect(mock.body()).toMatchObject({
      model: 'gpt-test',
      stream: true,
      store: false,
      input: [
        { role: 'system', content: 'You are terse.' },
        {
          role: 'user',
          content: [
            { type: 'input_text', text: 'What is in these?' },
            { type: 'input_image', image_url: 'https://example.org/river.png', detail: 'auto' },
            { type: 'input_image', image_url: 'data:image/png;base64,aGk=', detail: 'auto' },
          ],
        },
        { role: 'assistant', content: 'Let me look.' },
        { type: 'function_call', call_id: 'call_1', name: 'weather', arguments: '{"city":"Oslo"}' },
        { type: 'function_call_output', call_id: 'call_1', output: 'Sunny' },
        { type: 'function_call', call_id: 'call_2', name: 'weather', arguments: '{"city":"Rome"}' },
        { type: 'function_call_output', call_id: 'call_2', output: 'Rain' },
      ],
    });
    expect(mock.body().input).toHaveLength(7);
  });

  it('maps sampling parameters and tools: max_output_tokens, strict only when asked, tool_choice by name', async () => {
    const weather = tool({ name: 'weather', description: 'Weather in a city', schema: z.object({ city: z.string() }) });
    const model = await mock.model({ text: 'ok' }, { temperature: 0.2, topP: 0.9, maxTokens: 300 });
    await model.bindTools([weather, { name: 'clock', parameters: { type: 'object', properties: {} }, strict: true }], { toolChoice: { name: 'weather' } }).invoke('hi');
    const body = mock.body();
    expect(body).toMatchObject({ temperature: 0.2, top_p: 0.9, max_output_tokens: 300, tool_choice: { type: 'function', name: 'weather' } });
    expect(body.tools).toEqual([
      { type: 'function', name: 'weather', description: 'Weather in a city', strict: false, parameters: expect.objectContaining({ type: 'object' }) },
      { type: 'function', name: 'clock', strict: true, parameters: { type: 'object', properties: {} } },
    ]);
    await model.bindTools([weather], { toolChoice: 'required' }).invoke('hi');
    expect(mock.body(1).tool_choice).toBe('required');
  });

  it('passes providerOptions through: reasoning, store, and text options merged with the response format', async () => {
    const model = await mock.model({ text: '{}' }, {
      providerOptions: { reasoning: { effort: 'low', summary: 'auto' }, store: true, text: { verbosity: 'low' }, include: ['reasoning.encrypted_content'] },
    });
    await model.withOptions({ responseFormat: { type: 'json' } }).invoke('hi');
    expect(mock.body()).toMatchObject({
      reasoning: { effort: 'low', summary: 'auto' },
      store: true,
      include: ['reasoning.encrypted_content'],
      text: { verbosity: 'low', format: { type: 'json_object' } },
    });
  });

  it('refuses parameters the Responses API has no field for, before any request', async () => {
    const model = await mock.model({ text: 'never' });
    for (const options of [{ stop: ['\n'] }, { seed: 7 }, { presencePenalty: 0.5 }, { frequencyPenalty: 0.5 }]) {
      const error = await model.withOptions(options).invoke('hi').catch((e: unknown) => e);
      expect(InputError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain(Object.keys(options)[0]);
    }
    await expect(model.generate('hi', { n: 2 })).rejects.toSatisfy((error: unknown) => InputError.isInstance(error) && String(error).includes('n = 2'));
    expect(mock.server().requests).toHaveLength(0);
  });
});
