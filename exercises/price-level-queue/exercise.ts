/**
 * Exercise: price-level-queue.
 *
 * Build `PriceLevel`: every resting order at one price on one side of a book, kept in
 * arrival order (FIFO), so that the oldest order trades first (time priority).
 *
 * - `push(id, qty)` adds an order at the back of the queue and returns its record.
 * - `front()` is the oldest order; `shift()` removes it and returns it (used when it is
 *   filled). Both give `undefined` on an empty level.
 * - `remove(id)` takes an order out from anywhere in the queue (a cancel) and returns its
 *   record, or `undefined` when `id` is not in this level. It must run in O(1): the same
 *   time with 1,000 or 64,000 orders queued (a test times it at both sizes).
 * - `get(id)` finds an order's record in O(1), or `undefined`.
 * - `size` is the number of queued orders; iterating the level yields the records front
 *   first.
 *
 * A record is live: the book that owns this level lowers `qty` in place on a partial
 * fill, and the level must keep that record (not a copy) in its queue.
 *
 * The tests replay seeded random tapes through a small book built on your level and
 * compare every event with the engine's order book; a failure names the first tape
 * line where they differ. Run `ticklab hint price-level-queue` if you are stuck.
 */

/** A queued order. `qty` is its remaining quantity, lowered in place by partial fills. */
export interface QueuedOrder {
  readonly id: number;
  qty: number;
}

/** A record of the queue: the order and its neighbours (a doubly linked list). */
class Node implements QueuedOrder {
  prev: Node | undefined = undefined;
  next: Node | undefined = undefined;
  constructor(
    readonly id: number,
    public qty: number,
  ) {}
}

// #region level-fields
export class PriceLevel {
  /** Oldest order: the next to trade. */
  #head: Node | undefined = undefined;
  /** Newest order: where the next arrival goes. */
  #tail: Node | undefined = undefined;
  /** id -> record, so that a cancel finds its order without walking the queue. */
  readonly #byId = new Map<number, Node>();

  constructor(readonly price: number) {}
  // #endregion level-fields

  /** Number of queued orders. */
  get size(): number {
    return this.#byId.size;
  }

  /** Adds an order at the back of the queue. */
  push(id: number, qty: number): QueuedOrder {
    // TODO: link a new node after the tail (or make it the head of an empty level) and
    // remember it by id.
    return new Node(id, qty);
  }

  /** The oldest order, or undefined. */
  front(): QueuedOrder | undefined {
    return this.#head;
  }

  /** Removes and returns the oldest order, or undefined. */
  shift(): QueuedOrder | undefined {
    // TODO: remove the head (a filled order leaves from the front).
    return undefined;
  }

  /** Removes the order `id` from anywhere in the queue, in O(1); undefined if absent. */
  remove(id: number): QueuedOrder | undefined {
    // TODO: find the node by id and unlink it from its neighbours; fix head and tail.
    return undefined;
  }

  /** The record of order `id`, or undefined. */
  get(id: number): QueuedOrder | undefined {
    return this.#byId.get(id);
  }

  /** The queued orders, front first. */
  *[Symbol.iterator](): IterableIterator<QueuedOrder> {
    for (let n = this.#head; n !== undefined; n = n.next) yield n;
  }
}
