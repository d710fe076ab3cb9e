/**
 * Cancel scans the queue: the orders live in an array, and `remove` finds its order with
 * `findIndex` and closes the gap with `splice`, so a cancel costs O(n) in the number of
 * orders queued. Every answer is right; only the time per cancel grows with the queue.
 */

/** A queued order. `qty` is its remaining quantity, lowered in place by partial fills. */
export interface QueuedOrder {
  readonly id: number;
  qty: number;
}

export class PriceLevel {
  /** The queue, oldest first. */
  readonly #orders: QueuedOrder[] = [];

  constructor(readonly price: number) {}

  /** Number of queued orders. */
  get size(): number {
    return this.#orders.length;
  }

  /** Adds an order at the back of the queue. */
  push(id: number, qty: number): QueuedOrder {
    const order = { id, qty };
    this.#orders.push(order);
    return order;
  }

  /** The oldest order, or undefined. */
  front(): QueuedOrder | undefined {
    return this.#orders[0];
  }

  /** Removes and returns the oldest order, or undefined. */
  shift(): QueuedOrder | undefined {
    return this.#orders.shift();
  }

  /** Removes the order `id` from anywhere in the queue; undefined if absent. */
  remove(id: number): QueuedOrder | undefined {
    const at = this.#orders.findIndex((o) => o.id === id);
    if (at < 0) return undefined;
    return this.#orders.splice(at, 1)[0];
  }

  /** The record of order `id`, or undefined. */
  get(id: number): QueuedOrder | undefined {
    return this.#orders.find((o) => o.id === id);
  }

  /** The queued orders, front first. */
  *[Symbol.iterator](): IterableIterator<QueuedOrder> {
    yield* this.#orders;
  }
}
