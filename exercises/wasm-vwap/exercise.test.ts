import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadSimd, scalar, simdSupported, vwapBound, type Kernels, type SimdKernels } from '#engine/kernels';
import { mulberry32 } from '#engine/random';
import { TradeColumns, openTradeColumns } from './exercise.ts';

/** Seeded trades: prices near 100.00, volumes 1 to 1,000 lots. */
function trades(seed: number, n: number): { prices: number[]; volumes: number[] } {
  const rnd = mulberry32(seed);
  const prices: number[] = [];
  const volumes: number[] = [];
  for (let i = 0; i < n; i++) {
    prices.push(100 + Math.round(rnd() * 400 - 200) / 100);
    volumes.push(1 + Math.floor(rnd() * 1000));
  }
  return { prices, volumes };
}

/** VWAP of plain arrays by the scalar kernel, and the bound both answers must be within. */
function reference(prices: number[], volumes: number[]): { value: number; tolerance: number } {
  const p = Float64Array.from(prices);
  const v = Float64Array.from(volumes);
  return { value: scalar.vwap(p, v), tolerance: 2 * vwapBound(p, v) };
}

/** SIMD kernels whose vwap records where each argument lives when the kernel is called. */
function spied(simd: SimdKernels): { kernels: Kernels; calls: { inWasmMemory: boolean; length: number }[] } {
  const calls: { inWasmMemory: boolean; length: number }[] = [];
  const kernels: Kernels = {
    ...simd,
    vwap(prices: Float64Array, volumes: Float64Array): number {
      const memory = simd.wasm.memory.buffer;
      calls.push({ inWasmMemory: prices.buffer === memory && volumes.buffer === memory, length: prices.length });
      return simd.vwap(prices, volumes);
    },
  };
  return { kernels, calls };
}

const hasSimd = simdSupported();

describe('the VWAP itself', () => {
  it('is 0 before any trade', () => {
    const cols = new TradeColumns(scalar);
    expect(cols.length, 'length of new columns').toBe(0);
    expect(cols.vwap(), 'VWAP of no trades').toBe(0);
  });

  it('weights prices by volume over exactly the trades pushed (scalar kernels)', () => {
    const cols = new TradeColumns(scalar, 8);
    cols.push(100, 1);
    cols.push(110, 3);
    expect(cols.length, 'length after two pushes').toBe(2);
    expect(cols.vwap(), 'VWAP of (100 x 1, 110 x 3)').toBe(107.5);
  });

  it('keeps every trade when the columns double, on the scalar kernels too', () => {
    const { prices, volumes } = trades(3, 5000);
    const cols = new TradeColumns(scalar, 16);
    for (let i = 0; i < prices.length; i++) cols.push(prices[i]!, volumes[i]!);
    const ref = reference(prices, volumes);
    expect(cols.length, 'length after 5,000 pushes into 16 slots').toBe(5000);
    expect(Math.abs(cols.vwap() - ref.value), `VWAP of 5,000 trades: got ${cols.vwap()}, expected ${ref.value}`).toBeLessThanOrEqual(ref.tolerance);
  });
});

describe.skipIf(!hasSimd)('zero copy: the SIMD kernel reads the columns where they are', () => {
  it('every vwap call is given views of the wasm memory, not ordinary arrays', async () => {
    const { kernels, calls } = spied(await loadSimd());
    const cols = new TradeColumns(kernels, 1024);
    const { prices, volumes } = trades(5, 1000);
    for (let i = 0; i < prices.length; i++) cols.push(prices[i]!, volumes[i]!);
    const ref = reference(prices, volumes);
    expect(Math.abs(cols.vwap() - ref.value), 'VWAP of 1,000 trades on SIMD kernels').toBeLessThanOrEqual(ref.tolerance);
    expect(calls.length, 'calls to the kernel\'s vwap').toBe(1);
    expect(calls[0]!.inWasmMemory, 'prices and volumes passed to vwap are views of wasm memory (else each call copies them in)').toBe(true);
    expect(calls[0]!.length, 'elements passed to vwap: the trades pushed, not the capacity').toBe(1000);
  });
});

