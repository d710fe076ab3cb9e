/**
 * Exercise: move-semantics.
 *
 * In Rust, `let b = a;` moves a value: `b` owns it now, `a` can no longer be used
 * (rustc rejects it with E0382), and the value is dropped exactly once, by its last
 * owner. TypeScript cannot reject the old name, so build a handle that enforces the
 * same rules at run time:
 *
 * - `new Owned(value, onDrop?)` owns `value`. `isLive` is true while it does.
 * - `read(f)` is a shared borrow: it calls `f(value)` and returns what `f` returns; the
 *   handle still owns the value afterwards.
 * - `move()` returns a new `Owned` that owns the same value (and the same `onDrop`);
 *   the old handle is dead from then on.
 * - `[Symbol.dispose]()` is Drop: when a live handle is disposed (by `using` at the end
 *   of a block, or by hand) it calls `onDrop(value)` once and becomes dead. Disposing a
 *   dead handle (moved or already dropped) does nothing: the value has one owner, and
 *   only the owner drops it.
 * - Using a dead handle (`read` or `move`) throws `UseAfterMoveError`, whose message names
 *   the operation refused (`read` or `move`).
 *
 * Then write `processOrder(order)`, the pipeline Rust writes as
 * `fn process_order(order: Order)`: it takes ownership of the order, validates it
 * through a borrow (`validate`, written for you, gives one reason per bad field, naming
 * the field), and either rejects it with those reasons (the order is dropped when
 * processOrder returns) or moves it into `execute`. Either way the caller's handle is dead after the
 * call, and the order is dropped exactly once.
 *
 * Run `ticklab hint move-semantics` if you are stuck.
 */

/** Thrown when a handle is used after its value was moved out of it or dropped. */
export class UseAfterMoveError extends Error {
  override name = 'UseAfterMoveError';
}

export class Owned<T> implements Disposable {
  #value: T;
  #onDrop: ((value: T) => void) | undefined;

  constructor(value: T, onDrop?: (value: T) => void) {
    this.#value = value;
    this.#onDrop = onDrop;
  }

  /** Whether this handle still owns its value. */
  get isLive(): boolean {
    // TODO: report whether this handle still owns its value.
    return true;
  }

  /** A shared borrow: `f` may read the value while the owner keeps it. */
  read<R>(f: (value: Readonly<T>) => R): R {
    // TODO: throw UseAfterMoveError if this handle no longer owns its value.
    return f(this.#value);
  }

  /** Moves the value into a new owner; this handle is dead from now on. */
  move(): Owned<T> {
    // TODO: refuse on a dead handle, and make this handle dead: a move leaves one owner.
    return new Owned(this.#value, this.#onDrop);
  }

  /** Drop, as at the end of a Rust scope: the owner runs the drop hook, exactly once. */
  [Symbol.dispose](): void {
    // TODO: only a live handle drops its value, and only once.
    this.#onDrop?.(this.#value);
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

// #region execute
/** Takes ownership of the order, fills it, and drops it when it returns. */
export function execute(order: Owned<Order>): ExecutionResult {
  using mine = order.move();
  return mine.read((o) => ({ status: 'filled', id: o.id, qty: o.qty, notionalTicks: o.qty * o.priceTicks }));
}
// #endregion execute

/** Validate (a borrow), then execute (a move). The caller's handle is dead afterwards either way. */
export function processOrder(order: Owned<Order>): ExecutionResult {
  // TODO: take ownership of the order first, so that a rejected order is dropped here
  // and the caller's handle is dead on both paths.
  const reasons = order.read(validate);
  if (reasons.length > 0) return order.read((o) => ({ status: 'rejected', id: o.id, reasons }));
  return execute(order);
}
