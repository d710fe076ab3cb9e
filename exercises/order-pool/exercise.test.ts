import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OrderPool, PoolError, PoolOrder } from './exercise.ts';

/** Runs `f` and returns the kind of PoolError it threw, or 'ok'. */
function outcome(f: () => unknown): PoolError['kind'] | 'ok' {
  try {
    f();
    return 'ok';
  } catch (error) {
    if (error instanceof PoolError) return error.kind;
    throw error;
  }
}

/** The statistics a test compares at once. */
const stats = (pool: OrderPool) => ({ created: pool.created, available: pool.available, inUse: pool.inUse });

describe('warm-up', () => {
  it('makes all its orders up front: created = capacity before the first acquire', () => {
    const pool = new OrderPool(8);
    expect(stats(pool), 'statistics of a new pool of 8').toEqual({ created: 8, available: 8, inUse: 0 });
  });
});

describe('acquire and release', () => {
  it('acquire hands out a zeroed order and counts it in use', () => {
    const pool = new OrderPool(4);
    const order = pool.acquire();
    expect(order, 'the acquired order').toBeInstanceOf(PoolOrder);
    expect([order.id, order.side, order.priceTicks, order.qty], 'fields of a fresh order').toEqual([0, 'buy', 0, 0]);
    expect(stats(pool), 'statistics after one acquire').toEqual({ created: 4, available: 3, inUse: 1 });
  });

  it('release gives the order back, and the same object is handed out again', () => {
    const pool = new OrderPool(1);
    const first = pool.acquire();
    pool.release(first);
    expect(stats(pool), 'statistics after the release').toEqual({ created: 1, available: 1, inUse: 0 });
    const second = pool.acquire();
    expect(second === first, 'the re-acquired order is the released object (reuse, not a new allocation)').toBe(true);
  });

  it('a re-acquired order starts zeroed: nothing of its previous user leaks through', () => {
    const pool = new OrderPool(1);
    const order = pool.acquire();
    order.id = 42;
    order.side = 'sell';
    order.priceTicks = 1_012_500;
    order.qty = 300;
    pool.release(order);
    const again = pool.acquire();
    expect([again.id, again.side, again.priceTicks, again.qty], 'fields of the re-acquired order').toEqual([0, 'buy', 0, 0]);
  });

  it('using gives the order back at the end of the block', () => {
    const pool = new OrderPool(2);
    let seen: PoolOrder | undefined;
    {
      using order = pool.acquire();
      order.qty = 10;
      seen = order;
      expect(pool.inUse, 'inUse inside the block').toBe(1);
    }
    expect(stats(pool), 'statistics after the block').toEqual({ created: 2, available: 2, inUse: 0 });
    const a = pool.acquire();
    const b = pool.acquire();
    expect(a === seen || b === seen, 'the order released by using is handed out again').toBe(true);
  });
});

describe('a fixed pool', () => {
  it('an empty pool throws PoolError("exhausted") instead of growing', () => {
    const pool = new OrderPool(2);
    pool.acquire();
    pool.acquire();
    expect(outcome(() => pool.acquire()), 'acquire on an empty pool').toBe('exhausted');
    expect(stats(pool), 'statistics after the refused acquire').toEqual({ created: 2, available: 0, inUse: 2 });
  });

  it('a second release throws PoolError("not-leased") and the order is never handed out twice', () => {
    const pool = new OrderPool(2);
    const a = pool.acquire();
    pool.release(a);
    expect(outcome(() => pool.release(a)), 'second release of the same order').toBe('not-leased');
    expect(stats(pool), 'statistics after the refused release').toEqual({ created: 2, available: 2, inUse: 0 });
    const x = pool.acquire();
    const y = pool.acquire();
    expect(x === y, 'two acquires after a double release return the same object').toBe(false);
    expect(outcome(() => pool.acquire()), 'a third acquire on a pool of 2').toBe('exhausted');
  });

  it('an order of another pool is refused with PoolError("foreign")', () => {
    const mine = new OrderPool(1);
    const theirs = new OrderPool(1);
    const order = theirs.acquire();
    expect(outcome(() => mine.release(order)), 'release into the wrong pool').toBe('foreign');
    expect(stats(mine), 'statistics of the pool that refused').toEqual({ created: 1, available: 1, inUse: 0 });
  });
});