describe.skipIf(!hasSimd)('growing the wasm memory detaches old views', () => {
  it('pushing far past the reserved heap keeps every trade, and the kernel still reads in place', async () => {
    // 64 KiB reserved: the columns outgrow it several times, and each growth of the
    // memory detaches every view taken before it.
    const { kernels, calls } = spied(await loadSimd({ heapBytes: 64 * 1024 }));
    const cols = new TradeColumns(kernels, 256);
    const { prices, volumes } = trades(7, 40_000);
    for (let i = 0; i < prices.length; i++) {
      cols.push(prices[i]!, volumes[i]!);
      if (i === 999) {
        const early = reference(prices.slice(0, 1000), volumes.slice(0, 1000));
        expect(Math.abs(cols.vwap() - early.value), 'VWAP of the first 1,000 trades').toBeLessThanOrEqual(early.tolerance);
      }
    }
    const ref = reference(prices, volumes);
    expect(cols.length, 'length after 40,000 pushes').toBe(40_000);
    expect(Math.abs(cols.vwap() - ref.value), `VWAP of 40,000 trades across growths: got ${cols.vwap()}, expected ${ref.value}`).toBeLessThanOrEqual(ref.tolerance);
    expect(calls.every((c) => c.inWasmMemory), 'every vwap call after growth still passes views of the current wasm memory').toBe(true);
  });

  it('columns made by the constructor survive an allocation that grows the memory', async () => {
    // 5,000 f64 per column: with 64 KiB reserved the first 40 KB fit and the second do
    // not, so allocating the columns one at a time detaches the first.
    const simd = await loadSimd({ heapBytes: 64 * 1024 });
    const cols = new TradeColumns(simd, 5000);
    const { prices, volumes } = trades(9, 4000);
    for (let i = 0; i < prices.length; i++) cols.push(prices[i]!, volumes[i]!);
    const ref = reference(prices, volumes);
    expect(Math.abs(cols.vwap() - ref.value), 'VWAP of 4,000 trades in columns of 5,000').toBeLessThanOrEqual(ref.tolerance);
  });
});

describe('the platform without SIMD', () => {
  it('openTradeColumns falls back to the scalar kernels where WebAssembly SIMD is missing', async () => {
    // Hide SIMD the way an engine without it behaves: it refuses to validate a v128 module.
    const validate = WebAssembly.validate;
    WebAssembly.validate = () => false;
    let cols: TradeColumns;
    const lines: string[] = [];
    try {
      cols = await openTradeColumns(64, (line) => lines.push(line));
    } finally {
      WebAssembly.validate = validate;
    }
    expect(cols.kernels.kind, 'kind of kernels chosen without SIMD').toBe('scalar');
    cols.push(100, 1);
    cols.push(110, 3);
    expect(cols.vwap(), 'VWAP on the fallback').toBe(107.5);
    expect(lines.some((line) => /scalar/i.test(line)), `the log is told the scalar kernels were chosen; it got ${JSON.stringify(lines)}`).toBe(true);
  });

  it.skipIf(!hasSimd)('openTradeColumns uses SIMD where the platform has it', async () => {
    const cols = await openTradeColumns(64);
    expect(cols.kernels.kind, 'kind of kernels chosen on a platform with SIMD').toBe('simd');
    const lines: string[] = [];
    await openTradeColumns(64, (line) => lines.push(line));
    expect(lines.some((line) => /simd/i.test(line)), `the log is told the SIMD kernels were chosen; it got ${JSON.stringify(lines)}`).toBe(true);
  });
});

