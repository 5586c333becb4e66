import type { TripPlan } from './trip-plan.js';

const themes = ['Old town and markets', 'Museums and gardens', 'Along the water', 'Food tour', 'Day trip out of town', 'Hills and viewpoints', 'Slow day, local cafés'];
const mornings = ['Coffee and a pastry at a corner café', 'An early walk before the crowds', 'The covered market at opening time'];
const evenings = ['Dinner where the locals queue', 'Sunset from the highest viewpoint', 'Live music in a small bar'];

/** A plausible plan, what the offline mock model "writes" for `destination`. */
export function samplePlan(destination: string, days: number): TripPlan {
  return {
    destination,
    summary: `${days} unhurried day${days === 1 ? '' : 's'} in ${destination}: one neighbourhood at a time, good food, and time to wander.`,
    days: Array.from({ length: days }, (_, i) => ({
      day: i + 1,
      title: themes[i % themes.length] as string,
      activities: [mornings[i % mornings.length] as string, `Afternoon: ${(themes[(i + 2) % themes.length] as string).toLowerCase()}`, evenings[i % evenings.length] as string],
    })),
  };
}

/** Reads `Plan a 3-day trip to Lisbon.` back into its variables. */
export function readTripRequest(text: string): { destination: string; days: number } {
  const match = /(\d+)-day trip to (.+?)\.?$/m.exec(text);
  return { destination: match?.[2] ?? 'Lisbon', days: Math.min(7, Number(match?.[1] ?? 3)) };
}
