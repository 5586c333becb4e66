import type { TripPlan } from './trip-plan.js';

const themes = ['Old streets and a market', 'A museum, then a garden', 'By the water', 'Eating your way across town', 'A day out of the city', 'Up to the viewpoints', 'Nowhere to be'];

/** The plan the offline mock model writes for a trip: plausible, and the same every time. */
export function samplePlan(destination: string, days: number): TripPlan {
  return {
    destination,
    summary: `${days} day${days === 1 ? '' : 's'} in ${destination}, one neighbourhood at a time, with long lunches and time to get lost.`,
    days: Array.from({ length: days }, (_, i) => {
      const theme = themes[i % themes.length] as string;
      return { day: i + 1, title: theme, activities: [`Morning: ${theme.toLowerCase()}`, 'Lunch where the queue is local', `Evening walk, stop ${i + 1}`] };
    }),
  };
}

/** The destination and number of days of a prompt such as `Plan a 3-day trip to Lisbon.` */
export function askedTrip(prompt: string): { destination: string; days: number } {
  const match = /(\d+)-day trip to (.+?)\.?$/m.exec(prompt);
  return { destination: match?.[2] ?? 'Lisbon', days: Math.min(7, Number(match?.[1] ?? 3)) };
}