describe('the edges of the contract', () => {
  it('refuses a capacity that is not a positive integer with a RangeError naming it', () => {
    for (const capacity of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      let thrown: unknown;
      try {
        new OrderPool(capacity);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, `new OrderPool(${capacity}) should throw a RangeError`).toBeInstanceOf(RangeError);
      expect((thrown as Error).message, `the RangeError of new OrderPool(${capacity}) names the capacity`).toContain(String(capacity));
    }
  });

  it('every PoolError says what went wrong: its name is PoolError and its message is not empty', () => {
    const pool = new OrderPool(1);
    const other = new OrderPool(1);
    const order = pool.acquire();
    const errors: [string, () => unknown][] = [
      ['acquire on an empty pool', () => pool.acquire()],
      ['release into another pool', () => other.release(order)],
      ['a second release', () => (pool.release(order), pool.release(order))],
    ];
    for (const [what, f] of errors) {
      let thrown: unknown;
      try {
        f();
      } catch (error) {
        thrown = error;
      }
      expect(thrown, `${what} should throw a PoolError`).toBeInstanceOf(PoolError);
      expect((thrown as PoolError).name, `the name of the PoolError of ${what}`).toBe('PoolError');
      expect((thrown as PoolError).message.length, `the message of the PoolError of ${what} (empty)`).toBeGreaterThan(0);
    }
  });

  it('an order the pool never handed out (made with new PoolOrder(pool) outside it) is refused and changes nothing', () => {
    const pool = new OrderPool(2);
    const stray = new PoolOrder(pool);
    const kind = outcome(() => pool.release(stray));
    expect(['not-leased', 'foreign'].includes(kind), `releasing a PoolOrder the pool never leased gave ${kind}, not PoolError('not-leased') or ('foreign')`).toBe(true);
    expect(stats(pool), 'statistics after the refused release of a stray order').toEqual({ created: 2, available: 2, inUse: 0 });
  });
});

describe('under load', () => {
  it('never grows and recycles only its own orders over 40 seeded runs of 500 operations', () => {
    const capacity = 16;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.nat(1000)), { minLength: 100, maxLength: 500 }), (ops) => {
        const pool = new OrderPool(capacity);
        const everSeen = new Set<PoolOrder>();
        const leased: PoolOrder[] = [];
        for (const [wantAcquire, pick] of ops) {
          if (wantAcquire) {
            if (leased.length === capacity) {
              expect(outcome(() => pool.acquire()), 'acquire with every order leased').toBe('exhausted');
            } else {
              const order = pool.acquire();
              if (leased.includes(order)) expect(leased.includes(order), 'acquire returned an order that is already on lease').toBe(false);
              order.id = pick;
              everSeen.add(order);
              leased.push(order);
            }
          } else if (leased.length > 0) {
            const [order] = leased.splice(pick % leased.length, 1);
            pool.release(order!);
          }
          // expect() only on a mismatch: thousands of passing assertions would cost more than the pool.
          if (pool.inUse !== leased.length) expect(pool.inUse, 'inUse against the number of orders on lease').toBe(leased.length);
          if (pool.available !== capacity - leased.length) expect(pool.available, 'available').toBe(capacity - leased.length);
        }
        expect(pool.created, 'orders created after the run').toBe(capacity);
        expect(everSeen.size, 'distinct order objects ever handed out').toBeLessThanOrEqual(capacity);
      }),
      { seed: 20261125, numRuns: 40, endOnFailure: true },
    );
  });
});

// ------------------------------------------------------------------ model-based
// fast-check commands over two pools of capacity 1 to 5 (capacity 1 biased in): acquire,
// release in any order, a second release, a release to the other pool, `using`, and a
// holder that keeps writing to an order after releasing it (use after release), which the
// next user must never see.

interface PoolModel {
  capacity: number;
  /** The orders on lease, in the model: the real objects, so reuse can be checked by identity. */
  leased: PoolOrder[];
  /** Every object the pool ever handed out. */
  seen: Set<PoolOrder>;
}
interface Pools {
  pools: [OrderPool, OrderPool];
  /** Orders released by their last holder, who may still (wrongly) write to them. */
  released: PoolOrder[];
}
type Models = [PoolModel, PoolModel];

function statsAgree(models: Models, real: Pools, after: string): void {
  real.pools.forEach((pool, p) => {
    const m = models[p]!;
    const want = { created: m.capacity, available: m.capacity - m.leased.length, inUse: m.leased.length };
    const got = stats(pool);
    if (got.created !== want.created || got.available !== want.available || got.inUse !== want.inUse) {
      expect.fail(`after ${after}: pool ${p} reports ${JSON.stringify(got)}, the model says ${JSON.stringify(want)}`);
    }
    if (m.seen.size > m.capacity) expect.fail(`after ${after}: pool ${p} handed out ${m.seen.size} distinct objects, more than its capacity ${m.capacity}`);
  });
}

function kindOf(f: () => unknown): PoolError['kind'] | 'ok' | 'other' {
  try {
    f();
    return 'ok';
  } catch (error) {
    return error instanceof PoolError ? error.kind : 'other';
  }
}

