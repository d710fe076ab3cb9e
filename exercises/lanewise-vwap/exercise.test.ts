import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadSimd, scalar, vwapBound, type Kernels } from '#engine/kernels';
import { vwapLanewise } from './exercise.ts';

/*
 * What is graded: the volume-weighted average price within `vwapBound` of the exact value
 * (the engine's proven bound on rounding for ANY order of additions), the tail element,
 * the zero-volume rule and the length check. The order of additions is not graded: two
 * lanes folded then the tail, the tail in lane 0, eight lanes or a compensated sum all
 * pass, and the last test below proves that the engine's own kernels do.
 */

type Vwap = (prices: Float64Array, volumes: Float64Array) => number;
const f64 = (values: number[]) => Float64Array.from(values);

/** Neumaier's compensated sum: more accurate than any plain order. A right answer too. */
function compensatedVwap(prices: Float64Array, volumes: Float64Array): number {
  if (prices.length !== volumes.length) throw new RangeError(`lengths: volumes ${volumes.length}, prices ${prices.length}`);
  const sum = (term: (i: number) => number) => {
    let s = 0;
    let c = 0;
    for (let i = 0; i < prices.length; i++) {
      const x = term(i);
      const t = s + x;
      c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
      s = t;
    }
    return s + c;
  };
  const volume = sum((i) => volumes[i]!);
  return volume === 0 ? 0 : sum((i) => prices[i]! * volumes[i]!) / volume;
}

/** The rounding allowed: `vwapBound`, and its size in the message when it is exceeded. */
function expectNear(vwap: Vwap, prices: number[], volumes: number[], exact: number, what: string): void {
  const p = f64(prices);
  const v = f64(volumes);
  const got = vwap(p, v);
  const bound = vwapBound(p, v);
  expect(Math.abs(got - exact) <= bound ? exact : got, `${what}: vwap([${prices}], [${volumes}]), within ${bound.toExponential(1)} of ${exact} (rounding)`).toBe(exact);
}

/** The rules, as functions of an implementation: run on yours, and on the engine's to prove they are fair. */
const rules: Record<string, (vwap: Vwap) => void> = {
  'is 0 for no trades': (vwap) => {
    expect(vwap(f64([]), f64([])) + 0, 'vwap of no trades').toBe(0);
  },
  'is 0 when the total volume is 0, not NaN': (vwap) => {
    expect(vwap(f64([101, 102, 103]), f64([0, 0, 0])) + 0, 'vwap of three trades of volume 0').toBe(0);
  },
  'is the price of a single trade': (vwap) => {
    expectNear(vwap, [100.25], [300], 100.25, 'one trade');
  },
  'weights prices by volume': (vwap) => {
    expectNear(vwap, [100, 110], [1, 3], 107.5, 'two trades, (100*1 + 110*3) / 4');
    expectNear(vwap, [100, 110, 120, 130], [4, 0, 0, 1], 106, 'four trades, (100*4 + 130*1) / 5');
  },
  'includes the last element of an odd length, once': (vwap) => {
    expectNear(vwap, [10, 20, 30], [1, 1, 2], 22.5, 'three trades, the last one the heaviest: (10 + 20 + 60) / 4');
    expectNear(vwap, [1, 2, 3, 4, 42.5], [1, 1, 1, 1, 4], 22.5, 'five trades, the last one (42.5, volume 4) counted once: (1 + 2 + 3 + 4 + 170) / 8');
  },
  'throws a RangeError naming both lengths, in any order of words': (vwap) => {
    let error: unknown;
    let result: unknown;
    try {
      result = vwap(f64([1, 2, 3, 4, 5, 6, 7]), f64([1, 2, 3, 4]));
    } catch (e) {
      error = e;
    }
    expect(error === undefined ? `no error (returned ${String(result)})` : (error as Error).name, 'what vwap(7 prices, 4 volumes) throws').toBe('RangeError');
    const message = (error as Error).message;
    expect(message, 'the error message names the length of prices, 7').toMatch(/\b7\b/);
    expect(message, 'the error message names the length of volumes, 4').toMatch(/\b4\b/);
  },
};

let simd: Kernels | undefined;
beforeAll(async () => {
  simd = await loadSimd().catch(() => undefined); // a browser without wasm SIMD compares with the scalar kernel only
});

/** The engine's kernels this platform runs. */
const engineKernels = (): [string, Kernels][] => [['scalar', scalar], ...(simd ? [['WebAssembly SIMD', simd] as [string, Kernels]] : [])];

/** fc.check, failing with the assertion's own message next to the shrunk counterexample. */
function assertProperty<Ts extends [unknown, ...unknown[]]>(property: fc.IProperty<Ts>, params: fc.Parameters<Ts>): void {
  const run = fc.check(property, params);
  if (!run.failed) return;
  const cause = run.errorInstance instanceof Error ? run.errorInstance.message : String(run.errorInstance);
  throw new Error(`${cause}\n\nsmallest failing case: ${fc.stringify(run.counterexample)}\n(seed ${run.seed}, path "${run.counterexamplePath}", after ${run.numRuns} runs and ${run.numShrinks} shrinks)`);
}

