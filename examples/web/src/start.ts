// `pnpm start`: one full round trip (page, script, a streamed plan through RemoteRunnable), then exit.
import { RemoteRunnable } from '@rivulet/server';
import { startWebApp } from './app.js';
import type { PartialTripPlan, TripPlan } from './trip-plan.js';

const app = await startWebApp({ apiKey: process.env.OPENAI_API_KEY, delayMs: 2 });
try {
  const page = await fetch(app.url);
  const script = await fetch(new URL('trip-page.js', app.url));
  console.log(`page ${page.status} (${(await page.text()).length} bytes), script ${script.status} (${(await script.text()).length} bytes)`);

  const trip = new RemoteRunnable<{ destination: string; days: number }, TripPlan, PartialTripPlan>({ url: new URL('api/trip', app.url) });
  let days = 0;
  let last: PartialTripPlan | undefined;
  for await (const plan of trip.stream({ destination: 'Lisbon', days: 3 })) {
    last = plan;
    const count = plan.days?.length ?? 0;
    if (count > days) console.log(`day ${(days = count)} appeared`);
  }
  console.log(`${last?.destination}: ${last?.summary}`);
  for (const day of last?.days ?? []) console.log(`  day ${day.day}: ${day.title} (${day.activities?.length} activities)`);
} finally {
  await app.close();
}
