/**
 * Exercise: integer-prices.
 *
 * Prices arrive as decimal text ("101.25"). Turn them into integers and check them
 * against the US tick-size table, with no floating point anywhere: 0.1 + 0.2 is not
 * 0.3 in binary, and a price that is a little wrong is on the wrong tick.
 *
 * A price is an integer count of units of $0.0001 (UNITS_PER_DOLLAR = 10_000), the
 * smallest increment Reg NMS Rule 612 allows, so "101.25" is 1_012_500 units.
 *
 * - `parsePrice(text)`: text is one or more digits, optionally followed by a point and
 *   one or more digits ("7", "0.29", "101.25", "12.005"); anything else (a sign, an
 *   exponent, spaces, commas, "1.2.3") throws PriceError('syntax'). More than 4 decimal
 *   places throws PriceError('precision'). A price of zero, or one too large to count
 *   exactly as a JavaScript integer (Number.isSafeInteger), throws PriceError('range').
 *   The result is exact for every price that is accepted.
 * - `formatPrice(units)`: back to text, with at least two decimals and no trailing
 *   zeros beyond them: 1_012_500 → "101.25", 120_050 → "12.005", 5_012 → "0.5012".
 * - `tierFor(twaqsUnits)`: a stock whose Time Weighted Average Quoted Spread was $0.015
 *   (150 units) or less gets the 'half-penny' tier; above that, 'penny'.
 * - `minimumIncrement(priceUnits, tier)`: Rule 612's table, in units: below $1.00 the
 *   increment is $0.0001 (1 unit); at or above $1.00 it is $0.01 (100) for 'penny'
 *   stocks and $0.005 (50) for 'half-penny' stocks.
 * - `toOrderPrice(text, tier)`: parse, then refuse a price that is not a whole multiple
 *   of its minimum increment with PriceError('off-tick'). Refuse: never round.
 * - Every PriceError carries a message saying what went wrong (its wording is yours).
 *
 * Run `ticklab hint integer-prices` if you are stuck.
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

// #region float-parse
/** "101.25" → 1_012_500 units, exactly, without ever making a float. */
export function parsePrice(text: string): number {
  // TODO: this is the classic mistake (a binary float, rounded to cents). Read the digits
  // as text instead, and throw PriceError for syntax, precision and range.
  return Math.round(parseFloat(text) * 100) * 100;
}
// #endregion float-parse

/** 1_012_500 → "101.25": at least two decimals, no trailing zeros beyond them. */
export function formatPrice(units: number): string {
  // TODO: exact, and keep sub-penny digits ("12.005", "0.5012").
  return (units / UNITS_PER_DOLLAR).toFixed(2);
}

/** Rule 612's tier for a stock from its Time Weighted Average Quoted Spread, in units. */
export function tierFor(twaqsUnits: number): TickTier {
  // TODO: $0.015 or less → 'half-penny'.
  void twaqsUnits;
  return 'penny';
}

/** The minimum increment, in units, for a price: $0.0001 below $1.00; $0.01 or $0.005 at or above. */
export function minimumIncrement(priceUnits: number, tier: TickTier): number {
  // TODO: the table.
  void priceUnits;
  void tier;
  return 100;
}

/** Parses an order's price and refuses it unless it sits exactly on its tick. */
export function toOrderPrice(text: string, tier: TickTier): number {
  // TODO: refuse an off-tick price with PriceError('off-tick').
  void tier;
  return parsePrice(text);
}
