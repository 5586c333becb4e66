import { hasMarker } from './has-marker.js';
import { RivuletError, type RivuletErrorOptions } from './rivulet-error.js';

const marker = Symbol.for('rivulet.error.output-parser');

/** Options of an {@link OutputParserError}. */
export interface OutputParserErrorOptions extends RivuletErrorOptions {
  /** The raw model output read so far. */
  readonly text: string;
  /** Offset in `text` where parsing failed, when known. */
  readonly position?: number | undefined;
  /** Schema validation issues (zod issues), when validation failed. */
  readonly issues?: readonly unknown[] | undefined;
}

/** A model's output could not be parsed or failed validation. Nothing is lost: `.text` holds the raw output. */
export class OutputParserError extends RivuletError {
  private readonly [marker] = true;
  readonly text: string;
  readonly position: number | undefined;
  readonly issues: readonly unknown[];

  constructor(message: string, options: OutputParserErrorOptions) {
    super(message, options);
    this.name = 'OutputParserError';
    this.text = options.text;
    this.position = options.position;
    this.issues = options.issues ?? [];
  }

  static override isInstance(error: unknown): error is OutputParserError {
    return hasMarker(error, marker);
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      text: this.text,
      ...(this.position !== undefined && { position: this.position }),
      ...(this.issues.length > 0 && { issues: this.issues }),
    };
  }
}
