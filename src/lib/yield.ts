/**
 * Start-up work is cut into tasks the browser can paint and take input between (a phone is 4–10× slower than a
 * laptop, and one long task there is a frozen page). `nextTask` yields to the event loop; `whenIdle` waits for an
 * idle period (with a deadline, so it always happens).
 */
export function nextTask(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((r) => setTimeout(r, 0));
}

export function whenIdle(fn: () => void, timeout = 3000): () => void {
  if ('requestIdleCallback' in window) {
    const id = requestIdleCallback(fn, { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 500);
  return () => clearTimeout(id);
}

/**
 * Runs `fn` in the task after the next frame has been drawn, so work queued now lands after the DOM changes already
 * made are on screen, not in the same frame. Returns a cancel function.
 */
export function afterNextPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(fn, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
