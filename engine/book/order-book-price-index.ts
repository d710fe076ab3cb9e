/**
 * An open-addressing hash table from an integer key (|key| ≤ 2^53 - 1) to a non-negative
 * int32 value, on typed arrays: the order book's price → level-slot index. A `Map` did
 * the same job but allocated as levels came and went (its deletions leave holes that a
 * rehash later reclaims, on the heap); this table allocates only when it grows.
 *
 * Layout: `keys` (Float64Array) and `vals` (Int32Array, -1 = empty) of a power-of-two
 * capacity, linear probing, kept at most half full. Deletion shifts the following entries
 * of the probe run back instead of leaving tombstones, so lookups never slow down with
 * churn. All operations are O(1) expected.
 */

const EMPTY = -1;

/** Mixes an integer key (up to 2^53 in magnitude, either sign) into 32 bits. */
function hash(key: number): number {
  const a = key < 0 ? -key : key;
  const lo = a >>> 0; // ToUint32 is the low 32 bits of an integer
  const hi = (a / 4294967296) >>> 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1) ^ (key < 0 ? 0x5bd1e995 : 0), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Integer key → non-negative int32 value, without allocation except to grow. */
export class PriceIndex {
  private keys: Float64Array;
  private vals: Int32Array;
  private mask: number;
  private used = 0;

  /** `capacity`: entries it should hold before its first growth. */
  constructor(capacity = 64) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.keys = new Float64Array(n);
    this.vals = new Int32Array(n).fill(EMPTY);
    this.mask = n - 1;
  }

  /** Number of entries. */
  get size(): number {
    return this.used;
  }

  /** The value of `key`, or -1 when absent. */
  get(key: number): number {
    const keys = this.keys;
    const vals = this.vals;
    let i = hash(key) & this.mask;
    for (;;) {
      const v = vals[i]!;
      if (v === EMPTY || keys[i] === key) return v;
      i = (i + 1) & this.mask;
    }
  }

  /** Sets `key` to `val` (≥ 0), replacing any previous value. */
  set(key: number, val: number): void {
    let i = hash(key) & this.mask;
    while (this.vals[i] !== EMPTY) {
      if (this.keys[i] === key) {
        this.vals[i] = val;
        return;
      }
      i = (i + 1) & this.mask;
    }
    this.keys[i] = key;
    this.vals[i] = val;
    if (++this.used * 2 > this.vals.length) this.grow();
  }

  /** Removes `key`; returns whether it was present. */
  delete(key: number): boolean {
    const keys = this.keys;
    const vals = this.vals;
    const mask = this.mask;
    let i = hash(key) & mask;
    for (;;) {
      if (vals[i] === EMPTY) return false;
      if (keys[i] === key) break;
      i = (i + 1) & mask;
    }
    // Backward-shift deletion: pull later entries of the run into the hole whenever
    // their home slot does not lie cyclically in (hole, their slot].
    let j = i;
    for (;;) {
      j = (j + 1) & mask;
      if (vals[j] === EMPTY) break;
      const home = hash(keys[j]!) & mask;
      const stays = i <= j ? i < home && home <= j : i < home || home <= j;
      if (!stays) {
        keys[i] = keys[j]!;
        vals[i] = vals[j]!;
        i = j;
      }
    }
    vals[i] = EMPTY;
    this.used--;
    return true;
  }

  /** Removes every entry. */
  clear(): void {
    this.vals.fill(EMPTY);
    this.used = 0;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldVals = this.vals;
    const n = oldVals.length * 2;
    this.keys = new Float64Array(n);
    this.vals = new Int32Array(n).fill(EMPTY);
    this.mask = n - 1;
    this.used = 0;
    for (let i = 0; i < oldVals.length; i++) if (oldVals[i] !== EMPTY) this.set(oldKeys[i]!, oldVals[i]!);
  }
}
