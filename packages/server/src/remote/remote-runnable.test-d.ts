import { describe, expectTypeOf, it } from 'vitest';
import { lambda, type AIMessage, type AIMessageChunk, type Runnable } from '@rivulet/core';
import { RemoteRunnable } from './remote-runnable.js';

interface Plan {
  readonly destination: string;
  readonly days: readonly string[];
}

// What a client sees of the server's module through `import type`.
export declare const planner: Runnable<{ destination: string }, Plan, Partial<Plan>>;
export declare const chat: Runnable<{ question: string }, AIMessage, AIMessageChunk>;
export const shout = lambda((x: { text: string }) => x.text.toUpperCase());
const url = 'http://localhost/api';

describe('RemoteRunnable<typeof served>', () => {
  it("takes the served runnable's input, output and chunk types", () => {
    const remote = new RemoteRunnable<typeof planner>({ url });
    expectTypeOf(remote).toExtend<Runnable<{ destination: string }, Plan, Partial<Plan>>>();
    expectTypeOf(remote.invoke).parameter(0).toEqualTypeOf<{ destination: string }>();
    expectTypeOf(remote.invoke({ destination: 'Lisbon' })).resolves.toEqualTypeOf<Plan>();
    expectTypeOf(remote.stream({ destination: 'Lisbon' })).toExtend<AsyncIterable<Partial<Plan>>>();
    expectTypeOf(remote.streamRemoteEvents).parameter(0).toEqualTypeOf<{ destination: string }>();
    // @ts-expect-error the served runnable's input is checked
    void remote.invoke({ city: 'Lisbon' });
  });

  it('reads a model chain and a lambda the same way', () => {
    const answers = new RemoteRunnable<typeof chat>({ url });
    expectTypeOf(answers.invoke({ question: 'Why?' })).resolves.toEqualTypeOf<AIMessage>();
    expectTypeOf(answers.stream({ question: 'Why?' })).toExtend<AsyncIterable<AIMessageChunk>>();
    const shouting = new RemoteRunnable<typeof shout>({ url });
    expectTypeOf(shouting.invoke({ text: 'hi' })).resolves.toEqualTypeOf<string>();
    expectTypeOf(shouting.pipe((text) => text.length).invoke({ text: 'hi' })).resolves.toEqualTypeOf<number>();
  });
});

describe('RemoteRunnable<I, O, C> written out', () => {
  it('keeps the input, output and chunk types as given', () => {
    const remote = new RemoteRunnable<{ destination: string }, Plan, Partial<Plan>>({ url });
    expectTypeOf(remote.invoke({ destination: 'Lisbon' })).resolves.toEqualTypeOf<Plan>();
    expectTypeOf(remote.stream({ destination: 'Lisbon' })).toExtend<AsyncIterable<Partial<Plan>>>();
    expectTypeOf(new RemoteRunnable<string, number>({ url }).stream('x')).toExtend<AsyncIterable<number>>();
  });

  it('is unknown throughout without type arguments, and never and any stay input types', () => {
    const remote = new RemoteRunnable({ url });
    expectTypeOf(remote.invoke).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(remote.invoke(1)).resolves.toEqualTypeOf<unknown>();
    expectTypeOf(new RemoteRunnable<never>({ url }).invoke).returns.resolves.toEqualTypeOf<unknown>();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    expectTypeOf(new RemoteRunnable<any, string>({ url }).invoke(1)).resolves.toEqualTypeOf<string>();
  });
});