// ------------------------------------------------------------------ the whole domain
// Every starting capacity from 0 and 1 up, any number of pushes (up to 40,000 from a
// capacity of 1), edge prices and volumes: the VWAP is the kernel's over exactly the
// trades pushed, growth is geometric (a doubling costs one or two allocs, so the number
// of allocs grows with log2 of the trades) and memory stays bounded (what was ever
// allocated is a small multiple of the trades held).

/** The scalar kernels, with every alloc's length and every vwap call's lengths recorded. */
function counted(): { kernels: Kernels; allocs: number[]; vwaps: number[][] } {
  const allocs: number[] = [];
  const vwaps: number[][] = [];
  const kernels: Kernels = {
    ...scalar,
    alloc(length: number): Float64Array {
      allocs.push(length);
      return scalar.alloc(length);
    },
    vwap(prices: Float64Array, volumes: Float64Array): number {
      vwaps.push([prices.length, volumes.length]);
      return scalar.vwap(prices, volumes);
    },
  };
  return { kernels, allocs, vwaps };
}

describe('the whole domain', () => {
  const edgeValue = fc.oneof(
    fc.integer({ min: 1, max: 1_000 }),
    fc.constantFrom(0, 0.5, 1e-9, 2 ** 31, 2 ** 53, 1e12),
  );

  it('from every capacity (0, 1, 2, ... included), the VWAP is the kernel\'s over exactly the trades pushed, after growth too', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(0, 1, 2, 3), fc.integer({ min: 4, max: 64 })),
        fc.array(fc.tuple(edgeValue, edgeValue), { maxLength: 300 }),
        (capacity, pushes) => {
          const { kernels, vwaps } = counted();
          let cols: TradeColumns;
          try {
            cols = new TradeColumns(kernels, capacity);
          } catch (error) {
            // A capacity of 0 may be refused up front; nothing else may.
            if (capacity === 0 && error instanceof RangeError) return;
            throw error;
          }
          for (const [p, v] of pushes) cols.push(p, v);
          const where = `capacity ${capacity}, ${pushes.length} pushes`;
          if (cols.length !== pushes.length) expect.fail(`${where}: length is ${cols.length}`);
          const got = cols.vwap();
          const want = scalar.vwap(Float64Array.from(pushes, (t) => t[0]), Float64Array.from(pushes, (t) => t[1]));
          if (!Object.is(got, want)) expect.fail(`${where} ${JSON.stringify(pushes.slice(0, 8))}...: VWAP ${got}, the kernel over the same trades gives ${want}`);
          const last = vwaps[vwaps.length - 1];
          if (pushes.length > 0 && (!last || last[0] !== pushes.length || last[1] !== pushes.length)) {
            expect.fail(`${where}: the kernel was given ${last ? last.join(' and ') : 'no'} elements, not the ${pushes.length} trades pushed`);
          }
        },
      ),
      { seed: 20261203, numRuns: 200 },
    );
  });

  it('grows geometrically and keeps memory bounded: 40,000 pushes from capacity 1, 7 and 1,000', () => {
    for (const capacity of [1, 7, 1_000]) {
      const { kernels, allocs } = counted();
      const cols = new TradeColumns(kernels, capacity);
      const n = 40_000;
      for (let i = 0; i < n; i++) cols.push(100 + (i % 7), 1 + (i % 5));
      const doublings = Math.ceil(Math.log2(n / capacity));
      const maxAllocs = 2 * (1 + doublings);
      const total = allocs.reduce((a, b) => a + b, 0);
      if (cols.length !== n) expect.fail(`capacity ${capacity}: length ${cols.length} after ${n} pushes`);
      if (allocs.length > maxAllocs) {
        expect.fail(`capacity ${capacity}, ${n} pushes: ${allocs.length} allocs; doubling needs ${doublings} growths, at most ${maxAllocs} allocs (growth is not geometric)`);
      }
      if (total > 10 * Math.max(n, capacity) + 16) {
        expect.fail(`capacity ${capacity}, ${n} pushes: ${total} elements allocated in all, more than 10 per trade held (memory is not bounded by the doubling)`);
      }
    }
  });
});
