/**
 * Long tasks while the presentation plays its whole timeline (1280×800, `/?mode=present`): a step every 5 s, each one
 * a camera move, layer changes and new highlights in MapLibre. This is what an audience watches, so any main-thread
 * task over 50 ms is a visible hitch in the animation.
 *
 * The Long Tasks API (PerformanceObserver 'longtask', buffered) is the page's own account of its main thread.
 * Buffered entries from before the play button was pressed (the page load) are reported
 * apart and do not count against the budget. Each task is tagged with the step on screen and the time since that
 * step began, read from the map's data-step attribute through a MutationObserver, so a slow step can be named.
 *
 * The timeline is played twice. The first play-through runs with no instrument but the page's own observer: it is
 * the one the budget is judged on, because readers do not run a profiler. The second runs the V8 profiler
 * (profile.ts), whose samples are cut to the long tasks' windows, and a Chrome trace (trace.ts) to name the native
 * work the profiler can only call "(program)", to say what the tasks are made of. The instruments slow the page:
 * with the remaining tasks at 45–65 ms, their few per cent (and the trace's own buffering) decided whether a frame
 * crossed 50 ms, so a verdict taken from the instrumented run measured the instruments as much as the page.
 */
import type { Browser } from '@playwright/test';
import { freshPage, PRESENT } from './browser';
import { openPresent, progress, waitReady } from './present';
import { startProfiler, stopProfiler, summarise, type ProfileSummary } from './profile';
import type { SourceMaps } from './sourcemap';
import { startTrace, stopTrace, type TraceSummary } from './trace';

export interface LongTask {
  start: number;
  duration: number;
  /** Step shown when the task started, and ms since that step was entered. */
  step: string;
  sinceStep: number;
  attribution: string;
  /** The task's three biggest functions by self time (profiler on), e.g. "clear (native) 23 ms". */
  top?: string[];
  /**
   * What the long animation frame around the task ran (Chromium's LoAF, no profiler needed): each script by invoker,
   * then the rendering step, e.g. "FrameRequestCallback 13 ms (controller-….js); rendering 41 ms".
   */
  frame?: string;
}

export interface LongTasks {
  /** Whether the V8 profiler and a Chrome trace ran during play (attribution), or nothing did (the verdict). */
  profiled: boolean;
  steps: { count: number; from: number; to: number };
  playMs: number;
  /** Tasks during play (counted against the budget). */
  playing: LongTask[];
  /** Buffered tasks from the load before play, for context. */
  beforePlay: LongTask[];
  count: number;
  longest: number;
  over50: number;
  /** Total long-task time per step during play. */
  perStep: Record<string, { tasks: number; totalMs: number; longest: number }>;
  /** Profile of all long tasks during play, and of the longest alone. */
  profile: { all: ProfileSummary; longest: ProfileSummary | null } | null;
  /** Main-thread trace events (self time) inside the long tasks, native work included. */
  trace: TraceSummary | null;
  notes: string[];
  errors: string[];
}

declare global {
  interface Window {
    __bench?: {
      tasks: { start: number; duration: number; attribution: string }[];
      steps: { at: number; id: string }[];
      frames: { start: number; end: number; renderStart: number; scripts: { invoker: string; file: string; duration: number }[] }[];
    };
  }
}

type Frame = NonNullable<Window['__bench']>['frames'][number];

function frameOf(frames: Frame[], t: { start: number; duration: number }): string | undefined {
  // The frame that overlaps the task most (their start times can differ by a few ms).
  const overlap = (x: Frame) => Math.min(x.end, t.start + t.duration) - Math.max(x.start, t.start);
  const f = frames.filter((x) => overlap(x) > 0).sort((a, b) => overlap(b) - overlap(a))[0];
  if (!f) return undefined;
  const scripts = f.scripts.map((x) => `${x.invoker} ${Math.round(x.duration)} ms${x.file ? ` (${x.file})` : ''}`);
  // Rendering (style, layout, paint, and handing the frame to the GPU process) runs from renderStart to the frame's end.
  const rendering = f.renderStart > 0 ? [`rendering ${Math.round(f.end - f.renderStart)} ms`] : [];
  return [...scripts, ...rendering].join('; ');
}

