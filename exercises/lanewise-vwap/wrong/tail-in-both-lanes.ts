/**
 * Adds the odd tail to both lanes, so the last trade counts twice.
 *
 * The leftover element fills one lane of a two-lane register, not both: written into
 * lane 0 and lane 1 before the fold, it is summed twice, in the weighted sum and in the
 * volume, and the average leans toward the last trade.
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
  if (pairs < n) {
    // The leftover element goes into the lanes, then they are folded.
    const t = volumes[pairs]!;
    pv0 += prices[pairs]! * t;
    pv1 += prices[pairs]! * t;
    v0 += t;
    v1 += t;
  }
  const weighted = pv0 + pv1;
  const volume = v0 + v1;
  return volume === 0 ? 0 : weighted / volume;
}
