import type { MaybePromise } from '../partials/maybe-promise.js';
import type { MissingVariables, Scope } from '../render/values.js';

/**
 * How a prompt formats inside another one (a template in a chat message, a
 * chat prompt in a chat prompt): in the outer scope, noting missing variables
 * in the outer list instead of throwing, so one error can name them all.
 * A symbol, so it stays off the public surface.
 */
export const formatInScope: unique symbol = Symbol('rivulet.prompts.formatInScope');

/** Anything that formats with the {@link formatInScope} protocol. */
export interface FormatsInScope<O> {
  [formatInScope](scope: Scope, missing: MissingVariables): MaybePromise<O>;
}
