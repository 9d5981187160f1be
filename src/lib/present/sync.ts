/**
 * Keeps the audience window and the speaker-notes window on the same step. BroadcastChannel reaches every window
 * of this site in the same browser; where it is missing or refused (old browsers, sandboxed frames) presenting
 * still works, only without the second window following.
 */
const CHANNEL = 'iran-iraq-border-present';

export interface StepMessage {
  type: 'step';
  id: string;
}

export function isStepMessage(x: unknown): x is StepMessage {
  return typeof x === 'object' && x !== null && (x as StepMessage).type === 'step' && typeof (x as StepMessage).id === 'string' && (x as StepMessage).id.length < 100;
}

export interface PresentSync {
  post: (id: string) => void;
  close: () => void;
}

export function presentSync(onStep: (id: string) => void): PresentSync {
  let channel: BroadcastChannel | null = null;
  try {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (e: MessageEvent) => {
      if (isStepMessage(e.data)) onStep(e.data.id);
    };
  } catch {
    channel = null;
  }
  return {
    post: (id) => {
      try {
        channel?.postMessage({ type: 'step', id } satisfies StepMessage);
      } catch {
        /* a closed or refused channel only stops the notes window from following */
      }
    },
    close: () => channel?.close(),
  };
}
