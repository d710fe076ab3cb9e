/**
 * Throws a RangeError on mismatched lengths, but its message names neither length.
 *
 * "lengths differ" tells the caller that something is wrong but not what: with two
 * columns built by different code, the two numbers are the first clue to which one is
 * short.
 */
export function vwapLanewise(prices: Float64Array, volumes: Float64Array): number {
  if (prices.length !== volumes.length) {
    throw new RangeError('vwap: prices and volumes differ in length');
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
  if (pairs < n) {
    weighted += prices[pairs]! * volumes[pairs]!;
    volume += volumes[pairs]!;
  }
  return volume === 0 ? 0 : weighted / volume;
}
