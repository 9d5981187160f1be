// Presentation keys: a clicker's PageDown/PageUp, arrows that follow the reading direction, number keys and F by
// physical key (any keyboard layout), and "?" for the list of keys, as typed on Latin and Arabic-script layouts.
import { describe, expect, it } from 'vitest';
import { keyAction } from '../../src/lib/present/keys';

describe('keyAction', () => {
  it('steps with a clicker’s keys and Space', () => {
    expect(keyAction('PageDown', false)).toEqual({ kind: 'next' });
    expect(keyAction(' ', false)).toEqual({ kind: 'next' });
    expect(keyAction('PageUp', true)).toEqual({ kind: 'prev' });
  });

  it('steps with Down and Up as slide software does, in either direction of writing', () => {
    for (const rtl of [false, true]) {
      expect(keyAction('ArrowDown', rtl)).toEqual({ kind: 'next' });
      expect(keyAction('ArrowUp', rtl)).toEqual({ kind: 'prev' });
    }
  });

  it('follows the reading direction with the arrows', () => {
    expect(keyAction('ArrowRight', false)).toEqual({ kind: 'next' });
    expect(keyAction('ArrowLeft', true)).toEqual({ kind: 'next' });
    expect(keyAction('ArrowRight', true)).toEqual({ kind: 'prev' });
  });

  it('reads number keys and F by physical key, whatever the layout types', () => {
    expect(keyAction('۳', true, 'Digit3')).toEqual({ kind: 'goto', index: 2 });
    expect(keyAction('٠', true, 'Digit0')).toEqual({ kind: 'goto', index: 9 });
    expect(keyAction('ب', true, 'KeyF')).toEqual({ kind: 'fullscreen' });
  });

  it('opens the list of keys with "?" on Latin and Arabic-script layouts, and ignores other keys', () => {
    expect(keyAction('?', false, 'Slash')).toEqual({ kind: 'help' });
    expect(keyAction('؟', true, 'Slash')).toEqual({ kind: 'help' });
    expect(keyAction('/', false, 'Slash')).toBeNull();
    expect(keyAction('x', false, 'KeyX')).toBeNull();
  });
});
