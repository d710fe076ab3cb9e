/**
 * read() consumes the handle: a borrow is treated as a move, so the owner is dead after a
 * single read and the validate-then-execute pipeline cannot work.
 */
/** Thrown when a handle is used after its value was moved out of it or dropped. */
export class UseAfterMoveError extends Error {
  override name = 'UseAfterMoveError';
}

export class Owned<T> implements Disposable {
  #value: T;
  #onDrop: ((value: T) => void) | undefined;
  // The one fact Rust's borrow checker knows about every binding: does it still own its value?
  #live = true;

  constructor(value: T, onDrop?: (value: T) => void) {
    this.#value = value;
    this.#onDrop = onDrop;
  }

  /** Whether this handle still owns its value. */
  get isLive(): boolean {
    return this.#live;
  }

  /** A shared borrow: `f` may read the value while the owner keeps it. */
  read<R>(f: (value: Readonly<T>) => R): R {
    this.#check('read');
    this.#live = false;
    return f(this.#value);
  }

  /** Moves the value into a new owner; this handle is dead from now on. */
  move(): Owned<T> {
    this.#check('move');
    // Kill the old handle before handing the value on: there is never a moment with two
    // owners, so nobody can drop it twice (Rust's "no double free").
    this.#live = false;
    const next = new Owned(this.#value, this.#onDrop);
    this.#onDrop = undefined;
    return next;
  }

  /** Drop, as at the end of a Rust scope: the owner runs the drop hook, exactly once. */
  [Symbol.dispose](): void {
    // A moved-from handle owns nothing, so it drops nothing: the new owner will.
    if (!this.#live) return;
    this.#live = false;
    this.#onDrop?.(this.#value);
  }

  #check(what: string): void {
    if (!this.#live) throw new UseAfterMoveError(`cannot ${what}: the value was moved out of this handle (or dropped)`);
  }
}

/** An order as the pipeline sees it: prices in integer ticks (see the integer-prices lesson). */
export interface Order {
  id: number;
  side: 'buy' | 'sell';
  qty: number;
  priceTicks: number;
}

export type ExecutionResult =
  | { status: 'filled'; id: number; qty: number; notionalTicks: number }
  | { status: 'rejected'; id: number; reasons: string[] };

/** Checks an order it only borrows: it reads, it never keeps or changes the order. */
export function validate(order: Readonly<Order>): string[] {
  const reasons: string[] = [];
  if (!Number.isInteger(order.qty) || order.qty <= 0) reasons.push('quantity must be a positive integer');
  if (!Number.isInteger(order.priceTicks) || order.priceTicks <= 0) reasons.push('price must be a positive number of ticks');
  return reasons;
}

/** Takes ownership of the order, fills it, and drops it when it returns. */
export function execute(order: Owned<Order>): ExecutionResult {
  using mine = order.move();
  return mine.read((o) => ({ status: 'filled', id: o.id, qty: o.qty, notionalTicks: o.qty * o.priceTicks }));
}

/** Validate (a borrow), then execute (a move). The caller's handle is dead afterwards either way. */
export function processOrder(order: Owned<Order>): ExecutionResult {
  // Taking the parameter by value, as Rust's `fn process_order(order: Order)` does: the
  // caller gave the order away, whatever happens to it here.
  using mine = order.move();
  const reasons = mine.read(validate);
  // Rejected: `mine` is dropped when this function returns, as the Rust version drops `order`.
  if (reasons.length > 0) return mine.read((o) => ({ status: 'rejected', id: o.id, reasons }));
  // Accepted: ownership moves on into execute, so `mine` is dead and its disposal drops nothing.
  return execute(mine);
}
