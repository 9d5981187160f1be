/**
 * Presentation keys. Clickers send PageDown/PageUp (some send arrows or Space); number keys jump to a step; F toggles
 * fullscreen; ? shows the keys. In right-to-left languages the arrow that points "forward" is the left one, as on
 * the timeline's slider and the step buttons (their arrows are mirrored); Down/PageDown/Space go forward in every language.
 */
export type PresentAction = { kind: 'next' } | { kind: 'prev' } | { kind: 'first' } | { kind: 'last' } | { kind: 'goto'; index: number } | { kind: 'fullscreen' } | { kind: 'help' };

/**
 * `code` names the physical key, so number keys and F work whatever the keyboard layout types (Persian ۱, Arabic ١,
 * or ب on the F key of a Persian layout).
 */
export function keyAction(key: string, rtl: boolean, code = ''): PresentAction | null {
  const digit = /^(?:Digit|Numpad)(\d)$/.exec(code)?.[1];
  if (digit !== undefined) return { kind: 'goto', index: digit === '0' ? 9 : Number(digit) - 1 };
  if (code === 'KeyF') return { kind: 'fullscreen' };
  switch (key) {
    // Down and Up as in slide software (PowerPoint, Keynote), whatever the writing direction.
    case 'PageDown':
    case 'ArrowDown':
    case ' ':
    case 'Spacebar':
      return { kind: 'next' };
    case 'PageUp':
    case 'ArrowUp':
      return { kind: 'prev' };
    case 'ArrowRight':
      return { kind: rtl ? 'prev' : 'next' };
    case 'ArrowLeft':
      return { kind: rtl ? 'next' : 'prev' };
    case 'Home':
      return { kind: 'first' };
    case 'End':
      return { kind: 'last' };
    case 'f':
    case 'F':
      return { kind: 'fullscreen' };
    // "?" as typed, whatever the layout: Persian and Arabic keyboards type the Arabic question mark.
    case '?':
    case '؟':
      return { kind: 'help' };
  }
  if (/^[0-9]$/.test(key)) return { kind: 'goto', index: key === '0' ? 9 : Number(key) - 1 };
  return null;
}

/** Toggle fullscreen; browsers may refuse (sandboxed iframe, no user gesture): then nothing happens. */
export async function toggleFullscreen(el: HTMLElement = document.documentElement): Promise<void> {
  try {
    if (document.fullscreenElement) await document.exitFullscreen();
    else await el.requestFullscreen?.();
  } catch {
    /* refused: presenting continues in the window */
  }
}
