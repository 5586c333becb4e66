import { hexDigit, isHighSurrogate, simpleEscape } from './escapes.js';
import { JsonLocator } from './json-locator.js';
import { ParseFailure } from './parse-failure.js';
import type { JsonTreeBuilder } from './json-tree-builder.js';
import { NUMBER_START, isCompleteNumber, numberStep } from './number-grammar.js';

// What the tokenizer is in the middle of.
const SEARCH = 0; // before the JSON (prose, fences)
const BETWEEN = 1; // between tokens
const STRING = 2;
const ESCAPE = 3; // after a backslash
const UNICODE = 4; // inside \uXXXX
const NUMBER = 5;
const LITERAL = 6;
const DONE = 7; // the top-level value is complete; the rest is ignored

const LITERALS: Record<number, readonly [string, boolean | null]> = { 116: ['true', true], 102: ['false', false], 110: ['null', null] };

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * The lexical half of the JSON engine. A push-based state machine: it resumes
 * wherever the previous chunk stopped (mid-string, mid-escape, mid-number), so
 * each character is examined a bounded number of times over the whole stream.
 * String runs are copied with one `slice` each; numbers and literals reach the
 * builder only once complete, string text once per push and never half decoded.
 */
export class JsonTokenizer {
  private mode = SEARCH;
  private offset = 0; // of the current chunk in the whole text
  private readonly locator = new JsonLocator();
  private tentative = false; // the current scalar may still turn out to be prose
  private isKey = false;
  private text = ''; // string text not yet handed to the builder
  private hex = 0;
  private hexCount = 0;
  private numState = NUMBER_START;
  private numText = '';
  private numStart = 0;
  private literal: readonly [string, boolean | null] = ['', null];
  private literalIndex = 0;

  constructor(private readonly builder: JsonTreeBuilder) {}

