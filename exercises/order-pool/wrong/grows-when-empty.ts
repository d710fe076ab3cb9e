/**
 * The pool grows under load: an empty pool makes a new order instead of refusing, so a
 * burst allocates again and the collector comes back exactly when the market is busiest.
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

export class OrderPool {
  readonly capacity: number;
  #created = 0;
  // A stack of free orders. It is filled to `capacity` once and never grows: push only
  // ever puts back an order that pop took out, so its length stays within capacity.
  readonly #free: PoolOrder[] = [];

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, not ${capacity}`);
    this.capacity = capacity;
    // Warm-up: every allocation the pool will ever make happens here.
    for (let i = 0; i < capacity; i++) {
      this.#free.push(new PoolOrder(this));
      this.#created += 1;
    }
  }

  /** How many order objects the pool has ever made (equal to capacity, for ever). */
  get created(): number {
    return this.#created;
  }

  /** How many orders are free to acquire. */
  get available(): number {
    return this.#free.length;
  }

  /** How many orders are out on lease. */
  get inUse(): number {
    return this.capacity - this.#free.length;
  }

  /** A zeroed order, for the caller to fill in and give back. */
  acquire(): PoolOrder {
    const order = this.#free.pop();
    // Empty means the system is over its budget: say so loudly instead of allocating,
    // which would quietly bring the collector back.
    if (order === undefined) {
      this.#created += 1;
      const extra = new PoolOrder(this);
      extra.leased = true;
      return extra;
    }
    // Reset on the way out, so no field of the previous user leaks to the next one.
    order.id = 0;
    order.side = 'buy';
    order.priceTicks = 0;
    order.qty = 0;
    order.leased = true;
    return order;
  }

  /** Gives an order back. Releasing it twice is the pool's double free, and throws. */
  release(order: PoolOrder): void {
    if (order.pool !== this) throw new PoolError('foreign', 'this order belongs to another pool');
    // Without this check a second release would push the same object twice, and two
    // later acquires would hand one order to two users.
    if (!order.leased) throw new PoolError('not-leased', `order is not on lease (released twice?)`);
    order.leased = false;
    this.#free.push(order);
  }
}
