/**
 * The order a student sees a question's options in: shuffled, so that the right option's
 * place gives nothing away, but stable for one student and one question, so that a reload
 * or the CLI shows the same order as before. Browser-safe; the site and `ticklab quiz`
 * both use it.
 */
import { mulberry32 } from '../engine/shared/random.ts';

/** FNV-1a over the UTF-16 code units: a 32-bit seed from a string. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A permutation of 0..n-1 for `key` (e.g. "<student>:<quiz>/<question>"): Fisher-Yates on the engine's PRNG. */
export function shuffledOrder(n: number, key: string): number[] {
  const next = mulberry32(hashSeed(key));
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