  /** Reads one chunk. */
  push(chunk: string): void {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      switch (this.mode) {
        case SEARCH: {
          const start = this.locator.find(chunk, i);
          if (start < 0) i = n;
          else i = this.begin(chunk.charCodeAt(start), start, this.locator.tentative);
          break;
        }
        case BETWEEN:
          i = this.between(chunk, i);
          break;
        case STRING:
          i = this.string(chunk, i);
          break;
        case ESCAPE:
          i = this.escape(chunk, i);
          break;
        case UNICODE:
          i = this.unicode(chunk, i);
          break;
        case NUMBER:
          i = this.number(chunk, i);
          break;
        case LITERAL:
          i = this.literalChars(chunk, i);
          break;
        default:
          i = n;
      }
    }
    if (this.mode >= STRING && this.mode <= UNICODE && !this.isKey) this.flushText();
    this.offset += n;
  }

  /** The input ended: completes a pending top-level number, or fails if the JSON is incomplete. */
  end(): void {
    if (this.mode === NUMBER) this.endNumber(-1, 0);
    if (this.mode === DONE) return;
    const message =
      this.mode === SEARCH
        ? 'No JSON value found in the text'
        : this.mode >= STRING && this.mode <= UNICODE
          ? 'Unterminated string in JSON'
          : 'Unexpected end of JSON input';
    throw new ParseFailure(message, this.offset);
  }

  // Starts the token whose first character `c` is at chunk index `i`.
  private begin(c: number, i: number, tentative: boolean): number {
    const position = this.offset + i;
    if (c === 123 || c === 91) {
      this.mode = BETWEEN;
      return i;
    }
    if (c === 34) {
      this.isKey = this.builder.beginString(position);
      this.mode = STRING;
      return i + 1;
    }
    this.tentative = tentative;
    if (c === 45 || (c >= 48 && c <= 57)) {
      this.builder.checkValue(position);
      this.mode = NUMBER;
      this.numState = NUMBER_START;
      this.numText = '';
      this.numStart = position;
      return i;
    }
    const literal = LITERALS[c];
    if (literal === undefined) {
      const shown = c < 32 ? `\\u${c.toString(16).padStart(4, '0')}` : String.fromCharCode(c);
      throw new ParseFailure(`Unexpected character '${shown}' in JSON`, position);
    }
    this.builder.checkValue(position);
    this.mode = LITERAL;
    this.literal = literal;
    this.literalIndex = 0;
    return i;
  }

  private between(chunk: string, from: number): number {
    const b = this.builder;
    const n = chunk.length;
    for (let i = from; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (isSpace(c)) continue;
      const position = this.offset + i;
      if (c === 44) b.comma(position);
      else if (c === 58) b.colon(position);
      else if (c === 123 || c === 91) b.openContainer(c === 91, position);
      else if (c === 125 || c === 93) b.closeContainer(c === 93, position);
      else return this.begin(c, i, false);
      if (b.done) {
        this.mode = DONE;
        return n;
      }
    }
    return n;
  }

  private string(chunk: string, from: number): number {
    const n = chunk.length;
    let i = from;
    let c = 0;
    while (i < n && (c = chunk.charCodeAt(i)) !== 34 && c !== 92) i++;
    if (i > from) this.text += chunk.slice(from, i);
    if (i === n) return n;
    if (c === 92) {
      this.mode = ESCAPE;
      return i + 1;
    }
    const text = this.text;
    this.text = '';
    if (this.isKey) {
      this.builder.setKey(text);
    } else {
      this.builder.appendString(text);
      this.builder.endString();
    }
    this.mode = this.builder.done ? DONE : BETWEEN;
    return i + 1;
  }

  private escape(chunk: string, i: number): number {
    const c = chunk.charCodeAt(i);
    const decoded = simpleEscape(c);
    if (decoded !== undefined) {
      this.text += decoded;
      this.mode = STRING;
    } else if (c === 117) {
      this.mode = UNICODE;
      this.hex = 0;
      this.hexCount = 0;
    } else {
      throw new ParseFailure(`Invalid escape '\\${chunk[i]}' in JSON string`, this.offset + i - 1);
    }
    return i + 1;
  }

  private unicode(chunk: string, from: number): number {
    const n = chunk.length;
    let i = from;
    for (; i < n && this.hexCount < 4; i++, this.hexCount++) {
      const d = hexDigit(chunk.charCodeAt(i));
      if (d < 0) throw new ParseFailure(`Invalid \\u escape in JSON string`, this.offset + i);
      this.hex = this.hex * 16 + d;
    }
    if (this.hexCount === 4) {
      this.text += String.fromCharCode(this.hex);
      this.mode = STRING;
    }
    return i;
  }

  private number(chunk: string, from: number): number {
    const n = chunk.length;
    let i = from;
    let state = this.numState;
    for (let next: number; i < n && (next = numberStep(state, chunk.charCodeAt(i))) >= 0; i++) state = next;
    this.numState = state;
    if (i > from) this.numText += chunk.slice(from, i);
    return i === n ? n : this.endNumber(chunk.charCodeAt(i), i);
  }

  // The number ended before `next` (-1 at the end of the input), at chunk index `i`.
  private endNumber(next: number, i: number): number {
    const complete = isCompleteNumber(this.numState);
    // A bare top-level number must stand alone ("42", "42\n```"); "1. First" is prose.
    if (this.tentative && (!complete || !(next < 0 || isSpace(next) || next === 96))) return this.toProse(i);
    if (!complete) throw new ParseFailure(`Invalid number '${this.numText}' in JSON`, this.numStart);
    this.builder.scalar(Number(this.numText));
    this.mode = this.builder.done ? DONE : BETWEEN;
    return i;
  }

  private literalChars(chunk: string, from: number): number {
    const [word, value] = this.literal;
    const n = chunk.length;
    let i = from;
    for (; i < n && this.literalIndex < word.length; i++, this.literalIndex++) {
      if (chunk.charCodeAt(i) !== word.charCodeAt(this.literalIndex)) {
        if (this.tentative) return this.toProse(i);
        throw new ParseFailure(`Unexpected character '${chunk[i]}' in JSON, expected '${word}'`, this.offset + i);
      }
    }
    if (this.literalIndex === word.length) {
      this.builder.scalar(value);
      this.mode = this.builder.done ? DONE : BETWEEN;
    }
    return i;
  }

  private toProse(i: number): number {
    this.locator.toProse();
    this.mode = SEARCH;
    return i;
  }

  // Hands the open string's new text to the builder, except a trailing high
  // surrogate, which waits for its partner so no half character is ever shown.
  private flushText(): void {
    const text = this.text;
    if (text === '') return;
    if (isHighSurrogate(text.charCodeAt(text.length - 1))) {
      this.text = text.slice(-1);
      this.builder.appendString(text.slice(0, -1));
    } else {
      this.text = '';
      this.builder.appendString(text);
    }
  }
}