describe('the rules', () => {
  for (const [name, rule] of Object.entries(rules)) it(name, () => rule(vwapLanewise));
});

describe("against the engine's kernels, within the proven rounding bound", () => {
  const trade = fc.record({
    price: fc.double({ min: 1, max: 1e5, noNaN: true }),
    volume: fc.double({ min: 0, max: 1e6, noNaN: true }),
  });

  it('agrees on random trades of every length from 0 to 300', () => {
    assertProperty(
      fc.property(fc.array(trade, { maxLength: 300 }), (trades) => {
        const prices = f64(trades.map((t) => t.price));
        const volumes = f64(trades.map((t) => t.volume));
        const ours = vwapLanewise(prices, volumes);
        // Each is within vwapBound of the exact value, so within twice it of each other.
        const bound = 2 * vwapBound(prices, volumes);
        for (const [kind, kernels] of engineKernels()) {
          const engine = kernels.vwap(prices, volumes);
          expect(Math.abs(ours - engine) <= bound ? 'agree' : ours, `your vwap of ${trades.length} trades against the engine's ${kind} kernel (${engine}), allowed to differ by ${bound.toExponential(1)}`).toBe('agree');
        }
      }),
      { seed: 61_2026, numRuns: 300 },
    );
  });

  it('agrees on a large array of 100,001 trades (odd: one left over)', () => {
    const n = 100_001;
    const prices = new Float64Array(n);
    const volumes = new Float64Array(n);
    let s = 12345;
    for (let i = 0; i < n; i++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0; // a small seeded LCG: the same data every run
      prices[i] = 100 + (s % 1000) / 100;
      volumes[i] = 1 + (s >>> 20);
    }
    volumes[n - 1] = 1e7; // a heavy last trade: leaving it out moves the answer far beyond the bound
    prices[n - 1] = 150;
    const ours = vwapLanewise(prices, volumes);
    const bound = 2 * vwapBound(prices, volumes);
    for (const [kind, kernels] of engineKernels()) {
      const engine = kernels.vwap(prices, volumes);
      expect(Math.abs(ours - engine) <= bound ? 'agree' : ours, `your vwap of ${n} trades against the engine's ${kind} kernel (${engine}), allowed to differ by ${bound.toExponential(1)}`).toBe('agree');
    }
  });
});

describe('the grading is fair', () => {
  it("the engine's kernels and a compensated sum, each adding in its own order, meet every rule", () => {
    const others: [string, Vwap][] = [...engineKernels().map(([kind, k]): [string, Vwap] => [`the engine's ${kind} kernel`, (p, v) => k.vwap(p, v)]), ['a compensated (Neumaier) sum', compensatedVwap]];
    for (const [who, vwap] of others) {
      for (const [name, rule] of Object.entries(rules)) {
        try {
          rule(vwap);
        } catch (error) {
          throw new Error(`the tests are unfair: ${who} breaks the rule "${name}": ${(error as Error).message}`);
        }
      }
    }
  });
});

// ------------------------------------------------------------------ the whole domain
describe('the whole domain', () => {
  // Lengths 0 to 9 (every parity, the tail alone), volumes of 0 everywhere but one place
  // (the tail, a lane, none), prices of 0, tiny and large volumes: against a compensated
  // sum, within the proven bound, and 0 exactly when the total volume is 0.
  const volume = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 1_000 }) }, { weight: 1, arbitrary: fc.constantFrom(1e-3, 0.5, 1e9, 2 ** 31, 2 ** 40) });
  const price = fc.oneof(fc.constantFrom(0, 0.01, 1, 1e6), fc.double({ min: 0, max: 1e6, noNaN: true }));

  it('agrees with a compensated sum on 2,000 short arrays, mostly zero volumes, and is 0 exactly when the volume is', () => {
    assertProperty(
      fc.property(fc.array(fc.tuple(price, volume), { maxLength: 9 }), (trades) => {
        const prices = f64(trades.map((t) => t[0]));
        const volumes = f64(trades.map((t) => t[1]));
        const ours = vwapLanewise(prices, volumes);
        const want = compensatedVwap(prices, volumes);
        const where = `vwap([${Array.from(prices)}], [${Array.from(volumes)}])`;
        if (volumes.every((v) => v === 0)) {
          if (ours !== 0) expect.fail(`${where}: ${ours}, but the total volume is 0, so 0`);
          return;
        }
        const bound = 2 * vwapBound(prices, volumes);
        if (!(Math.abs(ours - want) <= bound)) expect.fail(`${where}: ${ours}, a compensated sum gives ${want} (allowed to differ by ${bound.toExponential(1)})`);
      }),
      { seed: 20261203, numRuns: 2_000 },
    );
  });
});
