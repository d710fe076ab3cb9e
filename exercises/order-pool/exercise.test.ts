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
