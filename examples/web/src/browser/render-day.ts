import type { TripDay } from '../trip-plan.js';

/** An empty list item for a day; it is filled, and refilled as the day grows, by {@link fillDay}. */
export function createDay(): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'day';
  item.append(document.createElement('h3'), document.createElement('ul'));
  return item;
}

/**
 * Brings a day's item up to date in place (replacing it would restart its
 * entrance animation on every snapshot): the title, then the activities,
 * touching only entries whose text changed.
 */
export function fillDay(item: HTMLLIElement, day: Partial<TripDay>): void {
  const [title, list] = item.children as unknown as [HTMLHeadingElement, HTMLUListElement];
  title.textContent = `Day ${day.day ?? '…'}${day.title === undefined ? '' : ` · ${day.title}`}`;
  (day.activities ?? []).forEach((activity, i) => {
    const entry = list.children[i] ?? list.appendChild(document.createElement('li'));
    if (entry.textContent !== activity) entry.textContent = activity;
  });
}
