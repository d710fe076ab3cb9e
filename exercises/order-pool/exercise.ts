/**
 * Exercise: order-pool.
 *
 * A trading path that allocates a fresh object per order hands the garbage collector
 * work, and the collector takes it back as pauses. Build a fixed pool instead: every
 * order object is made once, up front, and recycled.
 *
 * - `new OrderPool(capacity)` makes `capacity` PoolOrder objects at once (pass the pool
 *   to each: `new PoolOrder(this)`). `created` counts the objects the pool has ever
 *   made: it equals `capacity` from the constructor on and never grows. A capacity that
 *   is not a positive integer is refused with a RangeError naming it (already written).
 * - `acquire()` hands out a free order, reset to zero (id 0, side 'buy', priceTicks 0,
 *   qty 0) so nothing of its previous user leaks through, and marks it leased. When no
 *   order is free it throws `PoolError('exhausted', ...)`: a pool never grows.
 * - `release(order)` gives an order back so a later `acquire()` can hand out that same
 *   object again. Releasing an order that is not on lease (a second release) throws
 *   `PoolError('not-leased', ...)`; an order from another pool throws
 *   `PoolError('foreign', ...)`. A refused release changes nothing. Every PoolError
 *   carries a message saying what went wrong (its wording is yours).
 * - `using order = pool.acquire()` releases the order at the end of the block:
 *   PoolOrder's `[Symbol.dispose]` already calls `pool.release(this)`.
 * - `available` is how many orders are free, `inUse` how many are on lease.
 *
 * Run `ticklab hint order-pool` if you are stuck.
 */

export type Side = 'buy' | 'sell';

/** Thrown when the pool is empty, or an order is released twice or to the wrong pool. */
export class PoolError extends Error {
  override name = 'PoolError';
  constructor(
    readonly kind: 'exhausted' | 'not-leased' | 'foreign',
    message: string,
  ) {
    super(message);
  }
}

// #region pool-order
/** One reusable order. Its fields are plain data; the pool decides who may use it. */
export class PoolOrder implements Disposable {
  id = 0;
  side: Side = 'buy';
  priceTicks = 0;
  qty = 0;
  /** Set by the pool: whether the order is out on a lease right now. */
  leased = false;

  constructor(readonly pool: OrderPool) {}

  /** `using order = pool.acquire()` gives the order back at the end of the block. */
  [Symbol.dispose](): void {
    this.pool.release(this);
  }
}
// #endregion pool-order

export class OrderPool {
  readonly capacity: number;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, not ${capacity}`);
    this.capacity = capacity;
    // TODO: make every order the pool will ever use, now, and keep the free ones.
  }

  /** How many order objects the pool has ever made (equal to capacity, for ever). */
  get created(): number {
    // TODO: count the orders made.
    return 0;
  }

  /** How many orders are free to acquire. */
  get available(): number {
    // TODO
    return this.capacity;
  }

  /** How many orders are out on lease. */
  get inUse(): number {
    // TODO
    return 0;
  }

  /** A zeroed order, for the caller to fill in and give back. */
  acquire(): PoolOrder {
    // TODO: take a free order instead of allocating one; reset it; mark it leased;
    // throw PoolError('exhausted') when none is free.
    return new PoolOrder(this);
  }

  /** Gives an order back. Releasing it twice is the pool's double free, and throws. */
  release(order: PoolOrder): void {
    // TODO: refuse foreign and not-leased orders; put the order back for reuse.
    void order;
  }
}