const poolCommands = [
  fc.integer({ min: 0, max: 1 }).map(
    (p): fc.Command<Models, Pools> => ({
      check: () => true,
      run(models, real) {
        const m = models[p]!;
        const pool = real.pools[p]!;
        if (m.leased.length === m.capacity) {
          const kind = kindOf(() => pool.acquire());
          if (kind !== 'exhausted') expect.fail(`acquire on pool ${p} with all ${m.capacity} orders leased gave ${kind}, not PoolError('exhausted')`);
        } else {
          const order = pool.acquire();
          if (m.leased.includes(order)) expect.fail(`acquire on pool ${p} handed out an order that is already on lease`);
          if (order.pool !== pool) expect.fail(`acquire on pool ${p} handed out an order of the other pool`);
          const fields = [order.id, order.side, order.priceTicks, order.qty];
          if (JSON.stringify(fields) !== '[0,"buy",0,0]') expect.fail(`acquire on pool ${p} handed out an order with fields ${JSON.stringify(fields)}, not zeroed`);
          if (!order.leased) expect.fail(`acquire on pool ${p}: the order is not marked leased`);
          order.id = 1 + m.seen.size;
          order.side = 'sell';
          order.priceTicks = 1_012_500;
          order.qty = 300;
          m.leased.push(order);
          m.seen.add(order);
          real.released = real.released.filter((o) => o !== order);
        }
        statsAgree(models, real, `acquire on pool ${p}`);
      },
      toString: () => `acquire(pool ${p})`,
    }),
  ),
  fc.tuple(fc.integer({ min: 0, max: 1 }), fc.nat(), fc.boolean()).map(
    ([p, pick, viaUsing]): fc.Command<Models, Pools> => ({
      check: (models) => models[p]!.leased.length > 0,
      run(models, real) {
        const m = models[p]!;
        const [order] = m.leased.splice(pick % m.leased.length, 1);
        if (viaUsing) {
          using held = order!;
          void held;
        } else real.pools[p]!.release(order!);
        if (order!.leased) expect.fail(`release on pool ${p}: the order is still marked leased`);
        real.released.push(order!);
        statsAgree(models, real, `${viaUsing ? 'the end of a using block' : 'release'} on pool ${p}`);
      },
      toString: () => `release(pool ${p}, pick ${pick}${viaUsing ? ', by using' : ''})`,
    }),
  ),
  fc.nat().map(
    (pick): fc.Command<Models, Pools> => ({
      check: (_, ) => true,
      run(models, real) {
        if (real.released.length === 0) return;
        // Its former holder releases it again, then writes to it: neither may reach the next user.
        const order = real.released[pick % real.released.length]!;
        const p = order.pool === real.pools[0] ? 0 : 1;
        const kind = kindOf(() => real.pools[p]!.release(order));
        if (kind !== 'not-leased') expect.fail(`a second release of an order of pool ${p} gave ${kind}, not PoolError('not-leased')`);
        order.id = 999;
        order.side = 'sell';
        order.qty = 7;
        order.priceTicks = 77;
        statsAgree(models, real, `a second release on pool ${p}, then writes through the stale reference`);
      },
      toString: () => `releaseAgainAndWrite(pick ${pick})`,
    }),
  ),
  fc.tuple(fc.integer({ min: 0, max: 1 }), fc.nat()).map(
    ([p, pick]): fc.Command<Models, Pools> => ({
      check: (models) => models[p]!.leased.length > 0,
      run(models, real) {
        const order = models[p]!.leased[pick % models[p]!.leased.length]!;
        const other = real.pools[1 - p]!;
        const kind = kindOf(() => other.release(order));
        if (kind !== 'foreign') expect.fail(`releasing an order of pool ${p} into pool ${1 - p} gave ${kind}, not PoolError('foreign')`);
        if (!order.leased) expect.fail('a refused foreign release changed the order: it is no longer marked leased');
        statsAgree(models, real, `a foreign release of an order of pool ${p} into pool ${1 - p}`);
      },
      toString: () => `releaseIntoOtherPool(from pool ${p}, pick ${pick})`,
    }),
  ),
];

describe('model-based: two pools, capacity 1 to 5, use after release', () => {
  it('agrees with the model on 200 command sequences', () => {
    fc.assert(
      fc.property(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })), fc.commands(poolCommands, { maxCommands: 60, size: 'large' }), ([c0, c1], cmds) => {
        const caps = [c0 === 5 ? 1 : c0, c1];
        const models: Models = [
          { capacity: caps[0]!, leased: [], seen: new Set() },
          { capacity: caps[1]!, leased: [], seen: new Set() },
        ];
        const real: Pools = { pools: [new OrderPool(caps[0]!), new OrderPool(caps[1]!)], released: [] };
        statsAgree(models, real, 'construction');
        fc.modelRun(() => ({ model: models, real }), cmds);
      }),
      { seed: 20261203, numRuns: 200, includeErrorInReport: true },
    );
  });
});
