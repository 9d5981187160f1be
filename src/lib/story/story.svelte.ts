/**
 * The reader's position in the story: a step index and a timeline date. Every mode (scroll, presentation, embed)
 * drives this one object; the map, timeline and text all derive from it.
 */
import type { Step } from '../data/schema';
import { clampDay, stepDates, stepIndexForDate } from './time';

export class Story {
  index = $state(0);
  date = $state('');
  readonly steps: Step[];
  readonly dates: string[];

  constructor(steps: Step[], start = 0) {
    this.steps = steps;
    this.dates = stepDates(steps);
    this.index = Math.max(0, Math.min(steps.length - 1, start));
    this.date = this.dates[this.index]!;
  }

  get step(): Step {
    return this.steps[this.index]!;
  }

  get count(): number {
    return this.steps.length;
  }

  /** Go to a step; its full state (including its own date) replaces whatever was shown. */
  goTo(i: number): void {
    const next = Math.max(0, Math.min(this.steps.length - 1, i));
    this.index = next;
    this.date = this.dates[next]!;
  }

  next(): boolean {
    if (this.index >= this.steps.length - 1) return false;
    this.goTo(this.index + 1);
    return true;
  }

  prev(): boolean {
    if (this.index <= 0) return false;
    this.goTo(this.index - 1);
    return true;
  }

  /** Scrub the timeline: the date moves freely and the step follows the date. */
  scrub(day: string): void {
    const d = clampDay(day);
    // A framing step (no date of its own) stays current while the date still equals the date it shows.
    const keep = this.step.date === null && this.dates[this.index] === d;
    if (!keep) this.index = stepIndexForDate(this.steps, d);
    this.date = d;
  }
}
