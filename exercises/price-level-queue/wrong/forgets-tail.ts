/**
 * Removing the last order does not move the tail back: `#unlink` fixes the head and the
 * neighbours but leaves `#tail` on the removed node, so the next push is linked behind an
 * order that is no longer in the queue and is lost to the front-to-back walk.
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

export class PriceLevel {
  /** Oldest order: the next to trade. */
  #head: Node | undefined = undefined;
  /** Newest order: where the next arrival goes. */
  #tail: Node | undefined = undefined;
  /** id -> record, so that a cancel finds its order without walking the queue. */
  readonly #byId = new Map<number, Node>();

  constructor(readonly price: number) {}

  /** Number of queued orders. */
  get size(): number {
    return this.#byId.size;
  }
  /** Adds an order at the back of the queue. */
  push(id: number, qty: number): QueuedOrder {
    // Arrival order is time priority: the newest order goes behind every older one.
    const node = new Node(id, qty);
    node.prev = this.#tail;
    if (this.#tail === undefined) this.#head = node;
    else this.#tail.next = node;
    this.#tail = node;
    this.#byId.set(id, node);
    return node;
  }

  /** The oldest order, or undefined. */
  front(): QueuedOrder | undefined {
    return this.#head;
  }

  /** Removes and returns the oldest order, or undefined. */
  shift(): QueuedOrder | undefined {
    const head = this.#head;
    if (head === undefined) return undefined;
    // The front is just a remove that needs no lookup.
    this.#unlink(head);
    return head;
  }
  /** Removes the order `id` from anywhere in the queue, in O(1); undefined if absent. */
  remove(id: number): QueuedOrder | undefined {
    // The map answers "where is it?" without a walk; the links answer "what closes the
    // gap?" without a shift. Neither depends on how many orders are queued.
    const node = this.#byId.get(id);
    if (node === undefined) return undefined;
    this.#unlink(node);
    return node;
  }

  #unlink(node: Node): void {
    // Each neighbour, or the level's end pointer when there is none, skips the node.
    if (node.prev === undefined) this.#head = node.next;
    else node.prev.next = node.next;
    if (node.next !== undefined) node.next.prev = node.prev;
    node.prev = node.next = undefined;
    this.#byId.delete(node.id);
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
