import type { PartialTripPlan, TripDay } from '../trip-plan.js';
import { createDay, fillDay } from './render-day.js';

/**
 * Renders plan snapshots into the page. Snapshots share every unchanged
 * subtree with the previous one, so a day whose object is the same as last
 * time is left alone: each snapshot touches only the day being written.
 */
export class PlanView {
  #days: (Partial<TripDay> | undefined)[] = [];
  #updates = 0;
  #snapshots = 0;

  constructor(private readonly root: { destination: HTMLElement; summary: HTMLElement; days: HTMLOListElement; renders: HTMLElement }) {}

  clear(): void {
    this.#days = [];
    this.#updates = 0;
    this.#snapshots = 0;
    this.root.destination.textContent = '';
    this.root.summary.textContent = '';
    this.root.days.replaceChildren();
    this.root.renders.textContent = '';
  }

  render(plan: PartialTripPlan): void {
    this.#snapshots++;
    this.root.destination.textContent = plan.destination ?? '';
    this.root.summary.textContent = plan.summary ?? '';
    (plan.days ?? []).forEach((day, i) => {
      if (this.#days[i] === day) return; // unchanged: same object as in the last snapshot
      this.#days[i] = day;
      this.#updates++;
      const item = (this.root.days.children[i] as HTMLLIElement | undefined) ?? this.root.days.appendChild(createDay());
      fillDay(item, day);
    });
    this.root.renders.textContent = `${this.#snapshots} snapshots, ${this.#updates} day updates`;
  }
}
