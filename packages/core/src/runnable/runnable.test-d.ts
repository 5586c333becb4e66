import { describe, expectTypeOf, it } from 'vitest';
import { map, of, type Observable } from 'rxjs';
import {
  assign,
  branch,
  fromOperator,
  items,
  transform,
  lambda,
  parallel,
  passthrough,
  pick,
  sequence,
  type BatchResult,
  type Runnable,
  type RunEvent,
  type RunStream,
} from '@rivulet/core';
import { fakeRunnable } from '@rivulet/core/testing';

declare const prompt: Runnable<{ topic: string }, string>;
declare const model: Runnable<string, { text: string; tokens: number }>;
declare const parser: Runnable<{ text: string; tokens: number }, string[]>;

describe('type inference', () => {
  it('infers a chain end to end with no annotation', () => {
    const chain = prompt.pipe(model).pipe(parser);
    expectTypeOf(chain).toEqualTypeOf<Runnable<{ topic: string }, string[]>>();
    expectTypeOf(chain.invoke({ topic: 'x' })).resolves.toEqualTypeOf<string[]>();
    expectTypeOf(chain.stream({ topic: 'x' })).toEqualTypeOf<RunStream<string[]>>();
    expectTypeOf(chain.batch([{ topic: 'x' }])).resolves.toEqualTypeOf<string[][]>();
    expectTypeOf(chain.batch([{ topic: 'x' }], { returnExceptions: true })).resolves.toEqualTypeOf<(string[] | Error)[]>();
    expectTypeOf(chain.batchAsCompleted([{ topic: 'x' }])).toEqualTypeOf<RunStream<BatchResult<string[]>>>();
    expectTypeOf(chain.streamEvents({ topic: 'x' })).toEqualTypeOf<RunStream<RunEvent>>();
    // @ts-expect-error the input type is enforced
    void chain.invoke({ subject: 'x' });
  });

  it('infers outputs of functions: plain, async, generator, observable', () => {
    expectTypeOf(prompt.pipe((s) => s.length)).toEqualTypeOf<Runnable<{ topic: string }, number>>();
    expectTypeOf(prompt.pipe(async (s) => s.length > 1)).toEqualTypeOf<Runnable<{ topic: string }, boolean>>();
    expectTypeOf(
      prompt.pipe(async function* (s) {
        yield s.split(' ');
      }),
    ).toEqualTypeOf<Runnable<{ topic: string }, string[]>>();
    expectTypeOf(prompt.pipe((s) => of(s, s))).toEqualTypeOf<Runnable<{ topic: string }, string>>();
    expectTypeOf(lambda((n: number) => `${n}`)).toEqualTypeOf<Runnable<number, string>>();
  });

  it('infers object maps as parallel steps', () => {
    const both = prompt.pipe({ upper: (s) => s.toUpperCase(), parsed: model });
    expectTypeOf(both).toEqualTypeOf<
      Runnable<{ topic: string }, { upper: string; parsed: { text: string; tokens: number } }, { upper?: string; parsed?: { text: string; tokens: number } }>
    >();
    const standalone = parallel({ a: model, b: (s: string) => s.length });
    // Chunks are keyed: each holds some of the keys.
    expectTypeOf(standalone).toEqualTypeOf<Runnable<string, { a: { text: string; tokens: number }; b: number }, { a?: { text: string; tokens: number }; b?: number }>>();
  });

  it('types sequence, passthrough, assign, pick, branch, and the wrappers', () => {
    expectTypeOf(sequence(prompt, model, parser)).toEqualTypeOf<Runnable<{ topic: string }, string[]>>();
    expectTypeOf(prompt.pipe(passthrough<string>())).toEqualTypeOf<Runnable<{ topic: string }, string>>();
    const assigned = assign({ size: (x: { text: string }) => x.text.length });
    expectTypeOf(assigned.invoke({ text: 'a' })).resolves.toEqualTypeOf<{ text: string } & { size: number }>();
    expectTypeOf(model.pipe(pick('text'))).toEqualTypeOf<
      Runnable<string, Pick<{ text: string; tokens: number }, 'text'>, Partial<Pick<{ text: string; tokens: number }, 'text'>>>
    >();
    const routed = branch<string, string>([(s) => s.length > 3, (s) => s], (s) => s.toUpperCase());
    expectTypeOf(routed).toEqualTypeOf<Runnable<string, string>>();
    expectTypeOf(prompt.withRetry()).toEqualTypeOf<typeof prompt>();
    expectTypeOf(prompt.withConfig({ tags: ['a'] })).toEqualTypeOf<typeof prompt>();
    expectTypeOf(prompt.withFallbacks([prompt])).toEqualTypeOf<typeof prompt>();
    expectTypeOf(fakeRunnable(['a'])).toMatchTypeOf<Runnable<unknown, string>>();
  });

  it('keeps the chunk type apart from the output type', () => {
    interface Plan {
      title: string;
      days: string[];
    }
    const structured = {} as Runnable<string, Plan, Partial<Plan>>;
    expectTypeOf(structured.stream('x')).toEqualTypeOf<RunStream<Partial<Plan>>>();
    expectTypeOf(structured.invoke('x')).resolves.toEqualTypeOf<Plan>();
    const next = structured.pipe((plan) => plan.days.length);
    expectTypeOf(next).toEqualTypeOf<Runnable<string, number>>();
    expectTypeOf(prompt.pipe(structured)).toEqualTypeOf<Runnable<{ topic: string }, Plan, Partial<Plan>>>();
    expectTypeOf(structured.withRetry()).toEqualTypeOf<typeof structured>();
  });

  it('infers the same input, output and chunk type through sequence as through pipe', () => {
    interface Plan {
      title: string;
    }
    const structured = {} as Runnable<string, Plan, Partial<Plan>>;
    const viaPipe = prompt.pipe((x) => x.toUpperCase()).pipe(structured);
    const viaSequence = sequence(prompt, (x: string) => x.toUpperCase(), structured);
    expectTypeOf(viaSequence).toEqualTypeOf(viaPipe);
    expectTypeOf(viaSequence).toEqualTypeOf<Runnable<{ topic: string }, Plan, Partial<Plan>>>();
    expectTypeOf(sequence(structured, (plan) => plan.title.length)).toEqualTypeOf(structured.pipe((plan) => plan.title.length));
    expectTypeOf(sequence(structured)).toEqualTypeOf<typeof structured>();
  });

  it('types transform and fromOperator by their functions', () => {
    const upper = transform(async function* (chunks: AsyncIterable<string>) {
      for await (const c of chunks) yield c.toUpperCase();
    });
    expectTypeOf(upper).toEqualTypeOf<Runnable<string, string>>();
    expectTypeOf(prompt.pipe(upper)).toEqualTypeOf<Runnable<{ topic: string }, string>>();
    const lengths = fromOperator((chunks: Observable<string>) => chunks.pipe(map((c) => c.length)));
    expectTypeOf(lengths).toEqualTypeOf<Runnable<string, number>>();
    const counted = fromOperator((chunks: Observable<string>) => chunks.pipe(map((c) => c.length)), { aggregation: items<number>() });
    expectTypeOf(counted).toEqualTypeOf<Runnable<string, number[], number>>();
  });

  it('rejects a next step whose input does not match', () => {
    // @ts-expect-error parser takes the model's output, not a string
    void prompt.pipe(parser);
  });
});
