/**
 * What the progress store tells the page: notices for the student about their saved
 * progress (a `ticklab:notice` event, which the layout shows; each said once per visit),
 * and changes of progress, announced to this tab's listeners and to other tabs
 * (BroadcastChannel), so that lists and outlines follow a run or an import anywhere.
 */

const noticed = new Set<string>();

/** Tells the student something about their saved progress, once per visit. */
export function notify(message: string): void {
  if (noticed.has(message)) return;
  noticed.add(message);
  if (typeof globalThis.dispatchEvent === 'function' && typeof CustomEvent === 'function') {
    globalThis.dispatchEvent(new CustomEvent('ticklab:notice', { detail: { message, source: 'progress' } }));
  }
}

/** The notice for a stored entry that cannot be read (damaged, or another version's): skipped, never fatal. */
export function skippedNotice(what: string): void {
  notify(`Saved progress for ${what} could not be read (damaged, or written by another version of TickLab), so it was skipped; the rest of your progress is fine.`);
}

const listeners = new Set<() => void>();
let channel: BroadcastChannel | undefined;

function broadcastChannel(): BroadcastChannel | undefined {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel('ticklab-progress');
  channel.onmessage = () => listeners.forEach((l) => l());
  return channel;
}

/** Announces a change of progress here and to other tabs; a failing listener does not stop the others. */
export function changed(): void {
  for (const listener of listeners) {
    try {
      listener();
    } catch (error) {
      console.error(error);
    }
  }
  broadcastChannel()?.postMessage('changed');
}

/** Calls `listener` on any change of progress, in this tab or another; returns a function that stops it. */
export function onProgress(listener: () => void): () => void {
  listeners.add(listener);
  broadcastChannel();
  return () => listeners.delete(listener);
}
