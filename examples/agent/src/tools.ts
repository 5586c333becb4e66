import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { tool } from '@rivulet/models';

/** Readings the offline tools answer from. */
const forecasts: Record<string, { sky: string; highC: number; windMs: number }> = {
  Kongsvinger: { sky: 'light rain until 10:00, then cloudy', highC: 14, windMs: 4 },
  Elverum: { sky: 'sunny', highC: 16, windMs: 3 },
};

/**
 * The weather tomorrow in a place. It stands for a slow web API (300 ms);
 * `ctx.signal` aborts when the agent's run is cancelled, so the wait ends too.
 */
export const weather = tool({
  name: 'weather',
  description: "Tomorrow's weather in a Norwegian town: sky, high temperature in °C, wind in m/s.",
  schema: z.object({ place: z.string().describe('The town, e.g. Elverum') }),
  execute: async ({ place }, ctx) => {
    await sleep(300, undefined, { signal: ctx?.signal });
    const forecast = forecasts[place];
    if (forecast === undefined) throw new Error(`no forecast for ${place}`); // the model gets this as an error result
    return { place, ...forecast };
  },
});

/** The water flow of a river at a gauging station, in m³/s, and what it means for paddlers. */
export const riverFlow = tool({
  name: 'river_flow',
  description: 'The current flow of a river at a gauging station, in m³/s, with its normal range.',
  schema: z.object({ river: z.string(), station: z.string() }),
  execute: async ({ river, station }, ctx) => {
    await sleep(200, undefined, { signal: ctx?.signal });
    return { river, station, flowM3s: 610, normalRangeM3s: [400, 900], note: 'normal for the season' };
  },
});
