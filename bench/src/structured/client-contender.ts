import { fakeRunnable } from '@rivulet/core/testing';
import { structuredParser } from '@rivulet/parsers';
import { readRunStream, type RunStreamItem } from '@rivulet/server/client';
import { servedBody } from './served-body.js';
import type { StructuredContender } from './structured-contender.js';

/**
 * The browser client rebuilding the value from the served patch stream. The
 * server's response to `fakeRunnable(chunks).pipe(structuredParser(schema))` is
 * produced once, unmeasured; a run feeds that text to `readRunStream` and
 * iterates every item (each applies its patch to the previous snapshot).
 */
export const clientContender: StructuredContender = {
  name: 'client',
  async prepare({ chunks, schema }) {
    const body = await servedBody(fakeRunnable(chunks).pipe(structuredParser(schema)));
    return async () => {
      let last: RunStreamItem | undefined;
      for await (const item of readRunStream(new Response(body, { headers: { 'content-type': 'text/event-stream' } }))) last = item;
      // A server sending whole values as `data` events would end with the value too, but measure something else.
      if (last?.type !== 'snapshot') throw new Error('client: the server did not send a patch stream');
      return last.value;
    };
  },
};
