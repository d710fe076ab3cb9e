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

  it('every refusal is a PriceError named "PriceError" with a message saying what went wrong', () => {
    const cases: [string, () => unknown][] = [
      ['parsePrice("1.2.3")', () => parsePrice('1.2.3')],
      ['parsePrice("1.00001")', () => parsePrice('1.00001')],
      ['parsePrice("0")', () => parsePrice('0')],
      ['parsePrice("900719925474.0992")', () => parsePrice('900719925474.0992')],
      ["toOrderPrice(\"10.005\", 'penny')", () => toOrderPrice('10.005', 'penny')],
    ];
    for (const [what, f] of cases) {
      let error: unknown;
      try {
        f();
      } catch (e) {
        error = e;
      }
      expect(error, `${what} throws a PriceError`).toBeInstanceOf(PriceError);
      expect((error as Error).name, `the name of the PriceError of ${what}`).toBe('PriceError');
      expect((error as Error).message.length, `the message of the PriceError of ${what} (empty)`).toBeGreaterThan(0);
    }
  });

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

// ------------------------------------------------------------------ the whole domain
// Differential tests against a BigInt model of the exercise text, on generated text that
// reaches the edges of the grammar (".5", "1.", leading zeros, noise characters), of
// precision (5 or more decimals, trailing zeros included), and of range (zero, 2^53 - 1,
// 2^53, and int32's wrap at 2^31 units of $1 = 21_474_836_480_000 units).

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
type Outcome = PriceError['kind'] | 'ok';

/** The exercise text's answer for `parsePrice(text)`, computed with BigInt; several kinds when the text allows either. */
function modelParse(text: string): { kinds: Outcome[]; units?: bigint } {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return { kinds: ['syntax'] };
  const fraction = match[2] ?? '';
  const units = BigInt(match[1]!) * 10_000n + BigInt(fraction.padEnd(4, '0').slice(0, 4));
  // The exact value in units of 10^-k dollars (k = fraction digits, at least 4), for the range check of a too-precise price.
  const scale = 10n ** BigInt(Math.max(4, fraction.length));
  const exact = BigInt(match[1]!) * scale + BigInt(fraction.padEnd(4, '0'));
  const badRange = exact === 0n || exact > MAX_SAFE * (scale / 10_000n);
  if (fraction.length > 4) return { kinds: badRange ? ['precision', 'range'] : ['precision'] };
  if (badRange) return { kinds: ['range'] };
  return { kinds: ['ok'], units };
}

const digit = fc.constantFrom(...'0123456789');
const digitsOf = (minLength: number, maxLength: number) => fc.string({ unit: digit, minLength, maxLength });
/** Whole-dollar parts: small, near the largest safe price ($900_719_925_474), near int32's wrap, huge, with leading zeros. */
const wholePart = fc.oneof(
  digitsOf(1, 3),
  fc.bigInt({ min: 0n, max: 999_999_999_999n }).map(String),
  fc.bigInt({ min: 900_719_925_470n, max: 900_719_925_480n }).map(String),
  fc.bigInt({ min: 2_147_483_640n, max: 2_147_483_660n }).map(String),
  fc.bigInt({ min: 4_294_967_290n, max: 4_294_967_300n }).map(String),
  digitsOf(13, 30),
  fc.tuple(fc.constantFrom('0', '00', '0000000'), digitsOf(1, 12)).map(([zeros, d]) => zeros + d),
);
/** Fraction digits: none, 1 to 4, 5 or more (some only zeros), and the 4 digits at the top of the safe range. */
const fractionPart = fc.oneof(
  digitsOf(1, 4),
  digitsOf(5, 8),
  fc.constantFrom('00000', '000000', '10000', '0991', '0992', '9999', '0001', '0000', '00', '0'),
);
const noise = fc.constantFrom('', '-', '+', ' ', 'e3', 'E', ',', '.', '_', 'x', '\n', '\u0661', '٫');
/** Price-like text: mostly in the grammar, often at or just past its edges. */
const priceText = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(wholePart, fractionPart).map(([w, f]) => `${w}.${f}`) },
  { weight: 1, arbitrary: wholePart },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('.', ''), fractionPart).map(([dot, f]) => dot + f) },
  { weight: 1, arbitrary: wholePart.map((w) => `${w}.`) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(noise, wholePart, fc.constantFrom('.', '..', ''), fractionPart, noise)
      .map(([a, w, dot, f, b]) => `${a}${w}${dot}${f}${b}`),
  },
);

function describeModel(model: { kinds: Outcome[]; units?: bigint }): string {
  return model.units === undefined ? `PriceError(${model.kinds.map((k) => JSON.stringify(k)).join(' or ')})` : `${model.units} units`;
}

/** Runs f and returns what it gave: a number, a PriceError kind, or the other error's text. */
function tryNumber(f: () => number): { kind: Outcome; value?: number; text: string } {
  try {
    const value = f();
    return { kind: 'ok', value, text: String(value) };
  } catch (error) {
    if (error instanceof PriceError) return { kind: error.kind, text: `PriceError(${JSON.stringify(error.kind)})` };
    return { kind: 'ok', text: `a ${error instanceof Error ? error.name : typeof error}: ${String(error)}` };
  }
}

