// The reader's position (Story, time.ts) and the full view it resolves to (resolveStep), on the real content: the map
// a reader sees at a step must not depend on how they got there, and must show only what had happened by its date.
import { describe, expect, it } from 'vitest';
import { content } from '../../src/lib/data/content';
import { resolveStep, type Viewport } from '../../src/lib/story/resolve';
import { Story } from '../../src/lib/story/story.svelte';
import { stepDates, stepIndexForDate, TIMELINE_START } from '../../src/lib/story/time';

const { steps, events } = content;
const idx = (id: string) => {
  const i = steps.findIndex((s) => s.id === id);
  if (i < 0) throw new Error(`no step ${id}`);
  return i;
};
const last = steps.length - 1;
const VIEWPORTS: Viewport[] = ['wide', 'narrow'];
const fresh = (i: number, vp: Viewport) => structuredClone(resolveStep(content, i, vp));
/** What the map draws for the story's current position, exactly as Stage.svelte asks for it. */
const shown = (s: Story, vp: Viewport) => resolveStep(content, s.index, vp, s.date);

/** mulberry32: a small seeded generator, so the "random" jumps are the same on every run. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

describe('stepDates', () => {
  it('gives the first step, a framing step, the timeline start', () => {
    expect(steps[0]!.date).toBeNull();
    expect(stepDates(steps)[0]).toBe(TIMELINE_START);
  });

  it('gives a later framing step (border-length) the previous step’s date', () => {
    const dates = stepDates(steps);
    expect(dates[idx('border-length')]).toBe(dates[idx('border-length') - 1]);
  });

  it('dates a range step at its end, so all of its events show', () => {
    expect(stepDates(steps)[idx('strikes-september')]).toBe('2022-09-29');
  });
});

describe('stepIndexForDate', () => {
  it('finds the last dated step that has started', () => {
    expect(stepIndexForDate(steps, '2022-11-01')).toBe(idx('strikes-september'));
  });

  it('finds a step on its own start day', () => {
    expect(stepIndexForDate(steps, '2022-11-14')).toBe(idx('strikes-november'));
  });

  it('falls back to the first step before any dated step', () => {
    expect(stepIndexForDate(steps, '2022-01-01')).toBe(0);
  });
});

describe('resolveStep gives the same full view however the reader arrives', () => {
  it.each(VIEWPORTS)('stepping forward (%s)', (vp) => {
    const s = new Story(steps);
    for (let i = 0; i <= last; i++, s.next()) expect(shown(s, vp), steps[i]!.id).toEqual(fresh(i, vp));
  });

  it.each(VIEWPORTS)('stepping backward (%s)', (vp) => {
    const s = new Story(steps, last);
    for (let i = last; i >= 0; i--, s.prev()) expect(shown(s, vp), steps[i]!.id).toEqual(fresh(i, vp));
  });

  it.each(VIEWPORTS)('jumping in a seeded random order, with timeline drags in between (%s)', (vp) => {
    const rand = seeded(20220928);
    const s = new Story(steps);
    for (let n = 0; n < 200; n++) {
      if (rand() < 0.3) s.scrub(`2023-0${1 + Math.floor(rand() * 9)}-15`);
      const i = Math.floor(rand() * steps.length);
      s.goTo(i);
      expect(shown(s, vp), `jump ${n} to ${steps[i]!.id}`).toEqual(fresh(i, vp));
    }
  });
});

describe('resolveStep on the real steps', () => {
  it.each(steps.map((s, i) => [s.id, i] as const))('%s uses its own wide and narrow cameras', (_, i) => {
    expect(resolveStep(content, i, 'wide').camera).toEqual(steps[i]!.camera.wide);
    expect(resolveStep(content, i, 'narrow').camera).toEqual(steps[i]!.camera.narrow);
  });

  it('shows the September strikes as past and the November strikes as current at strikes-november', () => {
    const view = resolveStep(content, idx('strikes-november'), 'wide');
    const strikes = events.filter((e) => e.kind === 'strike');
    const expected = strikes.map((e) => ({ id: e.id, placeId: e.placeId, state: e.date.start.startsWith('2022-11') ? 'current' : 'past' }));
    expect(view.events).toEqual(expect.arrayContaining(expected));
    expect(view.events).toHaveLength(expected.length);
  });

  it('shows no strike at amini-protests, before the campaign began', () => {
    const view = resolveStep(content, idx('amini-protests'), 'wide');
    const strikeIds = new Set(events.filter((e) => e.kind === 'strike').map((e) => e.id));
    expect(view.events.filter((v) => strikeIds.has(v.id))).toEqual([]);
  });

  it('shows only the strikes that had started by a date dragged to between steps', () => {
    const day = '2022-11-18';
    const view = resolveStep(content, stepIndexForDate(steps, day), 'wide', day);
    const started = events.filter((e) => e.kind === 'strike' && e.date.start <= day).map((e) => e.id);
    expect(view.events.map((v) => v.id).sort()).toEqual(started.sort());
  });

  it.each(steps.map((s, i) => [s.id, i] as const))('%s has a legend entry for each map layer it shows, and no other', (_, i) => {
    const view = resolveStep(content, i, 'wide');
    const pairs = [['border', 'border'], ['border-kri', 'border-kri'], ['border-scales', 'border-scales'], ['kri', 'kri'], ['kri-governorates', 'kri-governorates'], ['ir-provinces', 'ir-provinces'], ['crossings', 'crossing']] as const;
    for (const [layer, key] of pairs) expect(view.legend.includes(key), key).toBe(view.layers.includes(layer));
  });

  it('explains the three border scales, and no strikes, at border-length', () => {
    const { legend } = resolveStep(content, idx('border-length'), 'wide');
    expect(legend).toContain('border-scales');
    expect(legend).not.toContain('strike');
    expect(legend).not.toContain('strike-earlier');
  });
});

describe('Story', () => {
  it('clamps goTo to the first and last step', () => {
    const s = new Story(steps);
    s.goTo(-5);
    expect(s.index).toBe(0);
    s.goTo(999);
    expect(s.index).toBe(last);
  });

  it('refuses to go past the last step', () => {
    const s = new Story(steps, last);
    expect(s.next()).toBe(false);
    expect(s.index).toBe(last);
  });

  it('refuses to go before the first step', () => {
    const s = new Story(steps);
    expect(s.prev()).toBe(false);
    expect(s.index).toBe(0);
  });

  it('replaces a dragged date with the step’s own date on goTo', () => {
    const s = new Story(steps);
    s.scrub('2023-05-01');
    s.goTo(idx('strikes-november'));
    expect(s.date).toBe(stepDates(steps)[idx('strikes-november')]);
  });

  it('moves to the step whose date has started when the timeline is dragged', () => {
    const s = new Story(steps);
    s.scrub('2022-11-18');
    expect([s.step.id, s.date]).toEqual(['strikes-november', '2022-11-18']);
  });

  it('keeps a framing step while the dragged date still equals its date', () => {
    const s = new Story(steps, idx('border-length'));
    s.scrub(s.date);
    expect(s.step.id).toBe('border-length');
  });
});
