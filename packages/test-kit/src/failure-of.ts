/**
 * The error `run` throws or rejects with; rejects itself when `run`
 * succeeds, so a test that expects a failure cannot pass without one.
 *
 * @example
 * ```ts
 * const error = await failureOf(() => model.invoke('x'));
 * expect(ProviderError.isInstance(error)).toBe(true);
 * ```
 */
export async function failureOf(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('Expected a failure, but the call succeeded.');
}

/**
 * The error a synchronous `run` throws; throws itself when `run` returns.
 *
 * @example
 * ```ts
 * expect(thrownBy(() => promptTemplate('{'))).toBeInstanceOf(InputError);
 * ```
 */
export function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('Expected a throw, but the call returned.');
}