describe('the whole domain', () => {
  it('parsePrice agrees with an exact BigInt model on 2,000 price-like texts, edges of the grammar, precision and range included', () => {
    const edges = ['1.', '.5', '.', '0.00000', '1.00000', '1.50000', '007.5', '0000', '00.0001', '900719925474.0991', '900719925474.0992',
      '900719925475', '000900719925474.0991', '214748364.8', '2147483648', '2147483648.0001', '0.0', '1..5', '1.2.3'];
    const check = (text: string) => {
      const want = modelParse(text);
      const got = tryNumber(() => parsePrice(text));
      const agrees = want.units === undefined ? want.kinds.includes(got.kind) && got.value === undefined : got.value === Number(want.units);
      if (!agrees) expect.fail(`parsePrice(${JSON.stringify(text)}) gave ${got.text}; the exercise text says ${describeModel(want)}`);
    };
    for (const text of edges) check(text);
    fc.assert(fc.property(priceText, (text) => check(text)), { seed: 20261203, numRuns: 2_000 });
  });

  it('formatPrice writes every price up to 2^53 - 1 exactly: at least two decimals, no trailing zeros beyond them', () => {
    const units = fc.oneof(
      fc.integer({ min: 1, max: 99_999 }),
      fc.maxSafeInteger().filter((n) => n > 0),
      fc.integer({ min: Number.MAX_SAFE_INTEGER - 100_000, max: Number.MAX_SAFE_INTEGER }),
      fc.integer({ min: 2 ** 31 * 10_000 - 100_000, max: 2 ** 31 * 10_000 + 100_000 }),
      fc.integer({ min: 2 ** 32 * 10_000 - 100_000, max: 2 ** 32 * 10_000 + 100_000 }),
      fc.constantFrom(1, 9_999, 10_000, 10_001, 2 ** 31 - 1, 2 ** 31, 2 ** 32, Number.MAX_SAFE_INTEGER),
    );
    const model = (n: number) => {
      const big = BigInt(n);
      let fraction = String(big % 10_000n).padStart(4, '0');
      while (fraction.length > 2 && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
      return `${big / 10_000n}.${fraction}`;
    };
    fc.assert(
      fc.property(units, (n) => {
        const got = formatPrice(n);
        if (got !== model(n)) expect.fail(`formatPrice(${n}) gave ${JSON.stringify(got)}, expected ${JSON.stringify(model(n))}`);
      }),
      { seed: 20261203, numRuns: 1_000 },
    );
  });

  it("tierFor and minimumIncrement follow Rule 612's table on every integer, the $0.015 and $1.00 boundaries biased in", () => {
    const near = (at: number) => fc.integer({ min: Math.max(0, at - 3), max: at + 3 });
    const amount = fc.oneof(near(150), near(10_000), fc.integer({ min: 0, max: 1_000_000 }), fc.maxSafeInteger().filter((n) => n >= 0));
    fc.assert(
      fc.property(amount, fc.constantFrom<TickTier>('penny', 'half-penny'), (n, tier) => {
        const wantTier: TickTier = n <= 150 ? 'half-penny' : 'penny';
        if (tierFor(n) !== wantTier) expect.fail(`tierFor(${n}) gave '${tierFor(n)}', expected '${wantTier}'`);
        if (n === 0) return; // a price of zero is not a price
        const wantTick = n < 10_000 ? 1 : tier === 'penny' ? 100 : 50;
        const got = minimumIncrement(n, tier);
        if (got !== wantTick) expect.fail(`minimumIncrement(${n}, '${tier}') gave ${got}, expected ${wantTick}`);
      }),
      { seed: 20261203, numRuns: 1_000 },
    );
  });

  it('toOrderPrice agrees with the model on 2,000 price-like texts, parse errors before the tick check', () => {
    // On-tick and off-tick prices near the top of the range, where a float remainder goes wrong.
    const onTickHigh = fc
      .tuple(fc.integer({ min: 1, max: Math.floor(Number.MAX_SAFE_INTEGER / 100) }), fc.integer({ min: 0, max: 99 }))
      .map(([n, off]) => formatUnits(n * 100 + off));
    fc.assert(
      fc.property(fc.oneof(priceText, onTickHigh), fc.constantFrom<TickTier>('penny', 'half-penny'), (text, tier) => {
        const parsed = modelParse(text);
        let want = parsed;
        if (parsed.units !== undefined) {
          const tick = parsed.units < 10_000n ? 1n : tier === 'penny' ? 100n : 50n;
          if (parsed.units % tick !== 0n) want = { kinds: ['off-tick'] };
        }
        const got = tryNumber(() => toOrderPrice(text, tier));
        const agrees = want.units === undefined ? want.kinds.includes(got.kind) && got.value === undefined : got.value === Number(want.units);
        if (!agrees) expect.fail(`toOrderPrice(${JSON.stringify(text)}, '${tier}') gave ${got.text}; the exercise text says ${describeModel(want)}`);
      }),
      { seed: 20261203, numRuns: 2_000 },
    );
  });
});
