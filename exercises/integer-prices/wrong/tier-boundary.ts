/**
 * The tier boundary is exclusive: a TWAQS of exactly $0.015 gets the penny tick, but
 * Rule 612 gives the half-penny to a spread of $0.015 or less.
 */
/** Price units per dollar: one unit is $0.0001, the smallest increment Rule 612 allows. */
export const UNITS_PER_DOLLAR = 10_000;

export type PriceErrorKind = 'syntax' | 'precision' | 'range' | 'off-tick';

/** Thrown for a price that cannot be read, is too precise, out of range, or off its tick. */
export class PriceError extends Error {
  override name = 'PriceError';
  constructor(
    readonly kind: PriceErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** The two minimum pricing increments of Rule 612 for stocks at or above $1.00. */
export type TickTier = 'penny' | 'half-penny';

/** "101.25" → 1_012_500 units, exactly, without ever making a float. */
export function parsePrice(text: string): number {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new PriceError('syntax', `not a decimal price: ${JSON.stringify(text)}`);
  const whole = match[1]!;
  const fraction = match[2] ?? '';
  if (fraction.length > 4) throw new PriceError('precision', `${text} has more than 4 decimal places`);
  // Both parts are digit strings of integers, so Number() reads them exactly (below 2^53);
  // the fraction is padded to 4 digits: ".5" is 5000 units, not 5.
  const units = Number(whole) * UNITS_PER_DOLLAR + Number(fraction.padEnd(4, '0'));
  if (!Number.isSafeInteger(units)) throw new PriceError('range', `${text} is too large to count exactly`);
  if (units === 0) throw new PriceError('range', 'a price must be above zero');
  return units;
}

/** 1_012_500 → "101.25": at least two decimals, no trailing zeros beyond them. */
export function formatPrice(units: number): string {
  const whole = Math.floor(units / UNITS_PER_DOLLAR);
  let fraction = String(units % UNITS_PER_DOLLAR).padStart(4, '0');
  while (fraction.length > 2 && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return `${whole}.${fraction}`;
}

/**
 * Rule 612's tier for a stock from its Time Weighted Average Quoted Spread over the
 * evaluation period: $0.015 or less gets the half-penny tick, more than that the penny.
 */
export function tierFor(twaqsUnits: number): TickTier {
  return twaqsUnits < 150 ? 'half-penny' : 'penny';
}

/** The minimum increment, in units, for a price: $0.0001 below $1.00; $0.01 or $0.005 at or above. */
export function minimumIncrement(priceUnits: number, tier: TickTier): number {
  if (priceUnits < UNITS_PER_DOLLAR) return 1;
  return tier === 'half-penny' ? 50 : 100;
}

/** Parses an order's price and refuses it unless it sits exactly on its tick. */
export function toOrderPrice(text: string, tier: TickTier): number {
  const units = parsePrice(text);
  const tick = minimumIncrement(units, tier);
  // Integer remainder: exact, unlike `price % 0.01` on floats.
  if (units % tick !== 0) {
    throw new PriceError('off-tick', `${text} is not a multiple of the $${formatPrice(tick)} tick`);
  }
  return units;
}
