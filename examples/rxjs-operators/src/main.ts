/**
 * RxJS interop: every `stream()` is an Observable, and a runnable can be an
 * operator.
 * 1. `switchMap`: a new input cancels the run of the old one, all the way down
 *    to the HTTP request (the mock server sees the first request closed early);
 *    `throttleTime` limits how often partial objects reach the screen.
 * 2. `asOperator()`: a parser dropped into any RxJS pipeline, here over a
 *    feed of JSON text arriving in pieces.
 *
 * Offline by default (the embedded mock OpenAI server); a real endpoint with
 * OPENAI_API_KEY (and optionally OPENAI_BASE_URL, RIVULET_MODEL).
 *
 *   pnpm --filter @rivulet/example-rxjs-operators start
 */
import { asyncScheduler, concatMap, delay, from, lastValueFrom, map, of, Subject, switchMap, tap, throttleTime } from 'rxjs';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { OpenAIChatModel } from '@rivulet/openai';
import { startMockOpenAIServer } from '@rivulet/openai/testing';
import { elementsParser, structuredParser } from '@rivulet/parsers';
import { chatPrompt } from '@rivulet/prompts';

const CityGuide = z.object({ city: z.string(), tagline: z.string(), sights: z.array(z.string()) });

const guides: Record<string, z.output<typeof CityGuide>> = {
  Lisbon: { city: 'Lisbon', tagline: 'Seven hills, one river, endless light.', sights: ['Alfama', 'Belém Tower', 'LX Factory', 'Miradouro da Graça'] },
  Porto: { city: 'Porto', tagline: 'Bridges, port wine and tiled façades.', sights: ['Ribeira', 'Dom Luís I Bridge', 'Livraria Lello'] },
};

const online = Boolean(process.env['OPENAI_API_KEY'] || process.env['OPENAI_BASE_URL']);
const mock = online
  ? undefined
  : await startMockOpenAIServer((request) => ({
      text: JSON.stringify(request.rawBody.includes('Porto') ? guides['Porto'] : guides['Lisbon']),
      chunkSize: 4,
      delayMs: 20, // slow enough that the first run is still streaming when the second input arrives
    }));
const model = new OpenAIChatModel({
  model: process.env['RIVULET_MODEL'] ?? 'gpt-4o-mini',
  responseFormat: { type: 'json' },
  ...(mock && { apiKey: 'mock-key', baseURL: mock.url }),
});

const chain = chatPrompt([
  ['system', 'Reply with JSON only: {{"city": string, "tagline": string, "sights": string[]}}.'],
  ['human', 'A short guide to {city}.'],
])
  .pipe(model)
  .pipe(structuredParser(CityGuide));

try {
  // 1. The user types a city, then changes their mind 300 ms later.
  console.log('1. switchMap + throttleTime\n');
  const cities = new Subject<string>();
  const shown = lastValueFrom(
    cities.pipe(
      // Each new city unsubscribes from the previous run: its HTTP request is aborted.
      switchMap((city) =>
        chain.stream({ city }).pipe(
          // At most one partial object every 100 ms; `trailing` keeps the last (complete) one.
          throttleTime(100, asyncScheduler, { leading: true, trailing: true }),
          map((partial) => ({ city, partial })),
        ),
      ),
      tap(({ city, partial }) => console.log(`  [${city}] ${JSON.stringify(partial)}`)),
    ),
    { defaultValue: undefined },
  );
  cities.next('Lisbon');
  await sleep(300);
  cities.next('Porto');
  cities.complete();
  const final = await shown;
  console.log(`\n  Shown last: ${final?.partial.tagline}`);

  if (mock) {
    const [first, second] = mock.requests;
    console.log(`  The mock saw ${mock.requests.length} requests: the first ${first?.closedEarly ? 'closed early by the client' : 'finished'}, after ${first?.eventsSent} events; the second ${second?.outcome}.\n`);
  }

  // 2. A parser as an RxJS operator over any source of text, such as a socket.
  console.log('2. asOperator: a parser inside a plain RxJS pipeline\n');
  const feed = from(['{"sights": [{"name": "Alf', 'ama", "km": 1.2}, {"na', 'me": "Belém", "km"', ': 7.5}, {"name": "Sintra", "km": 2', '8}]}']).pipe(
    concatMap((piece) => of(piece).pipe(delay(40))),
  );
  const Sight = z.object({ name: z.string(), km: z.number() });
  await lastValueFrom(
    feed.pipe(
      elementsParser(Sight, { path: '/sights' }).asOperator(), // one run over the whole feed: one value per element
      tap((sight) => console.log(`  ${sight.name}, ${sight.km} km from the centre`)),
    ),
    { defaultValue: undefined },
  );
} finally {
  await mock?.close();
}
