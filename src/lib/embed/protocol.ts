/**
 * The embed's conversation with its host page. Outgoing: the content height, in the three formats newsrooms
 * already listen for — Pym.js, Datawrapper, and our own documented JSON (see README "Embedding"). Incoming: only
 * the documented messages are accepted; anything else is ignored without error.
 */

/** Our own message types. */
export const MSG_HEIGHT = 'iran-iraq-border:height';
export const MSG_GOTO = 'iran-iraq-border:goto';
export const MSG_REQUEST_HEIGHT = 'iran-iraq-border:request-height';

export const DEFAULT_EMBED_ID = 'iran-iraq-border';

export interface HeightMessages {
  pym: string | null;
  datawrapper: Record<string, Record<string, number>>;
  own: { type: typeof MSG_HEIGHT; id: string; height: number; step: string };
}

export function heightMessages(height: number, step: string, childId: string | null): HeightMessages {
  const h = Math.ceil(height);
  const id = childId ?? DEFAULT_EMBED_ID;
  return {
    pym: childId ? `pymxPYMx${childId}xPYMxheightxPYMx${h}` : null,
    datawrapper: { 'datawrapper-height': { [id]: h } },
    own: { type: MSG_HEIGHT, id, height: h, step },
  };
}

export type Incoming = { kind: 'width'; width: number } | { kind: 'goto'; step: string } | { kind: 'request-height' };

const STEP_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Parses a message from the host. Returns null for anything not documented (stray, foreign or malformed data). */
export function parseIncoming(data: unknown, childId: string | null): Incoming | null {
  if (typeof data === 'string') {
    if (data.length > 200) return null;
    // Pym.js parent → child: "pymxPYMx<id>xPYMxwidthxPYMx<px>"
    const m = /^pymxPYMx(.+?)xPYMxwidthxPYMx(\d{1,5})$/.exec(data);
    if (m && childId !== null && m[1] === childId) return { kind: 'width', width: Number(m[2]) };
    return null;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const d = data as Record<string, unknown>;
  if (d.type === MSG_GOTO && typeof d.step === 'string' && d.step.length < 100 && STEP_ID.test(d.step)) return { kind: 'goto', step: d.step };
  if (d.type === MSG_REQUEST_HEIGHT) return { kind: 'request-height' };
  return null;
}

/** Posts the height to the host in every supported format. Safe when there is no parent or it refuses. */
export function postHeight(height: number, step: string, childId: string | null, target: Window | null = window.parent): void {
  if (!target || target === window) return;
  const m = heightMessages(height, step, childId);
  try {
    if (m.pym) target.postMessage(m.pym, '*');
    target.postMessage(m.datawrapper, '*');
    target.postMessage(m.own, '*');
  } catch {
    /* a detached or hostile parent: nothing to resize */
  }
}
