import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SpscRingBuffer } from '#engine/spsc-ring-buffer';
import { capacityFor, drainMs, inFlight, overflows, peakBacklog, type Burst } from './exercise.ts';

/** The reference model, written out: the queue rises by the excess during the burst, then falls by the slack. */
const ref = {
  peak: (b: Burst) => (b.consumeRate <= b.baseRate ? Infinity : Math.max(0, (b.burstRate - b.consumeRate) * b.burstMs)),
  capacity(b: Burst) {
    let c = 2;
    while (c < Math.ceil(ref.peak(b))) c *= 2;
    return c;
  },
  drain: (b: Burst) => (b.consumeRate <= b.baseRate ? Infinity : ref.peak(b) / (b.consumeRate - b.baseRate)),
};

/** Stable scenarios (the consumer outpaces the base rate), whole messages per millisecond. */
const burstArb: fc.Arbitrary<Burst> = fc
  .record({ base: fc.integer({ min: 0, max: 2_000 }), slack: fc.integer({ min: 1, max: 2_000 }), excess: fc.integer({ min: -500, max: 5_000 }), burstMs: fc.integer({ min: 1, max: 200 }) })
  .map(({ base, slack, excess, burstMs }) => ({ baseRate: base, consumeRate: base + slack, burstRate: Math.max(0, base + slack + excess), burstMs }));

const show = (b: Burst) => `base ${b.baseRate}/ms, burst ${b.burstRate}/ms for ${b.burstMs} ms, consumer ${b.consumeRate}/ms`;

/**
 * Feeds the engine's ring as the burst would, one message at a time: pushes at times
 * k / burstRate and pops at j / consumeRate (ms), in time order, a pop first on a tie.
 * Returns how many pushes found the ring full.
 */
function refusedPushes(b: Burst, capacity: number): number {
  const ring = SpscRingBuffer.create(capacity);
  const pushes = b.burstRate * b.burstMs;
  const pops = b.consumeRate * b.burstMs;
  let k = 0;
  let j = 0;
  let refused = 0;
  while (k < pushes) {
    // Pop j happens at j / consumeRate, push k at k / burstRate: compare without division.
    if (j < pops && j * b.burstRate <= k * b.consumeRate) {
      ring.tryPop(); // the consumer's turn; an empty ring just means it idles
      j += 1;
    } else {
      if (!ring.tryPush(k)) refused += 1;
      k += 1;
    }
  }
  return refused;
}

describe('Little\'s law', () => {
  it('gives the average number in flight as rate times time spent: L = lambda * W', () => {
    expect(inFlight(2_000, 0.005), '2,000 messages/ms staying 5 us each').toBeCloseTo(10, 9);
    expect(inFlight(0, 3), 'nothing arriving').toBe(0);
    expect(inFlight(150, 2), '150/ms staying 2 ms').toBe(300);
  });
});

describe('the backlog at the end of the burst', () => {
  it('is the excess rate times the burst\'s length, not the burst rate times it', () => {
    const b: Burst = { baseRate: 500, burstRate: 4_000, burstMs: 10, consumeRate: 1_500 };
    expect(peakBacklog(b), show(b)).toBe(25_000);
  });

  it('is 0 when the consumer keeps up with the burst', () => {
    const b: Burst = { baseRate: 100, burstRate: 900, burstMs: 50, consumeRate: 1_000 };
    expect(peakBacklog(b), show(b)).toBe(0);
  });

  it('is Infinity when the consumer cannot keep up with the base rate', () => {
    for (const consumeRate of [500, 499]) {
      const b: Burst = { baseRate: 500, burstRate: 800, burstMs: 1, consumeRate };
      expect(peakBacklog(b), show(b)).toBe(Infinity);
    }
  });
});

