import { InputError } from '@rivulet/core';
import type { TemplateFormat } from '../types/template-format.js';
import { parseFString } from './parse-fstring.js';
import { parseMustache } from './parse-mustache.js';
import type { ParsedTemplate } from './template-node.js';

/** Parses `source` in the given format; see `parseFString` and `parseMustache`. */
export function parseTemplate(source: string, format: TemplateFormat = 'fstring'): ParsedTemplate {
  if (typeof source !== 'string') {
    throw new InputError(`A prompt template must be a string, got ${source === null ? 'null' : typeof source}`);
  }
  if (format === 'mustache') return parseMustache(source);
  if (format === 'fstring') return parseFString(source);
  throw new InputError(`Unknown template format ${JSON.stringify(format)} (expected "fstring" or "mustache")`);
}
