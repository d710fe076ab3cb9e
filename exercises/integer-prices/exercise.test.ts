import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PriceError, formatPrice, minimumIncrement, parsePrice, tierFor, toOrderPrice, type TickTier } from './exercise.ts';

/** Runs `f` and returns the kind of PriceError it threw, or 'ok'. */
function outcome(f: () => unknown): PriceError['kind'] | 'ok' {
  try {
    f();
    return 'ok';
  } catch (error) {
    if (error instanceof PriceError) return error.kind;
    throw error;
  }
}

/** The exact units of a decimal string, computed with BigInt: the test's own reference. */
function exactUnits(whole: string, fraction: string): bigint {
  return BigInt(whole) * 10_000n + BigInt(fraction.padEnd(4, '0') || '0');
}

describe('parsePrice', () => {
  it('reads decimal text into exact units of $0.0001', () => {
    const cases: [string, number][] = [
      ['101.25', 1_012_500],
      ['0.29', 2_900],
      ['1.005', 10_050],
      ['12.3', 123_000],
      ['7', 70_000],
      ['0.0001', 1],
      ['0.5012', 5_012],
      ['4.35', 43_500],
    ];
    for (const [text, units] of cases) expect(parsePrice(text), `parsePrice(${JSON.stringify(text)})`).toBe(units);
  });

  it('is exact up to the largest safe integer', () => {
    expect(parsePrice('900719925474.0991'), 'parsePrice("900719925474.0991")').toBe(Number.MAX_SAFE_INTEGER);
  });

  it('is exact on 500 random decimal strings with up to 4 decimals', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 99_999_999n }), fc.stringMatching(/^\d{0,4}$/), (whole, fraction) => {
        const want = exactUnits(whole.toString(), fraction);
        fc.pre(want > 0n);
        const text = fraction === '' ? whole.toString() : `${whole}.${fraction}`;
        expect(parsePrice(text), `parsePrice(${JSON.stringify(text)})`).toBe(Number(want));
      }),
      { seed: 20261125, numRuns: 500 },
    );
  });

  it('refuses text that is not a plain decimal with PriceError("syntax")', () => {
    for (const text of ['', 'abc', '1.2.3', '-1.00', '1e3', ' 1.00', '1.00 ', '1,000.00', '+1', 'Infinity', '0x10', 'NaN']) {
      expect(outcome(() => parsePrice(text)), `parsePrice(${JSON.stringify(text)})`).toBe('syntax');
    }
  });

  it('refuses more than 4 decimal places with PriceError("precision") instead of rounding', () => {
    for (const text of ['1.00001', '0.00005', '101.25251']) {
      expect(outcome(() => parsePrice(text)), `parsePrice(${JSON.stringify(text)})`).toBe('precision');
    }
  });

  it('refuses zero and prices too large to count exactly with PriceError("range")', () => {
    for (const text of ['0', '0.0000', '900719925474.0992', '99999999999999999']) {
      expect(outcome(() => parsePrice(text)), `parsePrice(${JSON.stringify(text)})`).toBe('range');
    }
  });
});

describe('formatPrice', () => {
  it('writes at least two decimals and keeps sub-penny digits', () => {
    const cases: [number, string][] = [
      [1_012_500, '101.25'],
      [120_050, '12.005'],
      [5_012, '0.5012'],
      [10_000, '1.00'],
      [1, '0.0001'],
      [43_500, '4.35'],
    ];
    for (const [units, text] of cases) expect(formatPrice(units), `formatPrice(${units})`).toBe(text);
  });

  it('round-trips through parsePrice on 500 random prices', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000_000 }), (units) => {
        expect(parsePrice(formatPrice(units)), `parsePrice(formatPrice(${units}))`).toBe(units);
      }),
      { seed: 20261125, numRuns: 500 },
    );
  });
});

describe("Rule 612's table", () => {
  it('gives the half-penny tier to a TWAQS of $0.015 or less, the penny above', () => {
    const cases: [number, TickTier][] = [
      [50, 'half-penny'],
      [100, 'half-penny'],
      [149, 'half-penny'],
      [150, 'half-penny'],
      [151, 'penny'],
      [200, 'penny'],
      [2_500, 'penny'],
    ];
    for (const [twaqs, tier] of cases) expect(tierFor(twaqs), `tierFor(${twaqs} units = $${twaqs / 10_000})`).toBe(tier);
  });

  it('sets $0.0001 below $1.00, and $0.01 or $0.005 at or above $1.00', () => {
    expect(minimumIncrement(9_999, 'penny'), 'increment at $0.9999, penny tier').toBe(1);
    expect(minimumIncrement(5_000, 'half-penny'), 'increment at $0.50, half-penny tier').toBe(1);
    expect(minimumIncrement(10_000, 'penny'), 'increment at $1.00, penny tier').toBe(100);
    expect(minimumIncrement(10_000, 'half-penny'), 'increment at $1.00, half-penny tier').toBe(50);
    expect(minimumIncrement(1_012_500, 'penny'), 'increment at $101.25, penny tier').toBe(100);
    expect(minimumIncrement(1_012_500, 'half-penny'), 'increment at $101.25, half-penny tier').toBe(50);
  });
});

describe('toOrderPrice', () => {
  it('accepts prices on their tick', () => {
    const cases: [string, TickTier, number][] = [
      ['10.01', 'penny', 100_100],
      ['10.005', 'half-penny', 100_050],
      ['101.25', 'half-penny', 1_012_500],
      ['0.5012', 'penny', 5_012],
      ['1.15', 'penny', 11_500],
      ['4.35', 'half-penny', 43_500],
    ];
    for (const [text, tier, units] of cases) expect(toOrderPrice(text, tier), `toOrderPrice(${JSON.stringify(text)}, '${tier}')`).toBe(units);
  });

  // #region off-tick-test
  it('refuses an off-tick price with PriceError("off-tick"), never rounding it onto a tick', () => {
    const cases: [string, TickTier][] = [
      ['10.005', 'penny'],
      ['10.003', 'penny'],
      ['10.0025', 'half-penny'],
      ['1.0001', 'penny'],
      ['1.0049', 'half-penny'],
    ];
    for (const [text, tier] of cases) expect(outcome(() => toOrderPrice(text, tier)), `toOrderPrice(${JSON.stringify(text)}, '${tier}')`).toBe('off-tick');
  });
  // #endregion off-tick-test

  it('accepts every on-tick price and refuses every off-tick one, on 500 random prices per tier', () => {
    for (const tier of ['penny', 'half-penny'] as const) {
      const tick = tier === 'penny' ? 100 : 50;
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 2_000_000 }), fc.integer({ min: 0, max: tick - 1 }), (n, offset) => {
          const units = 10_000 + n * tick + offset;
          const text = formatUnits(units);
          if (offset === 0) expect(toOrderPrice(text, tier), `toOrderPrice(${JSON.stringify(text)}, '${tier}')`).toBe(units);
          else expect(outcome(() => toOrderPrice(text, tier)), `toOrderPrice(${JSON.stringify(text)}, '${tier}')`).toBe('off-tick');
        }),
        { seed: 20261125, numRuns: 500 },
      );
    }
  });
});

/** The test's own formatter (4 decimals), so this group does not depend on the student's formatPrice. */
function formatUnits(units: number): string {
  return `${Math.floor(units / 10_000)}.${String(units % 10_000).padStart(4, '0')}`;
}