describe('the capacity', () => {
  it('is the next power of two at or above the peak, and exactly the peak when that is one', () => {
    const cases: [Burst, number][] = [
      [{ baseRate: 0, burstRate: 2_048, burstMs: 1, consumeRate: 1_024 }, 1_024], // peak 1024 exactly
      [{ baseRate: 0, burstRate: 2_049, burstMs: 1, consumeRate: 1_024 }, 2_048], // peak 1025
      [{ baseRate: 10, burstRate: 1_100, burstMs: 3, consumeRate: 1_000 }, 512], // peak 300
      [{ baseRate: 10, burstRate: 1_001, burstMs: 1, consumeRate: 1_000 }, 2], // peak 1
      [{ baseRate: 10, burstRate: 1_000, burstMs: 1, consumeRate: 1_000 }, 2], // no backlog: the minimum ring
      [{ baseRate: 0, burstRate: 4_097, burstMs: 1, consumeRate: 1 }, 4_096], // peak 4096 exactly
    ];
    for (const [b, want] of cases) expect(capacityFor(b), `${show(b)} (peak ${ref.peak(b)})`).toBe(want);
  });

  it('rounds a fractional peak up: half a message still needs a slot', () => {
    const b: Burst = { baseRate: 0, burstRate: 1_000.5, burstMs: 4, consumeRate: 1_000 }; // peak 2
    expect(capacityFor(b), show(b)).toBe(2);
    const c: Burst = { baseRate: 0, burstRate: 1_000.25, burstMs: 10, consumeRate: 1_000 }; // peak 2.5
    expect(capacityFor(c), show(c)).toBe(4);
  });

  it('is a RangeError, with a message saying why, when no ring can hold the backlog', () => {
    const unstable: Burst = { baseRate: 1_000, burstRate: 1_000, burstMs: 1, consumeRate: 900 };
    expect(() => capacityFor(unstable), `unstable: ${show(unstable)}`).toThrow(RangeError);
    const huge: Burst = { baseRate: 0, burstRate: 2 ** 21, burstMs: 2 ** 10, consumeRate: 1 }; // peak just below 2^31
    expect(() => capacityFor(huge), 'a backlog above 2^30 messages').toThrow(RangeError);
    for (const [b, what] of [[unstable, 'an unstable feed'], [huge, 'a backlog above 2^30']] as const) {
      // Only that there is a message: its wording is yours.
      expect(() => capacityFor(b), `the RangeError for ${what} has an empty message`).toThrow(/\S/);
    }
  });

  it('agrees with the reference on seeded random bursts', () => {
    fc.assert(
      fc.property(burstArb, (b) => {
        expect(capacityFor(b), `${show(b)} (peak ${ref.peak(b)})`).toBe(ref.capacity(b));
      }),
      { seed: 71_2026, numRuns: 300 },
    );
  });

  it('holds the burst in the engine\'s ring fed message by message, where half of it does not', () => {
    const scenarios = fc.sample(
      burstArb.filter((b) => b.burstRate <= 3_000 && b.burstMs <= 20 && ref.peak(b) >= 8),
      { seed: 72, numRuns: 12 },
    );
    for (const b of scenarios) {
      const peak = ref.peak(b);
      const capacity = capacityFor(b);
      // The fluid model is exact to within a message or two of the one-by-one schedule.
      if (peak + 2 <= capacity) expect(refusedPushes(b, capacity), `pushes refused by a ring of ${capacity}: ${show(b)}`).toBe(0);
      if (capacity / 2 >= 2 && peak > capacity / 2 + 2) expect(refusedPushes(b, capacity / 2), `pushes refused by a ring of ${capacity / 2}: ${show(b)}`).toBeGreaterThan(0);
    }
  });
});

describe('draining and overflowing', () => {
  it('drains at the consumer\'s rate minus the base rate, which keeps arriving', () => {
    const b: Burst = { baseRate: 500, burstRate: 4_000, burstMs: 10, consumeRate: 1_500 }; // peak 25,000
    expect(drainMs(b), show(b)).toBeCloseTo(25, 9);
    const quiet: Burst = { baseRate: 0, burstRate: 3_000, burstMs: 2, consumeRate: 1_000 }; // peak 4,000
    expect(drainMs(quiet), show(quiet)).toBeCloseTo(4, 9);
  });

  it('takes no time to drain with no backlog, and forever when the consumer is slower than the base rate', () => {
    expect(drainMs({ baseRate: 1, burstRate: 10, burstMs: 5, consumeRate: 10 }), 'no backlog').toBe(0);
    expect(drainMs({ baseRate: 10, burstRate: 20, burstMs: 5, consumeRate: 10 }), 'consumer no faster than the base rate').toBe(Infinity);
    expect(drainMs({ baseRate: 10, burstRate: 20, burstMs: 5, consumeRate: 8 }), 'consumer slower than the base rate').toBe(Infinity);
  });

  it('agrees with the reference drain time on seeded random bursts', () => {
    fc.assert(
      fc.property(burstArb, (b) => {
        const want = ref.drain(b);
        expect(Math.abs(drainMs(b) - want), `${show(b)}: drain ${want} ms`).toBeLessThanOrEqual(1e-9 * Math.max(1, want));
      }),
      { seed: 73_2026, numRuns: 300 },
    );
  });

  it('overflows only when the peak exceeds the capacity: a ring that is exactly full has not overflowed', () => {
    const b: Burst = { baseRate: 0, burstRate: 2_048, burstMs: 1, consumeRate: 1_024 }; // peak 1024
    expect(overflows(b, 1_024), 'peak 1024 in a ring of 1024').toBe(false);
    expect(overflows(b, 512), 'peak 1024 in a ring of 512').toBe(true);
    expect(overflows({ ...b, consumeRate: 2_048 }, 2), 'no backlog in the smallest ring').toBe(false);
    expect(overflows({ baseRate: 5, burstRate: 5, burstMs: 1, consumeRate: 4 }, 2 ** 30), 'a consumer slower than the base rate, in the largest ring').toBe(true);
  });

  it('agrees with the reference on seeded random bursts and capacities', () => {
    fc.assert(
      fc.property(burstArb, fc.integer({ min: 1, max: 20 }), (b, log2) => {
        const capacity = 2 ** log2;
        expect(overflows(b, capacity), `${show(b)} (peak ${ref.peak(b)}) in a ring of ${capacity}`).toBe(ref.peak(b) > capacity);
      }),
      { seed: 74_2026, numRuns: 300 },
    );
  });
});

