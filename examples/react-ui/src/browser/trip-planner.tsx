import { useRunnable } from '@rivulet/react';
import { useState } from 'react';
import type { TripChain } from '@rivulet/example-web/trip';
import { DayCard } from './day-card.js';
import { useRenderMeter } from './use-render-meter.js';

/**
 * The trip planner: a form, a Stop button, and the plan filling in as the
 * model writes it. `useRunnable<TripChain>` types the input and the plan from
 * the served chain; `trip.value` is the plan so far, `trip.stop()` cancels
 * the run on the server.
 */
export function TripPlanner() {
  const [destination, setDestination] = useState('Lisbon');
  const [days, setDays] = useState(4);
  const trip = useRunnable<TripChain>('/api/trip');
  const meter = useRenderMeter(trip.status === 'streaming');
  const plan = trip.value;
  return (
    <main>
      <h1>Trip planner</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          trip.run({ destination, days: String(days) });
        }}
      >
        <label>
          Destination
          <input id="destination" value={destination} onChange={(event) => setDestination(event.target.value)} required />
        </label>
        <label>
          Days
          <select id="days" value={days} onChange={(event) => setDays(Number(event.target.value))}>
            {[1, 2, 3, 4, 5, 6, 7].map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <button id="plan" type="submit" disabled={trip.status === 'streaming'}>
          Plan my trip
        </button>
        <button id="stop" type="button" onClick={trip.stop} disabled={trip.status !== 'streaming'}>
          Stop
        </button>
      </form>
      <p className="status" data-status={trip.status}>
        {trip.status === 'error' ? `error: ${trip.error?.message}` : trip.status}
      </p>
      {plan !== undefined && (
        <article>
          <h2 id="plan-destination">{plan.destination}</h2>
          <p id="plan-summary">{plan.summary}</p>
          <ol id="plan-days">
            {plan.days?.map((day, i) => <DayCard key={i} day={day} />)}
          </ol>
        </article>
      )}
      <p className="meter" data-renders={meter.renders} data-frames={meter.frames}>
        {trip.status === 'idle' ? '' : `${meter.renders} renders in ${meter.frames} frames`}
      </p>
    </main>
  );
}
