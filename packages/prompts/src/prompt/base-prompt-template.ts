import { from, of, type Observable } from 'rxjs';
import { InputError, Runnable, snapshot, onWholeInput, type RunContext, type StreamInput } from '@rivulet/core';
import { isPromiseLike, thenMaybe, type MaybePromise } from '../partials/maybe-promise.js';
import type { FormatResult } from '../partials/partial-values.js';
import { resolvePartials, type Partials } from '../partials/resolve-partials.js';
import { missingVariablesError } from '../render/missing-variables-error.js';
import type { MissingVariables, Scope } from '../render/values.js';
import { formatInScope, type FormatsInScope } from './format-in-scope.js';

/** Type-only key of a prompt's `Async` parameter, so that types can read it back. */
export declare const asyncFormat: unique symbol;

/**
 * What string and chat prompts share: partial values, `format`, and running
 * as a step that emits its output once (a snapshot), so a prompt piped into a
 * model streams the model's chunks.
 */
export abstract class BasePromptTemplate<Vars, O, Async extends boolean = false>
  extends Runnable<Vars, O>
  implements FormatsInScope<O>
{
  readonly aggregation = snapshot<O>();
  /** Type-only: whether `format` returns a promise. */
  declare readonly [asyncFormat]?: Async;
  /** Values and functions given to `partial`, by variable name. */
  readonly partialValues: Partials;

  constructor(partialValues: Partials) {
    super();
    this.partialValues = partialValues;
  }

  /** The variables a caller must give, in order of first use (partial ones left out). */
  abstract readonly inputVariables: readonly string[];

  /** Formats in a scope whose partial values are already resolved. */
  protected abstract render(scope: Scope, missing: MissingVariables): MaybePromise<O>;

  /**
   * Fills in the variables and returns the output: synchronously, unless a
   * partial function is async, in which case a promise (the type says which).
   * Extra variables are ignored; values are inserted verbatim.
   *
   * @throws InputError naming every missing variable (a rejection when the result is a promise).
   */
  format(values: Vars): FormatResult<O, Async> {
    const missing: MissingVariables = new Map();
    const output = thenMaybe(this[formatInScope]([values], missing), (output) => {
      // Checked last, so that with async partials every failure is a rejection.
      assertValues(values, this.name);
      if (missing.size > 0) throw missingVariablesError(missing);
      return output;
    });
    return output as FormatResult<O, Async>;
  }

  /** @internal Formats inside an enclosing prompt's variables (nested prompts), collecting what is missing. */
  [formatInScope](scope: Scope, missing: MissingVariables): MaybePromise<O> {
    return thenMaybe(resolvePartials(this.partialValues, scope), (resolved) => this.render(resolved, missing));
  }

  doStream(input: StreamInput<Vars>, _ctx: RunContext): Observable<O> {
    return onWholeInput(input, this.name, (values) => {
      const output: MaybePromise<O> = this.format(values);
      return isPromiseLike(output) ? from(output) : of(output);
    });
  }
}

function assertValues(values: unknown, name: string): void {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    const got = values === null ? 'null' : Array.isArray(values) ? 'an array' : typeof values;
    throw new InputError(`"${name}" expects an object of variable values, got ${got}`);
  }
}