// ------------------------------------------------------------------ the whole domain
// All five functions against the exercise text's formulas, on bursts whose arithmetic is
// exact in doubles (integer and binary-fraction rates), so that any correct formula gives
// the same answer: rates of 0, equal rates (the consumer exactly keeps up), bursts of 0 ms,
// and peaks at and around every power of two up to 2^30, the largest ring, and past it.

describe('the whole domain', () => {
  const rate = fc.oneof(fc.constantFrom(0, 0.5, 1, 2, 1_000), fc.integer({ min: 0, max: 5_000 }));
  /** A burst whose peak is near a power of two: excess * burstMs = 2^k + d. */
  const nearPower = fc.tuple(fc.integer({ min: 0, max: 31 }), fc.constantFrom(-1, -0.5, 0, 0.5, 1), rate, fc.integer({ min: 1, max: 3 })).map(
    ([k, d, base, spare]): Burst => ({ baseRate: base, consumeRate: base + spare, burstRate: base + spare + 2 ** k + d, burstMs: 1 }),
  );
  const anyBurst = fc.oneof(
    fc.record({ baseRate: rate, burstRate: rate, burstMs: fc.oneof(fc.constantFrom(0, 0.5, 1), fc.integer({ min: 0, max: 10_000 })), consumeRate: rate }),
    nearPower,
  );

  it('agrees with the formulas on 2,000 bursts, equal rates, zero rates and peaks around every power of two to 2^30 and past it', () => {
    fc.assert(
      fc.property(anyBurst, (b) => {
        const peak = b.consumeRate <= b.baseRate ? Infinity : Math.max(0, b.burstRate - b.consumeRate) * b.burstMs;
        const where = `for ${JSON.stringify(b)}`;
        const gotPeak = peakBacklog(b);
        if (gotPeak !== peak) expect.fail(`peakBacklog ${where} is ${gotPeak}, not ${peak}`);
        const drain = peak === Infinity ? Infinity : peak / (b.consumeRate - b.baseRate);
        const gotDrain = drainMs(b);
        if (!(gotDrain === drain || (Number.isFinite(drain) && Math.abs(gotDrain - drain) <= 1e-12 * drain))) expect.fail(`drainMs ${where} is ${gotDrain}, not ${drain}`);
        let want: number | 'RangeError' = 'RangeError';
        if (peak <= 2 ** 30) {
          want = 2;
          while (want < peak) want *= 2;
        }
        let got: number | 'RangeError';
        try {
          got = capacityFor(b);
        } catch (error) {
          if (!(error instanceof RangeError)) throw error;
          got = 'RangeError';
        }
        if (got !== want) expect.fail(`capacityFor ${where} (peak ${peak}) is ${got}, not ${want}`);
        for (const cap of [2, 2 ** 10, 2 ** 30, Math.ceil(Math.min(peak, 2 ** 31)), Math.floor(Math.min(peak, 2 ** 31))]) {
          if (cap < 1) continue;
          if (overflows(b, cap) !== peak > cap) expect.fail(`overflows(${where}, ${cap}) with a peak of ${peak} is ${overflows(b, cap)}`);
        }
      }),
      { seed: 20261203, numRuns: 2_000 },
    );
  });

  it('Little\'s law holds for rates and waits of 0, fractions and large values', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(0, 0.5, 2.5), fc.integer({ min: 0, max: 1e6 })), fc.oneof(fc.constantFrom(0, 0.25, 1e3), fc.integer({ min: 0, max: 1e6 })), (lambda, w) => {
        if (inFlight(lambda, w) !== lambda * w) expect.fail(`inFlight(${lambda}, ${w}) is ${inFlight(lambda, w)}, not ${lambda * w}`);
      }),
      { seed: 20261203, numRuns: 300 },
    );
  });
});
