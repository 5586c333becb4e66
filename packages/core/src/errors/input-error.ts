import { hasMarker } from './has-marker.js';
import { RivuletError, type RivuletErrorOptions } from './rivulet-error.js';

const marker = Symbol.for('rivulet.error.input');

/** Options of an {@link InputError}. */
export interface InputErrorOptions extends RivuletErrorOptions {
  /** The variables that were missing or wrong, by name. */
  readonly variables?: readonly string[] | undefined;
  /** Position in a template or document the error points at (0-based). */
  readonly position?: number | undefined;
  /** Validation issues, for example from a zod input schema. */
  readonly issues?: readonly unknown[] | undefined;
}

/** The input was unusable: a missing prompt variable, a malformed template, a value failing a schema. */
export class InputError extends RivuletError {
  private readonly [marker] = true;
  readonly variables: readonly string[];
  readonly position: number | undefined;
  readonly issues: readonly unknown[];

  constructor(message: string, options: InputErrorOptions = {}) {
    super(message, options);
    this.name = 'InputError';
    this.variables = options.variables ?? [];
    this.position = options.position;
    this.issues = options.issues ?? [];
  }

  static override isInstance(error: unknown): error is InputError {
    return hasMarker(error, marker);
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      ...(this.variables.length > 0 && { variables: this.variables }),
      ...(this.position !== undefined && { position: this.position }),
      ...(this.issues.length > 0 && { issues: this.issues }),
    };
  }
}
