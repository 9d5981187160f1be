/**
 * Dates in the story are calendar days (ISO "YYYY-MM-DD"), compared as strings and turned into UTC midnights only
 * for the d3 time scale, so no reader's time zone can move an event to another day.
 */
import type { Step } from '../data/schema';

/** The timeline runs from the September 2022 protests to the end of 2025, after the August 2025 memorandum. */
export const TIMELINE_START = '2022-09-01';
export const TIMELINE_END = '2025-12-31';

export function toUtc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function toDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function clampDay(day: string): string {
  return day < TIMELINE_START ? TIMELINE_START : day > TIMELINE_END ? TIMELINE_END : day;
}

/**
 * The timeline date of each step: the end of its date range (so a range step shows all its events), or, for framing
 * steps without a date, the previous step's date (the timeline's start for the first).
 */
export function stepDates(steps: Step[]): string[] {
  let prev = TIMELINE_START;
  return steps.map((s) => (prev = s.date ? clampDay(s.date.end ?? s.date.start) : prev));
}

/**
 * The step a timeline date belongs to: the last dated step that has started by that date, or the first step when
 * the date is before every dated step. Framing steps are reached by stepping, not by dragging.
 */
export function stepIndexForDate(steps: Step[], day: string): number {
  let found = 0;
  steps.forEach((s, i) => {
    if (s.date && s.date.start <= day) found = i;
  });
  return found;
}
