import { jsonParser, structuredParser } from '@rivulet/parsers';
import { rivuletEngine } from '../parse/rivulet-engine.js';
import { clientContender } from './client-contender.js';
import { pipelineContender } from './pipeline-contender.js';
import type { StructuredContender } from './structured-contender.js';

/** Rivulet's main contender in the wide cases: structured output through the runnable API. */
export const wideRivulet: StructuredContender = pipelineContender('structuredParser(schema)', (schema) => structuredParser(schema));

/** The engine alone, the snapshot runnable without a schema, and the browser client. */
export const wideVariants: readonly StructuredContender[] = [
  { name: 'engine', prepare: async ({ chunks }) => () => rivuletEngine.parseStream(chunks) },
  pipelineContender('jsonParser()', () => jsonParser()),
  clientContender,
];
