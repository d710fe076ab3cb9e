/**
 * Leaves out the last trade of an odd-length array.
 *
 * The loop handles pairs and stops before the odd element, as it should, but nothing
 * adds that element afterwards: three trades are averaged as two. Every even-length
 * input still comes out right.
 */
export function vwapLanewise(prices: Float64Array, volumes: Float64Array): number {
  if (prices.length !== volumes.length) {
    throw new RangeError(`vwap: prices has ${prices.length} elements but volumes has ${volumes.length}`);
  }
  const n = prices.length;
  const pairs = n - (n % 2); // elements handled two at a time
  let pv0 = 0;
  let pv1 = 0;
  let v0 = 0;
  let v1 = 0;
  for (let i = 0; i < pairs; i += 2) {
    const a = volumes[i]!;
    const b = volumes[i + 1]!;
    pv0 += prices[i]! * a;
    pv1 += prices[i + 1]! * b;
    v0 += a;
    v1 += b;
  }
  let weighted = pv0 + pv1;
  let volume = v0 + v1;
  return volume === 0 ? 0 : weighted / volume;
}
