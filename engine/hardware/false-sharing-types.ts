/**
 * What the false-sharing lab (`false-sharing.ts`) and its worker script
 * (`false-sharing-worker.ts`) say to each other, in a file of its own so that the two
 * import it and not each other.
 */

/** How a worker increments its counter. */
export type IncrementMode = 'atomic' | 'plain';

/** One run: which counter to increment, how often, and how. */
export interface FalseSharingJob {
  buffer: SharedArrayBuffer;
  /** Byte offset of this worker's int32 counter (a multiple of 4). */
  byteOffset: number;
  iterations: number;
  mode: IncrementMode;
  gate: SharedArrayBuffer;
}

/** How long the increments took. */
export interface FalseSharingJobResult {
  elapsedMs: number;
}