export async function measureLongTasks(browser: Browser, origin: string, maps: SourceMaps, profiled: boolean): Promise<LongTasks> {
  const { context, page, errors } = await freshPage(browser, PRESENT);
  const notes: string[] = [];
  try {
    await openPresent(page, origin);
    const from = await progress(page);
    await page.evaluate(() => {
      const b = (window.__bench = { tasks: [], steps: [], frames: [] } as NonNullable<Window['__bench']>);
      // Long animation frames (Chromium's LoAF): which scripts ran in a long task's frame, and when rendering began.
      type Loaf = PerformanceEntry & { renderStart: number; scripts: { invoker: string; sourceURL: string; duration: number }[] };
      if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame'))
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as Loaf[])
            b.frames.push({
              start: e.startTime,
              end: e.startTime + e.duration,
              renderStart: e.renderStart,
              scripts: (e.scripts ?? []).map((x) => ({ invoker: x.invoker, file: (x.sourceURL ?? '').split('/').pop() ?? '', duration: x.duration })),
            });
        }).observe({ type: 'long-animation-frame' });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          const a = (e as PerformanceEntry & { attribution?: { containerType?: string; containerSrc?: string; name?: string }[] }).attribution?.[0];
          b.tasks.push({ start: e.startTime, duration: e.duration, attribution: [e.name, a?.containerType, a?.containerSrc].filter(Boolean).join(' ') });
        }
      }).observe({ type: 'longtask', buffered: true });
      const map = document.querySelector('[data-testid=map]') as HTMLElement;
      b.steps.push({ at: 0, id: `${map.dataset.step} (load)` });
      new MutationObserver(() => {
        const id = map.dataset.step ?? '';
        if (b.steps[b.steps.length - 1]!.id !== id) b.steps.push({ at: performance.now(), id });
      }).observe(map, { attributes: true, attributeFilter: ['data-step'] });
    });

    const cdp = await context.newCDPSession(page);
    if (profiled) {
      await startProfiler(cdp);
      await startTrace(browser, page);
    }
    const play = page.locator('button.play');
    const t0 = await page.evaluate(() => performance.now());
    await play.click();
    if ((await play.getAttribute('aria-pressed')) !== 'true') notes.push('play button did not turn aria-pressed=true');
    // Play stops by itself at the last step (Timeline.svelte); ~5 s per step.
    await page
      .waitForFunction(
        () => {
          const p = document.querySelector('[role=progressbar]');
          const atEnd = p && p.getAttribute('aria-valuenow') === p.getAttribute('aria-valuemax');
          return atEnd || document.querySelector('button.play')?.getAttribute('aria-pressed') === 'false';
        },
        null,
        { timeout: 120_000, polling: 200 },
      )
      .catch(() => notes.push('the last step was not reached within 120 s'));
    // Let the last step's camera move and render finish, so its tasks are counted too.
    if (!(await waitReady(page))) notes.push('map not ready after the last step');
    await page.waitForTimeout(500);
    const t1 = await page.evaluate(() => performance.now());
    const samples = profiled ? await stopProfiler(cdp) : null;
    const raw = (await page.evaluate(() => window.__bench!))!;
    const playingRaw = raw.tasks.filter((t) => t.start >= t0);
    const trace = profiled
      ? await stopTrace(
          browser,
          cdp,
          playingRaw.map((t) => [t.start, t.start + t.duration]),
        ).catch((e: Error) => {
          notes.push(`trace failed: ${e.message.split('\n')[0]}`);
          return null;
        })
      : null;
    const to = await progress(page);

    const tag = (t: { start: number; duration: number; attribution: string }): LongTask => {
      const step = [...raw.steps].reverse().find((s) => s.at <= t.start) ?? raw.steps[0]!;
      return {
        start: Math.round(t.start),
        duration: Math.round(t.duration),
        step: step.id,
        sinceStep: Math.round(t.start - step.at),
        attribution: t.attribution,
        frame: frameOf(raw.frames, t),
      };
    };
    const playing = playingRaw.map(tag);
    if (playing.length && !playing.some((t) => t.frame)) notes.push(`no long-animation-frame entry matched a long task (${raw.frames.length} recorded)`);
    const beforePlay = raw.tasks.filter((t) => t.start < t0).map(tag);
    const perStep: LongTasks['perStep'] = {};
    for (const t of playing) {
      const s = (perStep[t.step] ??= { tasks: 0, totalMs: 0, longest: 0 });
      s.tasks++;
      s.totalMs += t.duration;
      s.longest = Math.max(s.longest, t.duration);
    }
    const longestTask = [...playing].sort((a, b) => b.duration - a.duration)[0];
    const windows = playing.map((t) => [t.start, t.start + t.duration] as [number, number]);
    if (samples)
      for (const t of playing)
        t.top = summarise(samples, maps, [[t.start, t.start + t.duration]]).self.slice(0, 3).map((h) => `${h.where.split(' — ')[0]} ${Math.round(h.ms)} ms`);
    const profile =
      samples && windows.length
      ? {
          all: summarise(samples, maps, windows),
          longest: longestTask ? summarise(samples, maps, [[longestTask.start, longestTask.start + longestTask.duration]]) : null,
        }
      : null;
    return {
      profiled,
      steps: { count: to.count, from: from.index + 1, to: to.index + 1 },
      playMs: Math.round(t1 - t0),
      playing,
      beforePlay,
      count: playing.length,
      longest: playing.reduce((m, t) => Math.max(m, t.duration), 0),
      over50: playing.filter((t) => t.duration > 50).length,
      perStep,
      profile,
      trace,
      notes,
      errors,
    };
  } finally {
    await context.close();
  }
}
