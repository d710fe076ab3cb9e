/**
 * The measurement behind the branch-prediction lesson (not part of the grading):
 *
 *   npx tsx exercises/branchless-select/measure.ts
 *
 * Sums the bytes >= 128 of 4 MiB of seeded random bytes, four ways: a branchy loop over
 * the bytes as generated and over the same bytes sorted, and a branch-free loop (a mask
 * from the comparison) over both. With random order the `if` is right half the time at
 * best; sorted, it is right almost always. Prints the median of 9 interleaved rounds and
 * the ratios, which are what to compare between machines (absolute times are not).
 */
import { mulberry32 } from '#engine/random';
import { median } from '#engine/stats';

const N = 4 << 20;
const random = mulberry32(6_2026);
const unsorted = Uint8Array.from({ length: N }, () => Math.floor(random() * 256));
const sorted = unsorted.slice().sort();

// #region loops
function sumBranchy(bytes: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < bytes.length; i++) {
    const x = bytes[i]!;
    if (x >= 128) sum += x; // a jump the CPU must predict for every byte
  }
  return sum;
}

function sumBranchless(bytes: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < bytes.length; i++) {
    const x = bytes[i]!;
    sum += x & -(x >= 128); // the comparison becomes a mask: nothing to predict
  }
  return sum;
}
// #endregion loops

const cases = {
  'branchy, random order': () => sumBranchy(unsorted),
  'branchy, sorted': () => sumBranchy(sorted),
  'branch-free, random order': () => sumBranchless(unsorted),
  'branch-free, sorted': () => sumBranchless(sorted),
};
const samples = new Map<string, number[]>(Object.keys(cases).map((k) => [k, []]));
const expected = sumBranchy(unsorted);
for (let round = -2; round < 9; round++) {
  for (const [name, run] of Object.entries(cases)) {
    const t0 = performance.now();
    const got = run();
    const ms = performance.now() - t0;
    if (got !== expected) throw new Error(`${name}: sum ${got}, expected ${expected}`);
    if (round >= 0) samples.get(name)!.push(ms);
  }
}
const med = Object.fromEntries([...samples].map(([k, v]) => [k, median(v)]));
for (const [k, v] of Object.entries(med)) console.log(`${k.padEnd(28)} ${v.toFixed(2)} ms  (${((v * 1e6) / N).toFixed(2)} ns/byte)`);
console.log(`branchy: random / sorted = ${(med['branchy, random order']! / med['branchy, sorted']!).toFixed(2)}x`);
console.log(`random order: branchy / branch-free = ${(med['branchy, random order']! / med['branch-free, random order']!).toFixed(2)}x`);
console.log(`branch-free: random / sorted = ${(med['branch-free, random order']! / med['branch-free, sorted']!).toFixed(2)}x`);
