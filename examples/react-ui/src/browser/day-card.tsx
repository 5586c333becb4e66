import type { PartialValue } from '@rivulet/react';
import { memo, useRef } from 'react';
import type { TripPlan } from '@rivulet/example-web/trip';

/**
 * One day of the plan. Memoised: `useRunnable` hands out a day that did not
 * change as the same object, so only the day being written re-renders. Its
 * render count is shown on the card (`data-renders`) to make that visible.
 */
export const DayCard = memo(function DayCard({ day }: { day: PartialValue<TripPlan['days'][number]> }) {
  const renders = useRef(0);
  renders.current++;
  return (
    <li className="day" data-renders={renders.current}>
      <h3>
        Day {day.day ?? '…'}
        {day.title === undefined ? '' : ` · ${day.title}`}
      </h3>
      <ul>
        {day.activities?.map((activity, i) => (
          <li key={i}>{activity}</li>
        ))}
      </ul>
    </li>
  );
});
