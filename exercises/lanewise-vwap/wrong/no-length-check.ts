/**
 * Never checks that the two arrays have the same length.
 *
 * With fewer volumes than prices, reading past the end of `volumes` gives undefined,
 * the sums become NaN and the function returns NaN instead of throwing a RangeError
 * that says which lengths differ: the caller's bug surfaces later, somewhere else.
 */
export function vwapLanewise(prices: Float64Array, volumes: Float64Array): number {
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
  if (pairs < n) {
    weighted += prices[pairs]! * volumes[pairs]!;
    volume += volumes[pairs]!;
  }
  return volume === 0 ? 0 : weighted / volume;
}
